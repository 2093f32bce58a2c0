"""ABlog posts and options, read the ABlog way: pure functions, no Sphinx import.

An ABlog post is a document with ``blogpost: true`` in its front matter, or one matched by
``blog_post_pattern``. Its front matter (``date: Nov 23, 2022``, ``author: Ahmet, Jane``,
``tags: tips, ablog``, ``redirect: old/url``) is turned into the Docusaurus keys the main
reader understands, so the rest of the extension never needs to know where a post came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from .dates import to_datetime

#: ABlog's default ``post_date_format``, then other unambiguous spellings of a date.
ABLOG_DATE_FORMATS: tuple[str, ...] = (
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d %b, %Y",
    "%d %B, %Y",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
)

#: ABlog front-matter keys whose value is a comma-separated list.
_LIST_KEYS = ("tags", "category", "location", "language")


def is_ablog_front_matter(metadata: Mapping[str, Any]) -> bool:
    """Whether the front matter marks an ABlog post (``blogpost: true``)."""
    value = metadata.get("blogpost")
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return value is True


def split_list(value: Any) -> list[str]:
    """ABlog's comma-separated values (``tips, ablog``); YAML lists are kept."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, (list, tuple)):
        items = [str(item).strip() for item in value if item is not None]
    else:
        items = [part.strip() for part in str(value).split(",")]
    return [item for item in items if item]


def parse_ablog_date(value: Any, formats: Iterable[str] = ()) -> tuple[datetime, bool] | None:
    """Read an ABlog ``date``: ISO values, then *formats* (``post_date_format``), then
    :data:`ABLOG_DATE_FORMATS`, then what ABlog falls back to, ``dateutil``'s parser
    (``09/04/2019``, ``September 4th, 2019``, ``Wednesday, September 4, 2019``...).
    Returns ``(aware datetime, has_time)`` or ``None``.

    >>> parse_ablog_date("Nov 23, 2022")[0].date().isoformat()
    '2022-11-23'
    >>> parse_ablog_date("September 4th, 2019")[0].date().isoformat()
    '2019-09-04'
    """
    parsed = to_datetime(value)
    if parsed is not None or not isinstance(value, str):
        return parsed
    text = " ".join(value.split())
    for date_format in (*formats, *ABLOG_DATE_FORMATS):
        try:
            found = datetime.strptime(text, date_format)
        except ValueError:
            continue
        has_time = any(code in date_format for code in ("%H", "%I", "%M"))
        return found.replace(tzinfo=timezone.utc), has_time
    return _parse_like_dateutil(text)


def _parse_like_dateutil(text: str) -> tuple[datetime, bool] | None:
    """ABlog's last resort, ``dateutil.parser.parse``; a text with no digit is no date
    (dateutil would read ``"Monday"`` as this week's Monday)."""
    if not any(char.isdigit() for char in text):
        return None
    # Imported when needed: most dates never get here, and the module costs every build.
    from dateutil import parser as dateutil_parser

    try:
        found = dateutil_parser.parse(text)
    except (ValueError, OverflowError):
        return None
    has_time = bool(found.hour or found.minute or found.second)
    if found.tzinfo is None:
        found = found.replace(tzinfo=timezone.utc)
    return found, has_time


def normalize_ablog_metadata(
    metadata: Mapping[str, Any], date_formats: Iterable[str] = ()
) -> dict[str, Any]:
    """ABlog front matter -> the equivalent Docusaurus front matter.

    ``date`` strings in ABlog formats become datetimes; a post without ``date`` (an ABlog
    draft, which ABlog still builds) becomes ``unlisted``; ``author`` (comma-separated keys
    of ``blog_authors`` or plain names) becomes inline ``authors`` that resolve against
    ``blog_authors``; ``tags``/``category``/``location``/``language`` become lists;
    ``redirect`` (old URLs) joins ``redirect_from``; a numeric ``image`` (ABlog's excerpt
    image index, not a file) is kept as ``ablog_image``.
    """
    result = {key: value for key, value in metadata.items() if key != "blogpost"}
    formats = tuple(date_formats)
    raw_date = result.get("date")
    if raw_date is None or (isinstance(raw_date, str) and not raw_date.strip()):
        result.pop("date", None)
        if "draft" not in result:
            result.setdefault("unlisted", True)
    else:
        parsed = parse_ablog_date(raw_date, formats)
        if parsed is not None:
            result["date"] = parsed[0] if parsed[1] else parsed[0].date()
        elif "draft" not in result:
            # Not a date (the reader says so, naming the line): built, not listed, as the
            # reST posts with such a date (ABlog stops the whole build on it).
            result["unlisted"] = True
    if "author" in result and "authors" not in result:
        names = split_list(result.pop("author"))
        result["authors"] = [{"key": name, "name": name} for name in names]
    for key in _LIST_KEYS:
        if isinstance(result.get(key), str):
            result[key] = split_list(result[key])
    redirects = split_list(result.pop("redirect", None))
    if redirects:
        result["redirect_from"] = [*split_list(result.get("redirect_from")), *redirects]
    image = result.get("image")
    if isinstance(image, int) and not isinstance(image, bool):
        result["ablog_image"] = result.pop("image")
    return result


def ablog_author(value: Any) -> dict[str, str] | None:
    """An ABlog ``blog_authors`` entry ``(name, url)`` as an ``authors.yml``-style mapping."""
    if isinstance(value, Mapping):
        return {str(key): item for key, item in value.items()}
    if isinstance(value, (tuple, list)) and value:
        name = str(value[0] or "").strip()
        url = str(value[1] or "").strip() if len(value) > 1 else ""
        return {"name": name, "url": url} if url else {"name": name}
    if isinstance(value, str) and value.strip():
        return {"name": value.strip()}
    return None


def ablog_names(table: Mapping[Any, Any]) -> dict[str, str]:
    """``blog_locations``/``blog_languages`` (``{key: (name, url)}``) -> key -> name."""
    names = {}
    for key, value in table.items():
        name = value[0] if isinstance(value, (tuple, list)) and value else value
        text = str(name or "").strip() if not isinstance(name, Mapping) else ""
        names[str(key)] = text or str(key)
    return names


def ablog_route(blog_path: str, route: str, *, default_route: str, ablog_project: bool) -> str:
    """The blog's URL route when ABlog's ``blog_path`` (the index URL) is honoured.

    In an ABlog project, ``blog_path`` names the index page's URL; it becomes the route
    unless ``blog_route_base_path`` was changed from its default.
    """
    if ablog_project and route == default_route and blog_path.strip("/"):
        return blog_path.strip("/")
    return route
