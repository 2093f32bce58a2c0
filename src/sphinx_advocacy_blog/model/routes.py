"""Where every page of the blog lives: one function per kind of page, used by all.

Page generation, rendering (links to tag and author pages), head tags, feeds, the sitemap
and the redirects all ask here, so a URL is computed in one place. Names are Sphinx page
names relative to the output root, without suffix (``blog/tags/events``); the builder
turns them into files and links. Posts live at their permalink (read by ``readers/``).

Every part of a name that comes from user data (an author key, a tag permalink, a
category) goes through :func:`~..util.slugs.path_segment`, so no name can leave the blog's
folder, hold a separator or be too long for a file system, whatever the data says.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from ..config.options import BlogSettings
from ..util.slugs import ablog_slugify, clean_url_path, kebab_case, path_segment, slugify
from .post import Author, Tag
from .site import BlogSite


def _paged(site: BlogSite, base: str, page: int) -> str:
    """*base*'s page *page* (``<base>/page/<page>``, ``blog_page_base_path``); a blog at
    the site root (route ``""``) has its first page at ``index``."""
    if page <= 1:
        return base or "index"
    return posixpath.join(base, site.settings.page_base_path, str(page))


def author_key(author: Author) -> str:
    """An author's page URL below the authors page, as Docusaurus makes it: the
    ``page.permalink`` (one segment or more), else the key in kebab case (lodash's
    ``kebabCase``: ``Eli White`` -> ``eli-white``); a key that is no name (``../x``) is
    made one path segment."""
    if author.page_permalink:
        return clean_url_path(author.page_permalink) or "author"
    segment = path_segment(author.key)
    if segment == "-".join(author.key.split()):
        # A key that is a name (``Eli White``, ``CamelCase``): Docusaurus's kebab case.
        return path_segment(kebab_case(author.key)) or segment or "author"
    return segment or "author"


def tag_key(tag: Tag) -> str:
    """A tag's page URL below the tags page: its permalink, one segment or more
    (``releases/major``, as Docusaurus serves a ``tags.yml`` permalink with a slash)."""
    return clean_url_path(tag.permalink) or "tag"


def index_page(site: BlogSite, page: int = 1) -> str:
    """``blog`` or ``blog/page/N``."""
    return _paged(site, site.settings.route, page)


def tags_index_page(site: BlogSite) -> str:
    """``blog/tags`` (``blog_tags_base_path``)."""
    return posixpath.join(site.settings.route, site.settings.tags_base_path)


def tag_folder(site: BlogSite, tag: Tag) -> str:
    """``blog/tags/<permalink>``: the tag's first page, and the folder of its feeds."""
    return posixpath.join(tags_index_page(site), tag_key(tag))


def tag_page(site: BlogSite, tag: Tag, page: int = 1) -> str:
    """``blog/tags/<permalink>`` (+ ``/page/N``)."""
    return _paged(site, tag_folder(site, tag), page)


def authors_index_page(site: BlogSite) -> str:
    """``blog/authors`` (``blog_authors_base_path``)."""
    return posixpath.join(site.settings.route, site.settings.authors_base_path)


def author_folder(site: BlogSite, key: str) -> str:
    """``blog/authors/<key>``: an author's first page, and the folder of their feeds."""
    return posixpath.join(authors_index_page(site), clean_url_path(key) or "author")


def has_author_page(site: BlogSite, author: Author) -> bool:
    """Whether the author has a page: ``page`` in ``authors.yml``; an author written in
    a post's front matter only with ``blog_author_pages = "all"`` (Docusaurus gives none)."""
    return author.has_page and (not author.inline or site.settings.author_pages == "all")


def author_page(site: BlogSite, author: Author, page: int = 1) -> str | None:
    """``blog/authors/<key>`` (+ ``/page/N``), or None for authors with ``page: false``."""
    if not has_author_page(site, author):
        return None
    return _paged(site, author_folder(site, author_key(author)), page)


def category_page(site: BlogSite, category: str, page: int = 1) -> str:
    """``blog/category/<slug>`` (+ ``/page/N``)."""
    slug = slugify(category) or "category"
    return _paged(site, posixpath.join(site.settings.route, "category", slug), page)


def terms_page(site: BlogSite, kind: str) -> str:
    """``blog/category``, ``blog/location``, ``blog/language``: every term of a kind."""
    return posixpath.join(site.settings.route, kind)


def place_slug(name: str) -> str:
    """The URL segment of a location's or language's page: ABlog's slug of its name."""
    return path_segment(ablog_slugify(name))


def location_page(site: BlogSite, name: str, page: int = 1) -> str:
    """``blog/location/<slug>`` (+ ``/page/N``): ABlog's URL of a location's posts."""
    slug = place_slug(name) or "location"
    return _paged(site, posixpath.join(site.settings.route, "location", slug), page)


def language_page(site: BlogSite, name: str, page: int = 1) -> str:
    """``blog/language/<slug>`` (+ ``/page/N``): ABlog's URL of a language's posts."""
    slug = place_slug(name) or "language"
    return _paged(site, posixpath.join(site.settings.route, "language", slug), page)


def group_page(site: BlogSite, group: str, page: int = 1) -> str:
    """``blog/group/<slug>`` (+ ``/page/N``)."""
    slug = slugify(group) or "group"
    return _paged(site, posixpath.join(site.settings.route, "group", slug), page)


def archive_page(site: BlogSite) -> str:
    """``blog/archive`` (``blog_archive_base_path``)."""
    return posixpath.join(site.settings.route, site.settings.archive_base_path)


def events_page(site: BlogSite) -> str:
    """``blog/events``: upcoming events, then past ones."""
    return posixpath.join(site.settings.route, "events")


def events_calendar_file(site: BlogSite) -> str:
    """``blog/events.ics``: every event in one calendar, for calendar apps to subscribe to."""
    return posixpath.join(site.settings.route, "events.ics")


def event_calendar_file(docname: str) -> str:
    """``<post's page name>.ics``: the calendar file of one post's event, beside the page."""
    return f"{docname}.ics"


def series_key(name: str) -> str:
    """The last segment of a series' page URL (``Know your rights`` -> ``know-your-rights``)."""
    return slugify(name) or "series"


def series_index_page(site: BlogSite) -> str:
    """``blog/series``."""
    return posixpath.join(site.settings.route, "series")


def series_page(site: BlogSite, name: str, page: int = 1) -> str:
    """``blog/series/<kebab-name>`` (+ ``/page/N``): the parts of a series in reading order."""
    return _paged(site, posixpath.join(site.settings.route, "series", series_key(name)), page)


def media_path(settings: BlogSettings, source_path: str) -> str:
    """Where a post's cover image (path relative to srcdir) is copied in the output."""
    inside_blog = source_path
    prefix = settings.path + "/"
    if inside_blog.startswith(prefix):
        inside_blog = inside_blog[len(prefix) :]
    return posixpath.join(settings.route, "_media", inside_blog)


def mastodon_share_path(settings: BlogSettings) -> str:
    """The page that sends a post to the reader's own Mastodon server (a file path)."""
    return posixpath.join(settings.route, "_share", "mastodon.html")


#: What a page of the blog's route is called by the first segment after the route.
_BLOG_SECTIONS = {
    "page": "the blog index's pages",
    "tags": "the tag pages",
    "authors": "the author pages",
    "category": "the category pages",
    "group": "the group pages",
    "location": "the location pages",
    "language": "the language pages",
    "archive": "the archive",
    "events": "the events page",
    "events.ics": "the calendar of events",
    "series": "the series pages",
    "_media": "the folder of cover images",
    "_share": "the folder of the share pages",
    "_cards": "the folder of social cards",
    "index": "the blog index",
    "rss.xml": "the RSS feed",
    "atom.xml": "the Atom feed",
    "feed.json": "the JSON feed",
    "feed.xsl": "the feeds' stylesheet",
}
#: Names Sphinx (and this extension) use at the root of the output.
SITE_NAMES = {
    "genindex": "Sphinx's general index",
    "search": "Sphinx's search page",
    "py-modindex": "Sphinx's module index",
    "np-modindex": "Sphinx's module index",
    "searchindex.js": "Sphinx's search index",
    "objects.inv": "Sphinx's inventory",
    ".buildinfo": "Sphinx's build record",
    "_static": "Sphinx's static files",
    "_images": "Sphinx's images",
    "_sources": "Sphinx's page sources",
    "_downloads": "Sphinx's downloads",
    "sitemap.xml": "the sitemap",
    "robots.txt": "robots.txt",
}


def renamed_sections(settings: BlogSettings) -> tuple[tuple[str, str], ...]:
    """``(default name, configured path)`` of the sections whose name is an option
    (``blog_tags_base_path``...), for :func:`reserved_page`."""
    return (
        ("tags", settings.tags_base_path),
        ("authors", settings.authors_base_path),
        ("archive", settings.archive_base_path),
        ("page", settings.page_base_path),
    )


@lru_cache(maxsize=8)
def _folded(names: frozenset[str]) -> frozenset[str]:
    """*names* case-folded (made once: a post's discovery asks for every post)."""
    return frozenset(name.casefold() for name in names if name)


@lru_cache(maxsize=8)
def _sections(renamed: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """:data:`_BLOG_SECTIONS` under the names the site gave them (first segment, folded)."""
    names = {default: path.split("/", 1)[0].casefold() for default, path in renamed}
    return {names.get(name, name): what for name, what in _BLOG_SECTIONS.items()}


#: The same names, for checks that need no description.
SITE_ROOT_NAMES = frozenset(SITE_NAMES)


def reserved_page(
    route: str,
    permalink: str,
    locale_prefixes: frozenset[str] = frozenset(),
    renamed: tuple[tuple[str, str], ...] = (),
) -> str:
    """What a post at *permalink* would collide with (``""`` when nothing): a page the blog
    generates, a file Sphinx writes, or another locale's folder. A path below such a file
    (``blog/atom.xml/x``) collides too: the file and a folder cannot share a name.
    *renamed* is :func:`renamed_sections` of the site's settings."""
    folded = permalink.strip("/").casefold()
    base = route.strip("/").casefold()
    if folded == base or (not base and folded == "index"):
        return "the blog index"
    first = folded.split("/", 1)[0]
    if first in SITE_NAMES:
        return SITE_NAMES[first]
    if first in _folded(locale_prefixes):
        return f"the folder of the site in locale {first!r}"
    if not base or folded.startswith(base + "/"):
        section = folded[len(base) + 1 :].split("/", 1)[0] if base else first
        sections = _sections(renamed)
        if section in sections:
            return sections[section]
    return ""
