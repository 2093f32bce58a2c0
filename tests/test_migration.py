"""Moving from ABlog and from Hugo-style sites: posts read the old way, old URLs answer."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from bs4 import BeautifulSoup

from conftest import Site, build_site, copy_root
from sphinx_advocacy_blog.migrate.ablog_options import is_ablog_project
from sphinx_advocacy_blog.readers.ablog import (
    ablog_author,
    ablog_route,
    normalize_ablog_metadata,
    parse_ablog_date,
)
from sphinx_advocacy_blog.readers.docusaurus import read_post
from sphinx_advocacy_blog.readers.location import peek_post
from sphinx_advocacy_blog.readers.settings import ReadSettings
from sphinx_advocacy_blog.util.globs import matches_post_pattern
from sphinx_advocacy_blog.util.slugs import ablog_slugify
from sphinx_advocacy_blog.util.urlpattern import expand_post_url, pattern_problem
from test_redirects import follow, page_file, redirect_target, served_file

# -- ABlog ------------------------------------------------------------------------------------

#: What ABlog served for tests/roots/test-ablog (blog_path "news", html builder), and the
#: page of our output that answers it.
ABLOG_URLS = {
    # posts stay at their document's path
    "/posts/2019/welcome.html": "posts/2019/welcome",
    "/posts/2020/first-steps.html": "posts/2020/first-steps",
    "/posts/2020/river-cleanup/index.html": "posts/2020/river-cleanup/index",
    "/community/petition.html": "community/petition",
    "/posts/2021/new-year-letter.html": "posts/2021/new-year-letter",
    "/posts/2021/earth-day.html": "posts/2021/earth-day",
    "/posts/2022/undated.html": "posts/2022/undated",  # ABlog's draft: built, not listed
    # ABlog's list pages under blog_path
    "/news.html": "news",
    "/news/tag/announcements.html": "news/tags/announcements",
    "/news/tag/events.html": "news/tags/events",
    "/news/tag/campaigns.html": "news/tags/campaigns",
    "/news/tag/volunteers.html": "news/tags/volunteers",
    "/news/author/lena-petrova.html": "news/authors/Lena",
    "/news/author/omar-haddad.html": "news/authors/Omar",
    "/news/author/lena.html": "news/authors/Lena",
    "/news/author/omar.html": "news/authors/Omar",
    "/news/category/campaigns.html": "news/category/campaigns",
    "/news/category/news.html": "news/category/news",
    # location and language pages keep ABlog's URLs
    "/news/location/upper-valley.html": "news/location/upper-valley",
    "/news/location/lower-river.html": "news/location/lower-river",
    "/news/language/english.html": "news/language/english",
    "/news/tag.html": "news/tags",
    "/news/author.html": "news/authors",
    "/news/location.html": "news/location",
    "/news/2019.html": "news/archive",
    "/news/2020.html": "news/archive",
    "/news/2021.html": "news/archive",
    "/news/drafts.html": "news",
    # the posts' own `redirect` front matter
    "/letters/new-year-2021.html": "posts/2021/new-year-letter",
    "/2021/letter.html": "posts/2021/new-year-letter",
}

ABLOG_POSTS = {
    # page: (title, date, authors, tags)
    "posts/2019/welcome": (
        "Welcome to the Open Rivers blog",
        "2019-12-01",
        ["Lena Petrova"],
        ["announcements"],
    ),
    "posts/2020/first-steps": (
        "First steps of the coalition",
        "2020-02-09",
        ["Lena Petrova"],
        ["announcements"],
    ),
    "posts/2020/river-cleanup/index": (
        "River cleanup day 2020",
        "2020-06-15",
        ["Lena Petrova", "Omar Haddad"],
        ["events", "volunteers"],
    ),
    "community/petition": ("Sign the river petition", "2020-11-03", ["Omar Haddad"], ["campaigns"]),
    "posts/2021/earth-day": (
        "Earth Day on the river",
        "2021-04-22T09:30:00+00:00",
        ["Omar Haddad", "Lena Petrova"],
        ["events", "campaigns"],
    ),
}


@pytest.fixture(scope="module")
def ablog_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("ablog", tmp_path_factory.mktemp("ablog") / "src")
    return build_site(srcdir, freshenv=True)


def _html(site: Site, page: str) -> BeautifulSoup:
    return site.html(page_file(page, dirhtml=False))


def test_ablog_site_builds_without_warnings(ablog_site):
    assert ablog_site.warnings.strip() == ""


@pytest.mark.parametrize(("url", "page"), sorted(ABLOG_URLS.items()))
def test_every_ablog_url_answers(ablog_site, url, page):
    final, _hops = follow(ablog_site.outdir, url)
    assert final == ablog_site.outdir / page_file(page, dirhtml=False)


def test_ablog_year_pages_lead_to_their_year_in_the_archive(ablog_site):
    _final, hops = follow(ablog_site.outdir, "/news/2020.html")
    assert hops == ["/news/archive.html#year-2020"]


def test_ablog_posts_are_pages_not_redirects_and_the_index_is_blog_path(ablog_site):
    for page in ABLOG_POSTS:
        assert redirect_target(ablog_site.outdir / page_file(page, dirhtml=False)) is None
    assert redirect_target(ablog_site.outdir / "news.html") is None
    assert not (ablog_site.outdir / "blog.html").exists()


@pytest.mark.parametrize(("page", "expected"), sorted(ABLOG_POSTS.items()))
def test_ablog_front_matter_is_read_the_ablog_way(ablog_site, page, expected):
    title, published, authors, tags = expected
    html = _html(ablog_site, page)
    assert html.find("h1").get_text(strip=True).rstrip("¶") == title
    header = html.select_one(".blog-post-header")
    assert header.find("time")["datetime"] == published
    assert [a.get_text(strip=True) for a in header.select(".blog-author-name")] == authors
    footer = html.select_one(".blog-post-footer")
    assert [t.get_text(strip=True) for t in footer.select(".blog-tag")] == tags


def test_ablog_draft_is_built_but_not_listed(ablog_site):
    index = ablog_site.html("news.html").get_text()
    assert "Notes for a future post" not in index
    assert "Earth Day on the river" in index
    assert "Notes for a future post" in _html(ablog_site, "posts/2022/undated").get_text()


def test_ablog_baseurl_gives_absolute_urls(ablog_site):
    redirect = ablog_site.html("news/tag/events.html")
    canonical = redirect.find("link", rel="canonical")["href"]
    assert canonical == "https://open-rivers.example.org/news/tags/events.html"


def test_ablog_feed_url_answers(ablog_site):
    file = served_file(ablog_site.outdir, "/news/atom.xml")
    assert file is not None


# -- Hugo-style sites ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hugo_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("hugo", tmp_path_factory.mktemp("hugo") / "src")
    return build_site(srcdir, buildername="dirhtml", freshenv=True)


HUGO_URLS = {
    "/posts/russia-is-doomed-to-suppress-non-russian-peoples/": (
        "posts/russia-is-doomed-to-suppress-non-russian-peoples"
    ),
    "/posts/vilnius-spring-rally/": "posts/vilnius-spring-rally",
    "/statements/2023/joint/": "statements/2023/joint",
    "/posts/": "posts",
    "/posts/tags/captive-nations/": "posts/tags/captive-nations",
    # aliases
    "/news/spring-rally/": "posts/vilnius-spring-rally",
    "/posts/spring-rally-2023/": "posts/vilnius-spring-rally",
}


def test_hugo_site_builds_without_warnings(hugo_site):
    assert hugo_site.warnings.strip() == ""


@pytest.mark.parametrize(("url", "page"), sorted(HUGO_URLS.items()))
def test_hugo_urls_answer(hugo_site, url, page):
    final, _hops = follow(hugo_site.outdir, url)
    assert final == hugo_site.outdir / page_file(page, dirhtml=True)


def test_hugo_seed_post_reads_its_front_matter(hugo_site):
    page = hugo_site.html("posts/russia-is-doomed-to-suppress-non-russian-peoples/index.html")
    assert page.find("h1").get_text(strip=True).startswith("Russia is doomed")
    header = page.select_one(".blog-post-header")
    assert header.find("time")["datetime"] == "2022-11-23T16:56:47+06:00"
    assert "3 min read" in header.get_text()


def test_hugo_categories_list_the_post_under_each(hugo_site):
    # statement.md: categories: [Statements, Advocacy]
    for category in ("statements", "advocacy"):
        page = hugo_site.html(f"posts/category/{category}/index.html")
        titles = [a.get_text(strip=True) for a in page.select("article h2 a")]
        assert titles == ["Joint statement"], category
    header = hugo_site.html("statements/2023/joint/index.html").select_one(".blog-category")
    assert [a.get_text() for a in header.select("a")] == ["Statements", "Advocacy"]


def test_dated_url_pattern(tmp_path):
    srcdir = copy_root("hugo", tmp_path / "src")
    site = build_site(srcdir, blog_post_url="/{year}/{month}/{slug}")
    assert site.warnings.strip() == ""
    assert site.exists("2022/11/russia-is-doomed-to-suppress-non-russian-peoples.html")
    assert site.exists("2023/04/vilnius-spring-rally.html")
    assert site.exists("statements/2023/joint.html")  # Hugo's url wins over the pattern


# -- pure readers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "formats", "expected"),
    [
        ("Nov 23, 2022", (), (datetime(2022, 11, 23, tzinfo=timezone.utc), False)),
        ("November 23, 2022", (), (datetime(2022, 11, 23, tzinfo=timezone.utc), False)),
        ("23 Nov 2022", (), (datetime(2022, 11, 23, tzinfo=timezone.utc), False)),
        ("2022-11-23", (), (datetime(2022, 11, 23, tzinfo=timezone.utc), False)),
        (date(2022, 11, 23), (), (datetime(2022, 11, 23, tzinfo=timezone.utc), False)),
        ("2022-11-23 09:30", (), (datetime(2022, 11, 23, 9, 30, tzinfo=timezone.utc), True)),
        ("23/11/2022", ("%d/%m/%Y",), (datetime(2022, 11, 23, tzinfo=timezone.utc), False)),
        # No format fits: ABlog's last resort, dateutil (month first when both could be).
        ("23/11/2022", (), (datetime(2022, 11, 23, tzinfo=timezone.utc), False)),
        ("09/04/2019", (), (datetime(2019, 9, 4, tzinfo=timezone.utc), False)),
        (
            "2019-09-04 18:45",
            ("%d/%m/%y",),
            (datetime(2019, 9, 4, 18, 45, tzinfo=timezone.utc), True),
        ),
        ("soon", (), None),
        ("Monday", (), None),  # dateutil would read this week's Monday
        ("99/99/2019", (), None),
    ],
)
def test_parse_ablog_date(value, formats, expected):
    assert parse_ablog_date(value, formats) == expected


def test_normalize_ablog_metadata():
    metadata = normalize_ablog_metadata(
        {
            "blogpost": True,
            "date": "Nov 23, 2022",
            "author": "Ahmet, Jane",
            "tags": "tips, ablog",
            "category": "Manual",
            "location": "World",
            "redirect": "old/a, old/b",
            "image": 1,
        }
    )
    assert "blogpost" not in metadata
    assert metadata["date"] == date(2022, 11, 23)
    assert metadata["authors"] == [
        {"key": "Ahmet", "name": "Ahmet"},
        {"key": "Jane", "name": "Jane"},
    ]
    assert "author" not in metadata
    assert metadata["tags"] == ["tips", "ablog"]
    assert metadata["category"] == ["Manual"]
    assert metadata["redirect_from"] == ["old/a", "old/b"]
    assert metadata["ablog_image"] == 1 and "image" not in metadata
    assert normalize_ablog_metadata({"blogpost": True})["unlisted"] is True


def test_read_post_with_ablog_front_matter_keeps_lines_and_aliases():
    text = "---\nblogpost: true\ndate: Nov 23, 2022\nauthor: Ahmet\nredirect: old/x\n---\n# T\n"
    parsed = read_post("posts/x.md", "posts/x.md", text, ReadSettings())
    post = parsed.post
    assert parsed.problems == []
    assert post.published.date() == date(2022, 11, 23)
    assert [a.name for a in post.authors] == ["Ahmet"]
    assert post.aliases == ("old/x",)
    assert post.line_of("redirect_from") == 5


def test_ablog_options():
    assert ablog_author(("Ahmet Bakan", "https://ahmetbakan.com")) == {
        "name": "Ahmet Bakan",
        "url": "https://ahmetbakan.com",
    }
    assert ablog_author(("Jane", None)) == {"name": "Jane"}
    assert ablog_slugify("Captive Nations!") == "captive-nations"
    assert ablog_route("news", "blog", default_route="blog", ablog_project=True) == "news"
    assert ablog_route("news", "posts", default_route="blog", ablog_project=True) == "posts"
    assert ablog_route("news", "blog", default_route="blog", ablog_project=False) == "blog"


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class _Conf:
    """A conf.py as Sphinx's Config shows it: values, and what conf.py set."""

    def __init__(self, **values):
        self.__dict__.update({"blog_path": "blog", "blog_post_pattern": [], **values})
        self._raw_config = dict(values)


def test_is_ablog_project(tmp_path):
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "2024-01-01-hello.md").write_text("---\ntitle: Hi\n---\n")
    assert not is_ablog_project(str(tmp_path), _Conf())
    assert is_ablog_project(str(tmp_path), _Conf(blog_post_pattern="posts/*"))
    assert is_ablog_project(str(tmp_path), _Conf(blog_path="news"))  # no such folder
    # A folder at blog_path (ABlog writes its pages there; sites keep a placeholder):
    assert is_ablog_project(str(tmp_path), _Conf(post_always_section=True))
    assert not is_ablog_project(str(tmp_path), _Conf(post_date_format="%d/%m/%Y"))  # ours too
    assert is_ablog_project(str(tmp_path), _Conf(blog_authors={"ana": ("Ana", None)}))
    assert not is_ablog_project(str(tmp_path), _Conf(blog_authors={"ana": {"name": "Ana"}}))
    # reST beside Markdown posts: a Docusaurus blog with a reST post (the demo site's).
    (tmp_path / "blog" / "a-rest-post.rst").write_text("Post\n====\n")
    assert not is_ablog_project(str(tmp_path), _Conf())
    # reST only (and Markdown without front matter): ABlog's folder with a placeholder.
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "readme.rst").write_text("Posts\n=====\n")
    (tmp_path / "news" / "talk.md").write_text("# A talk\n")
    assert is_ablog_project(str(tmp_path), _Conf(blog_path="news"))


def test_ablog_defaults_fill_markdown_front_matter_posts(tmp_path):
    # brian-rose's site: MyST posts with only ``date:`` lost blog_default_author.
    write(
        tmp_path,
        "conf.py",
        'extensions = ["myst_parser", "sphinx_advocacy_blog"]\n'
        'blog_post_pattern = "posts/*"\n'
        'blog_authors = {"Brian": ("Brian Rose", None), "Ana": ("Ana Diaz", None)}\n'
        'blog_default_author = "Brian"\nblog_default_location = "Albany"\n',
    )
    write(tmp_path, "index.md", "# Home\n")
    write(tmp_path, "posts/dated.md", "---\ndate: 2020-01-02\n---\n# Dated\n\nText.\n")
    write(tmp_path, "posts/own.md", "---\ndate: 2020-01-03\nauthor: Ana\n---\n# Own\n\nT.\n")
    write(tmp_path, "posts/draft.md", "---\ntags: x\n---\n# Draft\n\nT.\n")
    site = build_site(tmp_path, freshenv=True)
    header = site.html("posts/dated.html").select_one(".blog-post-header").get_text()
    assert "Brian Rose" in header
    assert "Dated" in site.html("blog/location/albany.html").get_text()
    own = site.html("posts/own.html").select_one(".blog-post-header").get_text()
    assert "Ana Diaz" in own and "Brian Rose" not in own
    assert "Brian Rose" not in site.html("posts/draft.html").get_text()


def test_a_label_of_the_site_wins_over_a_generated_page(tmp_path):
    # DocIdeas: a label ``.. _ablog:`` on the site's own page about the blog, named like
    # the generated blog index.
    write(tmp_path, "conf.py", 'extensions = ["sphinx_advocacy_blog"]\n')
    write(tmp_path, "index.rst", "Home\n====\n\nSee :ref:`blog`.\n\n.. toctree::\n\n   news\n")
    write(tmp_path, "news.rst", ".. _blog:\n\nOur blog section\n================\n\ntext\n")
    site = build_site(tmp_path, freshenv=True)
    ref = site.html("index.html").select_one("span.std-ref").parent
    assert ref.get_text() == "Our blog section"
    assert ref["href"].startswith("news.html")
    assert site.exists("blog.html")


def test_the_whole_build_agrees_that_the_site_is_ablogs(tmp_path):
    # ABlog's ``(name, url)`` author tuples are the only sign, and they are converted at
    # config-inited: discovery must still read the blog folder as ABlog's (no Docusaurus
    # posts there), as the route did.
    write(
        tmp_path,
        "conf.py",
        'extensions = ["myst_parser", "sphinx_advocacy_blog"]\n'
        'blog_authors = {"ana": ("Ana Diaz", None)}\n',
    )
    write(tmp_path, "index.md", "# Home\n\n```{toctree}\n:glob:\n\nblog/*\n```\n")
    write(tmp_path, "blog/notes.md", "---\ntitle: Notes\ndate: 2020-01-02\n---\n\nText.\n")
    write(tmp_path, "blog/real.md", "---\nblogpost: true\ndate: 2020-01-03\n---\n# Real\n\nT.\n")
    site = build_site(tmp_path, freshenv=True)
    assert site.html("blog/real.html").select_one(".blog-post-header") is not None
    assert site.html("blog/notes.html").select_one(".blog-post-header") is None
    assert not site.exists("blog/2020/01/02/notes.html")


def test_the_ablog_only_options_are_no_options_of_ours():
    # Any site may set our options; only options we do not have say "this is ABlog".
    from sphinx_advocacy_blog.config import ABLOG_ONLY_OPTIONS
    from sphinx_advocacy_blog.config.options import OPTIONS

    assert not ABLOG_ONLY_OPTIONS & {option.name for option in OPTIONS}


def test_an_ablog_folder_at_blog_path_is_not_a_docusaurus_blog(tmp_path):
    # guayahack's site: blog_path = "posts", a placeholder posts/index.rst, and MyST posts
    # with ABlog's {post} directive in that folder (probe of unseen ABlog sites).
    write(
        tmp_path,
        "conf.py",
        'extensions = ["myst_parser", "sphinx_advocacy_blog"]\nblog_path = "news"\n',
    )
    write(tmp_path, "index.rst", "Home\n====\n\n.. toctree::\n   :glob:\n\n   news/*\n")
    write(tmp_path, "news/readme.rst", "News\n====\n\nABlog writes the blog here.\n")
    write(
        tmp_path,
        "news/talk.md",
        "# A talk\n\n```{post} 2023-08-18\n:tags: talk\n```\n\nWe gave a talk.\n",
    )
    site = build_site(tmp_path, freshenv=True, show_warning_types=True)
    assert site.exists("news.html")  # ABlog's index address
    post = site.html("news/talk.html")  # the post at its source path
    assert "2023" in post.select_one(".blog-post-header").get_text()
    assert site.exists("news/tags/talk.html")
    assert (
        not site.exists("news/readme.html")
        or site.html("news/readme.html").select_one(".blog-post-header") is None
    )


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("posts/2022/x.md", ["posts/*/*"], True),
        ("posts/2022/deep/x.md", ["posts/*/*"], False),
        ("posts/2022/deep/x.md", ["posts/**/*.md"], True),
        ("posts/x.md", ["posts/**/*.md"], True),
        ("posts/x.rst", ["posts/*.md"], False),
        ("other/x.md", ["posts/*", "other/x"], True),
        ("posts/x.md", [], False),
    ],
)
def test_matches_post_pattern(path, patterns, expected):
    assert matches_post_pattern(path, patterns) is expected


def test_url_patterns():
    values = {"slug": "", "filename": "hello", "title": "Hello World", "published": None}
    assert expand_post_url("/posts/{slug}/", **values) == "posts/hello"
    assert expand_post_url("/posts/:title", **values) == "posts/hello-world"
    values["published"] = date(2022, 3, 4)
    values["slug"] = "custom"
    assert expand_post_url("/:year/:month/:day/:slug", **values) == "2022/03/04/custom"
    assert expand_post_url("/{year}/{filename}", **values) == "2022/hello"
    assert pattern_problem("/posts/{slug}") is None
    assert "must contain" in pattern_problem("/posts/{year}")
    assert "unknown" in pattern_problem("/posts/{slug}/{nope}")


def test_peek_post_uses_the_pattern_and_the_date():
    text = "---\ndate: 2021-05-28\nslug: hi\n---\nBody\n"
    settings = ReadSettings(url_pattern="/{year}/{slug}")
    assert peek_post("x.md", text, settings).permalink == "2021/hi"
    hugo_url = "---\nurl: /about/old/\n---\n"
    assert peek_post("x.md", hugo_url, ReadSettings()).permalink == "about/old"
