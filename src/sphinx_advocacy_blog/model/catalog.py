"""Group the listed posts by tag, author, category, group and date: pure functions.

A :class:`Catalog` is computed once per build, after reading, from the ``Post`` records and
the site data; list pages, directives, sidebars and feeds all read it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ..util.clock import build_time
from ..util.slugs import slugify
from .ordering import display_order, index_order, ordered_posts
from .post import Author, Post, Tag
from .routes import author_key, has_author_page, place_slug, series_key, tag_key
from .site import BlogSite


@dataclass
class Catalog:
    """The listed posts of a build and their groupings, each newest first.

    Feeds, sidebars, Newer/Older links and ``postlist`` read them in that order; the list
    pages show them in ``blog_sort`` order (:meth:`shown`).
    """

    #: Listed posts, newest first.
    posts: list[Post]
    #: Blog index order (``blog_sort``): pinned posts first.
    index: list[Post]
    #: ``blog_sort``: the order of the list pages.
    sort: str = "date"
    tags: dict[str, Tag] = field(default_factory=dict)
    by_tag: dict[str, list[Post]] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    by_author: dict[str, list[Post]] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    by_category: dict[str, list[Post]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    by_group: dict[str, list[Post]] = field(default_factory=dict)
    #: ABlog's locations and languages: slug of the display name -> name, posts.
    locations: dict[str, str] = field(default_factory=dict)
    by_location: dict[str, list[Post]] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    by_language: dict[str, list[Post]] = field(default_factory=dict)
    #: Every post (listed or not) by :attr:`Post.key`.
    by_key: dict[str, Post] = field(default_factory=dict)
    #: Series by slug (their name as first written), and each one's parts in reading order.
    series: dict[str, str] = field(default_factory=dict)
    by_series: dict[str, list[Post]] = field(default_factory=dict)
    #: The listed posts with an event: those not over at the build date (soonest first),
    #: then those over (newest first).
    upcoming: list[Post] = field(default_factory=list)
    past: list[Post] = field(default_factory=list)
    #: The build date the events are split at.
    now: datetime | None = None

    @property
    def events(self) -> list[Post]:
        """Every listed post with an event: upcoming, then past."""
        return self.upcoming + self.past

    @property
    def event_split(self) -> str:
        """Which events are upcoming: changes when the build date passes an event's end."""
        return " ".join(post.key for post in self.upcoming)

    #: Every name a listing may give a tag (its ``tags.yml`` key, label or permalink, in
    #: lower case, and the slug of the key and label) -> the tag's permalink.
    tag_names: dict[str, str] = field(default_factory=dict)
    #: Posts of each author by every name a listing may give them: the key and the page's
    #: permalink, authors without a page (``page: false``) included.
    by_author_name: dict[str, list[Post]] = field(default_factory=dict)

    def tag_permalink(self, name: str) -> str | None:
        """The permalink of the tag a listing names by key, label or permalink."""
        text = name.strip()
        return self.tag_names.get(text.casefold()) or self.tag_names.get(slugify(text))

    def author_posts(self, name: str) -> list[Post]:
        """The posts of the author a listing names by key or page permalink."""
        return self.by_author_name.get(name.strip().strip("/"), [])

    def shown(self, posts: list[Post]) -> list[Post]:
        """*posts* (one of the groupings) in the order of the list pages."""
        return display_order(posts, self.sort)


def reading_order(parts: list[Post]) -> list[Post]:
    """The parts of a series in reading order: a part with ``series_order`` N is part N;
    the others are numbered 1, 2, 3... by date (an explicit number first on a tie)."""
    undated = sorted((p for p in parts if p.series_order is None), key=_date_key)
    number = {post.key: float(rank) for rank, post in enumerate(undated, start=1)}

    def key(post: Post) -> tuple[float, bool, float, str]:
        explicit = post.series_order is not None
        place = post.series_order if explicit else number[post.key]
        return (place or 0.0, not explicit, post.published.timestamp(), post.permalink)

    return sorted(parts, key=key)


def _date_key(post: Post) -> tuple[float, str]:
    return (post.published.timestamp(), post.permalink)


def split_events(posts: Iterable[Post], now: datetime) -> tuple[list[Post], list[Post]]:
    """``(upcoming, past)``: the posts whose event is not over at *now*, soonest first, and
    those whose event is over, newest first (ties by permalink: a stable order)."""
    upcoming: list[Post] = []
    past: list[Post] = []
    for post in posts:
        if post.event is not None:
            (upcoming if post.event.is_upcoming(now) else past).append(post)
    upcoming.sort(key=lambda post: (post.event.start, post.permalink))  # type: ignore[union-attr]
    past.sort(key=lambda post: (-post.event.start.timestamp(), post.permalink))  # type: ignore[union-attr]
    return upcoming, past


def build_catalog(posts: Iterable[Post], site: BlogSite, now: datetime | None = None) -> Catalog:
    """Group *posts* (all posts of the build) for the list pages; events are split into
    upcoming and past at *now* (the build date)."""
    all_posts = list(posts)
    listed = ordered_posts(all_posts)
    sort = site.settings.sort
    catalog = Catalog(posts=listed, index=index_order(listed, sort), sort=sort)
    catalog.now = now or build_time()
    catalog.upcoming, catalog.past = split_events(listed, catalog.now)
    catalog.by_key = {post.key: post for post in all_posts}
    by_tag: dict[str, list[Post]] = defaultdict(list)
    by_author: dict[str, list[Post]] = defaultdict(list)
    by_category: dict[str, list[Post]] = defaultdict(list)
    by_group: dict[str, list[Post]] = defaultdict(list)
    by_location: dict[str, list[Post]] = defaultdict(list)
    by_language: dict[str, list[Post]] = defaultdict(list)
    by_series: dict[str, list[Post]] = defaultdict(list)
    by_author_name: dict[str, list[Post]] = defaultdict(list)
    for post in listed:
        for names, terms, by_term in (
            (map(site.location_name, post.locations), catalog.locations, by_location),
            (map(site.language_name, post.languages), catalog.languages, by_language),
        ):
            for name in dict.fromkeys(names):
                slug = place_slug(name) or "-"
                terms.setdefault(slug, name)
                by_term[slug].append(post)
        if post.series:
            slug = series_key(post.series)
            catalog.series.setdefault(slug, post.series)
            by_series[slug].append(post)
        for tag in site.post_tags(post):
            catalog.tags.setdefault(tag_key(tag), tag)
            by_tag[tag_key(tag)].append(post)
        for author in site.post_authors(post):
            for name in dict.fromkeys(n for n in (author.key, author.page_permalink) if n):
                # A post is listed once per name (two authors may share one): compared by
                # identity, since comparing records field by field is quadratic work.
                named = by_author_name[name]
                if not named or named[-1] is not post:
                    named.append(post)
            if has_author_page(site, author):
                key = author_key(author)
                catalog.authors.setdefault(key, author)
                by_author[key].append(post)
        for category in dict.fromkeys(post.categories):
            slug = slugify(category) or "category"
            catalog.categories.setdefault(slug, category)
            by_category[slug].append(post)
        if post.group:
            slug = slugify(post.group) or "group"
            catalog.groups.setdefault(slug, post.group)
            by_group[slug].append(post)
    for author in site.authors.values():
        # Docusaurus (and ABlog) give a page to every author of the data file who has one,
        # posts or not: its URL keeps working after the move.
        if has_author_page(site, author):
            key = author_key(author)
            catalog.authors.setdefault(key, author)
            by_author.setdefault(key, [])
    catalog.by_tag = dict(sorted(by_tag.items()))
    catalog.by_author_name = dict(by_author_name)
    for permalink, tag in catalog.tags.items():
        for name in (tag.key, tag.label, permalink, slugify(tag.key), slugify(tag.label)):
            if name:
                catalog.tag_names.setdefault(name.casefold(), permalink)
    catalog.by_author = dict(sorted(by_author.items()))
    catalog.by_category = dict(sorted(by_category.items()))
    catalog.by_group = dict(sorted(by_group.items()))
    catalog.by_location = dict(sorted(by_location.items()))
    catalog.by_language = dict(sorted(by_language.items()))
    catalog.series = dict(sorted(catalog.series.items()))
    catalog.by_series = {slug: reading_order(parts) for slug, parts in sorted(by_series.items())}
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
