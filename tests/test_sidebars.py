"""The sidebar templates: their links from pages at every depth, with both HTML builders."""

from __future__ import annotations

import posixpath

import pytest

from conftest import build_site, copy_root

SIDEBARS = [
    "advocacy_blog/blog-link.html",
    "advocacy_blog/recent-posts.html",
    "advocacy_blog/tags.html",
    "advocacy_blog/archive.html",
]
POST = "blog/river-cleanup"
TAG = "blog/tags/events"


def _page_file(buildername: str, pagename: str) -> str:
    if buildername == "dirhtml" and pagename != "index":
        return f"{pagename}/index.html"
    return f"{pagename}.html"


def _target(buildername: str, pagename: str, href: str) -> str:
    """The output file *href* (relative, on *pagename*) leads to."""
    if not href.split("#")[0]:
        return _page_file(buildername, pagename)
    page_dir = posixpath.dirname(_page_file(buildername, pagename))
    path = posixpath.normpath(posixpath.join(page_dir, href.split("#")[0]))
    if buildername == "dirhtml" and not path.endswith(".html"):
        path = posixpath.join(path, "index.html") if path != "." else "index.html"
    return path


@pytest.fixture(scope="module", params=["html", "dirhtml"])
def site(request, tmp_path_factory):
    srcdir = copy_root("themes", tmp_path_factory.mktemp(f"sidebars-{request.param}") / "src")
    return build_site(
        srcdir,
        buildername=request.param,
        freshenv=True,
        html_sidebars={"**": SIDEBARS},
        blog_sidebar_title="Latest news",
        blog_sidebar_count=3,
    )


@pytest.mark.parametrize("pagename", ["index", "blog", POST, TAG, "blog/2023/11/02/school-books"])
def test_every_sidebar_link_leads_to_a_page(site, pagename):
    builder = site.app.builder.name
    page = site.html(_page_file(builder, pagename))
    links = page.select(".blog-sidebar a")
    assert len(links) == 1 + 4 + 6 + 4  # blog, title + 3 posts, title + 5 tags, title + 3 years
    for anchor in links:
        assert site.exists(_target(builder, pagename, anchor["href"])), anchor
    blog_link = page.select_one("a.blog-nav-link")
    assert _target(builder, pagename, blog_link["href"]) == _page_file(builder, "blog")
    assert blog_link.get_text(strip=True) == "Riverside news"


def test_blog_link_is_current_on_the_blogs_pages_only(site):
    builder = site.app.builder.name
    for pagename in ("blog", POST, TAG, "blog/archive"):
        link = site.html(_page_file(builder, pagename)).select_one("a.blog-nav-link")
        assert link.get("aria-current") == "page", pagename
    for pagename in ("index", "about"):
        link = site.html(_page_file(builder, pagename)).select_one("a.blog-nav-link")
        assert link.get("aria-current") is None, pagename


def test_recent_posts_use_the_sidebar_title_and_mark_the_current_post(site):
    page = site.html(_page_file(site.app.builder.name, POST))
    recent = page.select_one(".blog-sidebar-recent")
    assert recent.select_one(".blog-sidebar-title").get_text(strip=True) == "Latest news"
    assert recent["aria-label"] == "Latest news"
    current = recent.select('[aria-current="page"]')
    assert [a.get_text() for a in current] == [
        "Two hundred volunteers cleaned the riverbank in one Saturday morning"
    ]
    assert len(recent.select(".blog-sidebar-list li")) == 3


def test_tag_sidebar_marks_the_current_tag(site):
    page = site.html(_page_file(site.app.builder.name, TAG))
    current = page.select(".blog-sidebar-tags a.blog-tag.current")
    assert [a.contents[0].strip() for a in current] == ["Events"]
    counts = {
        a.contents[0].strip(): a.select_one(".blog-count").get_text()
        for a in page.select(".blog-sidebar-tags a.blog-tag")
    }
    assert counts == {
        "Announcements": "2",
        "Education": "1",
        "Environment": "1",
        "Events": "2",
        "Language rights": "1",
    }
