"""The blog's generated pages, at Docusaurus's paths.

``/blog`` and ``/blog/page/N`` (index), ``/blog/tags`` and ``/blog/tags/<tag>``,
``/blog/authors`` and ``/blog/authors/<key>``, ``/blog/category/<slug>``,
``/blog/group/<slug>`` and ``/blog/archive`` are yielded from ``html-collect-pages`` and
rendered inside the theme's ``page.html``, so every theme frames them.

A page is written again only when what it shows changed: each page's signature (its posts
and their read stamps, the site data, the build settings) is kept in a small JSON file;
pages the blog no longer has (a tag nobody uses now, page 4 of 3) are deleted.
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import os
import posixpath
import weakref
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from sphinx.util.display import status_iterator

from . import i18n
from .catalog import Catalog, archive_sections, author_key, paginate
from .excerpts import excerpt_html, forget_rendered_excerpt, shared_excerpt_html
from .i18n import _
from .links import DEFERRED, link, resolve_deferred
from .outputstate import build_stamp, is_current, load_state, remember, save_state
from .post import Author, Post, Tag
from .render import author_view, post_view, render
from .site import BlogSite, get_site
from .sources.paths import slugify
from .state import get_catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PAGE_STATE_FILE = "advocacy_blog_pages.json"


# -- page names ---------------------------------------------------------------------------


def _paged(base: str, page: int) -> str:
    return base if page <= 1 else posixpath.join(base, "page", str(page))


def index_page(site: BlogSite, page: int = 1) -> str:
    """``blog`` or ``blog/page/N``."""
    return _paged(site.settings.route, page)


def tags_index_page(site: BlogSite) -> str:
    """``blog/tags``."""
    return posixpath.join(site.settings.route, "tags")


def tag_page(site: BlogSite, tag: Tag, page: int = 1) -> str:
    """``blog/tags/<permalink>`` (+ ``/page/N``)."""
    return _paged(posixpath.join(site.settings.route, "tags", tag.permalink), page)


def authors_index_page(site: BlogSite) -> str:
    """``blog/authors``."""
    return posixpath.join(site.settings.route, "authors")


def author_page(site: BlogSite, author: Author, page: int = 1) -> str | None:
    """``blog/authors/<key>`` (+ ``/page/N``), or None for authors with ``page: false``."""
    if not author.has_page:
        return None
    return _paged(posixpath.join(site.settings.route, "authors", author_key(author)), page)


def category_page(site: BlogSite, category: str, page: int = 1) -> str:
    """``blog/category/<slug>`` (+ ``/page/N``)."""
    slug = slugify(category) or "category"
    return _paged(posixpath.join(site.settings.route, "category", slug), page)


def group_page(site: BlogSite, group: str, page: int = 1) -> str:
    """``blog/group/<slug>`` (+ ``/page/N``)."""
    slug = slugify(group) or "group"
    return _paged(posixpath.join(site.settings.route, "group", slug), page)


def archive_page(site: BlogSite) -> str:
    """``blog/archive``."""
    return posixpath.join(site.settings.route, "archive")


# -- page content ------------------------------------------------------------------------


@dataclass
class GeneratedPage:
    """One page to write: its name, title, what it lists and how to render it.

    Its ``repr`` leaves out the posts and data: Sphinx writes the ``repr`` of every event's
    arguments to its debug log, the page context with this page among them (for the
    archive, the records of all posts: megabytes, for each build).
    """

    name: str
    title: str
    kind: str
    posts: list[Post] = field(default_factory=list, repr=False)
    #: Extra data for the template and for head tags (author, tag, pagination...).
    data: dict[str, Any] = field(default_factory=dict, repr=False)

    def signature(self, keys: Mapping[str, bytes], extra: str) -> str:
        """Changes whenever the page's rendered HTML could change.

        *keys* maps each post's docname to bytes that change with the post (see
        :func:`post_keys`): computed once per build, not once per page listing the post.
        """
        digest = hashlib.sha256()
        digest.update(repr((self.name, self.title, self.kind, extra)).encode())
        digest.update(repr(sorted((k, repr(v)) for k, v in self.data.items())).encode())
        for post in self.posts:
            digest.update(keys.get(post.docname) or repr(post).encode())
        return digest.hexdigest()


def post_keys(posts: Iterable[Post], stamps: Mapping[str, Any]) -> dict[str, bytes]:
    """For each post, bytes that change when its record or its document's stamp does."""
    return {
        post.docname: hashlib.sha256(repr((post, stamps.get(post.docname))).encode()).digest()
        for post in posts
    }


def _paginated(
    site: BlogSite,
    kind: str,
    title: str,
    posts: list[Post],
    name_of: Any,
    data: dict[str, Any] | None = None,
) -> Iterator[GeneratedPage]:
    chunks = paginate(posts, site.settings.posts_per_page)
    for number, chunk in enumerate(chunks, start=1):
        page_data = dict(data or {})
        page_data.update(
            page=number,
            pages=len(chunks),
            newer=name_of(number - 1) if number > 1 else None,
            older=name_of(number + 1) if number < len(chunks) else None,
            first=name_of(1),
        )
        shown_title = (
            title if number == 1 else _("{title} (page {page})").format(title=title, page=number)
        )
        yield GeneratedPage(name_of(number), str(shown_title), kind, chunk, page_data)


#: The last plan made: (the catalog, weakly; the site; the pages).
_LAST_PLAN: tuple[weakref.ref[Catalog], BlogSite, list[GeneratedPage]] | None = None


def plan_pages(site: BlogSite, catalog: Catalog) -> list[GeneratedPage]:
    """Every generated page of the blog, in a stable order.

    Pure; the last plan is kept while its catalog lives (one build), since page labels,
    list pages, the sitemap and the redirects all ask for it.
    """
    global _LAST_PLAN
    last = _LAST_PLAN
    if last is None or last[0]() is not catalog or last[1] is not site:
        last = (weakref.ref(catalog), site, _plan_pages(site, catalog))
        _LAST_PLAN = last
    return list(last[2])


def _plan_pages(site: BlogSite, catalog: Catalog) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    pages.extend(
        _paginated(
            site,
            "index",
            site.settings.title,
            catalog.index,
            lambda n: index_page(site, n),
            {"description": site.settings.description},
        )
    )
    pages.append(
        GeneratedPage(
            tags_index_page(site),
            str(_("Tags")),
            "tags",
            data={
                "terms": [
                    (t.permalink, t.label, len(catalog.by_tag[k])) for k, t in catalog.tags.items()
                ]
            },
        )
    )
    for key, tag in catalog.tags.items():
        pages.extend(
            _paginated(
                site,
                "tag",
                str(_("Posts tagged “{tag}”").format(tag=tag.label)),
                catalog.by_tag[key],
                lambda n, tag=tag: tag_page(site, tag, n),
                {"tag": tag},
            )
        )
    pages.append(
        GeneratedPage(
            authors_index_page(site),
            str(_("Authors")),
            "authors",
            data={
                "authors": [(k, a, len(catalog.by_author[k])) for k, a in catalog.authors.items()]
            },
        )
    )
    for key, author in catalog.authors.items():
        pages.extend(
            _paginated(
                site,
                "author",
                author.name,
                catalog.by_author[key],
                lambda n, author=author: author_page(site, author, n),
                {"author": author},
            )
        )
    for slug, label in catalog.categories.items():
        pages.extend(
            _paginated(
                site,
                "category",
                str(_("Posts in “{category}”").format(category=label)),
                catalog.by_category[slug],
                lambda n, label=label: category_page(site, label, n),
                {"category": label},
            )
        )
    for slug, label in catalog.groups.items():
        pages.extend(
            _paginated(
                site,
                "group",
                label,
                catalog.by_group[slug],
                lambda n, label=label: group_page(site, label, n),
                {"group": label},
            )
        )
    pages.append(GeneratedPage(archive_page(site), str(_("Archive")), "archive", catalog.posts))
    return pages


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
        _list_view(app, pagename, post, excerpt_html(app, pagename, post.docname)) for post in posts
    ]


def _list_view(app: Sphinx, from_page: str, post: Post, excerpt: str) -> dict[str, Any]:
    site = get_site(app)
    view = post_view(app.builder, site, from_page, post, app.config.language or "en")
    view["excerpt"] = Markup(excerpt)  # noqa: S704 - builder HTML
    limit = site.settings.excerpt_words
    view["truncated"] = post.has_truncate_marker or bool(limit and post.word_count > limit)
    return view


#: Pages that list posts with their excerpts.
_LIST_KINDS = ("index", "tag", "author", "category", "group")


class ListEntries:
    """Each post's ``<article>`` on the list pages, rendered once per build.

    A post is listed on its index page, its tag pages and its authors' pages, each in
    another folder: its entry is rendered once with :data:`~.links.DEFERRED` links, and
    each page makes them relative to itself (:func:`~.links.resolve_deferred`). An entry is
    rendered for the page itself when its excerpt depends on the page (internal links,
    images) or when it links to that very page (a link to itself is empty, and templates
    treat an empty link as none: the author on their own page links to their profile).
    """

    def __init__(self, app: Sphinx, pages: Iterable[GeneratedPage] = ()) -> None:
        """*pages*: the pages that will be rendered, if known; a post's entry (and its
        rendered excerpt) is then dropped after its last use, so that only the entries
        still to use are kept."""
        self.app = app
        self.site = get_site(app)
        self._deferred: dict[str, str] = {}
        self._uses: dict[str, int] = {}
        self._linked: dict[str, set[str | None]] = {}
        for page in pages:
            if page.kind in _LIST_KINDS:
                for post in page.posts:
                    self._uses[post.docname] = self._uses.get(post.docname, 0) + 1

    def _linked_pages(self, post: Post) -> set[str | None]:
        known = self._linked.get(post.docname)
        if known is not None:
            return known
        site = self.site
        linked: set[str | None] = {author_page(site, a) for a in site.post_authors(post)}
        linked.update(tag_page(site, tag) for tag in site.post_tags(post))
        if post.category:
            linked.add(category_page(site, post.category))
        if post.group:
            linked.add(group_page(site, post.group))
        self._linked[post.docname] = linked
        return linked

    def html(self, pagename: str, post: Post) -> str:
        """The entry of *post* as it appears on page *pagename*."""
        try:
            return self._html(pagename, post)
        finally:
            self._used(post.docname)

    def _html(self, pagename: str, post: Post) -> str:
        app = self.app
        docname = post.docname
        if pagename not in self._linked_pages(post):
            deferred = self._deferred.get(docname)
            if deferred is None:
                excerpt = shared_excerpt_html(app, docname)
                if excerpt is not None:
                    deferred = self._deferred[docname] = self._render(DEFERRED, post, excerpt)
            if deferred is not None:
                return resolve_deferred(deferred, app.builder, pagename)
        return self._render(pagename, post, excerpt_html(app, pagename, docname))

    def _used(self, docname: str) -> None:
        uses = self._uses.get(docname)
        if uses is None:
            return
        if uses > 1:
            self._uses[docname] = uses - 1
            return
        del self._uses[docname]
        self._deferred.pop(docname, None)
        self._linked.pop(docname, None)
        forget_rendered_excerpt(self.app, docname)

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
    heading = Markup("<h1>{}</h1>\n").format(page.title)
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
        entries = entries or ListEntries(app)
        body = render(
            app,
            "post_list.html",
            items=[Markup(entries.html(page.name, post)) for post in page.posts],  # noqa: S704 - rendered by our template
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
    if page.kind == "authors":
        authors = []
        for _key, author, count in sorted(page.data["authors"], key=lambda a: a[1].name.casefold()):
            view = author_view(builder, site, page.name, author)
            view["count"] = count
            authors.append(view)
        return heading + render(app, "author_index.html", authors=authors)
    return heading + render_archive(app, page.name, page.posts)


def render_archive(app: Sphinx, pagename: str, posts: list[Post], level: int = 2) -> Markup:
    """The archive body for *posts*: named groups, then year and month sections.

    *level* is the heading level of a year (months are one below).
    """
    site = get_site(app)
    language = app.config.language or "en"
    builder = app.builder

    def short(post: Post) -> dict[str, Any]:
        return {
            "title": post.title,
            "url": link(builder, pagename, post.docname),
            "date_iso": post.published.date().isoformat(),
            "date_text": i18n.display_date(post.published, language, site.settings.date_format),
            "group": post.group,
        }

    groups: dict[str, list[Post]] = {}
    for post in posts:
        if post.group:
            groups.setdefault(post.group, []).append(post)
    locale = i18n.babel_locale(language)
    years = [
        {
            "year": year,
            "months": [
                {
                    "label": locale.months["stand-alone"]["wide"].get(
                        month, calendar.month_name[month]
                    ),
                    "posts": [short(post) for post in month_posts],
                }
                for month, month_posts in months
            ],
        }
        for year, months in archive_sections(posts)
    ]
    group_views = [
        {
            "label": label,
            "url": link(builder, pagename, group_page(site, label)),
            "posts": [short(post) for post in group_posts],
        }
        for label, group_posts in sorted(groups.items())
    ]
    return render(app, "archive.html", years=years, groups=group_views, level=min(level, 5))


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
    if previous and is_current(app, "pages", [_outfile(app, name) for name in previous]):
        return  # nothing they are made from changed (see outputstate)
    site = get_site(app)
    catalog = get_catalog(app)
    keys = post_keys(catalog.by_docname.values(), app.env.all_docs)
    extra = build_stamp(app)
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
        with contextlib.suppress(OSError):
            os.remove(_outfile(app, stale))
    entries = ListEntries(app, changed)
    for page in status_iterator(
        changed,
        "writing blog pages... ",
        "darkgreen",
        len(changed),
        app.verbosity,
        stringify_func=lambda page: page.name,
    ):
        context = {
            # Sphinx's templates treat ``title`` as HTML (they print it unescaped in places).
            "title": str(escape(page.title)),
            "body": str(render_page_body(app, page, entries)),
            "advocacy_blog_page": page,
            "display_toc": False,
            "toc": "",
            "meta": {},
        }
        yield page.name, context, "page.html"
    save_state(app, PAGE_STATE_FILE, current)
    remember(app, "pages")


def register_page_labels(app: Sphinx, env: Any) -> list[str]:
    """Let documents link to the generated pages by path: ``[our blog](blog)``.

    Each page is a label of Sphinx's standard domain named after its path (``blog``,
    ``blog/tags/events``, ``blog/archive``), which MyST links and ``{ref}`` resolve.
    """
    site = get_site(app)
    std = env.get_domain("std")
    previous: set[str] = getattr(env, "advocacy_blog_labels", set())
    for name in previous:
        std.labels.pop(name, None)
        std.anonlabels.pop(name, None)
    current = set()
    for page in plan_pages(site, get_catalog(app)):
        # "blog/tags" and "/blog/tags" (MyST reads a leading slash as the source root).
        for label in (page.name.lower(), "/" + page.name.lower()):
            std.labels[label] = (page.name, "", page.title)
            std.anonlabels[label] = (page.name, "")
            current.add(label)
    env.advocacy_blog_labels = current
    return []


def setup_pages(app: Sphinx) -> None:
    """Generate the blog's list pages."""
    from .state import setup_state

    setup_state(app)
    app.connect("env-updated", register_page_labels, priority=600)
    app.connect("html-collect-pages", collect_pages)
