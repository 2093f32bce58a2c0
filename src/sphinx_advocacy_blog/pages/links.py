"""URLs between pages, to the site root, and absolute URLs from ``html_baseurl``.

Every link the extension writes goes through here, so ``html_link_suffix`` and the
``dirhtml`` builder are honoured everywhere.
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import quote
from weakref import WeakKeyDictionary

from markupsafe import escape
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from ..util.urls import is_absolute_url

logger = logging.getLogger("sphinx_advocacy_blog")

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from ..config.options import BlogSettings
    from ..model.post import Post


#: Each builder's page URIs (they follow only from the page's name and the builder's
#: options): a list page links to its posts' tags and authors again and again.
_URIS: WeakKeyDictionary[Builder, dict[str, str]] = WeakKeyDictionary()


def page_uri(builder: Builder, pagename: str) -> str:
    """The URI of a page relative to the site root (``blog/welcome``, ``blog/welcome/``)."""
    uris = _URIS.get(builder)
    if uris is None:
        uris = _URIS[builder] = {}
    uri = uris.get(pagename)
    if uri is None:
        uri = uris[pagename] = builder.get_target_uri(pagename)
    return uri


#: Pass as *from_page* to :func:`link` or :func:`link_to_file` for a link that is not yet
#: relative to any page: HTML made with such links is rendered once and fitted to each page
#: it appears on by :func:`resolve_deferred` (a post's entry on its index, tag and author
#: pages). The marks cannot occur in a URI, and escaping HTML leaves them alone.
DEFERRED = "\x00deferred-page\x00"
_MARK = "\x00\x01"
_DEFERRED_LINK = re.compile("\x00\x01([^\x00]*)\x00\x01")


def deferred(target: str) -> str:
    """A :data:`DEFERRED` link to *target*, a URI relative to the site root."""
    return f"{_MARK}{target}{_MARK}"


def is_deferred(uri: str) -> bool:
    """Whether *uri* holds a :data:`DEFERRED` link."""
    return _MARK in uri


def _relative(builder: Builder, from_page: str, target: str) -> str:
    if from_page == DEFERRED:
        return deferred(target)
    return relative_uri(page_uri(builder, from_page), target)


def link(builder: Builder, from_page: str, to_page: str) -> str:
    """Relative link from one page (document or generated) to another."""
    return _relative(builder, from_page, page_uri(builder, to_page))


def post_link(builder: Builder, from_page: str, post: Post) -> str:
    """Relative link from a page to a post: its page, at its section for ABlog's section
    posts."""
    url = link(builder, from_page, post.docname)
    return f"{url}#{post.section}" if post.section else url


def link_to_file(builder: Builder, from_page: str, path: str) -> str:
    """Relative link from a page to a file at *path* below the output root."""
    if is_absolute_url(path):
        return path
    return _relative(builder, from_page, quote(path.lstrip("/")))


def resolve_deferred(html: str, builder: Builder, pagename: str) -> str:
    """*html* with every :data:`DEFERRED` link made relative to page *pagename*.

    The result is the HTML that rendering with ``from_page=pagename`` gives: the links sit
    HTML-escaped in *html*, and so is the page's URI they are compared with, segment by
    segment (no escape contains a ``/``).
    """
    if _MARK not in html:
        return html
    base = str(escape(builder.get_target_uri(pagename)))
    return _DEFERRED_LINK.sub(lambda match: relative_uri(base, match.group(1)), html)


def absolute(settings: BlogSettings, root_relative: str, *, prefix: str | None = None) -> str:
    """Absolute URL of a URI relative to this build's output root.

    ``html_baseurl`` is the address of the whole site; a translated build's pages live
    under its locale prefix (``/ru/...``), which is added here (or *prefix*, to point into
    another locale). Without ``html_baseurl`` the result is a root-relative path.
    """
    if is_absolute_url(root_relative):
        return root_relative
    prefix = settings.url_prefix if prefix is None else prefix
    path = (
        posixpath.join(prefix, root_relative.lstrip("/")) if prefix else root_relative.lstrip("/")
    )
    if not settings.base_url:
        return "/" + path
    return f"{settings.base_url}/{path}" if path else settings.base_url + "/"


def public_uri(builder: Builder, pagename: str) -> str:
    """The URI a page is published at: like :func:`page_uri`, but a folder's ``index``
    page is the folder itself when links have no suffix (``/`` rather than ``/index``)."""
    uri = page_uri(builder, pagename)
    if uri == "index" or uri.endswith("/index"):
        return uri[: -len("index")]
    return uri


def absolute_page_url(builder: Builder, settings: BlogSettings, pagename: str) -> str:
    """The canonical URL of a page."""
    return absolute(settings, public_uri(builder, pagename))


def absolute_post_url(builder: Builder, settings: BlogSettings, post: Post) -> str:
    """The URL of a post: its page's, at its section for ABlog's section posts."""
    url = absolute_page_url(builder, settings, post.docname)
    return f"{url}#{post.section}" if post.section else url


_NOTICE = (
    "html_link_suffix is '': links have no .html, as on Docusaurus sites. Web hosts that "
    "serve /blog/x from blog/x.html (Netlify, Cloudflare Pages, GitHub Pages...) follow "
    "them, but `python -m http.server` and file:// do not (every link is a 404 there): "
    "preview with `python -m sphinx_advocacy_blog serve {srcdir}`."
)


def _suffixless_notice(app: Sphinx, exception: BaseException | None) -> None:
    """Say once per build that suffixless links need a server that maps them."""
    if exception is None and app.builder.name == "html" and app.config.html_link_suffix == "":
        logger.info(_NOTICE.format(srcdir=os.path.relpath(app.srcdir) or "."))


def setup_links(app: Sphinx) -> None:
    """Tell a site with suffixless links how to preview it."""
    app.connect("build-finished", _suffixless_notice)
