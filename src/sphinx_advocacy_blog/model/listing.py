"""What a listing directive (``postlist``, ``blog-archive``...) asks for and shows: pure."""

from __future__ import annotations

from dataclasses import dataclass

from ..util.slugs import slugify
from .catalog import Catalog
from .post import Post


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


def select_posts(catalog: Catalog, spec: ListingSpec) -> list[Post]:
    """The posts a ``postlist``/``blog-archive`` shows, in order (pure)."""
    wanted_tags = {catalog.tag_permalink(tag) for tag in spec.tags}
    tagged = {post.docname for tag in wanted_tags if tag for post in catalog.by_tag.get(tag, ())}
    by_author = {post.docname for post in catalog.author_posts(spec.author)}
    posts = []
    for post in catalog.posts:
        if spec.tags and post.docname not in tagged:
            continue
        if spec.author and post.docname not in by_author:
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
