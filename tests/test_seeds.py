"""The organisation's own two posts (Docusaurus and Hugo style), and the listing directives."""

from __future__ import annotations

import pytest

from conftest import build_site, copy_root

HUGO = "blog/russia-is-doomed-to-suppress-non-russian-peoples"
DOCUSAURUS = "blog/captive-nations-action-january2023"
PINNED = "blog/2021/02/1/pinned-appeal"


@pytest.fixture(scope="module", params=["html", "dirhtml"])
def site(request, tmp_path_factory):
    srcdir = copy_root("seeds", tmp_path_factory.mktemp(f"seeds-{request.param}") / "src")
    return build_site(srcdir, buildername=request.param, freshenv=True)


def main(soup):
    """The page's own content (some theme versions print the project name as an <h1>)."""
    return soup.select_one("[role=main]") or soup


def page(site, permalink: str):
    if site.app.builder.name == "dirhtml":
        return site.html(f"{permalink}/index.html" if permalink != "index" else "index.html")
    return site.html(f"{permalink}.html")


def test_no_warnings(site):
    assert site.warnings.strip() == ""


def test_hugo_post_has_title_date_author_tags_category_image(site):
    soup = page(site, HUGO)
    assert [h.get_text(strip=True).rstrip("¶") for h in main(soup).find_all("h1")] == [
        "Russia is doomed to suppress non-Russian peoples and become an empire again and again"
    ]
    time = soup.select_one(".blog-post-header time")
    assert time["datetime"] == "2022-11-23T16:56:47+06:00"
    assert time.get_text() == "November 23, 2022"
    assert soup.select_one(".blog-reading-time").get_text() == "3 min read"
    assert soup.select_one(".blog-author-name").get_text(strip=True) == "Albert Sharapov"
    assert [a.get_text() for a in soup.select(".blog-post-footer .blog-tag")] == [
        "Oirats",
        "Kalmyks",
        "Captive Nations",
    ]
    assert soup.select_one(".blog-category a").get_text() == "News"
    body_image = soup.find("img", alt="Freedom to Captive Nations banner")
    assert body_image is not None


def test_docusaurus_post_has_title_date_author_tags_image(site):
    soup = page(site, DOCUSAURUS)
    assert [h.get_text(strip=True).rstrip("¶") for h in main(soup).find_all("h1")] == [
        "We are looking for allies both at home and in exile"
    ]
    assert soup.select_one(".blog-post-header time")["datetime"] == "2023-01-21"
    assert soup.select_one(".blog-author-name").get_text(strip=True) == "Free Nations League"
    assert [a.get_text() for a in soup.select(".blog-post-footer .blog-tag")] == ["Captive Nations"]
    body = soup.select_one(".body, main, [role=main]")
    assert "<head>" not in body.decode_contents()
    assert "Free Kalmykia - We are looking" not in body.get_text()


def test_cover_image_is_copied_and_listed(site):
    index = page(site, "blog")
    covers = {img["alt"]: img["src"] for img in index.select("img.blog-cover")}
    assert "We are looking for allies both at home and in exile" in covers
    base = site.outdir / ("blog" if site.app.builder.name == "dirhtml" else "")
    for src in covers.values():
        assert (base / src).resolve().is_file(), src


def test_pinned_post_comes_first_on_the_index_only(site):
    titles = [a.get_text() for a in page(site, "blog").select(".blog-list-title > a")]
    assert titles[0] == "Our standing appeal"
    archive_titles = [
        a.get_text() for a in page(site, "blog/archive").select(".blog-archive-year a")
    ]
    assert archive_titles[-1] == "Our standing appeal"


def test_group_archive_section_and_page(site):
    archive = page(site, "blog/archive")
    group = archive.select_one(".blog-archive-group")
    assert group.h2.get_text() == "Archived"
    assert [a.get_text() for a in group.select("li a")] == [
        "Russia is doomed to suppress non-Russian peoples and become an empire again and again"
    ]
    assert [
        a.get_text() for a in page(site, "blog/group/archived").select(".blog-list-title a")
    ] == ["Russia is doomed to suppress non-Russian peoples and become an empire again and again"]


def test_category_page(site):
    titles = [a.get_text() for a in page(site, "blog/category/news").select(".blog-list-title a")]
    assert titles == [
        "Russia is doomed to suppress non-Russian peoples and become an empire again and again"
    ]


def test_tag_label_matches_tags_yml_entry(site):
    soup = page(site, "blog/tags/captive-nations")
    assert "held captive" in soup.select_one(".blog-term-description").get_text()
    assert len(soup.select(".blog-list-title")) == 3


def test_hugo_author_name_joins_authors_yml_entry(site):
    soup = page(site, "blog/authors/albert-sharapov")
    assert "Kalmyk activist" in soup.select_one(".blog-author-profile").get_text()


def _section(soup, heading: str):
    title = next(h for h in soup.find_all("h2") if h.get_text(strip=True).rstrip("¶") == heading)
    return title.find_parent("section")


def test_postlist_filters(site):
    index = page(site, "index")
    assert [a.get_text() for a in _section(index, "By tag").select(".blog-postlist-title")] == [
        "Our standing appeal"
    ]
    cards = _section(index, "By author, as cards with excerpts").select("article.blog-card")
    assert len(cards) == 2
    assert all(card.select_one(".blog-excerpt") for card in cards)
    assert cards[0].select_one("img.blog-card-image")["alt"]
    assert all(card.select_one("a.blog-card-link")["href"] for card in cards)
    assert [
        a.get_text() for a in _section(index, "By category").select(".blog-postlist-title")
    ] == ["Russia is doomed to suppress non-Russian peoples and become an empire again and again"]
    assert len(_section(index, "By group").select(".blog-postlist-title")) == 1
    assert [a.get_text() for a in _section(index, "By year").select(".blog-postlist-title")] == [
        "We are looking for allies both at home and in exile"
    ]
    # Newest first they are 2023 "We are...", 2022 "Russia..." and 2021 "Our...".
    assert [
        a.get_text() for a in _section(index, "Sorted by title").select(".blog-postlist-title")
    ] == [
        "Our standing appeal",
        "Russia is doomed to suppress non-Russian peoples and become an empire again and again",
        "We are looking for allies both at home and in exile",
    ]


def test_tagcloud_authors_and_archive_directives(site):
    index = page(site, "index")
    cloud = {
        a.contents[0].strip(): a.select_one(".blog-count").get_text()
        for a in index.select(".blog-tagcloud a")
    }
    assert cloud["Captive Nations"] == "3"
    assert {a.get_text() for a in _section(index, "Authors").select(".blog-author-name")} == {
        "Free Nations League",
        "Albert Sharapov",
    }
    # The directive sits in a level-2 section, so years are h3 and months h4.
    assert [h.get_text() for h in _section(index, "Archive").select(".blog-archive-year > h3")] == [
        "2023",
        "2022",
        "2021",
    ]


def test_rst_directive(site):
    soup = page(site, "other")
    assert [a.get_text() for a in soup.select(".blog-postlist-title")] == [
        "Russia is doomed to suppress non-Russian peoples and become an empire again and again"
    ]


def test_output_paths_follow_the_builder(site):
    if site.app.builder.name == "dirhtml":
        expected = [
            f"{DOCUSAURUS}/index.html",
            "blog/index.html",
            "blog/tags/captive-nations/index.html",
        ]
        assert page(site, "blog").select_one(".blog-list-title a")["href"].endswith("/")
    else:
        expected = [f"{DOCUSAURUS}.html", "blog.html", "blog/tags/captive-nations.html"]
        assert not page(site, "blog").select_one(".blog-list-title a")["href"].endswith("/")
    for path in expected:
        assert site.exists(path), path


def test_excerpt_word_limit_for_posts_without_a_marker(tmp_path):
    srcdir = copy_root("seeds", tmp_path / "src")
    site = build_site(srcdir, freshenv=True, blog_excerpt_words=40)
    index = site.html("blog.html")
    hugo = next(
        item
        for item in index.select(".blog-list-item")
        if item.select_one(".blog-list-title a").get_text().startswith("Russia is doomed")
    )
    excerpt = hugo.select_one(".blog-excerpt").get_text()
    assert "How developed is the liberation movement" in excerpt
    assert "Let's break this vicious circle" not in excerpt
    assert hugo.select_one(".blog-read-more") is not None


def test_sphinx_design_is_left_to_the_site(site, tmp_path):
    """Without sphinx_design in the site's extensions, no page carries its CSS or JavaScript
    (62 KB for every reader); with it, cards use its markup, like the site's other cards."""
    assert "sphinx_design" not in site.app.extensions
    for name in ("index", "blog"):
        html = str(page(site, name))
        assert "sphinx-design" not in html and "design-tabs" not in html
    srcdir = copy_root("seeds", tmp_path / "src")
    extensions = ["myst_parser", "sphinx_design", "sphinx_advocacy_blog"]
    designed = build_site(srcdir, extensions=extensions)
    index = designed.html("index.html")
    cards = _section(index, "By author, as cards with excerpts").select(".sd-card")
    assert len(cards) == 2
    assert cards[0].select_one("img.sd-card-img-top")["alt"]
    assert index.select_one('link[href*="sphinx-design"]') is not None


def test_sphinx_design_is_an_optional_extra_the_package_never_imports():
    """The cards use sphinx-design only when the site loads it, so it is the ``design``
    extra, not a dependency (docs/directives.md and docs/quickstart.md say so)."""
    import re
    from pathlib import Path

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.startswith("sphinx-design")]
    assert [d for d in project["optional-dependencies"]["design"]] == ["sphinx-design>=0.5"]
    imports = re.compile(r"^\s*(import|from)\s+sphinx_design\b", re.MULTILINE)
    sources = (root / "src" / "sphinx_advocacy_blog").rglob("*.py")
    assert not [path for path in sources if imports.search(path.read_text(encoding="utf-8"))]
    for doc in ("directives.md", "quickstart.md"):
        assert "sphinx-advocacy-blog[design]" in (root / "docs" / doc).read_text(encoding="utf-8")
