"""Fuzzing the whole front matter schema and the data files: no input stops the build.

Hypothesis draws front matter for one post (every key the readers know, with values of
every YAML kind: hostile strings, huge and non-finite numbers, nested lists and mappings,
dates), an ``authors.yml`` and a ``tags.yml``, beside a well-formed post. Each draw is built
as a real site, which must finish, write nothing outside its output folder, still publish
the good post, and carry no script that the site did not put there. The seed is fixed
(``derandomize``) and no example database is written, so every run tries the same inputs.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_advocacy_blog.readers.docusaurus import KNOWN_KEYS

HOSTILE_TEXT = st.sampled_from(
    [
        "",
        " ",
        "..",
        "../../../../tmp/fuzz-escape",
        "/etc/passwd",
        "a/b/../../../c",
        "C:\\Windows\\x",
        "con",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "{{ 7*7 }}",
        "\x00nul",
        "\x0cform feed",
        "\ud800",
        "é" * 300,
        "a" * 400,
        "archive",
        "tags/x",
        "rss.xml",
        "/genindex",
        "😀 emoji",
        "https://example.org/x.png",
        "./missing.png",
    ]
)
SCALARS = st.one_of(
    HOSTILE_TEXT,
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(HOSTILE_TEXT, children, max_size=4)
    ),
    max_leaves=8,
)
FRONT_MATTER = st.dictionaries(st.sampled_from(sorted(KNOWN_KEYS | {"url", "event"})), VALUES)
DATA_FILE = st.dictionaries(HOSTILE_TEXT, VALUES, max_size=4)

CONF = (
    'project = "Fuzz"\nextensions = ["myst_parser", "sphinx_advocacy_blog"]\n'
    'html_baseurl = "https://example.org/"\n'
)
GOOD = "---\ntitle: Good post\ndate: 2020-01-01\n---\nThe good body.\n"


def _dump(data: object) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, UnicodeEncodeError, ValueError):
        return yaml.safe_dump(repr(data))


INJECTED_SCRIPT = re.compile(r"<script[^>]*>[^<]*alert\(1\)")
INJECTED_HANDLER = re.compile(r"<img[^>]*\sonerror\s*=", re.IGNORECASE)
LIVE_JAVASCRIPT = re.compile(r"(?:href|src)\s*=\s*[\"']?\s*javascript:", re.IGNORECASE)


@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(front=FRONT_MATTER, authors=DATA_FILE, tags=DATA_FILE)
def test_no_front_matter_or_data_file_stops_the_build(front, authors, tags):
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        outside = base / "outside"
        outside.mkdir()
        srcdir = base / "site"
        (srcdir / "blog").mkdir(parents=True)
        (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
        (srcdir / "index.md").write_text("# Home\n", encoding="utf-8")
        (srcdir / "blog" / "2020-01-01-good.md").write_text(GOOD, encoding="utf-8")
        fuzzed = f"---\n{_dump(front)}---\nFuzzed body <!-- truncate --> text.\n"
        (srcdir / "blog" / "2021-02-03-fuzzed.md").write_text(fuzzed, encoding="utf-8")
        (srcdir / "blog" / "authors.yml").write_text(_dump(authors), encoding="utf-8")
        (srcdir / "blog" / "tags.yml").write_text(_dump(tags), encoding="utf-8")
        app = SphinxTestApp(
            "html",
            srcdir=srcdir,
            builddir=srcdir / "_build",
            status=io.StringIO(),
            warning=io.StringIO(),
            freshenv=True,
        )
        try:
            app.build()
        finally:
            app.cleanup()
        outdir = Path(app.outdir)
        assert list(outside.iterdir()) == [], "a file was written outside the output"
        assert sorted(p.name for p in base.iterdir()) == ["outside", "site"]
        good = outdir / "blog" / "2020" / "01" / "01" / "good.html"
        assert "The good body." in good.read_text(encoding="utf-8")
        for page in outdir.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            # Front matter is data: none of it may become markup or a live URL.
            assert INJECTED_SCRIPT.search(text) is None, page
            assert INJECTED_HANDLER.search(text) is None, page
            assert LIVE_JAVASCRIPT.search(text) is None, page
        shutil.rmtree(srcdir / "_build", ignore_errors=True)
