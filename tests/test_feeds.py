"""Feeds: RSS 2.0, Atom and JSON Feed for the blog, each tag and each author."""

from __future__ import annotations

import json
import posixpath
import shutil
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
    # Without blog_title, "<site title> Blog" as in Docusaurus (the project is Free Voices).
    assert feed.feed.title == "Free Voices Blog"


def test_feed_author_is_the_site_and_tag_feeds_are_titled_after_the_blog(site):
    atom = (site.outdir / "blog" / "atom.xml").read_bytes()
    tree = etree.fromstring(atom)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert tree.xpath("/a:feed/a:author/a:name/text()", namespaces=ns) == ["Free Voices"]
    data = json.loads((site.outdir / "blog" / "feed.json").read_text(encoding="utf-8"))
    assert data["title"] == "Free Voices Blog"
    assert data["authors"] == [{"name": "Free Voices"}]
    events = parse(site, "blog/tags/events/rss.xml")
    assert events.feed.title == "Free Voices Blog – Events"
    page = site.html("blog.html")
    titles = [link["title"] for link in page.head.find_all("link", type="application/rss+xml")]
    assert titles == ["Free Voices Blog (RSS)"]


def test_the_atom_schema_rejects_what_rfc_4287_forbids(site):
    """The shipped schema is not a rubber stamp: an entry without an id, an entry with a
    date that is not an RFC 3339 date-time, or a feed without a title all fail it."""
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    ns = {"a": "http://www.w3.org/2005/Atom"}

    def broken(xpath, change):
        document = etree.parse(str(site.outdir / "blog" / "atom.xml"))
        change(document.xpath(xpath, namespaces=ns)[0])
        return document

    assert schema.validate(broken("//a:entry/a:id", lambda e: None))
    assert not schema.validate(broken("//a:entry/a:id", lambda e: e.getparent().remove(e)))
    assert not schema.validate(broken("/a:feed/a:title", lambda e: e.getparent().remove(e)))
    assert not schema.validate(
        broken("//a:entry/a:published", lambda e: setattr(e, "text", "Mon, 3 Mar 2025"))
    )
    assert not schema.validate(
        broken("//a:entry/a:author/a:email", lambda e: setattr(e, "text", "nobody"))
    )


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
    paths = [*site.outdir.rglob("*.xml"), *site.outdir.rglob("feed.json")]
    assert len(paths) > 30
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "hidden-note" not in text and "members only" not in text, path
        assert "work-in-progress" not in text and "Unfinished draft" not in text, path
    # The draft is the only post tagged "drafts": that tag has no page and no feed.
    assert not site.exists("blog/tags/drafts/rss.xml")


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
    assert b"content:encoded" not in (site.outdir / "blog" / "rss.xml").read_bytes()
    items = json.loads((site.outdir / "blog" / "feed.json").read_bytes())["items"]
    assert len(items) == 3 and all("content_html" not in item for item in items)
    assert items[0]["content_text"] == items[0]["summary"]


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


# -- A small site below a path of its host, with ``.html`` links and links of every kind ---

CAMPAIGN = "https://voices.example.org/campaign/"
LINKS_POST = CAMPAIGN + "blog/links.html"
FIRST_POST = CAMPAIGN + "blog/2024/04/01/first.html"
TRICKY_TITLE = "Tom & Jerry <script>alert(1)</script> meet"


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    return build_site(copy_root("feeds", tmp_path_factory.mktemp("feeds") / "src"))


@pytest.fixture(scope="module")
def campaign_dirhtml(tmp_path_factory):
    srcdir = copy_root("feeds", tmp_path_factory.mktemp("feeds-dirhtml") / "src")
    return build_site(srcdir, buildername="dirhtml")


def content_of(site, path: str, link: str):
    """The Atom content of the entry whose link is *link*, parsed with lxml (feedparser
    would sanitize it, dropping ``srcset`` for one)."""
    ns = {"a": "http://www.w3.org/2005/Atom"}
    document = etree.parse(str(site.outdir / path))
    (html,) = document.xpath(f"//a:entry[a:link/@href='{link}']/a:content/text()", namespaces=ns)
    return lxml.html.fragment_fromstring(html, create_parent="div")


def served(site, url: str, base: str) -> bool:
    """Whether the output has a file serving *url* (html, ``html_link_suffix = ""`` or dirhtml)."""
    path = url[len(base) :].split("#")[0]
    candidates = (path, path + ".html", posixpath.join(path, "index.html"))
    return any((site.outdir / candidate).is_file() for candidate in candidates if candidate)


def test_every_kind_of_link_in_a_post_is_absolute_and_right(campaign):
    assert campaign.warnings.strip() == ""
    content = content_of(campaign, "blog/atom.xml", LINKS_POST)
    links = {a.text_content().strip(): a.get("href") for a in content.iter("a")}
    assert links["the first post"] == FIRST_POST
    assert links["about us"] == CAMPAIGN + "about.html"
    assert links["its details"] == FIRST_POST + "#first-details"
    assert links["see below"] == LINKS_POST + "#details"
    assert links["about page"] == CAMPAIGN + "about.html#about-us"
    assert links["[1]"] == LINKS_POST + "#note"  # footnote reference
    assert links["1"] == LINKS_POST + "#id1"  # and back
    assert links["raw relative link"] == CAMPAIGN + "index.html"
    assert links["a root-relative one"] == CAMPAIGN + "img/logo.png"
    assert links["us"] == "mailto:team%40voices.example.org"
    assert links["the report"].startswith(CAMPAIGN + "_downloads/")
    images = {img.get("alt"): img.get("src") for img in content.iter("img")}
    assert images == {
        "A photo": CAMPAIGN + "_images/photo.png",
        "The logo": CAMPAIGN + "_images/logo.png",
        "raw": CAMPAIGN + "img/logo.png",
    }
    assert content.xpath("//img[@alt='raw']/@srcset") == [
        f"{CAMPAIGN}img/logo.png 1x, {CAMPAIGN}img/logo.png 2x"
    ]
    # Every link into the site reaches a file of the build.
    internal = [
        value
        for element in content.iter()
        for value in (element.get("href"), element.get("src"))
        if value and value.startswith(CAMPAIGN)
    ]
    assert len(internal) >= 12
    assert [url for url in internal if not served(campaign, url, CAMPAIGN)] == []
    # Only the title's section is unwrapped; the h1 and the page frame are gone.
    assert content.xpath("//section[@id='details']/h2/text()") == ["Details"]
    assert not content.xpath("//h1 | //*[contains(@class, 'blog-post-')]")
    first = content_of(campaign, "blog/atom.xml", FIRST_POST)
    assert first.xpath("./section[@id='first-details']/h2/text()") == ["First details"]


def test_entries_of_a_site_below_a_path(campaign):
    feed = parse(campaign, "blog/atom.xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Campaign <news> & notes"
    assert feed.feed.link == CAMPAIGN + "blog.html"
    assert [e.link for e in feed.entries] == [LINKS_POST, FIRST_POST]
    links, first = feed.entries
    assert links.published == "2024-05-01T00:00:00+00:00"
    assert links.updated == "2024-05-03T12:00:00+00:00"  # last_update
    assert first.published == "2024-04-01T09:30:00+02:00"  # its own time zone
    assert first.title == TRICKY_TITLE
    assert [(a.name, a.href) for a in links.authors] == [
        ("Maria <Kovalenko>", CAMPAIGN + "blog/authors/maria-k.html"),
        ("Oleh Bondar", CAMPAIGN + "blog/authors/oleh.html"),
    ]
    assert feed.feed.updated == "2024-05-03T12:00:00+00:00"  # the newest date, not "now"
    rss = feedparser.parse((campaign.outdir / "blog" / "rss.xml").read_bytes())
    assert not rss.bozo and rss.entries[1].title == TRICKY_TITLE
    assert rss.entries[1].published_parsed[:5] == (2024, 4, 1, 7, 30)  # 09:30+02:00
    cover = rss.entries[1].enclosures[0]
    assert cover.href == CAMPAIGN + "blog/_media/cover.png" and cover.type == "image/png"
    raw = (campaign.outdir / "blog" / "feed.json").read_bytes()
    assert b"<" not in raw and b"&" not in raw
    items = json.loads(raw)["items"]
    assert items[1]["title"] == TRICKY_TITLE
    assert items[1]["image"] == CAMPAIGN + "blog/_media/cover.png"


def test_author_with_a_page_permalink_and_discovery_links_lead_to_files(campaign):
    feed = parse(campaign, "blog/authors/maria-k/rss.xml")
    assert [e.link for e in feed.entries] == [LINKS_POST]
    checked = 0
    for page in campaign.outdir.rglob("*.html"):
        soup = campaign.html(str(page.relative_to(campaign.outdir)))
        for tag in soup.find_all("link", rel="alternate"):
            if tag.get("type") in ("application/rss+xml", "application/atom+xml"):
                assert served(campaign, tag["href"], CAMPAIGN), (page, tag["href"])
                checked += 1
    assert checked > 20
    maria = campaign.html("blog/authors/maria-k.html")
    hrefs = [tag["href"] for tag in maria.find_all("link", rel="alternate")]
    assert CAMPAIGN + "blog/authors/maria-k/atom.xml" in hrefs


def test_unlisted_post_of_a_tag_and_an_author_is_in_none_of_their_feeds(campaign):
    for path in [*campaign.outdir.rglob("*.xml"), *campaign.outdir.rglob("feed.json")]:
        text = path.read_text(encoding="utf-8")
        assert "Hidden from feeds" not in text and "Unlisted body" not in text, path
        assert "Draft body" not in text, path
    assert [e.link for e in parse(campaign, "blog/tags/events/feed.json").entries] == [
        LINKS_POST,
        FIRST_POST,
    ]


def test_stylesheet_shows_hostile_titles_as_text(campaign):
    transform = etree.XSLT(etree.parse(str(campaign.outdir / "blog" / "feed.xsl")))
    for name in ("rss.xml", "atom.xml"):
        page = lxml.html.document_fromstring(
            str(transform(etree.parse(str(campaign.outdir / "blog" / name))))
        )
        assert page.get("lang") == "en"
        assert page.xpath("//script") == []
        assert TRICKY_TITLE in [h2.text_content() for h2 in page.iter("h2")]
        assert page.xpath("//h2/a/@href") == [LINKS_POST, FIRST_POST]


def test_dirhtml_feeds_link_folders(campaign_dirhtml):
    site = campaign_dirhtml
    feed = parse(site, "blog/atom.xml")
    assert [e.link for e in feed.entries] == [
        CAMPAIGN + "blog/links/",
        CAMPAIGN + "blog/2024/04/01/first/",
    ]
    content = content_of(site, "blog/atom.xml", CAMPAIGN + "blog/links/")
    links = {a.text_content().strip(): a.get("href") for a in content.iter("a")}
    assert links["the first post"] == CAMPAIGN + "blog/2024/04/01/first/"
    assert links["about page"] == CAMPAIGN + "about/#about-us"
    assert links["see below"] == CAMPAIGN + "blog/links/#details"
    for element in content.iter():
        for value in (element.get("href"), element.get("src")):
            if value is not None:
                assert value.startswith((CAMPAIGN, "mailto:")), value
    assert json.loads((site.outdir / "blog" / "feed.json").read_bytes())["feed_url"] == (
        CAMPAIGN + "blog/feed.json"
    )


def test_feeds_do_not_depend_on_the_build_history(tmp_path):
    """html and dirhtml sharing one doctree folder (Sphinx's Makefile does that), a lost
    content cache, a post that just entered a feed: always the bytes of a clean build."""
    srcdir = copy_root("feeds", tmp_path / "src")
    builddir = tmp_path / "build"
    site = build_site(srcdir, builddir=builddir)
    feeds = sorted(
        path.relative_to(site.outdir)
        for path in [*site.outdir.rglob("*.xml"), *site.outdir.rglob("feed.json")]
        if path.name != "sitemap.xml"
    )
    assert len(feeds) == 15  # (the blog, 2 tags, 2 authors) x 3 formats
    clean = {path: (site.outdir / path).read_bytes() for path in feeds}

    def unchanged() -> list[str]:
        return [str(path) for path in feeds if (site.outdir / path).read_bytes() != clean[path]]

    build_site(srcdir, builddir=builddir, buildername="dirhtml")
    build_site(srcdir, builddir=builddir)
    assert unchanged() == []
    shutil.rmtree(builddir / "doctrees" / "advocacy_blog_feed_content")
    stamps = {path: (site.outdir / path).stat().st_mtime_ns for path in feeds}
    build_site(srcdir, builddir=builddir)  # nothing to write: every body rendered for feeds
    assert unchanged() == []
    assert {path: (site.outdir / path).stat().st_mtime_ns for path in feeds} == stamps


def test_a_translated_build_writes_its_feeds_under_its_prefix(tmp_path):
    srcdir = copy_root("i18n", tmp_path / "src")
    site = build_site(srcdir, language="ru")
    feed = parse(site, "blog/atom.xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Блог «Свободные голоса»"
    assert feed.feed.language == "ru"
    welcome = next(e for e in feed.entries if e.link == BASE + "ru/blog/welcome")
    assert welcome.title == "Добро пожаловать в наш новый блог"
    assert all(e.link.startswith(BASE + "ru/blog/") for e in feed.entries)
    data = json.loads((site.outdir / "blog" / "feed.json").read_bytes())
    assert data["feed_url"] == BASE + "ru/blog/feed.json" and data["language"] == "ru"
    for entry in feed.entries:
        fragment = lxml.html.fragment_fromstring(entry.content[0].value, create_parent="div")
        for element in fragment.iter("a", "img"):
            value = element.get("href") or element.get("src") or ""
            assert value.startswith((BASE + "ru/", "https://www.youtube", "mailto:")), value


def test_summary_has_no_footnote_numbers_glued_to_words(tmp_path):
    srcdir = copy_root("feeds", tmp_path / "src")
    site = build_site(srcdir, freshenv=True)
    data = json.loads((site.outdir / "blog" / "feed.json").read_text(encoding="utf-8"))
    links = next(item for item in data["items"] if item["title"] == "Links of every kind")
    assert "A note and" in links["summary"] and "note1" not in links["summary"]


def test_doctrees_are_resolved_with_the_builders_tags(tmp_path, monkeypatch):
    """Sphinx 9 deprecates ``get_and_resolve_doctree`` without ``tags=`` (required from
    Sphinx 11). The two places that render a post from its doctree outside Sphinx's own
    writing (a feed's full content, an excerpt not kept yet) pass the builder's tags."""
    import inspect

    from sphinx.environment import BuildEnvironment

    from sphinx_advocacy_blog.feeds.content import render_body
    from sphinx_advocacy_blog.pages.excerpt_store import excerpt_store
    from sphinx_advocacy_blog.pages.excerpts import excerpt_html, render_signature

    original = BuildEnvironment.get_and_resolve_doctree
    if "tags" not in inspect.signature(original).parameters:
        pytest.skip("this Sphinx has no tags argument")
    site = build_site(copy_root("feeds", tmp_path / "src"), freshenv=True)
    app, docname = site.app, "blog/2024/04/01/first"
    calls = []

    def spy(self, name, builder, *args, **kwargs):
        calls.append(kwargs.get("tags") is builder.tags)
        return original(self, name, builder, *args, **kwargs)

    monkeypatch.setattr(BuildEnvironment, "get_and_resolve_doctree", spy)
    assert "Plain text." in render_body(app, docname)
    signature = render_signature(app.builder)
    excerpt_store(app).put(docname, "an earlier read", signature, "")
    assert "Plain text." in excerpt_html(app, "blog", docname)
    assert calls == [True, True]
