"""The full HTML of posts for feeds, every link and image made absolute.

A feed entry carries the post as the reader sees it, minus the page's frame (title, post
header and footer, permalink anchors, scripts). When a post page in some feed is written,
its rendered body is cleaned with lxml and cached beside the doctrees, one folder per
builder (``html`` and ``dirhtml`` link differently and often share a doctree folder); feeds
are then assembled from the cache, so unchanged posts are never rendered again. Writing a
post page that is in no feed drops its cached body, so a cached body is always the one of
the page as last written. A post without a cached body (it just entered a feed) is rendered
from its doctree exactly as the builder renders a page body, so the bytes of a feed never
depend on the build history.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from sphinx.util.osutil import relative_uri

from ..env.build_state import resolved_doctree
from ..env.records import posts_of
from ..env.site_data import get_site
from ..media.remote import restore_in_feed
from ..pages.excerpts import builder_state_kept, docutils_settings
from ..pages.links import absolute
from ..pages.post_page import strip_post_parts
from ..util.files import write_atomically

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
    import lxml.html  # imported when a post's body is kept for a feed

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    restore_in_feed(root)
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
    # The post's one top-level <section> (its title's) is page structure: unwrap it, but
    # only that one (a lone sub-section keeps its id, which links may point to).
    if len(root) == 1 and root[0].tag == "section" and not (root.text or "").strip():
        root = root[0]
    parts = [lxml.html.tostring(child, encoding="unicode") for child in root]
    text = (root.text or "").strip()
    return (text + "".join(parts)).strip()


def page_base_url(app: Sphinx, pagename: str) -> str:
    """The absolute URL of a page as its relative links see it."""
    return absolute(get_site(app).settings, app.builder.get_target_uri(pagename))


def _cache_path(app: Sphinx, docname: str, builder_name: str | None = None) -> str:
    # A flat file name (one folder, not one per publication day).
    name = builder_name or app.builder.name
    file_name = hashlib.sha1(docname.encode("utf-8")).hexdigest() + ".html"  # noqa: S324 - a name
    return os.path.join(app.doctreedir, CONTENT_DIR, name, file_name)


def save_content(app: Sphinx, docname: str, body_html: str) -> str:
    """Clean and cache a post's body as rendered for its page; return the content."""
    content = clean_body_html(body_html, page_base_url(app, docname))
    # Atomic: a build killed here leaves the old body or none, never half of one.
    write_atomically(_cache_path(app, docname), content.encode("utf-8"))
    return content


#: Builder attributes that ``write_doc`` sets for the page being written.
_PAGE_STATE = ("secnumbers", "fignumbers", "imgpath", "dlpath", "current_docname")


def render_body(app: Sphinx, docname: str) -> str:
    """The body of a page as the HTML builder writes it (``body`` in its page context).

    Mirrors ``write_doc_serialized`` + ``write_doc`` so that a post rendered here gives the
    same bytes as its page, and works at ``build-finished`` even when no page was written
    in this build. The builder's per-page state is restored afterwards.
    """
    builder: Any = app.builder
    env = app.env
    doctree = resolved_doctree(app, docname)
    page_uri = builder.get_target_uri(docname)
    with builder_state_kept(builder, _PAGE_STATE):
        builder.imgpath = relative_uri(page_uri, builder.imagedir)
        builder.post_process_images(doctree)
        doctree.settings = docutils_settings(builder)
        builder.secnumbers = env.toc_secnumbers.get(docname, {})
        builder.fignumbers = env.toc_fignumbers.get(docname, {})
        builder.imgpath = relative_uri(page_uri, "_images")
        builder.dlpath = relative_uri(page_uri, "_downloads")
        builder.current_docname = docname
        visitor = builder.create_translator(doctree, builder)
        doctree.walkabout(visitor)
        return strip_post_parts("".join(visitor.fragment))


def post_content(app: Sphinx, docname: str) -> str:
    """A post's feed content: from the cache, else rendered from its doctree."""
    with contextlib.suppress(OSError), open(_cache_path(app, docname), encoding="utf-8") as cached:
        return cached.read()
    return save_content(app, docname, render_body(app, docname))


def forget_content(app: Sphinx, docname: str) -> None:
    """Drop a post's cached content, for every builder (the post changed or is gone)."""
    folder = os.path.join(app.doctreedir, CONTENT_DIR)
    with contextlib.suppress(OSError):
        for builder_name in os.listdir(folder):
            with contextlib.suppress(OSError):
                os.remove(_cache_path(app, docname, builder_name))


def capture(app: Sphinx, pagename: str, context: dict[str, Any], members: set[str]) -> None:
    """At ``html-page-context``, before the post's header and footer are rendered into its
    body (the feed has neither): cache the body of a post page that is in some feed, and
    drop the cached body of a post page that is in none (it would be stale if the post
    entered a feed again without its page being written)."""
    if pagename in members and isinstance(context.get("body"), str):
        save_content(app, pagename, strip_post_parts(context["body"]))
    elif pagename in posts_of(app.env):
        with contextlib.suppress(OSError):
            os.remove(_cache_path(app, pagename))
