"""Remove the output of posts that no longer exist.

Sphinx never deletes the page of a removed document. For a blog that is a leak: a post
taken down (deleted, or turned into a draft) would stay online at its URL. Each builder
keeps a list of the post pages it wrote (a state file, saved at the end of every build);
a post on that list that this build no longer has loses its page, its ``_sources`` copy
and its cached excerpt. The list survives a killed build, so the page of a post deleted
just before the kill is still removed by the next build.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..env.output_state import load_state, save_state
from ..env.records import posts_of
from ..util.files import remove_output
from .excerpts import forget_excerpt
from .post_page import source_copy_name

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATE_FILE = "advocacy_blog_post_pages.json"


def _outputs(app: Sphinx, docname: str) -> list[str]:
    """The files a post's page made, relative to the output folder."""
    outfile = str(app.builder.get_outfilename(docname))  # type: ignore[attr-defined]
    outdir = str(app.outdir).rstrip(os.sep) + os.sep
    # The builder joins the output folder and the page's name: cut the folder off again
    # (os.path.relpath costs ten times as much, once per post and build).
    page = (
        outfile[len(outdir) :] if outfile.startswith(outdir) else os.path.relpath(outfile, outdir)
    )
    page = page.replace(os.sep, "/")
    copy = source_copy_name(app, docname)
    return [page, *([f"_sources/{copy}"] if copy else [])]


def _delete_outputs(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    if app.builder.name in ("singlehtml", "epub"):
        return
    previous = load_state(app, STATE_FILE)
    previous = previous if isinstance(previous, dict) else {}
    current = {docname: _outputs(app, docname) for docname in sorted(posts_of(app.env))}
    for docname, files in sorted(previous.items()):
        if docname in current or docname in app.env.all_docs or not isinstance(files, list):
            continue  # still a post, or back under the same name as another document
        for relative in files:
            # Names read back from a file: deleted only inside the output folder.
            remove_output(str(app.outdir), str(relative))
        forget_excerpt(app, docname)
    if previous != current:
        save_state(app, STATE_FILE, current)


def setup_removed_posts(app: Sphinx) -> None:
    """Delete removed posts' pages at the end of the build."""
    app.connect("build-finished", _delete_outputs)
