"""Remove the output of posts that no longer exist.

Sphinx never deletes the page of a removed document. For a blog that is a leak: a post
taken down (deleted, or turned into a draft) would stay online at its URL. Each builder
keeps a list of the post pages it wrote (a state file, saved at the end of every build);
a post on that list that this build no longer has loses its page, its ``_sources`` copy
and its cached excerpt. The list survives a killed build, so the page of a post deleted
just before the kill is still removed by the next build.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Any

from ..env.discovery import BlogProject
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


def _signature(app: Sphinx) -> str:
    """What the names of the post pages' files follow from: the builder, the output folder,
    the source-copy options and each post's name and source file."""
    config = app.config
    digest = hashlib.sha256(
        repr(
            (
                app.builder.name,
                str(app.outdir),
                getattr(app.builder, "out_suffix", ""),
                config.html_copy_source,
                config.html_sourcelink_suffix,
            )
        ).encode()
    )
    for docname, post in sorted(posts_of(app.env).items()):
        digest.update(f"{docname}\t{post.source_path}\n".encode())
    project = app.project
    if isinstance(project, BlogProject):
        digest.update(repr(sorted(project.blog_translated.items())).encode())
    return digest.hexdigest()


def _load_previous(app: Sphinx) -> tuple[dict[str, Any], str]:
    """The post pages of the previous build and the signature they were named under
    (``""`` for a state file of an older version: ``{docname: files}`` alone)."""
    state = load_state(app, STATE_FILE)
    if not isinstance(state, dict):
        return {}, ""
    pages, signature = state.get("pages"), state.get("signature")
    if isinstance(pages, dict) and isinstance(signature, str):
        return pages, signature
    return state, ""


def _delete_outputs(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    if app.builder.name in ("singlehtml", "epub"):
        return
    previous, previous_signature = _load_previous(app)
    signature = _signature(app)
    if signature == previous_signature:
        return  # the same posts, named the same way: nothing was removed
    current = {docname: _outputs(app, docname) for docname in sorted(posts_of(app.env))}
    for docname, files in sorted(previous.items()):
        if docname in current or docname in app.env.all_docs or not isinstance(files, list):
            continue  # still a post, or back under the same name as another document
        for relative in files:
            # Names read back from a file: deleted only inside the output folder.
            remove_output(str(app.outdir), str(relative))
        forget_excerpt(app, docname)
    save_state(app, STATE_FILE, {"pages": current, "signature": signature})


def setup_removed_posts(app: Sphinx) -> None:
    """Delete removed posts' pages at the end of the build."""
    app.connect("build-finished", _delete_outputs)
