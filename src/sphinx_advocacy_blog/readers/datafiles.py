"""``authors.yml`` and ``tags.yml``: pure functions from file text to records."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..model.post import Author, Tag
from ..model.problem import Problem
from ..util.slugs import clean_url_path, kebab_case, path_segment, slugify
from ..util.urls import is_absolute_url, is_source_path, safe_url
from .safe_yaml import YamlProblem, load_yaml
from .values import clean_strings, forbidden_lines

_SPACES = re.compile(r"\s+")

#: How a social handle becomes a profile URL (Docusaurus's list, plus a few more).
SOCIAL_URL_PATTERNS: dict[str, str] = {
    "x": "https://x.com/{}",
    "twitter": "https://x.com/{}",
    "github": "https://github.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}/",
    "bluesky": "https://bsky.app/profile/{}",
    "stackoverflow": "https://stackoverflow.com/users/{}",
    "instagram": "https://www.instagram.com/{}",
    "threads": "https://www.threads.net/@{}",
    "telegram": "https://t.me/{}",
    "youtube": "https://www.youtube.com/@{}",
    "facebook": "https://www.facebook.com/{}",
    "twitch": "https://twitch.tv/{}",
    "email": "mailto:{}",
    "newsletter": "{}",
}


def social_url(network: str, handle: str) -> str | None:
    """The profile URL for *handle* on *network*; a full URL is kept as it is."""
    handle = handle.strip()
    if not handle:
        return None
    if is_absolute_url(handle):
        return safe_url(handle)
    if network == "mastodon":
        # ``@user@instance.social`` -> ``https://instance.social/@user``
        parts = handle.lstrip("@").split("@")
        if len(parts) == 2 and all(parts):
            return f"https://{parts[1]}/@{parts[0]}"
        if len(parts) == 1 and parts[0]:
            # A bare handle: Docusaurus links it on mastodon.social.
            return safe_url(f"https://mastodon.social/@{parts[0]}")
        return None
    pattern = SOCIAL_URL_PATTERNS.get(network)
    if pattern is None:
        return None
    return safe_url(pattern.format(handle if network == "email" else handle.lstrip("@")))


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def author_from_mapping(
    key: str,
    data: Mapping[str, Any],
    *,
    path: str,
    line: int | None,
    inline: bool = False,
    page_by_default: bool = True,
) -> tuple[Author, list[Problem]]:
    """An :class:`Author` from an ``authors.yml`` entry or an inline front-matter object.

    Without ``page``, the author has a page when *page_by_default* (Docusaurus gives pages
    only to authors with ``page: true``; ``blog_author_pages = "all"`` gives them to all).
    """
    problems: list[Problem] = []

    def checked_url(field: str, *, image: bool = False) -> str:
        raw = _text(data.get(field))
        if not raw:
            return ""
        url = safe_url(raw, allow_data_image=image)
        if url is None:
            problems.append(
                Problem(
                    "url",
                    f"author {key!r}: {field} {raw!r} is not an http(s), mailto or relative "
                    "URL; it was left out",
                    path,
                    line,
                )
            )
            return ""
        return url

    socials: list[tuple[str, str]] = []
    raw_socials = data.get("socials")
    if isinstance(raw_socials, Mapping):
        for network, handle in raw_socials.items():
            url = social_url(str(network).lower(), _text(handle))
            if url is None:
                problems.append(
                    Problem(
                        "url",
                        f"author {key!r}: social {network!r} value {handle!r} is not a "
                        "handle or an http(s) URL; it was left out",
                        path,
                        line,
                    )
                )
                continue
            socials.append((str(network).lower(), url))
    page = data.get("page", page_by_default)
    page_permalink = ""
    unusable = not _plain_segment(key)
    if isinstance(page, Mapping):
        written = _text(page.get("permalink"))
        page_permalink = clean_url_path(written)
        unusable = page_permalink != written.strip("/")
        page = True
    segment = page_permalink or path_segment(kebab_case(key)) or path_segment(key)
    if unusable:
        problems.append(
            Problem(
                "authors",
                f"author key {key!r} cannot be part of a web address as it is (a '/', a "
                "leading '.', a control character, or too long); the author's page is at "
                f"authors/{segment or 'author'}",
                path,
                line,
            )
        )
    name = _text(data.get("name")) or key
    author = Author(
        key=key,
        name=name,
        title=_text(data.get("title")),
        url=checked_url("url"),
        image_url=checked_url("image_url", image=True) or checked_url("imageURL", image=True),
        email=_text(data.get("email")),
        description=_text(data.get("description")),
        has_page=bool(page),
        page_permalink=page_permalink,
        socials=tuple(socials),
        inline=inline,
    )
    return author, problems


def _plain_segment(text: str) -> bool:
    """Whether *text* can be a URL path segment as it is (spaces aside, which become ``-``)."""
    return path_segment(text) == _SPACES.sub("-", text.strip())


def _load_data_file(text: str, path: str) -> tuple[Any, dict[str, int], list[Problem]]:
    """The YAML of a data file, without the characters a web page cannot hold (warned)."""
    data, lines = load_yaml(text)
    data, changed = clean_strings(data)
    problems = []
    if changed:
        problems.append(
            Problem(
                "encoding",
                "this file holds characters that cannot be in a web page or a feed (control "
                "characters or broken emoji, often pasted from another program); they were "
                "removed",
                path,
                forbidden_lines(text)[0] if forbidden_lines(text) else 1,
            )
        )
    return data, lines, problems


def parse_authors_file(
    text: str, path: str, *, pages_for_all: bool = False
) -> tuple[dict[str, Author], list[Problem]]:
    """Read ``authors.yml``: ``key -> {name, title, url, image_url, socials, ...}``.

    Only authors with ``page`` have a page, unless *pages_for_all*."""
    try:
        data, lines, problems = _load_data_file(text, path)
    except YamlProblem as error:
        return {}, [Problem("yaml", f"{error.message}; fix the file", path, error.line)]
    if data is None:
        return {}, problems
    if not isinstance(data, Mapping):
        return {}, [Problem("authors", "authors.yml must map author keys to details", path, 1)]
    authors: dict[str, Author] = {}
    for raw_key, entry in data.items():
        key = str(raw_key)
        line = lines.get(key)
        if not isinstance(entry, Mapping):
            problems.append(
                Problem(
                    "authors",
                    f"author {key!r} must be a mapping with at least 'name'",
                    path,
                    line,
                )
            )
            continue
        author, entry_problems = author_from_mapping(
            key, entry, path=path, line=line, page_by_default=pages_for_all
        )
        image = author.image_url
        if is_source_path(image):
            # ``image_url: ./people/ana.jpg`` is next to authors.yml, as Docusaurus reads it:
            # the path from the source folder, like a post's cover.
            folder = posixpath.dirname(path.replace("\\", "/"))
            author = replace(author, image_url=posixpath.normpath(posixpath.join(folder, image)))
        authors[key] = author
        problems.extend(entry_problems)
    return authors, problems


def tag_from_label(label: str, description: str = "") -> Tag:
    """An inline tag: its permalink is lodash's ``kebabCase`` of the label, as Docusaurus
    makes it (``i18n`` -> ``i-18-n``, ``C++`` -> ``c``)."""
    permalink = path_segment(kebab_case(label)) or slugify(label) or "tag"
    return Tag(key=label, label=label, permalink=permalink, description=description)


def parse_tags_file(text: str, path: str) -> tuple[dict[str, Tag], list[Problem]]:
    """Read ``tags.yml``: ``key -> {label, permalink, description}``."""
    try:
        data, _lines, problems = _load_data_file(text, path)
    except YamlProblem as error:
        return {}, [Problem("yaml", f"{error.message}; fix the file", path, error.line)]
    if data is None:
        return {}, problems
    if not isinstance(data, Mapping):
        return {}, [Problem("tags", "tags.yml must map tag keys to details", path, 1)]
    tags: dict[str, Tag] = {}
    for raw_key, entry in data.items():
        key = str(raw_key)
        entry = entry if isinstance(entry, Mapping) else {}
        label = _text(entry.get("label")) or key[:1].upper() + key[1:].lower()
        # A permalink may have several segments (``/releases/major``), as in Docusaurus.
        permalink = clean_url_path(_text(entry.get("permalink")))
        permalink = permalink or path_segment(kebab_case(key)) or slugify(key) or "tag"
        tags[key] = Tag(
            key=key,
            label=label,
            permalink=permalink,
            description=_text(entry.get("description")),
        )
    return tags, problems
