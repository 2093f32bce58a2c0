"""Incremental and parallel builds give exactly the output of a clean build."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
import sphinx

from conftest import assert_same_output, build_site, copy_root


def touch_later(path: Path) -> None:
    """Make sure Sphinx sees the edit even within the file system's mtime resolution."""
    later = time.time() + 2
    os.utime(path, (later, later))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    touch_later(path)


EDITS = {
    "edit a title": lambda src: edit(
        src / "blog" / "2022-10-11-press-release.md",
        "title: Press release on the new media law",
        "title: Statement on the media law",
    ),
    "add a post": lambda src: (src / "blog" / "2024-02-2-new-post.md").write_text(
        "---\ntitle: A brand new post\nauthors: [oleh]\ntags: [events, brand-new]\n---\n\nHello.\n"
    ),
    "delete a post": lambda src: (src / "blog" / "2024-01-15-new-year.md").unlink(),
    "change a tag": lambda src: edit(
        src / "blog" / "2024-09-9-election-watch.md", "tags: [events, elections]", "tags: [votes]"
    ),
    "change authors.yml": lambda src: edit(
        src / "blog" / "authors.yml", "name: Oleh Bondar", "name: Oleh B. Bondar"
    ),
    "make a post unlisted": lambda src: edit(
        src / "blog" / "2021-03-8-founding-statement.md",
        "tags: [announcements]",
        "tags: [announcements]\nunlisted: true",
    ),
}


@pytest.mark.parametrize("change", sorted(EDITS))
def test_incremental_build_equals_clean_build(tmp_path, change):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    build_site(srcdir, builddir=tmp_path / "incremental", freshenv=True)
    EDITS[change](srcdir)
    incremental = build_site(srcdir, builddir=tmp_path / "incremental")
    clean = build_site(srcdir, builddir=tmp_path / "clean", freshenv=True)
    assert incremental.warnings == clean.warnings == ""
    assert_same_output(incremental.outdir, clean.outdir)


def test_rebuild_without_change_writes_nothing(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    first = build_site(srcdir, freshenv=True)
    before = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.html")}
    time.sleep(0.05)
    second = build_site(srcdir)
    # The extension's own static folder is part of the configuration both times (the test
    # app itself reports a changed html_theme).
    assert "html_static_path" not in second.app._status.getvalue()
    after = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.html")}
    rewritten = sorted(
        str(p.relative_to(first.outdir)) for p in before if after.get(p) != before[p]
    )
    # Sphinx itself always rewrites its own genindex and search pages.
    assert set(rewritten) <= {"genindex.html", "search.html"}, rewritten


def test_editing_one_post_rewrites_only_pages_that_show_it(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    first = build_site(srcdir, freshenv=True)
    before = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.html")}
    time.sleep(0.05)
    edit(
        srcdir / "blog" / "2021-09-14-language-rights" / "index.md", "forty teachers", "40 teachers"
    )
    build_site(srcdir)
    rewritten = {
        str(p.relative_to(first.outdir)) for p in before if p.stat().st_mtime_ns != before[p]
    }
    rewritten -= {"genindex.html", "search.html"}
    if sphinx.version_info < (8,):
        # Sphinx 7's toctree collector rewrites the root document after any change.
        rewritten -= {"index.html"}
    assert "blog/2021/09/14/language-rights.html" in rewritten
    assert "blog/page/2.html" not in rewritten  # the post is on page 1 only
    assert "blog/welcome.html" not in rewritten
    # The archive shows titles and dates, not the text: an edit of the body leaves it.
    assert "blog/archive.html" not in rewritten
    assert rewritten <= {
        "blog/2021/09/14/language-rights.html",
        "blog.html",
        "blog/tags/language-rights.html",
        "blog/tags/education.html",
        "blog/authors/oleh.html",
    }, rewritten


def test_parallel_build_equals_serial_build(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    serial = build_site(srcdir, builddir=tmp_path / "serial", freshenv=True)
    parallel = build_site(srcdir, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert parallel.warnings == ""
    assert_same_output(parallel.outdir, serial.outdir)


def test_parallel_build_writes_the_blog_pages_in_workers_as_a_serial_build_does(
    tmp_path, monkeypatch
):
    from sphinx_advocacy_blog.pages import list_pages

    monkeypatch.setattr(list_pages, "PARALLEL_MIN_PAGES", 2)
    written_in_workers: list[int] = []
    write_in_workers = list_pages._write_in_workers

    def spy(app, pages, entries):
        written_in_workers.append(len(pages))
        write_in_workers(app, pages, entries)

    monkeypatch.setattr(list_pages, "_write_in_workers", spy)
    srcdir = copy_root("docusaurus", tmp_path / "src")
    serial = build_site(srcdir, builddir=tmp_path / "serial", freshenv=True)
    assert written_in_workers == []
    parallel = build_site(srcdir, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert len(written_in_workers) == 1 and written_in_workers[0] > 10
    assert parallel.warnings == ""
    assert_same_output(parallel.outdir, serial.outdir)
    # A build with nothing changed writes no page, with or without workers.
    again = build_site(srcdir, builddir=tmp_path / "parallel", parallel=2)
    assert len(written_in_workers) == 1
    assert_same_output(again.outdir, serial.outdir)


def test_two_clean_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first_src = copy_root("docusaurus", tmp_path / "a" / "src")
    first = build_site(first_src, freshenv=True)
    second_src = copy_root("docusaurus", tmp_path / "b" / "src")
    second = build_site(second_src, freshenv=True)
    assert_same_output(first.outdir, second.outdir)
    shutil.rmtree(tmp_path / "a")


def test_unchanged_posts_are_not_read_again_to_find_their_urls(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.env import discovery

    srcdir = copy_root("docusaurus", tmp_path / "src")
    build_site(srcdir, freshenv=True)
    peeked = []
    original = discovery.peek_post
    monkeypatch.setattr(
        discovery, "peek_post", lambda path, *a, **k: peeked.append(path) or original(path, *a, **k)
    )
    edit(srcdir / "blog" / "2024-01-15-new-year.md", "three priorities", "3 priorities")
    build_site(srcdir)
    assert peeked == ["2024-01-15-new-year.md"]


def test_feeds_sitemap_and_redirects_are_made_again_only_when_needed(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.feeds import writer as feeds
    from sphinx_advocacy_blog.migrate import redirect_pages as redirects
    from sphinx_advocacy_blog.pages import list_pages as pages
    from sphinx_advocacy_blog.seo import sitemap as seo

    srcdir = copy_root("docusaurus", tmp_path / "src")
    first = build_site(srcdir, freshenv=True)
    made: list[str] = []

    def counting(module, name, label):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            made.append(label)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(seo, "render_sitemap", "sitemap")
    counting(feeds, "build_feed", "feeds")
    counting(redirects, "write_redirects", "redirects")
    counting(pages, "render_page_body", "pages")
    build_site(srcdir)
    assert made == [], "nothing changed, yet end-of-build outputs were made again"

    # An output file removed by hand comes back, identical.
    state = srcdir / "_build" / "doctrees" / "html-advocacy_blog_redirects.json"
    redirect = sorted(json.loads(state.read_text(encoding="utf-8")))[0]
    removed = ["sitemap.xml", "blog/rss.xml", redirect, "blog/tags.html"]
    saved = {name: (first.outdir / name).read_bytes() for name in removed}
    for name in removed:
        (first.outdir / name).unlink()
    build_site(srcdir)
    assert sorted(set(made)) == ["feeds", "pages", "redirects", "sitemap"]
    assert {name: (first.outdir / name).read_bytes() for name in removed} == saved

    # Any change to the sources makes them again (list pages only where what they show
    # changed: a docs page is on none of them).
    made.clear()
    edit(srcdir / "index.md", "# ", "# New: ")
    build_site(srcdir)
    assert sorted(set(made)) == ["feeds", "redirects", "sitemap"]

    # Redirect pages are made from names, titles and front matter: an edit inside a
    # post's body leaves them, while the feeds (which carry the body) are made again.
    made.clear()
    edit(srcdir / "blog" / "2024-01-15-new-year.md", "three priorities", "3 priorities")
    build_site(srcdir)
    assert "redirects" not in made and "feeds" in made
    # The sitemap's entries (URLs, dates) are the same: it is not serialized again.
    assert "sitemap" not in made
    made.clear()
    edit(srcdir / "blog" / "2024-01-15-new-year.md", "title: ", "title: Renamed ")
    build_site(srcdir)
    assert "redirects" in made


def test_only_the_feeds_that_show_an_edited_post_are_serialized_again(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.feeds import writer as feeds

    srcdir = copy_root("docusaurus", tmp_path / "src")
    build_site(srcdir, freshenv=True)
    serialized: list[str] = []

    def counting(name, serialize):
        def wrapper(feed):
            serialized.append(feed.feed_urls[name].split("/", 3)[3])
            return serialize(feed)

        return wrapper

    monkeypatch.setattr(
        feeds, "WRITERS", {name: counting(name, w) for name, w in feeds.WRITERS.items()}
    )
    edit(
        srcdir / "blog" / "2023-11-30-annual-report.md",
        "title: Annual report 2023",
        "title: Report",
    )
    site = build_site(srcdir)
    # The post is in the blog's feeds, its tag's and its author's; not in the "elections" tag's.
    assert "blog/rss.xml" in serialized and "blog/tags/reports/atom.xml" in serialized
    assert not [name for name in serialized if "elections" in name], serialized
    assert "<title>Report</title>" in (
        site.outdir / "blog" / "tags" / "reports" / "rss.xml"
    ).read_text(encoding="utf-8")


def test_a_changed_theme_template_reaches_the_blog_pages(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    layout = srcdir / "_templates" / "layout.html"
    layout.parent.mkdir()
    footer = '{%% extends "!layout.html" %%}{%% block footer %%}<p id="mark">%s</p>{%% endblock %%}'
    layout.write_text(footer % "first", encoding="utf-8")
    first = build_site(srcdir, freshenv=True, templates_path=["_templates"])
    assert first.html("blog.html").find(id="mark").get_text() == "first"
    layout.write_text(footer % "second", encoding="utf-8")
    touch_later(layout)
    second = build_site(srcdir, templates_path=["_templates"])
    for page in ("blog.html", "blog/tags.html", "blog/welcome.html"):
        assert second.html(page).find(id="mark").get_text() == "second", page


def test_the_pickled_environment_keeps_each_author_and_tag_once(tmp_path):
    """Posts read apart (or in other processes) share one object per author and tag, so
    the environment keeps them once per blog, not once per post."""
    import pickle

    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(srcdir, freshenv=True)
    with (site.outdir.parent / "doctrees" / "environment.pickle").open("rb") as handle:
        env = pickle.load(handle)
    posts = list(env.advocacy_blog_posts.values())
    for attribute in ("authors", "tags"):
        values = [value for post in posts for value in getattr(post, attribute)]
        assert len(values) > len(set(values)), f"the test blog repeats no {attribute}"
        assert len({id(value) for value in values}) == len(set(values)), attribute


def test_an_edit_of_a_post_no_feed_shows_leaves_the_feeds(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.feeds import writer as feeds

    options = {"blog_feed_length": 1, "blog_feed_per_tag": False, "blog_feed_per_author": False}
    srcdir = copy_root("docusaurus", tmp_path / "src")
    build_site(srcdir, freshenv=True, **options)
    made: list[str] = []
    original = feeds.build_feed
    monkeypatch.setattr(feeds, "build_feed", lambda *a: made.append("feed") or original(*a))
    # The only feed shows the newest post; the founding statement is years older.
    edit(srcdir / "blog" / "2021-03-8-founding-statement.md", "support those", "support all those")
    site = build_site(srcdir, **options)
    assert made == []
    clean = build_site(srcdir, freshenv=True, builddir=tmp_path / "clean", **options)
    assert_same_output(site.outdir, clean.outdir)


def test_a_site_without_old_urls_does_not_plan_redirects_again(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.migrate import redirect_pages as redirects

    srcdir = tmp_path / "src"
    (srcdir / "blog").mkdir(parents=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinx_advocacy_blog"]\n', encoding="utf-8")
    (srcdir / "index.md").write_text("# Home\n", encoding="utf-8")
    (srcdir / "blog" / "2024-01-02-hello.md").write_text("# Hello\n\nText.\n", encoding="utf-8")
    site = build_site(srcdir, freshenv=True)
    state = srcdir / "_build" / "doctrees" / "html-advocacy_blog_redirects.json"
    assert json.loads(state.read_text(encoding="utf-8")) == {}, site.warnings
    planned: list[str] = []
    original = redirects.plan_for_build
    monkeypatch.setattr(
        redirects, "plan_for_build", lambda app: planned.append("plan") or original(app)
    )
    build_site(srcdir)
    assert planned == []


def test_a_build_without_a_changed_document_skips_the_post_page_stamps(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.env import collector

    srcdir = copy_root("docusaurus", tmp_path / "src")
    build_site(srcdir, freshenv=True)
    stamped: list[int] = []
    original = collector.post_page_stamps
    monkeypatch.setattr(
        collector, "post_page_stamps", lambda app, posts: stamped.append(1) or original(app, posts)
    )
    build_site(srcdir)
    assert stamped == []
    edit(srcdir / "blog" / "2024-01-15-new-year.md", "three priorities", "3 priorities")
    build_site(srcdir)
    assert stamped == [1]


def test_the_themes_templates_are_compiled_once_and_kept(tmp_path):
    from sphinx_advocacy_blog.pages.render import THEME_CACHE

    srcdir = copy_root("docusaurus", tmp_path / "src")
    first = build_site(srcdir, freshenv=True)
    cache = srcdir / "_build" / "doctrees" / THEME_CACHE
    compiled = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert len(compiled) >= 3  # layout.html, page.html, genindex.html at least
    edit(srcdir / "blog" / "2024-01-15-new-year.md", "three priorities", "3 priorities")
    second = build_site(srcdir)
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == compiled
    clean = build_site(srcdir, freshenv=True, builddir=tmp_path / "clean")
    assert_same_output(second.outdir, clean.outdir)
    assert first.warnings == ""


def test_the_themes_files_are_looked_at_once_per_build_not_per_page(tmp_path, monkeypatch):
    """Jinja's auto_reload asked every template of every page's chain whether its file
    changed (~11 stats a page); a build reads the theme once."""
    from sphinx import jinja2glue

    looked = []
    original = jinja2glue._last_modified_time
    monkeypatch.setattr(
        jinja2glue, "_last_modified_time", lambda path: looked.append(path) or original(path)
    )
    site = build_site(copy_root("docusaurus", tmp_path / "src"), freshenv=True)
    pages = len(list(site.outdir.rglob("*.html")))
    assert pages > 30
    # Once when a template is loaded, once more at most (Sphinx's own first check).
    assert len(looked) <= 2 * len(set(looked)) < pages, (len(looked), len(set(looked)))
