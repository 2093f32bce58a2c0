"""What a listing directive (``postlist``, ``blog-archive``...) asks for and shows: pure."""

from __future__ import annotations

from dataclasses import dataclass

from ..util.slugs import slugify
from .catalog import Catalog
from .post import Post
from .routes import series_key


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
    #: ``eventlist``: which events (neither flag: both, upcoming first).
    upcoming: bool = False
    past: bool = False
    #: ``series``: the series' name.
    series: str = ""


def _with_tags(catalog: Catalog, posts: list[Post], tags: tuple[str, ...]) -> list[Post]:
    wanted = {slugify(tag) for tag in tags}
    if not wanted:
        return posts
    tagged = {post.docname for tag in wanted for post in catalog.by_tag.get(tag, ())}
    return [post for post in posts if post.docname in tagged]


def select_events(catalog: Catalog, spec: ListingSpec) -> list[Post]:
    """The posts an ``eventlist`` shows: upcoming events (soonest first), then past ones
    (newest first), with any of its tags, at most ``limit`` (pure)."""
    both = not spec.upcoming and not spec.past
    posts = (catalog.upcoming if spec.upcoming or both else []) + (
        catalog.past if spec.past or both else []
    )
    posts = _with_tags(catalog, posts, spec.tags)
    return posts[: spec.limit] if spec.limit is not None else posts


def select_posts(catalog: Catalog, spec: ListingSpec) -> list[Post]:
    """The posts a listing directive shows, in order (pure)."""
    if spec.kind == "eventlist":
        return select_events(catalog, spec)
    if spec.kind == "series":
        return list(catalog.by_series.get(series_key(spec.series), ()))
    wanted_tags = {slugify(tag) for tag in spec.tags}
    posts = []
    for post in catalog.posts:
        if wanted_tags and not any(post in catalog.by_tag.get(tag, ()) for tag in wanted_tags):
            continue
        if spec.author and post not in catalog.by_author.get(spec.author, ()):
            continue
        if spec.category and slugify(post.category) != slugify(spec.category):
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
