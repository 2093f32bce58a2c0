"""Remove the output of posts that no longer exist.

Sphinx never deletes the page of a removed document. For a blog that is a leak: a post
taken down (deleted, or turned into a draft) would stay online at its URL. When a post's
document disappears, its page, its ``_sources`` copy and its cached excerpt are deleted.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..env.records import posts_of
from .excerpts import forget_excerpt

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_REMOVED: WeakKeyDictionary[Sphinx, dict[str, str]] = WeakKeyDictionary()


def _note_removed(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    posts = posts_of(env)
    gone = {docname: posts[docname].source_path for docname in removed if docname in posts}
    _REMOVED[app] = gone
    return []


def _delete_outputs(app: Sphinx, exception: BaseException | None) -> None:
    gone = _REMOVED.pop(app, {})
    if exception is not None or not gone or app.builder.format != "html":
        return
    for docname, source_path in gone.items():
        if docname in app.env.all_docs:
            continue  # it came back under the same name
        suffix = posixpath.splitext(source_path)[1]
        for path in (
            str(app.builder.get_outfilename(docname)),  # type: ignore[attr-defined]
            os.path.join(app.outdir, "_sources", docname + suffix + ".txt"),
        ):
            with contextlib.suppress(OSError):
                os.remove(path)
        forget_excerpt(app, docname)


def setup_removed_posts(app: Sphinx) -> None:
    """Delete removed posts' pages at the end of the build."""
    app.connect("env-get-outdated", _note_removed)
    app.connect("build-finished", _delete_outputs)
