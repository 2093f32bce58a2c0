"""``sitemap.xml`` and ``robots.txt``.

The sitemap lists every public page of the build at its canonical URL with the date it
last changed: documents, listed posts and the blog's generated pages. Unlisted and draft
posts, pages marked ``noindex`` and posts whose canonical URL is another page are left out.
With several locales each URL carries its ``xhtml:link`` hreflang alternates. Each locale's
build writes its own sitemap (``/ru/sitemap.xml``); the default locale's build writes
``robots.txt``, which points at the root sitemap, unless the project ships its own or the
site is not at the root of its host.

:func:`render_sitemap` and :func:`render_robots` are pure; the rest gathers the entries.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from lxml import etree

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
#: Pages Sphinx makes that are not content: search results and the general index.
NOT_CONTENT = frozenset({"search", "genindex", "py-modindex", "np-modindex"})


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` of the sitemap."""

    url: str
    lastmod: datetime | None = None
    #: ``(hreflang, absolute URL)``, ``x-default`` included; empty for a one-locale site.
    alternates: tuple[tuple[str, str], ...] = ()


def w3c_date(moment: datetime) -> str:
    """``lastmod`` text: the date alone for a midnight-UTC date, else the full time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    offset = moment.utcoffset()
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0) and not offset:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")


def render_sitemap(entries: Iterable[SitemapEntry]) -> bytes:
    """The XML of a sitemap (one ``<url>`` per distinct URL, in the order given)."""
    entries = list(entries)
    namespaces: dict[str | None, str] = {None: SITEMAP_NS}
    if any(entry.alternates for entry in entries):
        namespaces["xhtml"] = XHTML_NS
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap=namespaces)
    seen: set[str] = set()
    for entry in entries:
        if entry.url in seen:
            continue
        seen.add(entry.url)
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry.url
        if entry.lastmod is not None:
            etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = w3c_date(entry.lastmod)
        for hreflang, href in entry.alternates:
            etree.SubElement(
                url,
                f"{{{XHTML_NS}}}link",
                rel="alternate",
                hreflang=hreflang,
                href=href,
            )
    return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render_robots(sitemaps: Sequence[str]) -> str:
    """A ``robots.txt`` that lets every crawler in and names the sitemaps."""
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {url}" for url in sitemaps]
    return "\n".join(lines).rstrip("\n") + "\n"


def at_host_root(base_url: str) -> bool:
    """Whether a site at *base_url* owns its host's ``/robots.txt`` (crawlers read it
    nowhere else, so a site under ``https://example.org/docs/`` cannot have one)."""
    return urlsplit(base_url).path.strip("/") == ""


def project_has_robots(app: Sphinx) -> bool:
    """Whether the project publishes its own ``robots.txt`` (extra path or static folder)."""
    folders = [*app.config.html_extra_path, *app.config.blog_static_dirs]
    return any(
        os.path.isfile(os.path.join(app.confdir, folder, ROBOTS_FILE))
        or os.path.isfile(os.path.join(app.srcdir, folder, ROBOTS_FILE))
        for folder in folders
    )


def write_file(path: str, data: bytes) -> None:
    """Write *data* unless the file already holds exactly it (keeps mtimes stable)."""
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return
    except OSError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
