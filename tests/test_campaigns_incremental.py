"""Incremental builds of events, series and related posts equal clean builds."""

from __future__ import annotations

from datetime import datetime, timezone

from conftest import copy_root
from test_events import BUILD_DATE, build_at, titles
from test_incremental import assert_same_output, edit

RALLY_SOURCE = "blog/2025-03-01-rally-announcement.md"
#: 2025-05-02: the day after the rally.
AFTER_RALLY = int(datetime(2025, 5, 2, tzinfo=timezone.utc).timestamp())
NEW_PART = """\
---
title: "Know your rights: at the border"
tags: [rights, borders]
series: Know your rights
series_order: 4
---

What to expect at a border crossing.
"""


def incremental_then_clean(tmp_path, change, epoch=BUILD_DATE, later=None):
    srcdir = copy_root("campaigns", tmp_path / "src")
    build_at(srcdir, epoch, builddir=tmp_path / "incremental", freshenv=True)
    change(srcdir)
    moment = later or epoch
    incremental = build_at(srcdir, moment, builddir=tmp_path / "incremental")
    clean = build_at(srcdir, moment, builddir=tmp_path / "clean", freshenv=True)
    assert incremental.warnings == clean.warnings == ""
    assert_same_output(incremental.outdir, clean.outdir)
    return incremental


def upcoming(site) -> list[str]:
    return titles(site.html("blog/events.html"), ".blog-events-upcoming")


def test_editing_an_event_date_moves_it_to_the_past(tmp_path):
    def change(srcdir):
        edit(
            srcdir / RALLY_SOURCE,
            "start: 2025-05-01T12:00:00+03:00",
            "start: 2025-04-01T12:00:00+03:00",
        )
        edit(
            srcdir / RALLY_SOURCE,
            "end: 2025-05-01T15:00:00+03:00",
            "end: 2025-04-01T15:00:00+03:00",
        )

    site = incremental_then_clean(tmp_path, change)
    assert upcoming(site) == ["Spring picket", "Summer march"]
    past = titles(site.html("blog/events.html"), ".blog-events-past")
    assert past[0] == "Rally for the captive nations in Vilnius"
    assert "Rally" not in str(site.html("blog.html").select_one(".blog-index-events"))
    assert "Rally" not in str(site.html("index.html").find(id="upcoming"))


def test_editing_an_event_date_moves_it_to_the_upcoming_ones(tmp_path):
    vigil = "blog/2025-01-05-winter-vigil.md"

    def change(srcdir):
        edit(srcdir / vigil, "start: 2025-01-15", "start: 2025-07-15")

    site = incremental_then_clean(tmp_path, change)
    assert upcoming(site)[-1] == "Winter vigil"
    assert "Winter vigil" in str(site.html("index.html").find(id="upcoming"))


def test_the_build_date_passing_an_event_moves_it_without_any_edit(tmp_path):
    site = incremental_then_clean(tmp_path, lambda srcdir: None, later=AFTER_RALLY)
    assert upcoming(site) == ["Summer march"]
    assert "Rally" not in str(site.html("index.html").find(id="upcoming"))


def test_a_new_part_of_a_series_updates_every_part(tmp_path):
    def change(srcdir):
        (srcdir / "blog" / "2025-04-01-rights-part-four.md").write_text(NEW_PART, encoding="utf-8")

    site = incremental_then_clean(tmp_path, change)
    for page in (
        "blog/2024/10/01/rights-part-one",
        "blog/2024/11/01/rights-part-two",
        "blog/2024/09/15/rights-part-three",
    ):
        box = site.html(f"{page}.html").select_one(".blog-series")
        assert box.select_one(".blog-series-position").get_text().endswith("of 4"), page
        assert box.select(".blog-series-parts li")[-1].get_text(strip=True) == (
            "Know your rights: at the border"
        )


def test_a_new_related_post_updates_the_pages_that_show_it(tmp_path):
    def change(srcdir):
        (srcdir / "blog" / "2025-03-02-second-rally.md").write_text(
            "---\ntitle: Second rally\ntags: [rallies, vilnius]\n---\n\nAgain.\n",
            encoding="utf-8",
        )

    site = incremental_then_clean(tmp_path, change)
    block = site.html("blog/2025/03/01/rally-announcement.html").select_one(".blog-related")
    assert block.select_one("a").get_text() == "Second rally"


def test_renaming_a_series_part_updates_the_other_parts(tmp_path):
    def change(srcdir):
        edit(
            srcdir / "blog" / "2024-11-01-rights-part-two.md",
            'title: "Know your rights: when detained"',
            'title: "Know your rights: under arrest"',
        )

    site = incremental_then_clean(tmp_path, change)
    box = site.html("blog/2024/10/01/rights-part-one.html").select_one(".blog-series")
    assert "Know your rights: under arrest" in box.get_text()


def test_parallel_build_equals_serial_build(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    serial = build_at(srcdir, BUILD_DATE, builddir=tmp_path / "serial", freshenv=True)
    parallel = build_at(
        srcdir, BUILD_DATE, builddir=tmp_path / "parallel", freshenv=True, parallel=2
    )
    assert parallel.warnings == ""
    assert_same_output(parallel.outdir, serial.outdir)


def test_related_posts_are_reused_when_no_post_changed(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.env import build_state

    calls = []
    original = build_state.related_posts
    monkeypatch.setattr(
        build_state, "related_posts", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    srcdir = copy_root("campaigns", tmp_path / "src")
    build_at(srcdir, BUILD_DATE, freshenv=True)
    assert len(calls) == 1
    build_at(srcdir, BUILD_DATE)
    assert len(calls) == 1, "nothing changed, yet the related posts were computed again"
    edit(srcdir / RALLY_SOURCE, "tags: [rallies, vilnius]", "tags: [rallies]")
    build_at(srcdir, BUILD_DATE)
    assert len(calls) == 2


def test_calendars_are_left_alone_by_a_build_later_the_same_day(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    first = build_at(srcdir, BUILD_DATE + 3600, builddir=tmp_path / "b", freshenv=True)
    calendars = sorted(first.outdir.rglob("*.ics"))
    assert calendars
    written = {path: path.stat().st_mtime_ns for path in calendars}
    later = build_at(srcdir, BUILD_DATE + 7200, builddir=tmp_path / "b")
    assert {path: path.stat().st_mtime_ns for path in calendars} == written
    # The next day, DTSTAMP moves: every calendar is written again.
    build_at(srcdir, BUILD_DATE + 86400 + 60, builddir=tmp_path / "b")
    assert all(path.stat().st_mtime_ns != written[path] for path in calendars)
    assert later.warnings == ""


def test_calendars_are_made_again_only_when_an_event_changed(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.feeds import calendar

    calls = []
    original = calendar.calendar_bytes
    monkeypatch.setattr(
        calendar, "calendar_bytes", lambda *a, **k: calls.append(a[0]) or original(*a, **k)
    )
    srcdir = copy_root("campaigns", tmp_path / "src")
    build_at(srcdir, BUILD_DATE, freshenv=True)
    made = len(calls)
    assert made >= 5
    # A post without an event: the calendars are made from nothing that changed.
    edit(srcdir / "blog/2024-08-01-statement.md", "\n\n", "\n\nA new paragraph.\n\n")
    build_at(srcdir, BUILD_DATE)
    assert len(calls) == made
    # An event's title: its calendar and the calendar of all events are made again.
    picket = srcdir / "blog/2025-03-20-spring-picket.md"
    edit(picket, "title: Spring picket", "title: Spring picket at the ministry")
    site = build_at(srcdir, BUILD_DATE)
    assert len(calls) == 2 * made
    assert "Spring picket at the ministry" in calls[made:]
    whole = (site.outdir / "blog" / "events.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Spring picket at the ministry" in whole
