"""Links in posts behave as on the Docusaurus site.

MyST reads ``[x](/docs/intro)`` as a cross-reference and, finding no such target, writes
a dead ``#/docs/intro``. In a post (read phase, :class:`PostLinks`), a link is resolved by
Docusaurus's rules (:mod:`..readers.links`): to a post or page of this build (by URL or by
``./file.md``, keeping ``#anchor`` and ``?query``), or else to that path of the site under
``html_baseurl``'s path. Each becomes a ``pending_xref`` of type :data:`BODY_LINK` (so
tables of contents treat it as any cross-reference), turned into a relative (or
root-relative) URL when the page is written (:class:`ResolveBodyLinks`). At the end of
an HTML build, a link to a path the output does not hold is a warning (``blog.link``)
naming the file and line, like Docusaurus's ``onBrokenLinks``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..diagnostics import report
from ..model.problem import Problem
from ..readers.links import LinkTarget, resolve_link
from .discovery import BlogProject, is_post, post_source
from .nodes import source_line
from .records import READING_KEY, site_links_of
from .site_data import app_of, get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LINK_SUBTYPE = "link"
#: The ``reftype`` of the cross-references this module makes (resolved before Sphinx's).
BODY_LINK = "blog-body-link"


def _base_path(app_or_env: Any) -> str:
    """The site's URL path (``/`` or ``/site/``) and the locale prefix of this build."""
    settings = get_site(app_or_env).settings
    path = urlsplit(settings.base_url).path.strip("/")
    parts = [part for part in (path, settings.url_prefix.strip("/")) if part]
    return "/" + "/".join(parts) + "/" if parts else "/"


class PostLinks(SphinxTransform):
    """Resolve a post's Markdown links by Docusaurus's rules (see the module doc)."""

    default_priority = 266

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        if env.temp_data.get(READING_KEY) is None or not is_post(env, env.docname):
            # Not a post, or an ABlog reST post (made by its ``post`` directive): these
            # follow Sphinx's own link rules.
            return
        app = app_of(env)
        site = get_site(app)
        settings = site.settings
        docname = env.docname
        read_path = str(env.doc2path(docname, False)).replace(os.sep, "/")
        source_path = post_source(env, docname)
        content_dirs = [settings.path]
        if site.translation_dir:
            content_dirs.insert(0, site.translation_dir.replace(os.sep, "/"))
        srcdir = str(env.srcdir)
        project = env.project
        sources = project.docnames_by_source() if isinstance(project, BlogProject) else {}
        found = env.found_docs

        def doc_of_file(path: str) -> str | None:
            if path in sources:
                return sources[path]
            full = os.path.join(srcdir, path)
            if os.path.isfile(full):
                return env.path2doc(full)
            return None

        def doc_of_path(path: str) -> str | None:
            if path == "index":
                return env.config.root_doc
            return path if path in found else None

        base_path = _base_path(app)
        records: list[tuple[str, int, str, str]] = []
        for reference in self.document.findall(nodes.reference):
            if reference.get("id_link") and reference.get("refuri") == "#":
                # ``[x](#)``: the top of the page, as browsers read it; MyST would look for
                # an anchor with no name, and warn.
                del reference["id_link"]
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if xref.get("reftype") != "myst":
                continue
            line = source_line(xref) or 1
            if xref.get("refdomain") == "doc":
                anchor = str(xref.get("reftargetid") or "")
                target = LinkTarget("doc", doc=str(xref["reftarget"]), anchor=anchor)
            else:
                href = str(xref.get("reftarget", ""))
                if href.startswith("#") or not href:
                    continue
                resolved = resolve_link(
                    href,
                    read_path=read_path,
                    source_path=source_path,
                    content_dirs=content_dirs,
                    doc_of_file=doc_of_file,
                    doc_of_path=doc_of_path,
                    base_path=base_path,
                )
                if resolved is None:
                    reference = nodes.reference("", "", *xref.children, refuri=href)
                    xref.replace_self(reference)
                    continue
                target = resolved
            if target.kind == "file-missing":
                report(
                    app,
                    [
                        Problem(
                            LINK_SUBTYPE,
                            f"the link to {target.path!r} names no post or page of this "
                            "site; fix the file name (it is shown as text)",
                            read_path,
                            line,
                        )
                    ],
                )
                xref.replace_self(nodes.inline("", "", *xref.children))
                continue
            link = addnodes.pending_xref(
                "",
                *xref.children,
                refdomain="",
                reftype=BODY_LINK,
                refexplicit=True,
                refdoc=docname,
                reftarget=target.doc or target.path,
                blog_kind=target.kind,
                blog_suffix=target.suffix(),
            )
            xref.replace_self(link)
            if target.kind == "site":
                records.append((read_path, line, target.path, target.suffix()))
        if records:
            site_links_of(env)[docname] = tuple(records)


def _route_page(route: str, path: str) -> str | None:
    """The page name of a path under the blog's route (``blog/tags/x``), else ``None``."""
    inner = path.strip("/")
    if route and (inner == route or inner.startswith(route + "/")):
        return inner[: -len(".html")] if inner.endswith(".html") else inner
    return None


class ResolveBodyLinks(SphinxPostTransform):
    """Turn the body links into references, relative to the page written."""

    default_priority = 5  # before MyST's resolver (9) and Sphinx's (10)

    def run(self, **kwargs: Any) -> None:
        app = app_of(self.env)
        builder = app.builder
        docname = self.env.docname
        settings = get_site(app).settings
        base_path = _base_path(app)
        for link in list(self.document.findall(addnodes.pending_xref)):
            if link.get("reftype") != BODY_LINK:
                continue
            suffix = link["blog_suffix"]
            target = link["reftarget"]
            if link["blog_kind"] == "doc":
                if target == docname and suffix.startswith("#"):
                    uri = suffix
                else:
                    uri = builder.get_relative_uri(docname, target) + suffix
            else:
                page = _route_page(settings.route, target)
                if page is not None:
                    uri = builder.get_relative_uri(docname, page) + suffix
                else:
                    path = quote(target.lstrip("/"), safe="/%:@&=+$,;~!*'()")
                    uri = base_path + path + suffix
            reference = nodes.reference("", "", *link.children, refuri=uri, internal=True)
            reference["classes"].append("reference")
            link.replace_self(reference)


def _exists(outdir: str, builder: Any, route: str, path: str) -> bool:
    page = _route_page(route, path)
    if (
        page is not None
        and hasattr(builder, "get_outfilename")
        and os.path.exists(builder.get_outfilename(page))
    ):
        return True
    inner = path.strip("/")
    if not inner:
        return True
    full = os.path.join(outdir, *inner.split("/"))
    return any(
        os.path.exists(candidate)
        for candidate in (full, full + ".html", os.path.join(full, "index.html"))
    )


def _check_site_links(app: Sphinx, exception: Exception | None) -> None:
    """Warn about links to paths that the output does not hold."""
    if exception is not None or app.builder.format != "html":
        return
    settings = get_site(app).settings
    outdir = str(app.outdir)
    problems = []
    for records in site_links_of(app.env).values():
        for path, line, target, suffix in records:
            if not _exists(outdir, app.builder, settings.route, target):
                problems.append(
                    Problem(
                        LINK_SUBTYPE,
                        f"the link to {target + suffix!r} leads to no page of this site; "
                        "fix the link or publish that page",
                        path,
                        line,
                    )
                )
    report(app, sorted(problems, key=lambda p: (p.path, p.line or 0)))


def setup_body_links(app: Sphinx) -> None:
    """Register the read-time resolution, the write-time links and the final check."""
    app.add_transform(PostLinks)
    app.add_post_transform(ResolveBodyLinks)
    app.connect("build-finished", _check_site_links)
