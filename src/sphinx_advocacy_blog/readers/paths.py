"""Dates and permalinks from a post's path, the way Docusaurus computes them."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date

from ..util.slugs import clean_url_path

# ``2022-07-3-welcome``, ``2021/05/28/text``, ``2022-07-03`` (separators - or /).
#: Docusaurus's date in a post's path: the separator after the date is optional
#: (``2022-09-01_v0.13.mdx``: date 2022-09-01, text ``_v0.13``).
_DATE_IN_PATH = re.compile(
    r"(?:^|/)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?P<sep>[-/])?(?P<text>.*)$"
)


@dataclass(frozen=True)
class PathInfo:
    """What a post's location inside the blog folder says about it."""

    #: The post's name without folder ``index`` and without suffix (``2022-07-3-welcome``).
    name: str
    #: Date written in the path, if any, and its digits as written (``2022``, ``07``, ``3``).
    date: date | None = None
    date_digits: tuple[str, str, str] | None = None
    #: The part after the date (``welcome``), or the whole name.
    text: str = ""


def post_name(relative_path: str) -> str:
    """The post's name inside the blog folder: suffix and a trailing ``/index`` removed."""
    name = relative_path.replace("\\", "/")
    for suffix in (".mdx", ".md", ".markdown"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    if name == "index":
        return ""
    if name.endswith("/index"):
        name = name[: -len("/index")]
    return name


def _is_folder_index(relative_path: str) -> bool:
    """Whether the path is a folder's ``index.md(x)``."""
    name = relative_path.replace("\\", "/")
    return posixpath.splitext(name)[0].endswith("/index")


def parse_post_path(relative_path: str) -> PathInfo:
    """Read the date and text out of a post path relative to the blog folder.

    >>> parse_post_path("2022-07-3-welcome/index.md").date
    datetime.date(2022, 7, 3)
    """
    name = post_name(relative_path)
    match = _DATE_IN_PATH.search(name)
    if match is None:
        return PathInfo(name=name, text=name)
    year, month, day = match["year"], match["month"], match["day"]
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return PathInfo(name=name, text=name)
    prefix = name[: match.start()].strip("/")
    text = match["text"] or ""
    if match["sep"] is None and not text and _is_folder_index(relative_path):
        # Docusaurus's file-name pattern eats the separator after the date, so the
        # ``index`` of a folder named only by a date is the post's text:
        # ``2024-04-01/index.md`` is served at ``/blog/2024/04/01/index``.
        text = "index"
    if prefix:
        text = f"{prefix}/{text}" if text else prefix
    return PathInfo(name=name, date=found, date_digits=(year, month, day), text=text)


def post_permalink(route: str, info: PathInfo, slug: str | None) -> str:
    """The post's URL path relative to the site root (no leading slash, no suffix).

    ``slug`` from front matter wins (relative to the blog route even with a leading ``/``);
    else ``<route>/YYYY/MM/D/<text>`` with digits as written in the path; else
    ``<route>/<name>``.
    """
    if slug:
        tail = clean_url_path(slug)
    elif info.date_digits is not None:
        year, month, day = info.date_digits
        tail = clean_url_path("/".join(p for p in (year, month, day, info.text) if p))
    else:
        tail = clean_url_path(info.name)
    return posixpath.join(route, tail) if tail else route
