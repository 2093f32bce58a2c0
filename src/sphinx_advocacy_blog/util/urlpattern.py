"""Post URLs from a pattern such as ``/posts/{slug}``: pure functions.

Hugo-style sites publish posts at ``/posts/<slug>/`` or ``/:year/:month/:slug/``; the
``blog_post_url`` option names that pattern so such a site keeps its URLs. Both spellings
of a variable work: ``{slug}`` and Hugo's ``:slug``.
"""

from __future__ import annotations

import re
from datetime import date

from .slugs import clean_url_path, slugify

#: The variables a pattern may use.
VARIABLES = ("year", "month", "day", "slug", "filename", "title")
#: Variables that name the post itself; a pattern needs one so two posts differ.
NAMING_VARIABLES = ("slug", "filename", "title")
_BRACED = re.compile(r"\{(\w+)\}")
_HUGO = re.compile(r":(" + "|".join(VARIABLES) + r")\b")


def _braced(pattern: str) -> str:
    return _HUGO.sub(r"{\1}", pattern)


def pattern_problem(pattern: str) -> str | None:
    """Why *pattern* cannot be used, or ``None`` (for the option's check)."""
    if not pattern:
        return None
    braced = _braced(pattern)
    names = _BRACED.findall(braced)
    unknown = sorted(set(names) - set(VARIABLES))
    if unknown:
        return f"uses unknown variables {', '.join(unknown)}; the variables are " + ", ".join(
            "{" + name + "}" for name in VARIABLES
        )
    if not set(names) & set(NAMING_VARIABLES):
        return "must contain {slug}, {filename} or {title}, so that each post has its own URL"
    if ".." in braced.replace("\\", "/").split("/"):
        return "must not contain '..'"
    return None


def needs_date(pattern: str) -> bool:
    """Whether the pattern uses the post's date."""
    return bool({"year", "month", "day"} & set(_BRACED.findall(_braced(pattern))))


def expand_post_url(
    pattern: str, *, slug: str, filename: str, title: str, published: date | None
) -> str:
    """The post's URL path (relative to the site root, no suffix) from *pattern*.

    ``{slug}`` is the front matter's ``slug``, else the file name without its date;
    ``{filename}`` is always the file name; ``{title}`` is the title in kebab case;
    ``{year}``, ``{month}``, ``{day}`` are the publication date, zero-padded.

    >>> expand_post_url("/posts/{slug}", slug="", filename="hello", title="Hi", published=None)
    'posts/hello'
    """
    values = {
        "slug": clean_url_path(slug) or filename,
        "filename": filename,
        "title": slugify(title) or filename,
        "year": f"{published.year:04d}" if published else "",
        "month": f"{published.month:02d}" if published else "",
        "day": f"{published.day:02d}" if published else "",
    }
    expanded = _BRACED.sub(lambda match: values.get(match[1], ""), _braced(pattern))
    return clean_url_path(expanded)
