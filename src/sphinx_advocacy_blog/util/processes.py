"""Which process runs the build, and which documents a ``-j N`` reading worker read.

Sphinx reads documents in parallel in worker processes forked from the build's process;
each worker pickles its whole environment back, and the build's process unpickles it and
merges the entries of the documents that worker read. What the extension keeps in the
environment for the whole blog (the front-matter cache, the records of documents read
elsewhere) is left out of a worker's pickle: the build's process has it already.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

_build_process = os.getpid()
_read_here: set[str] = set()


def mark_build_process() -> None:
    """Called when a build starts, in the process that runs it."""
    global _build_process
    _build_process = os.getpid()
    _read_here.clear()


def in_worker() -> bool:
    """Whether this process is a worker Sphinx forked for this build."""
    return os.getpid() != _build_process


def writes_in_workers(app: Any) -> bool:
    """Whether Sphinx writes this build's pages in worker processes: ``-j N``, fork
    available and every extension ``parallel_write_safe`` (Sphinx's ``parallel_ok``, set
    when the write phase starts)."""
    return bool(getattr(app.builder, "parallel_ok", False))


def note_read(docname: str) -> None:
    """Remember that this worker read *docname* (nothing in the build's process)."""
    if in_worker():
        _read_here.add(docname)


class DocumentRecords(dict[str, Any]):
    """The extension's entries of each document, by document name.

    Pickled by a reading worker, it holds only the documents that worker read: the build's
    process merges no other (see :func:`..env.records.merge_documents`).
    """

    def __reduce__(self) -> tuple[Any, ...]:
        items = list(self.items())
        if in_worker():
            items = [(name, value) for name, value in items if name in _read_here]
        return (type(self), (), None, None, iter(items))


class BuildWideCache(dict[str, Any]):
    """A cache the build's process keeps for the whole blog: empty in a worker's pickle."""

    def __reduce__(self) -> tuple[Any, ...]:
        items = [] if in_worker() else list(self.items())
        return (type(self), (), None, None, iter(items))


def balanced_chunks(items: Sequence[T], count: int, weight: Callable[[T], float]) -> list[list[T]]:
    """*items* in at most *count* chunks of about equal total *weight* (the heaviest
    first, each to the lightest chunk so far), each chunk in the order of *items*.

    One chunk per worker process: each chunk Sphinx's ``ParallelTasks`` runs is a process
    forked from the build's, whose first full garbage collection copies the memory it
    shares with it.
    """
    count = max(1, min(count, len(items)))
    weights = [weight(item) for item in items]
    loads = [0.0] * count
    members: list[list[int]] = [[] for _ in range(count)]
    for index in sorted(range(len(items)), key=lambda i: -weights[i]):
        lightest = loads.index(min(loads))
        loads[lightest] += weights[index]
        members[lightest].append(index)
    return [[items[index] for index in sorted(chunk)] for chunk in members if chunk]
