"""ABlog's ``ablog`` template variable, for an ABlog site's own templates.

ABlog puts its ``Blog`` object in every page's context; sites' custom sidebars and layouts
read it (``{% set post = ablog[pagename] %}``, ``post.date.strftime(ablog.post_date_format)``,
``{% for coll in post.tags %}<a href="{{ pathto(coll.docname) }}">{{ coll }}</a>``,
``ablog.recent(5, pagename)``, ``pagename in ablog``, ``ablog.tags``, ``anchor(post)``...).
:class:`AblogBlog` answers those from this build's posts and pages, read-only: such
templates render unchanged instead of stopping the build. Made once per build, on first
use.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin
from weakref import WeakKeyDictionary

from markupsafe import Markup

from ..env.build_state import get_catalog, get_neighbours
from ..env.records import posts_of
from ..env.site_data import get_site
from ..model.routes import (
    archive_page,
    author_page,
    authors_index_page,
    category_page,
    index_page,
    language_page,
    location_page,
    tag_page,
    tags_index_page,
    terms_page,
)
from ..util.slugs import ablog_slugify
from .excerpts import excerpt_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.catalog import Catalog
    from ..model.post import Post
    from ..model.site import BlogSite


class AblogCollection:
    """A tag, author, category, location, language or archive year, as ABlog's
    ``Collection``: its name, its page (``docname`` or ``path``, for ``pathto``), its
    label (``xref``) and its posts."""

    def __init__(
        self, blog: AblogBlog, name: str, docname: str, posts: list[Post], kind: str = ""
    ) -> None:
        self._blog = blog
        self._kind = kind
        self.name = self.label = name
        self.docname = self.path = docname
        self.href: str | None = None
        self.xref = f"{_XREFS.get(kind, kind)}-{ablog_slugify(name)}" if kind else ""
        self._posts = posts

    @property
    def catalog(self) -> AblogCatalog | None:
        """The catalog the collection is in (``ablog.tags`` for a tag)."""
        return self._blog._catalog_of(self._kind) if self._kind in _PAGES else None

    def __str__(self) -> str:
        return self.name

    def __len__(self) -> int:
        return len(self._posts)

    def __bool__(self) -> bool:
        return True  # ABlog's collections are true even when empty

    def __iter__(self) -> Iterator[AblogPost]:
        return (self._blog.post(post) for post in self._posts)

    def relsize(self, maxsize: int = 5, minsize: int = 1) -> int:
        """ABlog's tag-cloud size: 1..5 by the number of posts among the catalog's."""
        smallest, largest = self._blog.count_range()
        if largest == smallest:
            return (maxsize + minsize) // 2
        return int(minsize + (maxsize - minsize) * (len(self) - smallest) / (largest - smallest))


class AblogCatalog:
    """ABlog's ``Catalog``: the collections of one kind (``ablog.tags``...), by name."""

    def __init__(
        self, docname: str, collections: list[AblogCollection], name: str = "", xref: str = ""
    ) -> None:
        self.docname = self.path = docname
        self.name = name
        self.xref = xref
        self._collections = collections

    def __iter__(self) -> Iterator[AblogCollection]:
        return iter(self._collections)

    def __len__(self) -> int:
        return len(self._collections)

    def __bool__(self) -> bool:
        return bool(self._collections)

    def __getitem__(self, name: str) -> AblogCollection:
        for collection in self._collections:
            if collection.name == name:
                return collection
        raise KeyError(name)


class AblogPost:
    """A post as ABlog's ``Post``: title, dates, terms (lists of collections),
    neighbours and ``to_html``."""

    def __init__(self, blog: AblogBlog, post: Post) -> None:
        self._blog = blog
        self._post = post
        self.docname = post.docname
        self.section = post.section
        self.title = post.title
        self.published = post.listed
        self.draft = not post.listed
        self.date: datetime | None = post.published if post.listed else None
        self.update = post.last_update or post.published
        self.external_link = post.external_link or None
        self.canonical_link = next(
            (
                tag.attribute("href")
                for tag in post.head_tags
                if tag.attribute("rel") == "canonical"
            ),
            None,
        )
        self.nocomments = False
        self.redirect = list(post.aliases)
        self.excerpt: list[Any] = []

    def __str__(self) -> str:
        return self.title

    @property
    def tags(self) -> list[AblogCollection]:
        site = self._blog.site
        return [self._blog.collection("tags", tag.label) for tag in site.post_tags(self._post)]

    @property
    def author(self) -> list[AblogCollection]:
        authors = self._blog.site.post_authors(self._post)
        return [self._blog.collection("author", author.name) for author in authors]

    @property
    def category(self) -> list[AblogCollection]:
        return [self._blog.collection("category", name) for name in self._post.categories]

    @property
    def location(self) -> list[AblogCollection]:
        site = self._blog.site
        names = [site.location_name(label) for label in self._post.locations]
        return [self._blog.collection("location", name) for name in names]

    @property
    def language(self) -> list[AblogCollection]:
        site = self._blog.site
        names = [site.language_name(label) for label in self._post.languages]
        return [self._blog.collection("language", name) for name in names]

    @property
    def prev(self) -> AblogPost | None:
        """The older post (ABlog's order), or ``None``."""
        return self._blog.neighbour(self._post, older=True)

    @property
    def next(self) -> AblogPost | None:
        """The newer post, or ``None``."""
        return self._blog.neighbour(self._post, older=False)

    def to_html(self, pagename: str, *args: Any, **kwargs: Any) -> Markup:
        """The post's excerpt as shown on page *pagename* (ABlog's full-text variant is
        the excerpt as well)."""
        return Markup(excerpt_html(self._blog.app, pagename, self._post.key))  # noqa: S704 - builder HTML


class AblogBlog:
    """ABlog's ``Blog``: ``ablog[pagename]``, ``pagename in ablog``, ``ablog.recent(n)``,
    ``ablog.posts``, ``ablog.tags`` (and the other catalogs), and every ``conf.py`` value
    as an attribute (``ablog.post_date_format``)."""

    #: No icon font is loaded: templates show words instead of Font Awesome icons.
    fontawesome = False

    def __init__(self, app: Sphinx, catalog: Catalog) -> None:
        self.app = app
        self.site: BlogSite = get_site(app)
        self._catalog = catalog
        self._posts: dict[str, AblogPost] = {}
        self._collections: dict[tuple[str, str], AblogCollection] = {}
        self._catalogs: dict[str, AblogCatalog] = {}
        self.blog_path = index_page(self.site)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        config = self.app.config
        if name in config:
            return config[name]
        raise AttributeError(name)

    def __getitem__(self, pagename: str) -> AblogPost:
        post = posts_of(self.app.env).get(pagename)
        if post is None:
            raise KeyError(pagename)
        return self.post(post)

    def __contains__(self, pagename: object) -> bool:
        return isinstance(pagename, str) and pagename in posts_of(self.app.env)

    def __len__(self) -> int:
        return len(self._catalog.posts)

    def __bool__(self) -> bool:
        return True

    @property
    def feed_path(self) -> str:
        """The blog's Atom feed file (``blog/atom.xml``)."""
        return posixpath.join(self.site.settings.route, "atom.xml")

    def page_id(self, pagename: str) -> str | None:
        """ABlog's page identifier (``/blog/post/``), with ``blog_baseurl`` set."""
        if not self.app.config.blog_baseurl:
            return None
        name = pagename[:-5] if pagename.endswith("index") else pagename
        name = name.strip("/")
        return "/" + name + ("/" if name else "")

    def page_url(self, pagename: str) -> str | None:
        """The page's address below ``blog_baseurl`` (``index`` dropped), as ABlog gives it."""
        base = self.app.config.blog_baseurl
        if not base:
            return None
        url = urljoin(base, pagename)
        return url[:-5] if url.endswith("index") else url

    @property
    def blog(self) -> AblogCatalog:
        """ABlog's ``blog`` catalog: its posts and its drafts."""
        return AblogCatalog(index_page(self.site), [self.posts, self.drafts], "blog", "blog")

    @property
    def catalogs(self) -> dict[str, AblogCatalog]:
        """The catalogs by ABlog's names (``tags``, ``author``, ``category``...)."""
        return {kind: self._catalog_of(kind) for kind in _CATALOG_KINDS}

    def post(self, post: Post) -> AblogPost:
        """The template view of *post* (one per post and build)."""
        view = self._posts.get(post.key)
        if view is None:
            view = self._posts[post.key] = AblogPost(self, post)
        return view

    def recent(self, num: int, docname: str | None = None, **labels: Any) -> list[AblogPost]:
        """The *num* newest posts, the page *docname*'s own left out."""
        posts = [post for post in self._catalog.posts if post.docname != docname]
        return [self.post(post) for post in posts[:num]]

    def neighbour(self, post: Post, *, older: bool) -> AblogPost | None:
        """The post before (older) or after *post*, as on its page."""
        pair = get_neighbours(self.app).get(post.docname)
        found = pair[1 if older else 0] if pair else None
        target = posts_of(self.app.env).get(found[0]) if found else None
        return self.post(target) if target is not None else None

    @property
    def posts(self) -> AblogCollection:
        """Every listed post, newest first."""
        return AblogCollection(self, "Posts", index_page(self.site), self._catalog.posts)

    @property
    def drafts(self) -> AblogCollection:
        """The posts that are built but listed nowhere."""
        hidden = [post for post in self._catalog.by_key.values() if not post.listed]
        return AblogCollection(self, "Drafts", index_page(self.site), hidden)

    def collection(self, kind: str, name: str) -> AblogCollection:
        """The collection *name* of catalog *kind* (a term no listed post has: no posts)."""
        self._catalog_of(kind)
        found = self._collections.get((kind, name))
        if found is None:
            page = _PAGES[kind][1](self.site, self._catalog, name) or _PAGES[kind][0](self.site)
            found = self._collections[(kind, name)] = AblogCollection(self, name, page, [], kind)
        return found

    def count_range(self) -> tuple[int, int]:
        """The fewest and most posts a tag has (for ``relsize``)."""
        counts = [len(posts) for posts in self._catalog.by_tag.values()] or [0]
        return min(counts), max(counts)

    def _catalog_of(self, kind: str) -> AblogCatalog:
        found = self._catalogs.get(kind)
        if found is None:
            index, page_of = _PAGES[kind]
            collections = []
            for name, posts in _GROUPS[kind](self.site, self._catalog):
                page = page_of(self.site, self._catalog, name) or index(self.site)
                collection = AblogCollection(self, name, page, posts, kind)
                self._collections[(kind, name)] = collection
                collections.append(collection)
            reverse = kind == "archive"
            collections.sort(key=lambda c: c.name.casefold(), reverse=reverse)
            found = self._catalogs[kind] = AblogCatalog(
                index(self.site), collections, kind, _XREFS.get(kind, kind)
            )
        return found

    @property
    def tags(self) -> AblogCatalog:
        return self._catalog_of("tags")

    @property
    def author(self) -> AblogCatalog:
        return self._catalog_of("author")

    @property
    def category(self) -> AblogCatalog:
        return self._catalog_of("category")

    @property
    def location(self) -> AblogCatalog:
        return self._catalog_of("location")

    @property
    def language(self) -> AblogCatalog:
        return self._catalog_of("language")

    @property
    def archive(self) -> AblogCatalog:
        return self._catalog_of("archive")


def _author_page(site: BlogSite, catalog: Catalog, name: str) -> str | None:
    author = next((a for a in catalog.authors.values() if a.name == name), None)
    return author_page(site, author) if author is not None else None


def _tag_page(site: BlogSite, catalog: Catalog, name: str) -> str | None:
    tag = next((t for t in catalog.tags.values() if t.label == name), None)
    return tag_page(site, tag) if tag is not None else None


#: Each catalog's index page, and the page of one of its collections (by name).
_PAGES: dict[str, tuple[Callable[[BlogSite], str], Callable[[BlogSite, Catalog, str], Any]]] = {
    "tags": (tags_index_page, _tag_page),
    "author": (authors_index_page, _author_page),
    "category": (lambda site: terms_page(site, "category"), lambda s, c, n: category_page(s, n)),
    "location": (lambda site: terms_page(site, "location"), lambda s, c, n: location_page(s, n)),
    "language": (lambda site: terms_page(site, "language"), lambda s, c, n: language_page(s, n)),
    "archive": (archive_page, lambda s, c, n: archive_page(s)),
}


#: ABlog's catalogs, and the prefix of their labels (``tag-python``).
_CATALOG_KINDS = ("tags", "author", "category", "location", "language")
_XREFS = {"tags": "tag", "archive": "archive"}


def _years(catalog: Catalog) -> list[tuple[str, list[Post]]]:
    years: dict[str, list[Post]] = {}
    for post in catalog.posts:
        years.setdefault(str(post.published.year), []).append(post)
    return list(years.items())


#: Each catalog's collections: (name, posts).
_GROUPS: dict[str, Callable[[BlogSite, Catalog], list[tuple[str, list[Post]]]]] = {
    "tags": lambda site, c: [(tag.label, c.by_tag[key]) for key, tag in c.tags.items()],
    "author": lambda site, c: [(a.name, c.by_author[key]) for key, a in c.authors.items()],
    "category": lambda site, c: [(n, c.by_category[key]) for key, n in c.categories.items()],
    "location": lambda site, c: [(n, c.by_location[key]) for key, n in c.locations.items()],
    "language": lambda site, c: [(n, c.by_language[key]) for key, n in c.languages.items()],
    "archive": lambda site, c: _years(c),
}

_BLOGS: WeakKeyDictionary[Sphinx, AblogBlog] = WeakKeyDictionary()


def ablog_blog(app: Sphinx) -> AblogBlog:
    """This build's ``ablog`` (made again when the catalog is)."""
    catalog = get_catalog(app)
    blog = _BLOGS.get(app)
    if blog is None or blog._catalog is not catalog:
        blog = _BLOGS[app] = AblogBlog(app, catalog)
    return blog


class _LazyBlog:
    """Stands in the context for :class:`AblogBlog` until a template reads it."""

    def __init__(self, app: Sphinx) -> None:
        self._app = app

    def __getattr__(self, name: str) -> Any:
        return getattr(ablog_blog(self._app), name)

    def __getitem__(self, key: str) -> Any:
        return ablog_blog(self._app)[key]

    def __contains__(self, key: object) -> bool:
        return key in ablog_blog(self._app)

    def __len__(self) -> int:
        return len(ablog_blog(self._app))

    def __bool__(self) -> bool:
        return True


def anchor(post: Any) -> str:
    """ABlog's ``anchor(post)``: ``#section`` for a section post, else nothing."""
    section = getattr(post, "section", "")
    return f"#{section}" if section else ""


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context.setdefault("ablog", _LazyBlog(app))
    context.setdefault("anchor", anchor)


def setup_ablog_context(app: Sphinx) -> None:
    """Give every page ABlog's ``ablog`` variable."""
    app.connect("html-page-context", _page_context)
