"""The blog is in the site's navigation of every theme by default, and the language
switcher on a site in several languages (``blog_navigation``)."""

from __future__ import annotations

import posixpath
import re

import pytest

from conftest import build_site, copy_root

pytestmark = pytest.mark.filterwarnings("ignore::PendingDeprecationWarning:sphinx_book_theme")

THEMES = ("alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme")
#: Where each theme prints its navigation (pydata: the header, copied into the phone drawer).
NAVIGATION = {
    "alabaster": ".sphinxsidebar",
    "furo": ".sidebar-tree",
    "pydata_sphinx_theme": ".navbar-header-items, .sidebar-header-items",
    "sphinx_book_theme": ".bd-sidebar-primary",
}
PAGES = ("index.html", "blog/river-cleanup.html", "blog/tags/events.html", "blog.html")


def _site(tmp_path, theme: str, **options):
    srcdir = copy_root("themes", tmp_path / theme / "src")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f'\nhtml_theme = "{theme}"\n')
    return build_site(srcdir, freshenv=True, html_theme=theme, **options)


@pytest.mark.parametrize("theme", THEMES)
def test_the_blog_is_in_every_themes_navigation(tmp_path, theme):
    site = _site(tmp_path, theme)
    assert "WARNING" not in site.warnings, site.warnings
    for page in PAGES:
        soup = site.html(page)
        where = NAVIGATION[theme].split(", ")
        links = soup.select(", ".join(f"{part} a.blog-nav-link" for part in where))
        expected = 2 if theme == "pydata_sphinx_theme" else 1
        assert len(links) == expected, (theme, page, len(links))
        # The theme's own entries stay links beside ours (pydata's header was escaped into
        # text: "&lt;li class=...").
        nav = soup.select_one(where[0])
        assert "<li" not in nav.get_text(), (theme, page)
        theirs = soup.select(", ".join(f"{part} a" for part in where))
        assert any(a.get_text(strip=True) == "About the association" for a in theirs), theme
        for anchor in links:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), anchor["href"]))
            assert target == "blog.html", (theme, page, anchor["href"])
            assert anchor.get_text(strip=True) == "Riverside news"
            current = page.startswith("blog")
            assert (anchor.get("aria-current") == "page") == current, (theme, page)


def test_navigation_option_turns_the_link_off(tmp_path):
    site = _site(tmp_path, "furo", blog_navigation=False)
    assert site.html("index.html").select("a.blog-nav-link") == []


def test_a_site_that_places_the_link_itself_gets_no_second_one(tmp_path):
    srcdir = copy_root("themes", tmp_path / "src")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            '\nhtml_theme = "alabaster"\n'
            'html_sidebars = {"**": ["navigation.html", "advocacy_blog/blog-link.html"]}\n'
        )
    site = build_site(srcdir, freshenv=True, html_theme="alabaster")
    assert len(site.html("index.html").select("a.blog-nav-link")) == 1


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_a_site_in_several_languages_shows_the_switcher(tmp_path, theme):
    srcdir = copy_root("i18n", tmp_path / "src")
    conf = srcdir / "conf.py"
    text = re.sub(r"^html_sidebars = .*$", "", conf.read_text(encoding="utf-8"), flags=re.M)
    conf.write_text(text + f'\nhtml_theme = "{theme}"\n', encoding="utf-8")
    site = build_site(srcdir, freshenv=True, html_theme=theme, language="ru")
    soup = site.html("index.html")
    switchers = soup.select(".blog-language-switcher")
    assert len(switchers) == 1
    labels = [a.get_text(strip=True) for a in switchers[0].select("a, span")]
    assert labels == ["English", "Русский", "Українська"]


def test_a_site_in_one_language_has_no_switcher(tmp_path):
    site = _site(tmp_path, "furo")
    assert site.html("index.html").select(".blog-language-switcher") == []


@pytest.mark.parametrize(
    ("version", "broken"),
    [("1.4.0", True), ("1.4.2", True), ("1.5.0", False), ("1.14.0", False), (None, False)],
)
def test_the_book_menu_script_is_for_the_releases_with_the_bug(version, broken):
    from sphinx_advocacy_blog.pages.navigation import book_theme_menu_is_broken

    assert book_theme_menu_is_broken(version) is broken


def test_the_book_theme_gets_the_menu_script_and_no_other_theme(tmp_path, monkeypatch):
    from sphinx_advocacy_blog.pages import navigation

    script = f"_static/{navigation.BOOK_MENU_SCRIPT}"
    monkeypatch.setattr(navigation, "_installed_version", lambda name: "1.4.0")
    book = _site(tmp_path / "on", "sphinx_book_theme")
    assert script in str(book.html("blog/river-cleanup.html"))
    assert (book.outdir / "_static" / navigation.BOOK_MENU_SCRIPT).is_file()
    off = _site(tmp_path / "off", "sphinx_book_theme", blog_navigation=False)
    assert script not in str(off.html("blog/river-cleanup.html"))
    assert script not in str(_site(tmp_path / "furo", "furo").html("blog/river-cleanup.html"))
    monkeypatch.setattr(navigation, "_installed_version", lambda name: "1.5.0")
    fixed = _site(tmp_path / "fixed", "sphinx_book_theme")
    assert script not in str(fixed.html("blog/river-cleanup.html"))
