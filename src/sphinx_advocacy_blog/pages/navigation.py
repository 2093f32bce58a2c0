"""The blog in the site's navigation, in every theme, without configuration.

Posts are never in the toctree, so nothing would lead a reader to the blog. With
``blog_navigation`` (on by default) the theme's navigation gets a link to the blog index,
and, on a site in several languages, the language switcher:

- the ``toctree()`` function themes call for their navigation (alabaster's sidebar, furo's
  navigation tree and phone drawer, the book theme's sidebar) returns the site's tree
  followed by the blog's link;
- pydata-sphinx-theme's header links (``generate_header_nav_html``, also its phone drawer)
  end with it.

A site that already places ``advocacy_blog/blog-link.html`` (or the language switcher's
template) in its sidebars or theme options keeps its own placement: nothing is added.

sphinx-book-theme 1.4's phone menu button opens nothing (the theme's bug, on a bare site
too): with those versions a small script passes its clicks on to the button the theme
listens to, so that the navigation, and the blog in it, can be reached on phones.
"""

from __future__ import annotations

import importlib.metadata
import posixpath
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..env.site_data import get_site
from ..model.routes import index_page
from .language import switcher_html
from .links import link
from .sidebars import in_blog

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

LINK_TEMPLATE = "blog-link.html"
_CAPTION = '<p class="caption" role="heading">'
_CAPTION_LEVEL = '<p class="caption" role="heading" aria-level="2">'
SWITCHER_TEMPLATE = "language-switcher.html"


def _named_templates(config: Config) -> set[str]:
    """Every template name in ``html_sidebars`` and ``html_theme_options`` (as written)."""
    names: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str):
            names.add(value)
        elif isinstance(value, (list, tuple)):
            for entry in value:
                collect(entry)
        elif isinstance(value, dict):
            for entry in value.values():
                collect(entry)

    collect(config.html_sidebars)
    collect(config.html_theme_options)
    return names


def _placed(names: set[str], template: str) -> bool:
    return any(name.endswith("advocacy_blog/" + template) for name in names)


def _blog_link(app: Sphinx, pagename: str, *, item_class: str, link_class: str) -> Markup:
    settings = get_site(app).settings
    current = in_blog(settings.route, pagename)
    url = link(app.builder, pagename, index_page(get_site(app)))
    if not url:
        # On the blog index itself: its own file (an empty href is a link to nothing).
        url = posixpath.basename(app.builder.get_target_uri(pagename)) or "./"
    return Markup(
        '<li class="{item}{current}"><a class="{link} blog-nav-link" href="{url}"{aria}>'
        "{title}</a></li>"
    ).format(
        item=item_class,
        current=" current" if current else "",
        link=link_class,
        url=url,
        aria=Markup(' aria-current="page"') if current else "",
        title=settings.title,
    )


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Wrap ``toctree()`` (before themes such as furo call it, priority 400); its captions
    get their heading level in any case."""
    config = app.config
    toctree = context.get("toctree")
    if app.builder.format != "html" or not callable(toctree):
        return
    names = _named_templates(config) if config.blog_navigation else set()
    add_link = bool(config.blog_navigation) and not _placed(names, LINK_TEMPLATE)
    add_switcher = bool(config.blog_navigation) and not _placed(names, SWITCHER_TEMPLATE)

    def toctree_with_blog(**kwargs: Any) -> str:
        # Sphinx marks toctree captions role="heading" without the aria-level that role
        # needs (axe, Lighthouse): a caption is a heading of the navigation, level 2.
        html = str(toctree(**kwargs) or "").replace(_CAPTION, _CAPTION_LEVEL)
        if add_link:
            item = _blog_link(app, pagename, item_class="toctree-l1", link_class="reference")
            html += f'\n<ul class="blog-nav">{item}</ul>'
        if add_switcher:
            html += switcher_html(app, pagename)
        return html

    context["toctree"] = toctree_with_blog


def _header_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """pydata-sphinx-theme's header links (after the theme made them, priority 600)."""
    config = app.config
    header = context.get("generate_header_nav_html")
    if not config.blog_navigation or app.builder.format != "html" or not callable(header):
        return
    names = _named_templates(config)
    add_link = not _placed(names, LINK_TEMPLATE)
    add_switcher = not _placed(names, SWITCHER_TEMPLATE)

    def header_with_blog(*args: Any, **kwargs: Any) -> str:
        # The theme's HTML is a plain str: adding a Markup to it would escape it all.
        html = str(header(*args, **kwargs) or "")
        if add_link:
            html += str(_blog_link(app, pagename, item_class="nav-item", link_class="nav-link"))
        switcher = switcher_html(app, pagename) if add_switcher else ""
        if switcher:
            html += f'<li class="nav-item blog-nav-languages">{switcher}</li>'
        return html

    context["generate_header_nav_html"] = header_with_blog


#: sphinx-book-theme releases whose visible menu button opens nothing (pydata-sphinx-theme#2451).
BOOK_THEME_MENU_BUG = ("1.4.",)
BOOK_MENU_SCRIPT = "advocacy-blog-book-menu.js"


def book_theme_menu_is_broken(version: str | None) -> bool:
    """Whether sphinx-book-theme *version* (None: not installed) has the menu bug."""
    return version is not None and version.startswith(BOOK_THEME_MENU_BUG)


def _installed_version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _fix_book_theme_menu(app: Sphinx) -> None:
    if (
        app.builder.format == "html"
        and app.config.blog_navigation
        and app.config.html_theme == "sphinx_book_theme"
        and book_theme_menu_is_broken(_installed_version("sphinx-book-theme"))
    ):
        app.add_js_file(BOOK_MENU_SCRIPT, loading_method="defer")


def setup_navigation(app: Sphinx) -> None:
    """Put the blog (and the language switcher) into the theme's navigation."""
    app.connect("builder-inited", _fix_book_theme_menu)
    app.connect("html-page-context", _page_context, priority=400)
    app.connect("html-page-context", _header_links, priority=600)
