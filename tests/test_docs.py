"""The configuration reference (docs/configuration.md) is rendered from the options table.

The page is built as it is, with its ``blog-options-reference`` directive
(docs/_ext/options_reference.py); every option of ``config/options.py`` must be on it once,
with its type, its default and its sentence, and nothing else.
"""

from __future__ import annotations

import pprint
import shutil
import sys
from pathlib import Path

import pytest

from conftest import build_site
from sphinx_advocacy_blog.config.options import OPTIONS

DOCS = Path(__file__).resolve().parents[1] / "docs"
STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("reference") / "src"
    srcdir.mkdir()
    shutil.copy(DOCS / "configuration.md", srcdir / "index.md")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "options_reference"]\n', encoding="utf-8"
    )
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        site = build_site(srcdir, freshenv=True)
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    return site


def test_every_option_is_in_the_reference_once_with_its_default_and_doc(reference):
    assert reference.warnings == ""
    page = reference.html("index.html")
    sections = page.select('section[id^="confval-"]')
    assert [section["id"] for section in sections] == [f"confval-{o.name}" for o in OPTIONS]
    for option, section in zip(OPTIONS, sections):
        assert section.find(["h2", "h3"]).get_text(strip=True).rstrip("¶") == option.name
        facts, doc = section.find_all("p")[:2]
        types = " or ".join(t.__name__ for t in option.types)
        default = pprint.pformat(option.default, width=200)
        assert facts.get_text() == f"Type: {types}. Default: {default}"
        # The sentence, with its ``code`` spans rendered as code (and quotes made curly).
        shown = doc.get_text().translate(STRAIGHT).replace("\u2026", "...")
        assert shown == option.doc.replace("``", "")


def test_the_reference_shows_values_as_conf_py_writes_them(reference):
    page = reference.html("index.html")

    def facts(name: str) -> str:
        return page.select_one(f"#confval-{name} p").get_text()

    assert facts("blog_feed_formats") == "Type: list or tuple. Default: ['rss', 'atom', 'json']"
    assert facts("blog_default_locale") == "Type: str. Default: ''"
    assert facts("blog_posts_per_page") == "Type: int or str. Default: 10"
    assert "conf.py" in page.select_one("#confval-blog_default_locale").get_text()
