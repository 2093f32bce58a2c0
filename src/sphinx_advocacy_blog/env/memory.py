"""Free the doctrees of written pages while the site is written, not after it.

A post page's doctree is dead once its page context is made: its reference cycles are cut
then (:func:`cut_cycles`), and reference counting frees it at once, without the cyclic
collector (1,000 prose posts: one full run fewer after reading, 3 -> 2, ~0.4 s of the
collector's time, and a peak ~4 MiB lower). The other documents' doctrees (a project's
own pages, whose doctrees other extensions may keep) are left as they are, and the
collector is paced for them:

Their doctree is cyclic garbage once the page is written (docutils nodes point at their
parents), and only a full run of Python's cyclic garbage collector frees it. Python starts
a full run when the objects that survived the last one have grown by a quarter; a blog's
environment holds more objects than a bare Sphinx project's, so on a large site the first
full run after reading came only once every page had been written, and all their doctrees
waited in memory until then (1,000 prose posts: the peak was ~15 MiB higher). A run per
third of the documents instead of per half gives a peak 1.3 MiB lower, for one more full
run (~0.2 s there): per half was kept.

When pages are written one after another (``-j 1``), a full run is made after each half
of those documents has been written without one, and never more often than every
:data:`MIN_DOCUMENTS` documents. It takes the place of the run Python would have made
right after the write phase, so the collector's total time does not grow. With ``-j N``
the build's process still resolves every doctree, but keeps each chunk's until the worker
writing it ends: that case is left to Python's own runs (not measured to pile up).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..util.processes import writes_in_workers
from .discovery import is_post

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

#: Fewer written documents than this never start a full run.
MIN_DOCUMENTS = 100


def _full_runs() -> int:
    """How many full runs the collector made in this process (Python's and explicit)."""
    return int(gc.get_stats()[2]["collections"])


@dataclass
class _Pace:
    full_runs_seen: int = -1
    written: int = 0


_PACES: WeakKeyDictionary[Sphinx, _Pace] = WeakKeyDictionary()


def documents_per_run(document_count: int) -> int:
    """How many documents are written between two full runs of the collector."""
    return max(MIN_DOCUMENTS, document_count // 2)


def cut_cycles(doctree: nodes.document) -> None:
    """Cut the reference cycles of a doctree nobody will use again, so that reference
    counting frees its nodes at once: each node's links to its parent and its document,
    and the document's own lists and maps of nodes (the document object itself may stay
    a while: the translator that wrote it is a cycle of its own)."""
    for node in doctree.findall():
        node.parent = None
        vars(node).pop("_document", None)
    state = vars(doctree)
    for name, value in list(state.items()):
        if isinstance(value, (list, dict)) and name != "attributes":
            state[name] = type(value)()
    state["transformer"] = None
    reporter = getattr(doctree, "reporter", None)
    if reporter is not None:
        reporter.observers = []


def _releases_on_write(app: Sphinx, docname: str) -> bool:
    """Whether the doctree of *docname* is released when its page is written."""
    return _writes_pages(app) and is_post(app.env, docname)


def _writes_pages(app: Sphinx) -> bool:
    # HTML builders emit ``html-page-context`` for every page they write.
    return hasattr(app.builder, "handle_page")


def _release_written(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    # The page's context is made: the rest of the page is its template. A worker writing
    # pages (-j N) ends with its chunk and frees everything at once.
    if doctree is not None and not writes_in_workers(app) and _releases_on_write(app, pagename):
        cut_cycles(doctree)


def _paced_documents(app: Sphinx) -> int:
    """How many documents' doctrees are left to the collector."""
    posts = getattr(getattr(app.env, "project", None), "blog_posts", ())
    return len(app.env.all_docs) - (len(posts) if _writes_pages(app) else 0)


def _after_resolving(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if writes_in_workers(app) or _releases_on_write(app, docname):
        return
    pace = _PACES.setdefault(app, _Pace())
    full_runs = _full_runs()
    if pace.full_runs_seen != full_runs:
        # Python (or anyone) made a full run since: count from there.
        pace.full_runs_seen, pace.written = full_runs, 0
    pace.written += 1
    if pace.written >= documents_per_run(_paced_documents(app)):
        gc.collect()
        pace.full_runs_seen, pace.written = _full_runs(), 0


def setup_memory(app: Sphinx) -> None:
    """Run the garbage collector through the write phase."""
    # Last: the page's own handlers have seen its doctree.
    app.connect("doctree-resolved", _after_resolving, priority=990)
    # Last: every handler has seen the page's doctree.
    app.connect("html-page-context", _release_written, priority=990)
