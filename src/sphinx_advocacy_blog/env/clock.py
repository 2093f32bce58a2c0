"""The build date, one value for the whole build (``SOURCE_DATE_EPOCH`` when set).

Which posts are held back as scheduled, which events are upcoming and the ``DTSTAMP`` of
the calendars all read this one moment, taken the first time it is asked for in a build
(parallel workers are forked after that, so they share it).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..util.clock import build_time

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_NOW: WeakKeyDictionary[Sphinx, datetime] = WeakKeyDictionary()


def build_now(app: Sphinx) -> datetime:
    """The date of this build (aware, UTC)."""
    known = _NOW.get(app)
    if known is None:
        known = _NOW[app] = build_time()
    return known


def setup_clock(app: Sphinx) -> None:
    """Take the build date when the build starts."""
    app.connect("builder-inited", build_now, priority=300)
