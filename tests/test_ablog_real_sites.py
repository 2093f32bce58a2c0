"""What other real ABlog sites showed (each case reduced from one): dates ABlog reads
with dateutil, MyST-NB loaded first, reST-only sites, long front-matter fences, ABlog's
redirect pages on sites whose posts are all directives."""

from __future__ import annotations

import pytest

from conftest import Site, build_site, copy_root
from test_redirects import redirect_target

#: posts/<name> -> the date ABlog gives it (dateutil reads them; post_date_format does not).
DATEUTIL_DATES = {
    "slashes": "2019-09-04",  # 09/04/2019: month first, as dateutil reads it
    "ordinal": "2019-09-04",  # September 4th, 2019
    "weekday": "2019-09-04",  # Wednesday, September 4, 2019
    "dots": "2019-09-04",  # 2019.09.04
    "rest-ordinal": "2019-09-04",  # .. post:: September 4th, 2019
}


@pytest.fixture(scope="module")
def dates(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("ablog-dates", tmp_path_factory.mktemp("dates") / "src")
    return build_site(srcdir, freshenv=True)


def _archive_links(site: Site) -> list[str]:
    return [a["href"] for a in site.html("blog/archive.html").select("div.body a")]


@pytest.mark.parametrize(("name", "published"), sorted(DATEUTIL_DATES.items()))
def test_dates_ablog_reads_with_dateutil_are_read(dates, name, published):
    header = dates.html(f"posts/{name}.html").select_one(".blog-post-header")
    assert header.find("time")["datetime"] == published
    assert f"../posts/{name}.html" in _archive_links(dates)


@pytest.mark.parametrize("name", ["not-a-date", "rest-not-a-date"])
def test_a_date_no_parser_reads_is_named_and_the_post_is_built_not_listed(dates, name):
    suffix = ".rst" if name.startswith("rest") else ".md"
    lines = [line for line in dates.warnings.splitlines() if f"posts/{name}{suffix}" in line]
    assert len(lines) == 1 and "[blog.date]" in lines[0], dates.warnings
    assert "when it is ready" in lines[0]
    assert f"../posts/{name}.html" not in _archive_links(dates)
    # Like ABlog's undated drafts: "Draft" where the date would be (it showed the 1970
    # placeholder, or the file's date as if it were the post's).
    header = dates.html(f"posts/{name}.html").select_one(".blog-post-header")
    assert header.find("time") is None
    assert header.select_one(".blog-draft-date").get_text(strip=True) == "Draft"


def test_a_site_that_loads_myst_nb_first_builds(tmp_path):
    # cosmoscalibur.github.io: extensions = ["myst_nb", "ablog"]; the blog's own loading of
    # myst_parser stopped the build ("source_suffix '.md' is already registered").
    site = build_site(copy_root("ablog-mystnb-first", tmp_path / "src"), freshenv=True)
    header = site.html("posts/first.html").select_one(".blog-post-header")
    assert header.find("time")["datetime"] == "2021-03-14"
    assert "First post" in site.html("blog.html").get_text()


def test_an_ablog_site_that_reads_rest_only_reads_no_markdown(tmp_path):
    # aclark4life/blog-2017: source_suffix = ".rst" and a stray .md beside 151 of its 153
    # posts; the Markdown files were built in their place ("multiple files found").
    site = build_site(copy_root("ablog-rst-only", tmp_path / "src"), freshenv=True)
    assert site.warnings == ""
    header = site.html("posts/spaces.html").select_one(".blog-post-header")
    assert header.find("time")["datetime"] == "2016-04-03"
    assert "The post, in reST." in site.html("posts/spaces.html").get_text()
    assert not site.exists("README.html")


def test_ablog_pages_of_a_site_whose_posts_are_all_directives_still_answer(tmp_path):
    # blog-2017 and techman83.me: no blog_post_pattern, every post a `post` directive;
    # ABlog's /blog/<year>, /blog/tag/<x>, /blog/drafts... were not written.
    site = build_site(copy_root("ablog-rst-only", tmp_path / "src"), freshenv=True)
    expected = {
        "blog/2016.html": "archive.html#year-2016",
        "blog/tag/style.html": "../tags/style.html",
        "blog/tag.html": "tags.html",
        "blog/drafts.html": "../blog.html",
    }
    found = {page: redirect_target(site.outdir / page) for page in expected}
    assert found == expected


def test_an_ablog_site_with_myst_in_its_extensions_still_reads_markdown(tmp_path):
    srcdir = copy_root("ablog-rst-only", tmp_path / "src")
    (srcdir / "posts/spaces.md").unlink()
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            'extensions = ["sphinx_advocacy_blog"]',
            'extensions = ["myst_parser", "sphinx_advocacy_blog"]',
        ),
        encoding="utf-8",
    )
    site = build_site(srcdir, freshenv=True)
    assert site.exists("README.html")  # as ABlog with myst_parser read it


def test_front_matter_closed_by_a_longer_dash_line(dates):
    # cosmoscalibur.github.io closed its front matter with `---------------` (MyST reads
    # that as the end): 81 posts were lost, their front matter shown as a heading.
    page = dates.html("posts/long-fence.html")
    assert page.find("h1").get_text(strip=True).rstrip("¶") == "Creating a blog with Sphinx"
    assert page.select_one(".blog-post-header time")["datetime"] == "2024-12-01"
    assert "Intro paragraph that must be kept." in page.get_text()
    assert page.find(id="blog-conf") is not None  # the code block's own `---` options
    assert "../posts/long-fence.html" in _archive_links(dates)
    assert "long-fence" not in dates.warnings
