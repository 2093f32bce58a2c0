"""One post source (Docusaurus, Hugo-style or plain MyST front matter) into a :class:`Post`.

Pure: the inputs are the path, the text and a few settings; the outputs are the ``Post``,
the MyST text Sphinx should parse, and the problems found. No Sphinx import here.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..post import Author, Post, Problem, Tag
from .ablog import is_ablog_front_matter, normalize_ablog_metadata, parse_ablog_date
from .datafiles import author_from_mapping, tag_from_label
from .dates import from_path_date, to_datetime
from .frontmatter_split import normalize_text, split_source
from .markdown import TITLE_PLACEHOLDER, convert_body
from .paths import PathInfo, clean_url_path, parse_post_path, post_permalink, slugify
from .urlpattern import expand_post_url, needs_date
from .urls import is_absolute_url, safe_url

#: Front-matter keys this reader understands; anything else is kept in ``Post.extra``.
KNOWN_KEYS = frozenset(
    {
        "title", "title_meta", "description", "slug", "date", "authors", "author",
        "author_title", "author_url", "author_image_url", "author_imageURL", "tags", "draft",
        "unlisted", "image", "keywords", "hide_table_of_contents", "toc_min_heading_level",
        "toc_max_heading_level", "sidebar_label", "last_update", "pinned", "sticky",
        "category", "categories", "group", "time_to_read_in_minutes", "reading_time", "views",
        "aliases", "redirect_from", "schema_type", "blogpost",
    }
)  # fmt: skip

_ATX_H1 = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")


def _epoch() -> datetime:
    return datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class ReadSettings:
    """What the reader needs to know about the site."""

    route: str = "blog"
    words_per_minute: int = 200
    locale: str = ""
    #: ``blog_post_url``: a URL pattern such as ``/posts/{slug}``; empty for Docusaurus URLs.
    url_pattern: str = ""
    #: ABlog's ``post_date_format``, tried before the usual ABlog date spellings.
    date_formats: tuple[str, ...] = ()
    #: Read the front matter the ABlog way even without ``blogpost: true`` (posts matched
    #: by ``blog_post_pattern``).
    ablog: bool = False


@dataclass
class ParsedPost:
    """The result of reading one source file."""

    post: Post
    myst_text: str
    problems: list[Problem] = field(default_factory=list)
    #: 1-based line of the body's first ``# heading`` used as title (or None).
    heading_title_line: int | None = None


def _string(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return bool(value)


def _string_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple)):
        return [_string(item) for item in value if _string(item)]
    return [_string(value)] if _string(value) else []


def _first_heading(body: str) -> tuple[str, int] | None:
    """The top ``# heading`` of a body (Docusaurus only uses one before any content)."""
    for offset, line in enumerate(body.split("\n")):
        if not line.strip():
            continue
        match = _ATX_H1.match(line)
        return (match["title"], offset + 1) if match else None
    return None


class _Reader:
    """Collects problems while turning front-matter values into Post fields."""

    def __init__(self, path: str, key_lines: dict[str, int]) -> None:
        self.path = path
        self.key_lines = key_lines
        self.problems: list[Problem] = []

    def warn(self, subtype: str, key: str | None, message: str) -> None:
        line = self.key_lines.get(key) if key else None
        self.problems.append(Problem(subtype, message, self.path, line or 1))

    def url(self, key: str, value: str, *, image: bool = False) -> str:
        url = safe_url(value, allow_data_image=image)
        if url is None:
            self.warn(
                "url",
                key,
                f"{key} {value!r} is not an http(s), mailto or relative URL; it was left out",
            )
            return ""
        return url

    def authors(self, metadata: Mapping[str, Any]) -> tuple[Author, ...]:
        found: list[Author] = []
        raw = metadata.get("authors")
        items = raw if isinstance(raw, list) else ([] if raw is None else [raw])
        for item in items:
            if isinstance(item, Mapping):
                name = _string(item.get("name"))
                key = _string(item.get("key")) or slugify(name) or "author"
                author, problems = author_from_mapping(
                    key, item, path=self.path, line=self.key_lines.get("authors"), inline=True
                )
                self.problems.extend(problems)
                if not name:
                    self.warn("author", "authors", "an inline author needs a 'name'")
                    continue
                found.append(author)
            elif isinstance(item, (str, int, float)) and not isinstance(item, bool):
                key = _string(item)
                if isinstance(item, (int, float)):
                    self.warn(
                        "author",
                        "authors",
                        f"author {item!r} is a number; quote it if it is an authors.yml key",
                    )
                if key:
                    found.append(Author(key=key, name=key))
            else:
                self.warn(
                    "author",
                    "authors",
                    "each author must be a key from authors.yml or a mapping with 'name'",
                )
        legacy_name = _string(metadata.get("author"))
        if legacy_name:
            image = _string(metadata.get("author_image_url") or metadata.get("author_imageURL"))
            found.append(
                Author(
                    key=slugify(legacy_name) or "author",
                    name=legacy_name,
                    title=_string(metadata.get("author_title")),
                    url=self.url("author_url", _string(metadata.get("author_url")))
                    if metadata.get("author_url")
                    else "",
                    image_url=self.url("author_image_url", image, image=True) if image else "",
                    inline=True,
                )
            )
        return tuple(found)

    def tags(self, metadata: Mapping[str, Any]) -> tuple[Tag, ...]:
        raw = metadata.get("tags")
        if raw is None:
            return ()
        if isinstance(raw, str):
            self.warn(
                "tags",
                "tags",
                "tags should be a list such as [Oirats, Kalmyks]; the text was split at commas",
            )
        items = raw if isinstance(raw, list) else _string_list(raw)
        tags: list[Tag] = []
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Mapping):
                label = _string(item.get("label"))
                if not label:
                    self.warn("tags", "tags", "an inline tag object needs a 'label'")
                    continue
                permalink = clean_url_path(_string(item.get("permalink"))).split("/")[-1]
                tag = Tag(
                    key=label,
                    label=label,
                    permalink=permalink or slugify(label) or "tag",
                    description=_string(item.get("description")),
                )
            else:
                label = _string(item)
                if not label:
                    continue
                tag = tag_from_label(label)
            if tag.key not in seen:
                seen.add(tag.key)
                tags.append(tag)
        return tuple(tags)

    def published(
        self,
        metadata: Mapping[str, Any],
        path_date: datetime | None,
        fallback: Callable[[], datetime],
        date_formats: tuple[str, ...] = (),
    ) -> tuple[datetime, bool]:
        if "date" in metadata and metadata["date"] is not None:
            parsed = parse_ablog_date(metadata["date"], date_formats)
            if parsed is not None:
                return parsed
            self.warn(
                "date",
                "date",
                f"date {metadata['date']!r} is not a valid date; write it as YYYY-MM-DD or "
                "YYYY-MM-DDTHH:MM:SS+HH:MM. The "
                + ("date in the file name" if path_date else "file's date")
                + " was used instead",
            )
        if path_date is not None:
            return path_date, False
        return fallback(), False


def read_post(
    source_path: str,
    blog_relative_path: str,
    text: str,
    settings: ReadSettings,
    *,
    fallback_date: Callable[[], datetime] | None = None,
) -> ParsedPost:
    """Read one post.

    *source_path* is the file relative to the Sphinx source directory (used in problems
    and to resolve relative images); *blog_relative_path* is the same file relative to the
    blog folder (used for the date and URL, which Docusaurus derives from it).
    *fallback_date* is called for a post with no date in its front matter or path
    (Docusaurus uses the file's git date).
    """
    text = normalize_text(text)
    split = split_source(text, source_path)
    metadata = split.metadata
    key_lines = dict(split.key_lines)
    if settings.ablog or is_ablog_front_matter(metadata):
        metadata = normalize_ablog_metadata(metadata, settings.date_formats)
        for ablog_key, key in (("author", "authors"), ("redirect", "redirect_from")):
            if ablog_key in key_lines:
                key_lines.setdefault(key, key_lines[ablog_key])
    reader = _Reader(source_path, key_lines)
    reader.problems.extend(split.problems)

    info = parse_post_path(blog_relative_path)
    slug = _string(metadata.get("slug"))

    converted = convert_body(
        split.body, mdx=source_path.endswith(".mdx"), first_line=split.body_line
    )
    title = _string(metadata.get("title"))
    heading = _first_heading(converted.text)
    heading_line = None
    if not title and heading is not None:
        title, heading_line = heading
    if not title:
        title = info.text.split("/")[-1].replace("-", " ").strip().capitalize() or "Untitled"

    path_date = from_path_date(info.date) if info.date else None
    published, has_time = reader.published(
        metadata, path_date, fallback_date or _epoch, settings.date_formats
    )
    permalink = post_url_path(info, metadata, settings, title=title, published=published)
    if slug and clean_url_path(slug) != slug.strip("/"):
        reader.warn(
            "slug",
            "slug",
            f"slug {slug!r} has characters that cannot be in a URL path; "
            f"the post is published at /{permalink}",
        )

    explicit_minutes = metadata.get("time_to_read_in_minutes", metadata.get("reading_time"))
    if (
        isinstance(explicit_minutes, (int, float))
        and not isinstance(explicit_minutes, bool)
        and explicit_minutes > 0
    ):
        reading_minutes = math.ceil(explicit_minutes)
    else:
        if explicit_minutes is not None:
            reader.warn(
                "frontmatter",
                "time_to_read_in_minutes",
                "time_to_read_in_minutes must be a positive number; it was computed instead",
            )
        reading_minutes = max(1, math.ceil(converted.word_count / settings.words_per_minute))

    image = _string(metadata.get("image"))
    if image:
        image = reader.url("image", image, image=True)
        if image and not is_absolute_url(image) and not image.startswith("/"):
            image = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), image))
            if image.startswith(".."):
                reader.warn("image", "image", f"image {image!r} is outside the source folder")
                image = ""

    draft = _flag(metadata.get("draft", False))
    unlisted = _flag(metadata.get("unlisted", False))
    if draft and unlisted:
        reader.warn(
            "draft",
            "unlisted",
            "a post cannot be both 'draft' and 'unlisted'; remove one of them "
            "(it is treated as a draft)",
        )
        unlisted = False

    last_update = None
    last_update_author = ""
    raw_update = metadata.get("last_update")
    if isinstance(raw_update, Mapping):
        parsed_update = to_datetime(raw_update.get("date")) if raw_update.get("date") else None
        last_update = parsed_update[0] if parsed_update else None
        last_update_author = _string(raw_update.get("author"))

    categories = _string_list(metadata.get("category")) or _string_list(metadata.get("categories"))
    aliases = tuple(
        alias
        for alias in (
            alias_path(a)
            for a in _string_list(metadata.get("aliases"))
            + _string_list(metadata.get("redirect_from"))
        )
        if alias
    )
    views = metadata.get("views")
    schema_type = _string(metadata.get("schema_type")) or "BlogPosting"
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,40}", schema_type):
        reader.warn(
            "frontmatter",
            "schema_type",
            f"schema_type {schema_type!r} is not a schema.org type name",
        )
        schema_type = "BlogPosting"

    extra = tuple((key, value) for key, value in metadata.items() if key not in KNOWN_KEYS)
    post = Post(
        docname=permalink,
        source_path=source_path,
        permalink=permalink,
        title=title,
        title_meta=_string(metadata.get("title_meta")),
        description=_string(metadata.get("description")),
        slug=slug,
        published=published,
        has_time=has_time,
        authors=reader.authors(metadata),
        tags=reader.tags(metadata),
        category=categories[0] if categories else "",
        group=_string(metadata.get("group")),
        image=image,
        keywords=tuple(_string_list(metadata.get("keywords"))),
        draft=draft,
        unlisted=unlisted,
        pinned=_flag(metadata.get("pinned", False)) or _flag(metadata.get("sticky", False)),
        reading_minutes=reading_minutes,
        word_count=converted.word_count,
        sidebar_label=_string(metadata.get("sidebar_label")),
        hide_table_of_contents=_flag(metadata.get("hide_table_of_contents", False)),
        last_update=last_update,
        last_update_author=last_update_author,
        head_tags=converted.head_tags,
        aliases=aliases,
        schema_type=schema_type,
        views=views if isinstance(views, int) and not isinstance(views, bool) else None,
        locale=settings.locale,
        has_truncate_marker=converted.has_truncate_marker,
        extra=extra,
        key_lines=tuple(sorted(key_lines.items())),
    )
    myst_text = converted.text
    if "title" in split.key_lines and split.body_line > 1:
        # The front matter's first line is blank now; the title heading takes its place.
        myst_text = f"# {TITLE_PLACEHOLDER}" + myst_text[myst_text.index("\n") :]
    return ParsedPost(
        post=post,
        myst_text=myst_text,
        problems=reader.problems,
        heading_title_line=heading_line,
    )


def alias_path(value: str) -> str:
    """An old URL path from ``aliases``/``redirect_from``, safe as an output path.

    A trailing ``/`` is kept: ``/posts/old/`` was served by ``posts/old/index.html``.
    """
    cleaned = clean_url_path(value)
    if cleaned and value.strip().endswith("/"):
        return cleaned + "/"
    return cleaned


def post_url_path(
    info: PathInfo,
    metadata: Mapping[str, Any],
    settings: ReadSettings,
    *,
    title: str,
    published: datetime | None,
) -> str:
    """The post's URL path (relative to the site root, no suffix).

    Hugo's ``url: /2022/11/old-name/`` wins; else the ``blog_post_url`` pattern; else
    Docusaurus's rule (``<route>/<slug>`` or ``<route>/YYYY/MM/D/<text>``).
    """
    url = _string(metadata.get("url"))
    if url.startswith("/") and not url.startswith("//") and (fixed := clean_url_path(url)):
        return fixed
    slug = _string(metadata.get("slug"))
    if settings.url_pattern:
        filename = info.text.rsplit("/", 1)[-1] or info.name.rsplit("/", 1)[-1]
        expanded = expand_post_url(
            settings.url_pattern,
            slug=slug,
            filename=filename,
            title=title,
            published=published.date() if published else None,
        )
        if expanded:
            return expanded
    return post_permalink(settings.route, info, slug or None)


@dataclass(frozen=True)
class PostLocation:
    """What discovery needs to know about a post before Sphinx reads it."""

    permalink: str
    draft: bool
    #: The front matter says ``blogpost: true`` (an ABlog post, kept at its own path).
    ablog: bool = False
    #: Line of ``unlisted: true`` in a post that is also a draft (an error to report even
    #: though drafts are never read), else None.
    draft_and_unlisted_line: int | None = None
    #: Line of the first byte that is not UTF-8, for a file that cannot be read.
    unreadable_line: int | None = None


def peek_post(
    blog_relative_path: str,
    text: str,
    settings: ReadSettings,
    *,
    fallback_date: Callable[[], datetime] | None = None,
) -> PostLocation:
    """Where a post will be published and whether it is a draft or an ABlog post.

    Read cheaply from the path and front matter, before Sphinx reads anything, to name
    the post's document after its permalink.
    """
    text = normalize_text(text)
    split = split_source(text, "") if text.startswith(("---", "+++")) else None
    metadata = split.metadata if split is not None else {}
    ablog = is_ablog_front_matter(metadata)
    if ablog or settings.ablog:
        metadata = normalize_ablog_metadata(metadata, settings.date_formats)
    info = parse_post_path(blog_relative_path)
    title = _string(metadata.get("title"))
    if not title:
        heading = _first_heading(split.body if split is not None else text)
        title = heading[0] if heading else info.text
    published: datetime | None = None
    if settings.url_pattern and needs_date(settings.url_pattern):
        parsed = parse_ablog_date(metadata.get("date"), settings.date_formats)
        if parsed is not None:
            published = parsed[0]
        elif info.date is not None:
            published = from_path_date(info.date)
        elif fallback_date is not None:
            published = fallback_date()
    permalink = post_url_path(info, metadata, settings, title=title, published=published)
    draft = _flag(metadata.get("draft", False))
    both_line = None
    if draft and _flag(metadata.get("unlisted", False)) and split is not None:
        both_line = split.key_lines.get("unlisted", 1)
    return PostLocation(permalink, draft, ablog, both_line)


def locate_post(
    blog_relative_path: str, text: str, route: str, *, url_pattern: str = ""
) -> tuple[str, bool]:
    """``(permalink, draft)`` of a post, read cheaply from its path and front matter."""
    location = peek_post(
        blog_relative_path, text, ReadSettings(route=route, url_pattern=url_pattern)
    )
    return location.permalink, location.draft
