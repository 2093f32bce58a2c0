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
from datetime import date, datetime, timezone

from ..model.post import Post
from ..model.problem import Problem
from ..util.slugs import MAX_SEGMENT_BYTES, clean_url_path
from ..util.urls import is_absolute_url
from .ablog import is_ablog_front_matter, normalize_ablog_metadata
from .dates import from_path_date, to_datetime
from .event import event_lines, read_event
from .fields import FieldReader, toc_levels
from .frontmatter import normalize_text, split_source
from .location import alias_path, post_url_path
from .markdown import TITLE_PLACEHOLDER, convert_body
from .paths import parse_post_path
from .settings import ReadSettings
from .values import (
    as_flag,
    as_text,
    as_text_list,
    first_heading,
    forbidden_lines,
    strip_forbidden,
)

#: The longest reading time a post may state (a week of reading: beyond it, a typo).
MAX_READING_MINUTES = 10_000
#: Front-matter keys this reader understands; anything else is kept in ``Post.extra``.
KNOWN_KEYS = frozenset(
    {
        "title", "title_meta", "description", "slug", "date", "authors", "author",
        "author_title", "author_url", "author_image_url", "author_imageURL", "authorTitle",
        "authorURL", "authorUrl", "authorImageURL", "authorImageUrl", "authorTwitter", "tags",
        "draft",
        "unlisted", "image", "keywords", "hide_table_of_contents", "toc_min_heading_level",
        "toc_max_heading_level", "sidebar_label", "last_update", "pinned", "sticky",
        "category", "categories", "group", "time_to_read_in_minutes", "reading_time", "views",
        "aliases", "redirect_from", "schema_type", "blogpost", "location", "language",
        "external_link", "event", "series", "series_order", "cta",
    }
)  # fmt: skip


def _epoch() -> datetime:
    return datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass
class ParsedPost:
    """The result of reading one source file."""

    post: Post
    myst_text: str
    problems: list[Problem] = field(default_factory=list)
    #: 1-based line of the body's first ``# heading`` used as title (or None).
    heading_title_line: int | None = None


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
    bad_lines = forbidden_lines(text)
    text = strip_forbidden(text)
    split = split_source(text, source_path)
    metadata = split.metadata
    key_lines = dict(split.key_lines)
    ablog = settings.ablog or is_ablog_front_matter(metadata)
    if ablog:
        if metadata.get("date"):  # ABlog leaves drafts without the defaults
            given = {"authors" if key == "author" else key for key in metadata}
            defaults = {
                name: list(values)
                for name, values in settings.ablog_defaults
                if values and ("authors" if name == "author" else name) not in given
            }
            metadata = {**defaults, **metadata}
        metadata = normalize_ablog_metadata(metadata, settings.date_formats)
        for ablog_key, key in (("author", "authors"), ("redirect", "redirect_from")):
            if ablog_key in key_lines:
                key_lines.setdefault(key, key_lines[ablog_key])
    reader = FieldReader(source_path, key_lines)
    if bad_lines:
        reader.problems.append(
            Problem(
                "encoding",
                f"{len(bad_lines)} line(s) hold characters that cannot be in a web page or a "
                "feed (a form feed or another control character, often pasted from a word "
                "processor); they were removed",
                source_path,
                bad_lines[0],
            )
        )
    reader.problems.extend(split.problems)

    info = parse_post_path(blog_relative_path)
    slug = as_text(metadata.get("slug"))

    # The body keeps the front matter's lines (blank): its line 1 is the file's line 1.
    converted = convert_body(
        split.body,
        mdx=source_path.endswith(".mdx"),
        mermaid=settings.mermaid,
        path=source_path,
        mdx_settings=settings.mdx,
    )
    reader.problems.extend(converted.problems)
    title = as_text(metadata.get("title"))
    heading = first_heading(converted.text)
    heading_line = None
    if not title and heading is not None:
        title, heading_line = heading
    if not title:
        # Docusaurus: front matter title, else the first heading, else the file name's text
        # as written (``2015-07-29-Version-0.14.0.md``: "Version-0.14.0").
        title = info.text.split("/")[-1].strip() or "Untitled"

    path_date = from_path_date(info.date) if info.date else None
    published, has_time = reader.published(
        metadata, path_date, fallback_date or _epoch, settings.date_formats
    )
    permalink = post_url_path(info, metadata, settings, title=title, published=published)
    if slug and clean_url_path(slug) != slug.strip("/"):
        too_long = any(len(part.encode("utf-8")) > MAX_SEGMENT_BYTES for part in slug.split("/"))
        problem = (
            "is too long for a file name"
            if too_long
            else "has characters that cannot be in a URL path"
        )
        reader.warn(
            "slug", "slug", f"slug {slug!r} {problem}; the post is published at /{permalink}"
        )

    explicit_minutes = metadata.get("time_to_read_in_minutes", metadata.get("reading_time"))
    if (
        isinstance(explicit_minutes, (int, float))
        and not isinstance(explicit_minutes, bool)
        and math.isfinite(explicit_minutes)
        and 0 < explicit_minutes <= MAX_READING_MINUTES
    ):
        reading_minutes = math.ceil(explicit_minutes)
    else:
        if explicit_minutes is not None:
            reader.warn(
                "frontmatter",
                "time_to_read_in_minutes",
                f"time_to_read_in_minutes must be a number from 1 to {MAX_READING_MINUTES}; "
                "it was computed from the text instead",
            )
        reading_minutes = max(1, math.ceil(converted.word_count / settings.words_per_minute))

    image = as_text(metadata.get("image"))
    if image:
        image = reader.url("image", image, image=True)
        if image and not is_absolute_url(image) and not image.startswith("/"):
            image = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), image))
            if image.startswith(".."):
                reader.warn("image", "image", f"image {image!r} is outside the source folder")
                image = ""

    draft = as_flag(metadata.get("draft", False))
    unlisted = as_flag(metadata.get("unlisted", False))
    if draft and unlisted:
        reader.warn(
            "draft",
            "unlisted",
            "a post cannot be both 'draft' and 'unlisted'; remove one of them "
            "(it is treated as a draft)",
        )
        unlisted = False

    toc_max = toc_levels(metadata, reader)

    last_update = None
    last_update_author = ""
    raw_update = metadata.get("last_update")
    if isinstance(raw_update, Mapping):
        parsed_update = to_datetime(raw_update.get("date")) if raw_update.get("date") else None
        last_update = parsed_update[0] if parsed_update else None
        last_update_author = as_text(raw_update.get("author"))

    categories = as_text_list(metadata.get("category")) or as_text_list(metadata.get("categories"))
    aliases = tuple(
        alias
        for alias in (
            alias_path(a)
            for a in as_text_list(metadata.get("aliases"))
            + as_text_list(metadata.get("redirect_from"))
        )
        if alias
    )
    views = metadata.get("views")
    schema_type = as_text(metadata.get("schema_type")) or "BlogPosting"
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,40}", schema_type):
        reader.warn(
            "frontmatter",
            "schema_type",
            f"schema_type {schema_type!r} is not a schema.org type name",
        )
        schema_type = "BlogPosting"

    event = None
    if metadata.get("event") is not None:
        reading = read_event(
            metadata["event"], source_path, key_lines.get("event"), event_lines(key_lines)
        )
        event = reading.event
        reader.problems.extend(reading.problems)
    series = as_text(metadata.get("series"))
    series_order = reader.series_order(metadata.get("series_order")) if series else None

    extra = tuple((key, value) for key, value in metadata.items() if key not in KNOWN_KEYS)
    post = Post(
        docname=permalink,
        source_path=source_path,
        permalink=permalink,
        title=title,
        title_meta=as_text(metadata.get("title_meta")),
        description=as_text(metadata.get("description")),
        slug=slug,
        published=published,
        has_time=has_time,
        authors=reader.authors(metadata, ablog=ablog),
        tags=reader.tags(metadata),
        category=categories[0] if categories else "",
        more_categories=tuple(dict.fromkeys(categories))[1:],
        group=as_text(metadata.get("group")),
        image=image,
        keywords=tuple(as_text_list(metadata.get("keywords"))),
        draft=draft,
        show_cta=as_flag(metadata.get("cta", True)),
        unlisted=unlisted,
        pinned=as_flag(metadata.get("pinned", False)) or as_flag(metadata.get("sticky", False)),
        reading_minutes=reading_minutes,
        word_count=converted.word_count,
        sidebar_label=as_text(metadata.get("sidebar_label")),
        hide_table_of_contents=as_flag(metadata.get("hide_table_of_contents", False)),
        toc_max_heading_level=toc_max,
        last_update=last_update,
        last_update_author=last_update_author,
        head_tags=converted.head_tags,
        aliases=aliases,
        schema_type=schema_type,
        views=views
        if isinstance(views, int) and not isinstance(views, bool) and views >= 0
        else None,
        locale=settings.locale,
        has_truncate_marker=converted.has_truncate_marker,
        event=event,
        series=series,
        series_order=series_order,
        extra=extra,
        locations=tuple(as_text_list(metadata.get("location"))) if ablog else (),
        languages=tuple(as_text_list(metadata.get("language"))) if ablog else (),
        external_link=reader.url("external_link", as_text(metadata.get("external_link")))
        if ablog and metadata.get("external_link")
        else "",
        ablog=ablog,
        dated=not ablog or isinstance(metadata.get("date"), (date, datetime)),
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
