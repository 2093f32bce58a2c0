"""Issue #19 in a real browser: what a reader gets on a phone (375 px) and a desktop (1280 px)
in the four themes, with nothing configured but ``html_theme`` (the defaults are what is
tested: the blog's link in the navigation, resized images, excerpts).

Reuses the harness of ``test_browser.py`` (Chromium, ChromeDriver, the local server and
``_open``, which waits for the page asked for).
"""

from __future__ import annotations

import pytest

import test_browser as harness
from conftest import THEMES_DOC, Site, build_site, copy_root, theme_snippets
from test_browser import MARK_DOCUMENT_JS, THEMES, WIDTHS, _open

# The harness's fixtures: Chromium with ChromeDriver, and the local server.
browser = harness.browser
chromium_paths = harness.chromium_paths
served = harness.served

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::PendingDeprecationWarning:sphinx_book_theme"),
]

#: Longest wait for the page to settle (a tooltip to fade, a link to show): a wait ends as
#: soon as it holds, so only a loaded machine ever gets near it.
WAIT = 30

PAGES = {
    "blog-index": ("blog.html", "article.blog-list-item"),
    "tag": ("blog/tags/events.html", "article.blog-list-item"),
    "author": ("blog/authors/ana.html", ".blog-author-profile"),
    "archive": ("blog/archive.html", ".blog-archive"),
    "post": ("blog/river-cleanup.html", ".blog-post-header"),
    "long-title": ("blog/2023/05/20/neighbourhood-assembly.html", ".blog-post-header"),
}
#: How a reader on a phone opens the navigation (None: it is below the page).
PHONE_MENU = {
    "alabaster": None,
    "furo": "label[for='__navigation']",
    "pydata": ".primary-toggle",
    "book": ".primary-toggle",
}

# WCAG 2 contrast of every piece of text in the blog's own blocks, against the first
# opaque background behind it; large text (24 px, or 18.66 px bold) needs 3:1, other 4.5:1.
CONTRAST_JS = """
const parse = c => { const m = c.match(/[\\d.]+/g) || [0,0,0,0];
  return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
const lum = ([r,g,b]) => { const f = v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
const background = el => { for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0.5) return c; }
  return [255,255,255,1]; };
const blend = (fg, bg) => [0,1,2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
const low = [];
for (const el of document.querySelectorAll('[class*="blog-"], [class*="blog-"] *')) {
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const box = el.getBoundingClientRect();
  const skipped = el.closest('[aria-hidden="true"], .blog-visually-hidden');
  if (!own || box.width === 0 || skipped) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden') continue;
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) opacity *= +getComputedStyle(e).opacity;
  const bg = background(el);
  const fg = parse(style.color); fg[3] *= opacity;
  const [a, b] = [lum(blend(fg, bg)), lum(bg)];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(style.fontSize), bold = +style.fontWeight >= 700;
  const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < need - 0.01) low.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.')
    + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2) + ':1');
}
return low;
"""

IMAGES_JS = """
const done = arguments[arguments.length - 1];
const ours = [...document.querySelectorAll('img.blog-image, img.blog-cover')];
Promise.all(ours.map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }))
  .then(() => done(ours.map(i => ({
    src: i.currentSrc, alt: i.getAttribute('alt'), width: i.getAttribute('width'),
    height: i.getAttribute('height'),
    naturalWidth: i.naturalWidth, shownWidth: i.getBoundingClientRect().width,
    shownHeight: i.getBoundingClientRect().height,
  }))));
"""

# Every heading in an entry's excerpt is smaller than the entry's title.
HEADINGS_JS = """
const out = [];
for (const entry of document.querySelectorAll('article.blog-list-item')) {
  const title = parseFloat(getComputedStyle(entry.querySelector('.blog-list-title')).fontSize);
  for (const h of entry.querySelectorAll('.blog-excerpt h1, .blog-excerpt h2, .blog-excerpt h3,'
      + ' .blog-excerpt h4, .blog-excerpt h5, .blog-excerpt h6')) {
    out.push([h.tagName, parseFloat(getComputedStyle(h).fontSize), title]);
  }
}
return out;
"""

# The first blog link of the navigation that is on screen sideways and shown, or null.
VISIBLE_LINK_JS = """
return [...document.querySelectorAll('a.blog-nav-link')].find(a => {
  const box = a.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= innerWidth + 1
    && getComputedStyle(a).visibility !== 'hidden';
}) || null;
"""


@pytest.fixture(scope="module", params=list(THEMES))
def default_site(request, tmp_path_factory, served) -> tuple[str, Site, str]:
    """The themes' test site with only ``html_theme`` set: (theme, site, base URL)."""
    theme = request.param
    html_theme = THEMES[theme][1]
    srcdir = copy_root("themes", tmp_path_factory.mktemp(f"phone-{theme}") / "src")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f'\nhtml_theme = "{html_theme}"\n')
    root, base_url = served
    site = build_site(
        srcdir, freshenv=True, builddir=root / f"phone-{theme}", html_theme=html_theme
    )
    return theme, site, f"{base_url}/{site.outdir.relative_to(root).as_posix()}/"


def _load(browser, base_url: str, page: str, width: int) -> None:
    path, marker = PAGES[page]
    _open(browser, base_url + path, width, marker)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", list(PAGES))
def test_text_contrast_is_aa(default_site, browser, page, width):
    theme, _site, base_url = default_site
    _load(browser, base_url, page, width)
    assert browser.execute_script(CONTRAST_JS) == [], f"{theme} {page} at {width} px"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["blog-index", "tag", "author", "post"])
def test_images_are_sized_described_and_resized(default_site, browser, page, width):
    theme, site, base_url = default_site
    _load(browser, base_url, page, width)
    images = browser.execute_async_script(IMAGES_JS)
    assert images, f"{theme} {page}: no image of ours"
    for image in images:
        assert image["alt"], (theme, page, image["src"])
        assert image["width"] and image["height"], (theme, page, image["src"])
        assert image["naturalWidth"] > 0, f"{theme} {page}: {image['src']} is broken"
        # The browser picked a WebP copy no wider than the widest one made (960).
        assert image["src"].endswith(".webp"), (theme, page, image["src"])
        assert image["naturalWidth"] <= 960
        assert image["shownWidth"] <= width
    # The page's first picture is fetched at once, with high priority; the others are lazy.
    ours = site.html(PAGES[page][0]).select("img.blog-image, img.blog-cover")
    assert ours[0].get("fetchpriority") == "high" and "loading" not in ours[0].attrs
    assert all(image.get("loading") == "lazy" for image in ours[2:])


@pytest.mark.parametrize("width", WIDTHS)
def test_excerpt_headings_are_smaller_than_the_entry_title(default_site, browser, width):
    theme, _site, base_url = default_site
    _load(browser, base_url, "blog-index", width)
    for tag, size, title in browser.execute_script(HEADINGS_JS):
        assert size < title, f"{theme} at {width} px: {tag} {size}px under a {title}px title"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_blog_is_in_the_navigation(default_site, browser, width):
    theme, _site, base_url = default_site
    _load(browser, base_url, "post", width)
    if width == 375 and PHONE_MENU[theme]:
        _click_shown(browser, PHONE_MENU[theme], f"{theme}: no menu button at 375 px")
    elif width == 375:
        browser.execute_script(
            "document.querySelector('a.blog-nav-link').scrollIntoView({block: 'center'})"
        )
    _follow_blog_link(browser, base_url, f"{theme} at {width} px")


def _click_shown(browser, selector: str, message: str) -> None:
    """Click (as a reader does) the first element matching *selector* that is shown."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    shown = [b for b in browser.find_elements(By.CSS_SELECTOR, selector) if b.is_displayed()]
    assert shown, message
    # A reader's pointer leaves a button after tapping it; WebDriver's stays, and the theme's
    # hover tooltip (Bootstrap, in pydata and book) can then cover the button it belongs to.
    away = ActionBuilder(browser)
    away.pointer_action.move_to_location(1, 1)
    away.perform()
    # Bootstrap also shows the tooltip of the focused button (the one clicked last); a
    # reader's tap elsewhere takes the focus with it.
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    WebDriverWait(browser, WAIT).until(
        lambda d: (
            not d.execute_script(
                "return [...document.querySelectorAll('.tooltip')]"
                ".some(t => t.getBoundingClientRect().width > 0)"
            )
        )
    )
    shown[0].click()


def _follow_blog_link(browser, base_url: str, where: str) -> None:
    """Wait for the navigation's blog link to show, tap it and land on the blog index.

    WebDriver's click fails when another element covers the link, so the link is reachable.
    """
    from selenium.common.exceptions import JavascriptException, TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait

    try:
        link = WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(VISIBLE_LINK_JS))
    except TimeoutException:
        pytest.fail(f"{where}: the blog link of the navigation is not shown")
    browser.execute_script(MARK_DOCUMENT_JS)
    link.click()
    WebDriverWait(browser, WAIT, ignored_exceptions=(JavascriptException,)).until(
        lambda d: d.execute_script(
            "return !document.blogTestLeft && document.readyState === 'complete'"
        )
    )
    assert browser.current_url == base_url + "blog.html", where
    assert browser.execute_script("return document.querySelector('.blog-list') !== null"), where


@pytest.mark.parametrize("width", WIDTHS)
def test_long_post_titles_fit_the_screen(default_site, browser, width):
    theme, _site, base_url = default_site
    _load(browser, base_url, "long-title", width)
    overflow = browser.execute_script(
        "const h = document.querySelector('section > h1');"
        "return [h.scrollWidth, h.clientWidth, h.getBoundingClientRect().right, innerWidth];"
    )
    scroll, client, right, inner = overflow
    assert scroll <= client + 1 and right <= inner + 1, f"{theme} at {width} px: {overflow}"


def test_focus_is_visible_on_tags_and_pager_links(default_site, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    theme, _site, base_url = default_site
    _load(browser, base_url, "post", 1280)
    seen: dict[str, str] = {}
    for _ in range(150):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        found = browser.execute_script(
            "const a = document.activeElement; if (!a.matches('.blog-tag, .blog-post-pager-link'))"
            " return null; const s = getComputedStyle(a);"
            "return [a.className, s.outlineStyle, s.outlineWidth];"
        )
        if found:
            seen[found[0].split()[0]] = f"{found[1]} {found[2]}"
        if len(seen) == 2:
            break
    assert set(seen) == {"blog-tag", "blog-post-pager-link"}, (theme, seen)
    for name, outline in seen.items():
        style, width = outline.split()
        assert style != "none" and float(width[:-2]) >= 2, (theme, name, outline)


def test_author_links_line_up_with_the_profile(default_site, browser):
    theme, _site, base_url = default_site
    _load(browser, base_url, "author", 1280)
    lefts = browser.execute_script(
        "return ['.blog-author-description', '.blog-author-socials li:first-child']"
        ".map(s => document.querySelector(s).getBoundingClientRect().left);"
    )
    assert abs(lefts[0] - lefts[1]) <= 1, (theme, lefts)


# -- sphinx-book-theme's menu button (its own bug, mended by the extension) ---------------------


@pytest.fixture(scope="module")
def book_site(tmp_path_factory, served) -> tuple[Site, str]:
    """The book theme with the setup of docs/themes.md."""
    setup = theme_snippets(THEMES_DOC.read_text(encoding="utf-8"))["sphinx-book-theme"]
    srcdir = copy_root("themes", tmp_path_factory.mktemp("book-menu") / "src")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\n{setup}\n")
    root, base_url = served
    site = build_site(
        srcdir, freshenv=True, builddir=root / "book-menu", html_theme="sphinx_book_theme"
    )
    assert "WARNING" not in site.warnings, site.warnings
    return site, f"{base_url}/{site.outdir.relative_to(root).as_posix()}/"


def test_the_book_menu_opens_on_phones(book_site, browser):
    _site, base_url = book_site
    _load(browser, base_url, "post", 375)
    _click_shown(browser, PHONE_MENU["book"], "book: no menu button at 375 px")
    _follow_blog_link(browser, base_url, "book at 375 px")


def test_the_book_menu_still_hides_the_sidebar_on_wide_screens(book_site, browser):
    _site, base_url = book_site
    _load(browser, base_url, "post", 1280)
    hidden_js = (
        "return document.getElementById('pst-primary-sidebar').classList.contains(arguments[0])"
    )
    assert not browser.execute_script(hidden_js, "pst-sidebar-hidden")
    _click_shown(browser, PHONE_MENU["book"], "book: no menu button at 1280 px")
    assert browser.execute_script(hidden_js, "pst-sidebar-hidden"), "the sidebar was not hidden"
    # Not opened as the phone panel as well.
    assert not browser.execute_script(
        "return document.getElementById('pst-primary-sidebar-modal').open"
    )
    _click_shown(browser, PHONE_MENU["book"], "book: no menu button at 1280 px")
    assert not browser.execute_script(hidden_js, "pst-sidebar-hidden"), "the sidebar stays hidden"
