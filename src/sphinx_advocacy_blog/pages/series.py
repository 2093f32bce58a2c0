"""A post's series ("Part 2 of 3" with every part) and its related posts, as views.

The parts come from the catalog (reading order, see :mod:`..model.catalog`); the related
posts are computed once per build (:mod:`..model.related`). Templates ``series_box.html``
and ``related_posts.html`` render them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..i18n import translate as i18n
from ..model.catalog import Catalog
from ..model.post import Post
from ..model.routes import series_key, series_page
from ..model.site import BlogSite
from .links import link

if TYPE_CHECKING:
    from sphinx.builders import Builder


def series_view(
    builder: Builder, site: BlogSite, catalog: Catalog, from_page: str, post: Post
) -> dict[str, Any] | None:
    """The series box of a post: its place, and a link to every part (``None`` when the
    post is not a listed part of a series)."""
    if not post.series:
        return None
    parts = catalog.by_series.get(series_key(post.series), [])
    docnames = [part.docname for part in parts]
    if post.docname not in docnames:
        return None
    number = docnames.index(post.docname) + 1
    return {
        "name": catalog.series[series_key(post.series)],
        "url": link(builder, from_page, series_page(site, post.series)),
        "part": number,
        "parts_count": len(parts),
        "position": i18n._("Part {part} of {parts}").format(part=number, parts=len(parts)),
        "parts": [
            {
                "title": part.title,
                "url": link(builder, from_page, part.docname),
                "current": part.docname == post.docname,
            }
            for part in parts
        ],
    }


def related_views(
    builder: Builder, site: BlogSite, from_page: str, related: tuple[Post, ...], language: str
) -> list[dict[str, Any]]:
    """The related posts of a post, as links with their dates."""
    return [
        {
            "title": post.title,
            "url": link(builder, from_page, post.docname),
            "date_iso": post.published.date().isoformat(),
            "date_text": i18n.display_date(post.published, language, site.settings.date_format),
        }
        for post in related
    ]
