"""Write the redirect pages that keep every old URL working.

At ``build-finished`` (when every real page of the build is written), the pure plan of
:mod:`.old_urls` is computed from this build's posts and pages and each redirect is written
as a tiny HTML page: meta refresh 0, a canonical link, a script redirect, a visible link
and ``robots: noindex``, rendered by the autoescaping ``redirect.html`` template.

A locale's build (``OUTDIR/<prefix>``) runs this too, so old URLs answer in every locale.
Redirects the blog no longer has are deleted on the next build, unless a page took their
place. No file is ever written outside the output folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit
from weakref import WeakKeyDictionary

from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.util.osutil import relative_uri

from ..diagnostics import report
from ..env.build_state import get_catalog
from ..env.discovery import BlogProject
from ..env.output_state import is_current, load_state, metadata_digest, remember, save_state
from ..env.records import posts_of
from ..env.site_data import get_site
from ..model.problem import Problem
from ..pages.links import absolute, public_uri
from ..pages.plan import plan_pages
from ..pages.render import render, template_environment
from ..util.files import inside, shipped_files, write_atomically
from ..util.urls import safe_url
from ..version import __version__
from .old_urls import Redirect, RedirectPlan, page_file, redirect_map

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATE_FILE = "advocacy_blog_redirects.json"
#: Written into every redirect page, so that stale ones are told apart from real pages.
MARKER = "sphinx-advocacy-blog redirect"
#: Pages the HTML builders write besides documents.
BUILDER_PAGES = ("genindex", "search")
#: When each build started: files written since then are this build's pages.
_BUILD_STARTED: WeakKeyDictionary[Sphinx, float] = WeakKeyDictionary()


def writes_redirects(app: Sphinx) -> bool:
    """Whether this build writes one HTML file per page (``html``, ``dirhtml``)."""
    builder = app.builder
    return builder.format == "html" and builder.name not in ("singlehtml", "epub", "epub3")


def is_dirhtml(app: Sphinx) -> bool:
    """Whether pages are ``name/index.html``."""
    return isinstance(app.builder, DirectoryHTMLBuilder)


def build_pages(app: Sphinx) -> dict[str, str]:
    """Every page name of this build -> the file it comes from (for warnings)."""
    env = app.env
    pages: dict[str, str] = {name: f"Sphinx's {name} page" for name in BUILDER_PAGES}
    for docname in env.all_docs:
        pages[docname] = str(env.doc2path(docname, False))
    for page in plan_pages(get_site(app), get_catalog(app)):
        pages.setdefault(page.name, f"the blog page /{page.name}")
    return pages


def plan_for_build(app: Sphinx) -> RedirectPlan:
    """The redirect plan of this build (this locale)."""
    project = app.project
    ablog: frozenset[str] = frozenset()
    sources: dict[str, str] = {}
    if isinstance(project, BlogProject):
        ablog = frozenset(project.blog_ablog)
        sources = dict(project.blog_posts)
    return redirect_map(
        posts_of(app.env).values(),
        get_site(app),
        get_catalog(app),
        build_pages(app),
        dirhtml=is_dirhtml(app),
        ablog_docnames=ablog,
        sources=sources,
        shipped=shipped_files(str(app.confdir), app.config.html_extra_path),
    )


def _title(app: Sphinx, redirect: Redirect, generated: Mapping[str, str]) -> str:
    target = redirect.target
    if target.page:
        post = posts_of(app.env).get(target.page)
        if post is not None:
            return post.title
        title = app.env.titles.get(target.page)
        if title is not None and title.astext():
            return title.astext()
        return generated.get(target.page, target.page)
    return target.url or target.file


def redirect_context(
    app: Sphinx, filename: str, redirect: Redirect, generated: Mapping[str, str]
) -> dict[str, Any] | None:
    """The template values of one redirect page, or ``None`` if its target is unsafe."""
    site = get_site(app)
    settings = site.settings
    target = redirect.target
    if target.url:
        url = canonical = target.url
    else:
        to_uri = public_uri(app.builder, target.page) if target.page else quote(target.file)
        canonical = absolute(settings, to_uri)
        if settings.base_url:
            # Root-relative: right however the host serves the old path (``old``,
            # ``old/`` or ``old.html``), and on preview hosts of the same site.
            url = urlsplit(canonical).path or "/"
        else:
            url = relative_uri(filename, to_uri) or "./"
            canonical = url
    if target.fragment:
        url = f"{url}#{target.fragment}"
        canonical = f"{canonical}#{target.fragment}"
    if safe_url(url) is None or safe_url(canonical) is None:
        return None
    locale = site.locale
    return {
        "url": url,
        "canonical": canonical,
        "title": _title(app, redirect, generated),
        "lang": locale.html_lang if locale is not None else settings.language,
        "keep_hash": not target.fragment and not target.url,
        "marker": MARKER,
    }


def _is_redirect_page(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return MARKER in handle.read(2048)
    except OSError:
        return False


def _template_stamp(app: Sphinx) -> str:
    """What every redirect page depends on besides its own values: the template, versions."""
    environment = template_environment(app)
    source = ""
    if environment.loader is not None:
        source = environment.loader.get_source(environment, "advocacy_blog/redirect.html")[0]
    return repr((__version__, source))


def _digest(stamp: str, context: Mapping[str, Any]) -> str:
    return hashlib.sha256(repr((stamp, sorted(context.items()))).encode()).hexdigest()


def _record(digest: str, html: str) -> str:
    """What the state file keeps of a written redirect: its digest and its size, so that a
    file truncated by a killed build is never taken for a current one."""
    return f"{digest}:{len(html.encode('utf-8'))}"


def _whole_file(path: str, record: Any) -> os.stat_result | None:
    """The file at *path* if it is there, as long as *record* says it was written (a build
    killed while writing leaves a file cut short); else None. Only looked at: a name read
    back from the state file that leads elsewhere changes nothing."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    if not isinstance(record, str) or record.rpartition(":")[2] != str(stat.st_size):
        return None
    return stat


def _is_current(path: str, record: str | None, digest: str, started: float) -> bool:
    """Whether the redirect at *path* is the one recorded, whole, and older than this build."""
    if record is None or record.rpartition(":")[0] != digest:
        return False
    stat = _whole_file(path, record)
    return stat is not None and stat.st_mtime < started


def write_redirects(
    app: Sphinx,
    plan: RedirectPlan,
    previous: Mapping[str, Any] | None = None,
    stamp: str | None = None,
) -> dict[str, str]:
    """Write the plan's pages into the output folder; return ``{file: record}`` written.

    A file that a page of this build wrote is never replaced (the plan already leaves
    out every document and blog page and every file of ``html_extra_path`` and the static
    folders; this also covers pages of other extensions).
    A redirect whose values and template are those of the previous build (*previous*,
    ``{file: record}``) and whose file is still there, whole, is not rendered again. *stamp* is
    :func:`_template_stamp`, when the caller has it already.
    """
    outdir = str(app.outdir)
    started = _BUILD_STARTED.get(app, 0.0)
    generated = {page.name: page.title for page in plan_pages(get_site(app), get_catalog(app))}
    stamp = stamp if stamp is not None else _template_stamp(app)
    previous = previous or {}
    written: dict[str, str] = {}
    problems: list[Problem] = []
    for filename, redirect in sorted(plan.redirects.items()):
        context = redirect_context(app, filename, redirect, generated)
        if context is None:
            continue
        digest = _digest(stamp, context)
        path = inside(outdir, filename)
        if path is None:
            continue
        if _is_current(path, previous.get(filename), digest, started):
            written[filename] = previous[filename]
            continue
        exists = os.path.exists(path)
        if exists and not _is_redirect_page(path) and os.path.getmtime(path) >= started:
            continue
        html = str(render(app, "redirect.html", **context)) + "\n"
        if exists:
            with contextlib.suppress(OSError), open(path, encoding="utf-8") as handle:
                if handle.read() == html:
                    written[filename] = _record(digest, html)
                    continue
        try:
            write_atomically(path, html.encode("utf-8"))
        except OSError as error:
            # A folder where a file of the site is, a name the file system refuses.
            problems.append(
                Problem("redirect", f"the redirect page /{filename} cannot be written: {error}")
            )
            continue
        written[filename] = _record(digest, html)
    report(app, problems)
    return written


def _remove_stale(app: Sphinx, previous: Mapping[str, str], current: Mapping[str, str]) -> None:
    """Delete redirect pages of an earlier build that this build no longer has."""
    dirhtml = is_dirhtml(app)
    pages = {page_file(name, dirhtml=dirhtml) for name in build_pages(app)}
    for filename in set(previous) - set(current) - pages:
        path = inside(str(app.outdir), filename)
        if path is not None and _is_redirect_page(path):
            with contextlib.suppress(OSError):
                os.remove(path)


def _on_builder_inited(app: Sphinx) -> None:
    _BUILD_STARTED[app] = time.time() - 1


def _on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not writes_redirects(app):
        return
    state = load_state(app, STATE_FILE)
    previous = state if isinstance(state, dict) else {}
    stamp = _template_stamp(app)
    # Redirects are made from names, paths, titles and front matter: an edit inside a
    # post's body does not make them again (unless a file is gone or cut short). A site
    # with no old URL records none: that is current too.
    if (
        isinstance(state, dict)
        and is_current(app, "redirects", (), extra=stamp, narrow=metadata_digest)
        and all(
            _whole_file(os.path.join(str(app.outdir), name), record) is not None
            for name, record in previous.items()
        )
    ):
        # Nothing the redirects are made from changed; like Sphinx's own warnings for
        # unchanged documents, their warnings were shown by the build that made them.
        return
    plan = plan_for_build(app)
    report(app, plan.problems)
    written = write_redirects(app, plan, previous, stamp)
    _remove_stale(app, previous, written)
    save_state(app, STATE_FILE, written)
    remember(app, "redirects", extra=stamp, narrow=metadata_digest)


def setup_redirect_pages(app: Sphinx) -> None:
    """Write redirect pages for old URLs at the end of every HTML build."""
    app.connect("builder-inited", _on_builder_inited)
    # Late, so that the pages of removed posts are deleted (cleanup.py) before a redirect
    # takes the place of one of them.
    app.connect("build-finished", _on_build_finished, priority=800)
