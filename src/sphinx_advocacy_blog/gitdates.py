"""When pages last changed: ``last_update``, the last git commit, or the file's time.

Git is asked once per build for the whole source directory (one ``git log``), not once per
page, so sites with thousands of posts stay fast. Without git (or outside a repository) the
file's modification time stands in where a date is needed (the sitemap).
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .post import Post

_DATES: WeakKeyDictionary[Sphinx, dict[str, datetime]] = WeakKeyDictionary()
_COMMIT_MARK = "\x00"


def parse_git_log(output: str, toplevel: str) -> dict[str, datetime]:
    """Latest commit date of each file in ``git log --format=%x00%cI --name-only`` output.

    The log is newest first, so a file's first appearance is its last change. Keys are
    absolute, normalized paths.
    """
    dates: dict[str, datetime] = {}
    current: datetime | None = None
    for line in output.splitlines():
        if line.startswith(_COMMIT_MARK):
            try:
                current = datetime.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
            continue
        name = line.strip()
        if not name or current is None:
            continue
        path = os.path.normpath(os.path.join(toplevel, name))
        dates.setdefault(path, current)
    return dates


def last_commit_dates(directory: str) -> dict[str, datetime]:
    """Latest commit date of every file under *directory*; empty without git."""

    def git(*args: str) -> str | None:
        try:
            result = subprocess.run(
                ["git", *args],
                cwd=directory,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return result.stdout if result.returncode == 0 else None

    toplevel = git("rev-parse", "--show-toplevel")
    if not toplevel:
        return {}
    output = git("-c", "core.quotepath=off", "log", "--format=%x00%cI", "--name-only", "--", ".")
    return parse_git_log(output or "", toplevel.strip())


def source_dates(app: Sphinx) -> dict[str, datetime]:
    """The git dates of this build's source directory (computed once per build)."""
    dates = _DATES.get(app)
    if dates is None:
        dates = last_commit_dates(str(app.srcdir))
        _DATES[app] = dates
    return dates


def forget_dates(app: Sphinx) -> None:
    """Drop the cached dates (at the start of a build, so edits since are seen)."""
    _DATES.pop(app, None)


def file_date(app: Sphinx, path: str) -> datetime | None:
    """Last commit date of the file at *path* (absolute), else its modification time."""
    found = source_dates(app).get(os.path.normpath(path))
    if found is not None:
        return found
    try:
        return datetime.fromtimestamp(os.path.getmtime(path), tz=timezone.utc)
    except OSError:
        return None


def post_modified(post: Post, committed: datetime | None) -> datetime | None:
    """When a post last changed: its ``last_update`` date, else its last commit when that is
    later than its publication date; ``None`` when it never changed after publication."""
    if post.last_update is not None:
        return post.last_update
    if committed is not None and _aware(committed) > _aware(post.published):
        return committed
    return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
