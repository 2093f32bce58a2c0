"""Events: the event box, JSON-LD Event, iCalendar files, the events page and eventlist.

The campaigns test site (tests/roots/test-campaigns) is built at a fixed date with
SOURCE_DATE_EPOCH: 2025-04-15T00:00:00Z.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import build_site, copy_root

#: 2025-04-15T00:00:00Z
BUILD_DATE = 1744675200
RALLY = "blog/2025/03/01/rally-announcement"
BRIEFING = "blog/2025/02/01/online-briefing"
MARCH = "blog/2025/01/20/summer-march"
PICKET = "blog/2025/03/20/spring-picket"
VIGIL = "blog/2025/01/05/winter-vigil"
ASSEMBLY = "blog/2025/02/15/hybrid-assembly"
EVENT_POSTS = (RALLY, BRIEFING, MARCH, PICKET, VIGIL, ASSEMBLY)
BASE = "https://campaigns.example.org/"


def build_at(srcdir: Path, epoch: int, **options):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        return build_site(srcdir, **options)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = copy_root("campaigns", tmp_path_factory.mktemp("campaigns") / "src")
    return build_at(srcdir, BUILD_DATE, freshenv=True)


def text(node) -> str:
    """A node's text, with Babel's narrow, thin and no-break spaces as spaces."""
    return node.get_text().replace("\u202f", " ").replace("\u2009", " ").replace("\xa0", " ")


def json_ld(soup, kind: str) -> list[dict]:
    found = []
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == kind:
            found.append(data)
    return found


def test_no_warnings(site):
    assert site.warnings == ""


# -- the event box ------------------------------------------------------------------------


def test_event_box_shows_when_where_registration_and_calendar(site):
    box = site.html(f"{RALLY}.html").select_one(".blog-post-header .blog-event")
    when = box.select_one(".blog-event-when time")
    assert when["datetime"] == "2025-05-01T12:00:00+03:00"
    assert text(when) == "Thursday, May 1, 2025, 12:00 PM – 3:00 PM GMT+03:00"
    assert box.select_one(".blog-event-venue").get_text() == "Cathedral Square"
    assert box.select_one(".blog-event-address").get_text() == "Katedros a., Vilnius, Lithuania"
    assert box.select_one(".blog-event-map")["href"] == (
        "https://www.openstreetmap.org/search?query=Katedros%20a.%2C%20Vilnius%2C%20Lithuania"
    )
    assert box.select_one(".blog-event-register")["href"] == "https://example.org/join"
    calendar = box.select_one(".blog-event-calendar")
    assert calendar.get_text() == "Add to calendar"
    assert (site.outdir / RALLY).parent.joinpath(calendar["href"]).is_file()
    assert box.select_one(".blog-event-status") is None
    assert box.find("iframe") is None


def test_naive_time_with_a_time_zone_is_shown_in_that_zone(site):
    box = site.html(f"{BRIEFING}.html").select_one(".blog-event")
    when = box.select_one(".blog-event-when time")
    # Vilnius is on winter time (+02:00) until the end of March.
    assert when["datetime"] == "2025-03-10T18:00:00+02:00"
    assert text(when) == "Monday, March 10, 2025, 6:00 PM – 7:30 PM GMT+02:00 (Vilnius)"
    assert box.select_one(".blog-event-online a")["href"] == "https://meet.example.org/briefing"
    assert box.select_one(".blog-event-place") is None


@pytest.mark.parametrize(
    ("page", "banner"),
    [
        (PICKET, "This event is cancelled."),
        (MARCH, "This event is postponed; the new date will be announced."),
        (
            ASSEMBLY,
            "This event has been rescheduled (it was planned for Thursday, February 13, "
            "2025, 5:00 PM GMT-05:00 (New York)).",
        ),
    ],
)
def test_status_banner(site, page, banner):
    box = site.html(f"{page}.html").select_one(".blog-event")
    assert text(box.select_one(".blog-event-status")) == banner


def test_all_day_event_shows_dates_only(site):
    when = site.html(f"{MARCH}.html").select_one(".blog-event-when time")
    assert when["datetime"] == "2025-06-20"
    assert text(when) == "Fri, Jun 20 – Sat, Jun 21, 2025"


def test_posts_without_an_event_have_no_box_and_no_calendar(site):
    soup = site.html("blog/2024/08/01/statement.html")
    assert soup.select_one(".blog-event") is None
    assert not site.exists("blog/2024/08/01/statement.ics")
    assert json_ld(soup, "Event") == []


# -- JSON-LD ------------------------------------------------------------------------------

#: Google's Event rich result: required and recommended properties.
GOOGLE_REQUIRED = ("name", "startDate", "location")
GOOGLE_RECOMMENDED = ("description", "endDate", "eventStatus", "image", "organizer")
STATUSES = {
    "https://schema.org/EventScheduled",
    "https://schema.org/EventCancelled",
    "https://schema.org/EventPostponed",
    "https://schema.org/EventRescheduled",
    "https://schema.org/EventMovedOnline",
}
MODES = {
    "https://schema.org/OfflineEventAttendanceMode",
    "https://schema.org/OnlineEventAttendanceMode",
    "https://schema.org/MixedEventAttendanceMode",
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$")


def google_event_problems(data: dict) -> list[str]:
    """What Google's Event rich result would reject (required properties, their types)."""
    problems = [f"missing {key}" for key in GOOGLE_REQUIRED if not data.get(key)]
    for key in ("startDate", "endDate", "previousStartDate"):
        value = data.get(key)
        if value and not (DATE.match(value) or DATE_TIME_WITH_OFFSET.match(value)):
            problems.append(f"{key} {value!r} is not a date or a time with its offset")
    locations = data.get("location")
    for location in locations if isinstance(locations, list) else [locations]:
        if not isinstance(location, dict):
            problems.append(f"location {location!r} is not an object")
        elif location.get("@type") == "Place":
            address = location.get("address")
            if not (isinstance(address, dict) and address.get("@type") == "PostalAddress"):
                problems.append("a Place needs a PostalAddress")
            elif not any(value for key, value in address.items() if key != "@type"):
                problems.append("the PostalAddress is empty")
        elif location.get("@type") == "VirtualLocation":
            if not str(location.get("url", "")).startswith("https://"):
                problems.append("a VirtualLocation needs its url")
        else:
            problems.append(f"location type {location.get('@type')!r}")
    if data.get("eventStatus") and data["eventStatus"] not in STATUSES:
        problems.append(f"eventStatus {data['eventStatus']!r}")
    if data.get("eventAttendanceMode") not in MODES:
        problems.append(f"eventAttendanceMode {data.get('eventAttendanceMode')!r}")
    organizer = data.get("organizer") or {}
    if organizer and not (organizer.get("name") and organizer.get("url")):
        problems.append("the organizer needs a name and a url")
    return problems


def test_the_validator_rejects_what_google_rejects():
    assert google_event_problems({"name": "x"}) != []
    bad = {
        "name": "x",
        "startDate": "2025-05-01T12:00:00",
        "location": {"@type": "Place", "name": "Square"},
        "eventAttendanceMode": "offline",
    }
    assert sorted(google_event_problems(bad)) == [
        "a Place needs a PostalAddress",
        "eventAttendanceMode 'offline'",
        "startDate '2025-05-01T12:00:00' is not a date or a time with its offset",
    ]


@pytest.mark.parametrize("page", EVENT_POSTS)
def test_every_event_has_a_valid_json_ld_event_beside_its_blog_posting(site, page):
    soup = site.html(f"{page}.html")
    assert len(json_ld(soup, "BlogPosting")) == 1
    [event] = json_ld(soup, "Event")
    assert google_event_problems(event) == []
    assert event["url"] == f"{BASE}{page}.html"
    assert event["organizer"] == {
        "@type": "Organization",
        "name": "Free Nations League",
        "url": "https://example.org/fnl",
    }


def test_json_ld_event_of_the_rally(site):
    [event] = json_ld(site.html(f"{RALLY}.html"), "Event")
    assert event["name"] == "Rally for the captive nations in Vilnius"
    assert event["description"] == "Join us on Cathedral Square."
    assert event["startDate"] == "2025-05-01T12:00:00+03:00"
    assert event["endDate"] == "2025-05-01T15:00:00+03:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"] == {
        "@type": "Place",
        "name": "Cathedral Square",
        "address": {"@type": "PostalAddress", "streetAddress": "Katedros a., Vilnius, Lithuania"},
    }
    assert event["image"]["url"] == "https://example.org/images/rally.jpg"
    assert all(key in event for key in GOOGLE_RECOMMENDED)


def test_json_ld_locations_and_statuses(site):
    [briefing] = json_ld(site.html(f"{BRIEFING}.html"), "Event")
    assert briefing["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/briefing",
    }
    assert briefing["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert briefing["startDate"] == "2025-03-10T18:00:00+02:00"
    [assembly] = json_ld(site.html(f"{ASSEMBLY}.html"), "Event")
    assert [place["@type"] for place in assembly["location"]] == ["Place", "VirtualLocation"]
    assert assembly["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert assembly["eventStatus"] == "https://schema.org/EventRescheduled"
    assert assembly["previousStartDate"] == "2025-02-13T17:00:00-05:00"
    [march] = json_ld(site.html(f"{MARCH}.html"), "Event")
    assert march["startDate"] == "2025-06-20"
    assert march["endDate"] == "2025-06-21"
    assert march["eventStatus"] == "https://schema.org/EventPostponed"
    assert march["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Rotušės a. 1",
        "addressLocality": "Vilnius",
        "postalCode": "01122",
        "addressCountry": "LT",
    }
    [picket] = json_ld(site.html(f"{PICKET}.html"), "Event")
    assert picket["eventStatus"] == "https://schema.org/EventCancelled"
    # A venue without an address: its name is the address search engines get.
    assert picket["location"]["address"]["streetAddress"] == "Embassy Street"


def test_a_post_typed_event_gets_the_full_event_once(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    (srcdir / "blog" / "2025-03-05-typed.md").write_text(
        "---\ntitle: Typed\nschema_type: Event\nschema: {performer: Choir}\nevent:\n"
        "  start: 2025-05-05T10:00:00Z\n  location: {name: Hall, address: Main St 1}\n---\n\n"
        "Text.\n",
        encoding="utf-8",
    )
    soup = build_at(srcdir, BUILD_DATE, freshenv=True).html("blog/2025/03/05/typed.html")
    assert json_ld(soup, "BlogPosting") == []
    [event] = json_ld(soup, "Event")
    assert google_event_problems(event) == []
    assert event["startDate"] == "2025-05-05T10:00:00+00:00"
    assert event["performer"] == "Choir"


# -- iCalendar ----------------------------------------------------------------------------


def read_calendar(site, path: str) -> Calendar:
    return Calendar.from_ical((site.outdir / path).read_bytes())


@pytest.mark.parametrize("page", EVENT_POSTS)
def test_each_event_has_a_calendar_file_that_icalendar_reads(site, page):
    calendar = read_calendar(site, f"{page}.ics")
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["method"]) == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"{page}@campaigns.example.org"
    assert event["dtstamp"].dt == datetime.fromtimestamp(BUILD_DATE, tz=timezone.utc)
    assert str(event["url"]) == f"{BASE}{page}.html"
    raw = (site.outdir / f"{page}.ics").read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


def test_calendar_times_are_in_the_named_zone_or_utc_and_all_day_events_are_dates(site):
    [briefing] = read_calendar(site, f"{BRIEFING}.ics").walk("VEVENT")
    assert briefing["dtstart"].params["TZID"] == "Europe/Vilnius"
    assert briefing["dtstart"].dt.isoformat() == "2025-03-10T18:00:00+02:00"
    assert read_calendar(site, f"{BRIEFING}.ics").walk("VTIMEZONE")[0]["tzid"] == "Europe/Vilnius"
    [rally] = read_calendar(site, f"{RALLY}.ics").walk("VEVENT")
    assert rally["dtstart"].dt == datetime(2025, 5, 1, 9, 0, tzinfo=timezone.utc)
    assert b"DTSTART:20250501T090000Z" in (site.outdir / f"{RALLY}.ics").read_bytes()
    assert str(rally["location"]) == "Cathedral Square, Katedros a., Vilnius, Lithuania"
    assert str(rally["status"]) == "CONFIRMED"
    [march] = read_calendar(site, f"{MARCH}.ics").walk("VEVENT")
    assert march["dtstart"].dt.isoformat() == "2025-06-20"
    # DTEND of a date is the day after the last one (RFC 5545).
    assert march["dtend"].dt.isoformat() == "2025-06-22"
    assert str(march["status"]) == "TENTATIVE"
    [picket] = read_calendar(site, f"{PICKET}.ics").walk("VEVENT")
    assert str(picket["status"]) == "CANCELLED"


def test_the_calendar_of_all_events_is_linked_from_the_events_page(site):
    link = site.html("blog/events.html").select_one(".blog-events-calendar a")
    assert link["href"] == "events.ics"
    calendar = read_calendar(site, "blog/events.ics")
    assert "REFRESH-INTERVAL" in calendar
    uids = [str(event["uid"]).split("@")[0] for event in calendar.walk("VEVENT")]
    assert uids == [VIGIL, ASSEMBLY, BRIEFING, PICKET, RALLY, MARCH]


def test_calendars_are_byte_identical_across_builds(tmp_path):
    first = build_at(copy_root("campaigns", tmp_path / "a"), BUILD_DATE, freshenv=True)
    second = build_at(copy_root("campaigns", tmp_path / "b"), BUILD_DATE, freshenv=True)
    files = sorted(path.relative_to(first.outdir) for path in first.outdir.rglob("*.ics"))
    assert len(files) == len(EVENT_POSTS) + 1
    for name in files:
        assert (first.outdir / name).read_bytes() == (second.outdir / name).read_bytes(), name


# -- the events page, the index, eventlist ----------------------------------------------


def titles(soup, selector: str) -> list[str]:
    return [a.get_text() for a in soup.select(f"{selector} .blog-event-title")]


def test_events_page_upcoming_soonest_first_then_past_newest_first(site):
    soup = site.html("blog/events.html")
    assert titles(soup, ".blog-events-upcoming") == [
        "Spring picket",
        "Rally for the captive nations in Vilnius",
        "Summer march",
    ]
    assert titles(soup, ".blog-events-past") == [
        "Online briefing for journalists",
        "Hybrid assembly of members",
        "Winter vigil",
    ]
    badges = [b.get_text() for b in soup.select(".blog-events-upcoming .blog-event-badge")]
    assert badges == ["Cancelled", "Postponed"]


@pytest.mark.parametrize(
    ("moment", "upcoming"),
    [
        # During the rally (09:00-12:00 UTC) it is still upcoming.
        ("2025-05-01T11:59:00+00:00", ["Rally for the captive nations in Vilnius", "Summer march"]),
        ("2025-05-01T12:00:00+00:00", ["Summer march"]),
        # An all-day event lasts until the end of its last day.
        ("2025-06-21T23:59:00+00:00", ["Summer march"]),
        ("2025-06-22T00:00:00+00:00", []),
    ],
)
def test_events_page_order_around_the_build_date(tmp_path, moment, upcoming):
    epoch = int(datetime.fromisoformat(moment).timestamp())
    built = build_at(copy_root("campaigns", tmp_path / "src"), epoch, freshenv=True)
    soup = built.html("blog/events.html")
    assert titles(soup, ".blog-events-upcoming") == upcoming
    past = titles(soup, ".blog-events-past")
    assert len(past) == len(EVENT_POSTS) - len(upcoming)
    assert past[-1] == "Winter vigil"
    if not upcoming:
        assert soup.select_one(".blog-events-upcoming .blog-empty").get_text() == (
            "No upcoming events."
        )


def test_blog_index_shows_upcoming_events(site):
    soup = site.html("blog.html")
    box = soup.select_one(".blog-index-events")
    assert titles(box, "") == [
        "Spring picket",
        "Rally for the captive nations in Vilnius",
        "Summer march",
    ]
    assert box.select_one(".blog-index-events-more a")["href"] == "blog/events.html"
    assert site.html("blog/page/2.html").select_one(".blog-index-events") is None


@pytest.mark.parametrize(("count", "shown"), [(1, 1), (0, 0)])
def test_blog_index_events_option(tmp_path, count, shown):
    built = build_at(
        copy_root("campaigns", tmp_path / "src"), BUILD_DATE, freshenv=True, blog_index_events=count
    )
    assert len(built.html("blog.html").select(".blog-index-events .blog-event-item")) == shown


def test_no_index_box_and_no_events_page_without_events(docusaurus_site):
    assert docusaurus_site.html("blog.html").select_one(".blog-index-events") is None
    assert not docusaurus_site.exists("blog/events.html")
    assert not docusaurus_site.exists("blog/events.ics")


def test_eventlist_directive_options(site):
    soup = site.html("index.html")
    sections = {s["id"]: s for s in soup.select("section section")}
    assert titles(sections["upcoming"], "") == [
        "Spring picket",
        "Rally for the captive nations in Vilnius",
        "Summer march",
    ]
    # :past: with :limit: 1: the newest past event only.
    assert titles(sections["past"], "") == ["Online briefing for journalists"]
    # :tags: rallies, upcoming and past.
    assert titles(sections["rallies"], "") == [
        "Spring picket",
        "Rally for the captive nations in Vilnius",
    ]


# -- bad input ----------------------------------------------------------------------------

BAD_POST = """\
---
title: Bad event
event:
  start: "2025-05-01T12:00"
  end: 2025-04-01T12:00:00+03:00
  timezone: Mars/Olympus
  status: maybe
  online: "javascript:alert(1)"
  registration: ftp://example.org/join
---

Text.
"""


def test_bad_event_input_is_reported_with_file_and_line(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    (srcdir / "blog" / "2025-03-02-bad.md").write_text(BAD_POST, encoding="utf-8")
    (srcdir / "blog" / "2025-03-03-no-start.md").write_text(
        "---\ntitle: No start\nevent:\n  location: Somewhere\n---\n\nText.\n", encoding="utf-8"
    )
    built = build_at(srcdir, BUILD_DATE, freshenv=True)
    lines = built.warnings.splitlines()

    def warning(line: int, text: str) -> None:
        found = [w for w in lines if f"2025-03-02-bad.md:{line}:" in w and text in w]
        assert found, (line, text, lines)

    warning(4, "has no time zone")
    warning(5, "is before its start")
    warning(6, "'Mars/Olympus' is not a known time zone")
    warning(7, "event status 'maybe' is unknown")
    warning(8, "event online 'javascript:alert(1)' is not a web address")
    warning(9, "event registration 'ftp://example.org/join' is not a web address")
    assert any("2025-03-03-no-start.md:3:" in w and "has no 'start'" in w for w in lines)
    soup = built.html("blog/2025/03/02/bad.html")
    assert "javascript" not in str(soup.select_one(".blog-event"))
    assert soup.select_one(".blog-event-register") is None
    assert built.html("blog/2025/03/03/no-start.html").select_one(".blog-event") is None


def test_russian_and_ukrainian(tmp_path):
    ru = build_at(copy_root("campaigns", tmp_path / "ru"), BUILD_DATE, freshenv=True, language="ru")
    box = ru.html(f"{BRIEFING}.html").select_one(".blog-event")
    assert box.select_one("dt").get_text() == "Когда"
    assert text(box.select_one(".blog-event-when time")) == (
        "понедельник, 10 марта 2025 г., 18:00 – 19:30 GMT+02:00 (Вильнюс)"
    )
    assert box.select_one(".blog-event-calendar").get_text() == "Добавить в календарь"
    events = ru.html("blog/events.html")
    assert events.select_one("h1").get_text(strip=True).rstrip("¶") == "События"
    assert events.select_one(".blog-events-past h2").get_text() == "Прошедшие события"
    uk = build_at(copy_root("campaigns", tmp_path / "uk"), BUILD_DATE, freshenv=True, language="uk")
    status = uk.html(f"{PICKET}.html").select_one(".blog-event-status").get_text()
    assert status == "Подію скасовано."
    part = uk.html("blog/2024/10/01/rights-part-one.html")
    assert part.select_one(".blog-series-position").get_text() == "Частина 1 з 3"
    assert part.select_one(".blog-related-heading").get_text() == "Схожі записи"


# -- the pure reader (also what the ABlog post directive calls) ---------------------------


def test_read_event_from_text_values():
    from sphinx_advocacy_blog.readers.event import read_event

    reading = read_event(
        {
            "start": "2025-05-01 12:00",
            "end": "2025-05-01 15:30",
            "timezone": "Europe/Vilnius",
            "location": "Cathedral Square",
            "status": "Canceled",
            "online": "https://meet.example.org/x",
        },
        "posts/rally.rst",
        7,
    )
    assert reading.problems == []
    event = reading.event
    assert event.start.isoformat() == "2025-05-01T12:00:00+03:00"
    assert event.end.isoformat() == "2025-05-01T15:30:00+03:00"
    assert event.place.name == "Cathedral Square"
    assert event.status == "cancelled"
    assert event.attendance_mode == "mixed"
    assert not event.all_day


def test_read_event_problems_point_at_their_key():
    from sphinx_advocacy_blog.readers.event import read_event

    reading = read_event({"start": "soon", "strat": "x"}, "p.md", 3, {"start": 4, "strat": 5})
    assert reading.event is None
    assert [(p.subtype, p.line) for p in reading.problems] == [("event", 3), ("event", 4)]
    assert "unknown key(s) strat" in reading.problems[0].message
    assert "'soon' is not a date or time" in reading.problems[1].message
    assert read_event("2025-05-01", "p.md", 3).event is None


CALENDAR_OF_FOUR_ZONES = """
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
from sphinx_advocacy_blog.feeds.calendar import CalendarEntry, calendar_bytes
from sphinx_advocacy_blog.model.event import Event
zones = ["Pacific/Auckland", "Europe/Vilnius", "America/New_York", "Asia/Tbilisi"]
def event(zone):
    return Event(datetime(2025, 5, 1, 18, tzinfo=ZoneInfo(zone)), timezone=zone)
entries = [CalendarEntry(f"e{n}@x", f"Event {n}", event(z)) for n, z in enumerate(zones)]
import sys
sys.stdout.buffer.write(calendar_bytes("All", entries, datetime(2025, 4, 15, tzinfo=timezone.utc)))
"""


def test_a_calendar_with_several_time_zones_is_the_same_in_every_run():
    """icalendar's add_missing_timezones() walks a set: the zones' order followed the
    process's string hashing. Each zone once, in name order, whatever the hash seed."""
    import subprocess
    import sys

    outputs = [
        subprocess.run(
            [sys.executable, "-c", CALENDAR_OF_FOUR_ZONES],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4, 5)
    ]
    assert len(set(outputs)) == 1
    calendar = Calendar.from_ical(outputs[0])
    zones = [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["America/New_York", "Asia/Tbilisi", "Europe/Vilnius", "Pacific/Auckland"]
    assert len(calendar.walk("VEVENT")) == 4
