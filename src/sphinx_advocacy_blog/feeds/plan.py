"""Which feeds the blog has: the site's, one per tag and one per author (pure).

Docusaurus publishes ``/blog/rss.xml``, ``/blog/atom.xml`` and ``/blog/feed.json``; the
same files are planned here, and ``/blog/tags/<tag>/...``, ``/blog/authors/<key>/...``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..config.options import OPTIONS_BY_NAME
from ..model.catalog import Catalog
from ..model.post import Post
from ..model.routes import author_folder, author_page, index_page, tag_folder, tag_page
from ..model.site import BlogSite
from .formats import FEED_FILES


@dataclass(frozen=True)
class FeedPlan:
    """One feed to write: where, its title, and its posts (newest first)."""

    folder: str
    title: str
    description: str
    home_page: str
    posts: tuple[Post, ...]


def feed_title(site: BlogSite, site_name: str) -> str:
    """The title of the blog's feeds: ``blog_title`` when the site chose one (or its
    locale's ``options.json`` did), else ``"<site title> Blog"`` as in Docusaurus."""
    title = site.settings.title
    if title == OPTIONS_BY_NAME["blog_title"].default and site_name:
        return f"{site_name} {title}"
    return title


def plan_feeds(site: BlogSite, catalog: Catalog, site_name: str = "") -> list[FeedPlan]:
    """Every feed of the blog: the site's, then one per tag and per author (pure).

    *site_name* is the site's title (``html_title`` or ``project``), see :func:`feed_title`.
    """
    settings = site.settings
    length = settings.feed_length
    route = settings.route
    title = feed_title(site, site_name)
    plans = [
        FeedPlan(
            route,
            title,
            settings.description,
            index_page(site),
            tuple(catalog.posts[:length]),
        )
    ]
    if settings.feed_per_tag:
        for key, tag in catalog.tags.items():
            plans.append(
                FeedPlan(
                    tag_folder(site, tag),
                    f"{title} – {tag.label}",
                    tag.description or settings.description,
                    tag_page(site, tag),
                    tuple(catalog.by_tag[key][:length]),
                )
            )
    if settings.feed_per_author:
        for key, author in catalog.authors.items():
            page = author_page(site, author)
            if page is None:
                continue
            plans.append(
                FeedPlan(
                    author_folder(site, key),
                    f"{title} – {author.name}",
                    author.description or settings.description,
                    page,
                    tuple(catalog.by_author[key][:length]),
                )
            )
    return plans


def feed_file(folder: str, feed_format: str) -> str:
    """The path of a feed below the output root (``blog/tags/x/rss.xml``)."""
    return posixpath.join(folder, FEED_FILES[feed_format])
