"""Where every page of the blog lives: one function per kind of page, used by all.

Page generation, rendering (links to tag and author pages), head tags, feeds, the sitemap
and the redirects all ask here, so a URL is computed in one place. Names are Sphinx page
names relative to the output root, without suffix (``blog/tags/events``); the builder
turns them into files and links. Posts live at their permalink (read by ``readers/``).
"""

from __future__ import annotations

import posixpath

from ..config.options import BlogSettings
from ..util.slugs import slugify
from .post import Author, Tag
from .site import BlogSite


def _paged(base: str, page: int) -> str:
    return base if page <= 1 else posixpath.join(base, "page", str(page))


def author_key(author: Author) -> str:
    """The key of an author's page (``page.permalink`` or the key)."""
    return author.page_permalink or author.key


def index_page(site: BlogSite, page: int = 1) -> str:
    """``blog`` or ``blog/page/N``."""
    return _paged(site.settings.route, page)


def tags_index_page(site: BlogSite) -> str:
    """``blog/tags``."""
    return posixpath.join(site.settings.route, "tags")


def tag_folder(site: BlogSite, tag: Tag) -> str:
    """``blog/tags/<permalink>``: the tag's first page, and the folder of its feeds."""
    return posixpath.join(site.settings.route, "tags", tag.permalink)


def tag_page(site: BlogSite, tag: Tag, page: int = 1) -> str:
    """``blog/tags/<permalink>`` (+ ``/page/N``)."""
    return _paged(tag_folder(site, tag), page)


def authors_index_page(site: BlogSite) -> str:
    """``blog/authors``."""
    return posixpath.join(site.settings.route, "authors")


def author_folder(site: BlogSite, key: str) -> str:
    """``blog/authors/<key>``: an author's first page, and the folder of their feeds."""
    return posixpath.join(site.settings.route, "authors", key)


def author_page(site: BlogSite, author: Author, page: int = 1) -> str | None:
    """``blog/authors/<key>`` (+ ``/page/N``), or None for authors with ``page: false``."""
    if not author.has_page:
        return None
    return _paged(author_folder(site, author_key(author)), page)


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


def media_path(settings: BlogSettings, source_path: str) -> str:
    """Where a post's cover image (path relative to srcdir) is copied in the output."""
    inside_blog = source_path
    prefix = settings.path + "/"
    if inside_blog.startswith(prefix):
        inside_blog = inside_blog[len(prefix) :]
    return posixpath.join(settings.route, "_media", inside_blog)
