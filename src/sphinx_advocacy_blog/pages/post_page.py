"""The write phase of a post page: fill the header and footer placeholders.

Runs at ``doctree-resolved`` with the current site data, so a changed ``authors.yml`` or a
new neighbour shows without re-reading the post. The HTML comes from autoescaped templates
(``post_header.html``, ``post_footer.html``); other builders get plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..env.build_state import get_neighbours
from ..env.nodes import (
    excerpt_marker,
    page_part_html,
    post_footer,
    post_header,
    visit_page_part_html,
)
from ..env.records import posts_of
from ..env.site_data import get_site
from ..util.resources import STATIC_DIR
from .cta import post_cta
from .excerpts import save_excerpt
from .links import link
from .render import render
from .share import share_html
from .views import post_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CSS_FILE = "advocacy-blog.css"


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


def _neighbour_views(app: Sphinx, docname: str) -> dict[str, Any]:
    newer, older = get_neighbours(app).get(docname, (None, None))
    builder = app.builder

    def view(entry: tuple[str, str] | None) -> dict[str, str] | None:
        if entry is None:
            return None
        return {"title": entry[1], "url": link(builder, docname, entry[0])}

    return {"newer": view(newer), "older": view(older)}


def _on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    post = posts_of(app.env).get(docname)
    if post is None:
        return
    placeholders = list(
        doctree.findall(lambda node: isinstance(node, (post_header, post_footer, excerpt_marker)))
    )
    if not _is_html(app):
        for node in placeholders:
            node.parent.remove(node)
        return
    save_excerpt(app, docname, doctree)
    site = get_site(app)
    language = app.config.language or "en"
    view = post_view(app.builder, site, docname, post, language)
    for node in placeholders:
        if isinstance(node, post_header):
            html = render(app, "post_header.html", post=view)
            node.replace_self(page_part_html(html=str(html)))
        elif isinstance(node, post_footer):
            html = render(
                app,
                "post_footer.html",
                post=view,
                share=share_html(app, site, docname, post.title),
                cta=post_cta(app, site, post),
                **_neighbour_views(app, docname),
            )
            node.replace_self(page_part_html(html=str(html)))
        else:
            node.replace_self(nodes.raw("", "", format="html"))


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    post = posts_of(app.env).get(pagename)
    if post is None:
        return
    context["advocacy_blog_post"] = post
    if post.hide_table_of_contents:
        context["display_toc"] = False
        context["toc"] = ""
    # The post's title is shown by the page itself; themes use this for <title>.
    context["blog_post"] = True


def _add_static(app: Sphinx) -> None:
    if _is_html(app):
        app.config.html_static_path.append(STATIC_DIR)
        app.add_css_file(CSS_FILE)


def setup_post_page(app: Sphinx) -> None:
    """Connect post-page rendering."""
    app.add_node(page_part_html, html=(visit_page_part_html, None))
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("html-page-context", _page_context)
    app.connect("builder-inited", _add_static)
