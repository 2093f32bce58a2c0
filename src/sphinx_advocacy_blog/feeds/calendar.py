"""iCalendar files (RFC 5545) of the events: one per event, and one with every event.

Each post with an event gets ``<its page>.ics`` (its "Add to calendar" link); the blog gets
``blog/events.ics`` with every listed event, which calendar apps can subscribe to. The files
are made with the ``icalendar`` library (escaping, line folding, ``VTIMEZONE``), never by
hand:

* ``UID`` is the post's page name at the site's host: the same in every build, so a
  calendar app updates an event rather than adding it twice;
* ``DTSTAMP`` is the build's day, at midnight UTC (of ``SOURCE_DATE_EPOCH`` when set), so
  two builds of the same sources on one day give the same bytes, and a rebuild with no
  change that day leaves the files alone;
* times are written in the named time zone of the event (``TZID``, with its
  ``VTIMEZONE``), or in UTC when the event gave only an offset; all-day events are dates;
* ``URL`` is the post's address (with ``html_baseurl``).

:func:`event_component` and :func:`calendar_bytes` are pure; :func:`write_calendars` writes
the files at the end of the build, only when what they are made from (the events' posts,
the options, the build date) changed: an edit of a post without an event leaves them
alone (and icalendar unimported); a site without events writes none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..env.build_state import get_catalog
from ..env.clock import build_now
from ..env.output_state import build_stamp, is_current, load_state, remember, save_state
from ..env.records import posts_of
from ..env.site_data import get_site
from ..i18n.translate import _
from ..model.event import Event
from ..model.post import Post
from ..model.routes import event_calendar_file, events_calendar_file
from ..model.site import BlogSite
from ..pages.links import absolute_page_url
from ..seo.facts import post_description
from ..util.files import remove_output, write_output
from ..version import __version__

if TYPE_CHECKING:
    from icalendar import Component
    from icalendar import Event as CalendarEvent
    from sphinx.application import Sphinx

PRODID = f"-//sphinx-advocacy-blog//{__version__}//EN"
#: How often subscribers' apps should look for changes (RFC 7986 ``REFRESH-INTERVAL``).
REFRESH = timedelta(hours=12)
#: ``STATUS`` of each event status.
ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "moved-online": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
CALENDAR_RECORD = "advocacy_blog_calendars.json"


@dataclass(frozen=True)
class CalendarEntry:
    """One event as a calendar shows it: display-ready text and an absolute URL."""

    uid: str
    title: str
    event: Event
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()


def _moment(moment: datetime, event: Event) -> object:
    """A ``DTSTART``/``DTEND`` value: a date for all-day events; a time in the event's
    named zone (``TZID``), else in UTC."""
    if event.all_day:
        return moment.date()
    if event.timezone and isinstance(moment.tzinfo, ZoneInfo):
        return moment
    return moment.astimezone(timezone.utc)


def event_component(entry: CalendarEntry, stamp: datetime) -> CalendarEvent:
    """The ``VEVENT`` of an entry; *stamp* is the build date (``DTSTAMP``)."""
    from icalendar import Event as CalendarEvent  # imported by the builds that write one

    event = entry.event
    component = CalendarEvent()
    component.add("uid", entry.uid)
    component.add("dtstamp", stamp.astimezone(timezone.utc))
    component.add("dtstart", _moment(event.start, event))
    if event.end is not None:
        last = event.end + timedelta(days=1) if event.all_day else event.end
        component.add("dtend", _moment(last, event))
    elif event.all_day:
        component.add("dtend", _moment(event.start + timedelta(days=1), event))
    component.add("summary", entry.title)
    location = event.place.text if event.place is not None else event.online
    if location:
        component.add("location", location)
    lines = [entry.description] if entry.description else []
    if event.online:
        lines.append(str(_("Online: {url}")).format(url=event.online))
    if event.registration:
        lines.append(str(_("Register: {url}")).format(url=event.registration))
    if entry.url:
        lines.append(entry.url)
        component.add("url", entry.url)
    if lines:
        component.add("description", "\n\n".join(lines))
    if entry.categories:
        component.add("categories", list(entry.categories))
    component.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    return component


def calendar_bytes(
    name: str, entries: Iterable[CalendarEntry], stamp: datetime, *, subscribable: bool = False
) -> bytes:
    """A ``VCALENDAR`` of *entries* (in the order given), with the time zones they use."""
    from icalendar import Calendar, vDuration  # imported by the builds that write one

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if subscribable:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    for entry in entries:
        calendar.add_component(event_component(entry, stamp))
    # icalendar's add_missing_timezones() walks a set (the order of several zones would
    # change between runs) and computes each VTIMEZONE again for every calendar.
    timezones = [_timezone(tzid) for tzid in sorted(calendar.get_missing_tzids())]
    calendar.subcomponents[:0] = [timezone for timezone in timezones if timezone is not None]
    return bytes(calendar.to_ical())


@cache
def _timezone(tzid: str) -> Component | None:
    """The ``VTIMEZONE`` of *tzid* (None when unknown), computed once per process and
    shared by every calendar: components are only read when written out."""
    from icalendar import Timezone

    try:
        return Timezone.from_tzid(tzid)
    except ValueError:
        return None


def calendar_uid(site: BlogSite, docname: str) -> str:
    """``<page name>@<host>``: the same for an event in every build (and every locale)."""
    host = urlsplit(site.settings.base_url).hostname or "sphinx-advocacy-blog"
    return f"{docname}@{host}"


def _entry(app: Sphinx, site: BlogSite, post: Post) -> CalendarEntry:
    assert post.event is not None
    return CalendarEntry(
        uid=calendar_uid(site, post.docname),
        title=post.title,
        event=post.event,
        description=post_description(site, post),
        url=absolute_page_url(app.builder, site.settings, post.docname)
        if site.settings.base_url
        else "",
        categories=tuple(tag.label for tag in site.post_tags(post)),
    )


@dataclass
class _Calendars:
    """What the calendars of a build are made from: each event's entry, and the events
    the calendar of all events lists, in its order."""

    entries: dict[str, CalendarEntry]
    listed: list[str]

    def digest(self, app: Sphinx) -> str:
        """Everything the calendars' bytes follow from, but the build's day."""
        inputs = (build_stamp(app), list(self.entries.items()), self.listed, PRODID)
        return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def _calendars(app: Sphinx) -> _Calendars:
    site = get_site(app)
    entries = {
        docname: _entry(app, site, post)
        for docname, post in sorted(posts_of(app.env).items())
        if post.event is not None
    }
    listed = sorted(
        get_catalog(app).events,
        key=lambda post: (post.event.start, post.docname),  # type: ignore[union-attr]
    )
    return _Calendars(entries, [post.docname for post in listed])


def write_calendars(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write every event's calendar and the calendar of all events."""
    if exception is not None or app.builder.format != "html":
        return
    if app.builder.name in ("singlehtml", "epub"):
        return
    record = load_state(app, CALENDAR_RECORD)
    previous = {str(name) for name in record} if isinstance(record, list) else set()
    # DTSTAMP is the build's day: a build on another day writes the calendars again (before,
    # the build's second: every build wrote every calendar, 0.3 s for 50 events).
    stamp = build_now(app).replace(hour=0, minute=0, second=0, microsecond=0)
    day = stamp.isoformat()

    @cache
    def inputs() -> _Calendars:
        return _calendars(app)

    def narrow(app: Sphinx) -> str:
        # Made only when something changed (a build that changed nothing stops before).
        return inputs().digest(app)

    if previous and is_current(app, "calendars", sorted(previous), day, narrow=narrow):
        return
    made = inputs()
    if not made.entries and not previous:
        return
    site = get_site(app)
    outdir = str(app.outdir)
    written: set[str] = set()
    for docname, entry in made.entries.items():
        relative = event_calendar_file(docname)
        write_output(outdir, relative, calendar_bytes(entry.title, [entry], stamp))
        written.add(relative)
    if made.listed:
        relative = events_calendar_file(site)
        name = f"{site.settings.title} – {_('Events')}"
        data = calendar_bytes(
            name, [made.entries[docname] for docname in made.listed], stamp, subscribable=True
        )
        write_output(outdir, relative, data)
        written.add(relative)
    for stale in sorted(previous - written):
        remove_output(outdir, stale)
    save_state(app, CALENDAR_RECORD, sorted(written))
    remember(app, "calendars", day, narrow=narrow)


def setup_calendars(app: Sphinx) -> None:
    """Write the calendars of events at the end of each build."""
    app.connect("build-finished", write_calendars)
