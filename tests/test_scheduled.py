"""Scheduled publishing: posts dated after the build date wait for it."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import copy_root
from test_events import BUILD_DATE, RALLY
from test_incremental import assert_same_output

FUTURE = "blog/2025/12/01/next-year"
#: 2025-12-01T00:00:00Z, the day the held-back post is due.
DUE = int(datetime(2025, 12, 1, tzinfo=timezone.utc).timestamp())


def build(srcdir, epoch: int, builddir=None, **options):
    """Build at *epoch*; return the app, its status output and its warnings."""
    status, warnings = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        app = SphinxTestApp(
            "html",
            srcdir=srcdir,
            builddir=builddir or srcdir / "_build",
            confoverrides=options or None,
            status=status,
            warning=warnings,
        )
        try:
            app.build()
        finally:
            app.cleanup()
    return app, status.getvalue(), warnings.getvalue()


def everything(outdir) -> str:
    """Every text file of the output, joined (pages, feeds, sitemap, search index)."""
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".js", ".ics", ".txt"}
    )


def test_a_post_dated_after_the_build_is_held_back(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    app, status, warnings = build(srcdir, BUILD_DATE)
    outdir = app.outdir
    assert warnings == ""
    assert not (outdir / f"{FUTURE}.html").exists()
    published = everything(outdir)
    assert "next-year" not in published
    assert "Plans for next year" not in published
    assert "Held back" not in (outdir / "searchindex.js").read_text(encoding="utf-8")
    assert (
        "1 post is dated after the build date and held back (blog_include_future = False); "
        "the next, blog/2025-12-01-next-year.md, is due on 2025-12-01T00:00:00+00:00"
    ) in status
    # An event is not a future post: the rally's post (March) is out, its event (May) to come.
    assert (outdir / f"{RALLY}.html").exists()


def test_include_future_publishes_it(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    app, status, _warnings = build(srcdir, BUILD_DATE, blog_include_future=True)
    assert (app.outdir / f"{FUTURE}.html").exists()
    assert "Plans for next year" in (app.outdir / "blog" / "rss.xml").read_text(encoding="utf-8")
    assert "Plans for next year" in (app.outdir / "blog.html").read_text(encoding="utf-8")
    assert FUTURE in (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "held back" not in status


def test_a_held_back_post_appears_when_its_date_passes_without_any_edit(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    first, _status, _warnings = build(srcdir, BUILD_DATE, builddir=tmp_path / "incremental")
    assert not (first.outdir / f"{FUTURE}.html").exists()
    later, status, warnings = build(srcdir, DUE, builddir=tmp_path / "incremental")
    assert warnings == ""
    assert "held back" not in status
    assert (later.outdir / f"{FUTURE}.html").exists()
    index = (later.outdir / "blog.html").read_text(encoding="utf-8")
    assert "Plans for next year" in index
    clean, _status, _warnings = build(srcdir, DUE, builddir=tmp_path / "clean")
    assert_same_output(later.outdir, clean.outdir)


def test_two_posts_held_back_name_the_next_one(tmp_path):
    srcdir = copy_root("campaigns", tmp_path / "src")
    (srcdir / "blog" / "2025-05-02-soon.md").write_text(
        "---\ntitle: Soon\ndate: 2025-05-02T09:30:00+02:00\n---\n\nSoon.\n", encoding="utf-8"
    )
    _app, status, _warnings = build(srcdir, BUILD_DATE)
    assert (
        "2 posts are dated after the build date and held back (blog_include_future = False); "
        "the next, blog/2025-05-02-soon.md, is due on 2025-05-02T09:30:00+02:00"
    ) in status
