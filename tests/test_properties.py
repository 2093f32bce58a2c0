"""Property-based tests: the pure readers never fail on any input, they only warn."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_advocacy_blog.model.post import Post
from sphinx_advocacy_blog.model.problem import Problem
from sphinx_advocacy_blog.readers.datafiles import parse_authors_file, parse_tags_file
from sphinx_advocacy_blog.readers.docusaurus import read_post
from sphinx_advocacy_blog.readers.location import peek_post
from sphinx_advocacy_blog.readers.markdown import convert_body
from sphinx_advocacy_blog.readers.safe_yaml import BlogSafeLoader, _load_fast
from sphinx_advocacy_blog.readers.settings import ReadSettings
from sphinx_advocacy_blog.seo.headtags import link, merge_layers, meta

# A fixed number of examples and a fixed seed, so CI runs the same cases every time.
FIXED = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

KEYS = st.sampled_from(
    [
        "title", "slug", "date", "authors", "author", "tags", "image", "draft", "unlisted",
        "description", "keywords", "category", "group", "time_to_read_in_minutes", "views",
        "aliases", "last_update", "pinned", "schema_type", "blogpost", "sidebar_label",
        "author_url", "author_image_url", "hide_table_of_contents", "title_meta", "x",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), st.timezones())),
    st.sampled_from(["2022-13-45", "javascript:alert(1)", "../../etc", "no", "on", "<script>"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(KEYS, st.text(max_size=8)), children, max_size=4),
    ),
    max_leaves=12,
)
FRONT_MATTER = st.dictionaries(KEYS, VALUES, max_size=10)
BODY_LINES = st.sampled_from(
    [
        "", "# Heading", "## Sub", ":::note", ":::tip[Title]", ":::", "<!-- truncate -->",
        "{/* truncate */}", "<head>", "</head>", '<meta name="description" content="x" />',
        "```", "~~~", "import X from 'y';", "<div>", "</div>", "---", "+++", "text &emsp;",
        "![img](./a.png)", "[link](javascript:alert(1))", "\ufeff", "\r", "\x00",
    ]
)  # fmt: skip
PATHS = st.sampled_from(
    ["x.md", "2022-07-3-welcome/index.md", "2021/05/28/a.mdx", "../../evil.md", "a b/ç.md"]
)


def _dump(metadata: dict) -> str:
    try:
        return yaml.safe_dump(metadata, allow_unicode=True, default_flow_style=False)
    except yaml.YAMLError:
        return "title: fallback\n"


def _check(parsed) -> None:
    assert isinstance(parsed.post, Post)
    assert all(isinstance(problem, Problem) for problem in parsed.problems)
    assert parsed.post.permalink.startswith("blog")
    assert ".." not in parsed.post.permalink.split("/")
    assert parsed.post.reading_minutes >= 1
    assert isinstance(parsed.myst_text, str)


@FIXED
@given(metadata=FRONT_MATTER, lines=st.lists(BODY_LINES, max_size=20), path=PATHS)
def test_read_post_never_raises_on_any_front_matter_and_body(metadata, lines, path):
    text = "---\n" + _dump(metadata) + "---\n" + "\n".join(lines)
    parsed = read_post("blog/" + path, path, text, ReadSettings())
    _check(parsed)
    peek_post(path, text, ReadSettings(url_pattern="/posts/{year}/{slug}"))


@FIXED
@given(text=st.text(max_size=400), path=PATHS)
def test_read_post_never_raises_on_arbitrary_text(text, path):
    _check(read_post("blog/" + path, path, text, ReadSettings(), fallback_date=_now))
    _check(read_post("blog/" + path, path, "---\n" + text, ReadSettings(), fallback_date=_now))


@FIXED
@given(text=st.text(max_size=400))
def test_body_conversion_keeps_the_line_count(text):
    text = text.replace("\r", "")
    assert convert_body(text).text.count("\n") == text.count("\n")


@FIXED
@given(data=st.dictionaries(st.text(max_size=10), VALUES, max_size=6))
def test_data_files_never_raise(data):
    text = _dump(data)
    for parser in (parse_authors_file, parse_tags_file):
        records, problems = parser(text, "blog/x.yml")
        assert isinstance(records, dict)
        assert all(isinstance(problem, Problem) for problem in problems)


def _now() -> dt.datetime:
    return dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def _pure_load(text: str):
    """The pure-Python loader alone, as load_yaml uses it for text with anchors."""
    loader = BlogSafeLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def _same(left, right) -> bool:
    # NaN != NaN, so compare the texts of the values.
    return repr(left) == repr(right)


@FIXED
@given(data=st.one_of(FRONT_MATTER, VALUES))
def test_libyaml_fast_path_reads_front_matter_like_the_pure_loader(data):
    text = _dump(data)
    fast = _load_fast(text, 2)
    if "&" in text:  # anchors always take the pure loader, which caps aliases
        assert fast is None
        return
    assert fast is not None, "libyaml should read what PyYAML dumped"
    assert _same(fast[0], _pure_load(text))


@FIXED
@given(text=st.text(max_size=200))
def test_libyaml_fast_path_agrees_with_the_pure_loader_or_steps_aside(text):
    fast = _load_fast(text, 1)
    if fast is None:
        return
    assert _same(fast[0], _pure_load(text))


_META_NAMES = st.sampled_from(
    ["og:image", "og:image:alt", "og:image:width", "twitter:image", "twitter:image:alt",
     "article:tag", "description", "og:title", "twitter:card"]
)  # fmt: skip
_HEAD_TAGS = st.one_of(
    st.builds(lambda name, content: meta(name, content), _META_NAMES, st.sampled_from("ab")),
    st.builds(
        lambda rel, href: link(rel, href), st.sampled_from(["canonical", "icon"]), st.just("u")
    ),
)


def _identity(tag) -> str:
    """``meta og:image``, ``link canonical``: what makes two tags the same tag."""
    attributes = dict(tag.attributes)
    if tag.tag == "meta":
        return "meta " + (attributes.get("property") or attributes.get("name"))
    return "link " + attributes["rel"]


def _replaced_by(new: set[str], old: str) -> bool:
    """The replacement rule as docs/seo.md states it, written out independently."""
    if old in new:
        return True
    if "meta og:image" in new and old.startswith(("meta og:image:", "meta twitter:image")):
        return True
    return "meta twitter:image" in new and old.startswith("meta twitter:image:")


def _expected_merge(layers) -> list:
    """A reference model of merging: within a layer the last of a name wins (every
    ``article:tag`` stays); a later layer drops every earlier tag its tags replace."""
    result: list[tuple[str, object]] = []
    for layer in layers:
        names = [_identity(tag) for tag in layer]
        last = {name: index for index, name in enumerate(names)}
        kept = [
            (name, tag)
            for index, (name, tag) in enumerate(zip(names, layer))
            if name == "meta article:tag" or last[name] == index
        ]
        new = {name for name, _tag in kept}
        result = [(name, tag) for name, tag in result if not _replaced_by(new, name)]
        result.extend(kept)
    return [tag for _name, tag in result]


def test_merging_head_tag_layers_examples():
    site = [
        meta("og:image", "site.png"),
        meta("og:image:width", "1200"),
        meta("twitter:image", "s"),
    ]
    post = [meta("og:image", "post.png"), meta("article:tag", "a"), meta("article:tag", "b")]
    assert merge_layers(site, post) == post
    assert merge_layers(
        [meta("twitter:image:alt", "x"), meta("og:title", "t")], [meta("twitter:image", "y")]
    ) == [
        meta("og:title", "t"),
        meta("twitter:image", "y"),
    ]
    assert merge_layers([meta("description", "a"), meta("description", "b")]) == [
        meta("description", "b")
    ]
    assert merge_layers([link("canonical", "a"), link("icon", "i")], [link("canonical", "b")]) == [
        link("icon", "i"),
        link("canonical", "b"),
    ]  # fmt: skip


@FIXED
@given(st.lists(st.lists(_HEAD_TAGS, max_size=6), max_size=4))
def test_merging_head_tag_layers_follows_the_replacement_rule(layers):
    """merge_layers agrees with the reference model above on any layers."""
    assert merge_layers(*layers) == _expected_merge(layers)


def test_hypothesis_keeps_its_files_outside_the_checkout():
    from pathlib import Path

    from hypothesis.configuration import storage_directory

    checkout = Path(__file__).resolve().parents[1]
    where = storage_directory("examples", intent_to_write=False).path.resolve()
    assert checkout not in where.parents


_LINE_PARTS = st.sampled_from(
    ["word", " ", "  ", "    ", "\t", "#", "## Title", "{#an-id}", "{/* x */}", "/*", "*/",
     "```", "~~~", "```js", ">", "> ", ":::", ":::note", ":::tip[Title]", "<head>", "</head>",
     "<!-- truncate -->", "{/* truncate */}", "import x from 'y'", "export const a = 1",
     "<Tabs>", "- item", "1. step", "[link](/x)", "![alt](img.png)", "{' '}", "é", ""]
)  # fmt: skip


@FIXED
@given(
    lines=st.lists(st.lists(_LINE_PARTS, max_size=4).map("".join), max_size=25),
    mdx=st.booleans(),
)
def test_plain_lines_fast_path_changes_no_conversion(lines, mdx):
    """Lines told plain at a glance come out as every rule, tried in turn, leaves them."""
    from unittest import mock

    import sphinx_advocacy_blog.readers.markdown as markdown

    text = "\n".join(lines)
    fast = convert_body(text, mdx=mdx)
    with mock.patch.object(markdown, "_is_plain", lambda line, mdx: False):
        slow = convert_body(text, mdx=mdx)
    assert fast == slow


_WORDY_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("ab9 _'’-.,\t\n\u00a0\u2003é")),
        st.characters(codec="utf-8"),
    ),
    max_size=120,
)


@FIXED
@given(text=_WORDY_TEXT)
def test_word_count_fast_path_counts_what_the_pattern_matches(text):
    """Counting token by token gives the pattern's count over the whole text."""
    from sphinx_advocacy_blog.readers.markdown import _WORD, word_count

    assert word_count(text) == len(_WORD.findall(text))


def test_word_count_examples():
    from sphinx_advocacy_blog.readers.markdown import word_count

    assert word_count("Don't stop state-of-the-art work_flow, 2025 — «Київ» ") == 10
