"""The build date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timezone

#: The environment variable of reproducible builds (https://reproducible-builds.org/).
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def build_time(environ: Mapping[str, str] | None = None) -> datetime:
    """The moment a build is made at, aware and in UTC.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970) when it is set to a whole number, so that
    two builds of the same sources give the same files; otherwise the current time.

    >>> build_time({"SOURCE_DATE_EPOCH": "0"}).isoformat()
    '1970-01-01T00:00:00+00:00'
    """
    environ = os.environ if environ is None else environ
    value = environ.get(SOURCE_DATE_EPOCH, "").strip()
    if value.isdigit():
        try:
            return datetime.fromtimestamp(int(value), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            pass
    return datetime.now(tz=timezone.utc).replace(microsecond=0)
