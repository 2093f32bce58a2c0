"""No page makes the reader's browser contact another site (issue 22), unless opted in.

Every page of the test sites, in every theme, is scanned for the URLs a browser fetches
when it opens the page: ``img``/``srcset``, ``iframe``, ``script``, ``link`` (stylesheet,
preload, icon...), ``video``/``audio``/``source``/``track``, ``object``/``embed``,
``poster``, CSS ``url()``/``@import`` in style attributes, ``<style>`` and the site's CSS
files. The scanner is written here, independently of the code that rewrites pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_root
from sphinx_advocacy_blog.media.remote import find_remote, rewrite_remote
from sphinx_advocacy_blog.model.embeds import recognize

_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
_CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)")
_FETCHING_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "icon",
    "apple-touch-icon",
    "manifest",
}
_SRC_ELEMENTS = {"img", "iframe", "frame", "script", "video", "audio", "source", "track", "embed"}


def fetched_urls(html: str) -> list[tuple[str, str]]:
    """``(what, URL)`` for everything a browser loads when it opens the page."""
    soup = BeautifulSoup(html, "html.parser")
    found: list[tuple[str, str]] = []
    for tag in soup.find_all(True):
        name = tag.name
        if name in _SRC_ELEMENTS and tag.get("src"):
            found.append((name, tag["src"]))
        if name == "video" and tag.get("poster"):
            found.append(("poster", tag["poster"]))
        if name == "object" and tag.get("data"):
            found.append(("object", tag["data"]))
        if name == "input" and tag.get("type") == "image" and tag.get("src"):
            found.append(("input", tag["src"]))
        for candidate in (tag.get("srcset") or "").split(","):
            if candidate.strip():
                found.append((f"{name} srcset", candidate.split()[0]))
        if name == "link" and set(tag.get("rel") or []) & _FETCHING_RELS:
            found.append((f"link {' '.join(tag['rel'])}", tag.get("href", "")))
        if tag.get("style"):
            found += [("style attribute", url) for url in _CSS_URL.findall(tag["style"])]
        if name == "style":
            css = tag.string or ""
            found += [("style", url) for url in _CSS_URL.findall(css) + _CSS_IMPORT.findall(css)]
    return found


def foreign(url: str, own_host: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") != own_host


def remote_requests(outdir: Path, own_host: str = "") -> list[str]:
    """Every request to another host that any page (or CSS file) of *outdir* makes."""
    problems = []
    for path in sorted(outdir.rglob("*")):
        relative = path.relative_to(outdir)
        if relative.parts[0].startswith(".") or not path.is_file():
            continue
        if path.suffix == ".html":
            for what, url in fetched_urls(path.read_text(encoding="utf-8", errors="replace")):
                if foreign(url, own_host):
                    problems.append(f"{relative}: {what} {url}")
        elif path.suffix in (".css", ".xsl"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for url in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
                if foreign(url, own_host):
                    problems.append(f"{relative}: css {url}")
    return problems


def test_the_scanner_finds_what_browsers_fetch():
    html = """<html><head><link rel="stylesheet" href="https://fonts.example.com/a.css">
    <link rel="preload" href="//cdn.example.com/f.woff2"><link rel="icon" href="https://x.example/i.png">
    <link rel="canonical" href="https://elsewhere.example/"><script src="https://js.example/a.js"></script>
    <style>@import "https://css.example/b.css"; body{background:url(https://bg.example/b.png)}</style>
    </head><body><img src="https://img.example/a.png"
    srcset="local.png 1x, https://img.example/b.png 2x">
    <iframe src="https://frame.example/"></iframe><video poster="https://v.example/p.jpg">
    <source src="https://v.example/v.mp4"></video><audio src="https://a.example/a.ogg"></audio>
    <object data="https://o.example/o.swf"></object><div style="background:url('https://s.example/x.png')">
    <a href="https://links.example/are-not-fetched">link</a><img src="https://own.example/ok.png"></div>
    </body></html>"""
    hosts = {
        urlsplit(u if not u.startswith("//") else "https:" + u).hostname
        for _, u in fetched_urls(html)
        if foreign(u, "own.example")
    }
    assert hosts == {
        "fonts.example.com", "cdn.example.com", "x.example", "js.example", "css.example",
        "bg.example", "img.example", "frame.example", "v.example", "a.example", "o.example",
        "s.example",
    }  # fmt: skip


# -- every page of every test site ------------------------------------------------------------

#: Roots built here (the Docusaurus, SEO and privacy sites come from session fixtures).
SCANNED_ROOTS = [
    ("feeds", {}),
    ("hugo", {}),
    ("ablog", {}),
    ("oldurls", {}),
    ("hostile", {}),
    ("i18n", {}),
    ("i18n", {"language": "ru"}),
]


def _assert_private(site):
    own = urlsplit(site.app.config.html_baseurl or "").hostname or ""
    assert len(list(site.outdir.rglob("*.html"))) > 3
    assert remote_requests(site.outdir, own) == []


@pytest.mark.parametrize(
    ("root", "overrides"),
    SCANNED_ROOTS,
    ids=[f"{r}-{o.get('language', 'en')}" for r, o in SCANNED_ROOTS],
)
def test_no_page_loads_anything_from_another_host(tmp_path, root, overrides):
    _assert_private(build_site(copy_root(root, tmp_path / root), freshenv=True, **overrides))


@pytest.mark.parametrize("fixture", ["docusaurus_site", "seo_site", "privacy_site"])
def test_no_page_of_the_shared_sites_loads_anything_from_another_host(request, fixture):
    _assert_private(request.getfixturevalue(fixture))


THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme"]


@pytest.fixture(scope="module", params=THEMES)
def themed_privacy_site(request, tmp_path_factory):
    srcdir = copy_root("privacy", tmp_path_factory.mktemp(request.param) / "src")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write(f"\nhtml_theme = {request.param!r}\n")
    return build_site(srcdir, freshenv=True)


def test_no_theme_loads_anything_from_another_host(themed_privacy_site):
    """The themes' own output (fonts, icons, scripts) is scanned too."""
    assert remote_requests(themed_privacy_site.outdir, "freenations.example.org") == []


def test_every_theme_shows_the_facade_with_its_script_and_styles(themed_privacy_site):
    page = themed_privacy_site.html("blog/assembly.html")
    facade = page.select_one(".blog-embed[data-embed-src]")
    assert facade is not None and facade.select_one("a.blog-embed-open[href]") is not None
    scripts = [urlsplit(tag.get("src", "")).path for tag in page.find_all("script")]
    assert any(src.endswith("_static/advocacy-blog.js") for src in scripts)
    styles = [urlsplit(t.get("href", "")).path for t in page.find_all("link", rel="stylesheet")]
    assert any(href.endswith("_static/advocacy-blog.css") for href in styles)
    assert (themed_privacy_site.outdir / "_static" / "advocacy-blog.js").is_file()


# -- the privacy test site -----------------------------------------------------------------


@pytest.fixture(scope="module")
def remote_site(tmp_path_factory):
    srcdir = copy_root("privacy", tmp_path_factory.mktemp("remote") / "src")
    return build_site(srcdir, freshenv=True, show_warning_types=True, blog_remote_media=True)


def test_the_video_of_a_real_style_post_is_reached_through_its_facade_and_link(privacy_site):
    """The real blog's raw YouTube iframe (with YouTube's own embed code)."""
    for path in (
        "blog/assembly.html",
        "blog.html",
        "blog/authors/aigul.html",
        "blog/tags/rally.html",
    ):
        page = privacy_site.html(path)
        assert page.find("iframe") is None, path
        facade = page.select_one('.blog-embed[data-embed-src*="youtube"]')
        assert facade is not None, path
        # On click, the player comes from youtube-nocookie.com, starting at once.
        assert facade["data-embed-src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
        assert facade["data-embed-autoplay"] == "autoplay=1"
        # Without JavaScript the facade is a link to the video on YouTube.
        links = {a["href"] for a in facade.find_all("a")}
        assert links == {"https://www.youtube.com/watch?v=dQw4w9WgXcQ"}
        note = facade.select_one(".blog-embed-note").get_text(" ", strip=True)
        assert "www.youtube-nocookie.com" in note and "Watch on YouTube" in note
        # No poster was given: a placeholder with the iframe's title and the service.
        placeholder = facade.select_one(".blog-embed-placeholder").get_text(" ", strip=True)
        assert placeholder == "YouTube video player YouTube"


def test_a_remote_image_in_a_post_is_a_link_with_a_warning(privacy_site):
    page = privacy_site.html("blog/assembly.html")
    link = page.select_one("a.blog-remote-media")
    assert link["href"] == (
        "https://upload.wikimedia.org/wikipedia/commons/thumb/1/1a/Square.jpg/640px-Square.jpg"
    )
    assert link.get_text() == "The square in spring (image on upload.wikimedia.org)"
    # The post's own image is shown.
    assert page.find("img", alt="Our banner") is not None
    warnings = privacy_site.warnings
    assert re.search(
        r"2024-03-01-assembly[/\\]index\.md:16: WARNING: .*Square\.jpg is on another site "
        r"\(upload\.wikimedia\.org\).*Copy the file beside the post.*\[blog\.remote_media\]",
        warnings,
    )


def test_linked_images_among_the_blocks_keep_their_link(privacy_site):
    # reST's ``image`` with ``:target:`` (here MyST's ``{image}``) puts the link among the
    # blocks; a remote image there became words in a link that Sphinx's writer refused
    # (the build stopped on ABlog's own documentation).
    page = privacy_site.html("about.html")
    badge = page.find("a", href="https://docs.example.org/")
    assert badge is not None
    assert badge.get_text(strip=True) == "Documentation status (image on img.shields.io)"
    assert badge.parent.name == "p"
    assert page.find("img", src=re.compile("shields")) is None
    ours = page.find("a", href="https://freenations.example.org/")
    assert ours is not None and ours.find("img", alt="Our banner, linked") is not None


def test_raw_html_media_scripts_and_styles_of_other_hosts(privacy_site):
    page = privacy_site.html("blog/media.html")
    links = {a["href"]: a.get_text() for a in page.select("a.blog-remote-media")}
    assert links == {
        "https://upload.wikimedia.org/wikipedia/commons/a/ab/Flag.png": (
            "The flag (image on upload.wikimedia.org)"
        ),
        "https://media.example.net/speech.mp4": "Video on media.example.net",
        "https://media.example.net/song.ogg": "Sound on media.example.net",
    }
    assert page.find("video") is None and page.find("audio") is None
    # The local image of a <picture> stays; its remote sources go.
    picture = page.find("picture")
    assert picture.find("img")["src"].endswith("banner.png")
    assert picture.find("source").get("srcset") is None
    box = page.find("div", string="Styled box")
    assert "url(" not in box["style"] and "padding: 1em" in box["style"]
    # A linked remote badge keeps its link, with its words and its host instead of the
    # image (the link does not lead to the image: the reader learns that one is missing).
    join = page.find("a", href="https://freenations.example.org/join")
    assert join.get_text() == "Linked remote badge (image on img.shields.io)"
    assert join.find("img") is None
    for message in (
        "the stylesheet or icon https://fonts.googleapis.com/css2?family=Roboto",
        "the script https://platform.twitter.com/widgets.js",
    ):
        assert message in privacy_site.warnings
    # X's embed code: the quote stays (with its link), the script goes.
    embeds = privacy_site.html("blog/embeds.html")
    quote = embeds.select_one("blockquote.twitter-tweet")
    assert "Free the prisoners!" in quote.get_text()
    assert embeds.find("script", src=re.compile("platform.twitter.com")) is None


def test_the_embed_directive_makes_a_facade_for_each_service(privacy_site):
    page = privacy_site.html("blog/embeds.html")
    facades = page.select(".blog-embed")
    found = [(f["data-embed-src"], f.select_one(".blog-embed-open")["href"]) for f in facades]
    assert found == [
        ("https://player.vimeo.com/video/76979871?dnt=1", "https://vimeo.com/76979871"),
        (
            "https://www.dailymotion.com/embed/video/x8m8jdf",
            "https://www.dailymotion.com/video/x8m8jdf",
        ),
        (
            "https://tube.example.net/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d",
            "https://tube.example.net/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
        ),
        (
            "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1780000000000000000",
            "https://x.com/freenations/status/1780000000000000000",
        ),
        (
            "https://www.facebook.com/plugins/post.php?href="
            "https%3A%2F%2Fwww.facebook.com%2Ffreenations%2Fposts%2F123456789",
            "https://www.facebook.com/freenations/posts/123456789",
        ),
        (
            "https://www.instagram.com/p/C5abcDEFgh1/embed/",
            "https://www.instagram.com/p/C5abcDEFgh1/",
        ),
        ("https://t.me/freenations/120?embed=1", "https://t.me/freenations/120"),
        # Telegram's widget script becomes a facade of the post it would show.
        ("https://t.me/freenations/121?embed=1", "https://t.me/freenations/121"),
    ]
    # ``:title:`` is shown and read; without it, the service names the content.
    titles = [f["data-embed-title"] for f in facades[:4]]
    assert titles == ["The march", "Video on Dailymotion", "Speech on PeerTube", "Post on X"]
    assert facades[3].select_one(".blog-embed-action").get_text() == "Show post"
    # ``:poster:``: the local image, copied, instead of the placeholder.
    poster = facades[0].select_one("img.blog-embed-poster")
    assert poster is not None and facades[0].select_one(".blog-embed-placeholder") is None
    assert (privacy_site.outdir / "blog" / poster["src"]).resolve().is_file()
    assert facades[1].select_one("img") is None


def test_an_embed_of_an_unknown_site_is_a_link_and_a_warning(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "blog" / "2024-07-01-odd.md").write_text(
        "---\ntitle: Odd\n---\n\n```{embed} https://video.example.com/play/42\n```\n",
        encoding="utf-8",
    )
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    page = site.html("blog/2024/07/01/odd.html")
    assert page.find("a", href="https://video.example.com/play/42") is not None
    assert re.search(
        r"2024-07-01-odd\.md:5: WARNING: .*video\.example\.com/play/42.*\[blog\.embed\]",
        site.warnings,
    )


def test_feeds_and_json_ld_keep_the_real_urls(privacy_site):
    feed = json.loads((privacy_site.outdir / "blog" / "feed.json").read_text(encoding="utf-8"))
    items = {item["url"].rsplit("/", 1)[-1]: item for item in feed["items"]}
    content = BeautifulSoup(items["assembly.html"]["content_html"], "html.parser")
    assert content.find("iframe")["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    image = content.find("img", alt="The square in spring")
    assert image["src"].startswith("https://upload.wikimedia.org/")
    media = BeautifulSoup(items["media.html"]["content_html"], "html.parser")
    assert (
        media.find("img", alt="The flag")["src"]
        == "https://upload.wikimedia.org/wikipedia/commons/a/ab/Flag.png"
    )
    page = privacy_site.html("blog/media.html")
    data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    posting = next(d for d in data if d.get("@type") == "BlogPosting")
    image_url = posting["image"]["url"] if isinstance(posting["image"], dict) else posting["image"]
    assert image_url == "https://upload.wikimedia.org/wikipedia/commons/3/3a/Cover.jpg"


def test_remote_media_option_shows_everything_as_written(remote_site):
    page = remote_site.html("blog/assembly.html")
    assert page.find("iframe")["src"].startswith("https://www.youtube.com/embed/dQw4w9WgXcQ")
    assert page.find("img", alt="The square in spring")["src"].startswith(
        "https://upload.wikimedia.org/"
    )
    embeds = remote_site.html("blog/embeds.html")
    frames = [frame["src"] for frame in embeds.select(".blog-embed iframe")]
    assert frames[0] == "https://player.vimeo.com/video/76979871?dnt=1"
    assert embeds.select_one(".blog-embed-open") is None
    assert "blog.remote_media" not in remote_site.warnings
    assert remote_requests(remote_site.outdir, "freenations.example.org") != []


def test_other_builders_show_an_embed_as_its_link(tmp_path):
    site = build_site(copy_root("privacy", tmp_path / "src"), buildername="text", freshenv=True)
    text = (site.outdir / "blog" / "embeds.txt").read_text(encoding="utf-8")
    assert "The march: https://vimeo.com/76979871" in text
    assert "Post on Telegram: https://t.me/freenations/120" in text


# -- the pure functions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "service", "embed_url", "page_url"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m5s",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=65",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=65s",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube.com/shorts/aBc-123_xyz",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/aBc-123_xyz",
            "https://www.youtube.com/watch?v=aBc-123_xyz",
        ),
        (
            "//www.youtube.com/embed/dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://player.vimeo.com/video/1234?h=abc",
            "Vimeo",
            "https://player.vimeo.com/video/1234?h=abc&dnt=1",
            "https://vimeo.com/1234/abc",
        ),
        (
            "https://dai.ly/x8abc",
            "Dailymotion",
            "https://www.dailymotion.com/embed/video/x8abc",
            "https://www.dailymotion.com/video/x8abc",
        ),
        (
            "https://peertube.example/videos/watch/9c9de5e8-0a1e",
            "PeerTube (peertube.example)",
            "https://peertube.example/videos/embed/9c9de5e8-0a1e",
            "https://peertube.example/w/9c9de5e8-0a1e",
        ),
        (
            "https://twitter.com/jack/status/20?s=21",
            "X",
            "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=20",
            "https://x.com/jack/status/20",
        ),
        (
            "https://www.instagram.com/reel/Cabc/",
            "Instagram",
            "https://www.instagram.com/reel/Cabc/embed/",
            "https://www.instagram.com/reel/Cabc/",
        ),
        (
            "https://t.me/s/durov/43",
            "Telegram",
            "https://t.me/durov/43?embed=1",
            "https://t.me/durov/43",
        ),
    ],
)
def test_recognized_embeds(url, service, embed_url, page_url):
    embed = recognize(url)
    assert (embed.service, embed.embed_url, embed.page_url) == (service, embed_url, page_url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/watch?v=x",
        "javascript:alert(1)",
        "https://www.youtube.com/",
        "https://t.me/x",
        "ftp://vimeo.com/1",
    ],
)
def test_not_embeds(url):
    assert recognize(url) is None


def test_rewrite_keeps_the_rest_of_the_html_byte_for_byte():
    html = (
        '<div class="a">Text &amp; <b>bold</b>'
        '<iframe src="https://vimeo.com/1" title="T"></iframe> after</div>'
    )
    result = rewrite_remote(
        html, facade=lambda n, a, h: f"[{a['title']}@{h}]", link=lambda n, a, h: ""
    )
    assert result == '<div class="a">Text &amp; <b>bold</b>[T@vimeo.com] after</div>'
    local = (
        '<img src="/img/a.png"><img src="https://own.example/b.png">'
        '<iframe src="./x.html"></iframe>'
    )
    assert (
        rewrite_remote(local, facade=str, link=str, own_hosts=frozenset({"own.example"})) == local
    )
    assert find_remote(local, frozenset({"own.example"})) == []


def test_a_split_inline_video_loses_its_end_tag(privacy_site):
    """MyST gives ``<video ...>`` and ``</video>`` as two pieces of inline HTML."""
    page = (privacy_site.outdir / "blog" / "media.html").read_text(encoding="utf-8")
    assert "</video>" not in page


def test_remote_scripts_styles_and_mathjax_of_the_page_frame_are_named(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "about.md").write_text("# About\n\n```{math}\nE = mc^2\n```\n", encoding="utf-8")
    options = {
        "html_js_files": ["https://cdn.example.com/tracker.js"],
        "html_css_files": ["https://fonts.example.com/font.css"],
    }
    site = build_site(srcdir, freshenv=True, show_warning_types=True, **options)
    warnings = site.warnings
    for url in ("https://cdn.example.com/tracker.js", "https://fonts.example.com/font.css"):
        assert warnings.count(f"the {'script' if url.endswith('js') else 'stylesheet'} {url}") == 1
    assert re.search(r"loads the script https://cdn\.jsdelivr\.net/\S+ .*mathjax_path", warnings)
    quiet = build_site(srcdir, freshenv=True, blog_remote_media=True, **options)
    assert "blog.remote_media" not in quiet.warnings and "tracker.js" not in quiet.warnings


def test_facade_for_is_the_node_other_code_can_make():
    """For the MDX components (Tweet, LiteYouTubeEmbed...): the embed directive's node."""
    from docutils import nodes

    from sphinx_advocacy_blog.media.embeds import embed_facade, facade_for

    node = facade_for("https://youtu.be/dQw4w9WgXcQ", "Our assembly", "./poster.jpg")
    assert isinstance(node, embed_facade)
    assert (node["title"], node["service"]) == ("Our assembly", "YouTube")
    assert node["embed_url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert node.next_node(nodes.image)["uri"] == "./poster.jpg"
    assert facade_for("https://example.org/video") is None


REMOTE_IN_MDX = """\
---
title: Pictures from the march
authors: [aigul]
---

import Figure from '@site/src/components/Figure';

The march in one picture: ![The crowd](https://upload.wikimedia.org/crowd.jpg) at noon.

<img src="https://upload.wikimedia.org/banner.png" alt="The banner" />

<p>
  A poster: <img src="https://cdn.example.net/poster.png" alt="The poster" />
</p>

:::note

![The square](https://upload.wikimedia.org/square.jpg)

:::

[![](https://upload.wikimedia.org/linked.png)](https://example.org/bounty)
"""


def test_remote_media_warnings_of_an_mdx_post_name_their_lines(tmp_path):
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "blog" / "2024-07-01-march.mdx").write_text(REMOTE_IN_MDX, encoding="utf-8")
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    found = {
        url: int(line)
        for line, url in re.findall(
            r"2024-07-01-march\.mdx:(\d+): WARNING: .*?(https://\S+?) .*\[blog\.remote_media\]",
            site.warnings,
        )
    }
    assert found == {
        "https://upload.wikimedia.org/crowd.jpg": 8,
        "https://upload.wikimedia.org/banner.png": 10,
        "https://cdn.example.net/poster.png": 13,
        "https://upload.wikimedia.org/square.jpg": 18,
        # Sphinx gives an image inside a link line 0 ("unknown"): its link's line.
        "https://upload.wikimedia.org/linked.png": 22,
    }


INLINE_AUDIO = (
    "---\ntitle: The podcast\n---\n\nListen here:\n\n"
    "<audio controls style={{display: 'block'}} "
    'src="https://media.example.net/episode.mp3"> '
    "{' '} Audio is unsupported in this browser.{' '} </audio>\n\n"
    '<video src="https://media.example.net/clip.mp4">Your browser cannot play this. '
    '<a href="https://media.example.net/clip.mp4">Download</a></video> and then more words.\n'
)


def test_the_fallback_text_of_a_replaced_inline_audio_or_video_goes(tmp_path):
    # React Native's blog: an <audio> and its fallback text on one line of Markdown are a
    # paragraph of inline HTML; the link that replaced the player made the text wrong.
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "blog" / "2024-07-02-podcast.mdx").write_text(INLINE_AUDIO, encoding="utf-8")
    site = build_site(srcdir, freshenv=True)
    main = site.html("blog/2024/07/02/podcast.html").select_one("[role=main]")
    links = {a["href"]: a.get_text() for a in main.select("a.blog-remote-media")}
    assert links == {
        "https://media.example.net/episode.mp3": "Sound on media.example.net",
        "https://media.example.net/clip.mp4": "Video on media.example.net",
    }
    text = " ".join(main.get_text(" ").split())
    assert "unsupported" not in text and "cannot play" not in text, text
    assert "Listen here:" in text and "and then more words." in text
    assert main.find("audio") is None and main.find("video") is None


CODEPEN_POST = """---
title: The animation
---

![](./missing-first.png)

The first words of the post.

<iframe
  title="Pen A"
  src="//codepen.io/a/embed/b">
  See the Pen <a href="https://codepen.io/a/pen/b">Pen B</a> on CodePen.
</iframe>
"""


def test_a_scheme_relative_iframe_is_a_facade_and_keeps_its_content(tmp_path):
    # React Native's blog: a CodePen iframe written "//codepen.io/..." whose content is
    # the only link to the demo. It is a click-to-load facade, and its words stay.
    srcdir = copy_root("privacy", tmp_path / "src")
    (srcdir / "blog" / "2024-07-03-pen.md").write_text(CODEPEN_POST, encoding="utf-8")
    site = build_site(srcdir, freshenv=True)
    page = site.html("blog/2024/07/03/pen.html")
    main = page.select_one("[role=main]")
    assert main.find("iframe") is None
    facade = main.select_one(".blog-embed")
    assert facade is not None and facade["data-embed-src"].startswith("https://codepen.io/")
    assert main.find("a", href="https://codepen.io/a/pen/b").get_text() == "Pen B"
    assert "See the Pen" in main.get_text()
    # The words standing in for a missing picture are not the post's description.
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "The first words of the post."
