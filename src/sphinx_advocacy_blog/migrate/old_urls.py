"""Every URL the old site served, and the page of this site that answers it: pure functions.

A moved blog keeps its readers only if each old URL still answers. This module computes,
from the posts, the site data and the build's page names, a :class:`RedirectPlan`: for each
old URL path that no page of this build serves, the page (or URL) it now leads to.
:mod:`.redirect_pages` writes the plan; a translated build computes and writes its own plan.

Old URLs come from (strongest claim first):

``option``
    ``blog_redirects`` in ``conf.py``;
``alias``
    a post's ``aliases`` (Hugo), ``redirect_from`` or ``redirect`` (ABlog) front matter;
``source``
    Sphinx's page of the post's source file (``blog/2022-07-3-welcome/index.html``),
    which a renamed post no longer has;
``docusaurus``
    a post's Docusaurus URLs that differ from its permalink (the date URL
    ``/blog/2022/07/3/welcome`` of a post that has a ``slug``) and the author pages'
    Docusaurus pagination (``/blog/authors/<key>/authors/2``);
``ablog``
    ABlog's list pages (``/blog/tag/<tag>``, ``/blog/author/<key>``, ``/blog/2022``...).

A path is served on a static host by ``path``, ``path.html`` or ``path/index.html``: an
old path without suffix becomes ``path.html`` (``html`` builder) or ``path/index.html``
(``dirhtml``); ``path/`` becomes ``path/index.html``; ``path.html`` stays as it is.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from ..feeds.formats import FEED_FILES
from ..feeds.writer import STYLESHEET_FILE
from ..model.catalog import Catalog
from ..model.post import Post
from ..model.problem import Problem
from ..model.routes import (
    archive_page,
    author_page,
    authors_index_page,
    category_page,
    index_page,
    tag_page,
    tags_index_page,
    terms_page,
)
from ..model.site import BlogSite
from ..readers.location import alias_path
from ..readers.paths import parse_post_path, post_permalink
from ..util.slugs import ablog_slugify
from ..util.urls import is_absolute_url, safe_url

#: Kinds of claims, strongest first.
KINDS = ("option", "alias", "source", "docusaurus", "ablog")
#: Claims a person wrote down; when they cannot be honoured, the build says so.
DECLARED_KINDS = frozenset({"option", "alias"})
#: Files at the root of the output besides pages (no redirect can be a folder below them).
SITE_FILES = (
    "objects.inv",
    "searchindex.js",
    ".buildinfo",
    "sitemap.xml",
    "robots.txt",
)
#: Suffixes of old pages that a redirect page can stand in for.
PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Target:
    """Where an old URL leads: a page of this build, a file of the site, or another site."""

    #: A page name of this build (document or generated page), e.g. ``blog/welcome``.
    page: str = ""
    #: A file below the output root (``downloads/report.pdf``).
    file: str = ""
    #: An absolute ``http(s)`` URL.
    url: str = ""
    #: A fragment (without ``#``), already percent-encoded.
    fragment: str = ""


@dataclass(frozen=True)
class Redirect:
    """One old URL path and where it leads."""

    #: URL path relative to the site root: ``blog/2022/07/3/welcome``, ``old/``,
    #: ``old/page.html``.
    old: str
    target: Target
    kind: str
    #: The file that asked for it (a post's source, ``conf.py``), for warnings.
    origin: str = ""
    line: int | None = None

    @property
    def declared(self) -> bool:
        """Whether someone wrote this redirect down (an alias or an option)."""
        return self.kind in DECLARED_KINDS


@dataclass
class RedirectPlan:
    """The redirects to write, by output file (relative to the output root)."""

    redirects: dict[str, Redirect] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def page_file(name: str, *, dirhtml: bool, suffix: str = ".html") -> str:
    """The output file of page *name*, as Sphinx's ``html``/``dirhtml`` builders write it."""
    if dirhtml and name != "index" and not name.endswith("/index"):
        return f"{name}/index{suffix}"
    return name + suffix


def output_file(old: str, *, dirhtml: bool) -> str | None:
    """The file that serves the old URL path *old*, or ``None`` if no page can (a feed).

    >>> output_file("blog/2022/07/3/welcome", dirhtml=False)
    'blog/2022/07/3/welcome.html'
    >>> output_file("posts/old/", dirhtml=False)
    'posts/old/index.html'
    """
    if not old or old == "/":
        return None
    if old.endswith("/"):
        return old + "index.html"
    last = old.rsplit("/", 1)[-1]
    if "." in last:
        return old if last.lower().endswith(PAGE_SUFFIXES) else None
    return page_file(old, dirhtml=dirhtml)


def source_docname(source_path: str) -> str:
    """Sphinx's document name of a source file (``blog/x/index.md`` -> ``blog/x/index``)."""
    return posixpath.splitext(source_path.replace("\\", "/"))[0]


# -- claims --------------------------------------------------------------------------------


def original_source(post: Post, sources: Mapping[str, str]) -> str:
    """The post's source file in the blog folder, also in a translated build (where the
    post is read from ``i18n/<locale>/...``)."""
    return sources.get(post.docname, post.source_path)


def source_claims(
    posts: Iterable[Post], sources: Mapping[str, str] | None = None
) -> list[Redirect]:
    """Sphinx's own page of each renamed post's source file."""
    claims = []
    for post in posts:
        original = source_docname(original_source(post, sources or {}))
        if original != post.docname:
            claims.append(Redirect(original, Target(page=post.docname), "source", post.source_path))
    return claims


def alias_claims(posts: Iterable[Post]) -> list[Redirect]:
    """The old URLs a post lists in ``aliases``/``redirect_from``/``redirect``."""
    claims = []
    for post in posts:
        line = post.line_of("aliases") or post.line_of("redirect_from") or post.line_of("redirect")
        for alias in post.aliases:
            claims.append(
                Redirect(alias, Target(page=post.docname), "alias", post.source_path, line)
            )
    return claims


def docusaurus_claims(
    posts: Iterable[Post],
    site: BlogSite,
    catalog: Catalog,
    *,
    ablog_docnames: frozenset[str] = frozenset(),
    sources: Mapping[str, str] | None = None,
) -> list[Redirect]:
    """The Docusaurus URLs of each post that differ from its permalink, and Docusaurus's
    author-page pagination (``<route>/authors/<key>/authors/<n>``)."""
    settings = site.settings
    claims = []
    prefix = settings.path.strip("/") + "/"
    if not settings.post_url:
        for post in posts:
            source = original_source(post, sources or {})
            if post.ablog or post.docname in ablog_docnames or not source.startswith(prefix):
                continue
            info = parse_post_path(source[len(prefix) :])
            urls = [post_permalink(settings.route, info, post.slug or None)]
            if info.date_digits is not None:
                urls.append(post_permalink(settings.route, info, None))
            for url in dict.fromkeys(urls):
                if url != post.docname:
                    claims.append(
                        Redirect(url, Target(page=post.docname), "docusaurus", post.source_path)
                    )
    per_page = settings.posts_per_page
    for key, author in catalog.authors.items():
        pages = max(1, -(-len(catalog.by_author.get(key, [])) // per_page))
        first = author_page(site, author)
        if first is None:
            continue
        for number in range(2, pages + 1):
            page = author_page(site, author, number)
            if page is not None:
                claims.append(
                    Redirect(
                        posixpath.join(first, "authors", str(number)),
                        Target(page=page),
                        "docusaurus",
                    )
                )
    return claims


def ablog_claims(site: BlogSite, catalog: Catalog, posts: Iterable[Post]) -> list[Redirect]:
    """ABlog's list pages under ABlog's ``blog_path`` (the index URL).

    ABlog named a tag's, category's and author's page after the slug of its display name
    (``blog/author/ahmet-bakan`` for key ``Ahmet``); location and language pages keep
    ABlog's URLs here, so they need no redirect.
    """
    base = site.settings.path.strip("/")
    if not base:
        return []
    index = Target(page=index_page(site))
    claims = [Redirect(base, index, "ablog"), Redirect(f"{base}/drafts", index, "ablog")]
    for tag in catalog.tags.values():
        claims.append(
            Redirect(
                f"{base}/tag/{ablog_slugify(tag.label)}", Target(page=tag_page(site, tag)), "ablog"
            )
        )
    for author in catalog.authors.values():
        page = author_page(site, author)
        if page is not None:
            for name in dict.fromkeys((author.name, author.key)):
                claims.append(
                    Redirect(f"{base}/author/{ablog_slugify(name)}", Target(page=page), "ablog")
                )
    for label in catalog.categories.values():
        claims.append(
            Redirect(
                f"{base}/category/{ablog_slugify(label)}",
                Target(page=category_page(site, label)),
                "ablog",
            )
        )
    archive = archive_page(site)
    for year in sorted({post.published.year for post in catalog.posts}):
        claims.append(
            Redirect(f"{base}/{year}", Target(page=archive, fragment=f"year-{year}"), "ablog")
        )
    for kind in ("tag", "author", "category", "location", "language"):
        claims.append(Redirect(f"{base}/{kind}", Target(page=terms_target(site, kind)), "ablog"))
    return claims


def terms_target(site: BlogSite, kind: str) -> str:
    """The page listing every term of a kind (ABlog's ``blog/tag``, ``blog/author``...)."""
    if kind == "tag":
        return tags_index_page(site)
    if kind == "author":
        return authors_index_page(site)
    return terms_page(site, kind)


def option_claims(
    redirects: Mapping[str, str], pages: Mapping[str, str], *, origin: str = "conf.py"
) -> tuple[list[Redirect], list[Problem]]:
    """``blog_redirects``: each ``old path -> new path or URL``, the target checked."""
    claims = []
    problems = []
    for old_value, new_value in redirects.items():
        old = alias_path(old_value)
        target, problem = resolve_target(new_value, pages)
        if not old:
            problem = problem or f"cannot redirect {old_value!r}: it names no path below the site"
        if problem is not None or target is None:
            problems.append(
                Problem("redirect", f"blog_redirects[{old_value!r}]: {problem}", origin, None)
            )
            continue
        claims.append(Redirect(old, target, "option", origin))
    return claims, problems


def resolve_target(value: str, pages: Mapping[str, str]) -> tuple[Target | None, str | None]:
    """A redirect target written by a person: an ``http(s)`` URL, a page, or a file."""
    text = value.strip()
    if is_absolute_url(text):
        url = safe_url(text)
        if url is None or not url.lower().startswith(("http://", "https://")):
            return None, f"the target {value!r} is not an http(s) URL"
        return Target(url=url), None
    path, _, fragment = text.partition("#")
    fragment = quote(fragment, safe="-._~!$&'()*+,;=:@/?")
    name = path.strip().strip("/")
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    candidates = [name or "index", f"{name}/index" if name else "index"]
    for candidate in candidates:
        if candidate in pages:
            return Target(page=candidate, fragment=fragment), None
    cleaned = alias_path(path)
    last = cleaned.rsplit("/", 1)[-1]
    if cleaned and "." in last and cleaned == path.strip().lstrip("/"):
        return Target(file=cleaned, fragment=fragment), None
    return None, f"the target {value!r} is no page of this site"


# -- the plan ------------------------------------------------------------------------------


def plan_redirects(
    claims: Iterable[Redirect],
    pages: Mapping[str, str],
    *,
    dirhtml: bool,
    problems: Iterable[Problem] = (),
    files: Iterable[str] = SITE_FILES,
    shipped: Mapping[str, str] | None = None,
) -> RedirectPlan:
    """Decide which claims are written.

    *pages* maps each page name of the build to the file it comes from (for warnings);
    *shipped* maps each file the site copies to the output (``html_extra_path``, static
    folders) to its source. A claim on a path that a page or such a file serves is
    dropped (the file is never overwritten), and so is a claim below a file of the output
    (a page, one of *files* or a shipped file: ``blog/atom.xml/x`` cannot be a folder's
    page); two claims on one path keep the stronger one. Dropping a declared claim, or
    choosing between two equally strong claims with different targets, is a warning
    (``blog.redirect``, ``blog.duplicate``) naming both files.
    """
    plan = RedirectPlan(problems=list(problems))
    served = {page_file(name, dirhtml=dirhtml): name for name in pages}
    taken_files = set(served) | set(files) | set(shipped or ())
    rank = {kind: position for position, kind in enumerate(KINDS)}
    ordered = sorted(claims, key=lambda claim: (rank[claim.kind], claim.origin, claim.old))
    for claim in ordered:
        target = claim.target
        if target.page and target.page not in pages:
            continue
        filename = output_file(claim.old, dirhtml=dirhtml)
        if filename is None:
            if claim.declared:
                plan.problems.append(
                    Problem(
                        "redirect",
                        f"/{claim.old} is not a page, so no redirect page can stand in for "
                        "it; ask the web host for a server redirect",
                        claim.origin,
                        claim.line,
                    )
                )
            continue
        if shipped and filename in shipped:
            if claim.declared:
                plan.problems.append(
                    Problem(
                        "redirect",
                        f"the old URL /{claim.old} is the file {shipped[filename]} that the "
                        f"site ships; {claim.origin} cannot redirect it and the file stays",
                        claim.origin,
                        claim.line,
                    )
                )
            continue
        below = _file_above(filename, taken_files)
        if below:
            if claim.declared:
                plan.problems.append(
                    Problem(
                        "redirect",
                        f"the old URL /{claim.old} lies below the file /{below} of this site, "
                        "so no redirect page can stand in for it",
                        claim.origin,
                        claim.line,
                    )
                )
            continue
        page = served.get(filename)
        if page is not None:
            if page != target.page and claim.declared:
                plan.problems.append(
                    Problem(
                        "redirect",
                        f"the old URL /{claim.old} is the address of the page "
                        f"{pages[page] or page}; {claim.origin} cannot redirect it "
                        f"and the page stays",
                        claim.origin,
                        claim.line,
                    )
                )
            continue
        existing = plan.redirects.get(filename)
        if existing is None:
            plan.redirects[filename] = claim
            continue
        if existing.target == target:
            continue
        if claim.declared or rank[existing.kind] == rank[claim.kind]:
            plan.problems.append(
                Problem(
                    "duplicate",
                    f"two files claim the old URL /{claim.old}: {existing.origin or 'the blog'} "
                    f"and {claim.origin or 'the blog'}; it leads to the page of "
                    f"{existing.origin or existing.target.page}",
                    claim.origin,
                    claim.line,
                )
            )
    return plan


def _file_above(filename: str, files: set[str]) -> str:
    """The file of the output that a folder above *filename* would have to be, if any."""
    parts = filename.split("/")
    for end in range(1, len(parts)):
        parent = "/".join(parts[:end])
        if parent in files:
            return parent
    return ""


def old_url_claims(
    posts: Iterable[Post],
    site: BlogSite,
    catalog: Catalog,
    pages: Mapping[str, str],
    *,
    ablog_docnames: frozenset[str] = frozenset(),
    sources: Mapping[str, str] | None = None,
) -> tuple[list[Redirect], list[Problem]]:
    """Every claim of the blog: options, aliases, source pages, Docusaurus and ABlog URLs."""
    post_list = list(posts)
    claims, problems = option_claims(site.settings.redirects, pages)
    claims += alias_claims(post_list)
    if site.settings.source_redirects:
        claims += source_claims(post_list, sources)
    claims += docusaurus_claims(
        post_list, site, catalog, ablog_docnames=ablog_docnames, sources=sources
    )
    # ABlog's pages: a site with ABlog posts (found by discovery, a pattern, or a ``post``
    # directive, known only once read).
    if ablog_docnames or site.settings.post_pattern or any(post.ablog for post in post_list):
        claims += ablog_claims(site, catalog, post_list)
    return claims, problems


def redirect_map(
    posts: Iterable[Post],
    site: BlogSite,
    catalog: Catalog,
    pages: Mapping[str, str],
    *,
    dirhtml: bool,
    ablog_docnames: frozenset[str] = frozenset(),
    sources: Mapping[str, str] | None = None,
    shipped: Mapping[str, str] | None = None,
) -> RedirectPlan:
    """Old URL path -> page, for one build (one locale): the pure entry point.

    *pages* maps every page name of the build to its file (for warnings); *shipped* the
    files the site copies to the output to their sources; *sources* maps
    each post's docname to its source file in the blog folder (a translated build reads
    posts from ``i18n/``, but their old URLs come from the source paths); *ablog_docnames*
    are the ABlog posts, which keep their URL.
    """
    claims, problems = old_url_claims(
        posts, site, catalog, pages, ablog_docnames=ablog_docnames, sources=sources
    )
    route = site.settings.route
    feeds = [*FEED_FILES.values(), STYLESHEET_FILE]
    files = [*SITE_FILES, *(posixpath.join(route, name) for name in feeds)]
    return plan_redirects(
        claims, pages, dirhtml=dirhtml, problems=problems, files=files, shipped=shipped
    )
