"""Sidebar templates a site adds to ``html_sidebars`` (or to a theme's sidebar options).

``advocacy_blog/recent-posts.html``, ``advocacy_blog/tags.html``,
``advocacy_blog/archive.html`` and ``advocacy_blog/blog-link.html`` are small Sphinx
templates that print HTML prepared here (rendered with autoescaping, since Sphinx's own
template engine does not escape). Each is of fixed size (a few posts, the tags, the years),
so no page grows with the number of posts. Links are relative to the page they are on, so
they work from every page, with every builder and ``html_link_suffix``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..config.options import OPTIONS_BY_NAME
from ..env.build_state import get_catalog
from ..env.site_data import get_site
from ..i18n.translate import _
from ..model.routes import archive_page, index_page, tag_page, tags_index_page
from ..util.resources import LEGACY_SIDEBAR_TEMPLATE_DIR, SIDEBAR_TEMPLATE_DIR
from .ablog_sidebars import TERM_SIDEBARS, render_postcard, render_terms
from .links import link, post_link
from .render import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: Name of each sidebar in the ``advocacy_blog_sidebar`` context -> its template.
SIDEBARS = {
    "recent": "sidebar_recent.html",
    "tags": "sidebar_tags.html",
    "archive": "sidebar_archive.html",
    "link": "sidebar_link.html",
    # ABlog's sidebars (``ablog/postcard.html``...), see .ablog_sidebars
    "postcard": "sidebar_postcard.html",
    **dict.fromkeys(TERM_SIDEBARS, "sidebar_terms.html"),
}
#: ABlog's sidebar names from before ``ablog/`` (``postcard.html``...), still in old sites.
LEGACY_ABLOG_SIDEBARS = frozenset(
    {
        "postcard.html",
        "recentposts.html",
        "tagcloud.html",
        "categories.html",
        "archives.html",
        "authors.html",
        "languages.html",
        "locations.html",
    }
)


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


def _translated_default(option: str, value: str) -> str:
    """*value*, translated when the user kept the option's (English) default."""
    return _(value) if value == OPTIONS_BY_NAME[option].default else value


def in_blog(route: str, pagename: str) -> bool:
    """Whether *pagename* is one of the blog's pages (index, lists or posts)."""
    return not route or pagename == route or pagename.startswith(route + "/")


def render_sidebar(app: Sphinx, pagename: str, name: str) -> Markup:
    """The HTML of sidebar *name* (``recent``, ``tags``, ``archive``, ``link``) on *pagename*."""
    site = get_site(app)
    catalog = get_catalog(app)
    builder = app.builder
    settings = site.settings
    if name == "postcard":
        return render_postcard(app, pagename)
    if name in TERM_SIDEBARS:
        return render_terms(app, pagename, name)
    blog_url = link(builder, pagename, index_page(site))
    if name == "link":
        return render(
            app,
            SIDEBARS[name],
            # The blog index's own title (translated through options.json, like the index).
            title=settings.title,
            url=blog_url,
            current=in_blog(settings.route, pagename),
        )
    if name == "recent":
        posts = [
            {
                "title": post.sidebar_label or post.title,
                "url": post_link(builder, pagename, post),
                "current": post.docname == pagename and not post.section,
            }
            for post in catalog.posts[: settings.sidebar_count]
        ]
        return render(
            app,
            SIDEBARS[name],
            title=_translated_default("blog_sidebar_title", settings.sidebar_title),
            posts=posts,
            blog_url=blog_url,
        )
    if name == "tags":
        tags = []
        for key, tag in sorted(catalog.tags.items(), key=lambda item: item[1].label.casefold()):
            page = tag_page(site, tag)
            tags.append(
                {
                    "label": tag.label,
                    "url": link(builder, pagename, page),
                    "count": len(catalog.by_tag[key]),
                    "current": in_blog(page, pagename),
                }
            )
        tags_url = link(builder, pagename, tags_index_page(site))
        return render(app, SIDEBARS[name], tags=tags, tags_url=tags_url)
    years = Counter(post.published.year for post in catalog.posts)
    archive_url = link(builder, pagename, archive_page(site))
    entries = [
        {"year": year, "count": count, "url": f"{archive_url}#year-{year}"}
        for year, count in sorted(years.items(), reverse=True)
    ]
    return render(app, SIDEBARS[name], years=entries, archive_url=archive_url)


def _context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context["advocacy_blog_sidebar"] = {
        name: _LazySidebar(app, pagename, name) for name in SIDEBARS
    }
    context["advocacy_blog_index_url"] = link(app.builder, pagename, index_page(get_site(app)))


def uses_legacy_ablog_names(html_sidebars: Any) -> bool:
    """Whether ``html_sidebars`` names one of ABlog's old sidebar templates."""
    if not isinstance(html_sidebars, dict):
        return False
    names = [
        name
        for value in html_sidebars.values()
        for name in ([value] if isinstance(value, str) else value)
    ]
    return any(name in LEGACY_ABLOG_SIDEBARS for name in names)


def _add_template_dir(app: Sphinx, config: Any) -> None:
    if SIDEBAR_TEMPLATE_DIR not in config.templates_path:
        config.templates_path = [*config.templates_path, SIDEBAR_TEMPLATE_DIR]
    # Only for a site that names them: they would hide a theme's templates of these names.
    legacy = LEGACY_SIDEBAR_TEMPLATE_DIR
    if uses_legacy_ablog_names(config.html_sidebars) and legacy not in config.templates_path:
        config.templates_path = [*config.templates_path, legacy]


def setup_sidebars(app: Sphinx) -> None:
    """Make the sidebar templates available and give them their data."""
    app.connect("config-inited", _add_template_dir, priority=800)
    app.connect("html-page-context", _context)
