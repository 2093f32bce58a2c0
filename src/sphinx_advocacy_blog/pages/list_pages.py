"""Writing the blog's generated pages, at Docusaurus's paths.

``/blog`` and ``/blog/page/N`` (index), ``/blog/tags`` and ``/blog/tags/<tag>``,
``/blog/authors`` and ``/blog/authors/<key>``, ``/blog/category/<slug>``,
``/blog/group/<slug>`` and ``/blog/archive`` are yielded from ``html-collect-pages`` and
rendered inside the theme's ``page.html``, so every theme frames them.

A page is written again only when what it shows changed: each page's signature (its posts
and their read stamps, the site data, the build settings) is kept in a small JSON file;
pages the blog no longer has (a tag nobody uses now, page 4 of 3) are deleted.

With ``-j N`` (when every extension may write in parallel) the pages are written by N
worker processes, as Sphinx writes the documents: the main process renders each post's
entry once (the part the pages share), then the workers assemble and write the pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from sphinx.util import logging
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks

from ..env.build_state import get_catalog
from ..env.collector import sidebar_signature
from ..env.output_state import build_stamp, is_current, load_state, remember, save_state
from ..env.site_data import get_site
from ..model.post import Post, Tag
from ..model.routes import (
    author_page,
    category_page,
    group_page,
    language_page,
    location_page,
    series_page,
    tag_page,
)
from ..util.files import remove_output
from ..util.processes import balanced_chunks, writes_in_workers
from .archive import render_archive
from .events import render_events_page, render_index_events
from .excerpts import deferred_excerpt, excerpt_html
from .images import COLUMN_WIDTH, cover_plan, promote_first_image
from .links import DEFERRED, link, link_to_file, resolve_deferred
from .page_labels import setup_page_labels
from .plan import GeneratedPage, plan_pages, post_keys
from .render import is_bundled, render
from .views import author_view, post_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PAGE_STATE_FILE = "advocacy_blog_pages.json"
#: Fewer changed pages than this are written by the main process, even with ``-j N``.
PARALLEL_MIN_PAGES = 40

logger = logging.getLogger(__name__)


def _pager(app: Sphinx, page: GeneratedPage) -> dict[str, Any] | None:
    data = page.data
    if "pages" not in data:
        return None
    builder = app.builder
    return {
        "page": data["page"],
        "pages": data["pages"],
        "newer_url": link(builder, page.name, data["newer"]) if data["newer"] else "",
        "older_url": link(builder, page.name, data["older"]) if data["older"] else "",
    }


def list_views(app: Sphinx, pagename: str, posts: list[Post]) -> list[dict[str, Any]]:
    """Post views with rendered excerpts, for a list on page *pagename*."""
    return [
        _list_view(app, pagename, post, excerpt_html(app, pagename, post.key)) for post in posts
    ]


def _list_view(app: Sphinx, from_page: str, post: Post, excerpt: str) -> dict[str, Any]:
    site = get_site(app)
    view = post_view(app.builder, site, from_page, post, app.config.language or "en")
    view["excerpt"] = Markup(excerpt)  # noqa: S704 - builder HTML
    limit = site.settings.excerpt_words
    view["truncated"] = post.has_truncate_marker or bool(limit and post.word_count > limit)
    view.update(cover_view(app.builder, from_page, post))
    return view


def cover_view(builder: Any, from_page: str, post: Post) -> dict[str, Any]:
    """Size and WebP copies of a post's cover as shown on a list page."""
    plan = cover_plan(builder, post) if post.image else None
    if plan is None:
        return {"image_width": 0, "image_height": 0, "image_srcset": "", "image_sizes": ""}
    srcset = ", ".join(
        f"{link_to_file(builder, from_page, variant.path)} {variant.width}w"
        for variant in plan.webp
    )
    return {
        "image_width": plan.width,
        "image_height": plan.height,
        "image_srcset": srcset,
        "image_sizes": plan.sizes(COLUMN_WIDTH),
    }


#: Pages that list posts with their excerpts.
_LIST_KINDS = ("index", "tag", "author", "category", "group", "location", "language", "series")


class ListEntries:
    """Each post's ``<article>`` on the list pages, rendered once per build.

    A post is listed on its index page, its tag pages and its authors' pages, each in
    another folder: its entry is rendered once with :data:`~.links.DEFERRED` links (its
    excerpt's too), and each page makes them relative to itself
    (:func:`~.links.resolve_deferred`). An entry is rendered for the page itself when it
    links to that very page and the templates can tell: a link to itself is empty, and a
    template may treat an empty link as none. The extension's own
    templates do so only for authors (on their own page an author links to their
    profile), so with them only author pages render their own entries; with a project's
    own ``post_list_item.html`` or ``macros.html``, every page an entry links to does.
    """

    def __init__(self, app: Sphinx, pages: Iterable[GeneratedPage] = ()) -> None:
        """*pages*: the pages that will be rendered, if known; a post's entry (and its
        rendered excerpt) is then dropped after its last use, so that only the entries
        still to use are kept."""
        self.app = app
        self.site = get_site(app)
        self._only_authors = is_bundled(app, "post_list_item.html", "macros.html")
        self._deferred: dict[str, str] = {}
        self._uses: dict[str, int] = {}
        self._linked: dict[str, set[str | None]] = {}
        for page in pages:
            if page.kind in _LIST_KINDS:
                for post in page.posts:
                    self._uses[post.key] = self._uses.get(post.key, 0) + 1

    def _linked_pages(self, post: Post) -> set[str | None]:
        known = self._linked.get(post.key)
        if known is not None:
            return known
        site = self.site
        linked: set[str | None] = {author_page(site, a) for a in site.post_authors(post)}
        if not self._only_authors:
            linked.update(tag_page(site, tag) for tag in site.post_tags(post))
            linked.update(category_page(site, name) for name in post.categories)
            if post.group:
                linked.add(group_page(site, post.group))
            linked.update(location_page(site, site.location_name(x)) for x in post.locations)
            linked.update(language_page(site, site.language_name(x)) for x in post.languages)
        self._linked[post.key] = linked
        return linked

    def html(self, pagename: str, post: Post) -> str:
        """The entry of *post* as it appears on page *pagename*."""
        try:
            return self._html(pagename, post)
        finally:
            self._used(post.key)

    def prepare(self, pages: Iterable[GeneratedPage]) -> None:
        """Render now every entry that *pages* share, so that the processes forked
        afterwards to write them find the entries made, and every excerpt they show (an
        excerpt not rendered yet has its images copied by this process)."""
        for page in pages:
            if page.kind in _LIST_KINDS:
                for post in page.posts:
                    if page.name in self._linked_pages(post):
                        deferred_excerpt(self.app, post.key)
                    else:
                        self._shared_entry(post)

    def _shared_entry(self, post: Post) -> str:
        deferred = self._deferred.get(post.key)
        if deferred is None:
            excerpt = deferred_excerpt(self.app, post.key)
            deferred = self._deferred[post.key] = self._render(DEFERRED, post, excerpt)
        return deferred

    def _html(self, pagename: str, post: Post) -> str:
        app = self.app
        if pagename not in self._linked_pages(post):
            return resolve_deferred(self._shared_entry(post), app.builder, pagename)
        return self._render(pagename, post, excerpt_html(app, pagename, post.key))

    def _used(self, key: str) -> None:
        uses = self._uses.get(key)
        if uses is None:
            return
        if uses > 1:
            self._uses[key] = uses - 1
            return
        del self._uses[key]
        self._deferred.pop(key, None)
        self._linked.pop(key, None)

    def _render(self, from_page: str, post: Post, excerpt: str) -> str:
        view = _list_view(self.app, from_page, post, excerpt)
        return str(render(self.app, "post_list_item.html", post=view))


def render_page_body(
    app: Sphinx, page: GeneratedPage, entries: ListEntries | None = None
) -> Markup:
    """The HTML of a generated page's body (inside the theme's page).

    *entries* renders the posts' entries; pass one for all the pages of a build.
    """
    site = get_site(app)
    builder = app.builder
    heading = Markup('<h1 class="blog-page-title">{}</h1>\n').format(page.title)
    if page.kind in _LIST_KINDS:
        intro = Markup("")
        if page.kind == "tag" and page.data["tag"].description:
            intro = Markup('<p class="blog-term-description">{}</p>').format(
                page.data["tag"].description
            )
        if page.kind == "author":
            intro = render(
                app,
                "author_profile.html",
                author=author_view(builder, site, page.name, page.data["author"]),
            )
        if page.kind == "index" and page.data.get("events"):
            intro = render_index_events(app, site, page.name, list(page.data["events"]))
        entries = entries or ListEntries(app)
        items = [entries.html(page.name, post) for post in page.posts]
        if items:
            # The first entry's picture is the page's largest paint: loaded first.
            items[0] = promote_first_image(items[0])
        body = render(
            app,
            "post_list.html",
            items=[Markup(item) for item in items],  # noqa: S704 - rendered by our template
            pager=_pager(app, page),
            intro=intro,
        )
        return heading + body
    if page.kind == "tags":
        terms = [
            {
                "label": label,
                "count": count,
                "url": link(builder, page.name, tag_page(site, Tag(k, label, k))),
                "description": "",
            }
            for k, label, count in sorted(page.data["terms"], key=lambda t: t[1].casefold())
        ]
        return heading + render(app, "term_index.html", terms=terms)
    if page.kind == "terms":
        terms = [
            {
                "label": name,
                "count": count,
                "url": link(builder, page.name, target),
                "description": "",
            }
            for target, name, count in sorted(page.data["terms"], key=lambda t: t[1].casefold())
        ]
        return heading + render(app, "term_index.html", terms=terms)
    if page.kind == "authors":
        authors = []
        for _key, author, count in sorted(page.data["authors"], key=lambda a: a[1].name.casefold()):
            view = author_view(builder, site, page.name, author)
            view["count"] = count
            authors.append(view)
        return heading + render(app, "author_index.html", authors=authors)
    if page.kind == "events":
        upcoming = len(page.data["upcoming"])
        return heading + render_events_page(
            app, site, page.name, page.posts[:upcoming], page.posts[upcoming:]
        )
    if page.kind == "series-index":
        terms = [
            {
                "label": name,
                "count": count,
                "url": link(builder, page.name, series_page(site, name)),
                "description": "",
            }
            for _slug, name, count in sorted(page.data["terms"], key=lambda t: t[1].casefold())
        ]
        return heading + render(app, "term_index.html", terms=terms)
    return heading + render_archive(app, page.name, page.posts)


# -- writing -----------------------------------------------------------------------------


def _load_state(app: Sphinx) -> dict[str, str]:
    state = load_state(app, PAGE_STATE_FILE)
    return state if isinstance(state, dict) else {}


def _outfile(app: Sphinx, pagename: str) -> str:
    return str(app.builder.get_outfilename(pagename))  # type: ignore[attr-defined]


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: yield the blog pages whose content changed."""
    if app.builder.format != "html" or app.builder.name in ("singlehtml", "epub"):
        return
    previous = _load_state(app)
    catalog = get_catalog(app)
    # Which events are upcoming changes with the build date, without any file changing.
    split = catalog.event_split
    if previous and is_current(app, "pages", [_outfile(app, name) for name in previous], split):
        return  # nothing they are made from changed (see env/output_state)
    site = get_site(app)
    keys = post_keys(catalog.by_key.values(), app.env.all_docs)
    # A page's sidebars (recent posts, tag counts) show the whole blog.
    extra = build_stamp(app) + sidebar_signature(app, catalog)
    current: dict[str, str] = {}
    pages = plan_pages(site, catalog)
    changed = []
    for page in pages:
        signature = page.signature(keys, extra)
        current[page.name] = signature
        output = _outfile(app, page.name)
        if previous.get(page.name) != signature or not os.path.exists(output):
            changed.append(page)
    for stale in set(previous) - set(current):
        # Names read back from a state file: deleted only inside the output folder.
        remove_output(str(app.outdir), os.path.relpath(_outfile(app, stale), app.outdir))
    entries = ListEntries(app, changed)
    if len(changed) >= PARALLEL_MIN_PAGES and writes_in_workers(app):
        _write_in_workers(app, changed, entries)
    else:
        # Quiet (``-q``), the progress line is not shown: its three messages a page are
        # not made.
        progress = (
            changed
            if getattr(app, "quiet", False)
            else status_iterator(
                changed,
                "writing blog pages... ",
                "darkgreen",
                len(changed),
                app.verbosity,
                stringify_func=lambda page: page.name,
            )
        )
        for page in progress:
            yield page.name, page_context(app, page, entries), "page.html"
    save_state(app, PAGE_STATE_FILE, current)
    remember(app, "pages", split)


#: The body of a generated page until ``html-page-context`` renders it (see
#: :func:`_render_body`).
_BODY_MARK = "\x00advocacy-blog-page\x00"


class _PendingBody:
    """The rendering of a page's body, done when its page is written."""

    def __init__(self, app: Sphinx, page: GeneratedPage, entries: ListEntries) -> None:
        self.app, self.page, self.entries = app, page, entries

    def __call__(self) -> str:
        return str(render_page_body(self.app, self.page, self.entries))

    def __repr__(self) -> str:
        return f"<body of {self.page.name}>"


def page_context(app: Sphinx, page: GeneratedPage, entries: ListEntries) -> dict[str, Any]:
    """The context of a generated page in the theme's ``page.html``.

    The body is rendered first thing at ``html-page-context``: Sphinx writes ``repr()`` of
    every event's arguments (for a debug message) before it calls the handlers, which for
    a list page's body of ten excerpts cost more than the rest of its context.
    """
    return {
        # Sphinx's templates treat ``title`` as HTML (they print it unescaped in places).
        "title": str(escape(page.title)),
        "body": _BODY_MARK,
        "advocacy_blog_body": _PendingBody(app, page, entries),
        "advocacy_blog_page": page,
        "display_toc": False,
        "toc": "",
        "meta": {},
    }


def _render_body(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    pending = context.pop("advocacy_blog_body", None)
    if context.get("body") == _BODY_MARK and isinstance(pending, _PendingBody):
        context["body"] = pending()


def _page_weight(page: GeneratedPage) -> float:
    return 1 + len(page.posts) * (0.1 if page.kind == "archive" else 1)


def _write_in_workers(app: Sphinx, pages: list[GeneratedPage], entries: ListEntries) -> None:
    entries.prepare(pages)

    def write(chunk: list[GeneratedPage]) -> None:
        for page in chunk:
            app.builder.handle_page(  # type: ignore[attr-defined]
                page.name, page_context(app, page, entries), "page.html"
            )

    # A page costs about one excerpt per post it lists (an archive entry, much less).
    chunks = balanced_chunks(pages, app.parallel, _page_weight)
    logger.info(
        "writing blog pages... %d pages in %d chunks, %d at a time",
        len(pages),
        len(chunks),
        app.parallel,
    )
    tasks = ParallelTasks(app.parallel)
    for chunk in chunks:
        tasks.add_task(write, chunk)
    tasks.join()


def setup_list_pages(app: Sphinx) -> None:
    """Generate the blog's list pages and let documents link to them by path."""
    setup_page_labels(app)
    app.connect("html-collect-pages", collect_pages)
    # Before any other handler reads the body.
    app.connect("html-page-context", _render_body, priority=1)
