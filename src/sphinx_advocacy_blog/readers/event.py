"""A post's ``event`` mapping into an :class:`~..model.event.Event`: a pure function.

:func:`read_event` takes the mapping as YAML gives it (or as any other reader builds it,
values as text: the ABlog ``post`` directive's options) and returns the event and the
problems found, each naming the file and the line of the key at fault::

    event:
      start: 2025-05-01T12:00:00+03:00     # or a date; or a naive time plus `timezone`
      end: 2025-05-01T15:00:00+03:00
      timezone: Europe/Vilnius
      location: {name: Cathedral Square, address: "Katedros a., Vilnius, Lithuania"}
      online: https://meet.example.org/x
      status: scheduled                     # cancelled, postponed, rescheduled, moved-online
      registration: https://example.org/join
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone, tzinfo
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..model.event import EVENT_STATUSES, Event, Place
from ..model.problem import Problem
from .dates import read_moment
from .values import as_text

#: Keys of the ``event`` mapping (others are reported: a typo such as ``strat``).
EVENT_KEYS = frozenset(
    {"start", "end", "timezone", "location", "online", "status", "registration", "previous_start"}
)
#: Keys of ``location`` (``address`` may also be a mapping of the parts).
PLACE_KEYS = frozenset({"name", "address"})
ADDRESS_KEYS = ("street", "locality", "region", "postal_code", "country")
_STATUS_ALIASES = {"canceled": "cancelled", "moved_online": "moved-online"}
SUBTYPE = "event"


@dataclass
class EventReading:
    """What :func:`read_event` found: the event (``None`` when it has no usable start) and
    the problems."""

    event: Event | None
    problems: list[Problem] = field(default_factory=list)


def _zone(name: str) -> tzinfo | None:
    """The IANA time zone *name*, ``None`` when the system (or ``tzdata``) does not know it."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _shown(value: Any) -> str:
    """A front-matter value as its author wrote it (dates in ISO form), quoted."""
    if isinstance(value, (date, datetime)):
        return f"'{value.isoformat()}'"
    return repr(value) if isinstance(value, str) else f"'{value}'"


class _EventReader:
    def __init__(self, path: str, line: int, lines: Mapping[str, int]) -> None:
        self.path = path
        self.line = line
        self.lines = lines
        self.problems: list[Problem] = []

    def warn(self, key: str, message: str) -> None:
        line = self.lines.get(key) or self.line
        self.problems.append(Problem(SUBTYPE, message, self.path, line))

    def link(self, key: str, value: Any) -> str:
        text = as_text(value)
        if not text:
            return ""
        try:
            parts = urlsplit(text)
        except ValueError:
            parts = None
        if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            self.warn(
                key,
                f"event {key} {text!r} is not a web address; write a full http:// or "
                "https:// link. It was left out",
            )
            return ""
        if any(character.isspace() or ord(character) < 32 for character in text):
            self.warn(key, f"event {key} {text!r} holds spaces; it was left out")
            return ""
        return text

    def moment(self, key: str, value: Any, zone: tzinfo | None) -> tuple[datetime, bool] | None:
        """``(aware datetime, all_day)`` of a ``start``/``end`` value."""
        moment = read_moment(value)
        if moment is None:
            self.warn(
                key,
                f"event {key} {_shown(value)} is not a date or time; write it as 2025-05-01, or "
                "2025-05-01T12:00:00+03:00, or 2025-05-01T12:00:00 with a 'timezone'",
            )
            return None
        if not isinstance(moment, datetime):
            return datetime.combine(moment, time(0), tzinfo=zone or timezone.utc), True
        if moment.tzinfo is not None:
            return (moment.astimezone(zone) if zone is not None else moment), False
        if zone is None:
            self.warn(
                key,
                f"event {key} {_shown(value)} has no time zone; add its offset "
                "(2025-05-01T12:00:00+03:00) or a 'timezone' such as Europe/Vilnius. "
                "It was read as UTC",
            )
            zone = timezone.utc
        return moment.replace(tzinfo=zone), False

    def place(self, value: Any) -> Place | None:
        if value is None or value == "":
            return None
        if not isinstance(value, Mapping):
            text = as_text(value)
            return Place(name=text) if text else None
        unknown = sorted(str(key) for key in value if key not in PLACE_KEYS)
        if unknown:
            self.warn(
                "location",
                f"event location: unknown key(s) {', '.join(unknown)} (it takes 'name' and "
                "'address')",
            )
        name = as_text(value.get("name"))
        raw = value.get("address")
        parts = dict.fromkeys(ADDRESS_KEYS, "")
        if isinstance(raw, Mapping):
            for key in ADDRESS_KEYS:
                parts[key] = as_text(raw.get(key))
            address = ", ".join(part for part in parts.values() if part)
        else:
            address = as_text(raw)
        if not name and not address:
            self.warn("location", "event location needs a 'name' or an 'address'")
            return None
        return Place(name=name, address=address, **parts)

    def status(self, value: Any) -> str:
        text = as_text(value).lower() if value is not None else ""
        if not text:
            return "scheduled"
        text = _STATUS_ALIASES.get(text, text)
        if text not in EVENT_STATUSES:
            self.warn(
                "status",
                f"event status {_shown(value)} is unknown; write one of "
                f"{', '.join(EVENT_STATUSES)}. It was read as 'scheduled'",
            )
            return "scheduled"
        return text


def read_event(
    value: Any, path: str = "", line: int | None = None, lines: Mapping[str, int] | None = None
) -> EventReading:
    """Read an ``event`` mapping.

    *path* and *line* locate the problems (the file, the line of ``event:``); *lines* maps
    the mapping's own keys (``start``, ``location``...) to their lines, when known.
    """
    reader = _EventReader(path, line or 1, lines or {})
    if not isinstance(value, Mapping):
        reader.warn(
            "",
            "event must be a mapping of 'start', 'end', 'location'... (see the events page "
            "of the documentation); it was left out",
        )
        return EventReading(None, reader.problems)
    unknown = sorted(str(key) for key in value if key not in EVENT_KEYS)
    if unknown:
        reader.warn(
            "",
            f"event: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(EVENT_KEYS))})",
        )
    zone_name = as_text(value.get("timezone"))
    zone = _zone(zone_name)
    if zone_name and zone is None:
        reader.warn(
            "timezone",
            f"event timezone {zone_name!r} is not a known time zone; write a name such as "
            "Europe/Vilnius or America/New_York",
        )
        zone_name = ""
    if value.get("start") in (None, ""):
        reader.warn("", "event has no 'start'; add the date (and time) it begins. It was left out")
        return EventReading(None, reader.problems)
    start = reader.moment("start", value["start"], zone)
    if start is None:
        return EventReading(None, reader.problems)
    end = None
    if value.get("end") not in (None, ""):
        read_end = reader.moment("end", value["end"], zone)
        if read_end is not None:
            end, end_all_day = read_end
            if end_all_day != start[1]:
                reader.warn(
                    "end",
                    "event start and end must both be dates or both be times; the end was left out",
                )
                end = None
            elif end < start[0]:
                reader.warn(
                    "end",
                    f"event end {_shown(value['end'])} is before its start "
                    f"{_shown(value['start'])}; the "
                    "end was left out",
                )
                end = None
    previous = None
    if value.get("previous_start") not in (None, ""):
        read_previous = reader.moment("previous_start", value["previous_start"], zone)
        previous = read_previous[0] if read_previous else None
    place = reader.place(value.get("location"))
    online = reader.link("online", value.get("online"))
    event = Event(
        start=start[0],
        end=end,
        all_day=start[1],
        timezone=zone_name,
        place=place,
        online=online,
        status=reader.status(value.get("status")),
        registration=reader.link("registration", value.get("registration")),
        previous_start=previous,
    )
    if event.place is None and not event.online:
        reader.warn(
            "",
            "event has neither a 'location' nor an 'online' link: readers and search engines "
            "cannot tell where it is",
        )
    return EventReading(event, reader.problems)


def event_lines(key_lines: Mapping[str, int], key: str = "event") -> dict[str, int]:
    """The lines of the keys inside mapping *key* (``event.start`` -> ``start``)."""
    prefix = key + "."
    return {
        name[len(prefix) :]: line for name, line in key_lines.items() if name.startswith(prefix)
    }
