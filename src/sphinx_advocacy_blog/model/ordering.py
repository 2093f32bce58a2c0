"""Order posts and find each one's neighbours: pure functions over Post records."""

from __future__ import annotations

from collections.abc import Iterable

from .post import Post


def sort_key(post: Post) -> tuple[float, str]:
    """Newest first; ties broken by permalink so the order is stable between builds."""
    return (-post.published.timestamp(), post.permalink)


def title_key(post: Post) -> tuple[str, str]:
    """By title, ignoring case; ties broken by permalink."""
    return (post.title.casefold(), post.permalink)


def ordered_posts(posts: Iterable[Post], sort: str = "date") -> list[Post]:
    """Listed posts (not unlisted, not draft): newest first, or by title (``sort="title"``).

    Only the list pages follow ``blog_sort``; feeds, the recent-posts sidebar, the
    Newer/Older links and ``postlist`` ask for the date order.
    """
    listed = [post for post in posts if post.listed]
    return sorted(listed, key=title_key if sort == "title" else sort_key)


def display_order(posts: Iterable[Post], sort: str) -> list[Post]:
    """*posts* (newest first) in the order of the list pages (``blog_sort``)."""
    return sorted(posts, key=title_key) if sort == "title" else list(posts)


def index_order(posts: Iterable[Post], sort: str = "date") -> list[Post]:
    """The blog index order: pinned posts first, then :func:`ordered_posts`."""
    ordered = ordered_posts(posts, sort)
    return [post for post in ordered if post.pinned] + [post for post in ordered if not post.pinned]


Neighbours = tuple[tuple[str, str] | None, tuple[str, str] | None]


def neighbours_of(ordered: list[Post]) -> dict[str, Neighbours]:
    """For each listed post, ``(newer, older)`` as ``(docname, title)`` or ``None``."""
    result: dict[str, Neighbours] = {}
    for index, post in enumerate(ordered):
        newer = ordered[index - 1] if index > 0 else None
        older = ordered[index + 1] if index + 1 < len(ordered) else None
        result[post.docname] = (
            (newer.docname, newer.title) if newer else None,
            (older.docname, older.title) if older else None,
        )
    return result
