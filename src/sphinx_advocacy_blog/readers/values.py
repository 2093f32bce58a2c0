"""Front-matter values as the readers take them: text, flags, lists, the body's title.

YAML gives numbers, dates, lists and mappings where a person meant text; these coerce a
value to what the reader needs and never raise.
"""

from __future__ import annotations

import re
from typing import Any

_ATX_H1 = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")


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
