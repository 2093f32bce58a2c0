"""The blog in a real browser: every supported theme, on a phone and on a desktop.

For each theme the test site ``tests/roots/test-themes`` is built once with the theme's
setup copied from ``docs/themes.md`` (so the documented snippets are what is tested), served
on 127.0.0.1 and loaded in Debian's headless Chromium at 375 and 1280 px. Every page load
saves a full-page screenshot ``<theme>/<page>-<width>.png`` for a person to look at, under
the folder named by the environment variable ``BLOG_TEST_SCREENSHOTS`` or, without it, under
pytest's temporary folder (``<basetemp>/screenshots0/``, e.g.
``/tmp/pytest-of-<user>/pytest-<N>/screenshots0/``; pytest keeps the last three runs). Nothing
is written into the checkout.

``driver.get`` is not trusted to return after the new page has loaded: ChromeDriver (150)
sometimes answers while the new document is still ``loading``. In its verbose log such a
Navigate returns right after the ``Page.navigate`` reply, when ``Runtime.executionContextsCleared``
arrives with that reply, without waiting for the load event; with a fast local server this
happens to a few loads in a hundred, and the test then reads a half-parsed page (no images, no
sidebar yet). ``_open`` therefore marks the old document, waits until a different document is
``complete``, and checks that it is the page asked for, that it came with HTTP 200 and that it
holds the page kind's own blog element.

Chromium never reaches the network: its host resolver maps every name but 127.0.0.1 to
nothing, so a page that needs a remote file shows it as broken instead of fetching it.
"""

from __future__ import annotations

import base64
import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import THEMES_DOC, Site, build_site, copy_root, theme_snippets

pytestmark = [
    pytest.mark.browser,
    # The book theme uses a Sphinx API that Sphinx 11 removes; not ours to fix.
    pytest.mark.filterwarnings("ignore::PendingDeprecationWarning:sphinx_book_theme"),
]

CHROMIUM = Path(os.environ.get("BLOG_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("BLOG_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"))
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
)

#: Each theme: the heading of its section in docs/themes.md and its ``html_theme``.
THEMES = {
    "alabaster": ("alabaster", "alabaster"),
    "furo": ("furo", "furo"),
    "pydata": ("pydata-sphinx-theme", "pydata_sphinx_theme"),
    "book": ("sphinx-book-theme", "sphinx_book_theme"),
}
WIDTHS = (375, 1280)
POST = "blog/river-cleanup.html"
POST_TITLE = "Two hundred volunteers cleaned the riverbank in one Saturday morning"
PAGES = {
    "blog-index": "blog.html",
    "tag": "blog/tags/events.html",
    "post": POST,
    "cards": "index.html",
    "archive": "blog/archive.html",
    "author": "blog/authors/ana.html",
}
#: An element each page kind must hold once loaded: proof that the page asked for is shown.
PAGE_MARKERS = {
    "blog-index": ".blog-list",
    "tag": ".blog-term-description",
    "post": ".blog-post-header",
    "cards": ".blog-postlist-cards",
    "archive": ".blog-archive",
    "author": ".blog-author-profile",
}
#: Pages at each depth of the site, to follow the sidebar links from.
LINK_PAGES = ("cards", "blog-index", "post", "tag")
BLOG_INDEX = "blog.html"
#: Full-page screenshots stop here (a long page is still readable in parts).
SCREENSHOT_MAX_HEIGHT = 6000

#: Seconds to wait for a page to load (the page load timeout of the driver is the same).
LOAD_TIMEOUT = 30

# Marks the current document, so that a wait after ``driver.get`` can tell it from the next one
# even when both have the same URL (the same page at two widths).
MARK_DOCUMENT_JS = "document.blogTestLeft = true;"

LOADED_JS = """
const nav = performance.getEntriesByType('navigation')[0];
return {
  url: document.URL,
  left: document.blogTestLeft === true,
  readyState: document.readyState,
  status: nav ? nav.responseStatus : null,
};
"""

# Themes clip their content columns (overflow-x: hidden), so content that is too wide can be
# cut off without making the page scroll: the blog's own boxes must also fit their content.
LAYOUT_JS = """
const name = el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.');
const over = [];
const pageWidth = document.documentElement.clientWidth;
for (const el of document.querySelectorAll('body *')) {
  const box = el.getBoundingClientRect();
  if (box.width > 0 && box.right > pageWidth + 0.5 && !el.closest('pre')) {
    over.push(name(el) + ' right=' + Math.round(box.right));
  }
}
const cramped = [];
// .blog-visually-hidden: text for screen readers, clipped to 1 px on purpose.
for (const el of document.querySelectorAll('[class*="blog-"]:not(.blog-visually-hidden)')) {
  if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
    cramped.push(name(el) + ' ' + el.scrollWidth + '>' + el.clientWidth);
  }
}
return {
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  clientWidth: document.documentElement.clientWidth,
  height: document.documentElement.scrollHeight,
  overflowing: over.slice(0, 10),
  cramped: cramped,
};
"""

IMAGES_JS = """
const done = arguments[arguments.length - 1];
const images = [...document.images];
for (const image of images) image.loading = 'eager';
const settle = image => image.decode().catch(() => null);
const timeout = new Promise(resolve => setTimeout(resolve, 5000));
Promise.race([Promise.all(images.map(settle)), timeout]).then(() => done(images.map(image => ({
  src: image.getAttribute('src'),
  alt: image.getAttribute('alt'),
  hidden: image.closest('[aria-hidden="true"]') !== null,
  role: image.getAttribute('role'),
  naturalWidth: image.naturalWidth,
}))));
"""

# alabaster prints the project name in its about.html sidebar as <h1 class="logo"> on every
# page: the theme's own heading, not a second title of the post.
HEADINGS_JS = """
return [...document.querySelectorAll('h1')]
  .filter(h => h.getClientRects().length > 0 && !h.matches('.sphinxsidebar h1.logo'))
  .map(h => h.textContent.replace('¶', '').replace('#', '').trim());
"""

LINKS_JS = """
return [...document.querySelectorAll(arguments[0])].map(a => a.href);
"""

IN_VIEW_JS = """
return [...document.querySelectorAll(arguments[0])].some(el => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.left >= -0.5
    && box.right <= window.innerWidth + 0.5 && box.top < window.innerHeight && box.bottom > 0
    && getComputedStyle(el).visibility !== 'hidden';
});
"""

#: How a reader on a phone opens the sidebar of each theme (None: it is below the page).
PHONE_SIDEBAR_TOGGLE = {
    "alabaster": None,
    "furo": "label[for='__navigation']",
    "pydata": ".primary-toggle",
    "book": ".primary-toggle",
}

VISIBLE_JS = """
return [...document.querySelectorAll(arguments[0])].some(el => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
});
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$BLOG_TEST_SCREENSHOTS`` or a folder of pytest's basetemp."""
    configured = os.environ.get("BLOG_TEST_SCREENSHOTS")
    return Path(configured) if configured else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def chromium_paths() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.skip(
            f"browser tests need Debian's Chromium and ChromeDriver; missing: {', '.join(missing)}"
            " (apt-get install chromium chromium-driver)"
        )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on 127.0.0.1 (random free port), and its URL."""
    root = tmp_path_factory.mktemp("served")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(chromium_paths: None) -> Iterator[object]:
    """One headless Chromium for the whole module, with a fresh profile."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="blog-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_script_timeout(15)
    driver.set_page_load_timeout(LOAD_TIMEOUT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module", params=list(THEMES))
def theme_site(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    served: tuple[Path, str],
) -> tuple[str, Site, str]:
    """The test site built with one theme's documented setup: (theme, site, base URL)."""
    theme = request.param
    heading, html_theme = THEMES[theme]
    snippet = theme_snippets(THEMES_DOC.read_text(encoding="utf-8")).get(heading)
    assert snippet, f"docs/themes.md has no python block under '### {heading}'"
    assert f'html_theme = "{html_theme}"' in snippet
    srcdir = copy_root("themes", tmp_path_factory.mktemp(f"themes-{theme}") / "src")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\n# From docs/themes.md, section {heading}:\n{snippet}")
    root, base_url = served
    # Sphinx's test app swaps alabaster for "basic" unless the theme is an override.
    site = build_site(srcdir, freshenv=True, builddir=root / theme, html_theme=html_theme)
    return theme, site, f"{base_url}/{site.outdir.relative_to(root).as_posix()}/"


def _open(driver, url: str, width: int, marker: str) -> None:
    """Show *url* at *width* px and return once it has loaded (see the module's docstring).

    *marker* is a CSS selector the page must match: the page asked for, not an error page.
    """
    from selenium.common.exceptions import JavascriptException, TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait

    driver.set_window_size(width, 900)
    driver.execute_script(MARK_DOCUMENT_JS)
    driver.get(url)
    state: dict = {}

    def loaded(driver) -> bool:
        state.update(driver.execute_script(LOADED_JS))
        return not state["left"] and state["readyState"] == "complete"

    try:
        # JavascriptException: the script ran while one document replaced the other.
        WebDriverWait(driver, LOAD_TIMEOUT, ignored_exceptions=(JavascriptException,)).until(loaded)
    except TimeoutException:
        pytest.fail(f"{url} did not load in {LOAD_TIMEOUT} s: last state {state}")
    assert state["url"] == url, f"asked for {url}, the browser shows {state['url']}"
    assert state["status"] == 200, f"{url} answered HTTP {state['status']}"
    assert driver.execute_script("return document.querySelector(arguments[0]) !== null", marker), (
        f"{url} has loaded but holds no {marker}"
    )


def _screenshot(driver, path: Path, width: int, height: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {
                "x": 0,
                "y": 0,
                "width": width,
                "height": min(height, SCREENSHOT_MAX_HEIGHT),
                "scale": 1,
            },
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def _output_file(site: Site, base_url: str, url: str) -> Path:
    """The file of *site* that *url* (an absolute URL under *base_url*) is served from."""
    assert url.startswith(base_url), f"{url} leaves the site ({base_url})"
    path = unquote(urlsplit(url).path[len(urlsplit(base_url).path) :])
    return site.outdir / (path or "index.html")


def test_documented_setup_builds_without_warnings(theme_site):
    theme, site, _ = theme_site
    assert "WARNING" not in site.warnings, site.warnings
    post = site.html(POST)
    for name in ("recent", "tags", "archive", "link"):
        assert post.select_one(f".blog-sidebar-{name}") is not None, f"{theme}: no {name} sidebar"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", list(PAGES))
def test_page_in_browser(theme_site, browser, screenshots, page, width):
    theme, _, base_url = theme_site
    _open(browser, base_url + PAGES[page], width, PAGE_MARKERS[page])
    images = browser.execute_async_script(IMAGES_JS)
    layout = browser.execute_script(LAYOUT_JS)
    _screenshot(browser, screenshots / theme / f"{page}-{width}.png", width, layout["height"])

    assert layout["innerWidth"] == width, f"the window is {layout['innerWidth']} px wide"
    # clientWidth is innerWidth less the vertical scroll bar: the width the page really has.
    assert layout["scrollWidth"] <= layout["clientWidth"], (
        f"{theme} {page} at {width} px scrolls sideways ({layout['scrollWidth']} px); "
        f"elements past the right edge: {layout['overflowing']}"
    )
    assert not layout["cramped"], (
        f"{theme} {page} at {width} px: content wider than its box: {layout['cramped']}"
    )
    assert images or page == "archive", "the page shows no image at all"
    for image in images:
        described = (image["alt"] or "").strip() or image["hidden"]
        described = described or image["role"] in ("presentation", "none")
        assert described, f"{theme} {page}: image {image['src']} has no alt text"
        assert image["naturalWidth"] > 0, f"{theme} {page}: image {image['src']} is broken"
    if page == "post":
        assert browser.execute_script(HEADINGS_JS) == [POST_TITLE]


@pytest.mark.parametrize("page", LINK_PAGES)
def test_sidebar_links_work_from_every_page(theme_site, browser, page):
    theme, site, base_url = theme_site
    _open(browser, base_url + PAGES[page], 1280, PAGE_MARKERS[page])
    links = browser.execute_script(LINKS_JS, ".blog-sidebar a")
    assert len(links) >= 10, f"{theme} {page}: only {len(links)} sidebar links"
    for url in links:
        target = _output_file(site, base_url, url.split("#")[0])
        assert target.is_file(), f"{theme} {page}: sidebar link {url} leads nowhere"
    blog_links = browser.execute_script(LINKS_JS, "a.blog-nav-link")
    assert blog_links and {_output_file(site, base_url, url) for url in blog_links} == {
        site.outdir / BLOG_INDEX
    }
    assert browser.execute_script(VISIBLE_JS, ".blog-sidebar-recent"), (
        f"{theme} {page}: the recent-posts sidebar is not shown at 1280 px"
    )


def test_phone_reader_reaches_the_sidebars(theme_site, browser, screenshots):
    theme, _, base_url = theme_site
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    _open(browser, base_url + POST, 375, PAGE_MARKERS["post"])
    toggle = PHONE_SIDEBAR_TOGGLE[theme]
    if toggle is None:
        browser.execute_script(
            "document.querySelector('.blog-sidebar-recent').scrollIntoView({block: 'center'})"
        )
    else:
        buttons = [b for b in browser.find_elements(By.CSS_SELECTOR, toggle) if b.is_displayed()]
        assert buttons, f"{theme}: no menu button at 375 px"
        buttons[0].click()
    try:
        WebDriverWait(browser, LOAD_TIMEOUT).until(
            lambda driver: driver.execute_script(IN_VIEW_JS, ".blog-sidebar-recent")
        )
    finally:
        path = screenshots / theme / "phone-sidebar-375.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(path))


# -- privacy (issue 22): what the browser really fetches, and the facades ---------------------

RESOURCES_JS = "return performance.getEntriesByType('resource').map(e => e.name);"


@pytest.fixture(scope="module", params=list(THEMES))
def privacy_theme_site(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    served: tuple[Path, str],
) -> tuple[str, Site, str]:
    """The privacy test site (embeds, remote images) in each theme, served over HTTP."""
    theme = request.param
    html_theme = THEMES[theme][1]
    srcdir = copy_root("privacy", tmp_path_factory.mktemp(f"privacy-{theme}") / "src")
    root, base_url = served
    site = build_site(
        srcdir, freshenv=True, builddir=root / f"privacy-{theme}", html_theme=html_theme
    )
    return theme, site, f"{base_url}/{site.outdir.relative_to(root).as_posix()}/"


@pytest.mark.parametrize("page", ["blog/assembly.html", "blog/embeds.html", "blog/media.html"])
def test_the_browser_fetches_nothing_from_another_host(privacy_theme_site, browser, page):
    theme, _, base_url = privacy_theme_site
    _open(browser, base_url + page, 1280, ".blog-post-header")
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight);")
    fetched = browser.execute_script(RESOURCES_JS)
    host = urlsplit(base_url).netloc
    assert fetched, f"{theme}: the page fetched nothing at all"
    assert [url for url in fetched if urlsplit(url).netloc != host] == [], theme


def test_a_click_loads_the_player_and_copy_link_shows(privacy_theme_site, browser):
    theme, _, base_url = privacy_theme_site
    _open(browser, base_url + "blog/assembly.html", 1280, ".blog-share")
    from selenium.webdriver.common.by import By

    assert browser.find_elements(By.CSS_SELECTOR, ".blog-embed iframe") == []
    copy = browser.find_element(By.CSS_SELECTOR, ".blog-share-copy")
    assert copy.is_displayed(), f"{theme}: the script did not show 'Copy link'"
    # The player's address is checked, never fetched: the browser blocks every https URL.
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["https://*"]})
    try:
        browser.find_element(By.CSS_SELECTOR, ".blog-embed .blog-embed-open").click()
        frame = browser.find_element(By.CSS_SELECTOR, ".blog-embed iframe")
        assert frame.get_attribute("src") == (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
        )
        # The page did not navigate away: the player took the facade's place.
        assert browser.current_url == base_url + "blog/assembly.html"
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
