"""Shared fixtures: real Sphinx builds of the sites in ``tests/roots/test-*``."""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis.configuration import set_hypothesis_home_dir
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

# Nothing is written into the checkout: Hypothesis keeps its examples and caches in the
# system's temporary folder rather than in ./.hypothesis.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "sphinx-advocacy-blog-hypothesis")

ROOTS = Path(__file__).parent / "roots"
SEEDS = Path(__file__).resolve().parents[1] / "docs" / "blog"
#: The documented setup of each supported theme (tests/test_browser.py, test_lighthouse.py).
THEMES_DOC = Path(__file__).resolve().parents[1] / "docs" / "themes.md"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def read_html(outdir: Path, path: str) -> BeautifulSoup:
    """Parse an output file (``blog/welcome.html``) with BeautifulSoup."""
    return BeautifulSoup((Path(outdir) / path).read_text(encoding="utf-8"), "html.parser")


class Site:
    """A built test site: the app, its output folder and helpers to read pages."""

    def __init__(self, app: Any, warnings: io.StringIO) -> None:
        self.app = app
        self.outdir = Path(app.outdir)
        self.srcdir = Path(app.srcdir)
        self._warnings = warnings

    def html(self, path: str) -> BeautifulSoup:
        return read_html(self.outdir, path)

    def exists(self, path: str) -> bool:
        return (self.outdir / path).exists()

    @property
    def warnings(self) -> str:
        return self._warnings.getvalue()


def theme_snippets(text: str) -> dict[str, str]:
    """The first ``python`` code block under each ``### <theme>`` heading of themes.md."""
    snippets = {}
    for match in re.finditer(r"^### (.+?)\n(.*?)(?=^#{1,3} |\Z)", text, re.M | re.S):
        block = re.search(r"^```python\n(.*?)^```", match.group(2), re.M | re.S)
        if block:
            snippets[match.group(1).strip()] = block.group(1)
    return snippets


def copy_root(root: str, destination: Path) -> Path:
    """Copy ``tests/roots/test-<root>`` to *destination* (if not there yet)."""
    if not destination.exists():
        shutil.copytree(ROOTS / f"test-{root}", destination)
    return destination


def build_site(
    srcdir: Path,
    *,
    buildername: str = "html",
    parallel: int = 0,
    freshenv: bool = False,
    builddir: Path | None = None,
    quiet: bool = False,
    **confoverrides: Any,
) -> Site:
    """Build the Sphinx project in *srcdir* and return the result.

    Output goes to ``<builddir>/<buildername>``, doctrees to ``<builddir>/doctrees``
    (*builddir* defaults to ``<srcdir>/_build``).
    """
    warnings = io.StringIO()
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=builddir or srcdir / "_build",
        confoverrides=confoverrides or None,
        status=None if quiet else io.StringIO(),
        verbosity=-1 if quiet else 0,  # Sphinx's test app: -1 is ``sphinx-build -q``
        warning=warnings,
        freshenv=freshenv,
        parallel=parallel,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Site(app, warnings)


@pytest.fixture
def build(tmp_path: Path):
    """Build a fresh copy of a test root: ``build("docusaurus", buildername="html", **conf)``."""

    def _build(root: str, **options: Any) -> Site:
        srcdir = copy_root(root, tmp_path / root)
        return build_site(srcdir, **options)

    return _build


@pytest.fixture(scope="session")
def docusaurus_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The 12-post Docusaurus test blog, built once for the whole run (html builder).

    Tests only read its output."""
    srcdir = copy_root("docusaurus", tmp_path_factory.mktemp("docusaurus") / "src")
    return build_site(srcdir, freshenv=True)


@pytest.fixture(scope="session")
def seo_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The SEO test site (tests/roots/test-seo), built once for test_seo and test_sitemap."""
    srcdir = copy_root("seo", tmp_path_factory.mktemp("seo") / "src")
    return build_site(srcdir, freshenv=True, show_warning_types=True)


IGNORED = {".doctrees", "doctrees", ".buildinfo"}


def tree(outdir: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(outdir.rglob("*")):
        relative = path.relative_to(outdir)
        if path.is_file() and not IGNORED & set(relative.parts):
            files[relative.as_posix()] = path.read_bytes()
    return files


def _search_index(data: bytes) -> dict:
    """The search index without terms that no document has any more.

    Sphinx keeps a vanished word in an incremental build's index with an empty document
    list (upstream behaviour, harmless for search); a clean build has no entry for it.
    """
    text = data.decode("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for key in ("terms", "titleterms"):
        index[key] = {term: docs for term, docs in index[key].items() if docs != []}
    return index


def assert_same_output(incremental: Path, clean: Path) -> None:
    left, right = tree(incremental), tree(clean)
    assert _search_index(left.pop("searchindex.js")) == _search_index(right.pop("searchindex.js"))
    assert sorted(left) == sorted(right), "different files"
    different = [name for name in left if left[name] != right[name]]
    assert different == [], f"files differ: {different[:10]}"


@pytest.fixture(scope="session")
def privacy_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The privacy test site (tests/roots/test-privacy: embeds, remote media, a Cyrillic
    title, a ``cta``), default options, built once for test_privacy and
    test_share_cards_cta. Tests only read its output."""
    srcdir = copy_root("privacy", tmp_path_factory.mktemp("privacy") / "src")
    return build_site(srcdir, freshenv=True, show_warning_types=True)
