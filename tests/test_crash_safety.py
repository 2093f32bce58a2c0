"""Builds that are killed, caches that are lost: the next build repairs everything.

Each fault is injected into a real ``sphinx-build`` run in a subprocess: a small extension
(written next to ``conf.py``) ends the process with ``os._exit`` at a chosen moment, as a
kill or a power cut would. The next, normal build must give exactly the files of a clean
build. The moments are drawn with a fixed seed, so every run tries the same ones.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import assert_same_output, build_site, copy_root

KILLER = '''
"""Ends the build at the N-th occurrence of an event (KILL_AT="event:N:priority")."""
import os

def setup(app):
    spec = os.environ.get("KILL_AT", "")
    if spec:
        event, count, priority = spec.split(":")
        seen = [0]

        def kill(*args):
            seen[0] += 1
            if seen[0] == int(count):
                os._exit(137)
            return []  # html-collect-pages and env-updated handlers return lists

        app.connect(event, kill, priority=int(priority))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''

#: Moments a build can be killed at: (event, priority). Priorities place the kill before
#: or after the extension's own handlers of that event (list pages, feeds, redirects run at
#: build-finished 500 and 800; the "build finished" mark at 999).
MOMENTS = [
    ("env-updated", 50),
    ("doctree-resolved", 900),
    ("html-page-context", 900),
    ("html-collect-pages", 100),
    ("build-finished", 100),
    ("build-finished", 600),
    ("build-finished", 900),
]
SEED = 20261129


def _site(tmp_path: Path, name: str) -> Path:
    srcdir = copy_root("docusaurus", tmp_path / name)
    (srcdir / "killer.py").write_text(KILLER, encoding="utf-8")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            "\nimport os, sys\nsys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))\n"
            "extensions.append('killer')\n"
        )
    return srcdir


def _build(srcdir: Path, outdir: Path, kill_at: str = "") -> int:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "KILL_AT": kill_at}
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d"]
    command += [str(outdir / ".doctrees"), str(srcdir), str(outdir)]
    return subprocess.run(command, env=env, capture_output=True, check=False).returncode


def _differences(first: Path, second: Path) -> list[str]:
    """The files that differ between two outputs (as test_incremental compares them)."""
    try:
        assert_same_output(second, first)
    except AssertionError as error:
        return [str(error)]
    return []


COUNTER = """
import collections, json, os

def setup(app):
    seen = collections.Counter()

    def note(event):
        def handler(*args):
            seen[event] += 1
            return []
        return handler

    for event in EVENTS:
        app.connect(event, note(event))

    def save(app, exception):
        with open(os.environ["COUNT_TO"], "w") as handle:
            json.dump(seen, handle)

    app.connect("build-finished", save, priority=1000)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def _kill_points(srcdir: Path, scratch: Path) -> list[str]:
    """One moment per entry of MOMENTS, at an occurrence drawn with the fixed seed."""
    counted = scratch / "src"
    shutil.copytree(srcdir, counted)
    events = sorted({event for event, _priority in MOMENTS})
    counter = f"EVENTS = {events!r}\n" + COUNTER
    (counted / "count.py").write_text(counter, encoding="utf-8")
    with (counted / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nextensions.append('count')\n")
    tally = scratch / "tally.json"
    env = {**os.environ, "COUNT_TO": str(tally)}
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        str(counted),
        str(scratch / "out"),
    ]
    subprocess.run(command, env=env, capture_output=True, check=True)
    times = json.loads(tally.read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    return [
        f"{event}:{rng.randint(1, max(times.get(event, 1), 1))}:{priority}"
        for event, priority in MOMENTS
    ]


@pytest.fixture(scope="module")
def fresh_reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    srcdir = _site(root, "src")
    reference = root / "reference"
    assert _build(srcdir, reference) == 0
    return root, srcdir, reference


def test_a_fresh_build_killed_anywhere_is_repaired_by_the_next(fresh_reference):
    root, srcdir, reference = fresh_reference
    for point in _kill_points(srcdir, root / "count-out"):
        out = root / f"killed-{point.replace(':', '-')}"
        assert _build(srcdir, out, kill_at=point) == 137, f"{point}: the build was not killed"
        assert _build(srcdir, out) == 0
        assert _differences(reference, out) == [], f"killed at {point}"


def _change(srcdir: Path) -> None:
    """Delete a post and add a line to another (dated later than any build of it)."""
    (srcdir / "blog" / "2024-01-15-new-year.md").unlink()
    post = srcdir / "blog" / "2021-03-8-founding-statement.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nA new closing line.\n", "utf-8")
    later = time.time() + 5
    os.utime(post, (later, later))


def test_an_edit_build_killed_anywhere_is_repaired_by_the_next(tmp_path):
    """A post is deleted and another edited; the build that follows is killed."""
    changed = _site(tmp_path, "changed")
    _change(changed)
    reference = tmp_path / "reference"
    assert _build(changed, reference) == 0
    # An incremental build writes a few pages: each moment is taken at its first time.
    for point in [f"{event}:1:{priority}" for event, priority in MOMENTS]:
        name = point.replace(":", "-")
        work, out = _site(tmp_path, f"src-{name}"), tmp_path / f"out-{name}"
        assert _build(work, out) == 0
        _change(work)
        assert _build(work, out, kill_at=point) == 137, point
        assert _build(work, out) == 0
        assert _differences(reference, out) == [], f"killed at {point}"


# -- lost and damaged state --------------------------------------------------------------


def test_a_lost_excerpt_cache_changes_no_list_page(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    first = build_site(srcdir, freshenv=True)
    before = {p: (first.outdir / p).read_bytes() for p in ("blog.html", "blog/tags/events.html")}
    for cache in (srcdir / "_build" / "doctrees").glob("advocacy_blog_excerpts-*"):
        cache.unlink()
    # A change that rewrites the list pages, but not what they show.
    (srcdir / "_templates").mkdir()
    build_site(srcdir, freshenv=False)
    for name, data in before.items():
        page = (first.outdir / name).read_bytes()
        assert page == data, f"{name} changed after the excerpt cache was lost"
        assert b"blog-post-footer" not in page.split(b"<article", 1)[-1].split(b"</main")[0] or (
            b"blog-post-footer" not in data
        )


def test_excerpts_are_right_when_the_cache_is_gone_before_list_pages_are_made(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(srcdir, freshenv=True)
    expected = (site.outdir / "blog.html").read_text(encoding="utf-8")
    doctrees = srcdir / "_build" / "doctrees"
    for cache in doctrees.glob("advocacy_blog_excerpts-*"):
        cache.unlink()
    for state in doctrees.glob("html-advocacy_blog_*.json"):
        state.unlink()  # list pages are made again, from no kept excerpt
    (site.outdir / "blog.html").unlink()
    build_site(srcdir)
    assert (site.outdir / "blog.html").read_text(encoding="utf-8") == expected


def test_a_truncated_redirect_page_is_written_again(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(srcdir, freshenv=True)
    state = srcdir / "_build" / "doctrees" / "html-advocacy_blog_redirects.json"

    redirect = sorted(json.loads(state.read_text(encoding="utf-8")))[0]
    page = site.outdir / redirect
    whole = page.read_bytes()
    page.write_bytes(b"")
    os.utime(page, (1, 1))  # looks as old as the last build's files
    (srcdir / "index.md").write_text(
        (srcdir / "index.md").read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8"
    )
    build_site(srcdir)
    assert page.read_bytes() == whole


def test_a_deleted_post_loses_its_page_and_source_copy(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(srcdir, freshenv=True)
    page = site.outdir / "blog" / "2024" / "01" / "15" / "new-year.html"
    source_copy = site.outdir / "_sources" / "blog" / "2024-01-15-new-year.md.txt"
    assert page.exists() and source_copy.exists()
    assert source_copy.read_bytes() == (srcdir / "blog" / "2024-01-15-new-year.md").read_bytes()
    link = site.html("blog/2024/01/15/new-year.html").select_one('a[href$="new-year.md.txt"]')
    if link is not None:
        assert link["href"].endswith("_sources/blog/2024-01-15-new-year.md.txt")
    (srcdir / "blog" / "2024-01-15-new-year.md").unlink()
    build_site(srcdir)
    assert not page.exists()
    assert not source_copy.exists()


def test_unlisted_and_draft_posts_are_not_in_the_search_index(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    (srcdir / "blog" / "2022-05-05-hidden.md").write_text(
        "---\ntitle: Zanzibarqux hidden\nunlisted: true\n---\nZanzibarqux body.\n", "utf-8"
    )
    site = build_site(srcdir, freshenv=True, blog_include_drafts=True)
    index = (site.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert "zanzibarqux" not in index.lower()
    assert site.exists("blog/2022/05/05/hidden.html")


def test_a_post_with_thousands_of_tags_keeps_fifty(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    tags = ", ".join(f"t{number}" for number in range(3000))
    (srcdir / "blog" / "2022-05-06-tagged.md").write_text(
        f"---\ntitle: Tagged\ntags: [{tags}]\n---\nMany tags.\n", "utf-8"
    )
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    pages = list((site.outdir / "blog" / "tags").glob("t*.html"))
    assert len(pages) == 50
    assert "only the first 50 are kept" in site.warnings
    assert "[blog.tags]" in site.warnings


def test_the_killer_extension_itself_works(tmp_path):
    """The fault injector ends a build (else the tests above would prove nothing)."""
    srcdir = _site(tmp_path, "src")
    assert _build(srcdir, tmp_path / "out", kill_at="env-updated:1:50") == 137
    assert not (tmp_path / "out" / "blog.html").exists()
    code = textwrap.dedent(KILLER)
    assert "os._exit(137)" in code
