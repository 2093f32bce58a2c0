"""The rendered excerpts of a builder, kept between builds in one file beside the doctrees.

Each excerpt is kept as HTML with its links deferred (see :mod:`.excerpts`), under its
post's key, with the read stamp of the post and the signature of what rendered it (the
translator and the build settings that change HTML): an excerpt kept for another read of
its post, or by other settings, is never used.

Excerpts are rendered where their post's page is written, which with ``-j N`` is a worker
process that ends with its chunk of pages. A worker appends each excerpt it renders to a
file of its own beside the store, in one write (nothing waits in a buffer when it ends);
the build's process takes those files in (:meth:`ExcerptStore.absorb`) when it needs an
excerpt it does not have and before it saves the store.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pickle
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..util.files import write_atomically
from ..util.processes import in_worker

if TYPE_CHECKING:
    from sphinx.application import Sphinx

EXCERPT_FILE = "advocacy_blog_excerpts-{builder}.pickle"
#: A worker's file: the store's path, then ``.<process id>.part``.
_PART_SUFFIX = ".part"

#: One kept excerpt: the post's read stamp, the render signature, the HTML.
Entry = tuple[Any, str, str]


def document_of(key: str) -> str:
    """The document of a post key (``docname``, or ``docname#section``: see ``Post.key``)."""
    return key.partition("#")[0]


def _parts(path: str) -> list[str]:
    """The workers' files of the store at *path*."""
    return sorted(glob.glob(glob.escape(path) + ".*" + _PART_SUFFIX))


def _valid(entry: object) -> bool:
    return (
        isinstance(entry, tuple)
        and len(entry) == 3
        and isinstance(entry[1], str)
        and isinstance(entry[2], str)
    )


class ExcerptStore:
    """Rendered excerpts by post key; one file on disk, and one per ``-j N`` worker."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: dict[str, Entry] = {}
        self.changed = False
        self._part: tuple[int, int] | None = None  # (process id, file descriptor)
        # A missing, truncated or foreign file is no cache: every excerpt is made again.
        with contextlib.suppress(Exception):
            with open(path, "rb") as handle:
                entries = pickle.load(handle)  # noqa: S301 - our own cache file
            if isinstance(entries, dict):
                self.entries = {key: value for key, value in entries.items() if _valid(value)}

    def put(self, key: str, stamp: Any, signature: str, html: str) -> None:
        """Keep the excerpt of *key* as rendered by *signature* for read *stamp*."""
        self.entries[key] = (stamp, signature, html)
        self.changed = True
        if in_worker():
            self._append((key, (stamp, signature, html)))

    def get(self, key: str, stamp: Any, signature: str) -> str | None:
        """The excerpt of *key*, if it was kept for read *stamp* and *signature*."""
        entry = self.entries.get(key)
        if entry is None or entry[:2] != (stamp, signature):
            if in_worker() or not self.absorb():
                return None
            entry = self.entries.get(key)
            if entry is None or entry[:2] != (stamp, signature):
                return None
        return entry[2]

    def forget(self, docname: str) -> None:
        """Drop the excerpts of *docname* (its post's and its section posts')."""
        for key in [key for key in self.entries if document_of(key) == docname]:
            del self.entries[key]
            self.changed = True

    def _append(self, record: tuple[str, Entry]) -> None:
        pid = os.getpid()
        if self._part is None or self._part[0] != pid:
            part = f"{self.path}.{pid}{_PART_SUFFIX}"
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
            self._part = (pid, os.open(part, flags, 0o644))
        os.write(self._part[1], pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))

    def absorb(self) -> bool:
        """Take in the excerpts the workers rendered (their files are then removed);
        whether there were any."""
        found = False
        for part in _parts(self.path):
            # A record cut short (a worker killed mid-write) ends the file.
            with contextlib.suppress(Exception), open(part, "rb") as handle:
                while True:
                    key, entry = pickle.load(handle)  # noqa: S301 - our own file
                    if isinstance(key, str) and _valid(entry):
                        self.entries[key] = entry
                        found = self.changed = True
            with contextlib.suppress(OSError):
                os.remove(part)
        return found

    def save(self) -> None:
        """Write the file, if anything changed (atomically: a crash leaves the old one)."""
        self.absorb()
        if not self.changed:
            return
        write_atomically(self.path, pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL))
        self.changed = False


_STORES: WeakKeyDictionary[Sphinx, ExcerptStore] = WeakKeyDictionary()


def _store_path(app: Sphinx) -> str:
    return os.path.join(app.doctreedir, EXCERPT_FILE.format(builder=app.builder.name))


def excerpt_store(app: Sphinx) -> ExcerptStore:
    """This build's excerpts (one store per builder: html and dirhtml link differently)."""
    store = _STORES.get(app)
    if store is None:
        store = _STORES[app] = ExcerptStore(_store_path(app))
    return store


def _discard_parts(app: Sphinx) -> None:
    """Remove the workers' files an interrupted build left."""
    for part in _parts(_store_path(app)):
        with contextlib.suppress(OSError):
            os.remove(part)


def _save_store(app: Sphinx, exception: BaseException | None) -> None:
    store = _STORES.get(app)
    if store is not None and not in_worker():
        store.save()


def setup_excerpt_store(app: Sphinx) -> None:
    """Save the build's excerpts when it ends."""
    app.connect("builder-inited", _discard_parts)
    app.connect("build-finished", _save_store)
