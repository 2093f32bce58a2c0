"""Every URL the old site served still answers: a page, or a redirect that reaches it.

The test blog ``tests/roots/test-oldurls`` is built with the ``html`` builder (links without
suffix, ``html_baseurl`` set), its French locale for ``/fr/``, and with ``dirhtml`` (no
``html_baseurl``, so redirects are relative). A static host serves a path from ``path``,
``path.html`` or ``path/index.html``; each old URL is looked up that way and its redirects
followed to the page it must reach.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import Site, build_site, copy_root
from sphinx_advocacy_blog.migrate.old_urls import (
    Redirect,
    Target,
    output_file,
    page_file,
    plan_redirects,
    resolve_target,
)

BASE_URL = "https://open-rivers.example.org"

#: Every URL Docusaurus builds for the test blog (postsPerPage 2), and the page of our
#: output that must answer it. Docusaurus paginates author pages as
#: ``/blog/authors/<key>/authors/<n>``; ours are ``.../page/<n>``.
DOCUSAURUS_URLS = {
    # posts: /blog/<slug> when the post has a slug, else its date URL
    "/blog/welcome": "blog/welcome",
    "/blog/2020/02/9/first-steps": "blog/2020/02/9/first-steps",
    "/blog/river-cleanup-2020": "blog/river-cleanup-2020",
    "/blog/2020/11/3/petition": "blog/2020/11/3/petition",
    "/blog/letters/new-year-2021": "blog/letters/new-year-2021",
    "/blog/2021/04/22/earth-day": "blog/2021/04/22/earth-day",
    "/blog/water-report-2021": "blog/water-report-2021",
    "/blog/2022/03/8/womens-day": "blog/2022/03/8/womens-day",
    "/blog/members-note": "blog/members-note",  # unlisted: built, listed nowhere
    "/blog/annual-report-2022": "blog/annual-report-2022",
    # the index: 9 listed posts, 2 a page
    "/blog": "blog",
    "/blog/page/2": "blog/page/2",
    "/blog/page/3": "blog/page/3",
    "/blog/page/4": "blog/page/4",
    "/blog/page/5": "blog/page/5",
    # tags (announcements has the permalink "news" in tags.yml)
    "/blog/tags": "blog/tags",
    "/blog/tags/news": "blog/tags/news",
    "/blog/tags/news/page/2": "blog/tags/news/page/2",
    "/blog/tags/news/page/3": "blog/tags/news/page/3",
    "/blog/tags/events": "blog/tags/events",
    "/blog/tags/events/page/2": "blog/tags/events/page/2",
    "/blog/tags/volunteers": "blog/tags/volunteers",
    "/blog/tags/campaigns": "blog/tags/campaigns",
    "/blog/tags/reports": "blog/tags/reports",
    # authors with `page: true`
    "/blog/authors": "blog/authors",
    "/blog/authors/lena": "blog/authors/lena",
    "/blog/authors/lena/authors/2": "blog/authors/lena/page/2",
    "/blog/authors/lena/authors/3": "blog/authors/lena/page/3",
    "/blog/authors/omar": "blog/authors/omar",
    "/blog/authors/omar/authors/2": "blog/authors/omar/page/2",
    "/blog/archive": "blog/archive",
}

#: Docusaurus's feeds: files served as they are (written by the feeds work).
FEED_URLS = ["/blog/rss.xml", "/blog/atom.xml", "/blog/feed.json"]

#: URLs the blog served before its current ones: date URLs of posts that later got a
#: slug, Sphinx's pages of the source files, aliases and ``blog_redirects``.
EARLIER_URLS = {
    "/blog/2020/06/15/river-cleanup": "blog/river-cleanup-2020",
    "/blog/2021/01/4/new-year-letter": "blog/letters/new-year-2021",
    "/blog/2021/08/30/water-report": "blog/water-report-2021",
    "/blog/2022/09/1/members-note": "blog/members-note",
    "/blog/2023/01/15/annual-report": "blog/annual-report-2022",
    "/blog/2020-02-9-first-steps": "blog/2020/02/9/first-steps",
    "/blog/2020-06-15-river-cleanup/index": "blog/river-cleanup-2020",
    "/blog/2021-04-22-earth-day/index": "blog/2021/04/22/earth-day",
    "/blog/2023-01-15-annual-report/index": "blog/annual-report-2022",
    "/blog/2021-08-30-water-report": "blog/water-report-2021",
    "/news/earth-day-2021/": "blog/2021/04/22/earth-day",
    "/old/earth-day.html": "blog/2021/04/22/earth-day",
    "/reports/2022": "blog/annual-report-2022",
    "/news/2019/launch": "blog/welcome",
    "/about-us/": "index",
}

POST_TITLES = {
    "blog/welcome": "Welcome to the Open Rivers blog",
    "blog/river-cleanup-2020": "River cleanup day 2020",
    "blog/letters/new-year-2021": "A letter for the new year",
    "blog/2021/04/22/earth-day": "Earth Day on the river",
    "blog/annual-report-2022": "Annual report 2022",
    "blog/members-note": "A note for members",
}


@pytest.fixture(scope="module")
def html_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("oldurls", tmp_path_factory.mktemp("oldurls-html") / "src")
    return build_site(srcdir, freshenv=True)


@pytest.fixture(scope="module")
def dirhtml_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("oldurls", tmp_path_factory.mktemp("oldurls-dirhtml") / "src")
    return build_site(srcdir, buildername="dirhtml", freshenv=True, html_baseurl="")


@pytest.fixture(params=["html", "dirhtml"])
def site(request: pytest.FixtureRequest) -> Site:
    return request.getfixturevalue(f"{request.param}_site")


# -- how a static host serves a URL ---------------------------------------------------------


def served_file(outdir: Path, url_path: str) -> Path | None:
    """The file a static host answers *url_path* with: path, path.html, path/index.html."""
    path = url_path.strip("/")
    candidates = [path, f"{path}.html", f"{path}/index.html"] if path else ["index.html"]
    for candidate in candidates:
        if candidate and (outdir / candidate).is_file():
            return outdir / candidate
    return None


def redirect_target(file: Path) -> str | None:
    """The URL a redirect page sends readers to, or None for a real page."""
    if file.suffix != ".html":
        return None
    page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    delay, _, url = refresh["content"].partition(";")
    assert delay.strip() == "0"
    assert url.strip().startswith("url=")
    return url.strip()[len("url=") :]


def follow(outdir: Path, url_path: str, prefix: str = "") -> tuple[Path, list[str]]:
    """Serve *url_path* and follow redirect pages; return the final file and the hops.

    *outdir* is published at ``/<prefix>/`` (a locale's build); URLs must stay below it.
    """

    def serve(path: str) -> Path | None:
        assert path.startswith(f"/{prefix}/" if prefix else "/"), f"{path} left /{prefix}"
        return served_file(outdir, path[len(prefix) + 1 :] if prefix else path)

    hops: list[str] = []
    current = url_path
    file = serve(current)
    for _ in range(4):
        assert file is not None, f"nothing serves {current} (from {url_path})"
        target = redirect_target(file)
        if target is None:
            return file, hops
        hops.append(target)
        if target.startswith(BASE_URL):
            target = target[len(BASE_URL) :]
        assert not urlsplit(target).netloc, f"{url_path} leads off the site: {target}"
        here = "/" + (f"{prefix}/" if prefix else "") + file.relative_to(outdir).as_posix()
        current = urlsplit(urljoin(here, target)).path
        file = serve(current)
    raise AssertionError(f"redirect loop from {url_path}: {hops}")


def expected_file(site: Site, page: str) -> Path:
    dirhtml = site.app.builder.name == "dirhtml"
    return site.outdir / page_file(page, dirhtml=dirhtml)


def assert_reaches(site: Site, url: str, page: str) -> list[str]:
    final, hops = follow(site.outdir, url)
    assert final == expected_file(site, page), f"{url} reached {final}, not {page}"
    if page in POST_TITLES:
        heading = BeautifulSoup(final.read_text(encoding="utf-8"), "html.parser").find("h1")
        assert heading.get_text(strip=True).rstrip("¶") == POST_TITLES[page]
    return hops


# -- the Docusaurus site's URLs ---------------------------------------------------------------


def test_builds_without_warnings(site):
    assert site.warnings.strip() == ""


@pytest.mark.parametrize(("url", "page"), sorted(DOCUSAURUS_URLS.items()))
def test_every_docusaurus_url_answers(site, url, page):
    assert_reaches(site, url, page)


@pytest.mark.parametrize("url", FEED_URLS)
def test_docusaurus_feed_urls_answer(site, url):
    file = served_file(site.outdir, url)
    assert file is not None and file.name == url.rsplit("/", 1)[-1]
    if file.suffix == ".json":
        assert json.loads(file.read_text(encoding="utf-8"))["items"]
    else:
        assert etree.parse(str(file)).getroot() is not None


@pytest.mark.parametrize(("url", "page"), sorted(EARLIER_URLS.items()))
def test_earlier_urls_redirect_to_their_page(site, url, page):
    hops = assert_reaches(site, url, page)
    assert len(hops) == 1


@pytest.fixture(scope="module")
def french_site(html_site: Site) -> Site:
    """The French locale (``i18n/fr``), published under ``/fr/`` by the all-locales build."""
    return build_site(
        html_site.srcdir, builddir=html_site.srcdir / "_build_fr", freshenv=True, language="fr"
    )


@pytest.mark.parametrize(
    ("url", "page"), sorted(DOCUSAURUS_URLS.items()) + sorted(EARLIER_URLS.items())
)
def test_every_old_url_answers_under_the_locale_prefix(french_site, url, page):
    final, _hops = follow(french_site.outdir, "/fr" + url, prefix="fr")
    assert final == french_site.outdir / page_file(page, dirhtml=False)


def test_locale_build_shows_translations_and_falls_back_to_the_source(french_site):
    assert french_site.warnings.strip() == ""
    welcome = french_site.html("blog/welcome.html").find("h1").get_text(strip=True)
    assert welcome.rstrip("¶") == "Bienvenue sur le blog d'Open Rivers"
    petition = french_site.html("blog/2020/11/3/petition.html").find("h1").get_text(strip=True)
    assert petition.rstrip("¶") == "Sign the river petition"


@pytest.mark.parametrize("url", FEED_URLS)
def test_locale_feed_urls_answer(french_site, url):
    file = served_file(french_site.outdir, url)
    assert file is not None


def test_sphinx_source_page_of_a_post_is_a_redirect_not_a_duplicate(site):
    for url in ("/blog/2020-06-15-river-cleanup/index", "/blog/2020-02-9-first-steps"):
        file = served_file(site.outdir, url)
        assert file is not None and redirect_target(file) is not None


def test_source_pages_redirect_only_when_asked(tmp_path_factory):
    srcdir = copy_root("oldurls", tmp_path_factory.mktemp("oldurls-nosource") / "src")
    site = build_site(srcdir, freshenv=True, blog_source_redirects=False)
    assert served_file(site.outdir, "/blog/2020-02-9-first-steps") is None
    assert served_file(site.outdir, "/blog/2020-06-15-river-cleanup/index") is None
    # Docusaurus's own old URLs (the date URL of a post that got a slug) stay.
    assert redirect_target(served_file(site.outdir, "/blog/2020/06/15/river-cleanup"))


def test_fragment_of_an_option_target_is_kept(html_site):
    _final, hops = follow(html_site.outdir, "/news/2019/launch")
    assert hops == ["/blog/welcome#start"]


def test_drafts_have_no_page_and_no_redirect(site):
    assert served_file(site.outdir, "/blog/2023/05/5/draft-plan") is None
    assert served_file(site.outdir, "/blog/2023-05-5-draft-plan") is None


def test_a_redirect_to_a_file_and_to_another_site(html_site):
    final, _ = follow(html_site.outdir, "/reports/annual.pdf.html")
    assert final == html_site.outdir / "downloads" / "annual-report.pdf"
    assert redirect_target(served_file(html_site.outdir, "/donate")) == (
        "https://give.example.org/rivers?campaign=old-site&ref=<blog>"
    )


def test_redirect_files_follow_the_builder(html_site, dirhtml_site):
    assert (html_site.outdir / "blog/2020/06/15/river-cleanup.html").is_file()
    assert (dirhtml_site.outdir / "blog/2020/06/15/river-cleanup/index.html").is_file()
    # A trailing slash or a .html suffix says which file served the old URL.
    for site in (html_site, dirhtml_site):
        assert (site.outdir / "news/earth-day-2021/index.html").is_file()
        assert (site.outdir / "old/earth-day.html").is_file()


def test_html_redirects_are_root_relative_dirhtml_ones_relative(html_site, dirhtml_site):
    url = "/blog/2020/06/15/river-cleanup"
    assert redirect_target(served_file(html_site.outdir, url)) == "/blog/river-cleanup-2020"
    relative = "../../../../river-cleanup-2020/"
    assert redirect_target(served_file(dirhtml_site.outdir, url)) == relative


def _redirect_pages(site: Site) -> list[Path]:
    return [
        path
        for path in sorted(site.outdir.rglob("*.html"))
        if "sphinx-advocacy-blog redirect" in path.read_text(encoding="utf-8")
    ]


def test_every_redirect_page_has_refresh_canonical_script_link_and_noindex(site):
    pages = _redirect_pages(site)
    assert len(pages) >= len(EARLIER_URLS)
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        target = redirect_target(path)
        assert target, path
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        canonical = page.find("link", rel="canonical")["href"]
        if site.app.builder.name == "html":
            assert canonical.startswith(("https://open-rivers.example.org/", "https://give."))
        link = page.body.find("a")
        assert link["href"] == target
        assert link.get_text(strip=True)
        assert "location.replace(" in page.find("script").string


def test_urls_in_redirect_pages_are_escaped_by_the_serializer(html_site):
    html = (html_site.outdir / "donate.html").read_text(encoding="utf-8")
    assert "ref=<blog>" not in html
    assert 'href="https://give.example.org/rivers?campaign=old-site&amp;ref=&lt;blog&gt;"' in html
    # tojson: safe inside <script>, no raw < > &
    script_string = r'"https://give.example.org/rivers?campaign=old-site\u0026ref=\u003cblog\u003e"'
    assert script_string in html


# -- conflicts, hostile paths and stale redirects -------------------------------------------


CONFLICT_A = """---
title: Conflict A
aliases: [blog/welcome, old/shared]
---

A.
"""
CONFLICT_B = """---
title: Conflict B
redirect_from: [old/shared]
---

B.
"""


@pytest.fixture(scope="module")
def conflict_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("oldurls-conflicts")
    srcdir = copy_root("oldurls", root / "src")
    (srcdir / "blog" / "2024-02-1-conflict-a.md").write_text(CONFLICT_A, encoding="utf-8")
    (srcdir / "blog" / "2024-02-2-conflict-b.md").write_text(CONFLICT_B, encoding="utf-8")
    return build_site(
        srcdir,
        freshenv=True,
        show_warning_types=True,  # the default from Sphinx 8 on
        blog_redirects={
            "blog/archive": "blog/welcome",
            "evil": "javascript:alert(1)",
            "../../escape": "blog/welcome",
            "typo": "blog/no-such-page",
        },
    )


def _warning_lines(site: Site, subtype: str) -> list[str]:
    return [line for line in site.warnings.splitlines() if f"[blog.{subtype}]" in line]


def test_alias_on_another_page_warns_naming_both_files(conflict_site):
    lines = [line for line in _warning_lines(conflict_site, "redirect") if "/blog/welcome " in line]
    assert len(lines) == 1
    assert "2024-02-1-conflict-a.md" in lines[0] and "blog/welcome.md" in lines[0]
    # The real page stays.
    assert redirect_target(conflict_site.outdir / "blog/welcome.html") is None


def test_two_posts_claiming_one_old_url_warn_naming_both(conflict_site):
    lines = _warning_lines(conflict_site, "duplicate")
    assert len(lines) == 1
    assert "/old/shared" in lines[0]
    assert "2024-02-1-conflict-a.md" in lines[0] and "2024-02-2-conflict-b.md" in lines[0]
    final, _ = follow(conflict_site.outdir, "/old/shared")
    assert final == conflict_site.outdir / "blog/2024/02/1/conflict-a.html"


def test_bad_option_entries_warn_and_write_nothing(conflict_site):
    messages = "\n".join(_warning_lines(conflict_site, "redirect"))
    assert "blog_redirects['blog/archive']" not in messages  # a clash, not a bad entry
    assert "/blog/archive is the address of the page" in messages
    assert "blog_redirects['evil']" in messages and "not an http(s) URL" in messages
    assert "blog_redirects['typo']" in messages and "no page of this site" in messages
    assert not (conflict_site.outdir / "evil.html").exists()
    assert not (conflict_site.outdir / "typo.html").exists()
    assert redirect_target(conflict_site.outdir / "blog/archive.html") is None


def test_no_file_is_written_outside_the_output_folder(conflict_site):
    assert (conflict_site.outdir / "escape.html").is_file()
    outside = [
        path
        for path in conflict_site.outdir.parents[2].rglob("escape*")
        if conflict_site.outdir not in path.parents
    ]
    assert outside == []


def test_incremental_build_drops_removed_aliases_and_redirects_a_renamed_post(tmp_path):
    srcdir = copy_root("oldurls", tmp_path / "src")
    build_site(srcdir)
    report = srcdir / "blog" / "2023-01-15-annual-report" / "index.md"
    report.write_text(
        report.read_text(encoding="utf-8").replace("aliases: [reports/2022]\n", ""),
        encoding="utf-8",
    )
    water = srcdir / "blog" / "2021-08-30-water-report.md"
    water.write_text(
        water.read_text(encoding="utf-8").replace(
            "slug: water-report-2021\n",
            "slug: water-quality-2021\naliases: [blog/water-report-2021]\n",
        ),
        encoding="utf-8",
    )
    site = build_site(srcdir)
    assert site.warnings.strip() == ""
    assert not (site.outdir / "reports" / "2022.html").exists()
    assert (site.outdir / "blog" / "annual-report-2022.html").is_file()
    assert redirect_target(site.outdir / "blog/2023/01/15/annual-report.html")
    # The renamed post's old page is replaced by a redirect to its new address.
    assert redirect_target(site.outdir / "blog/water-report-2021.html") == (
        "/blog/water-quality-2021"
    )
    assert redirect_target(site.outdir / "blog/2021/08/30/water-report.html") == (
        "/blog/water-quality-2021"
    )


# -- the pure planner -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "dirhtml", "expected"),
    [
        ("blog/2022/07/3/welcome", False, "blog/2022/07/3/welcome.html"),
        ("blog/2022/07/3/welcome", True, "blog/2022/07/3/welcome/index.html"),
        ("blog/2022-07-3-welcome/index", True, "blog/2022-07-3-welcome/index.html"),
        ("posts/old/", False, "posts/old/index.html"),
        ("old/page.html", True, "old/page.html"),
        ("blog/atom.xml", False, None),
        ("", False, None),
    ],
)
def test_output_file(old, dirhtml, expected):
    assert output_file(old, dirhtml=dirhtml) == expected


def test_resolve_target():
    pages = {"index": "index.md", "blog/welcome": "blog/welcome.md", "docs/index": "docs/index.md"}
    assert resolve_target("/blog/welcome.html#top", pages) == (
        Target(page="blog/welcome", fragment="top"),
        None,
    )
    assert resolve_target("docs/", pages)[0] == Target(page="docs/index")
    assert resolve_target("/", pages)[0] == Target(page="index")
    assert resolve_target("files/a.pdf", pages)[0] == Target(file="files/a.pdf")
    assert resolve_target("https://example.org/x", pages)[0] == Target(url="https://example.org/x")
    assert resolve_target("javascript:alert(1)", pages)[0] is None
    assert resolve_target("nowhere", pages)[0] is None


def test_stronger_claims_win_silently_over_implicit_ones():
    pages = {"a": "a.md", "b": "b.md"}
    plan = plan_redirects(
        [
            Redirect("old", Target(page="b"), "source", "b.md"),
            Redirect("old", Target(page="a"), "option", "conf.py"),
            Redirect("a", Target(page="b"), "docusaurus", "b.md"),
        ],
        pages,
        dirhtml=False,
    )
    assert plan.redirects["old.html"].target == Target(page="a")
    assert "a.html" not in plan.redirects
    assert plan.problems == []


def test_redirects_never_overwrite_files_the_site_ships(tmp_path):
    """A file of a static folder or of ``html_extra_path`` at the address of an old URL
    stays: the redirect is not written, and a declared one (an alias, ``blog_redirects``)
    warns, naming the file that asked for it and the file that stays."""
    srcdir = copy_root("oldurls", tmp_path / "src")
    shipped = srcdir / "static" / "news" / "earth-day-2021" / "index.html"
    shipped.parent.mkdir(parents=True)
    shipped.write_text("<p>the old site's own page</p>\n", encoding="utf-8")
    extra = srcdir / "extra" / "donate.html"
    extra.parent.mkdir()
    extra.write_text("<p>give here</p>\n", encoding="utf-8")
    site = build_site(srcdir, freshenv=True, show_warning_types=True, html_extra_path=["extra"])
    assert (site.outdir / "news/earth-day-2021/index.html").read_text() == shipped.read_text()
    assert (site.outdir / "donate.html").read_text() == extra.read_text()
    lines = _warning_lines(site, "redirect")
    earth_day = [line for line in lines if "static/news/earth-day-2021/index.html" in line]
    assert len(earth_day) == 1
    assert "2021-04-22-earth-day/index.mdx:5:" in earth_day[0]  # its `aliases` line
    donate = [line for line in lines if "extra/donate.html" in line]
    assert len(donate) == 1 and "conf.py" in donate[0]
    # The other redirects are still written.
    assert redirect_target(site.outdir / "old/earth-day.html") is not None
