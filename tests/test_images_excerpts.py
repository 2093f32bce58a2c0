"""What a reader gets on a phone, read from the built HTML: sized, lazy and resized images,
excerpts rather than whole posts, headings under the entry titles, local avatars.

The site is written by the test (images made with Pillow, so their sizes are known here);
every figure expected below comes from those sizes and the options, not from the code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from conftest import Site, assert_same_output, build_site

BASE = "https://riverside.example.org/"
CONF = f"""
project = "Riverside"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "{BASE}"
exclude_patterns = ["_build"]
blog_title = "News"
"""
WORDS = [
    "the",
    "river",
    "was",
    "clean",
    "again",
    "and",
    "everyone",
    "stayed",
    "for",
    "tea",
    "under",
    "the",
    "old",
    "bridge",
]


def _words(count: int, start: int = 0) -> str:
    return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(count))


PHOTO_POST = f"""---
title: Photo report from the clean-up
slug: photo-report
authors: [ana]
tags: [events]
image: ./photo.jpg
---

![](./photo.jpg)

{_words(40)}.

## What we found

{_words(40, 3)}.

{_words(40, 5)}.

![A map of the bank](./map.png)

#### A small detail

{_words(30, 7)}.
"""

SHORT_POST = f"""---
title: A short note
slug: short-note
authors: [ana]
---

{_words(20)}.
"""

MARKER_POST = f"""---
title: With a marker
slug: with-marker
authors: [ana]
---

{_words(10)}.

<!-- truncate -->

{_words(200)}.
"""

AUTHORS = f"""
ana:
  name: Ana Petrenko
  page: true
  url: https://www.facebook.com/ana.petrenko
  image_url: {BASE}img/social/ana.jpg
remote:
  name: Remote Person
  image_url: https://elsewhere.example.net/img/social/ana.jpg
"""


def _image(path: Path, size: tuple[int, int], image_format: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (30, 120, 200)).save(path, image_format)


def write_site(root: Path) -> Path:
    """The test site in *root*/src."""
    src = root / "src"
    (src / "blog" / "2024-05-01-photo-report").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Riverside\n\nHello.\n", encoding="utf-8")
    post = src / "blog" / "2024-05-01-photo-report"
    (post / "index.md").write_text(PHOTO_POST, encoding="utf-8")
    _image(post / "photo.jpg", (1600, 1000), "JPEG")
    _image(post / "map.png", (700, 400), "PNG")
    (src / "blog" / "2024-04-01-short-note.md").write_text(SHORT_POST, encoding="utf-8")
    (src / "blog" / "2024-03-01-with-marker.md").write_text(MARKER_POST, encoding="utf-8")
    (src / "blog" / "authors.yml").write_text(AUTHORS, encoding="utf-8")
    _image(src / "static" / "img" / "social" / "ana.jpg", (200, 200), "JPEG")
    return src


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    src = write_site(tmp_path_factory.mktemp("phone"))
    return build_site(src, freshenv=True)


def _widths(srcset: str) -> list[int]:
    return [int(part.split()[1][:-1]) for part in srcset.split(",")]


def test_post_images_are_sized_lazy_and_resized(site):
    page = site.html("blog/photo-report.html")
    pictures = page.select("section picture")
    assert len(pictures) == 2
    first, second = (picture.img for picture in pictures)
    # The first image of the page is its largest paint: fetched first, never lazy.
    assert first["fetchpriority"] == "high" and "loading" not in first.attrs
    assert (first["width"], first["height"]) == ("1600", "1000")
    assert first["decoding"] == "async"
    assert second["loading"] == "lazy" and "fetchpriority" not in second.attrs
    assert (second["width"], second["height"]) == ("700", "400")
    # No alt text written: the post's title; written: kept.
    assert first["alt"] == "Photo report from the clean-up"
    assert second["alt"] == "A map of the bank"
    # The original stays the fallback; the WebP copies are 480 and 960 wide (the default
    # widths), never wider than the image (700 for the map).
    assert first["src"].endswith("photo.jpg")
    source = pictures[0].source
    assert source["type"] == "image/webp"
    assert _widths(source["srcset"]) == [480, 960]
    assert _widths(pictures[1].source["srcset"]) == [480, 700]
    for candidate in source["srcset"].split(","):
        url, width = candidate.split()
        copy = site.outdir / "blog" / url
        with Image.open(copy) as image:
            assert image.format == "WEBP"
            assert image.size == (int(width[:-1]), round(1000 * int(width[:-1]) / 1600))


def test_link_previews_get_a_1200_wide_copy(site):
    page = site.html("blog/photo-report.html")
    url = page.select_one('meta[property="og:image"]')["content"]
    assert url.startswith(BASE) and url.endswith(".jpg") and "1200" in url
    assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
    assert page.select_one('meta[property="og:image:height"]')["content"] == "750"
    with Image.open(site.outdir / url[len(BASE) :]) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 750))


def test_list_shows_excerpts_not_whole_posts(site):
    page = site.html("blog.html")
    entries = {entry.h2.get_text(strip=True): entry for entry in page.select("article")}
    photo = entries["Photo report from the clean-up"]
    excerpt = photo.select_one(".blog-excerpt")
    words = len(excerpt.get_text(" ", strip=True).split())
    # Whole paragraphs until 60 words (the default): 40 + the heading + 40, no more.
    assert 60 <= words <= 90, excerpt.get_text(" ", strip=True)
    assert "A small detail" not in excerpt.get_text()
    assert photo.select_one(".blog-read-more") is not None
    # A post shorter than the limit is shown whole, without "Read more".
    short = entries["A short note"]
    assert short.select_one(".blog-read-more") is None
    # The marker wins over the limit.
    marker = entries["With a marker"]
    assert len(marker.select_one(".blog-excerpt").get_text(" ", strip=True).split()) == 10


def test_headings_of_an_excerpt_sit_below_the_entry_title(site):
    page = site.html("blog.html")
    photo = next(a for a in page.select("article") if "Photo report" in a.h2.get_text())
    headings = [
        h.name for h in photo.select(".blog-excerpt h1, .blog-excerpt h2, .blog-excerpt h3")
    ]
    assert headings == ["h3"]
    # No permalink and no id that another entry could repeat.
    assert photo.select(".blog-excerpt .headerlink") == []
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids))


def test_cover_identical_to_the_first_image_is_shown_once(site):
    page = site.html("blog.html")
    photo = next(a for a in page.select("article") if "Photo report" in a.h2.get_text())
    sources = [
        img["src"]
        for img in photo.select("img")
        if "blog-author-avatar" not in img.get("class", [])
    ]
    assert len([src for src in sources if src.endswith("photo.jpg")]) == 1
    cover = photo.select_one("img.blog-cover")
    # The first entry's picture is the list page's largest paint.
    assert cover["fetchpriority"] == "high" and "loading" not in cover.attrs
    assert (cover["width"], cover["height"]) == ("1600", "1000")
    assert _widths(photo.select_one("picture source")["srcset"]) == [480, 960]


def test_avatar_on_the_sites_own_domain_is_the_local_file(site):
    page = site.html("blog/authors/ana.html")
    avatar = page.select_one(".blog-author-profile img.blog-author-avatar")
    assert avatar is not None and avatar["src"] == "../../img/social/ana.jpg"
    assert (site.outdir / "img" / "social" / "ana.jpg").is_file()


def test_author_profile_labels_a_social_profile_by_its_network(site):
    page = site.html("blog/authors/ana.html")
    profile = page.select_one(".blog-author-profile")
    assert profile.name != "section"
    link = profile.select_one('a[href="https://www.facebook.com/ana.petrenko"]')
    assert link.get_text(strip=True) == "Facebook"


def test_every_section_has_a_heading(site):
    for path in (
        "blog.html",
        "blog/authors/ana.html",
        "blog/photo-report.html",
        "blog/archive.html",
    ):
        for section in site.html(path).select("section"):
            assert section.find(re.compile("^h[1-6]$")) is not None, (path, str(section)[:200])


def test_options_turn_resizing_off_and_set_the_widths(tmp_path):
    off = build_site(write_site(tmp_path / "off"), blog_responsive_images=False)
    page = off.html("blog/photo-report.html")
    assert page.select("picture") == []
    img = page.select_one("section img.blog-image")
    assert img["decoding"] == "async" and "width" not in img.attrs
    assert not (off.outdir / "_images" / "blog").exists()
    og = page.select_one('meta[property="og:image"]')["content"]
    assert og.endswith("photo.jpg") and "1200" not in og
    widths = build_site(write_site(tmp_path / "widths"), blog_image_widths=[300, 1000])
    sources = widths.html("blog/photo-report.html").select("picture source")
    assert [_widths(source["srcset"]) for source in sources] == [[300, 1000], [300, 700]]


def test_whole_posts_with_zero_excerpt_words(tmp_path):
    whole = build_site(write_site(tmp_path / "whole"), blog_excerpt_words=0)
    entry = next(a for a in whole.html("blog.html").select("article") if "Photo" in a.h2.get_text())
    assert "A small detail" in entry.get_text()


def test_copies_are_made_once_and_kept_between_clean_builds(tmp_path):
    src = write_site(tmp_path)
    cache = tmp_path / "image-cache"
    first = build_site(src, builddir=tmp_path / "one", blog_image_cache=str(cache))
    made = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert any(name.endswith(".webp") for name in made)
    second = build_site(src, builddir=tmp_path / "two", blog_image_cache=str(cache))
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == made
    assert_same_output(second.outdir, first.outdir)


def test_a_changed_image_gets_new_copies_and_the_old_ones_go(tmp_path):
    src = write_site(tmp_path)
    build_site(src, builddir=tmp_path / "build")
    _image(src / "blog" / "2024-05-01-photo-report" / "map.png", (900, 300), "PNG")
    incremental = build_site(src, builddir=tmp_path / "build")
    clean = build_site(src, builddir=tmp_path / "clean")
    assert_same_output(incremental.outdir, clean.outdir)
    source = incremental.html("blog/photo-report.html").select("picture source")[1]
    assert _widths(source["srcset"]) == [480, 900]


def test_a_post_heading_keeps_the_size_of_its_markdown_level(site):
    page = site.html("blog/photo-report.html")
    small = next(
        s for s in page.select("section") if "A small detail" in s.find(["h2", "h3"]).get_text()
    )
    # Nested one level under "## What we found", so an <h3>, sized as the #### it was.
    assert small.find(["h2", "h3"]).name == "h3"
    assert "blog-heading-4" in small["class"]
    found = next(s for s in page.select("section") if "What we found" in s.find(["h2"]).get_text())
    assert not [c for c in found.get("class", []) if c.startswith("blog-heading-")]
    css = (site.outdir / "_static" / "advocacy-blog.css").read_text(encoding="utf-8")
    assert ".blog-heading-4 >" in css


def test_check_reports_images_without_alt_text(tmp_path):
    from sphinx_advocacy_blog.cli.check import lint_site

    src = write_site(tmp_path)
    findings = [f for f in lint_site(str(src)).findings if "alt text" in f.message]
    # ![](./photo.jpg) on line 9 of the photo post; the map has its alt text.
    assert [(Path(f.path).name, f.line) for f in findings] == [("index.md", 9)]


LINKED_POST = """---
title: Links in the excerpt
slug: linked
authors: [ana]
tags: [events]
---

See [the short note](../2024-04-01-short-note.md), {download}`the report <./report.txt>`
and the map:

![A map of the bank](./map.png)

<!-- truncate -->

More words.
"""


def _local_urls(element) -> list[str]:
    urls = [node["href"] for node in element.select("a[href]")]
    urls += [node["src"] for node in element.select("img[src]")]
    for source in element.select("source[srcset]"):
        urls += [part.split()[0] for part in source["srcset"].split(",")]
    return [url for url in urls if "://" not in url and not url.startswith("#")]


def test_excerpt_links_images_and_downloads_work_from_every_list_page(tmp_path, monkeypatch):
    """An excerpt is rendered once, with its links fitted to each list page afterwards:
    from the index, a tag page and an author page (three folders), every link, image,
    WebP copy and download of the excerpt leads to a file of the output. With -j 2 the
    excerpts are rendered in the processes that write the posts, and the pages are the
    same bytes."""
    from sphinx_advocacy_blog.pages import excerpts
    from sphinx_advocacy_blog.pages.excerpt_store import EXCERPT_FILE

    src = write_site(tmp_path)
    post = src / "blog" / "2024-02-01-linked"
    post.mkdir()
    (post / "index.md").write_text(LINKED_POST, encoding="utf-8")
    (post / "report.txt").write_text("The report.\n", encoding="utf-8")
    _image(post / "map.png", (700, 400), "PNG")
    site = build_site(src, builddir=tmp_path / "serial", freshenv=True)
    assert site.warnings == ""
    outdir = Path(site.outdir)
    checked = 0
    for page in ("blog.html", "blog/tags/events.html", "blog/authors/ana.html"):
        [entry] = [
            item
            for item in site.html(page).select(".blog-list-item")
            if "Links in the excerpt" in item.get_text()
        ]
        [body] = entry.select(".blog-excerpt-body")
        urls = _local_urls(body)
        assert len(urls) >= 4, (page, urls)  # the note, the download, the image, its copies
        assert any("_downloads/" in url for url in urls), urls
        assert any(url.endswith(".webp") for url in urls), urls
        for url in urls:
            target = (outdir / page).parent / url.partition("#")[0]
            assert target.resolve().is_file(), (page, url)
            checked += 1
    assert checked >= 12

    rendered: list[str] = []
    render_nodes = excerpts.render_nodes
    monkeypatch.setattr(
        excerpts, "render_nodes", lambda *a: rendered.append("x") or render_nodes(*a)
    )
    parallel = build_site(src, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert parallel.warnings == ""
    assert_same_output(parallel.outdir, site.outdir)
    # The build's own process rendered at most the excerpt of the page it writes itself
    # (Sphinx writes the first document there); the workers rendered the others, and
    # what they rendered reached the kept excerpts, their own files gone.
    assert len(rendered) <= 1, rendered
    doctrees = tmp_path / "parallel" / "doctrees"
    assert [p.name for p in doctrees.iterdir() if "excerpt" in p.name] == [
        EXCERPT_FILE.format(builder="html")
    ]


MISSING_IMAGES_POST = """---
title: Pictures that are not there
tags: [events]
---

Before the pictures.

![](/img/missing.png)

A sentence with ![A chart](./nothere.png) inside.

[![Our logo](/img/gone.png)](https://example.org/)

```{figure} ./lost.png
The caption stays.
```

After the pictures.
"""


def test_a_missing_image_is_its_alt_text_with_a_blog_warning_naming_its_line(tmp_path):
    src = write_site(tmp_path)
    (src / "blog" / "2024-06-01-missing.md").write_text(MISSING_IMAGES_POST, encoding="utf-8")
    site = build_site(src, freshenv=True, show_warning_types=True)
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", site.warnings)
    found = re.findall(
        r"2024-06-01-missing\.md:(\d+): WARNING: the image '([^']+)' is not", warnings
    )
    assert found == [("8", "/img/missing.png"), ("10", "./nothere.png"),
                     ("12", "/img/gone.png"), ("14", "./lost.png")]  # fmt: skip
    assert warnings.count("[blog.image]") == 4
    assert "not readable" not in warnings  # not Sphinx's own warning, with the wrong path
    # Where Docusaurus would have found a root address: the site's static folder.
    assert "copy the site's static files there (Docusaurus serves /img/missing.png " in warnings
    page = site.html("blog/2024/06/01/missing.html")
    main = page.select_one("[role=main]")
    assert main.find("img") is None
    shown = [span.get_text() for span in main.select("span.blog-missing-image")]
    assert shown == ["missing.png", "A chart", "Our logo", "lost.png"]
    logo = main.select_one("a[href='https://example.org/'] span.blog-missing-image")
    assert logo is not None and logo.get_text() == "Our logo"
    text = " ".join(main.get_text(" ").split())
    assert "The caption stays." in text and "After the pictures." in text


RAW_HTML_FILES_POST = """---
title: Pictures in HTML
---

<figure>
  <img src="/img/social/ana.jpg" alt="served from static/" />
  <img src="../../../../img/social/ana.jpg" alt="the same, relative to the page" />
  <img src="/img/team/nobody.jpg" alt="missing" />
  <img src="./chart.png" alt="beside the post" />
  <video src="./clip.mp4"></video>
</figure>
"""


def test_files_named_by_raw_html_are_checked_against_the_page_address(tmp_path):
    src = write_site(tmp_path)
    post = src / "blog" / "2024-06-02-raw-html"
    post.mkdir()
    (post / "index.md").write_text(RAW_HTML_FILES_POST, encoding="utf-8")
    _image(post / "chart.png", (40, 30), "PNG")
    site = build_site(src, freshenv=True, show_warning_types=True)
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", site.warnings)
    found = re.findall(
        r"2024-06-02-raw-html/index\.md:(\d+): WARNING: the <(\w+)> file '([^']+)' (is \w+)",
        warnings,
    )
    assert found == [
        ("8", "img", "/img/team/nobody.jpg", "is not"),
        ("9", "img", "./chart.png", "is beside"),
        ("10", "video", "./clip.mp4", "is not"),
    ]
    assert "(/img/team/nobody.jpg looked for in the source folder and in static/)" in warnings
    assert "![the words it shows](./chart.png)" in warnings
    assert warnings.count("2024-06-02-raw-html") == 3


MISSING_COVER_POST = """---
title: A cover that is not there
image: ./nothere.jpg
tags: [events]
---

The words of the post.
"""


def test_a_missing_cover_is_dropped_with_a_warning_naming_its_line(tmp_path):
    src = write_site(tmp_path)
    (src / "blog" / "2024-06-03-no-cover.md").write_text(MISSING_COVER_POST, encoding="utf-8")
    site = build_site(src, freshenv=True, show_warning_types=True)
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", site.warnings)
    assert re.search(
        r"2024-06-03-no-cover\.md:3: WARNING: the cover image 'blog/nothere.jpg' does not exist"
        r".*\[blog\.image\]",
        warnings,
    ), warnings
    # No broken picture in the lists, no preview image that is not there.
    for page in ("blog.html", "blog/tags/events.html"):
        assert site.html(page).find("img", src=re.compile("nothere")) is None, page
    head = site.html("blog/2024/06/03/no-cover.html").find("head")
    assert "nothere" not in str(head)
    # Once the file is there, the next (incremental) build gives the post its cover.
    _image(src / "blog" / "nothere.jpg", (800, 450), "JPEG")
    again = build_site(src, show_warning_types=True)
    assert "nothere" not in again.warnings
    assert again.html("blog.html").find("img", src=re.compile("nothere")) is not None


def test_excerpt_keeps_what_comes_before_a_marker_held_in_nested_elements():
    """A truncate marker inside a block (a list item in a quote) ends the excerpt there:
    the blocks that hold it are kept up to it, nothing after it."""
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    from sphinx_advocacy_blog.env.nodes import excerpt_marker
    from sphinx_advocacy_blog.pages.excerpts import extract_excerpt

    document = new_document("post", get_default_settings(Parser))
    section = nodes.section(ids=["post"])
    item = nodes.list_item(
        "", nodes.paragraph(text="kept item"), excerpt_marker(), nodes.paragraph(text="cut a")
    )
    quote = nodes.block_quote(
        "",
        nodes.paragraph(text="kept quote"),
        nodes.bullet_list("", item, nodes.list_item("", nodes.paragraph(text="cut b"))),
        nodes.paragraph(text="cut c"),
    )
    section += [nodes.title(text="Title"), nodes.paragraph(text="kept first"), quote]
    section += nodes.paragraph(text="cut d")
    document += section

    excerpt = extract_excerpt(document, word_limit=3, docname="post")

    assert [p.astext() for p in excerpt.findall(nodes.paragraph)] == [
        "kept first",
        "kept quote",
        "kept item",
    ]
    assert "cut" not in excerpt.astext()
    assert not list(excerpt.findall(excerpt_marker))
    # The post itself is left whole.
    assert "cut d" in document.astext() and len(list(document.findall(excerpt_marker))) == 1
