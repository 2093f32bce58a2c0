"""The full HTML of posts for feeds, every link and image made absolute.

A feed entry carries the post as the reader sees it, minus the page's frame (title, post
header and footer, permalink anchors, scripts). When a post page in some feed is written,
its rendered body is cleaned with lxml and cached beside the doctrees; feeds are then
assembled from the cache, so unchanged posts are never rendered again. A post without a
cached body (it just entered a feed) is rendered from its doctree.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import lxml.html

from .excerpts import render_nodes
from .links import absolute
from .site import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CONTENT_DIR = "advocacy_blog_feed_content"
#: Elements of the page frame that are not part of a post's content.
_FRAME = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' blog-post-header ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' blog-post-footer ')]"
    " | //a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"
    " | //h1 | //script | //style | //noscript"
)
_URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action", "data")


def _absolute_srcset(value: str, base: str) -> str:
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            parts[0] = urljoin(base, parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def clean_body_html(html: str, base_url: str) -> str:
    """The post's content from a rendered page body, with absolute URLs.

    *base_url* is the absolute URL of the page the body was rendered for, so its relative
    links resolve exactly as a browser would resolve them there.
    """
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.xpath(_FRAME):
        parent = element.getparent()
        if parent is None:
            continue
        # Keep the text that follows a removed element (lxml stores it on the element).
        if element.tail and element.tail.strip():
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in list(element.attrib):
            if attribute.lower().startswith("on"):
                del element.attrib[attribute]
        for attribute in _URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and not value.startswith(("#", "mailto:", "data:")):
                element.set(attribute, urljoin(base_url, value.strip()))
            elif value is not None and value.startswith("#"):
                element.set(attribute, base_url + value)
        if element.get("srcset"):
            element.set("srcset", _absolute_srcset(element.get("srcset", ""), base_url))
    # The post's one top-level <section> (its title's) is page structure: unwrap it.
    while len(root) == 1 and root[0].tag == "section" and not (root.text or "").strip():
        root = root[0]
    parts = [lxml.html.tostring(child, encoding="unicode") for child in root]
    text = (root.text or "").strip()
    return (text + "".join(parts)).strip()


def page_base_url(app: Sphinx, pagename: str) -> str:
    """The absolute URL of a page as its relative links see it."""
    return absolute(get_site(app).settings, app.builder.get_target_uri(pagename))


def _cache_path(app: Sphinx, docname: str) -> str:
    return os.path.join(app.doctreedir, CONTENT_DIR, docname + ".html")


def save_content(app: Sphinx, docname: str, body_html: str) -> str:
    """Clean and cache a post's body as rendered for its page; return the content."""
    content = clean_body_html(body_html, page_base_url(app, docname))
    path = _cache_path(app, docname)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(content)
    return content


def post_content(app: Sphinx, docname: str) -> str:
    """A post's feed content: from the cache, else rendered from its doctree."""
    with contextlib.suppress(OSError), open(_cache_path(app, docname), encoding="utf-8") as cached:
        return cached.read()
    from docutils import nodes

    doctree = app.env.get_and_resolve_doctree(docname, app.builder)
    section = doctree.next_node(nodes.section)
    html = render_nodes(app.builder, docname, section) if section is not None else ""
    return save_content(app, docname, html)


def forget_content(app: Sphinx, docname: str) -> None:
    """Drop a removed post's cached content."""
    with contextlib.suppress(OSError):
        os.remove(_cache_path(app, docname))


def capture(app: Sphinx, pagename: str, context: dict[str, Any], members: set[str]) -> None:
    """At ``html-page-context``: cache the body of a post page that is in some feed."""
    if pagename in members and isinstance(context.get("body"), str):
        save_content(app, pagename, context["body"])
