"""Files of the site that a post's raw HTML shows (``<img src="/img/x.png">``,
``<video src="./clip.mp4">``).

Sphinx copies the images of Markdown and reST, not those named in raw HTML, so such a file
could be a broken picture that no warning named. Each one is checked when the post is read:

* a root address (``/img/x.png``, Docusaurus's ``static/img/x.png``) must be in the source
  folder or in ``blog_static_dirs``, which are served at the site root;
* a relative one is a URL relative to the page, as in any HTML: from
  ``blog/2024/01/01/x.html``, ``../../../../img/x.png`` is ``/img/x.png``, checked as above;
  a file beside the post's source (``./chart.png``) is not published by raw HTML, and the
  warning says how to write it so that it is.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..diagnostics import report_in
from ..env.discovery import is_post
from ..env.nodes import line_in_raw
from ..env.records import TEXT_KEY
from ..env.site_data import app_of
from ..model.problem import Problem
from ..util.files import find_source_file, static_folders_text
from .remote import find_local_media

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def missing_file_problem(
    element: str, path: str, looked_for: str, source: str, line: int
) -> Problem:
    """The warning for a file of the site that the HTML of a post names but is not there."""
    return Problem(
        "image",
        f"the <{element}> file {path!r} is not in the project ({looked_for}): the page shows "
        "a broken picture. Copy the file there or fix the path",
        source,
        line,
    )


def _unpublished_problem(element: str, path: str, source: str) -> Problem:
    markdown = f"![the words it shows]({path})" if element == "img" else f"[{path}]({path})"
    return Problem(
        "image",
        f"the <{element}> file {path!r} is beside the post, but raw HTML does not publish it "
        f"(its address is relative to the page): the page shows a broken picture. "
        f"Write it as Markdown, "
        f"{markdown}, or as <{element} src={{require('{path}').default}} />",
        source,
    )


class LocalFilesInHtml(SphinxTransform):
    """Warn (``blog.image``) about each file of the site that a post's raw HTML names but
    the project does not have, or that raw HTML does not publish."""

    default_priority = 721

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        if not is_post(env, env.docname):
            return
        text = env.temp_data.get(TEXT_KEY)
        if isinstance(text, str) and "src" not in text and "poster" not in text:
            return  # no HTML of this post names a file: no walk of its tree
        builder = app_of(env).builder
        if builder.format != "html":
            return
        srcdir = str(env.srcdir)
        static_dirs = tuple(self.config.blog_static_dirs)
        source = str(env.doc2path(env.docname, False))
        folder = posixpath.dirname(source)
        page_folder = posixpath.dirname(builder.get_target_uri(env.docname))
        problems = []
        for raw in self.document.findall(nodes.raw):
            if "html" not in raw.get("format", "").split():
                continue
            for element, path in find_local_media(raw.astext()):
                target = path.split("?", 1)[0].split("#", 1)[0]
                # A relative URL is relative to the page (as the browser reads it).
                served = (
                    target
                    if target.startswith("/")
                    else "/" + posixpath.normpath(posixpath.join(page_folder, target))
                )
                if find_source_file(srcdir, static_dirs, served, follow_symlinks=True):
                    continue
                beside = posixpath.normpath(posixpath.join(folder, target))
                if not target.startswith("/") and find_source_file(
                    srcdir, (), beside, follow_symlinks=True
                ):
                    problem = _unpublished_problem(element, path, source)
                else:
                    folders = static_folders_text(static_dirs)
                    looked_for = f"{served} looked for in the source folder and in {folders}"
                    problem = missing_file_problem(element, path, looked_for, source, 0)
                problems.append(replace(problem, line=line_in_raw(raw, path) or 1))
        report_in(srcdir, problems)


def setup_html_files(app: Sphinx) -> None:
    """Check the files that posts' raw HTML shows."""
    app.add_transform(LocalFilesInHtml)
