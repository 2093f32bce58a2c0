"""Where a post's Markdown link points, by Docusaurus's rules: pure functions.

Docusaurus resolves a link to a ``.md``/``.mdx`` file to that post's URL (``./x.md``
from the post's folder, ``/x.md`` from the blog folder then the site, a bare ``x.md``
from the post's folder, the blog folder, then the site), and renders a root-relative link
(``/docs/intro``, ``/blog/2023/06/21/x#y``) as that path of the site, under its
``baseUrl``. Other relative links are left to the browser.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

#: File suffixes whose links Docusaurus turns into links to the page made from the file.
MARKDOWN_SUFFIXES = (".md", ".mdx")


@dataclass(frozen=True)
class LinkTarget:
    """A link's resolved target.

    ``kind`` is ``"doc"`` (a document of this build: ``doc``), ``"site"`` (a root-relative
    path of the site that is no document: ``path``, without the site's base path),
    ``"file-missing"`` (a ``.md`` link to no file: ``path`` as written).
    """

    kind: str
    doc: str = ""
    path: str = ""
    query: str = ""
    anchor: str = ""

    def suffix(self) -> str:
        """``?query#anchor`` as written."""
        return (f"?{self.query}" if self.query else "") + (f"#{self.anchor}" if self.anchor else "")


def split_href(href: str) -> tuple[str, str, str]:
    """``path?query#anchor`` -> its three parts."""
    path, _, anchor = href.partition("#")
    path, _, query = path.partition("?")
    return path, query, anchor


def markdown_file_candidates(
    path: str, read_path: str, source_path: str, content_dirs: Sequence[str]
) -> list[str]:
    """The files (relative to the source directory) a ``.md`` link may name, in order.

    *read_path* is the file being read (a translation, or the post itself), *source_path*
    the post's own file, *content_dirs* the blog folders (a translation's first).
    """
    path = unquote(path)
    folders = [posixpath.dirname(read_path)]
    if source_path != read_path:
        folders.append(posixpath.dirname(source_path))
    if path.startswith("/"):
        inner = path.lstrip("/")
        found = [posixpath.join(folder, inner) for folder in content_dirs]
        return [*found, inner]
    in_folders = [posixpath.normpath(posixpath.join(folder, path)) for folder in folders]
    if path.startswith(("./", "../")):
        return in_folders
    return [*in_folders, *(posixpath.join(folder, path) for folder in content_dirs), path]


def resolve_link(
    href: str,
    *,
    read_path: str,
    source_path: str,
    content_dirs: Sequence[str],
    doc_of_file: Callable[[str], str | None],
    doc_of_path: Callable[[str], str | None],
    base_path: str = "",
) -> LinkTarget | None:
    """Resolve a link that is no URL with a scheme and not a ``#anchor`` alone.

    *doc_of_file* gives the document of a source file (relative to the source directory),
    *doc_of_path* the document published at a site path (``blog/welcome``), each ``None``
    when there is none. *base_path* is the site's path (``/site/``) that a root-relative
    link may start with. ``None``: a relative link to leave as it is.
    """
    path, query, anchor = split_href(href)
    if path.lower().endswith(MARKDOWN_SUFFIXES):
        for candidate in markdown_file_candidates(path, read_path, source_path, content_dirs):
            if candidate.startswith("../"):
                continue
            doc = doc_of_file(candidate)
            if doc is not None:
                return LinkTarget("doc", doc=doc, query=query, anchor=anchor)
        return LinkTarget("file-missing", path=path, query=query, anchor=anchor)
    if not path.startswith("/") or path.startswith("//"):
        return None
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    if base != "/" and (path + "/").startswith(base):
        path = "/" + path[len(base) :]
    site_path = unquote(path).strip("/")
    for candidate in _page_names(site_path):
        doc = doc_of_path(candidate)
        if doc is not None:
            return LinkTarget("doc", doc=doc, query=query, anchor=anchor)
    return LinkTarget("site", path=path, query=query, anchor=anchor)


def _page_names(site_path: str) -> list[str]:
    """The documents a site path may be: ``x``, ``x.html``, ``x/``, ``x/index``."""
    if site_path.endswith(".html"):
        site_path = site_path[: -len(".html")]
    if not site_path or site_path == "index":
        return ["index"]
    if site_path.endswith("/index"):
        return [site_path, site_path[: -len("/index")]]
    return [site_path, f"{site_path}/index"]
