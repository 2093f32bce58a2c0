"""Real Docusaurus posts move unchanged: heading anchors, links, MDX, code blocks, authors.

``tests/roots/test-docusaurus-real`` holds excerpts of real posts (sources and licences in its
README). Expected ids, hrefs and titles are the values Docusaurus 3.10 computes for these
posts (``@docusaurus/mdx-loader`` and ``plugin-content-blog`` run on the full blogs).
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import build_site, copy_root

LINGUI = "blog/2024/11/28/announcing-lingui-5.0.html"
PRETTIER = "blog/2020/03/21/2.0.0.html"
ELECTRON = "blog/forge-v6-release.html"
RN = "blog/2025/01/21/version-0.77.html"
TSESLINT = "blog/parser-options-project-true.html"


def plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    srcdir = copy_root("docusaurus-real", tmp_path_factory.mktemp("real") / "src")
    return build_site(srcdir, freshenv=True, show_warning_types=True)


def heading_ids(page) -> list[str]:
    return [section["id"] for section in page.select("[role=main] section")]


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


# -- heading anchors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "ids"),
    [
        (
            LINGUI,
            [
                "what-is-lingui",
                "table-of-contents",
                "whats-new-in-5.0",  # {#whats-new-in-5.0}: not the slug "whats-new-in-50"
                "standalone-babel-plugin-lingui-macro",
                "other-features",
                "configurable-message-stripping-via-babel-options",
                "conclusion",
            ],
        ),
        (
            PRETTIER,
            [
                "highlights",
                "javascript",
                "improved-method-chain-breaking-heuristic-6685-by-mmkal",
                "ultimate-fix-for-closure-style-type-casts-7791-by-thorn0-7011-by-evilebottnawi",
            ],
        ),
        (RN, ["highlights", "breaking-changes", "highlights-1"]),
        ("blog/asts-and-typescript-eslint.html", ["whats-an-ast", "an-example-ast"]),
    ],
)
def test_heading_ids_are_docusaurus_ids(real, page, ids):
    found = heading_ids(real.html(page))
    assert all(anchor in found for anchor in ids), (ids, found)


def test_explicit_id_is_removed_from_the_heading_text_and_anchor_links_reach_it(real):
    page = real.html(LINGUI)
    section = page.find(id="whats-new-in-5.0")
    assert section.find("h2").get_text().strip("¶ ") == "What's New in 5.0?"
    assert "{#" not in page.get_text()
    toc_link = page.find("a", string="What's New in 5.0?")
    assert toc_link["href"] == "#whats-new-in-5.0"
    # The docutils id stays as a second anchor.
    assert page.find(id="what-s-new-in-5-0") is not None
    missing = [line for line in real.warnings.splitlines() if "xref_missing" in line]
    assert not [line for line in missing if "lingui" in line], missing


def test_quotes_are_shown_as_written(real):
    assert "What's New in 5.0?" in real.html(LINGUI).get_text()


# -- links -----------------------------------------------------------------------------


def test_root_relative_link_stays_a_path_of_the_site_and_warns_when_absent(real):
    page = real.html(LINGUI)
    assert page.find("a", string="v5 upgrade guide")["href"] == "/releases/migration-5"
    assert "#/" not in str(page)
    assert re.search(
        r"announcing-lingui-5\.0/index\.md:12: WARNING: the link to '/releases/migration-5' "
        r"leads to no page of this site.*\[blog\.link\]",
        plain(real.warnings),
    )


def test_link_to_a_post_by_its_file(real):
    link = real.html(TSESLINT).find("a", string='"AST" format')
    assert link["href"] == "asts-and-typescript-eslint"


def test_link_to_a_post_by_url_keeps_its_anchor_and_a_missing_post_warns(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    post = srcdir / "blog" / "2022-12-05-asts-and-typescript-eslint.md"
    post.write_text(
        post.read_text()
        + "\nSee [projects](/blog/parser-options-project-true#the-problem-with-projects)"
        " and [the docs](/site-page?tab=1#part).\n"
    )
    site = build_site(srcdir, freshenv=True, html_baseurl="https://example.org/sub/")
    page = site.html("blog/asts-and-typescript-eslint.html")
    href = page.find("a", string="projects")["href"]
    assert href == "parser-options-project-true#the-problem-with-projects"
    assert site.html(TSESLINT).find(id="the-problem-with-projects") is not None
    assert page.find("a", string="the docs")["href"] == "/sub/site-page?tab=1#part"
    assert "the link to '/site-page?tab=1#part' leads to no page" in site.warnings


# -- MDX components --------------------------------------------------------------------


def test_tabs_without_sphinx_design_are_headed_sections(real):
    page = real.html(ELECTRON)
    labels = [label.get_text() for label in page.select(".blog-tabs .blog-tab-label")]
    assert labels[:2] == ["Yarn", "npm"]
    text = page.get_text()
    assert "<Tabs" not in text and "<TabItem" not in text and "import Tabs" not in text
    assert page.select_one(".blog-tab pre") is not None  # the code inside each tab


def test_tabs_with_sphinx_design_are_its_tab_set(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace('"myst_parser",', '"myst_parser", "sphinx_design",'))
    site = build_site(srcdir, freshenv=True)
    page = site.html(ELECTRON)
    labels = [label.get_text().strip() for label in page.select(".sd-tab-set label")]
    assert labels[:2] == ["Yarn", "npm"]


MDX_POST = """
---
title: Components
---
import Tabs from '@theme/Tabs';
import {TLDR} from '@site/src/components/TLDR';

Text{' '}with <Link to="/blog/forge-v6-release">a link</Link>.

<details>
<summary>More <strong>details</strong></summary>

### Inside details

Hidden text.
</details>

<TLDR>
**Short** version.
</TLDR>

<TLDR>Again</TLDR>

<Snippet>Kept</Snippet>

<Admonition type="tip" title="Careful">
Admonition body.
</Admonition>

<CodeBlock language="js" title="hello.js">
{`console.log(1);`}
</CodeBlock>

<Tweet id="1234567890" />

```mdx-code-block
<Callout>
Rendered **markdown**
</Callout>
```

<img src={require('./photo.png').default} alt="Photo" width="300" />
"""


def test_mdx_components_render_and_unknown_ones_warn_once_per_file(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    write(srcdir, "blog/2024-01-01-components/index.mdx", MDX_POST)
    (srcdir / "blog/2024-01-01-components/photo.png").write_bytes(
        (srcdir / "blog/2024-11-28-announcing-lingui-5.0/deps-light.png").read_bytes()
    )
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + "blog_mdx_components = {'Snippet': 'children'}\n")
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    page = site.html("blog/2024/01/01/components.html")
    main = page.select_one("[role=main]")
    text = main.get_text()
    assert "Text with a link." in " ".join(text.split())
    assert main.find("a", string="a link")["href"] == "../../../forge-v6-release"
    details = main.find("details")
    assert details.find("summary").get_text() == "More details"
    assert "Hidden text." in details.get_text()
    assert details.find(id="inside-details") is not None
    assert "Short version." in " ".join(text.split()) and "Again" in text and "Kept" in text
    assert main.select_one(".admonition.tip .admonition-title").get_text() == "Careful"
    assert main.select_one(".code-block-caption").get_text().strip("¶") == "hello.js"
    assert "console.log(1);" in main.find("pre").get_text()
    # <Tweet>: a click-to-load facade (nothing loads from X) with a link to the post
    assert main.find("a", href="https://x.com/i/status/1234567890") is not None
    assert main.find("iframe") is None
    assert "Rendered markdown" in " ".join(text.split())
    image = main.find("img", alt="Photo")
    assert image is not None and (site.outdir / "blog/2024/01/01" / image["src"]).exists()
    for shown in ("<TLDR", "<Snippet", "{' '}", "import ", "mdx-code-block", "require("):
        assert shown not in text, shown
    warnings = plain(site.warnings)
    tldr = re.findall(r"components/index\.mdx:(\d+): WARNING: the component <TLDR>", warnings)
    assert tldr == ["17"], warnings  # once, at its first use
    assert "<Callout>" in warnings and "<Snippet>" not in warnings


# Shapes found in real posts (remotion's and React Native's blogs) that reached the page as
# broken HTML or lost their content.
JSX_OVER_LINES_POST = """---
title: Tags over several lines
---

<iframe
  style={{
    width: '100%',
    aspectRatio: '16 / 9',
  }}
  src="https://www.youtube.com/embed/abc123"
  title="Our demo"
  allow="autoplay"
/>

After the video.

<div
  className="margin-vert--md"
  style={{display: 'flex', justifyContent: 'center'}}>

Centered text.

</div>

<Tabs groupId="tool">
  <TabItem label="Community CLI" value="cli">
    ``` npx react-native run-android --mode debugOptimized ```
  </TabItem>
  <TabItem value="expo" label="Expo">
    ``` npx expo run:android ```
  </TabItem>
</Tabs>

:::warning[Important: [CVE-2025-55182](https://react.dev/blog/cve)]

Upgrade now.

:::

<div style={{display: 'flex', gap: 40}}>
  <strong>Watch the talk!</strong>
  <img
    src="/img/talk.jpg"
    style={{
      flexShrink: 0,
      maxWidth: '200px',
    }}
    alt="The talk"
  />
</div>

<p align="center">
    <ImageSwitcher
        lightImageSrc="/img/light.png"
        darkImageSrc="/img/dark.png"
    />
</p>

The end.

<figure>
  <figcaption>
    Source: [World Wide Web Consortium](https://www.w3.org/) and `onLayout`
  </figcaption>
</figure>

Thanks to [@ana] for [#12].

[#12]: https://example.org/pull/12
[@ana]: https://example.org/ana
[#12]: https://example.org/pull/13
"""


def test_jsx_tags_over_several_lines_inline_fences_and_linked_titles(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    write(srcdir, "blog/2024-01-02-over-lines.mdx", JSX_OVER_LINES_POST)
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    page = site.html("blog/2024/01/02/over-lines.html")
    main = page.select_one("[role=main]")
    html = str(main)
    assert "{{" not in html and "style={" not in html and "className" not in html
    # The video: a click-to-load facade with a link, and the text after it is on the page
    # (an unclosed <iframe> would have swallowed it).
    assert main.find("iframe") is None
    assert main.find("a", href=re.compile(r"youtube")) is not None
    after = main.find(string=re.compile("After the video"))
    assert after is not None and after.find_parent("iframe") is None
    centered = main.find("div", class_="margin-vert--md")
    assert centered is not None and "display: flex" in centered["style"]
    text = " ".join(main.get_text(" ").split())
    assert "Community CLI" in text and "Expo" in text
    codes = [code.get_text().strip() for code in main.find_all("code")]
    assert "npx react-native run-android --mode debugOptimized" in codes
    assert "npx expo run:android" in codes
    assert "</TabItem>" not in text and "```" not in text and "blog-code" not in text
    warning = main.select_one(".admonition.warning")
    assert warning is not None and "Upgrade now." in warning.get_text()
    title = warning.select_one(".admonition-title")
    assert title.find("a", href="https://react.dev/blog/cve").get_text() == "CVE-2025-55182"
    # Inside raw HTML too: the image keeps its style, and the HTML block is not cut.
    talk = main.find("img", alt="The talk")
    assert talk is not None and talk["style"] == "flex-shrink: 0; max-width: 200px"
    assert talk.find_parent("div", style="display: flex; gap: 40px") is not None
    assert "The end." in text
    # An unknown component over several lines, indented in raw HTML: named in a warning,
    # and what stands in for its lines is no code block.
    assert "over-lines.mdx:53: WARNING: the component <ImageSwitcher>" in plain(site.warnings)
    assert [pre.get_text() for pre in main.find_all("pre") if "<!" in pre.get_text()] == []
    # Markdown inside HTML elements is Markdown, as MDX reads it.
    caption = main.find("figcaption")
    assert caption.find("a", href="https://www.w3.org/").get_text() == "World Wide Web Consortium"
    assert caption.find("code").get_text() == "onLayout" and "](" not in caption.get_text()
    # A link defined twice: the first definition, no warning (CommonMark's rule).
    assert main.find("a", string="#12")["href"] == "https://example.org/pull/12"
    assert "duplicate" not in site.warnings.lower()


IMPORTED_IMAGES_POST = """---
title: Imported images
---

import preview from './img/preview.png';
import Screenshot from '@theme/Screenshot';

<img className="transparent" src={preview} alt="The preview" />

A line<br></br>and the next.

<Screenshot alt="A diagram" height={591} src="/img/logo.png" width={770} />
"""


def test_imported_images_and_image_components_are_shown(tmp_path):
    # Shapes of tauri-docs' and QuestDB's blogs: an image imported then used as src={x}
    # (was dropped without a word), a site component that only shows an image (was blank),
    # ``<br></br>`` (one break, not two).
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    write(srcdir, "blog/2024-01-03-imported/index.mdx", IMPORTED_IMAGES_POST)
    (srcdir / "blog/2024-01-03-imported/img").mkdir()
    (srcdir / "blog/2024-01-03-imported/img/preview.png").write_bytes(
        (srcdir / "blog/2024-11-28-announcing-lingui-5.0/deps-light.png").read_bytes()
    )
    (srcdir / "static/img").mkdir(parents=True, exist_ok=True)
    (srcdir / "static/img/logo.png").write_bytes(
        (srcdir / "blog/2024-11-28-announcing-lingui-5.0/deps-light.png").read_bytes()
    )
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    main = site.html("blog/2024/01/03/imported.html").select_one("[role=main]")
    preview = main.find("img", alt="The preview")
    assert preview is not None
    assert (site.outdir / "blog/2024/01/03" / preview["src"]).exists()
    diagram = main.find("img", alt="A diagram")
    assert diagram is not None and diagram["src"].endswith("logo.png")
    assert "</br>" not in str(main) and len(main.find_all("br")) == 1
    warnings = plain(site.warnings)
    assert re.search(r"imported/index\.mdx:12: WARNING: the component <Screenshot>", warnings)


def test_check_reports_unknown_components(tmp_path, capsys):
    from sphinx_advocacy_blog.cli.main import main

    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    write(srcdir, "blog/2024-01-01-components/index.mdx", MDX_POST)
    main(["check", str(srcdir)])
    out = capsys.readouterr().out
    assert "TLDR" in out and "blog.mdx" in out


# -- code blocks -----------------------------------------------------------------------


def test_code_titles_ranges_and_magic_comments(real):
    page = real.html(LINGUI)
    captions = [c.get_text().strip("¶") for c in page.select(".code-block-caption")]
    assert captions == [".babelrc", "babel.config.js"]  # Docusaurus's titles
    babel = page.select(".literal-block-wrapper")[1]
    assert len(babel.select(".hll")) == 3  # {5-7}
    rn = real.html(RN)
    assert "highlight-next-line" not in rn.get_text()
    second = rn.select(".literal-block-wrapper")[1]
    assert [line.get_text().strip() for line in second.select(".hll")] == ["<Alerting>"]


def test_prism_languages_and_unknown_ones_need_no_warning(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    write(
        srcdir,
        "blog/2024-01-02-code.md",
        """
        ---
        title: Code
        ---
        ```flow
        const x: ?number = 1;
        ```

        ```hbs
        {{#if ok}}<b>yes</b>{{/if}}
        ```

        ```javascirpt showLineNumbers=5
        typo();
        ```
        """,
    )
    site = build_site(srcdir, freshenv=True)
    assert "highlighting_failure" not in site.warnings and "lexer name" not in site.warnings
    page = site.html("blog/2024/01/02/code.html")
    blocks = page.select("[role=main] div.highlight")
    assert blocks[0].select("span.kd, span.k")  # flow, highlighted as TypeScript
    assert page.select_one(".highlight-text .linenos").get_text().strip() == "5"
    status = site.app._status.getvalue()
    assert status.count("no highlighter knows") == 1 and "javascirpt (1" in status


def test_code_options_language_aliases_default_language_and_magic_comments(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    write(
        srcdir,
        "blog/2024-01-03-options.md",
        """
        ---
        title: Options
        ---
        ```ourscript
        def hello(): pass
        ```

        ```
        def plain(): pass
        ```

        ```js
        ok();
        // this-will-error
        fails();
        ```
        """,
    )
    magic = [{"className": "code-block-error-line", "line": "this-will-error"}]
    site = build_site(
        srcdir,
        freshenv=True,
        blog_code_languages={"ourscript": "python"},
        blog_code_default_language="python",
        blog_code_magic_comments=magic,
    )
    blocks = site.html("blog/2024/01/03/options.html").select("[role=main] div.highlight")
    # blog_code_languages: "ourscript" is highlighted as Python (def is a keyword)
    assert blocks[0].select_one("span.k").get_text() == "def"
    # blog_code_default_language: a fence without a language is Python too
    assert blocks[1].select_one("span.k").get_text() == "def"
    # blog_code_magic_comments: the site's own comment marks the next line, and goes
    assert "this-will-error" not in blocks[2].get_text()
    assert [line.get_text().strip() for line in blocks[2].select(".hll")] == ["fails();"]


# -- routes, authors, tags, images -----------------------------------------------------


def test_blog_at_the_site_root(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    site = build_site(srcdir, freshenv=True, blog_route_base_path="/")
    assert site.exists("forge-v6-release.html")
    assert site.exists("2024/11/28/announcing-lingui-5.0.html")
    assert site.exists("tags/release.html") and site.exists("authors/andrii-bodnar.html")
    assert "Home" in site.html("index.html").get_text()  # the root document stays


def test_author_pages_as_docusaurus_writes_them(real):
    assert real.exists("blog/authors/andrii-bodnar.html")  # page: true
    assert not real.exists("blog/authors/georgexu99.html")  # no page in authors.yml
    # Legacy front matter: author, authorTitle, authorURL.
    page = real.html("blog/2015/03/26/react-native-bringing-modern-web-techniques-to-mobile.html")
    header = page.select_one(".blog-post-header") or page
    assert "Engineering Manager at Facebook" in header.get_text()
    assert header.find("a", href="https://github.com/tomocchino") is not None
    assert not real.exists("blog/authors/tom-occhino.html")


def test_an_author_with_a_page_and_no_post_keeps_the_page(tmp_path):
    # Docusaurus writes /blog/authors/<key> for every authors.yml entry with a page, posts
    # or not: after the move that URL still answers.
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    with (srcdir / "blog" / "authors.yml").open("a", encoding="utf-8") as handle:
        handle.write("NewVolunteer:\n  name: Nadia Volunteer\n  page: true\n")
    site = build_site(srcdir, freshenv=True)
    page = site.html("blog/authors/new-volunteer.html")
    assert "Nadia Volunteer" in page.find("h1").get_text()
    assert page.select("article") == []
    authors = site.html("blog/authors.html")
    assert authors.find("a", href=lambda href: href and "new-volunteer" in href) is not None
    assert not site.exists("blog/authors/georgexu-99.html")  # no page in authors.yml


def test_avatars_next_to_the_authors_file_are_published(tmp_path):
    # tauri-docs' authors.yml: ``image_url: ./author_images/x.jpg`` (beside the file).
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    with (srcdir / "blog" / "authors.yml").open("a", encoding="utf-8") as handle:
        handle.write(
            "nadia:\n  name: Nadia Volunteer\n  page: true\n"
            "  image_url: ./author_images/nadia.png\n"
            "ghost:\n  name: Ghost Writer\n  image_url: ./author_images/ghost.png\n"
            "lost:\n  name: Lost Avatar\n  page: true\n  image_url: /img/team/lost.jpg\n"
        )
    (srcdir / "blog/author_images").mkdir()
    (srcdir / "blog/author_images/nadia.png").write_bytes(
        (srcdir / "blog/2024-11-28-announcing-lingui-5.0/deps-light.png").read_bytes()
    )
    site = build_site(srcdir, freshenv=True, show_warning_types=True)
    avatar = site.html("blog/authors/nadia.html").find("img", class_="blog-author-avatar")
    assert avatar is not None
    published = (site.outdir / "blog/authors" / avatar["src"]).resolve()
    assert published.read_bytes() == (srcdir / "blog/author_images/nadia.png").read_bytes()
    assert re.search(
        r"authors\.yml(:\d+)?: WARNING: author 'ghost': image_url names "
        r"blog/author_images/ghost\.png, which does not exist.*\[blog\.image\]",
        plain(site.warnings),
    ), plain(site.warnings)
    # A root address (Docusaurus's static/img/...) that no static folder has: the warning
    # says where it was looked for, and the author has initials, not a broken picture.
    assert re.search(
        r"author 'lost': image_url names /img/team/lost\.jpg \(looked for in the source "
        r"folder and in static/\), which does not exist, so the author is shown with initials",
        plain(site.warnings),
    ), plain(site.warnings)
    # ... on the line of that image_url.
    lines = (srcdir / "blog" / "authors.yml").read_text(encoding="utf-8").splitlines()
    expected = lines.index("  image_url: /img/team/lost.jpg") + 1
    assert f"authors.yml:{expected}: WARNING: author 'lost'" in plain(site.warnings)
    lost = site.html("blog/authors/lost.html")
    assert lost.find("img", src=re.compile("lost")) is None
    assert lost.select_one(".blog-author-initials").get_text(strip=True) == "LA"


def test_every_author_gets_a_page_when_the_site_opts_in(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    site = build_site(srcdir, freshenv=True, blog_author_pages="all")
    # Named as Docusaurus names them: lodash's kebabCase of the key.
    assert site.exists("blog/authors/georgexu-99.html")
    assert site.exists("blog/authors/verte-dinde.html")


def test_tags_file_permalinks_inline_kebab_case_and_author_overrides(tmp_path):
    srcdir = copy_root("docusaurus-real", tmp_path / "src")
    write(
        srcdir,
        "blog/tags.yml",
        """
        major:
          label: Major release
          permalink: /releases/major
        """,
    )
    write(
        srcdir,
        "blog/2024-01-03-tags.md",
        """
        ---
        title: Tags
        tags: [major, i18n, C++]
        authors:
          - key: andrii-bodnar
            title: Guest editor
        ---
        ![Light](./my%20chart.png#gh-light-mode-only)
        ![Dark](./my%20chart.png#gh-dark-mode-only)
        """,
    )
    (srcdir / "blog" / "my chart.png").write_bytes(
        (srcdir / "blog/2024-11-28-announcing-lingui-5.0/deps-light.png").read_bytes()
    )
    site = build_site(srcdir, freshenv=True)
    assert site.exists("blog/tags/releases/major.html")
    assert site.exists("blog/tags/i-18-n.html") and site.exists("blog/tags/c.html")
    page = site.html("blog/2024/01/03/tags.html")
    assert "Guest editor" in page.get_text() and "Engineering Manager" not in page.get_text()
    images = page.select("[role=main] img")
    assert [image["alt"] for image in images if image["alt"] in ("Light", "Dark")] == ["Light"]
    assert "not readable" not in site.warnings


def test_warnings_name_what_readers_see_only(real):
    warnings = plain(real.warnings)
    assert "myst.header" not in warnings  # H1 to H3 jumps are Docusaurus's convention
    assert "highlighting_failure" not in warnings


def test_build_command_with_a_relative_source_folder(tmp_path):
    copy_root("docusaurus-real", tmp_path / "src")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_advocacy_blog", "build", "src", "out", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "blog" / "forge-v6-release.html").exists()


def test_jsx_in_inline_code_stays_text():
    from sphinx_advocacy_blog.readers.mdx import convert_mdx

    # A line of prettier's 2.0 post.
    line = "parsable as HTML, such as `<Tag value={{a: 'b'}}>test</Tag>`"
    assert convert_mdx([line], path="x.md") == ([line], [])
