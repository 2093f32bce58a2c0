"""ABlog's ``post`` directive and file-level fields into a :class:`Post`: pure functions.

ABlog makes a document a post with ``.. post:: DATE`` and its options, with file-level
fields (``:blogpost: true`` and ``:date:`` at the top of a reST file, the same keys in
front matter), or with ``blog_post_pattern``. Whichever way, the values are the same:
comma-separated lists of tags, authors, categories, locations, languages and old URLs; a
date in ``post_date_format`` or another usual spelling; excerpt and image counts. This
module reads them into :class:`AblogFields`, then into the same ``Post`` record every other
post is, so pages, feeds and head tags never need to know where a post came from.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model.post import Author, HeadTag, Post
from ..model.problem import Problem
from ..util.urls import safe_url
from .ablog import parse_ablog_date, split_list
from .datafiles import tag_from_label
from .location import alias_path

#: Options of ABlog's ``post`` directive whose value is a comma-separated list.
LIST_OPTIONS = ("tags", "author", "category", "location", "language", "redirect")
#: Every option of ABlog's ``post`` directive (and file-level key of an ABlog post).
POST_OPTIONS = (
    *LIST_OPTIONS,
    "title",
    "image",
    "excerpt",
    "exclude",
    "nocomments",
    "canonical_link",
    "external_link",
)
_FLAGS = ("exclude", "nocomments")


@dataclass(frozen=True)
class AblogFields:
    """One ABlog post as its directive or its file-level fields give it."""

    date: str = ""
    tags: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    redirect: tuple[str, ...] = ()
    title: str = ""
    #: The N-th image of the post added to its excerpt (ABlog's ``:image:``); None: the
    #: site's ``post_auto_image``.
    image: int | None = None
    #: Paragraphs in the excerpt (ABlog's ``:excerpt:``); None: ``post_auto_excerpt``.
    excerpt: int | None = None
    exclude: bool = False
    nocomments: bool = False
    canonical_link: str = ""
    external_link: str = ""
    #: Line of the directive or of each field, to point warnings at it.
    key_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class AblogDefaults:
    """``blog_default_author``, ``blog_default_location`` and ``blog_default_language``:
    given to dated posts that name none (ABlog leaves drafts without them)."""

    author: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    language: tuple[str, ...] = ()


def _list_value(value: Any) -> tuple[str, ...]:
    """ABlog's comma-separated list; MyST front matter's ``["a", "b"]`` rendering too."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1].replace('"', "").replace("'", "")
        return tuple(split_list(text))
    return tuple(split_list(value))


def _count(key: str, value: Any, problems: list[Problem], path: str, line: int) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        number: int | None = value
    else:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
    if number is None or number < 0:
        problems.append(
            Problem(
                "ablog",
                f"{key} {value!r} is not a number; write how many ("
                + ("paragraphs" if key == "excerpt" else "the N-th image")
                + ") as a whole number. It was ignored",
                path,
                line,
            )
        )
        return None
    return number


def read_fields(
    values: Mapping[str, Any],
    *,
    path: str = "",
    line: int = 1,
    lines: Mapping[str, int] | None = None,
) -> tuple[AblogFields, list[Problem]]:
    """ABlog's post fields from directive options or file-level fields (raw values).

    Keys that are no ABlog post option are not read here (``blogpost``, ``date``...). A
    flag written with a value (``nocomments: true``) is read as the flag; ABlog itself
    stopped the build on it.
    """
    lines = lines or {}
    problems: list[Problem] = []
    found: dict[str, Any] = {}
    for key in LIST_OPTIONS:
        if key in values:
            found[key] = _list_value(values[key])
    if "title" in values:
        found["title"] = str(values["title"] or "").strip()
    for key in ("image", "excerpt"):
        if key in values:
            found[key] = _count(key, values[key], problems, path, lines.get(key, line))
    for key in _FLAGS:
        if key in values:
            raw = values[key]
            found[key] = raw is None or str(raw).strip().lower() not in ("false", "no", "0", "off")
    for key in ("canonical_link", "external_link"):
        raw = str(values.get(key) or "").strip()
        if not raw:
            continue
        url = safe_url(raw)
        if url is None:
            problems.append(
                Problem(
                    "url",
                    f"{key} {raw!r} is not an http(s), mailto or relative URL; it was left out",
                    path,
                    lines.get(key, line),
                )
            )
            continue
        found[key] = url
    raw_date = values.get("date")
    found["date"] = "" if raw_date is None else str(raw_date).strip()
    key_lines = tuple(sorted((key, lines.get(key, line)) for key in (*found, "post")))
    return AblogFields(**found, key_lines=key_lines), problems


def ablog_post(
    docname: str,
    source_path: str,
    fields: AblogFields,
    *,
    title: str,
    date_formats: Iterable[str] = (),
    fallback_date: Callable[[], datetime],
    updates: Iterable[datetime] = (),
    word_count: int = 0,
    words_per_minute: int = 200,
    locale: str = "",
    defaults: AblogDefaults = AblogDefaults(),
) -> tuple[Post, list[Problem]]:
    """The :class:`Post` of an ABlog post at *docname* (which stays its URL).

    *title* is the first heading of the post's section (``:title:`` wins); *updates* are
    the dates of its ``update`` directives. A post without a date is ABlog's draft: built,
    not listed (dated with *fallback_date*). A post with several categories is listed
    under each.
    """
    lines = dict(fields.key_lines)
    line = lines.get("post", 1)
    problems: list[Problem] = []
    parsed = parse_ablog_date(fields.date, tuple(date_formats)) if fields.date else None
    if fields.date and parsed is None:
        problems.append(
            Problem(
                "date",
                f"date {fields.date!r} is not a date ABlog's post_date_format or a usual "
                "spelling reads (write it as 'Nov 23, 2022' or 2022-11-23); the post is "
                "built but not listed, as ABlog's drafts are",
                source_path,
                lines.get("date", line),
            )
        )
    dated = parsed is not None
    published, has_time = parsed if parsed is not None else (fallback_date(), False)
    authors = fields.author or (defaults.author if dated else ())
    locations = fields.location or (defaults.location if dated else ())
    languages = fields.language or (defaults.language if dated else ())
    later = [moment for moment in updates if moment > published]
    aliases = tuple(alias for alias in (alias_path(value) for value in fields.redirect) if alias)
    head_tags: tuple[HeadTag, ...] = ()
    if fields.canonical_link:
        head_tags = (HeadTag("link", (("rel", "canonical"), ("href", fields.canonical_link))),)
    key_lines = dict(lines)
    if "redirect" in key_lines:
        key_lines.setdefault("aliases", key_lines["redirect"])
    if "author" in key_lines:
        key_lines.setdefault("authors", key_lines["author"])
    post = Post(
        docname=docname,
        source_path=source_path,
        permalink=docname,
        title=fields.title or title or docname.rsplit("/", 1)[-1],
        published=published,
        has_time=has_time,
        authors=tuple(Author(key=name, name=name, inline=True) for name in authors),
        tags=tuple(tag_from_label(label) for label in dict.fromkeys(fields.tags)),
        category=fields.category[0] if fields.category else "",
        more_categories=tuple(dict.fromkeys(fields.category))[1:],
        unlisted=not dated,
        reading_minutes=max(1, math.ceil(word_count / max(words_per_minute, 1))),
        word_count=word_count,
        last_update=max(later) if later else None,
        head_tags=head_tags,
        aliases=aliases,
        locale=locale,
        locations=tuple(dict.fromkeys(locations)),
        languages=tuple(dict.fromkeys(languages)),
        external_link=fields.external_link,
        ablog=True,
        key_lines=tuple(sorted(key_lines.items())),
    )
    return post, problems
