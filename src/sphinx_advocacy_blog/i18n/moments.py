"""When an event happens, as readers of the page's language write it (Babel).

Times are shown in the event's own time zone (the one it was announced in), followed by
that zone: ``Thursday, May 1, 2025, 12:00 PM – 3:00 PM GMT+03:00 (Vilnius)``. All-day
events show dates only.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import (
    format_date,
    format_interval,
    format_time,
    get_timezone_gmt,
    get_timezone_location,
)

from ..model.event import Event
from .translate import babel_locale


@lru_cache(maxsize=256)
def _city(zone: str, code: str) -> str:
    try:
        city = get_timezone_location(ZoneInfo(zone), locale=babel_locale(code), return_city=True)
        return str(city)
    except (LookupError, ValueError, OSError):
        return zone


def zone_label(moment: datetime, zone: str, code: str) -> str:
    """``GMT+03:00 (Vilnius)``: the offset at *moment*, and the zone's city when named
    (``UTC`` for a time given in UTC)."""
    if not zone and not moment.utcoffset():
        return "UTC"
    offset = str(get_timezone_gmt(moment, width="long", locale=babel_locale(code)))
    if zone and zone != "UTC":
        return f"{offset} ({_city(zone, code)})"
    return offset


def _zone(event: Event) -> tzinfo | None:
    return event.start.tzinfo


def event_when(event: Event, code: str, *, short: bool = False) -> str:
    """The event's date(s) and time(s) in language *code*, with its time zone.

    *short* gives the medium date format (for lists) rather than the full one.
    """
    locale = babel_locale(code)
    date_format = "medium" if short else "full"
    start = event.start
    end = event.end
    if event.all_day:
        last = end.date() if end is not None else start.date()
        if last == start.date():
            return str(format_date(start.date(), format=date_format, locale=locale))
        skeleton = "yMMMd" if short else "yMMMMEEEEd"
        return str(format_interval(start.date(), last, skeleton, locale=locale))
    zone = _zone(event)
    start_time = str(format_time(start, format="short", tzinfo=zone, locale=locale))
    text = f"{format_date(start.date(), format=date_format, locale=locale)}, {start_time}"
    if end is not None and end != start:
        end_time = str(format_time(end, format="short", tzinfo=zone, locale=locale))
        if end.date() == start.date():
            text += f" – {end_time}"
        else:
            end_date = format_date(end.date(), format=date_format, locale=locale)
            text += f" – {end_date}, {end_time}"
    return f"{text} {zone_label(start, event.timezone, code)}"


def when_text(moment: datetime, all_day: bool, zone: str, code: str) -> str:
    """One date (and time) in language *code*: a rescheduled event's former start."""
    locale = babel_locale(code)
    if all_day:
        return str(format_date(moment.date(), format="full", locale=locale))
    time_text = format_time(moment, format="short", tzinfo=moment.tzinfo, locale=locale)
    day = format_date(moment.date(), format="full", locale=locale)
    return f"{day}, {time_text} {zone_label(moment, zone, code)}"
