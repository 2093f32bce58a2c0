"""Group the listed posts by tag, author, category, group and date: pure functions.

A :class:`Catalog` is computed once per build, after reading, from the ``Post`` records and
the site data; list pages, directives, sidebars and feeds all read it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..util.slugs import slugify
from .ordering import index_order, ordered_posts
from .post import Author, Post, Tag
from .routes import author_key, has_author_page, tag_key
from .site import BlogSite


@dataclass
class Catalog:
    """The listed posts of a build and their groupings, each in display order."""

    #: Listed posts, newest first (or by title).
    posts: list[Post]
    #: Blog index order: pinned posts first.
    index: list[Post]
    tags: dict[str, Tag] = field(default_factory=dict)
    by_tag: dict[str, list[Post]] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    by_author: dict[str, list[Post]] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    by_category: dict[str, list[Post]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    by_group: dict[str, list[Post]] = field(default_factory=dict)
    by_docname: dict[str, Post] = field(default_factory=dict)


def build_catalog(posts: Iterable[Post], site: BlogSite) -> Catalog:
    """Group *posts* (all posts of the build) for the list pages."""
    all_posts = list(posts)
    listed = ordered_posts(all_posts, site.settings.sort)
    catalog = Catalog(posts=listed, index=index_order(listed, site.settings.sort))
    catalog.by_docname = {post.docname: post for post in all_posts}
    by_tag: dict[str, list[Post]] = defaultdict(list)
    by_author: dict[str, list[Post]] = defaultdict(list)
    by_category: dict[str, list[Post]] = defaultdict(list)
    by_group: dict[str, list[Post]] = defaultdict(list)
    for post in listed:
        for tag in site.post_tags(post):
            catalog.tags.setdefault(tag_key(tag), tag)
            by_tag[tag_key(tag)].append(post)
        for author in site.post_authors(post):
            if has_author_page(site, author):
                key = author_key(author)
                catalog.authors.setdefault(key, author)
                by_author[key].append(post)
        if post.category:
            slug = slugify(post.category) or "category"
            catalog.categories.setdefault(slug, post.category)
            by_category[slug].append(post)
        if post.group:
            slug = slugify(post.group) or "group"
            catalog.groups.setdefault(slug, post.group)
            by_group[slug].append(post)
    catalog.by_tag = dict(sorted(by_tag.items()))
    catalog.by_author = dict(sorted(by_author.items()))
    catalog.by_category = dict(sorted(by_category.items()))
    catalog.by_group = dict(sorted(by_group.items()))
    return catalog


def paginate(posts: list[Post], per_page: int) -> list[list[Post]]:
    """Split a list into pages; an empty list still has one (empty) page."""
    if not posts:
        return [[]]
    return [posts[start : start + per_page] for start in range(0, len(posts), per_page)]


def archive_sections(posts: list[Post]) -> list[tuple[int, list[tuple[int, list[Post]]]]]:
    """Posts by year, then month, newest first: ``[(year, [(month, posts)])]``."""
    years: dict[int, dict[int, list[Post]]] = defaultdict(lambda: defaultdict(list))
    for post in sorted(posts, key=lambda p: (-p.published.timestamp(), p.permalink)):
        years[post.published.year][post.published.month].append(post)
    return [
        (year, [(month, months[month]) for month in sorted(months, reverse=True)])
        for year, months in sorted(years.items(), reverse=True)
    ]
