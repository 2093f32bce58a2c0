"""Which feeds the blog has: the site's, one per tag and one per author (pure).

Docusaurus publishes ``/blog/rss.xml``, ``/blog/atom.xml`` and ``/blog/feed.json``; the
same files are planned here, and ``/blog/tags/<tag>/...``, ``/blog/authors/<key>/...``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

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


def plan_feeds(site: BlogSite, catalog: Catalog) -> list[FeedPlan]:
    """Every feed of the blog: the site's, then one per tag and per author (pure)."""
    settings = site.settings
    length = settings.feed_length
    route = settings.route
    plans = [
        FeedPlan(
            route,
            settings.title,
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
                    f"{settings.title} – {tag.label}",
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
                    f"{settings.title} – {author.name}",
                    author.description or settings.description,
                    page,
                    tuple(catalog.by_author[key][:length]),
                )
            )
    return plans


def feed_file(folder: str, feed_format: str) -> str:
    """The path of a feed below the output root (``blog/tags/x/rss.xml``)."""
    return posixpath.join(folder, FEED_FILES[feed_format])
