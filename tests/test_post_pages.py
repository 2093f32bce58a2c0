"""Post pages of a real Docusaurus blog folder: URLs, title, header, body, footer."""

from __future__ import annotations

import json

import pytest

POSTS = {
    # permalink (html builder, no suffix) -> title
    "blog/2021/03/8/founding-statement": "Our founding statement",
    "blog/2021/05/28/spring-assembly": "Spring assembly",
    "blog/2021/09/14/language-rights": "Language rights in schools",
    "blog/2022/01/20/winter-school": "Winter school for young reporters",
    "blog/solidarity-letter": "A letter of solidarity",
    "blog/welcome": "Welcome to our new blog",
    "blog/2022/10/11/press-release": "Press release on the new media law",
    "blog/2023/02/25/vilnius-rally": "Rally in Vilnius",
    "blog/2023/11/30/annual-report": "Annual report 2023",
    "blog/2024/01/15/new-year": "Plans for the new year",
    "blog/2024/09/9/election-watch": "Election watch",
    "blog/2025/03/3/anniversary": "Four years of Free Voices",
}


@pytest.fixture(scope="module")
def site(docusaurus_site):
    return docusaurus_site


def test_builds_without_warnings(site):
    assert site.warnings.strip() == ""


@pytest.mark.parametrize(("permalink", "title"), sorted(POSTS.items()))
def test_every_post_is_at_its_docusaurus_url_with_one_h1(site, permalink, title):
    page = site.html(permalink + ".html")
    # The page's own content: some theme versions print the project name as an <h1> logo.
    headings = (page.select_one("[role=main]") or page).find_all("h1")
    assert [h.get_text(strip=True).rstrip("¶") for h in headings] == [title]
    header = page.select_one(".blog-post-header")
    assert header is not None
    assert header.find("time")["datetime"][:4].isdigit()
    assert "min read" in header.select_one(".blog-reading-time").get_text()
    assert header.select(".blog-author-name")
    assert page.select(".blog-post-footer .blog-tag")


def test_dates_from_path_with_one_digit_day_and_front_matter_offset(site):
    founding = site.html("blog/2021/03/8/founding-statement.html")
    assert founding.find("time")["datetime"] == "2021-03-08"
    assert founding.find("time").get_text() == "March 8, 2021"
    election = site.html("blog/2024/09/9/election-watch.html")
    # The front matter date wins over the path and keeps its own offset.
    assert election.find("time")["datetime"] == "2024-09-10T08:00:00+03:00"
    assert election.find("time").get_text() == "September 10, 2024"


def test_head_block_is_metadata_not_body(site):
    page = site.html("blog/solidarity-letter.html")
    body = page.select_one("[role=main]") or page.body
    text = body.get_text()
    assert "Solidarity letter - Free Voices" not in text
    assert "Our board writes to colleagues" not in text
    assert "Dear colleagues, we stand with you." in text


def test_raw_html_iframe_entity_and_relative_image(site):
    page = site.html("blog/welcome.html")
    # The raw <iframe> waits behind its click-to-load facade (tests/test_privacy.py).
    facade = page.select_one(".video-embed .blog-embed")
    assert facade is not None and "youtube-nocookie.com" in facade["data-embed-src"]
    assert "\u2003" in page.get_text()  # &emsp;
    assert page.find("b").get_text() == "everyone"
    image = page.find("img", alt="Our logo")
    assert image is not None and (site.outdir / "blog" / image["src"]).resolve().exists()


def test_static_image_and_admonitions(site):
    page = site.html("blog/2023/11/30/annual-report.html")
    assert page.select_one(".admonition.note, .admonition-info") is not None
    warning = page.select_one(".admonition-warning")
    assert warning is not None
    assert warning.select_one(".admonition-title").get_text() == "Data protection"
    new_year = site.html("blog/2024/01/15/new-year.html")
    tip = new_year.select_one(".admonition-tip")
    assert tip.select_one(".admonition-title").get_text() == "Get involved"
    assert new_year.select_one(".danger") is not None


def test_mdx_imports_are_dropped(site):
    page = site.html("blog/2022/01/20/winter-school.html")
    text = page.get_text()
    assert "import Tabs" not in text and "export const" not in text
    assert page.find("details") is not None


def test_authors_from_yaml_inline_and_legacy(site):
    welcome = site.html("blog/welcome.html")
    names = [a.get_text(strip=True) for a in welcome.select(".blog-post-header .blog-author-name")]
    assert names == ["Maria Kovalenko", "Oleh Bondar"]
    # Local avatar is shown; a remote avatar becomes initials (no third-party request).
    avatars = welcome.select(".blog-post-header .blog-author-avatar")
    assert avatars[0].name == "img" and avatars[0]["src"].endswith("img/maria.png")
    assert avatars[1].name == "span" and avatars[1].get_text() == "OB"
    press = site.html("blog/2022/10/11/press-release.html")
    assert press.select_one(".blog-author-name").get_text(strip=True) == "Guest Writer"
    rally = site.html("blog/2023/02/25/vilnius-rally.html")
    # The legacy "author: Oleh Bondar" joins the authors.yml entry with that name.
    assert rally.select_one(".blog-author-name")["href"].endswith("authors/oleh")


def test_prev_next_links(site):
    page = site.html("blog/2022/10/11/press-release.html")
    newer = page.select_one(".blog-post-newer")
    older = page.select_one(".blog-post-older")
    assert newer["href"].endswith("2023/02/25/vilnius-rally")
    assert older["href"].endswith("welcome")


def test_draft_is_not_built_and_unlisted_is_flagged(site):
    assert not any(site.outdir.rglob("*work-in-progress*"))
    hidden = site.html("blog/2025/05/5/hidden-note.html")
    assert hidden.select_one(".blog-notice-unlisted") is not None


def test_posts_are_not_in_the_toctree(site):
    index = site.html("index.html")
    nav = index.select_one(".sphinxsidebar") or index
    assert "Our founding statement" not in " ".join(
        a.get_text() for a in nav.select(".toctree-l1 a")
    )


def test_links_have_no_html_suffix(site):
    page = site.html("blog.html")
    hrefs = [a["href"] for a in page.select(".blog-list-title a")]
    assert hrefs and all(not href.endswith(".html") for href in hrefs)


def test_links_to_a_post_by_its_file_and_to_the_blog_by_path(tmp_path):
    from conftest import build_site, copy_root

    srcdir = copy_root("feeds", tmp_path / "src")
    post = srcdir / "blog" / "2024-05-01-links" / "index.md"
    post.write_text(
        post.read_text()
        + "\nSee [the first post by its file](../2024-04-01-first.md) and [the blog](/blog).\n"
    )
    site = build_site(srcdir, freshenv=True)
    assert "WARNING" not in site.warnings
    links = {a.get_text(): a["href"] for a in site.html("blog/links.html").select("a.reference")}
    assert links["the first post by its file"] == "2024/04/01/first.html"
    assert links["the blog"] == "../blog.html"


def _search_index(site) -> dict:
    text = (site.outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def _documents(index: dict, term: str) -> set[str]:
    """Documents whose body or titles have *term* (a stemmed word)."""
    numbers: list[int] = []
    for mapping in (index["terms"], index["titleterms"]):
        found = mapping.get(term, [])
        numbers += [found] if isinstance(found, int) else found
    return {index["docnames"][number] for number in numbers}


def test_search_indexes_a_post_by_its_own_words_not_its_neighbours_titles(site):
    index = _search_index(site)
    # "Rally in Vilnius" is the newer neighbour of the press release and the older one of
    # the annual report: their pagers show its title, but only the rally is about Vilnius.
    assert _documents(index, "vilnius") == {"blog/2023/02/25/vilnius-rally"}
    # The pager's labels and the header's "min read" are not words of any post.
    for label in ("newer", "older", "read"):
        assert not _documents(index, label) & set(POSTS), label


def test_two_posts_with_the_same_title_build_without_a_warning(tmp_path):
    """A post's title is no label of Sphinx's standard domain: two posts may share one
    without the untyped "duplicate label" warning that fails ``-W`` builds."""
    from conftest import build_site, copy_root

    srcdir = copy_root("feeds", tmp_path / "src")
    for day in ("02", "03"):
        (srcdir / "blog" / f"2024-04-{day}-same.md").write_text(
            f"---\ntitle: Weekly notes\nslug: notes-{day}\n---\n\nNotes of day {day}.\n"
        )
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    assert site.warnings == ""
    for day in ("02", "03"):
        page = site.html(f"blog/notes-{day}.html")
        assert page.find("h1").get_text(strip=True).rstrip("¶") == "Weekly notes"


def _inventory(outdir) -> list[list[str]]:
    """The entries of ``objects.inv``: ``[name, domain:role, priority, uri, shown name]``."""
    import zlib

    data = (outdir / "objects.inv").read_bytes()
    for _ in range(4):  # the four header lines
        data = data[data.index(b"\n") + 1 :]
    lines = zlib.decompress(data).decode("utf-8").splitlines()
    return [line.split(" ", 4) for line in lines if line.strip()]


def test_objects_inv_lists_each_generated_page_once(site):
    from sphinx_advocacy_blog.env.build_state import get_catalog
    from sphinx_advocacy_blog.env.site_data import get_site
    from sphinx_advocacy_blog.pages.plan import plan_pages

    entries = _inventory(site.outdir)
    names = [entry[0] for entry in entries]
    assert not [name for name in names if name.startswith("/")]
    for expected in ("blog", "blog/tags", "blog/tags/events", "blog/authors/maria", "blog/archive"):
        assert names.count(expected) == 1, expected
    pages = plan_pages(get_site(site.app), get_catalog(site.app))
    assert len(pages) > 10
    for page in pages:
        assert names.count(page.name.lower()) == 1, page.name
    tags = next(entry for entry in entries if entry[0] == "blog/tags")
    assert tags[1] == "std:label" and tags[3] == "blog/tags" and tags[4] == "Tags"


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_page_source_link_of_a_post_is_its_own_source(tmp_path, buildername):
    import posixpath

    from conftest import build_site, copy_root

    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(
        srcdir, buildername=buildername, freshenv=True, html_sidebars={"**": ["sourcelink.html"]}
    )
    permalink = "blog/2021/09/14/language-rights"
    page = permalink + ("/index.html" if buildername == "dirhtml" else ".html")
    href = site.html(page).select_one('a[rel="nofollow"][href*="_sources"]')["href"]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    # Named after the post's file (as a document of the docs is), not after its URL.
    assert target == "_sources/blog/2021-09-14-language-rights/index.md.txt"
    source = srcdir / "blog" / "2021-09-14-language-rights" / "index.md"
    assert (site.outdir / target).read_bytes() == source.read_bytes()


TOC_POST = """---
title: Deep post
slug: deep
last_update:
  date: 2024-06-02
  author: Maria <Kovalenko>
toc_max_heading_level: 2
---

Intro.

## Part one

### Detail of part one

Text.

## Part two

Text.
"""


@pytest.fixture(scope="module")
def deep_site(tmp_path_factory):
    from conftest import build_site, copy_root

    srcdir = copy_root("feeds", tmp_path_factory.mktemp("deep") / "src")
    (srcdir / "blog" / "2024-06-02-deep.md").write_text(TOC_POST, encoding="utf-8")
    (srcdir / "blog" / "2024-06-03-shallow.md").write_text(
        TOC_POST.replace("slug: deep", "slug: shallow")
        .replace("toc_max_heading_level: 2", "toc_min_heading_level: 3")
        .replace("  author: Maria <Kovalenko>\n", ""),
        encoding="utf-8",
    )
    return build_site(
        srcdir, freshenv=True, show_warning_types=True, html_sidebars={"**": ["localtoc.html"]}
    )


def test_toc_max_heading_level_limits_the_pages_table_of_contents(deep_site):
    def toc(page: str) -> list[str]:
        return [a.get_text() for a in deep_site.html(page).select(".sphinxsidebar a.reference")]

    assert toc("blog/deep.html") == ["Deep post", "Part one", "Part two"]
    assert toc("blog/shallow.html") == ["Deep post", "Part one", "Detail of part one", "Part two"]


def test_toc_min_heading_level_warns_at_its_line(deep_site):
    lines = [line for line in deep_site.warnings.splitlines() if "toc_min_heading_level" in line]
    assert len(lines) == 1
    assert "2024-06-03-shallow.md:6:" in lines[0] and "[blog.frontmatter]" in lines[0]


def test_last_update_author_and_date_are_shown_in_the_footer(deep_site):
    update = deep_site.html("blog/deep.html").select_one(".blog-post-footer .blog-last-update")
    assert update.get_text() == "Last updated on June 2, 2024 by Maria <Kovalenko>"
    assert update.find("time")["datetime"] == "2024-06-02"
    only_date = deep_site.html("blog/shallow.html").select_one(".blog-last-update")
    assert only_date.get_text() == "Last updated on June 2, 2024"
    # Posts without last_update show no such line.
    assert deep_site.html("blog/2024/04/01/first.html").select_one(".blog-last-update") is None


def test_last_update_line_is_translated(tmp_path):
    from conftest import build_site, copy_root

    srcdir = copy_root("feeds", tmp_path / "src")
    (srcdir / "blog" / "2024-06-02-deep.md").write_text(TOC_POST, encoding="utf-8")
    site = build_site(srcdir, freshenv=True, language="ru")
    update = site.html("blog/deep.html").select_one(".blog-last-update")
    assert update.get_text() == "Обновлено 2 июня 2024\u202fг., автор: Maria <Kovalenko>"


PROBE = """
SEEN = {}


def _before(app, pagename, templatename, context, doctree):
    SEEN[pagename] = [str(context.get("body")), ""]


def _after(app, pagename, templatename, context, doctree):
    SEEN[pagename][1] = str(context.get("body"))


def setup(app):
    app.connect("html-page-context", _before, priority=-1)
    app.connect("html-page-context", _after, priority=2)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_the_page_context_sphinx_repr_s_holds_no_rendered_footer_or_list(tmp_path):
    """Sphinx writes repr() of every event's arguments before any handler runs: the body
    it sees holds a mark for a post's header and footer and for a list page's entries,
    rendered in place first thing by the extension (so every other handler, and the page,
    gets them)."""
    import sys

    from conftest import build_site, copy_root

    srcdir = copy_root("docusaurus", tmp_path / "src")
    (srcdir / "_probe_ext.py").write_text(PROBE, encoding="utf-8")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + "\nimport os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + "extensions.append('_probe_ext')\n",
        encoding="utf-8",
    )
    sys.modules.pop("_probe_ext", None)
    try:
        site = build_site(srcdir, freshenv=True)
        seen = sys.modules["_probe_ext"].SEEN
    finally:
        sys.modules.pop("_probe_ext", None)
    assert site.warnings == ""
    post = "blog/2024/01/15/new-year"
    early, late = seen[post]
    assert "blog-post-footer" not in early and "blog-share" not in early
    assert "blog-post-header" not in early
    assert "blog-post-footer" in late and "blog-share" in late and "blog-post-header" in late
    assert "\x00" not in late
    assert late in (site.outdir / f"{post}.html").read_text(encoding="utf-8")
    early, late = seen["blog"]
    assert len(early) < 40 and "blog-list-item" not in early
    assert late.count("blog-list-item") >= 5
