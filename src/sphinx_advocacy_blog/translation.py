"""Translated builds: ``<html lang>``, alternates, the language switcher, image fallback.

A build with ``language`` set reads each post's translation when there is one (see
``discovery.BlogProject``) and publishes under the locale's URL prefix; this module gives
every page its language tag and links to its versions in the other locales.
"""

from __future__ import annotations

import os
import posixpath
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from .links import public_uri
from .locales import Alternate, alternates
from .render import render
from .site import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class language_switcher(nodes.General, nodes.Element):
    """Placeholder for the ``language-switcher`` directive, filled when written."""


def page_alternates(app: Sphinx, pagename: str) -> list[Alternate]:
    """The page *pagename* in every locale of the site (the current one included)."""
    site = get_site(app)
    if site.locale is None:
        return []
    return alternates(
        site.locales, site.locale, public_uri(app.builder, pagename), site.settings.base_url
    )


def _switcher_html(app: Sphinx, pagename: str) -> str:
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
        return _switcher_html(self.app, self.pagename)

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


class LanguageSwitcherDirective(SphinxDirective):
    """``language-switcher``: links to this page in the site's other languages."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        node = language_switcher()
        self.set_source_info(node)
        return [node]


def _fill_switchers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(language_switcher)):
        if app.builder.format != "html":
            node.parent.remove(node)
            continue
        node.replace_self(nodes.raw("", _switcher_html(app, docname), format="html"))


class TranslatedImageFallback(SphinxTransform):
    """An image beside a translated post that the translation folder lacks comes from the
    source post's folder (Docusaurus resolves images the same way)."""

    default_priority = 191

    def apply(self, **kwargs: Any) -> None:
        from .discovery import is_post, post_source

        env = self.env
        if not is_post(env, env.docname):
            return
        source = post_source(env, env.docname)
        read_from = str(env.doc2path(env.docname, False))
        if read_from == source:
            return
        srcdir = str(env.srcdir)
        for image in self.document.findall(nodes.image):
            uri = image.get("uri", "")
            if not uri or uri.startswith(("/", "data:")) or "://" in uri:
                continue
            if os.path.exists(os.path.join(srcdir, posixpath.dirname(read_from), uri)):
                continue
            fallback = posixpath.normpath(posixpath.join(posixpath.dirname(source), uri))
            if os.path.exists(os.path.join(srcdir, fallback)):
                image["uri"] = "/" + fallback


def _docutils_language(app: Sphinx) -> None:
    """Docutils warns on every document for a language it has no module for ("ukr",
    "hal"); give it the BCP 47 tag when it knows that, else English (UI strings of this
    extension still come from its own catalogs)."""
    import importlib

    language = app.config.language
    locale = get_site(app).locale
    if not language:
        return
    for candidate in (language, locale.html_lang if locale else ""):
        tag = candidate.replace("-", "_").lower()
        if not tag:
            continue
        try:
            importlib.import_module(f"docutils.languages.{tag}")
        except ImportError:
            continue
        app.env.settings["language_code"] = tag
        return
    app.env.settings["language_code"] = "en"


def setup_translation(app: Sphinx) -> None:
    """Connect language tags, alternates, the switcher and the image fallback."""
    app.add_node(language_switcher)
    app.add_directive("language-switcher", LanguageSwitcherDirective)
    app.add_transform(TranslatedImageFallback)
    app.connect("builder-inited", _docutils_language, priority=460)
    app.connect("html-page-context", _page_context)
    app.connect("doctree-resolved", _fill_switchers)
