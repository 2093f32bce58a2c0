"""Head tags, JSON-LD, canonical URLs and hreflang on posts, blog pages and docs pages."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_root
from sphinx_advocacy_blog.model.post import HeadTag
from sphinx_advocacy_blog.seo import jsonld
from sphinx_advocacy_blog.seo.headblock import Resolver, resolve_head_block
from sphinx_advocacy_blog.seo.headtags import link, merge_layers, meta, render_tags
from sphinx_advocacy_blog.seo.tag_layers import trim_description, twitter_handle
from test_indexes import NEWEST_FIRST
from test_post_pages import POSTS

DOCUSAURUS = "https://free-voices.example.org"
NATIONS = "https://free-nations.example.org"


# -- reading a page's head ---------------------------------------------------------------


def metas(page: BeautifulSoup) -> dict[str, list[str]]:
    """Every ``<meta name|property>`` of the head: key -> contents, in order."""
    found: dict[str, list[str]] = {}
    for tag in page.head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and key != "viewport":
            found.setdefault(key, []).append(tag.get("content"))
    return found


def one(page: BeautifulSoup, key: str) -> str:
    values = metas(page).get(key, [])
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def links(page: BeautifulSoup, rel: str) -> list[dict[str, str]]:
    """The page's ``<link rel=...>``; for ``alternate``, the language versions only (feeds
    are alternates too, with a ``type``)."""
    return [
        {"href": tag["href"], "hreflang": tag.get("hreflang", "")}
        for tag in page.head.find_all("link")
        if rel in tag.get("rel", []) and not (rel == "alternate" and tag.get("type"))
    ]


def canonical(page: BeautifulSoup) -> str:
    found = links(page, "canonical")
    assert len(found) == 1, found
    return found[0]["href"]


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [
        json.loads(script.string)
        for script in page.head.find_all("script", type="application/ld+json")
    ]


def title(page: BeautifulSoup) -> str:
    titles = page.head.find_all("title")
    assert len(titles) == 1
    return titles[0].get_text()


def assert_no_duplicates(page: BeautifulSoup) -> None:
    multi = {"article:tag", "article:author", "og:locale:alternate"}
    counts = Counter(key for key, values in metas(page).items() for _ in values if key not in multi)
    assert [key for key, count in counts.items() if count > 1] == []
    assert len(links(page, "canonical")) <= 1


# -- builds ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docusaurus(docusaurus_site):
    return docusaurus_site


@pytest.fixture(scope="module")
def seo_ukr(tmp_path_factory: pytest.TempPathFactory):
    """The same site built as its Ukrainian locale (published under ``/ukr/``)."""
    srcdir = copy_root("seo", tmp_path_factory.mktemp("seo-ukr") / "src")
    return build_site(srcdir, freshenv=True, language="ukr")


# -- a real Docusaurus blog --------------------------------------------------------------


@pytest.mark.parametrize("permalink", sorted(POSTS))
def test_canonical_and_og_url_are_the_docusaurus_url(docusaurus, permalink):
    page = docusaurus.html(permalink + ".html")
    expected = f"{DOCUSAURUS}/{permalink}"
    assert canonical(page) == expected
    assert one(page, "og:url") == expected
    assert one(page, "og:type") == "article"
    assert_no_duplicates(page)
    (posting,) = json_ld(page)
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == POSTS[permalink]
    assert posting["datePublished"][:4].isdigit()
    assert posting["author"] and all(author["name"] for author in posting["author"])
    assert posting["isPartOf"]["@id"] == f"{DOCUSAURUS}/blog"


def test_post_title_is_post_then_site(docusaurus):
    page = docusaurus.html("blog/welcome.html")
    assert title(page) == "Welcome to our new blog | Free Voices"
    assert one(page, "og:title") == "Welcome to our new blog"
    assert one(page, "og:site_name") == "Free Voices"


def test_description_is_the_first_paragraph_as_plain_text(docusaurus):
    page = docusaurus.html("blog/welcome.html")
    description = "This blog replaces our old newsletter. Subscribe to the feed to follow us."
    assert one(page, "description") == description
    assert one(page, "og:description") == description
    assert one(page, "twitter:description") == description


def test_article_tags_authors_and_twitter_creator(docusaurus):
    tags = metas(docusaurus.html("blog/welcome.html"))
    assert tags["article:tag"] == ["Announcements", "Events"]
    # Maria's own url; Oleh has none, so his page on the blog.
    assert tags["article:author"] == [
        f"{DOCUSAURUS}/team/maria",
        f"{DOCUSAURUS}/blog/authors/oleh",
    ]
    assert tags["twitter:creator"] == ["@mariakov"]
    assert tags["article:published_time"] == ["2022-07-03T00:00:00+00:00"]
    assert "article:modified_time" not in tags
    updated = metas(docusaurus.html("blog/2025/03/3/anniversary.html"))
    assert updated["article:modified_time"] == ["2025-03-10T00:00:00+00:00"]


def test_cover_image_is_absolute_with_its_size(docusaurus):
    page = docusaurus.html("blog/2021/09/14/language-rights.html")
    image = one(page, "og:image")
    assert image == f"{DOCUSAURUS}/blog/_media/2021-09-14-language-rights/classroom.png"
    assert (docusaurus.outdir / image.removeprefix(DOCUSAURUS + "/")).is_file()
    assert (one(page, "og:image:width"), one(page, "og:image:height")) == ("320", "200")
    assert one(page, "og:image:alt") == "Language rights in schools"
    assert one(page, "twitter:card") == "summary_large_image"
    assert one(page, "twitter:image") == image
    (posting,) = json_ld(page)
    assert posting["image"]["url"] == image
    assert (posting["image"]["width"], posting["image"]["height"]) == (320, 200)


def test_static_cover_image_is_absolute(docusaurus):
    page = docusaurus.html("blog/2023/11/30/annual-report.html")
    assert one(page, "og:image") == f"{DOCUSAURUS}/img/maria.png"
    assert one(page, "og:image:width").isdigit()


def test_head_block_overrides_win_once(docusaurus):
    page = docusaurus.html("blog/solidarity-letter.html")
    assert title(page) == "Solidarity letter - Free Voices"
    assert one(page, "description") == (
        "Our board writes to colleagues who lost their jobs for speaking out."
    )
    assert one(page, "og:description") == "Our board writes to colleagues who lost their jobs."
    assert one(page, "twitter:description") == "Our board writes to colleagues."
    assert_no_duplicates(page)
    (icon,) = links(page, "icon")
    target = (docusaurus.outdir / "blog" / icon["href"]).resolve()
    assert target.is_file()
    assert target.read_bytes() == (docusaurus.srcdir / "blog" / "favicon.png").read_bytes()


def test_head_block_stays_on_its_post(docusaurus):
    index = docusaurus.html("blog.html")
    assert "Solidarity letter - Free Voices" not in str(index.head)
    assert not links(index, "icon")


def test_unlisted_post_is_noindex_and_listed_ones_are_not(docusaurus):
    assert one(docusaurus.html("blog/2025/05/5/hidden-note.html"), "robots") == "noindex"
    assert "robots" not in metas(docusaurus.html("blog/welcome.html"))


def test_blog_index_is_a_blog_with_its_posts(docusaurus):
    page = docusaurus.html("blog.html")
    assert title(page) == "Blog | Free Voices"
    assert canonical(page) == f"{DOCUSAURUS}/blog"
    assert one(page, "og:type") == "website"
    (blog,) = json_ld(page)
    assert blog["@type"] == "Blog"
    assert blog["@id"] == f"{DOCUSAURUS}/blog"
    assert [post["url"] for post in blog["blogPost"]] == [
        f"{DOCUSAURUS}/{permalink}" for permalink in NEWEST_FIRST[:10]
    ]
    assert all(post["@type"] == "BlogPosting" for post in blog["blogPost"])
    assert all("@context" not in post for post in blog["blogPost"])
    second = json_ld(docusaurus.html("blog/page/2.html"))[0]
    assert canonical(docusaurus.html("blog/page/2.html")) == f"{DOCUSAURUS}/blog/page/2"
    assert len(second["blogPost"]) == 2


def test_author_page_is_a_profile_page(docusaurus):
    page = docusaurus.html("blog/authors/maria.html")
    assert title(page) == "Maria Kovalenko | Free Voices"
    assert one(page, "og:type") == "profile"
    assert one(page, "description").startswith("Maria writes about language rights")
    assert one(page, "og:image") == f"{DOCUSAURUS}/img/maria.png"
    (profile,) = json_ld(page)
    assert profile["@type"] == "ProfilePage"
    assert profile["url"] == f"{DOCUSAURUS}/blog/authors/maria"
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Maria Kovalenko"
    assert person["url"] == f"{DOCUSAURUS}/team/maria"
    assert "https://x.com/mariakov" in person["sameAs"]


def test_docs_page_gets_the_core_tags(docusaurus):
    page = docusaurus.html("index.html")
    assert canonical(page) == f"{DOCUSAURUS}/"
    assert one(page, "og:url") == f"{DOCUSAURUS}/"
    assert one(page, "og:title") == "Free Voices"
    assert one(page, "description") == "Welcome to our documentation and blog."
    assert one(page, "og:type") == "website"
    assert json_ld(page) == []
    assert_no_duplicates(page)


# -- the SEO test site: every option -----------------------------------------------------


def test_full_tag_set_of_a_post(seo_site):
    page = seo_site.html("blog/2024/05/01/summit.html")
    url = f"{NATIONS}/blog/2024/05/01/summit"
    cover = f"{NATIONS}/blog/_media/2024-05-01-summit/cover.png"
    description = 'Leaders of "captive nations" met in Vilnius.'
    assert metas(page) == {
        "og:locale": ["en"],
        "og:locale:alternate": ["uk"],
        "twitter:site": ["@freenations"],
        "og:site_name": ["The Free Nations League"],
        "theme-color": ["#003366"],
        "description": [description],
        "keywords": ["summit, Vilnius"],
        "og:title": ["Vilnius summit 2024"],
        "og:description": [description],
        "og:url": [url],
        "og:type": ["article"],
        "og:image": [cover],
        "og:image:width": ["300"],
        "og:image:height": ["157"],
        "og:image:alt": ["The summit hall"],
        "article:published_time": ["2024-05-01T00:00:00+00:00"],
        "article:modified_time": ["2024-05-03T00:00:00+00:00"],
        "article:author": [
            f"{NATIONS}/people/anna",
            f"{NATIONS}/blog/authors/secretariat",
        ],
        "article:tag": ["events", "baltic"],
        "article:section": ["Meetings"],
        "twitter:card": ["summary_large_image"],
        "twitter:title": ["Vilnius summit 2024"],
        "twitter:description": [description],
        "twitter:image": [cover],
        "twitter:image:alt": ["The summit hall"],
        "twitter:creator": ["@annakoval"],
    }
    assert canonical(page) == url
    assert links(page, "alternate") == [
        {"href": url, "hreflang": "en"},
        {"href": f"{NATIONS}/ukr/blog/2024/05/01/summit", "hreflang": "uk"},
        {"href": url, "hreflang": "x-default"},
    ]
    assert title(page) == "Vilnius summit 2024 | Free Nations"


def test_full_json_ld_of_a_post(seo_site):
    (posting,) = json_ld(seo_site.html("blog/2024/05/01/summit.html"))
    url = f"{NATIONS}/blog/2024/05/01/summit"
    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "BlogPosting"
    assert posting["@id"] == posting["url"] == url
    assert posting["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert posting["headline"] == "Summit <in> Vilnius & beyond"
    assert posting["description"] == 'Leaders of "captive nations" met in Vilnius.'
    assert posting["datePublished"] == "2024-05-01T00:00:00+00:00"
    assert posting["dateModified"] == "2024-05-03T00:00:00+00:00"
    assert posting["inLanguage"] == "en"
    assert posting["keywords"] == ["summit", "Vilnius", "events", "baltic"]
    anna, secretariat = posting["author"]
    assert anna["@type"] == "Person"
    assert anna["name"] == 'Anna "Nana" Koval'
    assert anna["url"] == f"{NATIONS}/people/anna"
    assert anna["jobTitle"] == "Editor"
    # Listed in blog_publisher["organizations"].
    assert secretariat == {
        "@type": "Organization",
        "name": "The Secretariat",
        "url": f"{NATIONS}/blog/authors/secretariat",
    }
    assert posting["publisher"] == {
        "@type": "Organization",
        "name": "Free Nations League",
        "url": f"{NATIONS}/",
        "logo": {
            "@type": "ImageObject",
            "url": f"{NATIONS}/img/logo.png",
            "contentUrl": f"{NATIONS}/img/logo.png",
            "width": 60,
            "height": 60,
        },
    }
    assert posting["isPartOf"] == {
        "@type": "Blog",
        "@id": f"{NATIONS}/blog",
        "name": "News",
        "url": f"{NATIONS}/blog",
    }
    assert posting["image"]["caption"] == "The summit hall"


def test_user_text_is_escaped_by_the_serializers(seo_site):
    source = (seo_site.outdir / "blog/2024/05/01/summit.html").read_text(encoding="utf-8")
    head = source[: source.index("</head>")]
    assert "<in>" not in head
    assert "\\u003cin\\u003e Vilnius \\u0026 beyond" in head
    index = (seo_site.outdir / "blog.html").read_text(encoding="utf-8")
    assert "<Free Nations>" not in index[: index.index("</head>")]
    page = seo_site.html("blog.html")
    assert one(page, "description") == "News & statements of the <Free Nations> League."
    assert json_ld(page)[0]["description"] == "News & statements of the <Free Nations> League."


def test_other_schema_type_takes_the_posts_schema(seo_site):
    (event,) = json_ld(seo_site.html("blog/2024/06/01/march.html"))
    assert event["@type"] == "Event"
    assert event["name"] == "March for freedom"
    assert event["startDate"] == "2024-06-15T12:00:00+02:00"
    assert event["location"] == {"@type": "Place", "name": "Cathedral Square"}
    # Article properties do not belong to an Event.
    assert "headline" not in event
    assert "author" not in event


def test_automatic_description_is_cut_at_a_word(seo_site):
    description = one(seo_site.html("blog/2024/06/01/march.html"), "description")
    assert description == (
        "Join us on Cathedral Square at noon: this first paragraph is long enough to be…"
    )
    assert len(description) <= 80


def test_head_block_image_replaces_the_default_and_unsafe_tags_are_dropped(seo_site):
    page = seo_site.html("blog/2024/06/01/march.html")
    image = one(page, "og:image")
    assert image == f"{NATIONS}/blog/_media/march.png"
    assert (seo_site.outdir / "blog/_media/march.png").is_file()
    tags = metas(page)
    # The default image's size and its twitter:image described another image.
    assert "og:image:width" not in tags
    assert "twitter:image" not in tags
    assert tags["twitter:card"] == ["summary"]
    assert page.head.find("meta", attrs={"http-equiv": True}) is None
    assert "alert(" not in str(page.head)
    assert "'http-equiv' is not supported" in seo_site.warnings
    (icon,) = links(page, "icon")
    assert (seo_site.outdir / "blog/2024/06/01" / icon["href"]).resolve().is_file()


def test_canonical_pointing_elsewhere_is_kept_and_reported(seo_site):
    page = seo_site.html("blog/2024/07/01/cross-post.html")
    assert canonical(page) == "https://medium.example.com/@anna/original"
    assert "sets the canonical URL to https://medium.example.com/@anna/original" in (
        seo_site.warnings
    )
    assert "[blog.seo]" in seo_site.warnings


def test_site_defaults_on_a_docs_page(seo_site):
    page = seo_site.html("mission.html")
    tags = metas(page)
    assert tags["og:image"] == [f"{NATIONS}/img/social/default.png"]
    assert (tags["og:image:width"], tags["og:image:height"]) == (["120"], ["63"])
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["twitter:site"] == ["@freenations"]
    assert tags["theme-color"] == ["#003366"]
    assert tags["og:site_name"] == ["The Free Nations League"]
    assert tags["description"] == ["Our mission, from the front matter."]
    assert tags["og:title"] == ["Mission"]
    assert canonical(page) == f"{NATIONS}/mission"
    assert [link["hreflang"] for link in links(page, "alternate")] == ["en", "uk", "x-default"]
    assert_no_duplicates(page)


def test_docs_page_declared_meta_is_used_not_repeated(seo_site):
    page = seo_site.html("about.html")
    assert one(page, "description") == "About the league, as its page declares."
    assert one(page, "og:description") == "About the league, as its page declares."
    assert one(page, "og:title") == "About the Free Nations League"
    private = seo_site.html("private.html")
    assert one(private, "robots") == "noindex"


def test_generated_pages_get_site_tags_and_titles(seo_site):
    page = seo_site.html("blog/tags/events.html")
    assert title(page).endswith(" | Free Nations")
    assert one(page, "theme-color") == "#003366"
    assert canonical(page) == f"{NATIONS}/blog/tags/events"
    assert one(page, "og:image") == f"{NATIONS}/img/social/default.png"
    assert links(page, "alternate")[-1] == {"href": canonical(page), "hreflang": "x-default"}


def test_translated_build_is_self_canonical(seo_ukr):
    page = seo_ukr.html("blog/2024/05/01/summit.html")
    url = f"{NATIONS}/ukr/blog/2024/05/01/summit"
    assert canonical(page) == url
    assert one(page, "og:url") == url
    assert one(page, "og:locale") == "uk"
    assert metas(page)["og:locale:alternate"] == ["en"]
    alternates = {link["hreflang"]: link["href"] for link in links(page, "alternate")}
    assert alternates == {
        "en": f"{NATIONS}/blog/2024/05/01/summit",
        "uk": url,
        "x-default": f"{NATIONS}/blog/2024/05/01/summit",
    }
    (posting,) = json_ld(page)
    assert posting["inLanguage"] == "uk"
    assert posting["url"] == url
    # Each locale's build writes its own sitemap, of its own URLs.
    sitemap = (seo_ukr.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{url}</loc>" in sitemap
    assert f"<loc>{NATIONS}/blog/2024/05/01/summit</loc>" not in sitemap


def test_dirhtml_canonical_ends_with_a_slash(tmp_path: Path):
    site = build_site(copy_root("docusaurus", tmp_path / "src"), buildername="dirhtml")
    page = site.html("blog/welcome/index.html")
    assert canonical(page) == f"{DOCUSAURUS}/blog/welcome/"
    assert one(page, "og:url") == f"{DOCUSAURUS}/blog/welcome/"
    assert f"<loc>{DOCUSAURUS}/blog/welcome/</loc>" in (site.outdir / "sitemap.xml").read_text()


# -- pure functions ----------------------------------------------------------------------


def test_later_layers_replace_earlier_tags_by_identity():
    site = [meta("og:site_name", "Site"), meta("og:image", "a.png"), meta("og:image:width", "1")]
    site += [meta("twitter:image", "a.png"), meta("article:tag", "old")]
    page = [meta("og:image", "b.png"), meta("article:tag", "x"), meta("article:tag", "y")]
    block = [meta("description", "first"), meta("description", "second")]
    merged = merge_layers(site, page, block)
    assert [(tag.attribute("property") or tag.attribute("name"), tag.attribute("content"))
            for tag in merged] == [
        ("og:site_name", "Site"),
        ("og:image", "b.png"),
        ("article:tag", "x"),
        ("article:tag", "y"),
        ("description", "second"),
    ]  # fmt: skip


def test_links_are_the_same_tag_by_rel_and_hreflang():
    merged = merge_layers(
        [link("canonical", "a"), link("alternate", "en", hreflang="en")],
        [link("canonical", "b"), link("alternate", "uk", hreflang="uk")],
    )
    assert [(tag.attribute("rel"), tag.attribute("href")) for tag in merged] == [
        ("alternate", "en"),
        ("canonical", "b"),
        ("alternate", "uk"),
    ]


def test_render_tags_escapes_values_and_drops_bad_attribute_names():
    html = str(
        render_tags(
            [
                meta("description", '"><script>alert(1)</script>'),
                HeadTag("meta", (('na"me', "x"), ("content", "y"))),
                HeadTag("script", (("src", "x.js"),)),
            ]
        )
    )
    assert "<script" not in html
    assert 'content="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert 'na"me' not in html


def test_json_ld_cannot_close_its_script():
    text = jsonld.dumps({"headline": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & more"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short enough.", 160, "Short enough."),
        ("one two three four", 12, "one two…"),
        ("one two three four", 13, "one two…"),
        ("one  two\nthree", 160, "one two three"),
        ("abcdefghijklmnop", 8, "abcdefg…"),
    ],
)
def test_trim_description(text, limit, expected):
    assert trim_description(text, limit) == expected
    assert len(trim_description(text, limit)) <= limit


@pytest.mark.parametrize(
    ("url", "handle"),
    [
        ("https://x.com/mariakov", "@mariakov"),
        ("https://twitter.com/olehbondar/", "@olehbondar"),
        ("@already", "@already"),
        ("", ""),
    ],
)
def test_twitter_handle(url, handle):
    assert twitter_handle(url) == handle


def _resolver(files: set[str]) -> Resolver:
    return Resolver(
        source_paths=("blog/post/index.md",),
        canonical="https://site.example/blog/post",
        file_exists=lambda path: path in files,
        published_path=lambda path: "blog/_media/" + path.removeprefix("blog/"),
        absolute=lambda path: "https://site.example/" + path,
        relative=lambda path: "../" + path,
    )


def test_head_block_resolution():
    tags = (
        HeadTag("title", text="  Custom\n title "),
        HeadTag("link", (("rel", "icon"), ("href", "./icon.png"))),
        HeadTag("meta", (("property", "og:image"), ("content", "cover.jpg"))),
        HeadTag("meta", (("property", "og:image:alt"), ("content", "A cover"))),
        HeadTag("link", (("rel", "canonical"), ("href", "./"))),
        HeadTag("link", (("rel", "stylesheet"), ("href", "javascript:alert(1)"))),
        HeadTag("link", (("rel", "preload"), ("href", "./missing.woff2"))),
        HeadTag("meta", (("name", "description"), ("content", "Mine"), ("onclick", "x()"))),
    )
    resolved = resolve_head_block(
        tags, _resolver({"blog/post/icon.png", "blog/post/cover.jpg"}), path="blog/post/index.md"
    )
    assert resolved.title == "Custom title"
    assert [(tag.tag, tag.attributes) for tag in resolved.tags] == [
        ("link", (("rel", "icon"), ("href", "../blog/_media/post/icon.png"))),
        ("meta", (("property", "og:image"), ("content", "https://site.example/blog/_media/post/cover.jpg"))),
        ("meta", (("property", "og:image:alt"), ("content", "A cover"))),
        ("link", (("rel", "canonical"), ("href", "https://site.example/blog/"))),
    ]  # fmt: skip
    assert resolved.copies == [
        ("blog/post/icon.png", "blog/_media/post/icon.png"),
        ("blog/post/cover.jpg", "blog/_media/post/cover.jpg"),
    ]
    assert resolved.canonical_elsewhere
    assert [problem.subtype for problem in resolved.problems] == ["seo", "url", "seo", "seo"]
    assert all(problem.path == "blog/post/index.md" for problem in resolved.problems)


def test_head_block_canonical_to_the_page_itself_is_fine():
    tags = (HeadTag("link", (("rel", "canonical"), ("href", "/blog/post/"))),)
    resolved = resolve_head_block(tags, _resolver(set()))
    assert not resolved.canonical_elsewhere
    assert resolved.problems == []


@pytest.mark.parametrize("theme", ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme"])
def test_every_theme_prints_one_title_and_one_canonical(tmp_path: Path, theme: str):
    pytest.importorskip(theme)
    site = build_site(copy_root("seo", tmp_path / "src"), html_theme=theme)
    post = site.html("blog/2024/05/01/summit.html")
    assert title(post) == "Vilnius summit 2024 | Free Nations"
    assert canonical(post) == f"{NATIONS}/blog/2024/05/01/summit"
    assert one(post, "og:title") == "Vilnius summit 2024"
    assert len(json_ld(post)) == 1
    index = site.html("blog.html")
    assert title(index) == "News | Free Nations"
    assert canonical(index) == f"{NATIONS}/blog"
    docs = site.html("mission.html")
    assert canonical(docs) == f"{NATIONS}/mission"
    assert "Mission" in title(docs)


def test_one_language_site_in_another_language_has_no_prefix(tmp_path):
    from conftest import build_site, copy_root

    srcdir = copy_root("docusaurus", tmp_path / "src")
    site = build_site(srcdir, freshenv=True, language="pt_BR")
    page = site.html("blog/welcome.html")
    assert (
        page.find("link", rel="canonical")["href"] == "https://free-voices.example.org/blog/welcome"
    )


RALLY = """---
title: Rally photos
slug: rally-photos
---

<head>
  <meta name="description" content="Photos of the rally, chosen by the press team." />
  <meta property="og:image" content="https://cdn.example.org/rally.jpg" />
  <meta property="og:image:alt" content="The square full of flags" />
</head>

![A crowd with flags](./march.png)

More photos below.
"""


def test_json_ld_takes_image_and_description_from_the_head_block(tmp_path: Path):
    """The post's JSON-LD says what its head tags say: the block's og:image and meta
    description, not nothing and not the first paragraph (here an image's alt text)."""
    srcdir = copy_root("seo", tmp_path / "src")
    (srcdir / "blog" / "2024-10-02-rally-photos.md").write_text(RALLY, encoding="utf-8")
    site = build_site(srcdir, freshenv=True)
    page = site.html("blog/rally-photos.html")
    assert one(page, "description") == "Photos of the rally, chosen by the press team."
    assert one(page, "og:image") == "https://cdn.example.org/rally.jpg"
    (posting,) = json_ld(page)
    assert posting["description"] == "Photos of the rally, chosen by the press team."
    assert posting["image"]["url"] == "https://cdn.example.org/rally.jpg"
    assert posting["image"]["caption"] == "The square full of flags"
    # On the blog index too, where the post is one of the Blog's posts.
    (blog,) = json_ld(site.html("blog.html"))
    entry = next(item for item in blog["blogPost"] if item["headline"] == "Rally photos")
    assert entry["image"]["url"] == "https://cdn.example.org/rally.jpg"
    assert entry["description"] == "Photos of the rally, chosen by the press team."
