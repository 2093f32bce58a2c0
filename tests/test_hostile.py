"""Hostile and broken input: nothing injected, nothing lost, every problem named."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_root

WELL_FORMED_BODIES = {
    "blog/2022/01/1/script-title": "Body of the script-title post.",
    "blog/2022/01/2/bad-yaml": "Body of the bad-yaml post.",
    "blog/2022/01/3/unknown-author": "Body of the unknown-author post.",
    "blog/2022/01/4/bad-date": "Body of the bad-date post.",
    "blog/tmp/escaped-by-slug": "Body of the escape post.",
    "blog/same-slug": "Body of duplicate A.",
    # Its slug is taken: it is published at its date URL (and warned).
    "blog/2022/01/7/duplicate-b": "Body of duplicate B.",
    "blog/2022/01/8/no-closing": "Body of the no-closing post.",
    "blog/2022/01/9/bom-crlf": "Body of the bom-crlf post.",
    "blog/2022/02/4/python-tag": "Body of the python-tag post.",
    "blog/2022/02/5/raw-html": "Body of the raw-html post.",
    "blog/2022/03/3/folder": "Body of the folder post.",
}

#: (file, line, subtype) of every planted problem.
EXPECTED_WARNINGS = [
    ("2022-01-1-script-title.md", 6, "url"),
    ("2022-01-2-bad-yaml.md", 3, "yaml"),
    ("2022-01-3-unknown-author.md", 3, "author"),
    ("2022-01-4-bad-date.md", 3, "date"),
    ("2022-01-4-bad-date.md", 4, "author"),
    ("2022-01-4-bad-date.md", 5, "tags"),
    ("2022-01-5-escape.md", 3, "slug"),
    ("2022-01-7-duplicate-b.md", 1, "duplicate"),
    ("2022-01-8-no-closing.md", 1, "frontmatter"),
    ("2022-02-4-python-tag.md", 2, "yaml"),
    ("2022-02-1-invalid-utf8.md", 5, "encoding"),
    ("2022-02-3-draft-unlisted.md", 4, "draft"),
    ("authors.yml", 1, "url"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    srcdir = copy_root("hostile", root / "src")
    # Sphinx 8 shows warning types by default; 7.4 needs to be asked.
    return build_site(srcdir, freshenv=True, show_warning_types=True)


def html_files(site):
    return sorted(site.outdir.rglob("*.html"))


def test_every_well_formed_post_is_built(site):
    for permalink, body in WELL_FORMED_BODIES.items():
        assert body in site.html(permalink + ".html").get_text(), permalink


@pytest.mark.parametrize(("filename", "line", "subtype"), EXPECTED_WARNINGS)
def test_each_problem_is_a_warning_with_file_line_and_type(site, filename, line, subtype):
    pattern = re.compile(
        rf"{re.escape(filename)}:{line}: WARNING: .*\[blog\.{subtype}\]", re.MULTILINE
    )
    plain = re.sub(r"\x1b\[[0-9;]*m", "", site.warnings)
    assert pattern.search(plain), plain


def test_no_injected_script_or_event_handler(site):
    for path in html_files(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            text = script.get_text()
            if script.get("type") == "application/ld+json":
                # Data, not code: it must parse, and no "<" may close the element early.
                json.loads(text)
                assert "<" not in text, path
                continue
            assert "alert(" not in text, path
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.lower().startswith("on"), (path, element.name, attribute)
                values = value if isinstance(value, list) else [value]
                for item in values:
                    assert not str(item).strip().lower().startswith("javascript:"), (
                        path,
                        element.name,
                        attribute,
                    )


def test_title_and_tag_are_text_not_markup(site):
    soup = site.html("blog/2022/01/1/script-title.html")
    assert soup.find("h1").get_text().startswith('<script>alert("title")</script> Breaking news')
    tag = soup.select_one(".blog-post-footer .blog-tag")
    assert tag.get_text() == '<img src=x onerror=alert("tag")>'
    assert soup.select_one(".blog-post-footer img") is None
    author = soup.select_one(".blog-author-name")
    assert author.get_text(strip=True) == '"><script>alert("author")</script>'


def test_raw_html_written_by_the_author_is_kept(site):
    soup = site.html("blog/2022/02/5/raw-html.html")
    assert soup.select_one("div.author-wrote-this script") is not None


def test_nothing_is_written_outside_the_output_folder(site):
    root = site.srcdir.parent
    outside = [
        p
        for p in root.rglob("*escaped*")
        if site.outdir not in p.parents and site.srcdir not in p.parents
    ]
    assert outside == []
    assert site.exists("blog/tmp/escaped-by-slug.html")


def test_python_yaml_tag_was_not_executed(site):
    assert not (site.outdir / "pwned").exists()
    soup = site.html("blog/2022/02/4/python-tag.html")
    assert "Body of the python-tag post." in soup.get_text()


def test_feeds_and_sitemap_still_parse_and_carry_no_script(site):
    import feedparser
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "schemas" / "atom.rng")))
    for path in sorted(site.outdir.rglob("*.xml")):
        document = etree.parse(str(path))  # well-formed XML, or this raises
        if path.name == "atom.xml":
            assert schema.validate(document), (path, schema.error_log)
        if path.name in ("atom.xml", "rss.xml"):
            feed = feedparser.parse(path.read_bytes())
            assert not feed.bozo, (path, feed.get("bozo_exception"))
            for entry in feed.entries:
                for content in entry.get("content", []):
                    assert "<script" not in content.value.lower(), (path, entry.link)
    for path in sorted(site.outdir.rglob("feed.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert all("<script" not in item.get("content_html", "") for item in data["items"])


GUEST_POST = """---
title: Guest post
---

<div class="guest"><script>window.guest = 1;</script>
<img src="x.png" alt="x" onerror="alert(1)"></div>

<iframe src="https://www.youtube-nocookie.com/embed/abc" title="ok"></iframe>

<iframe src="https://evil.example/embed" title="evil"></iframe>

Text with <a href="javascript:alert(2)">a bad link</a> and <b>bold</b>.
"""


@pytest.mark.parametrize("sanitize", [False, True])
def test_sanitize_option_cleans_raw_html_of_guest_posts(tmp_path, sanitize):
    srcdir = tmp_path / "src"
    (srcdir / "blog").mkdir(parents=True)
    (srcdir / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_advocacy_blog"]\nblog_sanitize_html = {sanitize}\n'
        # Iframes shown as written (not behind facades), to see what the sanitizer keeps.
        "blog_remote_media = True\n"
    )
    (srcdir / "index.md").write_text("# Home\n")
    (srcdir / "blog" / "2024-01-1-guest.md").write_text(GUEST_POST)
    site = build_site(srcdir, freshenv=True)
    page = site.html("blog/2024/01/1/guest.html")
    body = page.select_one("[role=main]") or page.body
    iframes = [frame.get("src") for frame in body.find_all("iframe")]
    if sanitize:
        assert body.select_one("div.guest script") is None
        assert body.select_one("div.guest img").get("onerror") is None
        assert iframes == ["https://www.youtube-nocookie.com/embed/abc"]
        assert all(not a.get("href", "").startswith("javascript:") for a in body.find_all("a"))
        paragraph = next(p for p in body.find_all("p") if "Text with" in p.get_text())
        assert paragraph.find("b").get_text() == "bold"
        assert paragraph.find("a").get_text() == "a bad link"
    else:
        # Without the option, what the author wrote as raw HTML is kept as written.
        assert body.select_one("div.guest script") is not None
        assert "https://evil.example/embed" in iframes


GUEST_MARKUP = """---
title: Guest markup
---

Intro with a [javascript link](javascript:alert(1)) and a [good one](https://example.org/).

```{image} https://example.org/x.png
:target: javascript:alert(2)
:alt: pic
```

```{eval-rst}
A `reST link <javascript:alert(3)>`_ and a `data link <data:text/html;base64,PHNjcmlwdD4=>`_.
```

<!-- truncate -->

More.
"""


@pytest.mark.parametrize("sanitize", [False, True])
def test_sanitize_option_cleans_links_made_by_any_markup(tmp_path, sanitize):
    srcdir = tmp_path / "src"
    (srcdir / "blog").mkdir(parents=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_advocacy_blog"]\n'
        f'html_baseurl = "https://example.org/"\nblog_sanitize_html = {sanitize}\n'
    )
    (srcdir / "index.md").write_text("# Home\n")
    (srcdir / "blog" / "2024-01-1-guest.md").write_text(GUEST_MARKUP)
    site = build_site(srcdir, freshenv=True)
    outputs = {
        "post": (site.outdir / "blog/2024/01/1/guest.html").read_text("utf-8"),
        "index": (site.outdir / "blog.html").read_text("utf-8"),
        "rss": (site.outdir / "blog/rss.xml").read_text("utf-8"),
        "atom": (site.outdir / "blog/atom.xml").read_text("utf-8"),
        "json": (site.outdir / "blog/feed.json").read_text("utf-8"),
    }
    for name, text in outputs.items():
        # In attributes (HTML, or HTML escaped inside XML and JSON): text may name them.
        dangerous = re.findall(
            r"(?:href|src|srcset)\s*=\s*(?:\\?[\"']|&quot;)\s*(?:javascript|data:text)",
            text,
            re.IGNORECASE,
        )
        if sanitize:
            assert dangerous == [], f"{name}: {dangerous}"
        elif name == "post":
            assert dangerous, "the test plants nothing: without the option the link is kept"
    if sanitize:
        post = site.html("blog/2024/01/1/guest.html")
        assert "javascript link" in post.get_text(), "the link's text stays"
        assert post.find("a", href="https://example.org/") is not None
