"""Pages of a translated build: ``<html lang>`` and links to the page in every locale.

A build with ``language`` set reads each post's translation when there is one (see
``env/discovery``) and publishes under the locale's URL prefix; this module gives every
page its language tag and the language switcher's HTML (for the theme's sidebar and the
``language-switcher`` directive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..env.site_data import get_site
from ..i18n.locales import Alternate, alternates
from .links import public_uri
from .render import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def page_alternates(app: Sphinx, pagename: str) -> list[Alternate]:
    """The page *pagename* in every locale of the site (the current one included)."""
    site = get_site(app)
    if site.locale is None:
        return []
    return alternates(
        site.locales, site.locale, public_uri(app.builder, pagename), site.settings.base_url
    )


def switcher_html(app: Sphinx, pagename: str) -> str:
    links = [
        {
            "label": alternate.locale.label,
            "lang": alternate.locale.html_lang,
            "url": alternate.relative_url,
            "current": alternate.current,
        }
        for alternate in page_alternates(app, pagename)
    ]
    if len(links) < 2:
        return ""
    return str(render(app, "language_switcher.html", links=links))


class _LazySwitcher:
    def __init__(self, app: Sphinx, pagename: str) -> None:
        self.app = app
        self.pagename = pagename

    def __html__(self) -> str:
        return switcher_html(self.app, self.pagename)

    def __str__(self) -> str:
        return self.__html__()


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    site = get_site(app)
    if site.locale is None:
        return
    # Themes print ``language`` (Sphinx >= 7.2: also ``lang_attr``) in <html lang>; a
    # folder code such as "ukr" is not a BCP 47 tag, so the locale's tag is used.
    if site.locale.html_lang != context.get("language"):
        context["language"] = site.locale.html_lang
        context["lang_attr"] = site.locale.html_lang
    context["advocacy_blog_locale"] = site.locale
    context["advocacy_blog_language_switcher"] = _LazySwitcher(app, pagename)


def setup_language(app: Sphinx) -> None:
    """Give every page its language tag and the language switcher."""
    app.connect("html-page-context", _page_context)
