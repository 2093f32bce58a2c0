"""ABlog's ``blog_post_pattern`` globs: pure functions over ``/`` paths."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A ``glob(recursive=True)`` pattern as a regular expression over ``/`` paths."""
    parts: list[str] = []
    index = 0
    pattern = pattern.replace("\\", "/").lstrip("/")
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            parts.append("(?:[^/]*/)*")
            index += 3
            continue
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "[":
            closing = pattern.find("]", index + 1)
            if closing == -1:
                parts.append(re.escape(char))
            else:
                body = pattern[index + 1 : closing].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                parts.append(f"[{body}]")
                index = closing
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts) + r"\Z")


def normalize_patterns(value: Any) -> tuple[str, ...]:
    """``blog_post_pattern`` as a tuple: ABlog accepts one string or a list."""
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value if str(item).strip())
    return ()


def matches_post_pattern(relative_path: str, patterns: Iterable[str]) -> bool:
    """Whether a source file matches one of ABlog's ``blog_post_pattern`` globs.

    Patterns are relative to the source directory and may name the file with or without
    its suffix (``posts/*/*`` and ``posts/*.md`` both match ``posts/2022/x.md``).
    """
    path = relative_path.replace("\\", "/")
    stem = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    for pattern in patterns:
        regex = _glob_regex(pattern)
        if regex.match(path) or regex.match(stem):
            return True
    return False
