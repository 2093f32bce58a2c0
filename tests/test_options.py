"""Every option of the options table is set by a test that fails when the option is ignored.

:data:`OPTION_TESTS` names, for each option of ``config/options.py``, the test that sets it
to a value other than its default and asserts on the output that value gives;
:func:`test_every_option_is_set_by_a_test_that_checks_it` keeps the table and the tests
together. The tests of options no other test file covers are here. Expected values are
written out by hand.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
from pathlib import Path

import pytest

from conftest import build_site, copy_root
from sphinx_advocacy_blog.config.options import OPTIONS

#: Option -> ``file::test`` that sets it (in the test or in a fixture the test uses).
OPTION_TESTS = {
    "blog_path": "test_options.py::test_blog_path_is_the_folder_of_the_posts",
    "blog_route_base_path": "test_options.py::test_route_base_path_remote_media_and_reading_speed",
    "blog_tags_base_path": "test_options.py::test_list_pages_move_with_the_docusaurus_base_paths",
    "blog_authors_base_path": (
        "test_options.py::test_list_pages_move_with_the_docusaurus_base_paths"
    ),
    "blog_archive_base_path": (
        "test_options.py::test_list_pages_move_with_the_docusaurus_base_paths"
    ),
    "blog_page_base_path": "test_options.py::test_list_pages_move_with_the_docusaurus_base_paths",
    "blog_title": "test_options.py::test_title_and_description_of_the_blog_index",
    "blog_sidebar_title": (
        "test_sidebars.py::test_recent_posts_use_the_sidebar_title_and_mark_the_current_post"
    ),
    "blog_description": "test_options.py::test_title_and_description_of_the_blog_index",
    "blog_posts_per_page": "test_options.py::test_posts_per_page",
    "blog_show_reading_time": "test_options.py::test_show_reading_time_off",
    "blog_words_per_minute": (
        "test_options.py::test_route_base_path_remote_media_and_reading_speed"
    ),
    "blog_include_drafts": "test_options.py::test_include_drafts",
    "blog_truncate_warning_words": "test_options.py::test_truncate_warning_words",
    "blog_excerpt_words": "test_seeds.py::test_excerpt_word_limit_for_posts_without_a_marker",
    "blog_date_format": "test_config.py::test_good_date_patterns_are_accepted",
    "blog_static_dirs": "test_options.py::test_static_dirs_are_served_at_the_root",
    "blog_sort": "test_ordering.py::test_blog_sort_title_orders_the_list_pages",
    "blog_authors": "test_options.py::test_authors_from_conf_py",
    "blog_default_image": "test_options.py::test_site_wide_head_tags",
    "blog_sidebar_count": (
        "test_sidebars.py::test_recent_posts_use_the_sidebar_title_and_mark_the_current_post"
    ),
    "blog_remote_media": "test_options.py::test_route_base_path_remote_media_and_reading_speed",
    "blog_sanitize_html": "test_hostile.py::test_sanitize_option_cleans_raw_html_of_guest_posts",
    "blog_embed_hosts": "test_options.py::test_embed_hosts_kept_by_the_sanitizer",
    "blog_head_meta": "test_options.py::test_site_wide_head_tags",
    "blog_seo": "test_sitemap.py::test_options_off",
    "blog_publisher": "test_options.py::test_publisher_in_json_ld",
    "blog_twitter_site": "test_options.py::test_site_wide_head_tags",
    "blog_description_length": "test_options.py::test_description_length",
    "blog_sitemap": "test_sitemap.py::test_options_off",
    "blog_robots_txt": "test_options.py::test_robots_txt_off",
    "blog_feed_formats": "test_config.py::test_good_date_patterns_are_accepted",
    "blog_feed_length": "test_feeds.py::test_summary_only_feeds_and_feed_length",
    "blog_feed_full_content": "test_feeds.py::test_summary_only_feeds_and_feed_length",
    "blog_feed_per_tag": "test_options.py::test_feeds_per_tag_per_author_and_stylesheet_off",
    "blog_feed_per_author": "test_options.py::test_feeds_per_tag_per_author_and_stylesheet_off",
    "blog_feed_stylesheet": "test_options.py::test_feeds_per_tag_per_author_and_stylesheet_off",
    "blog_locales": "test_options.py::test_locales_labels",
    "blog_default_locale": "test_options.py::test_default_locale_is_at_the_root",
    "blog_redirects": "test_options.py::test_redirects_option",
    "blog_source_redirects": "test_redirects.py::test_source_pages_redirect_only_when_asked",
    "blog_post_url": (
        "test_sitemap.py::test_undated_post_url_year_and_shown_date_come_from_its_first_commit"
    ),
    "blog_post_pattern": "test_options.py::test_post_pattern_makes_documents_posts",
    "blog_baseurl": "test_options.py::test_ablog_baseurl_without_html_baseurl",
    "post_date_format": "test_options.py::test_post_date_format",
    "blog_follow_symlinks": (
        "test_hostile_sources.py::test_symbolic_links_inside_the_source_folder_with_the_option"
    ),
    "blog_locations": "test_ablog_rest.py::test_location_and_language_options_have_list_pages",
    "blog_languages": "test_ablog_rest.py::test_location_and_language_options_have_list_pages",
    "blog_default_language": (
        "test_ablog_rest.py::test_location_and_language_options_have_list_pages"
    ),
    "blog_default_author": (
        "test_ablog_rest.py::test_automatic_excerpt_image_and_default_terms_options"
    ),
    "blog_default_location": (
        "test_ablog_rest.py::test_automatic_excerpt_image_and_default_terms_options"
    ),
    "post_date_format_short": (
        "test_ablog_rest.py::test_post_date_format_short_is_the_date_of_postlists"
    ),
    "post_auto_excerpt": (
        "test_ablog_rest.py::test_automatic_excerpt_image_and_default_terms_options"
    ),
    "post_auto_image": "test_ablog_rest.py::test_automatic_excerpt_image_and_default_terms_options",
    "post_show_prev_next": "test_ablog_rest.py::test_every_ablog_conf_value_is_used_or_named_once",
    "blog_include_future": "test_scheduled.py::test_include_future_publishes_it",
    "blog_related_posts": "test_series_related.py::test_related_posts_option",
    "blog_index_events": "test_events.py::test_blog_index_events_option",
    "blog_author_pages": "test_docusaurus.py::test_every_author_gets_a_page_when_the_site_opts_in",
    "blog_code_magic_comments": (
        "test_docusaurus.py::test_code_options_language_aliases_default_language_and_magic_comments"
    ),
    "blog_code_default_language": (
        "test_docusaurus.py::test_code_options_language_aliases_default_language_and_magic_comments"
    ),
    "blog_code_languages": (
        "test_docusaurus.py::test_code_options_language_aliases_default_language_and_magic_comments"
    ),
    "blog_share": "test_share_cards_cta.py::test_blog_share_sets_the_networks_and_their_order",
    "blog_social_cards": (
        "test_share_cards_cta.py::test_cards_are_1200x630_pngs_used_as_og_twitter_and_json_ld_images"
    ),
    "blog_social_card_style": "test_share_cards_cta.py::test_card_style_colours_logo_and_font",
    "blog_cta": "test_share_cards_cta.py::test_blog_cta_by_tag_and_default",
    "blog_mdx_components": (
        "test_docusaurus.py::test_mdx_components_render_and_unknown_ones_warn_once_per_file"
    ),
    "blog_responsive_images": (
        "test_images_excerpts.py::test_options_turn_resizing_off_and_set_the_widths"
    ),
    "blog_image_widths": (
        "test_images_excerpts.py::test_options_turn_resizing_off_and_set_the_widths"
    ),
    "blog_image_cache": (
        "test_images_excerpts.py::test_copies_are_made_once_and_kept_between_clean_builds"
    ),
    "blog_navigation": "test_navigation.py::test_navigation_option_turns_the_link_off",
}


def _source(function) -> str:
    """The source of a test, or of a fixture (pytest wraps fixture functions)."""
    for unwrap in ("_get_wrapped_function", "__wrapped__"):
        inner = getattr(function, unwrap, None)
        if inner is not None:
            function = inner() if callable(inner) and unwrap.startswith("_get") else inner
    return inspect.getsource(function)


def _source_with_fixtures(module, function) -> str:
    """The test's source and that of the fixtures of its module that it requests."""
    sources = [_source(function)]
    for name in inspect.signature(function).parameters:
        fixture = getattr(module, name, None)
        if fixture is not None and callable(fixture):
            sources.append(_source(fixture))
    return "\n".join(sources)


def test_every_option_is_set_by_a_test_that_checks_it():
    assert set(OPTION_TESTS) == {option.name for option in OPTIONS}
    for option, test in OPTION_TESTS.items():
        filename, _, name = test.partition("::")
        module = importlib.import_module(Path(filename).stem)
        function = getattr(module, name, None)
        assert callable(function), f"{option}: no test {test}"
        assert option in _source_with_fixtures(module, function), f"{option} not set by {test}"


# -- one site with many options changed ---------------------------------------------------

GUEST_POST = """---
title: A guest speaks
authors: [guest]
---

A word from our guest.
"""


@pytest.fixture(scope="module")
def voices(tmp_path_factory):
    """The feeds test site with many options away from their defaults."""
    srcdir = copy_root("feeds", tmp_path_factory.mktemp("options") / "src")
    (srcdir / "blog" / "2024-03-01-guest.md").write_text(GUEST_POST, encoding="utf-8")
    return build_site(
        srcdir,
        freshenv=True,
        show_warning_types=True,
        blog_title="Voices news",
        blog_description="Campaign news.",
        blog_posts_per_page=1,
        blog_show_reading_time=False,
        blog_include_drafts=True,
        blog_truncate_warning_words=3,
        blog_authors={"guest": {"name": "Guest Writer", "title": "Friend of the campaign"}},
        blog_head_meta={"theme-color": "#123456"},
        blog_twitter_site="voices",
        blog_description_length=20,
        blog_default_image="/img/logo.png",
        blog_publisher={"name": "Voices League"},
        blog_redirects={"old-about": "about"},
        blog_feed_per_tag=False,
        blog_feed_per_author=False,
        blog_feed_stylesheet=False,
    )


BASE = "https://voices.example.org/campaign/"


def _meta(page, key: str) -> str | None:
    tag = page.head.find("meta", attrs={"property": key}) or page.head.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag is not None else None


def test_title_and_description_of_the_blog_index(voices):
    """blog_title, blog_description."""
    index = voices.html("blog.html")
    assert index.find("h1").get_text(strip=True).rstrip("¶") == "Voices news"
    assert _meta(index, "description") == "Campaign news."


def test_posts_per_page(voices):
    """blog_posts_per_page = 1: three listed posts, three pages of one."""
    assert len(voices.html("blog.html").select(".blog-list-item")) == 1
    assert voices.exists("blog/page/3.html") and not voices.exists("blog/page/4.html")


def test_posts_per_page_all(tmp_path):
    """blog_posts_per_page = "ALL" (Docusaurus's postsPerPage: 'ALL'; it stopped the
    build), blog_sidebar_count = "all": every post on one page, and in the sidebar."""
    srcdir = copy_root("feeds", tmp_path / "src")
    for day in range(1, 13):  # more than the 10 of a page by default, and of the sidebar
        (srcdir / "blog" / f"2023-01-{day:02d}-note.md").write_text(
            f"---\ntitle: Note {day}\n---\nA short note.\n", encoding="utf-8"
        )
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        # In conf.py, as a migrated site writes them (-D would read them as numbers).
        conf.write(
            '\nblog_posts_per_page = "ALL"\nblog_sidebar_count = "all"\n'
            'html_sidebars = {"**": ["advocacy_blog/recent-posts.html"]}\n'
        )
    site = build_site(srcdir, freshenv=True)
    listed = len(site.html("blog.html").select(".blog-list-item"))
    assert listed >= 14 and not site.exists("blog/page/2.html")
    assert len(site.html("blog.html").select(".blog-sidebar-recent li")) == listed


def test_show_reading_time_off(voices):
    """blog_show_reading_time = False."""
    page = voices.html("blog/2024/04/01/first.html")
    assert page.select_one(".blog-post-header time") is not None
    assert page.select_one(".blog-reading-time") is None


def test_include_drafts(voices):
    """blog_include_drafts = True: the draft is built, and says so."""
    draft = voices.html("blog/2024/07/01/draft.html")
    assert draft.select_one(".blog-notice-draft") is not None


def test_truncate_warning_words(voices):
    """blog_truncate_warning_words = 3: posts of more words without a marker warn."""
    lines = [line for line in voices.warnings.splitlines() if "[blog.truncate]" in line]
    assert any("2024-04-01-first.md:1:" in line for line in lines), lines


def test_authors_from_conf_py(voices):
    """blog_authors: an author defined only in conf.py has a page and is shown."""
    profile = voices.html("blog/authors/guest.html")
    assert "Guest Writer" in profile.find("h1").get_text()
    assert "Friend of the campaign" in profile.select_one(".blog-author-profile").get_text()
    assert "unknown author" not in voices.warnings


def test_site_wide_head_tags(voices):
    """blog_head_meta, blog_twitter_site, blog_default_image on a page of the docs."""
    about = voices.html("about.html")
    assert _meta(about, "theme-color") == "#123456"
    assert _meta(about, "twitter:site") == "@voices"
    assert _meta(about, "og:image") == BASE + "img/logo.png"


def test_description_length(voices):
    """blog_description_length = 20: the first paragraph, cut at a word."""
    description = _meta(voices.html("blog/links.html"), "description")
    # "Read the first post, about us, ...": 19 characters end inside "post,", cut before it.
    assert description == "Read the first…"


def test_publisher_in_json_ld(voices):
    """blog_publisher."""
    page = voices.html("blog/2024/04/01/first.html")
    script = page.head.find("script", type="application/ld+json")
    assert json.loads(script.string)["publisher"] == {
        "@type": "Organization",
        "name": "Voices League",
    }


def test_redirects_option(voices):
    """blog_redirects: the old path leads to its page."""
    from test_redirects import redirect_target

    assert redirect_target(voices.outdir / "old-about.html") == "/campaign/about.html"


def test_feeds_per_tag_per_author_and_stylesheet_off(voices):
    """blog_feed_per_tag, blog_feed_per_author, blog_feed_stylesheet = False."""
    assert voices.exists("blog/rss.xml")
    assert not voices.exists("blog/tags/events/rss.xml")
    assert not voices.exists("blog/authors/oleh/atom.xml")
    assert not voices.exists("blog/feed.xsl")
    assert b"xml-stylesheet" not in (voices.outdir / "blog" / "rss.xml").read_bytes()


# -- options that change where things are -------------------------------------------------


def test_blog_path_is_the_folder_of_the_posts(tmp_path):
    srcdir = copy_root("feeds", tmp_path / "src")
    (srcdir / "blog").rename(srcdir / "posts")
    site = build_site(srcdir, freshenv=True, blog_path="posts")
    page = site.html("blog/2024/04/01/first.html")
    assert page.select_one(".blog-post-header") is not None
    assert [a.get_text() for a in site.html("blog.html").select(".blog-list-title a")] == [
        "Links of every kind",
        "Tom & Jerry <script>alert(1)</script> meet",
    ]


def test_static_dirs_are_served_at_the_root(tmp_path):
    srcdir = copy_root("feeds", tmp_path / "src")
    (srcdir / "static").rename(srcdir / "assets")
    site = build_site(srcdir, freshenv=True, blog_static_dirs=["assets"])
    assert (site.outdir / "img" / "logo.png").read_bytes() == (
        srcdir / "assets" / "img" / "logo.png"
    ).read_bytes()


def test_route_base_path_remote_media_and_reading_speed(tmp_path):
    """blog_route_base_path = "news", blog_remote_media = True, blog_words_per_minute = 1."""
    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(
        srcdir,
        freshenv=True,
        blog_route_base_path="news",
        blog_remote_media=True,
        blog_words_per_minute=1,
    )
    assert site.exists("news.html") and not site.exists("blog.html")
    page = site.html("news/2024/09/9/election-watch.html")
    avatars = [img["src"] for img in page.select(".blog-post-header img.blog-author-avatar")]
    assert avatars == ["https://github.com/olehbondar.png"]
    minutes = page.select_one(".blog-reading-time").get_text()
    # At one word a minute, the reading time is the number of words read (15; "One min
    # read" at the default 200).
    assert minutes == "15 min read"


def test_embed_hosts_kept_by_the_sanitizer(tmp_path):
    pytest.importorskip("nh3")
    srcdir = copy_root("feeds", tmp_path / "src")
    (srcdir / "blog" / "2024-03-01-video.md").write_text(
        "---\ntitle: Video\nslug: video\n---\n\nWatch.\n\n"
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="a"></iframe>\n\n'
        '<iframe src="https://player.vimeo.com/video/1" title="b"></iframe>\n',
        encoding="utf-8",
    )
    site = build_site(
        srcdir,
        freshenv=True,
        blog_sanitize_html=True,
        blog_embed_hosts=["player.vimeo.com"],
        # Embeds are shown in place (not behind a click-to-load facade) when opted in.
        blog_remote_media=True,
    )
    frames = [frame["src"] for frame in site.html("blog/video.html").find_all("iframe")]
    assert frames == ["https://player.vimeo.com/video/1"]


def test_robots_txt_off(tmp_path):
    site = build_site(copy_root("docusaurus", tmp_path / "src"), blog_robots_txt=False)
    assert site.exists("sitemap.xml")
    assert not site.exists("robots.txt")


def test_ablog_baseurl_without_html_baseurl(tmp_path):
    """blog_baseurl (ABlog's name) gives the address when html_baseurl is not set."""
    site = build_site(
        copy_root("feeds", tmp_path / "src"),
        html_baseurl="",
        blog_baseurl="https://mirror.example.org/",
    )
    canonical = site.html("blog/2024/04/01/first.html").head.find("link", rel="canonical")
    assert canonical["href"] == "https://mirror.example.org/blog/2024/04/01/first.html"


def test_post_date_format(tmp_path):
    """post_date_format: ABlog's strftime format of front matter dates."""
    srcdir = copy_root("feeds", tmp_path / "src")
    (srcdir / "blog" / "day-first.md").write_text(
        "---\ntitle: Day first\ndate: 23/11/2022\nslug: day-first\n---\n\nText.\n",
        encoding="utf-8",
    )
    site = build_site(srcdir, freshenv=True, post_date_format="%d/%m/%Y")
    time = site.html("blog/day-first.html").select_one(".blog-post-header time")
    assert time["datetime"] == "2022-11-23"


def test_post_pattern_makes_documents_posts(tmp_path):
    """blog_post_pattern: ABlog's glob of documents that are posts (at their own path)."""
    srcdir = copy_root("feeds", tmp_path / "src")
    (srcdir / "news").mkdir()
    (srcdir / "news" / "launch.md").write_text(
        "---\ndate: 2024-02-01\n---\n# We launch\n\nThe campaign starts.\n", encoding="utf-8"
    )
    site = build_site(srcdir, freshenv=True, blog_post_pattern=["news/*"])
    page = site.html("news/launch.html")
    assert page.select_one(".blog-post-header time")["datetime"] == "2024-02-01"
    # ABlog's blog_path is the index URL then: the default "blog".
    titles = [a.get_text() for a in site.html("blog.html").select(".blog-list-title a")]
    assert "We launch" in titles


# -- locales --------------------------------------------------------------------------------


def test_locales_labels(tmp_path):
    site = build_site(
        copy_root("i18n", tmp_path / "src"),
        blog_locales={
            "en": {"label": "In English"},
            "ru": {"label": "По-русски", "prefix": "russian"},
        },
    )
    switcher = site.html("blog/welcome.html").select_one(".blog-language-switcher")
    links = {a["hreflang"]: (a.get_text(strip=True), a["href"]) for a in switcher.select("a")}
    assert links == {"ru": ("По-русски", "../russian/blog/welcome")}
    assert switcher.select_one(".blog-language-current").get_text(strip=True) == "In English"


def test_default_locale_is_at_the_root(tmp_path):
    """blog_default_locale = "ru": the Russian build is the site root, English is /en/."""
    base = "https://free-voices.example.org/"
    srcdir = copy_root("i18n", tmp_path / "src")
    russian = build_site(srcdir, builddir=tmp_path / "ru", language="ru", blog_default_locale="ru")
    canonical = russian.html("blog/welcome.html").head.find("link", rel="canonical")
    assert canonical["href"] == f"{base}blog/welcome"
    english = build_site(srcdir, builddir=tmp_path / "en", blog_default_locale="ru")
    canonical = english.html("blog/welcome.html").head.find("link", rel="canonical")
    assert canonical["href"] == f"{base}en/blog/welcome"


def test_list_pages_move_with_the_docusaurus_base_paths(tmp_path):
    """blog_tags_base_path, blog_authors_base_path, blog_archive_base_path and
    blog_page_base_path (Docusaurus's tagsBasePath, authorsBasePath, archiveBasePath,
    pageBasePath): the pages, the links to them and the URLs no post may take."""
    srcdir = copy_root("docusaurus", tmp_path / "src")
    (srcdir / "blog" / "2021-01-01-claimer.md").write_text(
        "---\ntitle: Claimer\nslug: topics/events\n---\nClaims.\n", encoding="utf-8"
    )
    (srcdir / "blog" / "2021-01-02-free.md").write_text(
        "---\ntitle: Free\nslug: tags/events\n---\nFree to take.\n", encoding="utf-8"
    )
    site = build_site(
        srcdir,
        freshenv=True,
        show_warning_types=True,
        blog_tags_base_path="topics",
        blog_authors_base_path="/people/team/",
        blog_archive_base_path="all-posts",
        blog_page_base_path="p",
        blog_author_pages="all",
    )
    for moved, default in (
        ("blog/topics.html", "blog/tags.html"),
        ("blog/topics/events.html", None),
        ("blog/people/team.html", "blog/authors.html"),
        ("blog/people/team/oleh.html", "blog/authors/oleh.html"),
        ("blog/all-posts.html", "blog/archive.html"),
        ("blog/p/2.html", "blog/page/2.html"),
    ):
        assert site.exists(moved), moved
        if default:
            assert not site.exists(default), default
    # With the tags elsewhere, a post may be at /blog/tags/events.
    assert "Free to take." in site.html("blog/tags/events.html").get_text()
    post = site.html("blog/2024/09/9/election-watch.html")
    hrefs = {a["href"] for a in post.select(".blog-post-header a, .blog-post-footer a")}
    # (this root links without the .html suffix, as Docusaurus URLs are)
    assert "../../../topics/events" in hrefs
    assert "../../../people/team/oleh" in hrefs
    index = site.html("blog.html")
    assert index.find("a", href="blog/p/2") is not None
    assert re.search(
        r"2021-01-01-claimer\.md:1: WARNING: this post's URL .* is the address of .*"
        r"the tag pages.*\[blog\.duplicate\]",
        re.sub(r"\x1b\[[0-9;]*m", "", site.warnings),
    )
