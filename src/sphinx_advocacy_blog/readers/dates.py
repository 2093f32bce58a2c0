"""Post dates: front matter values, path dates and their display."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone
from typing import Any

_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def read_moment(value: Any) -> datetime | date | None:
    """A front-matter date or time as written: a ``date``, a naive ``datetime`` (no offset
    given) or an aware one; ``None`` when *value* is neither.

    >>> read_moment("2025-05-01T12:00+03:00").isoformat()
    '2025-05-01T12:00:00+03:00'
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _ISO_DATE.match(text):
        try:
            year, month, day = (int(part) for part in text.split("-"))
            return date(year, month, day)
        except ValueError:
            return None
    candidate = text.replace("Z", "+00:00").replace(" ", "T", 1)
    # ``+0600`` -> ``+06:00`` for Python 3.10's fromisoformat.
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    candidate = re.sub(r"T([+-])", r"\1", candidate)
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def to_datetime(value: Any) -> tuple[datetime, bool] | None:
    """Read a front-matter date; return ``(aware datetime, has_time)`` or ``None``.

    Dates without a time are midnight UTC; datetimes keep their own offset
    (``2022-11-23T16:56:47+06:00`` stays at +06:00 so its calendar date is the one written);
    naive datetimes are UTC.
    """
    moment = read_moment(value)
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(0), tzinfo=timezone.utc), False
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)), True


def from_path_date(found: date) -> datetime:
    """A date read from a file path, as midnight UTC."""
    return datetime.combine(found, time(0), tzinfo=timezone.utc)
