"""Related posts: for each post, the listed posts most like it, in time linear in the posts.

A post's related posts are ranked by the number of tags they share with it, then by being
in the same series or category, then by nearness in date; ties by permalink, so the choice
is the same in every build.

Comparing every post with every other one would take 50 million comparisons at 10,000
posts. Instead, the posts of each tag (and of each series, category, and the whole blog)
are kept in date order, and a post looks only at the few nearest in date in each of its
lists: ``2 x count`` on each side. The lists of its tags come first; those of its series and
category only when its tags gave fewer than *count* posts; the whole blog's only when that
still falls short. So a post with a popular tag is compared with the posts of that tag
nearest to it in time, not with all of them: the cost per post is bounded by its number of
tags, whatever the size of the blog.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from ..util.slugs import slugify
from .post import Post
from .routes import series_key

#: Posts looked at on each side, in each list, per related post wanted.
WINDOW_FACTOR = 1

_Key = tuple[float, str]


def _key(post: Post) -> _Key:
    return (post.published.timestamp(), post.permalink)


class _DateList:
    """Candidates (by number) in date order, and their keys for bisection."""

    __slots__ = ("keys", "numbers")

    def __init__(self) -> None:
        self.numbers: list[int] = []
        self.keys: list[_Key] = []

    def add(self, number: int, key: _Key) -> None:
        self.numbers.append(number)
        self.keys.append(key)

    def nearest(self, key: _Key, width: int) -> list[int]:
        index = bisect_left(self.keys, key)
        return self.numbers[max(0, index - width) : index + width + 1]


def _group_keys(post: Post) -> frozenset[str]:
    """The series and the categories of a post, as keys (``series:know-your-rights``)."""
    keys = []
    if post.series:
        keys.append("series:" + series_key(post.series))
    for category in post.categories:
        keys.append("category:" + (slugify(category) or "category"))
    return frozenset(keys)


def related_posts(
    posts: Iterable[Post],
    candidates: Sequence[Post],
    count: int,
    tags_of: Callable[[Post], Iterable[str]],
) -> dict[str, tuple[Post, ...]]:
    """For each of *posts*, up to *count* related posts among *candidates* (the listed
    posts), best first. *tags_of* gives a post's tag keys (resolved, so that two spellings
    of one tag are one)."""
    if count <= 0:
        return {}
    width = WINDOW_FACTOR * count
    by_date = sorted(candidates, key=_key)
    keys = [_key(post) for post in by_date]
    tags = [frozenset(tags_of(post)) for post in by_date]
    groups = [_group_keys(post) for post in by_date]
    number_of = {post.docname: number for number, post in enumerate(by_date)}
    tag_lists: dict[str, _DateList] = {}
    group_lists: dict[str, _DateList] = {}
    everything = _DateList()
    for number, key in enumerate(keys):
        for tag in tags[number]:
            (tag_lists.get(tag) or tag_lists.setdefault(tag, _DateList())).add(number, key)
        for group in groups[number]:
            (group_lists.get(group) or group_lists.setdefault(group, _DateList())).add(number, key)
        everything.add(number, key)

    result: dict[str, tuple[Post, ...]] = {}
    for post in posts:
        own = number_of.get(post.docname, -1)
        if own < 0:
            key = _key(post)
            own_tags = frozenset(tags_of(post))
            own_groups = _group_keys(post)
        else:
            key, own_tags, own_groups = keys[own], tags[own], groups[own]
        found: set[int] = set()
        for tag in own_tags:
            if tag in tag_lists:
                found.update(tag_lists[tag].nearest(key, width))
        found.discard(own)
        if len(found) < count:
            for group in own_groups:
                if group in group_lists:
                    found.update(group_lists[group].nearest(key, width))
            found.discard(own)
        if len(found) < count:
            found.update(everything.nearest(key, width))
            found.discard(own)
        timestamp = key[0]
        ranked = sorted(
            (
                -len(own_tags & tags[other]),
                own_groups.isdisjoint(groups[other]),
                abs(keys[other][0] - timestamp),
                keys[other][1],
                other,
            )
            for other in found
        )
        result[post.docname] = tuple(by_date[entry[-1]] for entry in ranked[:count])
    return result


def related_signature(related: Sequence[Post]) -> tuple[tuple[str, str, str], ...]:
    """What a post's related-posts block shows of each post (to know when it changed)."""
    return tuple((post.docname, post.title, post.published.isoformat()) for post in related)
