"""Pure readers in sources/: strings in, records out, no Sphinx."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sphinx_advocacy_blog.readers.datafiles import parse_authors_file, parse_tags_file
from sphinx_advocacy_blog.readers.docusaurus import read_post
from sphinx_advocacy_blog.readers.frontmatter import split_source
from sphinx_advocacy_blog.readers.location import locate_post
from sphinx_advocacy_blog.readers.markdown import TITLE_PLACEHOLDER, convert_body
from sphinx_advocacy_blog.readers.paths import parse_post_path, post_permalink
from sphinx_advocacy_blog.readers.safe_yaml import YamlProblem, load_yaml
from sphinx_advocacy_blog.readers.settings import ReadSettings
from sphinx_advocacy_blog.util.slugs import clean_url_path, slugify
from sphinx_advocacy_blog.util.urls import safe_url

DOCS_BLOG = Path(__file__).resolve().parents[1] / "docs" / "blog"


@pytest.mark.parametrize(
    ("path", "expected_date", "permalink"),
    [
        ("2022-07-3-welcome/index.md", date(2022, 7, 3), "blog/2022/07/3/welcome"),
        ("2022-07-03-welcome.md", date(2022, 7, 3), "blog/2022/07/03/welcome"),
        ("2021/05/28/text.md", date(2021, 5, 28), "blog/2021/05/28/text"),
        ("2021/05/28/text/index.mdx", date(2021, 5, 28), "blog/2021/05/28/text"),
        # A folder named by its date alone: Docusaurus keeps the ``index`` in the URL.
        ("2024-04-01/index.md", date(2024, 4, 1), "blog/2024/04/01/index"),
        ("2024/04/01/index.mdx", date(2024, 4, 1), "blog/2024/04/01/index"),
        ("2024-04-01.md", date(2024, 4, 1), "blog/2024/04/01"),
        ("2024-04-01-/index.md", date(2024, 4, 1), "blog/2024/04/01"),
        ("news/2024-04-01-x/index.md", date(2024, 4, 1), "blog/2024/04/01/news/x"),
        ("hello-world.md", None, "blog/hello-world"),
        ("hello/index.md", None, "blog/hello"),
        ("2022-13-45-bad.md", None, "blog/2022-13-45-bad"),
        # The separator after the date is optional (moonrepo/moon: 118 of 119 posts).
        ("2022-09-01_v0.13.mdx", date(2022, 9, 1), "blog/2022/09/01/_v0.13"),
        ("2022-07-31welcome.md", date(2022, 7, 31), "blog/2022/07/31/welcome"),
    ],
)
def test_path_dates_and_permalinks(path, expected_date, permalink):
    info = parse_post_path(path)
    assert info.date == expected_date
    assert post_permalink("blog", info, None) == permalink


def test_slug_wins_and_is_relative_to_the_route():
    info = parse_post_path("2022-07-3-welcome/index.md")
    assert post_permalink("blog", info, "welcome") == "blog/welcome"
    assert post_permalink("blog", info, "/welcome") == "blog/welcome"
    assert post_permalink("news", info, "a/b") == "news/a/b"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd", "etc/passwd"),
        ("a\\..\\b", "a/b"),
        ("/abs/path/", "abs/path"),
        ("with space & <script>", "with-space-script"),
        ("..", ""),
        ("Ünïcode-слаг", "Ünïcode-слаг"),
    ],
)
def test_clean_url_path_never_escapes(raw, clean):
    assert clean_url_path(raw) == clean


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Captive Nations", "captive-nations"),
        ("CaptiveNations", "captive-nations"),
        ("Права человека", "права-человека"),
        ("C++ & Rust!", "c-rust"),
    ],
)
def test_slugify(label, slug):
    assert slugify(label) == slug


def test_yaml_keeps_no_and_on_as_strings_and_rejects_python_tags():
    data, lines = load_yaml("tags: [no, on, yes]\nlanguage: no\ndraft: true\n")
    assert data == {"tags": ["no", "on", "yes"], "language": "no", "draft": True}
    assert lines == {"tags": 1, "language": 2, "draft": 3}
    with pytest.raises(YamlProblem):
        load_yaml("x: !!python/object/apply:os.system ['echo hi']\n")


def test_yaml_alias_bomb_is_refused_with_a_line():
    bomb = "k0: &k0 [x, x]\n" + "".join(f"k{i + 1}: &k{i + 1} [*k{i}, *k{i}]\n" for i in range(30))
    with pytest.raises(YamlProblem) as error:
        load_yaml(bomb, first_line=2)
    assert "aliases" in error.value.message
    assert error.value.line and error.value.line > 2


def test_yaml_with_control_characters_is_a_problem_not_a_crash():
    with pytest.raises(YamlProblem):
        load_yaml("title: a\x7fb\n")


def test_yaml_error_points_at_the_file_line():
    with pytest.raises(YamlProblem) as error:
        load_yaml('title: "unclosed\nother: 1\n', first_line=2)
    assert error.value.line is not None and error.value.line >= 2


def test_front_matter_without_closing_fence_is_a_problem_not_a_crash():
    split = split_source("---\ntitle: x\n\nBody text.\n", "p.md")
    assert split.metadata == {}
    assert split.problems[0].subtype == "frontmatter"
    assert split.problems[0].line == 1


def test_toml_front_matter():
    split = split_source('+++\ntitle = "Hugo post"\ndate = 2022-11-23\n+++\nBody\n', "p.md")
    assert split.metadata["title"] == "Hugo post"
    assert split.key_lines["date"] == 3


def test_converted_body_keeps_line_numbers():
    body = "\n".join(
        [
            "<head>",
            '  <meta name="description" content="d" />',
            "  <title>T</title>",
            "</head>",
            ":::tip[Get involved]",
            "Text",
            ":::",
            "{/* truncate */}",
            "```",
            ":::note inside code",
            "```",
            ":::info Some title",
            "x",
            ":::",
        ]
    )
    converted = convert_body(body, first_line=5)
    lines = converted.text.split("\n")
    assert len(lines) == len(body.split("\n"))
    assert lines[:4] == ["", "", "", ""]
    assert lines[4] == ":::{blog-tip} Get involved"
    assert lines[7] == "<!-- truncate -->"
    assert lines[9] == ":::note inside code"  # code stays code
    assert lines[11] == ":::{blog-info} Some title"
    assert converted.head_line == 5
    assert [tag.tag for tag in converted.head_tags] == ["meta", "title"]
    assert converted.head_tags[1].text == "T"
    assert converted.has_truncate_marker


def test_jsx_comments_go_but_not_from_inline_code():
    converted = convert_body(
        "Use `{/* prettier-ignore */}` here {/* a note */}.\n"
        "Mark it with ``{/* truncate */}`` and `a` {/* b */} `c`.\n"
        "Text {/* a comment with `code` in it */} end, one ` tick {/* c */}.\n"
    )
    assert converted.text.split("\n")[:3] == [
        "Use `{/* prettier-ignore */}` here .",
        "Mark it with ``{/* truncate */}`` and `a`  `c`.",
        "Text  end, one ` tick .",
    ]


def test_markdown_inside_raw_html_is_rendered_as_mdx_does_but_not_in_pre():
    body = (
        "<figure>\n"
        "  <figcaption>\n"
        '    Source: [W3C](https://www.w3.org/ "The W3C") & `a<b` **now**\n'
        "  </figcaption>\n"
        "</figure>\n"
        "\n"
        "<div>\n"
        "<pre>\n"
        "keep [x](y) **as is**\n"
        "</pre>\n"
        "after [y](z)\n"
        "![a picture](./x.png) stays\n"
        "</div>\n"
        "\n"
        "Outside HTML: [a](b) stays Markdown.\n"
    )
    lines = convert_body(body).text.split("\n")
    assert lines[2] == (
        '    Source: <a href="https://www.w3.org/" title="The W3C">W3C</a> &amp; '
        "<code>a&lt;b</code> <strong>now</strong>"
    )
    assert lines[8] == "keep [x](y) **as is**"
    assert lines[10] == 'after <a href="z">y</a>'
    assert lines[11] == "![a picture](./x.png) stays"
    assert lines[14] == "Outside HTML: [a](b) stays Markdown."


def test_markdown_in_raw_html_beside_inline_code_and_after_a_tag_over_lines():
    body = (
        "<div>\n"
        "<code>x</code> then [a link](https://d.example/) and **bold**\n"
        "<a\n"
        '  href="https://e.example/">A1</a> and *emphasis*\n'
        "a <code>[not](this)</code> b [yes](y) <code>open [still](code)\n"
        "</div>\n"
    )
    lines = convert_body(body).text.split("\n")
    assert lines[1] == (
        '<code>x</code> then <a href="https://d.example/">a link</a> and <strong>bold</strong>'
    )
    assert lines[2] == '<a href="https://e.example/">A1</a> and <em>emphasis</em>'
    assert lines[4] == 'a <code>[not](this)</code> b <a href="y">yes</a> <code>open [still](code)'


def test_a_link_definition_defined_again_is_blanked_the_first_wins():
    body = (
        "See [#3930] and [@Onur].\n\n"
        "[#3930]: https://example.org/1\n"
        "[@onur]: https://example.org/2\n"
        "[#3930]: https://example.org/3\n"
        "[@ONUR]:  https://example.org/4\n"
        "\n"
        "A paragraph\n"
        "[#3930]: https://example.org/5\n"
    )
    lines = convert_body(body).text.split("\n")
    assert lines[2:6] == [
        "[#3930]: https://example.org/1",
        "[@onur]: https://example.org/2",
        "",
        "",
    ]
    # Inside a paragraph it is text, not a definition: left as written.
    assert lines[8] == "[#3930]: https://example.org/5"


def test_hugo_more_marker_is_a_truncate_marker():
    converted = convert_body("Intro\n\n<!--more-->\n\nRest\n")
    assert converted.has_truncate_marker
    assert "<!-- truncate -->" in converted.text


def test_mdx_import_export_lines_are_blanked():
    converted = convert_body("import X from 'y';\nexport const a = 1;\nText\n", mdx=True)
    assert converted.text.split("\n")[:3] == ["", "", "Text"]


def test_reading_time_ignores_code_and_html():
    words = " ".join(["word"] * 401)
    code = " ".join(["code"] * 1000)
    text = f"---\ntitle: T\n---\n{words}\n\n```\n{code}\n```\n<div class='x y z'></div>\n"
    parsed = read_post("blog/x.md", "x.md", text, ReadSettings())
    assert parsed.post.word_count == 401
    assert parsed.post.reading_minutes == 3


def test_hugo_seed_front_matter():
    text = (DOCS_BLOG / "russia-is-doomed-to-suppress-non-russian-peoples.md").read_text()
    parsed = read_post(
        "blog/russia.md", "russia.md", text, ReadSettings(), fallback_date=lambda: 1 / 0
    )
    post = parsed.post
    assert parsed.problems == []
    assert post.title.startswith("Russia is doomed")
    assert post.description.startswith("We believe helping us")
    assert post.published == datetime(2022, 11, 23, 16, 56, 47, tzinfo=timezone(timedelta(hours=6)))
    assert post.has_time
    assert [a.name for a in post.authors] == ["Albert Sharapov"]
    assert post.reading_minutes == 3
    assert post.category == "News" and post.group == "Archived"
    assert [t.label for t in post.tags] == ["Oirats", "Kalmyks", "Captive Nations"]
    assert post.image == "/images/posts/philadelphia_rally.jpg"
    assert post.views == 240
    assert ("views", 240) not in post.extra  # known key, kept as data on the Post
    assert post.permalink == "blog/russia"


def test_docusaurus_seed_front_matter():
    text = (DOCS_BLOG / "2023-01-21-captive-nations-action" / "index.md").read_text()
    parsed = read_post(
        "blog/2023-01-21-captive-nations-action/index.md",
        "2023-01-21-captive-nations-action/index.md",
        text,
        ReadSettings(),
    )
    post = parsed.post
    assert post.permalink == "blog/captive-nations-action-january2023"
    assert post.published.date() == date(2023, 1, 21) and not post.has_time
    assert (
        post.image == "blog/2023-01-21-captive-nations-action/philadelphia_action_january2023.jpg"
    )
    assert post.author_keys == ("freenationsleague",)
    assert {tag.tag for tag in post.head_tags} == {"title", "meta"}
    assert "<head>" not in parsed.myst_text
    assert parsed.myst_text.startswith(f"# {TITLE_PLACEHOLDER}\n")
    assert parsed.myst_text.count("\n") == text.count("\n")


def test_bad_values_warn_with_lines_and_the_post_survives():
    text = "\n".join(
        [
            "---",
            "title: T",
            "date: 2022-13-45",
            "tags: a, b",
            "authors: [7]",
            "image: javascript:alert(1)",
            "draft: true",
            "unlisted: true",
            "---",
            "Body",
        ]
    )
    parsed = read_post("blog/2021-01-2-x.md", "2021-01-2-x.md", text, ReadSettings())
    problems = {(p.subtype, p.line) for p in parsed.problems}
    assert ("date", 3) in problems
    assert ("tags", 4) in problems
    assert ("author", 5) in problems
    assert ("url", 6) in problems
    assert ("draft", 8) in problems
    post = parsed.post
    assert post.published.date() == date(2021, 1, 2)  # fell back to the path date
    assert [t.label for t in post.tags] == ["a", "b"]
    assert post.image == ""


def test_locate_post_reads_slug_and_draft_cheaply():
    assert locate_post("2022-07-3-x/index.md", "---\nslug: hi\ndraft: true\n---\n", "blog") == (
        "blog/hi",
        True,
    )
    assert locate_post("2022-07-3-x/index.md", "no front matter", "blog") == (
        "blog/2022/07/3/x",
        False,
    )


def test_authors_file_with_socials_and_bad_urls():
    authors, problems = parse_authors_file(
        "a:\n  name: A\n  url: javascript:alert(1)\n  socials:\n    x: handle\n"
        "    mastodon: '@me@example.social'\n    github: https://github.com/a\n"
        "b: not-a-mapping\n",
        "blog/authors.yml",
    )
    assert dict(authors["a"].socials) == {
        "x": "https://x.com/handle",
        "mastodon": "https://example.social/@me",
        "github": "https://github.com/a",
    }
    assert authors["a"].url == ""
    assert {p.subtype for p in problems} == {"url", "authors"}
    assert all(p.line for p in problems)


def test_authors_socials_docusaurus_turns_into_links():
    # Docusaurus 3.10's authorsSocials: email, twitch and a bare Mastodon handle (found in
    # a real blog's authors.yml; they were dropped with a blog.url warning).
    authors, problems = parse_authors_file(
        "a:\n  name: A\n  socials:\n    email: ana@example.org\n    twitch: ana\n"
        "    mastodon: ana\n",
        "blog/authors.yml",
    )
    assert dict(authors["a"].socials) == {
        "email": "mailto:ana@example.org",
        "twitch": "https://twitch.tv/ana",
        "mastodon": "https://mastodon.social/@ana",
    }
    assert problems == []


def test_tags_file():
    tags, problems = parse_tags_file(
        "freedom:\n  label: Press Freedom\n  description: d\nother: {}\n", "blog/tags.yml"
    )
    assert tags["freedom"].permalink == "freedom"
    assert tags["freedom"].label == "Press Freedom"
    # Docusaurus's label for a tag without one: lodash's capitalize of its key.
    assert tags["other"].label == "Other"
    assert problems == []


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/x", True),
        ("mailto:a@b.c", True),
        ("./img.png", True),
        ("/img/x.png", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("vbscript:x", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("\\\\evil.example/x", False),
    ],
)
def test_safe_url(url, safe):
    assert (safe_url(url) is not None) is safe


def test_data_image_only_when_allowed():
    url = "data:image/png;base64,iVBORw0KGgo="
    assert safe_url(url) is None
    assert safe_url(url, allow_data_image=True) == url


def test_yaml_fast_and_pure_paths_give_the_same_values_and_lines():
    text = "title: T\ndraft: no\ndate: 2022-13-45\nwhen: 2021-03-04 10:00:00+02:00\ntags: [a, b]\n"
    fast = load_yaml(text, first_line=2)
    pure = load_yaml(text + "anchor: &a 1\n", first_line=2)  # '&' takes the pure loader
    assert fast[0] == {key: value for key, value in pure[0].items() if key != "anchor"}
    assert fast[0]["draft"] == "no" and fast[0]["date"] == "2022-13-45"
    assert fast[1] == {"title": 2, "draft": 3, "date": 4, "when": 5, "tags": 6}


@pytest.mark.parametrize(
    ("closing", "read"),
    [
        ("---", True),
        ("---------------", True),  # longer than the opening fence (MyST: closes)
        ("...", True),  # YAML's document end (MyST: closes)
        ("--", False),  # shorter: a line of the front matter
        ("--- x", False),
    ],
)
def test_what_closes_yaml_front_matter(closing, read):
    split = split_source(f"---\ntitle: T\n{closing}\nbody\n", "p.md")
    assert (split.metadata == {"title": "T"}) is read


def test_a_post_without_title_or_heading_is_titled_by_its_file_name_as_written():
    # facebook/flow: 2015-07-29-Version-0.14.0.md is "Version-0.14.0" on Docusaurus.
    parsed = read_post(
        "blog/2015-07-29-Version-0.14.0.md",
        "2015-07-29-Version-0.14.0.md",
        "---\nauthors: [x]\n---\n\nRelease notes.\n",
        ReadSettings(),
    )
    assert parsed.post.title == "Version-0.14.0"
