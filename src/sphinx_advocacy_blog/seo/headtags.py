"""Head tags as data: build them, merge layers of them, print them.

A page's ``<head>`` gets tags from several layers, later layers winning: site-wide defaults,
``blog_head_meta``, the page's own generated tags, and a post's ``<head>`` block. Two tags
are "the same" when they have the same identity (:func:`tag_key`): the same ``name`` or
``property`` for ``<meta>``, the same ``rel`` (and ``hreflang``, ``type``, ``sizes``) for
``<link>``. A later layer replaces every earlier tag with that identity, so no tag appears
twice; properties that may repeat (``article:tag``) are replaced as a group.

Everything here is pure; printing escapes through :mod:`markupsafe`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from ..model.post import HeadTag

#: Keys written with ``property=`` (Open Graph and its namespaces) rather than ``name=``.
PROPERTY_PREFIXES = ("og:", "article:", "profile:", "book:", "fb:", "music:", "video:")

#: Properties that may appear several times on one page (one tag per value).
MULTI_VALUED = frozenset(
    {
        "article:tag",
        "article:author",
        "og:locale:alternate",
        "book:author",
        "book:tag",
        "video:tag",
    }
)

#: Replacing one of these drops the earlier tags that describe it: an image's size belongs
#: to that image, not to the one that replaces it; and X/Twitter falls back to ``og:image``,
#: so a site-wide ``twitter:image`` must not outlive the ``og:image`` a post chose.
DEPENDENT_PREFIXES = {
    "og:image": ("og:image:", "twitter:image"),
    "twitter:image": ("twitter:image:",),
}

_ATTRIBUTE_NAME = re.compile(r"^[a-zA-Z_:][-a-zA-Z0-9_:.]*$")
#: The printable elements (``<title>`` is printed by the theme).
_ELEMENTS = frozenset({"meta", "link"})

TagKey = tuple[str, ...]


def is_property(key: str) -> bool:
    """Whether *key* is written as ``<meta property=...>`` (``og:title``, ``article:tag``)."""
    return key.lower().startswith(PROPERTY_PREFIXES)


def meta(key: str, content: str) -> HeadTag:
    """``<meta name|property="key" content="content">``."""
    attribute = "property" if is_property(key) else "name"
    return HeadTag("meta", ((attribute, key), ("content", content)))


def link(rel: str, href: str, **attributes: str) -> HeadTag:
    """``<link rel="rel" href="href" ...>``; keyword names use ``_`` for ``-``."""
    extra = tuple((name.replace("_", "-"), value) for name, value in attributes.items() if value)
    return HeadTag("link", (("rel", rel), *extra, ("href", href)))


def meta_key(tag: HeadTag) -> str:
    """The ``name``/``property``/``itemprop`` of a ``<meta>`` (lower case), or ``""``."""
    if tag.tag != "meta":
        return ""
    for attribute in ("property", "name", "itemprop"):
        value = tag.attribute(attribute)
        if value:
            return value.strip().lower()
    return ""


@functools.lru_cache(maxsize=4096)
def tag_key(tag: HeadTag) -> TagKey:
    """The identity of a tag: tags with equal keys are one tag, the later one wins.

    Kept for the tags seen last (a tag is frozen, and the site's own tags are on every
    page): each page asks for the key of each of its ~40 tags three or four times.
    """
    if tag.tag == "title":
        return ("title",)
    if tag.tag == "meta":
        if tag.attribute("charset") is not None:
            return ("meta", "charset")
        return ("meta", meta_key(tag))
    if tag.tag == "link":
        parts = [(tag.attribute(name) or "").strip().lower() for name in ("rel", "hreflang")]
        parts += [(tag.attribute(name) or "").strip() for name in ("type", "sizes", "media")]
        return ("link", *parts)
    return (tag.tag, *(f"{name}={value}" for name, value in tag.attributes))


def _multi_valued(key: TagKey) -> bool:
    return key[0] == "meta" and key[1] in MULTI_VALUED


def _dedupe_keyed(layer: Iterable[HeadTag]) -> list[tuple[TagKey, HeadTag]]:
    keyed = [(tag_key(tag), tag) for tag in layer]
    last = {key: index for index, (key, _tag) in enumerate(keyed)}
    return [
        (key, tag)
        for index, (key, tag) in enumerate(keyed)
        if _multi_valued(key) or last[key] == index
    ]


def dedupe_layer(layer: Iterable[HeadTag]) -> list[HeadTag]:
    """One layer with single-valued duplicates removed (the last one written wins)."""
    return [tag for _key, tag in _dedupe_keyed(layer)]


def merge_layers(*layers: Iterable[HeadTag]) -> list[HeadTag]:
    """Merge layers of tags, later layers replacing earlier tags with the same identity."""
    result: list[tuple[TagKey, HeadTag]] = []
    for layer in layers:
        keyed = _dedupe_keyed(layer)
        if not keyed:
            continue
        keys = {key for key, _tag in keyed}
        # A new tag replaces an earlier one with the same key and, for og:image and
        # twitter:image, the earlier tags that depend on it (DEPENDENT_PREFIXES).
        dependent = tuple(
            prefix
            for key in keys
            if key[0] == "meta"
            for prefix in DEPENDENT_PREFIXES.get(key[1], ())
        )
        result = [
            (old, tag)
            for old, tag in result
            if old not in keys
            and not (dependent and old[0] == "meta" and old[1].startswith(dependent))
        ]
        result.extend(keyed)
    return [tag for _key, tag in result]


def without_keys(tags: Iterable[HeadTag], keys: Iterable[TagKey]) -> list[HeadTag]:
    """*tags* minus those whose identity is one of *keys* (tags the page already has)."""
    taken = set(keys)
    return [tag for tag in tags if tag_key(tag) not in taken]


def render_tags(tags: Sequence[HeadTag]) -> Markup:
    """The HTML of ``<meta>`` and ``<link>`` tags, one per line, every value escaped.

    Other elements and attributes whose names are not plain names are left out.
    """
    lines = []
    for tag in tags:
        if tag.tag not in _ELEMENTS:
            continue
        # The element and attribute names are checked; every value goes through
        # markupsafe.escape (the same output as Markup.format, several times faster: this
        # runs for every tag of every page).
        attributes = "".join(
            f' {name}="{escape(value)}"'
            for name, value in tag.attributes
            if _ATTRIBUTE_NAME.match(name)
        )
        lines.append(f"<{tag.tag}{attributes} />\n")
    return Markup("".join(lines))  # noqa: S704 - names checked, values escaped above
