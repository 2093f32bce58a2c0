"""Files outside the source folder, active SVGs, third-party head links, locale names.

Nothing outside the source folder is published because a post names it (a symbolic link,
a ``..`` path); an SVG that holds a script is never published on the site's origin; a
post's ``<head>`` block cannot make every reader's browser call another site; a locale
folder's name cannot inject markup or take a folder of the site.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from conftest import build_site
from sphinx_advocacy_blog.i18n.locales import locale_of, site_locales
from sphinx_advocacy_blog.util.files import is_active_svg, source_file

CONF = 'project = "Sources"\nextensions = ["myst_parser", "sphinx_advocacy_blog"]\n'
CONF += 'html_baseurl = "https://example.org/"\n'
SECRET = "TOP-SECRET-CONTENT"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478"
    "9c6360000002000154a24f5d0000000049454e44ae426082"
)
ACTIVE_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def published(outdir: Path) -> str:
    """Everything the output holds, as text."""
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace")
        for path in outdir.rglob("*")
        if path.is_file() and ".doctrees" not in path.parts
    )


@pytest.fixture
def site_with_links(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(
        f"---\ntitle: Secret\ndate: 2022-01-05\n---\n{SECRET}\n", encoding="utf-8"
    )
    (outside / "secret.png").write_bytes(PNG)
    (outside / "folder").mkdir()
    (outside / "folder" / "index.md").write_text(f"---\ntitle: F\n---\n{SECRET}\n", "utf-8")
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    write(root, "blog/2022-01-01-good.md", "---\ntitle: Good\n---\nGood body.\n")
    (root / "blog" / "2022-01-02-linked.md").symlink_to(outside / "secret.md")
    (root / "blog" / "2022-01-03-folder").symlink_to(outside / "folder", target_is_directory=True)
    (root / "blog" / "cover-link.png").symlink_to(outside / "secret.png")
    write(root, "blog/2022-01-04-cover.md", "---\ntitle: Cover\nimage: ./cover-link.png\n---\nC.\n")
    write(root, "blog/2022-01-05-up.md", "---\ntitle: Up\nimage: /../outside/secret.png\n---\nU.\n")
    write(
        root,
        "blog/2022-01-06-body.md",
        "---\ntitle: Body\n---\n![secret](../../outside/secret.png)\n\n"
        "![linked](./cover-link.png)\n",
    )
    (root / "blog" / "inside.md").write_text("---\ntitle: Inside\ndate: 2022-02-02\n---\nIn.\n")
    (root / "blog" / "2022-01-07-alias.md").symlink_to(root / "blog" / "inside.md")
    return root


def test_nothing_outside_the_source_folder_is_published(site_with_links):
    site = build_site(site_with_links, freshenv=True, show_warning_types=True)
    text = published(site.outdir)
    assert SECRET not in text
    assert "Good body." in site.html("blog/2022/01/01/good.html").get_text()
    images = [p for p in site.outdir.rglob("*.png")]
    assert all(p.read_bytes() != PNG for p in images), images
    warnings = plain(site.warnings)
    assert re.search(
        r"2022-01-02-linked\.md:1: WARNING: this post is a symbolic link.*\[blog\.path\]", warnings
    )
    assert re.search(
        r"2022-01-04-cover\.md:3: WARNING: the cover image .* outside the source folder", warnings
    )
    assert re.search(
        r"2022-01-05-up\.md:3: WARNING: the cover image .* outside the source folder", warnings
    )
    assert re.search(
        r"2022-01-06-body\.md:\d+: WARNING: the image '\.\./\.\./outside/secret\.png' is outside",
        warnings,
    )
    body = site.html("blog/2022/01/06/body.html")
    assert "secret" in body.get_text(), "a refused image shows its alt text"
    assert (
        not site.exists("blog/2022/02/02/inside.html")
        or "In." in site.html("blog/2022/02/02/inside.html").get_text()
    )


def test_symbolic_links_inside_the_source_folder_with_the_option(site_with_links):
    site = build_site(site_with_links, freshenv=True, blog_follow_symlinks=True)
    assert SECRET not in published(site.outdir), "links out of the folder stay refused"
    aliased = [p for p in site.outdir.rglob("*.html") if "In." in p.read_text("utf-8")]
    assert len({p.name for p in aliased}) >= 1
    assert (
        "this post is a symbolic link"
        not in plain(site.warnings).split("2022-01-07-alias")[0][-200:]
    )


def test_the_source_guard(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("a")
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "src" / "link.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "src" / "inner.txt").symlink_to(tmp_path / "src" / "a.txt")
    source = str(tmp_path / "src")
    assert source_file(source, "a.txt") is not None
    assert source_file(source, "../b.txt") is None
    assert source_file(source, "link.txt") is None
    assert source_file(source, "link.txt", follow_symlinks=True) is None
    assert source_file(source, "inner.txt") is None
    assert source_file(source, "inner.txt", follow_symlinks=True) is not None
    assert source_file(source, "/etc/passwd") is None


@pytest.mark.parametrize(
    "svg",
    [
        ACTIVE_SVG,
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">x</a></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
        '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>',
    ],
)
def test_active_svgs_are_recognized(tmp_path, svg):
    path = tmp_path / "x.svg"
    path.write_text(svg)
    assert is_active_svg(str(path))
    path.write_text(PLAIN_SVG)
    assert not is_active_svg(str(path))


def test_svgs_with_scripts_are_never_published(tmp_path):
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    write(
        root,
        "blog/2022-01-01-svg/index.md",
        "---\ntitle: S\nimage: ./cover.svg\n---\n![diagram](./body.svg)\n\n![fine](./plain.svg)\n",
    )
    write(root, "blog/2022-01-01-svg/cover.svg", ACTIVE_SVG)
    write(root, "blog/2022-01-01-svg/body.svg", ACTIVE_SVG)
    write(root, "blog/2022-01-01-svg/plain.svg", PLAIN_SVG)
    site = build_site(root, freshenv=True, show_warning_types=True)
    assert "alert(1)" not in published(site.outdir)
    assert any(p.read_text() == PLAIN_SVG for p in site.outdir.rglob("*.svg"))
    warnings = plain(site.warnings)
    assert "cover image './cover.svg' is an SVG with a script" in warnings or re.search(
        r"cover image .*cover\.svg.* is an SVG with a script", warnings
    )
    assert re.search(r"the image '\./body\.svg' is an SVG with a script", warnings)


HEAD_POST = """---
title: Head
---

<head>
  <title>Head title</title>
  <link rel="stylesheet" href="https://cdn.example.net/x.css" />
  <link rel="preconnect" href="https://fonts.example.net" />
  <link rel="apple-touch-icon" href="https://example.org/own.png" />
  <meta name="keywords" content="a, b" />
  <link rel="icon" data-x="1" href="./favicon.png" />
</head>

Body.
"""


@pytest.mark.parametrize("remote", [False, True])
def test_head_blocks_load_nothing_from_other_sites_unless_allowed(tmp_path, remote):
    root = tmp_path / "site"
    write(root, "conf.py", CONF + f"blog_remote_media = {remote}\n")
    write(root, "index.md", "# Home\n")
    write(root, "blog/2022-01-01-head.md", HEAD_POST)
    site = build_site(root, freshenv=True, show_warning_types=True)
    head = site.html("blog/2022/01/01/head.html").head
    hrefs = [link.get("href") for link in head.find_all("link")]
    assert ("https://cdn.example.net/x.css" in hrefs) is remote
    assert ("https://fonts.example.net" in hrefs) is remote
    assert "https://example.org/own.png" in hrefs, "the site's own host is not a third party"
    warnings = plain(site.warnings)
    if not remote:
        # Each warning points at the tag's own line.
        assert re.search(
            r"2022-01-01-head\.md:7: WARNING: the <head> block loads 'https://cdn", warnings
        )
        assert re.search(
            r"2022-01-01-head\.md:8: WARNING: the <head> block loads 'https://fonts", warnings
        )
    assert re.search(
        r"2022-01-01-head\.md:11: WARNING: the <head> block's <link> attribute 'data-x'", warnings
    )


def test_rss_descriptions_are_text_not_markup(tmp_path):
    root = tmp_path / "site"
    write(root, "conf.py", CONF + 'blog_description = "Us & <them>"\n')
    write(root, "index.md", "# Home\n")
    write(
        root,
        "blog/2022-01-01-text.md",
        '---\ntitle: T\ndescription: "Use <b>bold</b> & <script>x</script>"\n---\nBody.\n',
    )
    site = build_site(root, freshenv=True)
    import feedparser

    feed = feedparser.parse(str(site.outdir / "blog" / "rss.xml"))
    # What a reader gets is HTML that shows the text: the tags are escaped, not run.
    assert (
        feed.entries[0].summary
        == "Use &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    )
    raw = (site.outdir / "blog" / "rss.xml").read_text("utf-8")
    # Escaped once for HTML, once more for XML: a reader shows the text, runs nothing.
    assert (
        "<description>Use &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; &amp;amp; &amp;lt;script" in raw
    )
    assert "<description>Us &amp;amp; &amp;lt;them&amp;gt;</description>" in raw


# -- locales ------------------------------------------------------------------------------


def test_locale_folder_names_are_language_tags_and_free_prefixes(tmp_path):
    srcdir = tmp_path
    for name in ("ru", "pt_BR", 'x" onmouseover="alert(1)', "blog", "_static"):
        (srcdir / "i18n" / name).mkdir(parents=True)
    (srcdir / "about").mkdir()
    (srcdir / "i18n" / "about").mkdir()
    taken = {"blog", "_static", "about"}
    codes = [info.code for info in site_locales(str(srcdir), {}, "en", taken=taken)]
    assert codes == ["en", "pt_BR", "ru"]
    made = locale_of([], 'x" onmouseover="alert(1)', "en")
    assert made.html_lang == "und" and '"' not in made.prefix


def test_a_site_with_hostile_locale_folders_builds_safely(tmp_path):
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    write(root, "blog/2022-01-01-good.md", "---\ntitle: Good\n---\nGood body.\n")
    for name in ('x" onmouseover="alert(1)', "blog"):
        write(
            root,
            f"i18n/{name}/docusaurus-plugin-content-blog/2022-01-01-good.md",
            "---\ntitle: T\n---\nT.\n",
        )
    write(
        root,
        "i18n/ru/docusaurus-plugin-content-blog/2022-01-01-good.md",
        "---\ntitle: Р\n---\nР.\n",
    )
    site = build_site(root, freshenv=True, show_warning_types=True)
    page = (site.outdir / "blog/2022/01/01/good.html").read_text("utf-8")
    assert "onmouseover" not in page
    assert 'hreflang="ru"' in page
    warnings = plain(site.warnings)
    assert "i18n/blog was left out: its URL prefix /blog/ is already a folder or page" in warnings
    assert "is not a language tag" in warnings
    assert "[blog.i18n]" in warnings


DRAWIO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><foreignObject width="10"'
    ' height="10"><div xmlns="http://www.w3.org/1999/xhtml">Label</div></foreignObject></svg>'
)


def test_a_diagram_with_embedded_html_is_refused_with_what_to_do(tmp_path):
    # koordinator-sh/website: every draw.io export was refused as "an SVG with a script or
    # an event handler" (it has neither), with advice that could not help.
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    write(root, "blog/2022-01-01-drawio/index.md", "---\ntitle: D\n---\n![arch](./arch.svg)\n")
    write(root, "blog/2022-01-01-drawio/arch.svg", DRAWIO_SVG)
    site = build_site(root, freshenv=True, show_warning_types=True)
    warnings = plain(site.warnings)
    assert "the image './arch.svg' is an SVG with embedded HTML (<foreignObject>" in warnings
    assert "'Convert labels to SVG' ticked, or as PNG" in warnings
    assert "script" not in warnings
    assert not list(site.outdir.rglob("arch*.svg"))
