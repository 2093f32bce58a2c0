"""A problem found in a source file, before it is reported as a Sphinx warning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something wrong in a source file, reported as a Sphinx warning ``blog.<subtype>``."""

    subtype: str
    message: str
    path: str = ""
    line: int | None = None
