"""Checks of option values: each returns an error message, or ``None`` when the value is fine.

Pure functions, used by the option table (:mod:`.options`); the message completes the
sentence "the option 'blog_x' ...".
"""

from __future__ import annotations

from typing import Any

from ..util.urlpattern import pattern_problem
from ..util.urls import safe_url

#: The feeds the extension writes (``feeds/formats.py`` has their files).
FEED_FORMATS = ("rss", "atom", "json")
#: Babel's named date formats.
DATE_FORMAT_NAMES = ("short", "medium", "long", "full")
#: Fields of a Babel (CLDR) pattern that need a time of day or a time zone.
_TIME_FIELDS = frozenset("abBhHkKmsSAzZOvVXx")


def positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "must be a whole number of at least 1"
    return None


#: Docusaurus's ``postsPerPage: 'ALL'`` and ``blogSidebarCount: 'ALL'``: every post.
ALL = "ALL"
#: What ``"ALL"`` is read as: more posts than any blog has.
ALL_POSTS = 1_000_000_000


def positive_int_or_all(value: Any) -> str | None:
    if isinstance(value, str) and value.strip().upper() == ALL:
        return None
    if positive_int(value) is None:
        return None
    return "must be a whole number of at least 1, or 'ALL' (every post, as in Docusaurus)"


def read_count(value: Any) -> Any:
    """``"ALL"`` (any case) -> :data:`ALL_POSTS`; numbers as they are."""
    if isinstance(value, str) and value.strip().upper() == ALL:
        return ALL_POSTS
    return value


def non_negative_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "must be a whole number of at least 0"
    return None


def relative_path(value: Any) -> str | None:
    text = str(value)
    if text.startswith(("/", "\\")) or ".." in text.replace("\\", "/").split("/"):
        return "must be a folder path relative to the source directory, without '..'"
    return None


def url_path(value: Any) -> str | None:
    text = str(value).strip("/")
    if not text or ".." in text.split("/") or "\\" in text:
        return "must be a non-empty URL path such as 'blog', without '..'"
    return None


def route_path(value: Any) -> str | None:
    """A URL path, or ``/`` for the site root (Docusaurus's ``routeBasePath: '/'``)."""
    text = str(value).strip("/")
    if ".." in text.split("/") or "\\" in text or "//" in text:
        return "must be a URL path such as 'blog' (or '/' for the site root), without '..'"
    return None


def str_list(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        return "must be a list of strings"
    return None


def str_dict(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return "must be a dict mapping strings to strings"
    return None


def post_sort(value: Any) -> str | None:
    if value not in ("date", "title"):
        return "must be 'date' or 'title'"
    return None


def redirect_map(value: Any) -> str | None:
    problem = str_dict(value)
    if problem is None and any(not key.strip("/") for key in value):
        return "must not redirect the site root"
    return problem


def post_url_pattern(value: Any) -> str | None:
    return pattern_problem(str(value))


def str_or_str_list(value: Any) -> str | None:
    return None if isinstance(value, str) else str_list(value)


def optional_str_or_str_list(value: Any) -> str | None:
    return None if value is None else str_or_str_list(value)


def width_list(value: Any) -> str | None:
    if (
        not isinstance(value, (list, tuple))
        or not value
        or not all(
            isinstance(v, int) and not isinstance(v, bool) and 16 <= v <= 8192 for v in value
        )
    ):
        return "must be a non-empty list of widths in pixels (whole numbers from 16 to 8192)"
    return None


def feed_formats(value: Any) -> str | None:
    problem = str_list(value)
    if problem is None:
        unknown = [name for name in value if name not in FEED_FORMATS]
        if unknown:
            return (
                f"must list feeds among 'rss', 'atom' and 'json' ({unknown[0]!r} is none of them)"
            )
    return problem


def date_format(value: Any) -> str | None:
    """A Babel date format that formats a date (shown dates have no time of day)."""
    text = str(value)
    if text in DATE_FORMAT_NAMES:
        return None
    advice = "'short', 'medium', 'long', 'full' or a Babel date pattern such as 'd MMMM y'"
    if "%" in text:
        return f"must be {advice}, not a strftime format ('%d %B %Y' is 'dd MMMM y')"
    from datetime import date

    from babel.dates import format_date, tokenize_pattern

    for kind, token in tokenize_pattern(text):
        if kind == "field" and token[0] in _TIME_FIELDS:
            return (
                f"must be {advice}; {token[0]!r} is a field of the time of day, which "
                "dates do not have"
            )
    try:
        format_date(date(2024, 1, 2), format=text, locale="en")
    except (ValueError, KeyError, AttributeError, TypeError) as error:
        return f"must be {advice} ({error})"
    return None


def magic_comments(value: Any) -> str | None:
    message = (
        "must be a list of {'className': ..., 'line': ..., 'block': {'start': ..., "
        "'end': ...}} dicts, as Docusaurus's prism.magicComments"
    )
    if not isinstance(value, (list, tuple)):
        return message
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("line", ""), str):
            return message
        block = entry.get("block")
        if block is not None and not (
            isinstance(block, dict)
            and isinstance(block.get("start"), str)
            and isinstance(block.get("end"), str)
        ):
            return message
        if not entry.get("line") and not block:
            return message
    return None


def author_pages(value: Any) -> str | None:
    if value not in ("page", "all"):
        return "must be 'page' (authors with page: true, as Docusaurus) or 'all'"
    return None


#: The networks ``blog_share`` knows (``pages/share.py`` makes their links).
SHARE_NETWORKS = (
    "x",
    "facebook",
    "telegram",
    "whatsapp",
    "bluesky",
    "mastodon",
    "linkedin",
    "vk",
    "email",
    "copy",
)


def share_networks(value: Any) -> str | None:
    problem = str_list(value)
    if problem:
        return problem
    unknown = [item for item in value if item not in SHARE_NETWORKS]
    if unknown:
        return f"names unknown networks {unknown}; known: {', '.join(SHARE_NETWORKS)}"
    if len(set(value)) != len(value):
        return "names a network twice"
    return None


_CARD_STYLE_KEYS = ("background", "text", "accent", "logo", "font")


def card_style(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be a dict"
    unknown = sorted(str(key) for key in value if key not in _CARD_STYLE_KEYS)
    if unknown:
        return f"has unknown keys {unknown}; known: {', '.join(_CARD_STYLE_KEYS)}"
    for key in ("background", "text", "accent"):
        if key in value and not _is_colour(value[key]):
            return f"[{key!r}] must be a colour such as '#1b2a41' or 'navy'"
    font = value.get("font", "")
    fonts = font.values() if isinstance(font, dict) else [font]
    if not all(isinstance(item, str) for item in fonts):
        return "['font'] must be a file path or a dict of locale -> file path"
    if not isinstance(value.get("logo", ""), str):
        return "['logo'] must be an image path"
    return None


def _is_colour(value: Any) -> bool:
    from PIL import ImageColor

    try:
        ImageColor.getrgb(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


_CTA_KEYS = ("title", "text", "button", "url", "kind", "tags", "locales")


def cta_setting(value: Any) -> str | None:
    entries = [value] if isinstance(value, dict) else list(value)
    if isinstance(value, dict) and not value:
        return None
    for index, entry in enumerate(entries):
        where = "" if isinstance(value, dict) else f"[{index}]"
        if not isinstance(entry, dict):
            return f"{where} must be a dict with title, text, button and url"
        unknown = sorted(str(key) for key in entry if key not in _CTA_KEYS)
        if unknown:
            return f"{where} has unknown keys {unknown}; known: {', '.join(_CTA_KEYS)}"
        missing = [key for key in ("title", "button", "url") if not entry.get(key)]
        if missing:
            return f"{where} needs {', '.join(missing)}"
        if safe_url(str(entry["url"])) is None:
            return f"{where}['url'] must be an http(s), mailto: or site-relative address"
    return None
