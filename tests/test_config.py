"""Options: a wrong value stops the build at its start, with an error naming the option."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

from conftest import build_site, copy_root


def start(srcdir: Path, **confoverrides) -> SphinxTestApp:
    """Start (not build) a Sphinx application: ``config-inited`` has run when it returns."""
    return SphinxTestApp(
        "html",
        srcdir=srcdir,
        builddir=srcdir / "_build",
        confoverrides=confoverrides,
        status=io.StringIO(),
        warning=io.StringIO(),
    )


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("blog_feed_formats", ["rss", "yaml"], "'yaml' is none of them"),
        ("blog_feed_formats", ["RSS"], "'RSS' is none of them"),
        ("blog_date_format", "%d %B %Y", "not a strftime format"),
        ("blog_date_format", "d MMM y, HH:mm", "'H' is a field of the time of day"),
        ("blog_date_format", "EEEE h a", "'h' is a field of the time of day"),
        ("blog_sort", "newest", "must be 'date' or 'title'"),
        ("blog_posts_per_page", 0, "at least 1"),
    ],
)
def test_a_bad_value_stops_the_build_at_the_start_naming_the_option(tmp_path, option, value, words):
    srcdir = copy_root("feeds", tmp_path / "src")
    with pytest.raises(ConfigError) as raised:
        start(srcdir, **{option: value})
    assert repr(option) in str(raised.value)
    assert words in str(raised.value)
    # Stopped before anything was read or written.
    assert not (srcdir / "_build" / "html" / "index.html").exists()


def test_good_date_patterns_are_accepted(tmp_path):
    srcdir = copy_root("feeds", tmp_path / "src")
    site = build_site(srcdir, blog_date_format="EEEE d MMMM y", blog_feed_formats=["atom"])
    time = site.html("blog/2024/04/01/first.html").select_one(".blog-post-header time")
    assert time.get_text() == "Monday 1 April 2024"
    assert site.exists("blog/atom.xml") and not site.exists("blog/rss.xml")
