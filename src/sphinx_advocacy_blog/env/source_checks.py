"""Checks on the source files discovery publishes: pure, or reading the folder only.

:class:`PublishableFiles` says whether a file may be published (inside the source folder
and, unless ``blog_follow_symlinks``, reached without a symbolic link), walking the blog's
folder once per build instead of resolving every post's real path.
:func:`portability_problems` names page names that only some file systems can store.
"""

from __future__ import annotations

import unicodedata

from ..model.problem import Problem
from ..util.files import plain_files, source_file
from ..util.slugs import is_windows_reserved


class PublishableFiles:
    """Which source files of one build may be published."""

    def __init__(self, srcdir: str, blog_path: str, follow_symlinks: bool) -> None:
        self.srcdir = srcdir
        self.blog_folder = blog_path.strip("/")
        self.follow_symlinks = follow_symlinks
        self._walked: dict[str, set[str]] = {}

    def allows(self, relative: str) -> bool:
        """Whether the file at *relative* (to the source folder) may be published. The
        blog's folder and a locale's are walked once; other paths are resolved one by one."""
        if self.follow_symlinks:
            return source_file(self.srcdir, relative, follow_symlinks=True) is not None
        if relative.startswith("i18n/"):
            folder = "/".join(relative.split("/")[:3])
        else:
            folder = self.blog_folder
        if not folder or not relative.startswith(folder + "/"):
            return source_file(self.srcdir, relative) is not None
        known = self._walked.get(folder)
        if known is None:
            known = self._walked[folder] = plain_files(self.srcdir, folder)
        return relative in known


def portability_problems(name: str, relative: str, folded: dict[str, str]) -> list[Problem]:
    """Page names that only some file systems tell apart or can store. *folded* maps the
    case-folded names seen so far to their source (updated)."""
    problems = []
    key = unicodedata.normalize("NFC", name).casefold()
    other = folded.setdefault(key, relative)
    if other != relative:
        problems.append(
            Problem(
                "duplicate",
                f"the URL /{name} differs from the URL of {other} only in upper and lower "
                "case (or in how an accented letter is encoded): on Windows and macOS "
                "hosts one page overwrites the other. Give one of them another 'slug'",
                relative,
                1,
            )
        )
    if any(is_windows_reserved(segment) for segment in name.split("/")):
        problems.append(
            Problem(
                "url",
                f"the URL /{name} holds a name Windows cannot store as a file (CON, AUX, "
                "NUL, COM1...); the site cannot be built or served on Windows. Give the "
                "post another 'slug'",
                relative,
                1,
            )
        )
    return problems
