"""Events on pages: the event box of a post, and lists of events (events page, index,
``eventlist``).

Views are plain dicts of display-ready values (dates in the page's language, links relative
to the page); the templates ``event_box.html`` and ``event_list.html`` escape them. The
place links to an OpenStreetMap search, a plain link: no map is embedded, so no third
party is asked for anything when the page loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup

from ..i18n.moments import event_when, when_text
from ..i18n.translate import _
from ..model.event import Event
from ..model.post import Post
from ..model.routes import event_calendar_file, events_calendar_file, events_page
from ..model.site import BlogSite
from .links import link, link_to_file
from .render import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: OpenStreetMap's search, which takes any text (a venue, an address).
MAP_SEARCH = "https://www.openstreetmap.org/search?query="


def status_label(status: str) -> str:
    """The short label of a status that is not ``scheduled`` (``""`` for that one)."""
    labels = {
        "cancelled": _("Cancelled"),
        "postponed": _("Postponed"),
        "rescheduled": _("Rescheduled"),
        "moved-online": _("Moved online"),
    }
    return str(labels.get(status, ""))


def status_notice(event: Event, language: str) -> str:
    """The banner of a cancelled, postponed, rescheduled or moved event."""
    if event.status == "cancelled":
        return str(_("This event is cancelled."))
    if event.status == "postponed":
        return str(_("This event is postponed; the new date will be announced."))
    if event.status == "moved-online":
        return str(_("This event has moved online."))
    if event.status == "rescheduled":
        if event.previous_start is not None:
            before = when_text(event.previous_start, event.all_day, event.timezone, language)
            return str(_("This event has been rescheduled (it was planned for {date}).")).format(
                date=before
            )
        return str(_("This event has been rescheduled."))
    return ""


def map_link(event: Event) -> str:
    """An OpenStreetMap search for the event's address (or its venue's name)."""
    place = event.place
    if place is None:
        return ""
    query = place.address or place.name
    return MAP_SEARCH + quote(query, safe="") if query else ""


def _iso(event: Event) -> tuple[str, str]:
    if event.all_day:
        return event.start.date().isoformat(), event.end.date().isoformat() if event.end else ""
    return event.start.isoformat(), event.end.isoformat() if event.end else ""


def event_view(
    builder: Builder, site: BlogSite, from_page: str, post: Post, language: str
) -> dict[str, Any] | None:
    """Display values of a post's event for its own page (``None`` without an event)."""
    event = post.event
    if event is None:
        return None
    start_iso, end_iso = _iso(event)
    place = event.place
    online = event.online
    return {
        "when": event_when(event, language),
        "start_iso": start_iso,
        "end_iso": end_iso,
        "place_name": place.name if place else "",
        "place_address": place.address if place else "",
        "map_url": map_link(event),
        "online_url": online,
        "registration_url": event.registration,
        "status": event.status,
        "status_notice": status_notice(event, language),
        "calendar_url": link_to_file(builder, from_page, event_calendar_file(post.docname)),
    }


def event_item_view(builder: Builder, from_page: str, post: Post, language: str) -> dict[str, Any]:
    """Display values of an event in a list (events page, blog index, ``eventlist``)."""
    event = post.event
    assert event is not None
    start_iso, _end_iso = _iso(event)
    place = event.place
    return {
        "title": post.title,
        "url": link(builder, from_page, post.docname),
        "when": event_when(event, language, short=True),
        "start_iso": start_iso,
        "place": place.text if place else "",
        "online": bool(event.online),
        "status": event.status,
        "status_label": status_label(event.status),
    }


def render_event_list(app: Sphinx, pagename: str, posts: list[Post], *, empty: str = "") -> Markup:
    """The ``<ul>`` of events *posts* as shown on page *pagename*."""
    language = app.config.language or "en"
    items = [event_item_view(app.builder, pagename, post, language) for post in posts]
    return render(app, "event_list.html", events=items, empty=empty)


def render_events_page(
    app: Sphinx, site: BlogSite, pagename: str, upcoming: list[Post], past: list[Post]
) -> Markup:
    """The body of the events page: upcoming events, past events, the calendar."""
    return render(
        app,
        "events_page.html",
        upcoming=render_event_list(app, pagename, upcoming, empty=str(_("No upcoming events."))),
        past=render_event_list(app, pagename, past) if past else "",
        calendar_url=link_to_file(app.builder, pagename, events_calendar_file(site)),
    )


def render_index_events(app: Sphinx, site: BlogSite, pagename: str, upcoming: list[Post]) -> Markup:
    """The upcoming events above the posts on the blog index (nothing when there are none)."""
    if not upcoming:
        return Markup("")
    return render(
        app,
        "index_events.html",
        events=render_event_list(app, pagename, upcoming),
        events_url=link(app.builder, pagename, events_page(site)),
    )
