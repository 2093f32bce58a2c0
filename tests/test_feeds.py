"""Feeds: RSS 2.0, Atom and JSON Feed for the blog, each tag and each author."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import lxml.html
import pytest
from lxml import etree

from conftest import build_site, copy_root
from test_indexes import AUTHORS, NEWEST_FIRST, TAGS

BASE = "https://free-voices.example.org/"
SCHEMA = Path(__file__).parent / "schemas" / "atom.rng"
FILES = ("rss.xml", "atom.xml", "feed.json")


@pytest.fixture(scope="module")
def site(docusaurus_site):
    return docusaurus_site


def parse(site, path):
    """The feed at *path* as feedparser entries (JSON Feed mapped to the same shape:
    no released feedparser reads JSON Feed)."""
    data = (site.outdir / path).read_bytes()
    if not path.endswith(".json"):
        return feedparser.parse(data)
    document = json.loads(data)
    entries = [feedparser.FeedParserDict(link=item["url"], **item) for item in document["items"]]
    return feedparser.FeedParserDict(
        bozo=0, feed=feedparser.FeedParserDict(title=document["title"]), entries=entries
    )


def canonical(permalink: str) -> str:
    return BASE + permalink


@pytest.mark.parametrize("name", FILES)
def test_site_feeds_parse_without_errors_and_list_every_public_post(site, name):
    feed = parse(site, f"blog/{name}")
    assert not feed.bozo, feed.get("bozo_exception")
    assert [entry.link for entry in feed.entries] == [canonical(p) for p in NEWEST_FIRST]
    assert feed.feed.title == "Blog"


def test_atom_validates_against_rfc_4287_schema(site):
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    for path in [site.outdir / "blog" / "atom.xml", *site.outdir.glob("blog/*/*/atom.xml")]:
        document = etree.parse(str(path))
        assert schema.validate(document), (path, schema.error_log)


def test_json_feed_has_the_required_keys(site):
    data = json.loads((site.outdir / "blog" / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and data["feed_url"] == BASE + "blog/feed.json"
    assert data["home_page_url"] == BASE + "blog"
    for item in data["items"]:
        assert item["id"] and item["url"].startswith(BASE)
        assert "content_html" in item or "content_text" in item
        assert item["date_published"][4] == "-"


def test_entries_have_dates_authors_tags_summary_and_content(site):
    feed = parse(site, "blog/atom.xml")
    welcome = next(e for e in feed.entries if e.link == canonical("blog/welcome"))
    assert welcome.published == "2022-07-03T00:00:00+00:00"
    assert [a.name for a in welcome.authors] == ["Maria Kovalenko", "Oleh Bondar"]
    assert welcome.authors[0].href == BASE + "blog/authors/maria"
    assert welcome.authors[0].email == "maria@free-voices.example.org"
    assert {t.term for t in welcome.tags} == {"Announcements", "Events"}
    assert welcome.summary.startswith("This blog replaces our old newsletter.")
    content = welcome.content[0].value
    assert "Posts come from members and volunteers" in content  # below the truncate marker
    assert "blog-post-header" not in content and "<h1" not in content


def test_no_relative_src_or_href_in_any_content(site):
    for name in ("blog/atom.xml", "blog/rss.xml"):
        for entry in parse(site, name).entries:
            html = entry.content[0].value
            fragment = lxml.html.fragment_fromstring(html, create_parent="div")
            for element in fragment.iter():
                for attribute in ("src", "href"):
                    value = element.get(attribute)
                    if value is not None:
                        assert value.startswith(("https://", "http://", "mailto:")), (
                            entry.link,
                            attribute,
                            value,
                        )
    images = [
        image.get("src")
        for entry in parse(site, "blog/atom.xml").entries
        for image in lxml.html.fragment_fromstring(
            entry.content[0].value, create_parent="div"
        ).iter("img")
    ]
    assert BASE + "_images/logo.png" in images


def test_cover_image_is_an_enclosure(site):
    rss = etree.parse(str(site.outdir / "blog" / "rss.xml"))
    item = next(
        i
        for i in rss.iter("item")
        if i.findtext("link") == canonical("blog/2021/09/14/language-rights")
    )
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == BASE + "blog/_media/2021-09-14-language-rights/classroom.png"
    assert enclosure.get("type") == "image/png" and int(enclosure.get("length")) > 0


@pytest.mark.parametrize("tag", sorted(TAGS))
def test_each_tag_has_feeds_listing_exactly_its_posts(site, tag):
    for name in FILES:
        feed = parse(site, f"blog/tags/{tag}/{name}")
        assert not feed.bozo
        assert [e.link for e in feed.entries] == [
            canonical(p) for p in NEWEST_FIRST if p in TAGS[tag]
        ]


@pytest.mark.parametrize("author", sorted(AUTHORS))
def test_each_author_has_feeds_listing_exactly_their_posts(site, author):
    for name in FILES:
        feed = parse(site, f"blog/authors/{author}/{name}")
        assert [e.link for e in feed.entries] == [
            canonical(p) for p in NEWEST_FIRST if p in AUTHORS[author]
        ]


def test_unlisted_and_draft_posts_are_in_no_feed(site):
    for path in site.outdir.rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        assert "hidden-note" not in text and "members only" not in text, path
        assert "work-in-progress" not in text, path


def test_autodiscovery_links(site):
    index = site.html("index.html")
    alternates = {
        link["type"]: link["href"]
        for link in index.find_all("link", rel="alternate")
        if link.get("type")
    }
    assert alternates["application/rss+xml"] == BASE + "blog/rss.xml"
    assert alternates["application/atom+xml"] == BASE + "blog/atom.xml"
    assert alternates["application/feed+json"] == BASE + "blog/feed.json"
    tag_page = site.html("blog/tags/events.html")
    hrefs = [link["href"] for link in tag_page.find_all("link", rel="alternate")]
    assert BASE + "blog/tags/events/atom.xml" in hrefs
    author_page = site.html("blog/authors/oleh.html")
    assert BASE + "blog/authors/oleh/rss.xml" in [
        link["href"] for link in author_page.find_all("link", rel="alternate")
    ]


def test_stylesheet_is_linked_and_shipped(site):
    assert (
        b'<?xml-stylesheet type="text/xsl" href="feed.xsl"?>'
        in (site.outdir / "blog" / "rss.xml").read_bytes()
    )
    assert b'href="../../feed.xsl"' in (site.outdir / "blog/tags/events/atom.xml").read_bytes()
    transform = etree.XSLT(etree.parse(str(site.outdir / "blog" / "feed.xsl")))
    page = transform(etree.parse(str(site.outdir / "blog" / "rss.xml")))
    assert "Welcome to our new blog" in str(page)


def test_summary_only_feeds_and_feed_length(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(srcdir, blog_feed_full_content=False, blog_feed_length=3)
    feed = parse(site, "blog/atom.xml")
    assert len(feed.entries) == 3
    assert all(not entry.get("content") for entry in feed.entries)
    assert feed.entries[0].summary


def test_feeds_are_deterministic_and_not_rewritten(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    first = build_site(srcdir, builddir=tmp_path / "a", freshenv=True)
    second = build_site(srcdir, builddir=tmp_path / "b", freshenv=True)
    feeds = sorted(p.relative_to(first.outdir) for p in first.outdir.rglob("*.xml"))
    feeds += sorted(p.relative_to(first.outdir) for p in first.outdir.rglob("feed.json"))
    assert feeds
    for relative in feeds:
        assert (first.outdir / relative).read_bytes() == (second.outdir / relative).read_bytes()
    before = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.xml")}
    build_site(srcdir, builddir=tmp_path / "a")
    assert {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.xml")} == before


def test_feeds_of_a_removed_tag_are_deleted(tmp_path):
    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(srcdir, freshenv=True)
    assert site.exists("blog/tags/elections/rss.xml")
    post = srcdir / "blog" / "2024-09-9-election-watch.md"
    post.write_text(post.read_text().replace("tags: [events, elections]", "tags: [events]"))
    import os
    import time

    later = time.time() + 2
    os.utime(post, (later, later))
    build_site(srcdir)
    assert not site.exists("blog/tags/elections/rss.xml")
