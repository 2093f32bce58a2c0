"""Slugs and URL path segments made from user text: pure functions.

Every permalink, tag and author URL is made from text a person wrote; these functions
turn that text into something that is safe as a URL path and as an output file path.
"""

from __future__ import annotations

import re
import unicodedata

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_UNSAFE_SLUG_CHARS = re.compile(r"[^\w\-./~]+", re.UNICODE)


def slugify(label: str) -> str:
    """Docusaurus-style tag permalink: kebab case, unicode letters kept.

    >>> slugify("Captive Nations")
    'captive-nations'
    """
    text = unicodedata.normalize("NFKC", label)
    text = _CAMEL_BOUNDARY.sub(" ", text)
    words = re.findall(r"[^\W_]+", text, re.UNICODE)
    return "-".join(word.lower() for word in words)


def clean_url_path(path: str) -> str:
    """Make a user-given URL path safe as a document name and output path.

    Backslashes, ``.``/``..`` segments, empty segments and characters outside letters,
    digits, ``-``, ``_``, ``.`` and ``~`` are removed, so that no permalink can put a file
    outside the output folder.
    """
    segments = []
    for raw in path.replace("\\", "/").split("/"):
        segment = _UNSAFE_SLUG_CHARS.sub("-", raw.strip()).strip("-")
        if segment in ("", ".", "..") or set(segment) <= {"."}:
            continue
        segments.append(segment)
    return "/".join(segments)


def ablog_slugify(text: str) -> str:
    """ABlog's slug for tag, author, category, location and language pages.

    >>> ablog_slugify("Captive Nations")
    'captive-nations'
    """
    normalized = unicodedata.normalize("NFKD", str(text))
    cleaned = re.sub(r"[^\w\s-]", "", normalized).strip().lower()
    return re.sub(r"[-\s]+", "-", cleaned)
