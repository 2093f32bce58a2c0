"""Scripts, stylesheets, icons and logos of the page frame that come from another host.

A post's own body is made private by :mod:`.embeds`; the frame around it is the theme's
and ``conf.py``'s: ``html_js_files``/``html_css_files`` with URLs, a remote
``html_logo``/``html_favicon``, an extension that adds a CDN script (Sphinx's MathJax on
pages with math). They are the site owner's choice, so they are kept, but each is named
once per build in a warning (``blog.remote_media``) unless ``blog_remote_media`` is set,
so that no one publishes a page that tells a third party who reads it without knowing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..diagnostics import report
from ..model.problem import Problem
from .embeds import own_hosts
from .remote import remote_host

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_REPORTED: WeakKeyDictionary[Sphinx, set[Any]] = WeakKeyDictionary()
_HINTS = {
    "cdn.jsdelivr.net": " (Sphinx's MathJax, on pages with math: set mathjax_path to a copy "
    "in html_static_path)",
}


def _assets(context: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for key, what in (("script_files", "script"), ("css_files", "stylesheet")):
        for asset in context.get(key) or ():
            url = str(getattr(asset, "filename", asset) or "")
            found.append((what, url))
    for key, what in (("logo_url", "logo"), ("favicon_url", "icon")):
        if context.get(key):
            found.append((what, str(context[key])))
    return found


def _check_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.config.blog_remote_media:
        return
    hosts = own_hosts(app)
    reported = _REPORTED.setdefault(app, set())
    assets = tuple(_assets(context))
    if assets in reported:
        return  # most pages have the same scripts and stylesheets: checked once
    reported.add(assets)
    problems = []
    for what, url in assets:
        host = remote_host(url, hosts)
        if not host or url in reported:
            continue
        reported.add(url)
        problems.append(
            Problem(
                "remote_media",
                f"page {pagename!r} (and maybe others) loads the {what} {url} from {host}"
                f"{_HINTS.get(host, '')}, which tells {host} who reads it: serve a copy from "
                "the site, or set blog_remote_media = True if that is intended",
            )
        )
    report(app, problems)


def setup_page_assets(app: Sphinx) -> None:
    """Name the page frame's remote scripts, stylesheets and icons."""
    # Late, so the scripts that other handlers add to this page (MathJax) are seen.
    app.connect("html-page-context", _check_page_assets, priority=900)
