"""Serialize a feed as RSS 2.0, Atom (RFC 4287) or JSON Feed 1.1: pure functions.

The XML is built with lxml and the JSON with :func:`json.dumps`, so every value is escaped
by its serializer. Output is deterministic: the same entries give the same bytes (no build
time anywhere; the feed's own date is its newest entry's).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any

from markupsafe import escape

if TYPE_CHECKING:
    from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "sphinx-advocacy-blog"

#: File names of the feeds, by format (the same as Docusaurus's).
FEED_FILES = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}
MEDIA_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


@dataclass(frozen=True)
class FeedAuthor:
    """An entry's author."""

    name: str
    url: str = ""
    email: str = ""


@dataclass(frozen=True)
class FeedImage:
    """An entry's cover image."""

    url: str
    media_type: str = ""
    length: int | None = None


@dataclass(frozen=True)
class FeedEntry:
    """One post in a feed, every URL absolute."""

    id: str
    url: str
    title: str
    published: datetime
    updated: datetime
    summary: str = ""
    content_html: str = ""
    authors: tuple[FeedAuthor, ...] = ()
    categories: tuple[str, ...] = ()
    image: FeedImage | None = None


@dataclass(frozen=True)
class Feed:
    """A feed's own facts and its entries, newest first."""

    title: str
    description: str
    home_url: str
    language: str = ""
    #: Absolute URL of each format's file, by format.
    feed_urls: dict[str, str] = field(default_factory=dict)
    #: URL of the XSLT stylesheet for RSS and Atom (relative to the feed file), or "".
    stylesheet: str = ""
    #: Used as the feed's author when an entry has none (Atom requires one).
    fallback_author: str = ""
    entries: tuple[FeedEntry, ...] = ()

    @property
    def updated(self) -> datetime:
        """The newest entry's date (the epoch for an empty feed), never the build time."""
        if not self.entries:
            return datetime(1970, 1, 1, tzinfo=timezone.utc)
        return max(entry.updated for entry in self.entries)


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat()


def _serialize(root: etree._Element, stylesheet: str) -> bytes:
    from lxml import etree

    tree = etree.ElementTree(root)
    if stylesheet:
        instruction = etree.ProcessingInstruction(
            "xml-stylesheet", f'type="text/xsl" href="{stylesheet}"'
        )
        root.addprevious(instruction)
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> Any:
    from lxml import etree

    element = etree.SubElement(parent, tag, {k: v for k, v in attributes.items() if v})
    if text is not None:
        element.text = text
    return element


def _as_html(text: str) -> str:
    """Plain text as the HTML that shows exactly it (``a <b>`` -> ``a &lt;b&gt;``)."""
    return str(escape(text))


def rss(feed: Feed) -> bytes:
    """RSS 2.0 with ``content:encoded`` (full HTML), ``dc:creator`` and ``media:content``."""
    from lxml import etree  # imported when a feed is written: builds with none start faster

    root = etree.Element(
        "rss",
        {"version": "2.0"},
        nsmap={"atom": ATOM, "content": CONTENT, "dc": DC, "media": MEDIA},
    )
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.home_url)
    # RSS readers read <description> as HTML: plain text goes in escaped as HTML.
    _sub(channel, "description", _as_html(feed.description or feed.title))
    if feed.language:
        _sub(channel, "language", feed.language)
    _sub(channel, "lastBuildDate", format_datetime(feed.updated))
    _sub(channel, "generator", GENERATOR)
    if feed.feed_urls.get("rss"):
        _sub(
            channel,
            f"{{{ATOM}}}link",
            href=feed.feed_urls["rss"],
            rel="self",
            type=MEDIA_TYPES["rss"],
        )
    for entry in feed.entries:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.url)
        _sub(item, "guid", entry.id, isPermaLink="true" if entry.id == entry.url else "false")
        _sub(item, "pubDate", format_datetime(entry.published))
        if entry.summary:
            _sub(item, "description", _as_html(entry.summary))
        if entry.content_html:
            _sub(item, f"{{{CONTENT}}}encoded", entry.content_html)
        for author in entry.authors:
            _sub(item, f"{{{DC}}}creator", author.name)
        for category in entry.categories:
            _sub(item, "category", category)
        if entry.image is not None:
            if entry.image.length is not None and entry.image.media_type:
                _sub(
                    item,
                    "enclosure",
                    url=entry.image.url,
                    length=str(entry.image.length),
                    type=entry.image.media_type,
                )
            _sub(
                item,
                f"{{{MEDIA}}}content",
                url=entry.image.url,
                medium="image",
                type=entry.image.media_type,
            )
    return _serialize(root, feed.stylesheet)


def atom(feed: Feed) -> bytes:
    """Atom (RFC 4287): full HTML in ``content``, the cover as an enclosure link."""
    from lxml import etree

    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    if feed.language:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", feed.language)
    _sub(root, f"{{{ATOM}}}id", feed.home_url)
    _sub(root, f"{{{ATOM}}}title", feed.title)
    if feed.description:
        _sub(root, f"{{{ATOM}}}subtitle", feed.description)
    _sub(root, f"{{{ATOM}}}updated", _iso(feed.updated))
    _sub(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=feed.home_url)
    if feed.feed_urls.get("atom"):
        _sub(
            root,
            f"{{{ATOM}}}link",
            rel="self",
            type=MEDIA_TYPES["atom"],
            href=feed.feed_urls["atom"],
        )
    author = _sub(root, f"{{{ATOM}}}author")
    _sub(author, f"{{{ATOM}}}name", feed.fallback_author or feed.title)
    _sub(root, f"{{{ATOM}}}generator", GENERATOR)
    for entry in feed.entries:
        element = _sub(root, f"{{{ATOM}}}entry")
        _sub(element, f"{{{ATOM}}}id", entry.id)
        _sub(element, f"{{{ATOM}}}title", entry.title)
        _sub(element, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=entry.url)
        _sub(element, f"{{{ATOM}}}published", _iso(entry.published))
        _sub(element, f"{{{ATOM}}}updated", _iso(entry.updated))
        for person in entry.authors:
            author = _sub(element, f"{{{ATOM}}}author")
            _sub(author, f"{{{ATOM}}}name", person.name)
            if person.url:
                _sub(author, f"{{{ATOM}}}uri", person.url)
            if person.email:
                _sub(author, f"{{{ATOM}}}email", person.email)
        for category in entry.categories:
            _sub(element, f"{{{ATOM}}}category", term=category, label=category)
        if entry.image is not None:
            _sub(
                element,
                f"{{{ATOM}}}link",
                rel="enclosure",
                href=entry.image.url,
                type=entry.image.media_type,
                length=str(entry.image.length) if entry.image.length is not None else "",
            )
        if entry.summary:
            _sub(element, f"{{{ATOM}}}summary", entry.summary, type="text")
        if entry.content_html:
            _sub(element, f"{{{ATOM}}}content", entry.content_html, type="html")
    return _serialize(root, feed.stylesheet)


def json_feed(feed: Feed) -> bytes:
    """JSON Feed 1.1; ``<``, ``>`` and ``&`` are escaped so it is safe inside HTML too."""
    items = []
    for entry in feed.entries:
        item: dict[str, Any] = {
            "id": entry.id,
            "url": entry.url,
            "title": entry.title,
            "date_published": _iso(entry.published),
            "date_modified": _iso(entry.updated),
        }
        if entry.content_html:
            item["content_html"] = entry.content_html
        if entry.summary:
            item["summary"] = entry.summary
        if not entry.content_html:
            item["content_text"] = entry.summary or entry.title
        if entry.authors:
            item["authors"] = [
                {key: value for key, value in (("name", a.name), ("url", a.url)) if value}
                for a in entry.authors
            ]
        if entry.categories:
            item["tags"] = list(entry.categories)
        if entry.image is not None:
            item["image"] = entry.image.url
        items.append(item)
    document: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.feed_urls.get("json", ""),
        "description": feed.description,
        "language": feed.language,
        "authors": [{"name": feed.fallback_author or feed.title}],
        "items": items,
    }
    document = {key: value for key, value in document.items() if value != ""}
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


WRITERS = {"rss": rss, "atom": atom, "json": json_feed}
