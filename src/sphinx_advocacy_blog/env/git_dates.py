"""When pages last changed: ``last_update``, the last git commit, or the file's time.

Git is asked once per build for the whole source directory (one ``git log``), not once per
page, so sites with thousands of posts stay fast. Without git (or outside a repository) the
file's modification time stands in where a date is needed (the sitemap).

A post's first commit is when it was written or imported, not a change: a blog moved from
Docusaurus in one commit would otherwise show every old post as "updated" on the day of the
move. So a post counts as modified by git only when a later commit touched it.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.post import Post

_COMMIT_MARK = "\x00"


@dataclass(frozen=True)
class FileHistory:
    """A file's last commit date, how many commits touched it and its first commit's date."""

    last: datetime
    commits: int = 1
    #: The date of the commit that added the file (equal to ``last`` for one commit).
    first: datetime | None = None

    @property
    def added(self) -> datetime:
        """When the file was committed first."""
        return self.first or self.last

    @property
    def changed_after_added(self) -> datetime | None:
        """The last commit date, if a commit after the one that added the file exists."""
        return self.last if self.commits > 1 else None


_HISTORIES: WeakKeyDictionary[Sphinx, dict[str, FileHistory]] = WeakKeyDictionary()


def parse_git_log(output: str, toplevel: str) -> dict[str, FileHistory]:
    """The history of each file in ``git log --format=%x00%cI --name-only`` output.

    The log is newest first, so a file's first appearance is its last change. Keys are
    absolute, normalized paths.
    """
    histories: dict[str, FileHistory] = {}
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
        known = histories.get(path)
        if known is None:
            histories[path] = FileHistory(current, 1, current)
        else:
            histories[path] = FileHistory(known.last, known.commits + 1, current)
    return histories


def file_histories(directory: str) -> dict[str, FileHistory]:
    """The git history of every file under *directory*; empty without git."""

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


def source_histories(app: Sphinx) -> dict[str, FileHistory]:
    """The git histories of this build's source directory (computed once per build)."""
    histories = _HISTORIES.get(app)
    if histories is None:
        histories = file_histories(str(app.srcdir))
        _HISTORIES[app] = histories
    return histories


def forget_histories(app: Sphinx) -> None:
    """Drop the cached histories (at the start of a build, so commits since are seen)."""
    _HISTORIES.pop(app, None)


def history_of(app: Sphinx, path: str) -> FileHistory | None:
    """The git history of the file at *path* (absolute), if it is committed."""
    return source_histories(app).get(os.path.normpath(path))


def modification_time(path: str) -> datetime:
    """The file's modification time (the epoch when it cannot be read)."""
    try:
        return datetime.fromtimestamp(os.path.getmtime(path), tz=timezone.utc)
    except OSError:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)


def undated_post_date(histories: dict[str, FileHistory], path: str) -> datetime:
    """The date of a post with none in its front matter or path, as Docusaurus takes it:
    the commit that added the file, else (no git) its modification time.

    The one place this date is computed: its URL (``blog_post_url`` with ``{year}``), its
    shown date, the ``check`` command and feeds all use it, so they agree, and a fresh
    clone of a git repository gives the same URLs as the author's checkout.
    """
    history = histories.get(os.path.normpath(path))
    return history.added if history is not None else modification_time(path)


def post_date_fallback(app: Sphinx, path: str) -> datetime:
    """:func:`undated_post_date` of the file at *path* (absolute) in this build."""
    return undated_post_date(source_histories(app), path)


def file_date(app: Sphinx, path: str) -> datetime | None:
    """Last commit date of the file at *path* (absolute), else its modification time."""
    history = history_of(app, path)
    if history is not None:
        return history.last
    try:
        return datetime.fromtimestamp(os.path.getmtime(path), tz=timezone.utc)
    except OSError:
        return None


def post_modified(post: Post, committed: datetime | None) -> datetime | None:
    """When a post last changed: its ``last_update`` date, else *committed* (the last commit
    after the one that added it) when that is later than its publication date; ``None``
    when it never changed after publication."""
    if post.last_update is not None:
        return post.last_update
    if committed is not None and _aware(committed) > _aware(post.published):
        return committed
    return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _prime(app: Sphinx, env: object) -> list[str]:
    # Computed before writing, so parallel writers inherit one answer instead of each
    # asking git again.
    if app.builder.format == "html" and app.builder.name != "epub":
        source_histories(app)
    return []


def setup_git_dates(app: Sphinx) -> None:
    """Ask git afresh in every build (once, before pages are written)."""
    app.connect("builder-inited", forget_histories, priority=300)
    app.connect("env-updated", _prime, priority=900)
