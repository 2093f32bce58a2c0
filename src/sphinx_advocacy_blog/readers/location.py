"""Where a post is published, read cheaply before Sphinx reads it: pure functions.

Discovery names each post's document after its permalink, so the permalink (and whether the
post is a draft or an ABlog post) is read from the path and front matter alone. The same
rules give the URL when the post is read in full (:func:`post_url_path`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..util.records import quick_pickle
from ..util.slugs import clean_url_path
from ..util.urlpattern import expand_post_url, needs_date
from .ablog import is_ablog_front_matter, normalize_ablog_metadata, parse_ablog_date
from .dates import from_path_date
from .frontmatter import normalize_text, split_source
from .paths import PathInfo, parse_post_path, post_permalink
from .settings import ReadSettings
from .values import as_flag, as_text, first_heading, strip_forbidden


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
    url = as_text(metadata.get("url"))
    if url.startswith("/") and not url.startswith("//") and (fixed := clean_url_path(url)):
        return fixed
    slug = as_text(metadata.get("slug"))
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


@quick_pickle
@dataclass(frozen=True, slots=True)
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
    #: Docusaurus's URL from the path alone (``<route>/YYYY/MM/D/<text>``), ignoring
    #: ``slug`` and ``url``: where the post goes when its own URL is taken.
    path_permalink: str = ""
    #: The post's date from its front matter or path (``None`` when it has neither): a post
    #: dated after the build is held back.
    published: datetime | None = None


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
    text = strip_forbidden(normalize_text(text))
    split = split_source(text, "", peek=True) if text.startswith(("---", "+++")) else None
    metadata = split.metadata if split is not None else {}
    ablog = is_ablog_front_matter(metadata)
    if ablog or settings.ablog:
        metadata = normalize_ablog_metadata(metadata, settings.date_formats)
    info = parse_post_path(blog_relative_path)
    title = as_text(metadata.get("title"))
    if not title:
        heading = first_heading(split.body if split is not None else text)
        title = heading[0] if heading else info.text
    published: datetime | None = None
    parsed = parse_ablog_date(metadata.get("date"), settings.date_formats)
    if parsed is not None:
        published = parsed[0]
    elif info.date is not None:
        published = from_path_date(info.date)
    dated = published
    needed = bool(settings.url_pattern) and needs_date(settings.url_pattern)
    if published is None and needed and fallback_date is not None:
        published = fallback_date()
    permalink = post_url_path(info, metadata, settings, title=title, published=published)
    draft = as_flag(metadata.get("draft", False))
    both_line = None
    if draft and as_flag(metadata.get("unlisted", False)) and split is not None:
        both_line = split.key_lines.get("unlisted", 1)
    return PostLocation(
        permalink,
        draft,
        ablog,
        both_line,
        path_permalink=post_permalink(settings.route, info, None),
        published=dated,
    )


def locate_post(
    blog_relative_path: str, text: str, route: str, *, url_pattern: str = ""
) -> tuple[str, bool]:
    """``(permalink, draft)`` of a post, read cheaply from its path and front matter."""
    location = peek_post(
        blog_relative_path, text, ReadSettings(route=route, url_pattern=url_pattern)
    )
    return location.permalink, location.draft
