"""Lighthouse and the Nu HTML checker on a phone: the measurements of issue #19.

The phone test blog ``tests/roots/test-phone`` (two posts with a cover photo and a large photo
in the body, headings, a table and code; an author with an avatar) is built with furo's
documented setup from ``docs/themes.md`` and served on 127.0.0.1 at the site root as static
hosts serve it (text gzipped), with ``html_baseurl`` set to that address so that canonical
links, ``robots.txt`` and the sitemap are those of a deployed site. The photos are JPEGs of
the weight of real photos, made with Pillow from a fixed seed into the temporary copy of the
root (nothing binary in the repository, nothing written into the checkout).

Every page kind (``PAGES``: blog index, a tag page, an author page, the archive, two posts)
is measured:

- by Lighthouse 12 with its default configuration, the mobile one (a phone's screen, simulated
  slow 4G and a 4x slower CPU: ``--form-factor=mobile --throttling-method=simulate``), in
  Debian's Chromium (``CHROME_PATH``, default ``/usr/bin/chromium``, flags
  ``--headless=new --no-sandbox --disable-gpu`` and a host resolver rule that keeps it off
  the network). Each page is measured ``BLOG_LIGHTHOUSE_RUNS`` times (default 3) and the
  median of each value is kept: performance, accessibility, SEO and best-practices scores,
  LCP, CLS, and the audits that cost points;
- by the Nu HTML checker (``java -jar vnu.jar --format json``) on the built HTML files. Each
  error or warning is attributed, from its position in the file, to *ours* (inside an element
  with a ``blog-*`` class, in the head tags the extension adds, or anywhere in the body of a
  page the extension generates), *content* (the body of a post, and the excerpts of posts on
  the list pages: the post's document as Sphinx renders it, including the title section that
  our transform makes from the front matter) or *theme* (everything else).

The targets of issue #19 are asserted: performance >= 95, accessibility 100, SEO 100,
LCP <= 2.5 s, and no vnu error or warning from our markup (those of the theme and of the
content are printed and allowed). The targets the current code misses are listed in
``KNOWN_MISSES`` / ``KNOWN_VNU_MISSES`` with the value measured and run as
``xfail(strict=True)``: the suite stays green today, and a fix that reaches a target turns
its entry into an unexpected pass, a failure, until the entry is removed.

``python -m pytest -m lighthouse -s`` prints the table of measured values and the vnu
messages; the Lighthouse reports (JSON) and the table are saved under pytest's temporary
folder (``<basetemp>/lighthouse0/``), whose path is printed too.

Nothing is installed at test time; without the tools the tests are skipped with the reason.
``.ci/run`` installs them, and so can a developer::

    apt-get install chromium nodejs npm default-jre-headless   # Java 11+ for vnu
    npm install --prefix ~/.cache/advocacy-blog-tools --no-audit --no-fund \\
        lighthouse@12.8.2 vnu-jar@26.9.27

Lighthouse 13 needs Node 22; 12.8 runs on Node 18.16 and later. ``BLOG_TEST_TOOLS`` names
another folder than ``~/.cache/advocacy-blog-tools``.
"""

from __future__ import annotations

import functools
import gzip
import html.parser
import http.server
import json
import os
import random
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import THEMES_DOC, build_site, copy_root, theme_snippets

pytestmark = [pytest.mark.lighthouse]

TOOLS = Path(os.environ.get("BLOG_TEST_TOOLS") or Path.home() / ".cache/advocacy-blog-tools")
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
VNU = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROME = Path(os.environ.get("CHROME_PATH") or "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    # As in test_browser.py: nothing but 127.0.0.1 resolves, so no remote file is fetched.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
)
INSTALL = (
    "npm install --prefix ~/.cache/advocacy-blog-tools --no-audit --no-fund "
    "lighthouse@12.8.2 vnu-jar@26.9.27 (see this module's docstring)"
)
RUNS = int(os.environ.get("BLOG_LIGHTHOUSE_RUNS") or 3)
CATEGORIES = ("performance", "accessibility", "seo", "best-practices")

#: Each page kind measured and its file in the output.
PAGES = {
    "blog-index": "blog.html",
    "tag": "blog/tags/environment.html",
    "author": "blog/authors/ana.html",
    "archive": "blog/archive.html",
    "post": "blog/river-cleanup.html",
    "post-photo-first": "blog/school-garden.html",
}
#: Pages whose whole body the extension writes (the others are posts: the body is content).
GENERATED = frozenset({"blog-index", "tag", "author", "archive"})
#: The blog's stylesheet, linked from the head of every page (ours).
BLOG_CSS = "advocacy-blog.css"

#: Issue #19's targets: metric -> (test, threshold, unit).
TARGETS = {
    "performance": (">=", 95, ""),
    "accessibility": (">=", 100, ""),
    "seo": (">=", 100, ""),
    "lcp": ("<=", 2.5, " s"),
}

# Issue #19's fixes reach every target on every page (medians of 3 runs, simulated
# throttling, on a busy 2-CPU machine: performance 99-100, accessibility 100, SEO 100, LCP
# 1.1-1.6 s). A target missed again is listed here, with the value measured and why, and
# runs as xfail(strict): (page, metric) -> reason.
KNOWN_MISSES: dict[tuple[str, str], str] = {}
#: Pages on which vnu reports messages from our markup -> the messages.
KNOWN_VNU_MISSES: dict[str, str] = {}

#: The photos written into the copy of the root: path -> (width, height). About 90 KB for
#: a cover, 400 KB for a photo in a post and 6 KB for the avatar.
PHOTOS = {
    "blog/2024-03-10-river-cleanup/cover.jpg": (1200, 630),
    "blog/2024-03-10-river-cleanup/riverbank.jpg": (2400, 1600),
    "blog/2024-05-18-school-garden/cover.jpg": (1200, 630),
    "blog/2024-05-18-school-garden/garden.jpg": (2400, 1600),
    "static/img/ana.jpg": (192, 192),
}

# Records the head tags the extension adds (Sphinx's ``metatags``, to which it appends) of
# each page, after every other handler, so that vnu's messages in the head can be attributed.
RECORD_METATAGS = """

def setup(app):
    import pathlib

    def record_metatags(app, pagename, templatename, context, doctree):
        path = pathlib.Path(app.outdir).parent / "metatags" / (pagename + ".html")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(context.get("metatags") or "", encoding="utf-8")

    app.connect("html-page-context", record_metatags, priority=999)
"""


def _xfail(reason: str | None) -> list[Any]:
    # raises=AssertionError: only a missed target is expected; a broken harness (the fixtures
    # fail with pytest.fail, not assert) still fails the test.
    if reason is None:
        return []
    return [pytest.mark.xfail(strict=True, raises=AssertionError, reason=f"issue #19: {reason}")]


def _miss(page: str, metric: str) -> list[Any]:
    return _xfail(KNOWN_MISSES.get((page, metric)))


def _vnu_miss(page: str) -> list[Any]:
    return _xfail(KNOWN_VNU_MISSES.get(page))


# --- the site -------------------------------------------------------------------------


def write_photo(path: Path, width: int, height: int) -> None:
    """A JPEG of *width* x *height* that weighs what a photo does (blurred shapes, grain)."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(f"{path.name} {width}x{height}")
    small = Image.new("RGB", (width // 8, height // 8))
    draw = ImageDraw.Draw(small)
    w, h = small.size
    for y in range(h):
        draw.line([(0, y), (w, y)], fill=(90 + 80 * y // h, 130 + 60 * y // h, 170 - 90 * y // h))
    for _ in range(60):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.randrange(2, max(w // 6, 3))
        draw.ellipse(
            [x - r, y - r, x + r, y + r], fill=tuple(rng.randrange(40, 220) for _ in "rgb")
        )
    image = small.resize((width, height), Image.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    grain = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.blend(image, grain, 0.06).save(path, "JPEG", quality=82, optimize=True, progressive=True)


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the output as static hosts do: text files gzipped when the browser asks.

    Without it Lighthouse measures uncompressed HTML and CSS, which no real host sends.
    """

    COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"})

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in self.COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class PhoneSite:
    outdir: Path
    base_url: str
    #: The head tags the extension added to each page (output path -> HTML).
    metatags: dict[str, str]
    warnings: str


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PhoneSite]:
    """tests/roots/test-phone built with furo's documented setup, served at the site root."""
    pytest.importorskip("furo")
    work = tmp_path_factory.mktemp("phone")
    outdir = work / "build" / "html"
    handler = functools.partial(_StaticHost, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        srcdir = copy_root("phone", work / "src")
        for path, (width, height) in PHOTOS.items():
            write_photo(srcdir / path, width, height)
        snippet = theme_snippets(THEMES_DOC.read_text(encoding="utf-8"))["furo"]
        with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(f"\n# From docs/themes.md, section furo:\n{snippet}{RECORD_METATAGS}")
        site = build_site(
            srcdir, freshenv=True, builddir=work / "build", html_theme="furo", html_baseurl=base_url
        )
        metatags = {
            path.relative_to(work / "build" / "metatags").with_suffix(".html").as_posix(): (
                path.read_text(encoding="utf-8")
            )
            for path in (work / "build" / "metatags").rglob("*.html")
        }
        thread.start()
        yield PhoneSite(outdir, base_url, metatags, site.warnings)
    finally:
        if thread.is_alive():
            server.shutdown()
            thread.join(timeout=5)
        server.server_close()


def test_phone_site_builds_every_page(phone_site):
    assert "WARNING" not in phone_site.warnings, phone_site.warnings
    for page, path in PAGES.items():
        assert (phone_site.outdir / path).is_file(), f"{page}: no {path}"
        assert path in phone_site.metatags, f"{page}: the head tags of {path} were not recorded"
    for path in PHOTOS:
        assert any(phone_site.outdir.rglob(Path(path).name)), f"{path} is not published"


# --- Lighthouse -----------------------------------------------------------------------


@dataclass
class Measure:
    scores: dict[str, float]  # category -> 0..100
    lcp: float  # seconds
    cls: float
    lcp_element: str
    #: Audits that cost points: category -> ["audit-id (value)", ...]
    lost: dict[str, list[str]] = field(default_factory=dict)

    def value(self, metric: str) -> float:
        return self.lcp if metric == "lcp" else self.scores[metric]


def _lighthouse_available() -> None:
    missing = []
    if shutil.which("node") is None:
        missing.append("node (Node.js 18.16 or later)")
    if not LIGHTHOUSE.is_file():
        missing.append(f"Lighthouse ({LIGHTHOUSE})")
    if not CHROME.exists():
        missing.append(f"Chromium ({CHROME}; apt-get install chromium)")
    if missing:
        pytest.skip(f"Lighthouse tests need {', '.join(missing)}; install: {INSTALL}")


def _run_lighthouse(url: str, report: Path) -> dict[str, Any]:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        "--throttling-method=simulate",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROME)}
    done = subprocess.run(
        command, env=env, cwd=report.parent, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0 or not report.is_file():
        pytest.fail(f"Lighthouse failed on {url} (exit {done.returncode}): {done.stderr[-2000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    if "runtimeError" in result:
        pytest.fail(f"Lighthouse on {url}: {result['runtimeError']}")
    return result


def _lost_points(result: dict[str, Any]) -> dict[str, list[str]]:
    lost: dict[str, list[str]] = {}
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            # Weighted audits, and the performance diagnostics (weight 0) that say why.
            # (Lighthouse 12's "-insight" audits repeat those diagnostics in another form.)
            counted = ref["weight"] > 0 or (
                audit["scoreDisplayMode"] in ("binary", "metricSavings")
                and not ref["id"].endswith("-insight")
            )
            if counted and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or f"score {audit['score']}"
                where = _where(audit)
                lost.setdefault(category, []).append(
                    f"{ref['id']} ({shown}{': ' + where if where else ''})"
                )
    return lost


def _where(audit: dict[str, Any]) -> str:
    """Where an audit failed: the first two distinct elements, URLs or link texts."""
    found: list[str] = []
    items = (audit.get("details") or {}).get("items") or []
    if isinstance(items, dict):  # a checklist: {"key": {"label": ..., "value": bool}}
        return "; ".join(
            c["label"] for c in items.values() if isinstance(c, dict) and not c["value"]
        )
    for item in items:
        if not isinstance(item, dict):
            continue
        node = item["node"] if isinstance(item.get("node"), dict) else {}
        location = item["sourceLocation"] if isinstance(item.get("sourceLocation"), dict) else {}
        hint = (
            " > ".join(node.get("selector", "").split(" > ")[-2:])
            or (item.get("text") and repr(item["text"]))
            or urlsplit(item.get("url") or location.get("url") or "").path
        )
        if hint and hint not in found:
            found.append(hint)
    return "; ".join(found[:2]) + (" ..." if len(found) > 2 else "")


def _lcp_element(result: dict[str, Any]) -> str:
    details = result["audits"].get("largest-contentful-paint-element", {}).get("details", {})
    for item in details.get("items", []):
        for row in item.get("items", []):
            node = row.get("node")
            if node:
                return node.get("selector") or node.get("snippet", "")[:60]
    return "?"


def _measure(runs: list[dict[str, Any]]) -> Measure:
    def median(values: list[float]) -> float:
        return statistics.median(values)

    scores = {
        category: round(median([100 * run["categories"][category]["score"] for run in runs]))
        for category in CATEGORIES
    }
    audits = [run["audits"] for run in runs]
    lcp = median([a["largest-contentful-paint"]["numericValue"] / 1000 for a in audits])
    cls = median([a["cumulative-layout-shift"]["numericValue"] for a in audits])
    middle = sorted(runs, key=lambda r: r["categories"]["performance"]["score"])[len(runs) // 2]
    return Measure(scores, round(lcp, 2), round(cls, 3), _lcp_element(middle), _lost_points(middle))


def _table(measures: dict[str, Measure]) -> str:
    head = (
        f"{'page':<18}{'perf':>6}{'a11y':>6}{'seo':>6}{'b-p':>6}{'LCP s':>8}{'CLS':>7}  LCP element"
    )
    lines = [head, "-" * len(head)]
    for page, m in measures.items():
        s = m.scores
        lines.append(
            f"{page:<18}{s['performance']:>6.0f}{s['accessibility']:>6.0f}{s['seo']:>6.0f}"
            f"{s['best-practices']:>6.0f}{m.lcp:>8.2f}{m.cls:>7.3f}  {m.lcp_element}"
        )
    lines.append("")
    lines.append("Audits that cost points (median run by performance):")
    for page, m in measures.items():
        for category, audits in m.lost.items():
            lines.append(f"  {page:<18}{category:<15}{', '.join(audits)}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lighthouse")


@pytest.fixture(scope="module")
def lighthouse(phone_site: PhoneSite, reports: Path) -> dict[str, Measure]:
    """Each page kind measured RUNS times by Lighthouse (mobile); the medians."""
    _lighthouse_available()
    measures = {}
    for page, path in PAGES.items():
        runs = [
            _run_lighthouse(phone_site.base_url + path, reports / f"{page}-{run}.json")
            for run in range(RUNS)
        ]
        measures[page] = _measure(runs)
    table = _table(measures)
    (reports / "table.txt").write_text(table + "\n", encoding="utf-8")
    print(f"\n\nLighthouse 12, mobile, median of {RUNS} runs (reports in {reports}):\n{table}")
    return measures


@pytest.mark.parametrize(
    ("page", "metric"),
    [
        pytest.param(page, metric, marks=_miss(page, metric), id=f"{page}-{metric}")
        for page in PAGES
        for metric in TARGETS
    ],
)
def test_lighthouse_target(lighthouse, page, metric):
    test, threshold, unit = TARGETS[metric]
    value = lighthouse[page].value(metric)
    met = value >= threshold if test == ">=" else value <= threshold
    assert met, f"{page}: {metric} {value}{unit}, target {test} {threshold}{unit}"


# --- the Nu HTML checker --------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    start: int  # offset of "<"
    tag_end: int  # offset after the start tag's ">"
    end: int  # offset after the end tag (tag_end for a void element)
    ancestors: tuple[Element, ...]

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class _Elements(html.parser.HTMLParser):
    """Every element of a page with its place in the text and its ancestors."""

    VOID = frozenset(
        "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
    )

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(text)
        self.close()
        for element in self.open:
            element.end = len(text)

    def position(self, line: int, column: int) -> int:
        """Offset of *line* (1-based) and *column* (0-based)."""
        return self.lines[line - 1] + column

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        start = self.position(*self.getpos())
        tag_end = start + len(self.get_starttag_text() or "")
        element = Element(
            tag, {k: v or "" for k, v in attrs}, start, tag_end, tag_end, tuple(self.open)
        )
        self.elements.append(element)
        if not void:
            self.open.append(element)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, tag in self.VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        if any(element.tag == tag for element in self.open):
            end = self.position(*self.getpos()) + len(f"</{tag}>")
            while self.open:
                element = self.open.pop()
                element.end = end
                if element.tag == tag:
                    break

    def at(self, offset: int) -> Element | None:
        """The innermost element whose text holds *offset*."""
        holding = [e for e in self.elements if e.start <= offset < max(e.end, e.tag_end)]
        return max(holding, key=lambda e: e.start, default=None)


@dataclass
class VnuMessage:
    page: str
    kind: str  # error, warning
    message: str
    line: int
    extract: str
    source: str  # ours, theme, content


def attribute(page: str, elements: _Elements, offset: int, metatags: tuple[int, int]) -> str:
    """Whose markup the text at *offset* of *page* is: ``ours``, ``theme`` or ``content``."""
    if metatags[0] <= offset < metatags[1]:
        return "ours"
    element = elements.at(offset)
    if element is None:
        return "theme"
    chain = [*element.ancestors, element]
    if element.tag == "link" and BLOG_CSS in element.attrs.get("href", ""):
        return "ours"
    if any("blog-excerpt-body" in e.classes() for e in chain):
        return "content"
    if any(c.startswith("blog-") for e in chain for c in e.classes()):
        return "ours"
    # Inside the theme's main region (not the region's own element, which is the theme's).
    if any(e.tag == "main" or e.attrs.get("role") == "main" for e in element.ancestors):
        return "ours" if page in GENERATED else "content"
    return "theme"


def _vnu_available() -> None:
    missing = []
    if shutil.which("java") is None:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU.is_file():
        missing.append(f"vnu.jar ({VNU})")
    if missing:
        pytest.skip(f"the Nu HTML checker needs {', '.join(missing)}; install: {INSTALL}")


@pytest.fixture(scope="module")
def vnu(phone_site: PhoneSite) -> list[VnuMessage]:
    """vnu's errors and warnings on every page kind, each attributed."""
    _vnu_available()
    files = {str(phone_site.outdir / path): page for page, path in PAGES.items()}
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode not in (0, 1):
        pytest.fail(f"vnu failed (exit {done.returncode}): {done.stderr}")
    messages = []
    parsed: dict[str, tuple[_Elements, tuple[int, int]]] = {}
    for item in json.loads(done.stdout)["messages"]:
        kind = item["type"] if item["type"] == "error" else item.get("subType", item["type"])
        if kind == "non-document-error":
            pytest.fail(f"vnu could not check a page: {item}")
        if kind not in ("error", "warning"):
            continue
        path = Path(item["url"].removeprefix("file:")).as_posix()
        page = files[next(f for f in files if Path(f).as_posix() == path)]
        if page not in parsed:
            text = (phone_site.outdir / PAGES[page]).read_text(encoding="utf-8")
            tags = phone_site.metatags[PAGES[page]]
            start = text.find(tags) if tags else -1
            if tags and start < 0:
                pytest.fail(f"{page}: the recorded head tags are not in the page")
            parsed[page] = (_Elements(text), (start, start + len(tags)) if tags else (0, 0))
        elements, metatags = parsed[page]
        line, column = item.get("lastLine", 1), item.get("lastColumn", 1)
        offset = elements.position(line, column - 1)
        messages.append(
            VnuMessage(
                page,
                kind,
                item["message"],
                line,
                " ".join(item.get("extract", "").split())[:100],
                attribute(page, elements, offset, metatags),
            )
        )
    print(f"\n\nNu HTML checker on {len(PAGES)} pages: {len(messages)} errors and warnings")
    for source in ("ours", "theme", "content"):
        grouped: dict[tuple[str, str], list[VnuMessage]] = {}
        for m in messages:
            if m.source == source:
                grouped.setdefault((m.kind, m.message), []).append(m)
        print(f"\n  from {source}: {len(grouped)} distinct")
        for (kind, text), found in grouped.items():
            pages = sorted({f"{m.page}:{m.line}" for m in found})
            print(f"    {kind}: {text}\n      at {', '.join(pages)}\n      e.g. {found[0].extract}")
    return messages


@pytest.mark.parametrize("page", [pytest.param(p, marks=_vnu_miss(p)) for p in PAGES])
def test_no_vnu_message_from_our_markup(vnu, page):
    ours = [
        f"{m.kind} line {m.line}: {m.message}" for m in vnu if m.page == page and m.source == "ours"
    ]
    assert not ours, f"{page}: vnu reports {len(ours)} problems in our markup:\n" + "\n".join(ours)
