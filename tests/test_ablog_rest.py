"""ABlog sites in reST: the post and update directives, file-level fields, the pattern,
ABlog's postlist, sidebars, labels and conf.py values (tests/roots/test-ablog-rest)."""

from __future__ import annotations

import json

import pytest

from conftest import Site, build_site, copy_root
from sphinx_advocacy_blog.directives.listings import format_problem
from sphinx_advocacy_blog.migrate.ablog_options import ALL_POSTS, ablog_option_notes, carry_over
from sphinx_advocacy_blog.readers.ablog_post import ablog_post, read_fields
from test_incremental import assert_same_output, edit
from test_redirects import redirect_target

#: Every post of the test root: page -> (title on the page, date in its header).
POSTS = {
    "posts/every-option": ("A post with every option", "2013-04-15"),  # 15 Apr, 2013
    "posts/external": ("Read it elsewhere", "2013-05-02"),  # 2013-05-02
    "posts/excerpts": ("Two paragraphs and a picture", "2013-09-01"),  # September 01, 2013
    "posts/auto-excerpt": ("One paragraph by default", "2013-10-12"),  # Oct 12, 2013
    "posts/notes": ("Notes in Markdown", "2013-11-02"),  # MyST {post}
    "posts/directive-first": ("The directive before the title", "2014-01-05"),
    "pattern/field-post": ("Matched by the pattern", "2018-10-27"),  # 27 Oct 2018
    "release/ablog-v0.1-released": ("ABlog v0.1 released", "2014-05-14"),  # :blogpost: true
    "manual/cross-referencing-blog-pages": ("Cross-referencing Blog Pages", "2014-05-11"),
    "manual/post-excerpts-and-images": ("Post Excerpts and Images", "2014-05-12"),
}
#: The title lists show for each listed post (``:title:`` wins over the heading).
LISTED_TITLES = {**{page: title for page, (title, _date) in POSTS.items()}}
LISTED_TITLES["posts/every-option"] = "Every option, listed"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("ablog-rest", tmp_path_factory.mktemp("ablog-rest") / "src")
    return build_site(srcdir, freshenv=True)


def _index_text(site: Site) -> str:
    pages = [site.html("blog.html")]
    pages += [
        site.html(p.relative_to(site.outdir).as_posix())
        for p in site.outdir.glob("blog/page/*.html")
    ]
    return " ".join(page.get_text(" ") for page in pages)


def _list_titles(site: Site, page: str) -> list[str]:
    return [a.get_text(strip=True) for a in site.html(page).select("article h2 a")]


# -- posts ------------------------------------------------------------------------------------


def test_only_warning_is_the_pattern_file_without_fields(site):
    lines = [line for line in site.warnings.splitlines() if "WARNING" in line or "ERROR" in line]
    assert len(lines) == 1, site.warnings
    assert "pattern/no-fields.rst:1" in lines[0]
    assert "blog_post_pattern matches this file" in lines[0]
    assert "Unknown directive" not in site.warnings
    assert "undefined label" not in site.warnings


@pytest.mark.parametrize(("page", "expected"), sorted(POSTS.items()))
def test_each_post_is_a_post_at_its_ablog_url_with_header_and_date(site, page, expected):
    title, published = expected
    html = site.html(f"{page}.html")
    assert html.find("h1").get_text(strip=True).rstrip("¶") == title
    header = html.select_one(".blog-post-header")
    assert header is not None
    assert header.find("time")["datetime"] == published
    assert LISTED_TITLES[page] in _index_text(site)
    assert LISTED_TITLES[page] in site.html("blog/archive.html").get_text()


def test_file_level_fields_make_a_post_and_are_not_shown(site):
    html = site.html("release/ablog-v0.1-released.html")
    body = html.select_one("div.body")
    assert "blogpost" not in body.get_text(" ")
    assert body.select_one("dl.field-list, .docinfo") is None
    assert [a.get_text(strip=True) for a in html.select(".blog-author-name")] == ["Ahmet Bakan"]
    assert "Posted in Release" in " ".join(html.select_one(".blog-post-meta").get_text(" ").split())
    assert "ABlog v0.1 released" in site.html("blog/location/san-francisco-ca.html").get_text()


def test_the_pattern_needs_fields_as_in_ablog(site):
    assert site.html("pattern/field-post.html").select_one(".blog-post-header") is not None
    assert site.html("pattern/no-fields.html").select_one(".blog-post-header") is None
    assert "Matched but without fields" not in _index_text(site)


def test_post_without_date_is_built_not_listed(site):
    html = site.html("manual/forever-draft.html")
    assert html.select_one(".blog-notice-unlisted") is not None
    # No date: "Draft" where a post shows its date (not the file's date, as if it were one).
    meta = html.select_one(".blog-post-header .blog-post-meta")
    assert meta.find("time") is None and "Draft" in meta.get_text()
    assert html.select_one(".blog-sidebar-postcard h3").get_text(strip=True) == "Draft"
    assert "Draft Example" not in _index_text(site)
    assert "Draft Example" not in site.html("blog/tags.html").get_text()


# -- the options of the post directive ---------------------------------------------------------


def test_title_option_names_the_post_in_lists_not_on_its_page(site):
    assert site.html("posts/every-option.html").find("h1").get_text(strip=True).rstrip("¶") == (
        "A post with every option"
    )
    links = {
        a.get_text(strip=True): a["href"] for a in site.html("blog.html").select("article h2 a")
    }
    assert links.get("Every option, listed") == "posts/every-option.html"


def test_tags_category_and_authors_options(site):
    html = site.html("posts/every-option.html")
    assert [t.get_text(strip=True) for t in html.select(".blog-post-footer .blog-tag")] == [
        "tips",
        "river",
    ]
    assert [a.get_text(strip=True) for a in html.select(".blog-post-header .blog-author-name")] == [
        "Ahmet Bakan",
        "Lena Petrova",
    ]
    assert "Every option, listed" in _list_titles(site, "blog/tags/river.html")
    assert "Every option, listed" in _list_titles(site, "blog/category/campaigns.html")
    assert "Every option, listed" in _list_titles(site, "blog/authors/Lena.html")


def test_location_and_language_options_have_list_pages(site):
    # a key of blog_locations is shown (and published) by its name, another place as written
    assert "Every option, listed" in _list_titles(site, "blog/location/pittsburgh-pa.html")
    assert "Every option, listed" in _list_titles(site, "blog/location/upper-valley.html")
    # blog_languages: the code "uk" of a post is shown (and published) as "Ukrainian"
    assert _list_titles(site, "blog/language/ukrainian.html") == ["Every option, listed"]
    # blog_default_language: dated posts without a language are in English
    english = _list_titles(site, "blog/language/english.html")
    assert "Cross-referencing Blog Pages" in english and "Every option, listed" not in english
    assert "Draft Example" not in english
    locations = site.html("blog/location.html").get_text(" ")
    assert "Pittsburgh, PA" in locations and "Upper Valley" in locations


def test_redirect_option_makes_redirect_pages(site):
    for old in ("old/every-option.html", "news/2013/every.html"):
        assert redirect_target(site.outdir / old) is not None
        assert redirect_target(site.outdir / old).endswith("posts/every-option.html")


def test_exclude_keeps_the_directive_content_for_lists_only(site):
    page = site.html("posts/every-option.html").select_one("div.body").get_text()
    assert "The excerpt written in the directive" not in page
    assert "The first paragraph of the page itself." in page
    article = next(
        a
        for a in site.html("blog.html").select("article")
        if "Every option, listed" in a.get_text()
    )
    assert "The excerpt written in the directive" in article.get_text()
    assert "The first paragraph of the page itself." not in article.get_text()
    # :image: 1 adds the post's first image to the excerpt
    assert article.select_one(".blog-excerpt img") is not None


def test_directive_before_the_title_keeps_ablogs_excerpt(site):
    article = next(
        a
        for a in site.html("blog/tags/river.html").select("article")
        if "before the title" in a.get_text()
    )
    assert "As on many ABlog sites" in article.get_text()
    assert article.select_one(".raw-second-block") is None


def test_content_without_exclude_shows_on_the_page_too(site):
    html = site.html("manual/post-excerpts-and-images.html").select_one("div.body").get_text()
    assert "This post describes how to choose an excerpt" not in html  # :exclude:
    pasted = site.html("blog/tags/directive.html").select_one("article").get_text()
    assert "This post describes how to choose an excerpt" in pasted


def test_excerpt_and_image_options_and_the_automatic_excerpt(site):
    articles = {
        a.select_one("h2").get_text(strip=True): a
        for a in site.html("blog/tags/tips.html").select("article")
    }
    auto = articles["One paragraph by default"]
    assert "Only this paragraph is the excerpt." in auto.get_text()
    assert "This one is not" not in auto.get_text()
    assert auto.select_one(".blog-excerpt img") is None  # post_auto_image is 0
    two = next(
        a
        for a in site.html("blog/authors/Lena.html").select("article")
        if "Two paragraphs" in a.get_text()
    )
    text = two.get_text()
    assert "First paragraph of the excerpt." in text and "Second paragraph of the excerpt." in text
    assert "Third paragraph" not in text
    assert two.select_one(".blog-excerpt img") is not None


def test_automatic_excerpt_image_and_default_terms_options(tmp_path):
    built = build_site(
        copy_root("ablog-rest", tmp_path / "src"),
        post_auto_excerpt=2,
        post_auto_image=1,
        blog_default_author="Lena",
        blog_default_location=["SF"],
    )
    auto = next(
        a
        for a in built.html("blog/tags/tips.html").select("article")
        if "One paragraph" in a.get_text()
    )
    assert "This one is not in the excerpt." in auto.get_text()
    assert auto.select_one(".blog-excerpt img") is not None
    assert "Read it elsewhere" in _list_titles(built, "blog/authors/Lena.html")
    assert "Read it elsewhere" in _list_titles(built, "blog/location/san-francisco-ca.html")
    # a post naming its author keeps it
    assert "Cross-referencing Blog Pages" not in _list_titles(built, "blog/authors/Lena.html")


def test_default_terms_are_not_given_without_the_options(site):
    assert "Read it elsewhere" not in _list_titles(site, "blog/authors/Lena.html")
    assert not site.exists("blog/location/san-francisco-ca.html") or (
        "Read it elsewhere" not in _list_titles(site, "blog/location/san-francisco-ca.html")
    )


def test_canonical_link_option(site):
    html = site.html("posts/every-option.html")
    canonical = [link["href"] for link in html.find_all("link", rel="canonical")]
    assert canonical == ["https://elsewhere.example.org/every-option"]


def test_external_link_option_sends_lists_elsewhere(site):
    links = {
        a.get_text(strip=True): a["href"] for a in site.html("blog.html").select("article h2 a")
    }
    assert links["Read it elsewhere"] == "https://elsewhere.example.org/read-it"
    assert site.exists("posts/external.html")


def test_nocomments_and_every_option_are_accepted():
    fields, problems = read_fields(
        {"nocomments": None, "exclude": None, "image": "2", "excerpt": "x", "date": "Apr 1, 2020"}
    )
    assert fields.nocomments and fields.exclude and fields.image == 2 and fields.excerpt is None
    assert [problem.subtype for problem in problems] == ["ablog"]


def test_several_categories_are_kept_in_order():
    fields, _ = read_fields({"category": "Example, How To, Example", "date": "Apr 15, 2013"})
    post, problems = ablog_post(
        "x",
        "x.rst",
        fields,
        title="X",
        fallback_date=lambda: None,  # type: ignore[arg-type,return-value]
    )
    assert post.category == "Example"
    assert post.categories == ("Example", "How To")
    assert problems == []


# -- update -------------------------------------------------------------------------------------


def test_update_is_shown_as_ablog_shows_it(site):
    note = site.html("posts/every-option.html").select_one("div.admonition.update")
    assert "note" in note["class"]
    assert note.select_one(".admonition-title").get_text(strip=True) == "Updated on 20 April 2013"
    assert "Added the river tag" in note.get_text()
    page = site.html("notes-page.html").select_one("div.admonition.update")
    assert page.select_one(".admonition-title").get_text(strip=True) == "Updated on 21 August 2014"


def test_update_date_is_the_posts_last_update(site):
    html = site.html("posts/every-option.html")
    card = html.select_one(".blog-sidebar-postcard .blog-postcard-update time")
    assert card["datetime"] == "2013-04-20"
    data = json.loads(html.find("script", type="application/ld+json").string)
    posting = next(
        item for item in data.get("@graph", [data]) if "BlogPosting" in str(item.get("@type"))
    )
    assert posting["dateModified"].startswith("2013-04-20")


# -- sidebars -----------------------------------------------------------------------------------


def test_ablog_sidebars_render_ours(site):
    html = site.html("posts/every-option.html")
    for kind in (
        "postcard",
        "recent",
        "tags",
        "categories",
        "archive",
        "authors",
        "languages",
        "locations",
    ):
        assert html.select_one(f".sphinxsidebar .blog-sidebar-{kind}") is not None, kind
    card = html.select_one(".blog-sidebar-postcard")
    rows = {li["class"][0]: " ".join(li.get_text(" ").split()) for li in card.select("li")}
    assert rows["blog-postcard-author"] == "Authors: Ahmet Bakan , Lena Petrova"
    assert rows["blog-postcard-location"] == "Location: Pittsburgh, PA , Upper Valley"
    assert rows["blog-postcard-language"] == "Language: Ukrainian"
    assert rows["blog-postcard-category"] == "Category: Campaigns"
    languages = html.select_one(".blog-sidebar-languages").get_text(" ")
    assert "English" in languages and "Ukrainian" in languages


def test_postcard_only_on_posts(site):
    assert site.html("index.html").select_one(".blog-sidebar-postcard") is None
    assert site.html("index.html").select_one(".blog-sidebar-recent") is not None


def test_old_unprefixed_sidebar_names(tmp_path):
    srcdir = copy_root("ablog-rest", tmp_path / "src")
    built = build_site(
        srcdir, html_sidebars={"**": ["postcard.html", "tagcloud.html", "archives.html"]}
    )
    html = built.html("posts/every-option.html")
    for kind in ("postcard", "tags", "archive"):
        assert html.select_one(f".sphinxsidebar .blog-sidebar-{kind}") is not None, kind


# -- postlist -----------------------------------------------------------------------------------


def test_postlist_with_ablog_options(site):
    lists = site.html("index.html").select("ul.postlist")
    assert len(lists) == 1
    ul = lists[0]
    assert "postlist-style-circle" in ul["class"]
    # :category: Manual, :format: {title}, :sort: oldest first; drafts are not listed
    assert [li.get_text(strip=True) for li in ul.select("li.ablog-post")] == [
        "Cross-referencing Blog Pages",
        "Post Excerpts and Images",
    ]


def test_postlist_every_ablog_option(site):
    html = site.html("notes-page.html")
    full = html.select("ul.postlist")[0]
    items = full.select("li.ablog-post")
    assert len(items) == 1
    title = " ".join(items[0].select_one(".ablog-post-title").get_text(" ").split())
    assert title == "Cross-referencing Blog Pages by Ahmet Bakan on Sunday, May 11, 2014"
    assert (
        items[0].select_one(".ablog-post-title a")["href"]
        == "manual/cross-referencing-blog-pages.html"
    )
    assert "ABlog creates references" in items[0].select_one(".ablog-post-excerpt").get_text()
    assert items[0].select_one(".ablog-post-expand").get_text(strip=True) == "Read more ..."


def test_postlist_count_default_format_and_and_filters(site):
    lists = site.html("notes-page.html").select("ul.postlist")
    newest = [" ".join(li.get_text(" ").split()) for li in lists[1].select("li.ablog-post")]
    assert newest == ["27 October - Matched by the pattern", "14 May - ABlog v0.1 released"]
    both = [li.get_text(strip=True) for li in lists[2].select("li.ablog-post")]
    assert both == ["Every option, listed"]  # tagged tips AND river


def test_post_date_format_short_is_the_date_of_postlists(tmp_path):
    srcdir = copy_root("ablog-rest", tmp_path / "src")
    site = build_site(srcdir, freshenv=True, post_date_format_short="%Y-%m-%d")
    lists = site.html("notes-page.html").select("ul.postlist")
    newest = [" ".join(li.get_text(" ").split()) for li in lists[1].select("li.ablog-post")]
    assert newest == [
        "2018-10-27 - Matched by the pattern",
        "2014-05-14 - ABlog v0.1 released",
    ], newest


def test_postlist_without_filters_leaves_out_its_own_post(site):
    listed = [
        li.get_text(strip=True)
        for li in site.html("posts/auto-excerpt.html").select("li.ablog-post")
    ]
    assert len(listed) == 3
    assert not any("One paragraph by default" in text for text in listed)


def test_postlist_format_problems():
    assert format_problem("{date} - {title}") is None
    assert "place" in (format_problem("{title} in {place}") or "")
    assert format_problem("card") is not None


# -- labels -------------------------------------------------------------------------------------


def test_ablog_labels_lead_to_our_pages(site):
    html = site.html("index.html")
    links = {a.get_text(strip=True): a["href"] for a in html.select("div.body a.reference")}
    assert links["Posts"] == "blog.html"
    assert links["feed"] == "blog/atom.xml"
    assert links["Tags"] == "blog/tags.html"
    assert links["Authors"] == "blog/authors.html"
    assert links["Locations"] == "blog/location.html"
    assert links["Languages"] == "blog/language.html"
    assert links["Categories"] == "blog/category.html"
    assert links["Archives"] == "blog/archive.html"
    assert links["Drafts"] == "blog.html"
    assert links["tips"] == "blog/tags/tips.html"
    assert links["draft"] == "blog/tags.html"  # a tag only a draft has: no page of its own
    assert links["Ahmet Bakan"] == "blog/authors/Ahmet.html"
    assert links["Lena Petrova"] == "blog/authors/Lena.html"
    assert links["Pittsburgh, PA"] == "blog/location/pittsburgh-pa.html"
    assert links["English"] == "blog/language/english.html"
    assert links["Manual"] == "blog/category/manual.html"
    assert links["2014"] == "blog/archive.html#year-2014"
    assert links["Every option, listed"] == "posts/every-option.html#a-post-with-every-option"
    for href in links.values():
        target = href.split("#")[0]
        assert target.startswith("http") or (site.outdir / target).exists(), href


def test_post_labels_are_in_the_inventory(site):
    from sphinx.util.inventory import InventoryFile

    with open(site.outdir / "objects.inv", "rb") as handle:
        inventory = InventoryFile.load(handle, "", lambda base, uri: uri)
    labels = inventory.data["std:label"] if hasattr(inventory, "data") else inventory["std:label"]
    for label in ("every-option", "ablog-v0.1-released", "cross-referencing-blog-pages", "notes"):
        assert label in labels, label


# -- conf.py --------------------------------------------------------------------------------------

ABLOG_ONLY = """
blog_feed_archives = False
blog_feed_fulltext = False
blog_feed_subtitle = "News from the river"
blog_feed_templates = {"atom": {}, "social": {"content": "{{ title }}"}}
blog_archive_titles = True
post_redirect_refresh = 1
post_always_section = True
post_auto_orphan = False
skip_injecting_base_ablog_templates = True
disqus_shortname = "rest-blog"
disqus_pages = True
fontawesome_link_cdn = "https://cdn.example.org/fa.css"
ablog_builder = "dirhtml"
ablog_website = "_website"
post_show_prev_next = False
"""


def test_every_ablog_conf_value_is_used_or_named_once(tmp_path):
    srcdir = copy_root("ablog-rest", tmp_path / "src")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as handle:
        handle.write(ABLOG_ONLY)
    built = build_site(srcdir)
    notes = [line for line in built.warnings.splitlines() if "conf.py" in line]
    for name in (
        "blog_feed_templates",
        "blog_archive_titles",
        "post_redirect_refresh",
        "post_always_section",
        "post_auto_orphan",
        "skip_injecting_base_ablog_templates",
        "disqus_shortname, disqus_pages",
        "fontawesome_link_cdn",
        "ablog_builder, ablog_website",
    ):
        assert sum(name in line for line in notes) == 1, name
    assert len(notes) == 9
    # carried over: per-tag/author feeds off, summaries in the feeds, the subtitle
    assert not built.exists("blog/tags/tips/atom.xml")
    atom = (built.outdir / "blog/atom.xml").read_text(encoding="utf-8")
    assert "News from the river" in atom
    assert "<content" not in atom
    # post_show_prev_next = False
    assert built.html("posts/every-option.html").select_one(".blog-post-pager") is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"blog_feed_fulltext": True, "blog_feed_titles": False}, {"blog_feed_full_content": True}),
        ({"blog_feed_titles": True}, {"blog_feed_full_content": False}),
        ({"blog_feed_fulltext": False, "blog_feed_full_content": True}, {}),
        ({"blog_feed_length": None}, {"blog_feed_length": ALL_POSTS}),
        (
            {"blog_feed_archives": True},
            {"blog_feed_per_tag": True, "blog_feed_per_author": True},
        ),
        ({"blog_feed_subtitle": "Sub"}, {"blog_description": "Sub"}),
    ],
)
def test_ablog_feed_options_carry_over(values, expected):
    class Config:
        pass

    config = Config()
    carry_over(config, values)  # type: ignore[arg-type]
    assert vars(config) == expected


def test_conf_notes_are_pure_and_quiet_for_a_plain_site():
    assert ablog_option_notes({}) == []
    assert ablog_option_notes({"blog_feed_templates": {"atom": {}}}) == []
    assert len(ablog_option_notes({"disqus_shortname": "x", "disqus_drafts": True})) == 1


# -- incremental and parallel builds ------------------------------------------------------------


def test_parallel_build_equals_serial_build(tmp_path):
    serial = build_site(copy_root("ablog-rest", tmp_path / "a"), freshenv=True)
    parallel = build_site(copy_root("ablog-rest", tmp_path / "b"), freshenv=True, parallel=2)
    assert_same_output(parallel.outdir, serial.outdir)


def test_incremental_build_equals_clean_build(tmp_path):
    srcdir = copy_root("ablog-rest", tmp_path / "inc")
    build_site(srcdir)
    edit(
        srcdir / "posts/auto-excerpt.rst",
        ":location: SF",
        ":location: Pittsburgh\n   :language: uk",
    )
    edit(srcdir / "release/ablog-v0.1-released.rst", ":date: May 14, 2014", ":date: May 15, 2014")
    incremental = build_site(srcdir)
    clean = build_site(copy_root("ablog-rest", tmp_path / "clean"), freshenv=True)
    # the clean build starts from the edited sources
    for name in ("posts/auto-excerpt.rst", "release/ablog-v0.1-released.rst"):
        (clean.srcdir / name).write_text(
            (srcdir / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    clean = build_site(clean.srcdir, freshenv=True)
    assert_same_output(incremental.outdir, clean.outdir)
    assert "One paragraph by default" in incremental.html("blog/language/ukrainian.html").get_text()


# -- notebooks ----------------------------------------------------------------------------------

NOTEBOOK = {
    "cells": [
        {
            "cell_type": "raw",
            "metadata": {"raw_mimetype": "text/restructuredtext"},
            "source": [
                "Jupyter Notebook Posting\n",
                "========================\n",
                "\n",
                ".. post:: 27 Oct 2018\n",
                "   :author: Lena, Second Author\n",
                "   :tags: posting\n",
            ],
        },
        {
            "cell_type": "raw",
            "metadata": {"raw_mimetype": "text/restructuredtext"},
            "source": ["A notebook that ABlog's post directive makes a post.\n"],
        },
    ],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 4,
}


def test_notebook_with_a_post_directive_is_a_post(tmp_path):
    pytest.importorskip("nbsphinx")
    srcdir = copy_root("ablog-rest", tmp_path / "src")
    (srcdir / "posts/notebook.ipynb").write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as handle:
        handle.write('\nextensions.append("nbsphinx")\nnbsphinx_execute = "never"\n')
    built = build_site(srcdir)
    html = built.html("posts/notebook.html")
    assert html.select_one(".blog-post-header time")["datetime"] == "2018-10-27"
    assert "Jupyter Notebook Posting" in _list_titles(built, "blog/tags/posting.html")


def test_rest_posts_are_in_the_feeds_with_their_update(site):
    atom = (site.outdir / "blog/atom.xml").read_text(encoding="utf-8")
    entry = atom[atom.index("<title>Every option, listed</title>") :].split("</entry>")[0]
    assert "<updated>2013-04-20T00:00:00+00:00</updated>" in entry
    assert "<name>Lena Petrova</name>" in entry
    assert "Draft Example" not in atom
    assert "ABlog v0.1 released" in atom
