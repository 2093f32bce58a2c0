"""Front-matter values as the readers take them: text, flags, lists, the body's title.

YAML gives numbers, dates, lists and mappings where a person meant text; these coerce a
value to what the reader needs and never raise.
"""

from __future__ import annotations

import re
from typing import Any

_ATX_H1 = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")
#: Characters XML 1.0 forbids (and so every feed, sitemap and page a strict parser reads):
#: C0 controls but tab and line ends, lone surrogates, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Page breaks pasted from word processors stand between words: they become spaces.
_BLANKS = str.maketrans({"\x0b": " ", "\x0c": " "})


def strip_forbidden(text: str) -> str:
    """*text* without the characters XML 1.0 forbids (vertical tab and form feed become
    spaces, so words stay apart)."""
    if _FORBIDDEN.search(text) is None:
        return text
    return _FORBIDDEN.sub("", text.translate(_BLANKS))


def forbidden_lines(text: str) -> list[int]:
    """The 1-based lines of *text* that hold a character :func:`strip_forbidden` removes."""
    return sorted({text.count("\n", 0, match.start()) + 1 for match in _FORBIDDEN.finditer(text)})


def clean_strings(value: Any) -> tuple[Any, bool]:
    """*value* (YAML data) with :func:`strip_forbidden` applied to every string in it, keys
    included; and whether anything was removed."""
    if isinstance(value, str):
        cleaned = strip_forbidden(value)
        return cleaned, cleaned != value
    if isinstance(value, list):
        items = [clean_strings(item) for item in value]
        return [item for item, _changed in items], any(changed for _item, changed in items)
    if isinstance(value, dict):
        changed = False
        result = {}
        for key, item in value.items():
            new_key, key_changed = clean_strings(key)
            new_item, item_changed = clean_strings(item)
            result[new_key] = new_item
            changed = changed or key_changed or item_changed
        return result, changed
    return value, False


def as_text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def as_flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return bool(value)


def as_text_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple)):
        return [as_text(item) for item in value if as_text(item)]
    return [as_text(value)] if as_text(value) else []


def first_heading(body: str) -> tuple[str, int] | None:
    """The top ``# heading`` of a body (Docusaurus only uses one before any content)."""
    for offset, line in enumerate(body.split("\n")):
        if not line.strip():
            continue
        match = _ATX_H1.match(line)
        return (match["title"], offset + 1) if match else None
    return None
