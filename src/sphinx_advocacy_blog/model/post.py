"""Posts, authors, tags and head tags: small frozen records, picklable, without doctrees.

The readers (``readers/``) produce these from files; everything downstream (pages, head
tags, feeds) reads them. They are stored in the Sphinx environment, so they stay small.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from ..util.records import quick_pickle
from .event import Event


@quick_pickle
@dataclass(frozen=True, slots=True)
class Author:
    """An author, from ``authors.yml``, ``conf.py`` or a post's inline front matter."""

    key: str
    name: str
    title: str = ""
    url: str = ""
    image_url: str = ""
    email: str = ""
    description: str = ""
    #: Docusaurus ``page``: whether the author gets a profile page with their posts.
    has_page: bool = True
    page_permalink: str = ""
    #: ``(network, url)`` pairs, handles already turned into URLs.
    socials: tuple[tuple[str, str], ...] = ()
    #: Inline authors live only in one post and are not looked up by key.
    inline: bool = False
    #: ``authors: [{key: x, title: ...}]``: fields that replace the ``authors.yml`` entry's.
    overrides: tuple[tuple[str, str], ...] = ()


@quick_pickle
@dataclass(frozen=True, slots=True)
class Tag:
    """A tag, from ``tags.yml`` or inline in a post."""

    key: str
    label: str
    permalink: str
    description: str = ""


@quick_pickle
@dataclass(frozen=True, slots=True)
class HeadTag:
    """One element of a post's ``<head>`` block: ``<meta>``, ``<link>`` or ``<title>``."""

    tag: str
    attributes: tuple[tuple[str, str], ...] = ()
    text: str = ""
    #: Line of the tag in its source file (0 when it was not read from a file).
    line: int = field(default=0, compare=False)

    def attribute(self, name: str) -> str | None:
        """The value of attribute *name*, or ``None``."""
        for key, value in self.attributes:
            if key == name:
                return value
        return None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Post:
    """One blog post, as read from its source file."""

    #: Sphinx document name; equals the permalink path, e.g. ``blog/welcome``.
    docname: str
    #: Source file, relative to the source directory (``blog/2022-07-3-welcome/index.md``).
    source_path: str
    #: URL path of the post relative to the site root, without suffix (``blog/welcome``).
    permalink: str
    title: str
    published: datetime
    #: True when the date carried a time of day (otherwise it is midnight, shown as a date).
    has_time: bool = False
    title_meta: str = ""
    description: str = ""
    slug: str = ""
    #: Author keys (looked up in ``authors.yml``) and inline authors.
    authors: tuple[Author, ...] = ()
    #: Tag keys or inline labels; resolved against ``tags.yml`` when pages are written.
    tags: tuple[Tag, ...] = ()
    category: str = ""
    #: ABlog's further categories (``:category: News, Events``): listed under each.
    more_categories: tuple[str, ...] = ()
    group: str = ""
    #: Cover/social image: a path relative to the source directory, or an absolute URL.
    image: str = ""
    keywords: tuple[str, ...] = ()
    draft: bool = False
    unlisted: bool = False
    pinned: bool = False
    #: ``cta: false`` in front matter: no ``blog_cta`` call to action under this post.
    show_cta: bool = True
    reading_minutes: int = 1
    word_count: int = 0
    sidebar_label: str = ""
    hide_table_of_contents: bool = False
    #: Deepest heading level in the page's table of contents (``0``: the theme's choice).
    toc_max_heading_level: int = 0
    last_update: datetime | None = None
    last_update_author: str = ""
    head_tags: tuple[HeadTag, ...] = ()
    #: Other URL paths (relative to the site root) this post used to live at.
    aliases: tuple[str, ...] = ()
    #: schema.org type for JSON-LD (``BlogPosting`` unless the post says otherwise).
    schema_type: str = "BlogPosting"
    views: int | None = None
    locale: str = ""
    has_truncate_marker: bool = False
    #: The first paragraph of the body as plain text (the default meta description).
    summary: str = ""
    #: The event the post announces (its ``event`` front matter), if any.
    event: Event | None = None
    #: The series the post is a part of (``series``), and its place in it (``series_order``).
    series: str = ""
    series_order: float | None = None
    #: Front-matter keys this extension does not know, kept for templates.
    extra: tuple[tuple[str, Any], ...] = ()
    #: ABlog's ``location`` and ``language`` labels (keys of ``blog_locations`` and
    #: ``blog_languages``, or plain names), each listed on its own page.
    locations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    #: ABlog's ``external_link``: lists link to this URL instead of the post's page.
    external_link: str = ""
    #: An ABlog post (``.. post::``, ``blogpost: true`` or ``blog_post_pattern``): it keeps
    #: its document's URL.
    ablog: bool = False
    #: False for ABlog's drafts: no date (or none a parser reads); ``published`` is then
    #: the file's date, used for ordering only, and pages say "Draft" instead.
    dated: bool = True
    #: ABlog's section post (a second ``post`` directive of a document): the id of the
    #: section of *docname* it is. It is listed (lists and feeds link to
    #: ``docname#section``) but has no page, labels, neighbours or related posts of its own.
    section: str = ""
    #: Line of each front-matter key in the source, to point warnings at it.
    key_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def line_of(self, key: str) -> int | None:
        """Line number of front-matter *key* in the source file, if known."""
        for name, line in self.key_lines:
            if name == key:
                return line
        return None

    @property
    def key(self) -> str:
        """What tells posts apart: the document name, ``#section`` added for a section post
        (a document holds one post, plus ABlog's section posts)."""
        return f"{self.docname}#{self.section}" if self.section else self.docname

    @property
    def categories(self) -> tuple[str, ...]:
        """Every category of the post (``category`` first)."""
        if not self.category:
            return ()
        return (self.category, *self.more_categories)

    @property
    def listed(self) -> bool:
        """Whether the post appears in lists, feeds, tags and the sitemap."""
        return not self.unlisted and not self.draft

    @property
    def author_keys(self) -> tuple[str, ...]:
        """Keys of the authors that are looked up in ``authors.yml``."""
        return tuple(author.key for author in self.authors if not author.inline)


def with_shared_people_and_tags(posts: Mapping[str, Post]) -> dict[str, Post]:
    """The posts whose authors or tags equal another post's but are other objects, made
    to hold that post's objects: ``{docname: post}`` of the posts that changed.

    Every post read holds its own copies of its authors and tags; shared, they are kept
    (in memory, and in Sphinx's pickled environment) once per blog instead of once per post.
    """
    shared: dict[Author | Tag, Author | Tag] = {}
    changed: dict[str, Post] = {}
    for docname, post in posts.items():
        authors = tuple(shared.setdefault(author, author) for author in post.authors)
        tags = tuple(shared.setdefault(tag, tag) for tag in post.tags)
        if any(a is not b for a, b in zip(authors, post.authors, strict=True)) or any(
            a is not b for a, b in zip(tags, post.tags, strict=True)
        ):
            changed[docname] = replace(post, authors=authors, tags=tags)  # type: ignore[arg-type]
    return changed
