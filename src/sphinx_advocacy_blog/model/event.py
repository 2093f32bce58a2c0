"""An event a post announces: when, where, how to join, and whether it still happens.

Read from a post's ``event`` front matter by :mod:`..readers.event`; shown on the post page,
on the events page, in JSON-LD and in iCalendar files. Pure records and functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

#: What ``status`` may say, as written in front matter.
EVENT_STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled", "moved-online")
#: schema.org ``eventStatus`` of each status.
SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
    "moved-online": "https://schema.org/EventMovedOnline",
}


@dataclass(frozen=True)
class Place:
    """Where an event happens: a venue's name and its postal address."""

    name: str = ""
    #: The address in one line, as written (or made from the parts below).
    address: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""

    @property
    def text(self) -> str:
        """The place in one line: ``Cathedral Square, Katedros a., Vilnius``."""
        return ", ".join(part for part in (self.name, self.address) if part)


@dataclass(frozen=True)
class Event:
    """An event: its start (aware datetime), end, place, online link and status."""

    start: datetime
    end: datetime | None = None
    #: Given as dates: the event takes whole days (``start``/``end`` are midnights).
    all_day: bool = False
    #: The IANA time zone the times were given in (``Europe/Vilnius``), if named.
    timezone: str = ""
    place: Place | None = None
    #: Where to join online (an http(s) URL).
    online: str = ""
    status: str = "scheduled"
    registration: str = ""
    #: The start before a ``rescheduled`` event was moved.
    previous_start: datetime | None = None

    @property
    def finish(self) -> datetime:
        """When the event is over: its end, else its start (the end of its last day for an
        all-day event)."""
        last = self.end or self.start
        return last + timedelta(days=1) if self.all_day else last

    def is_upcoming(self, now: datetime) -> bool:
        """Not over yet at *now* (an event that has begun but not ended is upcoming)."""
        return self.finish > now

    @property
    def attendance_mode(self) -> str:
        """``offline``, ``online`` or ``mixed``."""
        if self.status == "moved-online" or (self.online and self.place is None):
            return "online"
        return "mixed" if self.online else "offline"
