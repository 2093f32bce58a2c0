"""Sidebar templates a site adds to ``html_sidebars``.

``advocacy_blog/recent-posts.html``, ``advocacy_blog/tags.html`` and
``advocacy_blog/archive.html`` are small Sphinx templates that print HTML prepared here
(rendered with autoescaping, since Sphinx's own template engine does not escape). Each is
of fixed size (a few posts, the tags, the years), so no page grows with the number of posts.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .links import link
from .pages import archive_page, index_page, tag_page
from .render import render
from .site import get_site
from .state import get_catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SIDEBAR_TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates", "sidebars")


class _LazySidebar:
    """Rendered only if the theme's sidebar template prints it."""

    def __init__(self, app: Sphinx, pagename: str, name: str) -> None:
        self.app = app
        self.pagename = pagename
        self.name = name

    def __html__(self) -> str:
        return str(render_sidebar(self.app, self.pagename, self.name))

    def __str__(self) -> str:
        return self.__html__()


def render_sidebar(app: Sphinx, pagename: str, name: str) -> Markup:
    """The HTML of sidebar *name* (``recent``, ``tags`` or ``archive``) on *pagename*."""
    site = get_site(app)
    catalog = get_catalog(app)
    builder = app.builder
    blog_url = link(builder, pagename, index_page(site))
    if name == "recent":
        posts = [
            {
                "title": post.sidebar_label or post.title,
                "url": link(builder, pagename, post.docname),
            }
            for post in catalog.posts[: site.settings.sidebar_count]
        ]
        return render(app, "sidebar_recent.html", posts=posts, blog_url=blog_url)
    if name == "tags":
        tags = [
            {
                "label": tag.label,
                "url": link(builder, pagename, tag_page(site, tag)),
                "count": len(catalog.by_tag[key]),
            }
            for key, tag in sorted(catalog.tags.items(), key=lambda item: item[1].label.casefold())
        ]
        return render(app, "sidebar_tags.html", tags=tags)
    years = Counter(post.published.year for post in catalog.posts)
    archive_url = link(builder, pagename, archive_page(site))
    entries = [
        {"year": year, "count": count, "url": f"{archive_url}#year-{year}"}
        for year, count in sorted(years.items(), reverse=True)
    ]
    return render(app, "sidebar_archive.html", years=entries, archive_url=archive_url)


def _context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context["advocacy_blog_sidebar"] = {
        name: _LazySidebar(app, pagename, name) for name in ("recent", "tags", "archive")
    }
    context["advocacy_blog_index_url"] = link(app.builder, pagename, index_page(get_site(app)))


def _add_template_dir(app: Sphinx, config: Any) -> None:
    if SIDEBAR_TEMPLATE_DIR not in config.templates_path:
        config.templates_path = [*config.templates_path, SIDEBAR_TEMPLATE_DIR]


def setup_sidebars(app: Sphinx) -> None:
    """Make the sidebar templates available and give them their data."""
    app.connect("config-inited", _add_template_dir, priority=800)
    app.connect("html-page-context", _context)
