"""ABlog's section posts: a page with several ``post`` directives is a post per section
(tests/roots/test-ablog-sections; ABlog's own manual has one, "Posting Sections")."""

from __future__ import annotations

import json
import re

import pytest

from conftest import Site, build_site, copy_root
from test_incremental import assert_same_output, edit

#: Title (the section's heading), anchor (the section's id on the page) and date of each
#: section post of posts/manual.rst.
SECTION_POSTS = {
    "Posting Sections": ("posting-sections", "2014-08-20"),  # labelled section
    "Listing": ("listing", "2014-09-02"),  # a section without a label
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("ablog-sections", tmp_path_factory.mktemp("sections") / "src")
    return build_site(srcdir, freshenv=True)


def _entries(site: Site, page: str) -> dict[str, tuple[str, str, str]]:
    """Each listed post of a list page: title -> (link, date, text of the entry)."""
    found = {}
    for article in site.html(page).select("article"):
        link = article.select_one("h2 a")
        found[link.get_text(strip=True)] = (
            link["href"],
            article.find("time")["datetime"],
            " ".join(article.get_text(" ").split()),
        )
    return found


def _line_of(site: Site, text: str) -> int:
    lines = (site.srcdir / "posts/manual.rst").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line == text)


def test_the_warnings_are_the_ones_named_below(site):
    lines = [line for line in site.warnings.splitlines() if "WARNING" in line]
    assert len(lines) == 3, site.warnings  # two directives, one template


def test_a_directive_in_a_section_that_is_already_a_post_is_named_in_a_warning(site):
    lines = [line for line in site.warnings.splitlines() if "manual.rst" in line]
    expected = {_line_of(site, ".. post:: Sep 9, 2014"), _line_of(site, ".. post:: Sep 12, 2014")}
    assert {int(re.search(r"manual\.rst:(\d+):", line)[1]) for line in lines} == expected
    assert all("[blog.ablog]" in line and "already a post" in line for line in lines)


@pytest.mark.parametrize("title", sorted(SECTION_POSTS))
def test_each_section_post_is_listed_at_its_section(site, title):
    anchor, published = SECTION_POSTS[title]
    entries = _entries(site, "blog.html")
    assert entries[title][:2] == (f"posts/manual.html#{anchor}", published)
    page = site.html("posts/manual.html")
    section = page.find(id=anchor)
    assert section is not None, f"#{anchor} is not on the page"
    assert section.find(["h2", "h3"]).get_text(strip=True).rstrip("¶") == title
    archive = [a["href"] for a in site.html("blog/archive.html").select("div.body a")]
    assert f"../posts/manual.html#{anchor}" in archive
    # A reader who follows the link lands on the section and sees its date there.
    dateline = section.select_one(".blog-section-post-date time")
    assert dateline is not None and dateline["datetime"] == published


def test_the_page_stays_the_post_of_its_first_directive(site):
    entries = _entries(site, "blog.html")
    assert entries["Posting and listing"][:2] == ("posts/manual.html", "2014-08-05")
    header = site.html("posts/manual.html").select(".blog-post-header")
    assert len(header) == 1
    assert header[0].find("time")["datetime"] == "2014-08-05"
    assert len(entries) == 4  # the page, two sections, the single post


def test_a_section_post_excerpt_is_its_own_first_paragraph(site):
    entries = _entries(site, "blog.html")
    text = entries["Posting Sections"][2]
    assert "can be used more than once in a document" in text
    assert "A second paragraph" not in text  # post_auto_excerpt = 1
    assert "dated by its first directive" not in text  # not the page's


def test_an_explicit_excerpt_of_a_section_post_is_listed_and_excluded_from_the_page(site):
    text = _entries(site, "blog.html")["Listing"][2]
    assert "An explicit excerpt, shown on lists only." in text
    assert "An explicit excerpt" not in site.html("posts/manual.html").get_text()


def test_section_posts_are_on_their_tag_category_and_author_pages(site):
    assert _entries(site, "blog/tags/directive.html")["Posting Sections"][0] == (
        "../../posts/manual.html#posting-sections"
    )
    assert _entries(site, "blog/tags/listing.html")["Listing"][0] == (
        "../../posts/manual.html#listing"
    )
    assert "Posting Sections" in _entries(site, "blog/category/manual.html")
    assert set(_entries(site, "blog/authors/Ahmet.html")) == {
        "Posting and listing",
        "Posting Sections",
    }


def test_ablog_postlist_links_section_posts_at_their_section(site):
    links = [a["href"] for a in site.html("index.html").select("div.body li a")]
    assert "posts/manual.html#posting-sections" in links
    assert "posts/manual.html#listing" in links


def test_feeds_have_an_entry_per_section_post_with_its_summary(site):
    feed = json.loads((site.outdir / "blog/feed.json").read_text(encoding="utf-8"))
    items = {item["title"]: item for item in feed["items"]}
    assert set(items) == {"Posting and listing", "Posting Sections", "Listing", "A single post"}
    section = items["Posting Sections"]
    assert section["url"] == "https://sections.example.org/posts/manual.html#posting-sections"
    assert section["id"] != items["Posting and listing"]["id"]
    assert "more than once in a document" in section["summary"]
    # Not the page's body (that is the page's own post's content).
    assert "dated by its first directive" not in json.dumps(section)
    assert "dated by its first directive" in items["Posting and listing"]["content_html"]
    atom = (site.outdir / "blog/atom.xml").read_text(encoding="utf-8")
    assert 'href="https://sections.example.org/posts/manual.html#listing"' in atom


def test_neighbours_sitemap_and_labels_leave_section_posts_out(site):
    # By date: Listing, Posting Sections, the single post, the page; only pages are neighbours.
    nav = [a["href"] for a in site.html("posts/single.html").select(".blog-post-pager a")]
    assert nav == ["manual.html"]
    sitemap = (site.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("posts/manual.html") == 1
    assert "#" not in sitemap


# -- incremental and parallel builds ------------------------------------------------------------


def test_parallel_build_equals_serial_build(tmp_path):
    serial = build_site(copy_root("ablog-sections", tmp_path / "a"), freshenv=True)
    parallel = build_site(copy_root("ablog-sections", tmp_path / "b"), freshenv=True, parallel=2)
    assert_same_output(parallel.outdir, serial.outdir)


def test_incremental_build_equals_clean_build(tmp_path):
    srcdir = copy_root("ablog-sections", tmp_path / "inc")
    build_site(srcdir)
    # The section post moves to the top of the index; a new section post appears.
    edit(srcdir / "posts/manual.rst", ".. post:: Aug 20, 2014", ".. post:: Oct 1, 2014")
    edit(
        srcdir / "posts/manual.rst",
        "Not a post: no directive here.",
        ".. post:: Oct 2, 2014\n\nNow a post as well.",
    )
    incremental = build_site(srcdir)
    clean_src = copy_root("ablog-sections", tmp_path / "clean")
    (clean_src / "posts/manual.rst").write_text(
        (srcdir / "posts/manual.rst").read_text(encoding="utf-8"), encoding="utf-8"
    )
    clean = build_site(clean_src, freshenv=True)
    assert_same_output(incremental.outdir, clean.outdir)
    entries = _entries(incremental, "blog.html")
    assert entries["A later section"][:2] == ("posts/manual.html#a-later-section", "2014-10-02")
    assert list(entries)[:2] == ["A later section", "Posting Sections"]


# -- ABlog's `ablog` template variable (the root's _templates, as ABlog sites write them) -----


def test_a_custom_template_reading_ablog_pagename_renders_the_post(site):
    card = site.html("posts/manual.html").select_one("#postcardHeader")
    assert card.select_one(".blogdate").get_text(strip=True) == "05 August 2014"  # %d %B %Y
    # postcard2.html, included by the site's template, names the terms with their pages.
    links = {a.get_text(strip=True): a["href"] for a in card.select("a")}
    assert links == {
        "Ahmet Bakan": "../blog/authors/Ahmet.html",
        "manual": "../blog/tags/manual.html",
    }
    # post.prev: the older post.
    single = site.html("posts/single.html").select_one("#postcardHeader .custom-prev")
    assert (single["href"], single.get_text()) == ("manual.html", "Posting and listing")
    # Not a post: ablog[pagename] is undefined, the template shows nothing.
    assert site.html("index.html").select_one("#postcardHeader").get_text(strip=True) == ""


def test_ablog_recent_catalogs_and_config_values(site):
    box = site.html("posts/single.html").select_one("#ablogCustom")
    assert box["data-title"] == "Sections blog"  # ablog.blog_title: conf.py
    assert box["data-posts"] == "4"
    assert box.select_one(".custom-is-post").get_text() == "A single post"
    recent = [(a.get_text(), a["href"]) for a in box.select(".custom-recent a")]
    # The two newest but the page itself, a section post at its section (anchor(post)).
    assert recent == [
        ("Listing", "manual.html#listing"),
        ("Posting Sections", "manual.html#posting-sections"),
    ]
    tags = [
        (" ".join(li.get_text(" ").split()), li.a["href"], li["class"][0])
        for li in box.select(".custom-tags li")
    ]
    assert tags == [
        ("directive 2", "../blog/tags/directive.html", "size-5"),
        ("listing 1", "../blog/tags/listing.html", "size-1"),
        ("manual 2", "../blog/tags/manual.html", "size-5"),
    ]
    assert [li.get_text() for li in box.select(".custom-years li")] == ["2014: 4"]
    assert site.html("index.html").select_one(".custom-is-post") is None


# -- a post in several categories (ABlog's `:category: Manual, Guides`) -----------------------


def test_a_post_in_two_categories_is_listed_under_both(site):
    assert "A single post" in _entries(site, "blog/category/manual.html")
    assert "A single post" in _entries(site, "blog/category/guides.html")
    categories = {
        a.get_text(): a["href"] for a in site.html("blog/category.html").select("div.body a")
    }
    assert categories.get("Guides") == "category/guides.html"
    header = site.html("posts/single.html").select_one(".blog-post-header .blog-category")
    assert [(a.get_text(), a["href"]) for a in header.select("a")] == [
        ("Manual", "../blog/category/manual.html"),
        ("Guides", "../blog/category/guides.html"),
    ]
    # ABlog's postlist finds it by its second category.
    guides = site.html("index.html").select(".guides li a")
    assert [a.get_text() for a in guides] == ["A single post"]


def test_the_ablog_variable_lists_both_categories(site):
    # postcard2.html, included by the site's own sidebar, reads post.category.
    box = site.html("posts/single.html").select_one("#postcardHeader .ablog__category")
    assert [(a.get_text(), a["href"]) for a in box.select("a")] == [
        ("Manual", "../blog/category/manual.html"),
        ("Guides", "../blog/category/guides.html"),
    ]


def test_ablog_paths_labels_and_urls_answer_as_in_ablog(site):
    # Robpol86/robpol86.com's sidebars use pathto(ablog.tags.path) and coll.path: the build
    # stopped (pathto of an undefined value).
    box = site.html("posts/single.html").select_one("#ablogMore")
    assert box["data-feed"] == "blog/atom.xml"
    assert box["data-url"] == "https://sections.example.org/posts/single"
    assert box["data-id"] == "/posts/single/"
    assert box["data-catalogs"] == "5"
    assert box.select_one(".custom-tags-page")["href"] == "../blog/tags.html"
    categories = [(a.get_text(), a["href"], a["data-xref"]) for a in box.select(".custom-category")]
    assert categories == [
        ("Guides", "../blog/category/guides.html", "category-guides"),
        ("Manual", "../blog/category/manual.html", "category-manual"),
    ]
    assert {a["data-catalog"] for a in box.select(".custom-category")} == {"category"}


def test_a_sites_own_ablog_list_page_template_is_named(site):
    # kevinschaul.github.io restyled ABlog's list pages with ablog/collection.html: its
    # category pages changed look without a word.
    lines = [line for line in site.warnings.splitlines() if "collection.html" in line]
    assert len(lines) == 1
    assert "_templates/ablog/collection.html:1" in lines[0] and "[blog.ablog]" in lines[0]
    assert "advocacy_blog/*.html" in lines[0]
