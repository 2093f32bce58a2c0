"""sitemap.xml and robots.txt."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from conftest import build_site, copy_root
from sphinx_advocacy_blog.env.git_dates import (
    FileHistory,
    file_histories,
    parse_git_log,
    post_modified,
)
from sphinx_advocacy_blog.model.post import Post
from sphinx_advocacy_blog.seo.sitemap import (
    SitemapEntry,
    at_host_root,
    render_robots,
    render_sitemap,
    w3c_date,
)
from test_post_pages import POSTS

DOCUSAURUS = "https://free-voices.example.org"
NATIONS = "https://free-nations.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(outdir: Path) -> etree._Element:
    return etree.fromstring((outdir / "sitemap.xml").read_bytes())


def locs(tree: etree._Element) -> list[str]:
    return tree.xpath("/s:urlset/s:url/s:loc/text()", namespaces=NS)


def lastmod(tree: etree._Element, url: str) -> str:
    (found,) = tree.xpath(f'/s:urlset/s:url[s:loc="{url}"]/s:lastmod/text()', namespaces=NS)
    return found


@pytest.fixture(scope="module")
def docusaurus(docusaurus_site):
    return docusaurus_site


# -- a real Docusaurus blog --------------------------------------------------------------


def test_every_public_post_once_and_no_unlisted_or_draft(docusaurus):
    urls = locs(sitemap(docusaurus.outdir))
    posts = [url for url in urls if url.removeprefix(DOCUSAURUS + "/") in POSTS]
    assert sorted(posts) == sorted(f"{DOCUSAURUS}/{permalink}" for permalink in POSTS)
    assert len(urls) == len(set(urls))
    assert not [url for url in urls if "hidden-note" in url or "work-in-progress" in url]


def test_pages_documents_and_not_sphinx_utility_pages(docusaurus):
    urls = set(locs(sitemap(docusaurus.outdir)))
    for path in ("", "blog", "blog/page/2", "blog/tags", "blog/tags/events", "blog/authors",
                 "blog/authors/maria", "blog/archive"):  # fmt: skip
        assert f"{DOCUSAURUS}/{path}" in urls
    assert f"{DOCUSAURUS}/search" not in urls
    assert f"{DOCUSAURUS}/genindex" not in urls
    # Authors with ``page: false`` have no page to list.
    assert f"{DOCUSAURUS}/blog/authors/board" not in urls


def test_every_url_has_a_lastmod_from_the_posts(docusaurus):
    tree = sitemap(docusaurus.outdir)
    assert len(tree.xpath("//s:lastmod", namespaces=NS)) == len(locs(tree))
    assert lastmod(tree, f"{DOCUSAURUS}/blog/2021/03/8/founding-statement") == "2021-03-08"
    # last_update wins over the date.
    assert lastmod(tree, f"{DOCUSAURUS}/blog/2025/03/3/anniversary") == "2025-03-10"
    # A front-matter time keeps its offset.
    assert lastmod(tree, f"{DOCUSAURUS}/blog/2024/09/9/election-watch") == (
        "2024-09-10T08:00:00+03:00"
    )
    # A list page changed when its newest post did.
    assert lastmod(tree, f"{DOCUSAURUS}/blog") == "2025-03-10"
    assert lastmod(tree, f"{DOCUSAURUS}/blog/tags/elections") == "2024-09-10T08:00:00+03:00"


def test_one_locale_site_has_no_alternates(docusaurus):
    source = (docusaurus.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "xhtml" not in source
    assert source.startswith("<?xml version='1.0' encoding='UTF-8'?>")


def test_robots_txt_points_at_the_sitemap(docusaurus):
    robots = (docusaurus.outdir / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {DOCUSAURUS}/sitemap.xml\n"


# -- the SEO test site -------------------------------------------------------------------


def test_hreflang_alternates_with_x_default(seo_site):
    tree = sitemap(seo_site.outdir)
    url = f"{NATIONS}/blog/2024/05/01/summit"
    alternates = tree.xpath(f'/s:urlset/s:url[s:loc="{url}"]/x:link', namespaces=NS)
    assert [(a.get("rel"), a.get("hreflang"), a.get("href")) for a in alternates] == [
        ("alternate", "en", url),
        ("alternate", "uk", f"{NATIONS}/ukr/blog/2024/05/01/summit"),
        ("alternate", "x-default", url),
    ]
    assert all(
        len(entry.xpath("x:link", namespaces=NS)) == 3
        for entry in tree.xpath("/s:urlset/s:url", namespaces=NS)
    )


def test_left_out_pages(seo_site):
    urls = set(locs(sitemap(seo_site.outdir)))
    assert f"{NATIONS}/blog/2024/05/01/summit" in urls
    assert f"{NATIONS}/mission" in urls
    # unlisted, draft, canonical elsewhere, robots noindex
    assert f"{NATIONS}/blog/2024/08/01/members" not in urls
    assert not [url for url in urls if "plans" in url]
    assert f"{NATIONS}/blog/2024/07/01/cross-post" not in urls
    assert f"{NATIONS}/private" not in urls
    assert f"{NATIONS}/about" in urls


def test_the_projects_own_robots_txt_is_kept(seo_site):
    robots = (seo_site.outdir / "robots.txt").read_text(encoding="utf-8")
    assert robots == "User-agent: *\nDisallow: /private\n"


# -- other builds ------------------------------------------------------------------------


def test_incremental_build_keeps_every_page_and_writes_the_sitemap_again(tmp_path: Path):
    """After an edit, an incremental build's sitemap still lists every page, and shows the
    edit: the post's new ``last_update`` is its lastmod and that of the pages listing it."""
    srcdir = copy_root("docusaurus", tmp_path / "src")
    first = build_site(srcdir, freshenv=True)
    before = sitemap(first.outdir)
    post = srcdir / "blog" / "2024-01-15-new-year.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.replace(
            "tags: [announcements]\n", "tags: [announcements]\nlast_update:\n  date: 2026-01-02\n"
        ).replace("three priorities", "four priorities"),
        encoding="utf-8",
    )
    second = build_site(srcdir)
    after = sitemap(second.outdir)
    assert "four priorities" in second.html("blog/2024/01/15/new-year.html").get_text()
    assert locs(after) == locs(before)
    edited = f"{DOCUSAURUS}/blog/2024/01/15/new-year"
    assert lastmod(before, edited) == "2024-01-15"
    for url in (edited, f"{DOCUSAURUS}/blog/tags/announcements", f"{DOCUSAURUS}/blog"):
        assert lastmod(after, url) == "2026-01-02", url
    untouched = f"{DOCUSAURUS}/blog/2021/09/14/language-rights"
    assert lastmod(after, untouched) == lastmod(before, untouched)


def test_without_baseurl_no_sitemap_and_no_absolute_urls(tmp_path: Path):
    site = build_site(copy_root("docusaurus", tmp_path / "src"), html_baseurl="")
    assert not site.exists("sitemap.xml")
    assert not site.exists("robots.txt")
    head = site.html("blog/2021/09/14/language-rights.html").head
    assert head.find("link", rel="canonical") is None
    assert head.find("meta", property="og:url") is None
    assert head.find("meta", property="og:image") is None
    assert head.find("meta", property="og:title")["content"] == "Language rights in schools"


def test_options_off(tmp_path: Path):
    site = build_site(
        copy_root("seo", tmp_path / "src"),
        blog_seo=False,
        blog_sitemap=False,
        blog_robots_txt=False,
    )
    assert not site.exists("sitemap.xml")
    head = site.html("blog/2024/05/01/summit.html").head
    assert head.find("meta", property="og:title") is None
    assert head.find("script", type="application/ld+json") is None
    # The theme's own canonical link and title come back; site-wide meta stays.
    # (Sphinx 7.4's own canonical link always ends in ".html".)
    assert head.find("link", rel="canonical")["href"] in {
        f"{NATIONS}/blog/2024/05/01/summit",
        f"{NATIONS}/blog/2024/05/01/summit.html",
    }
    assert head.find("meta", attrs={"name": "theme-color"})["content"] == "#003366"
    assert " | " not in head.find("title").get_text()


# -- pure functions ----------------------------------------------------------------------


def test_render_sitemap_lists_each_url_once():
    moment = datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    xml = render_sitemap(
        [
            SitemapEntry("https://a.example/x?a=1&b=2", moment),
            SitemapEntry("https://a.example/x?a=1&b=2", None),
            SitemapEntry("https://a.example/", datetime(2024, 5, 1, tzinfo=timezone.utc)),
        ]
    )
    tree = etree.fromstring(xml)
    assert locs(tree) == ["https://a.example/x?a=1&b=2", "https://a.example/"]
    assert b"a=1&amp;b=2" in xml
    assert tree.xpath("//s:lastmod/text()", namespaces=NS) == [
        "2024-05-01T09:30:00+02:00",
        "2024-05-01",
    ]


def test_w3c_date():
    assert w3c_date(datetime(2024, 5, 1)) == "2024-05-01"
    assert w3c_date(datetime(2024, 5, 1, tzinfo=timezone(timedelta(hours=3)))) == (
        "2024-05-01T00:00:00+03:00"
    )


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://a.example", True),
        ("https://a.example/", True),
        ("https://a.example/docs", False),
        ("https://a.example/docs/", False),
    ],
)
def test_robots_txt_only_at_the_host_root(base_url, expected):
    assert at_host_root(base_url) is expected


def test_render_robots():
    assert render_robots(["https://a.example/sitemap.xml"]) == (
        "User-agent: *\nAllow: /\n\nSitemap: https://a.example/sitemap.xml\n"
    )


def test_parse_git_log_keeps_the_newest_and_oldest_dates_and_counts_commits():
    june = datetime.fromisoformat("2024-06-01T10:00:00+02:00")
    january = datetime.fromisoformat("2023-01-01T00:00:00+00:00")
    output = (
        "\x002024-06-01T10:00:00+02:00\n\nblog/a.md\nblog/b.md\n"
        "\x002023-01-01T00:00:00+00:00\n\nblog/a.md\nindex.md\n"
    )
    histories = parse_git_log(output, "/repo")
    assert histories == {
        os.path.normpath("/repo/blog/a.md"): FileHistory(june, 2, january),
        os.path.normpath("/repo/blog/b.md"): FileHistory(june, 1, june),
        os.path.normpath("/repo/index.md"): FileHistory(january, 1, january),
    }
    # A post without a date is dated by the commit that added it, as Docusaurus does.
    assert histories[os.path.normpath("/repo/blog/a.md")].added == january
    assert histories[os.path.normpath("/repo/blog/a.md")].changed_after_added == june
    # Added once (written or imported): not a modification.
    assert histories[os.path.normpath("/repo/blog/b.md")].changed_after_added is None


def _commit(repository: Path, date: str) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_DATE": date,
    }
    for command in (["add", "."], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", *command], cwd=repository, env=environment, check=True)


def test_file_histories_in_a_real_repository(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "page.md"
    page.write_text("# Page\n")
    (tmp_path / "outside.md").write_text("# Outside\n")
    try:
        subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
        _commit(tmp_path, "2030-01-02T03:04:05+00:00")
        page.write_text("# Page, edited\n")
        _commit(tmp_path, "2031-02-03T04:05:06+01:00")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available")
    histories = {
        os.path.realpath(path): history
        for path, history in file_histories(str(tmp_path / "docs")).items()
    }
    edited = datetime(2031, 2, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=1)))
    added = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    # Only files below the folder asked about.
    assert histories == {os.path.realpath(page): FileHistory(edited, 2, added)}


def test_post_modified():
    published = datetime(2024, 5, 1, tzinfo=timezone.utc)
    post = Post("blog/x", "blog/x.md", "blog/x", "X", published)
    assert post_modified(post, None) is None
    assert post_modified(post, published - timedelta(days=3)) is None
    later = published + timedelta(days=3)
    assert post_modified(post, later) == later
    updated = Post("blog/x", "blog/x.md", "blog/x", "X", published, last_update=published)
    assert post_modified(updated, later) == published


def test_undated_post_url_year_and_shown_date_come_from_its_first_commit(tmp_path: Path):
    """A post without a date under ``blog_post_url = "/{year}/{slug}"``: its URL, its shown
    date and its feed entry all take the year of the commit that added it, not the file's
    modification time nor its last commit (so a fresh clone gives the same URL)."""
    srcdir = copy_root("feeds", tmp_path / "src")
    post = srcdir / "blog" / "undated.md"
    post.write_text("---\ntitle: Undated\nslug: undated\n---\n\nNo date anywhere.\n")
    try:
        subprocess.run(["git", "init", "-q"], cwd=srcdir, check=True)
        _commit(srcdir, "2019-06-15T10:00:00+00:00")
        post.write_text(post.read_text() + "\nEdited later.\n")
        _commit(srcdir, "2021-02-03T10:00:00+00:00")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available")
    stamp = datetime(2023, 8, 9, tzinfo=timezone.utc).timestamp()
    os.utime(post, (stamp, stamp))
    site = build_site(srcdir, freshenv=True, blog_post_url="/{year}/{slug}")
    assert site.exists("2019/undated.html")
    time = site.html("2019/undated.html").select_one(".blog-post-header time")
    assert time["datetime"].startswith("2019-06-15")
    assert time.get_text() == "June 15, 2019"


def test_a_post_whose_og_url_is_elsewhere_keeps_its_canonical_and_its_sitemap_entry(
    tmp_path: Path,
):
    """Its own canonical URL is still itself, so it is listed (as Docusaurus does); only a
    canonical link to another page leaves a post out."""
    srcdir = copy_root("seo", tmp_path / "src")
    (srcdir / "blog" / "2024-10-01-shared.md").write_text(
        "---\ntitle: Shared\nslug: shared\n---\n\n<head>\n"
        '  <meta property="og:url" content="https://campaign.example.org/shared" />\n'
        "</head>\n\nShared from the campaign site.\n",
        encoding="utf-8",
    )
    site = build_site(srcdir, freshenv=True)
    page = site.html("blog/shared.html")
    assert page.find("link", rel="canonical")["href"] == f"{NATIONS}/blog/shared"
    assert page.find("meta", property="og:url")["content"] == "https://campaign.example.org/shared"
    urls = set(locs(sitemap(site.outdir)))
    assert f"{NATIONS}/blog/shared" in urls
    assert f"{NATIONS}/blog/2024/07/01/cross-post" not in urls  # canonical elsewhere


def test_robots_txt_names_the_sitemap_of_every_locale(tmp_path: Path):
    site = build_site(copy_root("i18n", tmp_path / "src"), freshenv=True)
    robots = (site.outdir / "robots.txt").read_text(encoding="utf-8")
    assert robots == (
        "User-agent: *\nAllow: /\n\n"
        f"Sitemap: {DOCUSAURUS}/sitemap.xml\n"
        f"Sitemap: {DOCUSAURUS}/ru/sitemap.xml\n"
        f"Sitemap: {DOCUSAURUS}/ukr/sitemap.xml\n"
    )
