"""What a listing directive (``postlist``, ``blog-archive``...) asks for and shows: pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..util.slugs import slugify
from .catalog import Catalog
from .post import Post
from .routes import series_key
from .site import BlogSite


@dataclass(frozen=True)
class ListingSpec:
    """What a listing directive asked for (its options, normalized)."""

    kind: str
    tags: tuple[str, ...] = ()
    author: str = ""
    category: str = ""
    group: str = ""
    year: int | None = None
    limit: int | None = None
    sort: str = "date"
    excerpts: bool = False
    format: str = "list"
    #: ABlog's ``postlist`` (written with an option only ABlog has): every filter must
    #: match, each value a label as written in posts (unknown ones are ignored, as ABlog
    #: does); without filters the document's own post is left out.
    ablog: bool = False
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    #: ABlog's ``:format:`` (``{date} - {title}``), ``:date:`` (strftime), ``:list-style:``
    #: and ``:expand:`` (the text of a "read more" link).
    line_format: str = ""
    date_format: str = ""
    list_style: str = "none"
    expand: str = ""
    #: The document the list is on.
    docname: str = ""
    #: ``eventlist``: which events (neither flag: both, upcoming first).
    upcoming: bool = False
    past: bool = False
    #: ``series``: the series' name.
    series: str = ""


def _matches(value: str, candidates: Iterable[str]) -> bool:
    wanted = value.casefold()
    return any(wanted == candidate.casefold() for candidate in candidates if candidate)


def _ablog_filters(
    catalog: Catalog, spec: ListingSpec, names: Callable[[Post, str], Iterable[str]]
) -> list[set[str]]:
    """For each label of each filter that names something: the docnames of its posts."""
    found = []
    for kind, labels in (
        ("tags", spec.tags),
        ("author", spec.authors),
        ("category", spec.categories),
        ("location", spec.locations),
        ("language", spec.languages),
    ):
        for label in labels:
            matching = {post.key for post in catalog.posts if _matches(label, names(post, kind))}
            if matching:
                found.append(matching)
    return found


def select_ablog_posts(
    catalog: Catalog, spec: ListingSpec, names: Callable[[Post, str], Iterable[str]]
) -> list[Post]:
    """The posts of ABlog's ``postlist``: every filter matches (labels no post has are
    ignored); without filters, the newest posts but the document's own. *names* gives the
    labels and names of a post's tags, authors... by kind."""
    filters = _ablog_filters(catalog, spec, names)
    if filters:
        wanted = set.intersection(*filters)
        posts = [post for post in catalog.posts if post.key in wanted]
    else:
        posts = [post for post in catalog.posts if post.docname != spec.docname]
    if spec.limit is not None:
        posts = posts[: spec.limit]
    if spec.sort == "date-ascending":
        posts.reverse()
    return posts


def term_names(site: BlogSite, post: Post, kind: str) -> tuple[str, ...]:
    """The labels and display names of a post's tags, authors, category, locations or
    languages (what ABlog's ``postlist`` filters may name)."""
    if kind == "tags":
        return tuple(n for tag in site.post_tags(post) for n in (tag.key, tag.label, tag.permalink))
    if kind == "author":
        return tuple(
            n
            for author, resolved in zip(post.authors, site.post_authors(post), strict=True)
            for n in (author.key, author.name, resolved.key, resolved.name)
        )
    if kind == "category":
        return post.categories
    if kind == "location":
        return (*post.locations, *map(site.location_name, post.locations))
    return (*post.languages, *map(site.language_name, post.languages))


def _with_tags(catalog: Catalog, posts: list[Post], tags: tuple[str, ...]) -> list[Post]:
    if not tags:
        return posts
    wanted = {permalink for tag in tags if (permalink := catalog.tag_permalink(tag))}
    tagged = {post.key for tag in wanted for post in catalog.by_tag.get(tag, ())}
    return [post for post in posts if post.key in tagged]


def select_events(catalog: Catalog, spec: ListingSpec) -> list[Post]:
    """The posts an ``eventlist`` shows: upcoming events (soonest first), then past ones
    (newest first), with any of its tags, at most ``limit`` (pure)."""
    both = not spec.upcoming and not spec.past
    posts = (catalog.upcoming if spec.upcoming or both else []) + (
        catalog.past if spec.past or both else []
    )
    posts = _with_tags(catalog, posts, spec.tags)
    return posts[: spec.limit] if spec.limit is not None else posts


def select_posts(catalog: Catalog, spec: ListingSpec, site: BlogSite | None = None) -> list[Post]:
    """The posts a listing directive shows, in order (pure)."""
    if spec.kind == "eventlist":
        return select_events(catalog, spec)
    if spec.kind == "series":
        return list(catalog.by_series.get(series_key(spec.series), ()))
    if spec.ablog and site is not None:
        return select_ablog_posts(catalog, spec, lambda post, kind: term_names(site, post, kind))
    wanted_tags = {catalog.tag_permalink(tag) for tag in spec.tags}
    tagged = {post.key for tag in wanted_tags if tag for post in catalog.by_tag.get(tag, ())}
    by_author = {post.key for post in catalog.author_posts(spec.author)}
    posts = []
    for post in catalog.posts:
        if spec.tags and post.key not in tagged:
            continue
        if spec.author and post.key not in by_author:
            continue
        if spec.category and slugify(spec.category) not in map(slugify, post.categories):
            continue
        if spec.group and slugify(post.group) != slugify(spec.group):
            continue
        if spec.year is not None and post.published.year != spec.year:
            continue
        posts.append(post)
    if spec.sort == "title":
        posts.sort(key=lambda post: post.title.casefold())
    elif spec.sort == "date-ascending":
        posts.reverse()
    if spec.limit is not None:
        posts = posts[: spec.limit]
    return posts
