"""The write phase of a post page: fill the header and footer placeholders.

At ``doctree-resolved`` (in the main process) the post's excerpt is copied and each
placeholder becomes a :class:`page_part_html` naming its part; the HTML translator writes
a mark for it, and the part is rendered into the page's body first thing at
``html-page-context`` (with ``-j N``, in the worker processes). Both use the current site
data, so a changed ``authors.yml`` or a new neighbour shows without re-reading the post.
The HTML comes from autoescaped templates (``post_header.html``, ``post_footer.html``);
other builders get neither.

Why a mark: Sphinx writes ``repr()`` of every event's arguments, the whole page context
with its body among them, before calling the handlers (for a debug message); a body
holding the footer's share links and related posts made that 9 KB longer on every post
page (1.5 million instructions a post, a tenth of what the extension adds to one).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..env.build_state import get_catalog, get_neighbours, get_related
from ..env.nodes import (
    excerpt_marker,
    page_part_html,
    post_excerpt,
    post_footer,
    post_header,
    visit_page_part_html,
)
from ..env.records import posts_of
from ..env.site_data import get_site
from ..model.post import Post
from ..model.site import BlogSite
from ..util.resources import STATIC_DIR
from .cta import post_cta
from .events import event_view
from .excerpts import attach_excerpts
from .links import link
from .render import render
from .series import related_views, series_view
from .share import share_html
from .views import post_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CSS_FILE = "advocacy-blog.css"


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


def _neighbour_views(app: Sphinx, docname: str) -> dict[str, Any]:
    if not get_site(app).settings.show_prev_next:
        return {"newer": None, "older": None}
    newer, older = get_neighbours(app).get(docname, (None, None))
    builder = app.builder

    def view(entry: tuple[str, str] | None) -> dict[str, str] | None:
        if entry is None:
            return None
        return {"title": entry[1], "url": link(builder, docname, entry[0])}

    return {"newer": view(newer), "older": view(older)}


def unwrap_post_directives(doctree: nodes.document) -> None:
    """ABlog's ``post`` directive shows its content where it stands (nothing with
    ``:exclude:``); done once the post's excerpt was kept."""
    for node in list(doctree.findall(post_excerpt)):
        if node.get("hidden") or not node.children:
            node.parent.remove(node)
        else:
            node.replace_self(node.children)


def _on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    post = posts_of(app.env).get(docname)
    if post is None:
        unwrap_post_directives(doctree)
        return
    # One walk per class: docutils' fast path (a condition function is a call per node).
    placeholders = [
        *doctree.findall(post_header),
        *doctree.findall(post_footer),
        *doctree.findall(excerpt_marker),
    ]
    if not _is_html(app):
        for node in placeholders:
            node.parent.remove(node)
        unwrap_post_directives(doctree)
        return
    attach_excerpts(app, docname, doctree)
    unwrap_post_directives(doctree)
    # Made here, in the main process, once: the processes that write pages (-j N) are
    # forked from it and find them made.
    get_catalog(app), get_related(app), get_neighbours(app)
    for node in placeholders:
        if isinstance(node, (post_header, post_footer)):
            part = "header" if isinstance(node, post_header) else "footer"
            node.replace_self(page_part_html(part=part, docname=docname))
        else:
            node.replace_self(nodes.raw("", "", format="html"))


#: The view of the post whose page is being written, made for its header and used again
#: by its footer (the same post record, with the same site data).
_LAST_VIEW: dict[str, tuple[Post, BlogSite, dict[str, Any]]] = {}


def _post_view(
    builder: Any, site: BlogSite, docname: str, post: Post, language: str, *, last: bool
) -> dict[str, Any]:
    known = _LAST_VIEW.pop(docname, None) if last else _LAST_VIEW.get(docname)
    if known is not None and known[0] is post and known[1] is site:
        return known[2]
    view = post_view(builder, site, docname, post, language)
    if not last:
        _LAST_VIEW.clear()
        _LAST_VIEW[docname] = (post, site, view)
    return view


def render_post_part(app: Sphinx, part: str, docname: str) -> str:
    """The HTML of a post's ``header`` or ``footer``."""
    post = posts_of(app.env)[docname]
    site = get_site(app)
    language = app.config.language or "en"
    builder = app.builder
    view = _post_view(builder, site, docname, post, language, last=part == "footer")
    if part == "header":
        return str(
            render(
                app,
                "post_header.html",
                post=view,
                event=event_view(builder, site, docname, post, language),
                series=series_view(builder, site, get_catalog(app), docname, post),
            )
        )
    related = get_related(app).get(docname, ())
    return str(
        render(
            app,
            "post_footer.html",
            post=view,
            related=related_views(builder, site, docname, related, language),
            share=share_html(app, site, docname, post.title),
            cta=post_cta(app, site, post),
            **_neighbour_views(app, docname),
        )
    )


#: The mark of a post's header or footer in a translated body: ``part`` and docname
#: between NULs, which no HTML holds.
_PART_MARK = "\x00advocacy-blog-part\x00"
_PART = re.compile("\x00advocacy-blog-part\x00([a-z]+)\x00([^\x00]*)\x00")


def visit_post_part(translator: nodes.NodeVisitor, node: page_part_html) -> None:
    """HTML translators: mark where a post's header or footer goes (see
    :func:`fill_post_parts`)."""
    if "part" in node:
        translator.body.append(f"{_PART_MARK}{node['part']}\x00{node['docname']}\x00")
        raise nodes.SkipNode
    visit_page_part_html(translator, node)


def fill_post_parts(app: Sphinx, html: str) -> str:
    """*html* (a translated body) with the headers and footers of its posts rendered."""
    if _PART_MARK not in html:
        return html
    return _PART.sub(lambda match: render_post_part(app, match[1], match[2]), html)


def strip_post_parts(html: str) -> str:
    """*html* (a translated body) without the marks of its posts' headers and footers."""
    return _PART.sub("", html) if _PART_MARK in html else html


def _fill_body(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body")
    if isinstance(body, str):
        context["body"] = fill_post_parts(app, body)


def source_copy_name(app: Sphinx, docname: str) -> str:
    """The name of a post's source copy below ``_sources/`` (``""`` when sources are not
    copied): the path of its source file, as for a document of the docs.

    Sphinx names the copy ``docname`` + the part of the file's path after ``docname``,
    which for a post (named after its URL, not its file) is a garble of the path. The
    file's path, not the URL's, also keeps the copies in the source's folders: a dated URL
    would make three new folders a post (~0.2 s a 1,000 posts).
    """
    if not app.config.html_copy_source:
        return ""
    name = PurePath(app.env.doc2path(docname, False)).as_posix()
    suffix = posixpath.splitext(name)[1]
    if suffix != app.config.html_sourcelink_suffix:
        name += app.config.html_sourcelink_suffix
    return name


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    post = posts_of(app.env).get(pagename)
    if post is None:
        return
    context["advocacy_blog_post"] = post
    _fix_source_link(app, pagename, context)
    if post.hide_table_of_contents:
        context["display_toc"] = False
        context["toc"] = ""
    # The post's title is shown by the page itself; themes use this for <title>.
    context["blog_post"] = True


def _fix_source_link(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """The "page source" of a post: ``_sources/<its source file>.txt``.

    Sphinx takes a document's suffix from its file name minus its document name, which
    for a post (``blog/2022-07-3-welcome/index.md`` named ``blog/2022/07/3/welcome``) is a
    garbled path; the suffix is the file's own. Sphinx copies the source to the name given
    here.
    """
    context["page_source_suffix"] = posixpath.splitext(str(app.env.doc2path(pagename, False)))[1]
    if context.get("sourcename"):
        # The same name pages/removed_posts deletes when the post goes.
        context["sourcename"] = source_copy_name(app, pagename)


def _add_static_path(app: Sphinx, config: Config) -> None:
    # At config-inited, not builder-inited: Sphinx compares the configuration with the
    # last build's before the builder starts, and a path added later would make every
    # build say "The configuration has changed (1 option: 'html_static_path')".
    if STATIC_DIR not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, STATIC_DIR]


def _add_stylesheet(app: Sphinx) -> None:
    if _is_html(app):
        app.add_css_file(CSS_FILE)


def setup_post_page(app: Sphinx) -> None:
    """Connect post-page rendering."""
    app.add_node(page_part_html, html=(visit_post_part, None))
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("html-page-context", _page_context)
    # Before any other handler reads the body.
    app.connect("html-page-context", _fill_body, priority=1)
    app.connect("config-inited", _add_static_path)
    app.connect("builder-inited", _add_stylesheet)
