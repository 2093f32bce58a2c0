"""``sitemap.xml`` and ``robots.txt``.

The sitemap lists every public page of the build at its canonical URL with the date it
last changed: documents, listed posts and the blog's generated pages. Unlisted and draft
posts, pages marked ``noindex`` and posts whose canonical URL is another page are left out.
With several locales each URL carries its ``xhtml:link`` hreflang alternates. Each locale's
build writes its own sitemap (``/ru/sitemap.xml``); the default locale's build writes
``robots.txt``, which names the sitemaps of every locale, unless the project ships its own
or the site is not at the root of its host.

:func:`render_sitemap` and :func:`render_robots` are pure; the rest gathers the entries.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sphinx.util import logging

from ..env.build_state import get_catalog
from ..env.git_dates import file_date
from ..env.noindex import is_noindex
from ..env.output_state import is_current, remember
from ..env.records import posts_of, robots_of
from ..env.site_data import get_site
from ..model.post import Post
from ..model.site import BlogSite
from ..pages.plan import plan_pages
from ..util.files import write_output
from .facts import canonical_url, hreflang_alternates, post_dates, post_head_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger("sphinx_advocacy_blog")

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
    from lxml import etree  # imported when the sitemap is written: a no-change build has none

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


def _post_lastmod(app: Sphinx, post: Post) -> datetime:
    published, modified = post_dates(app, post)
    return modified or published


def _canonical_elsewhere(app: Sphinx, site: BlogSite, post: Post) -> bool:
    """Whether the post's ``<head>`` block points its canonical link at another page (an
    ``og:url`` elsewhere does not move the canonical URL: the post is still listed)."""
    if not any(tag.tag == "link" for tag in post.head_tags):
        return False
    return post_head_block(app, site, post).canonical_elsewhere


def sitemap_entries(app: Sphinx) -> list[SitemapEntry]:
    """Every public page of the build, at its canonical URL, with its last change."""
    env = app.env
    site = get_site(app)
    posts = posts_of(env)
    robots = robots_of(env)
    entries = []
    lastmods: dict[str, datetime] = {}  # a post is on many list pages

    def lastmod_of(post: Post) -> datetime:
        found = lastmods.get(post.key)
        if found is None:
            found = lastmods[post.key] = _post_lastmod(app, post)
        return found

    for docname in sorted(env.found_docs):
        post = posts.get(docname)
        lastmod: datetime | None
        if post is not None:
            if not post.listed or _canonical_elsewhere(app, site, post):
                continue
            lastmod = lastmod_of(post)
        else:
            if docname in NOT_CONTENT or is_noindex(robots.get(docname, "")):
                continue
            lastmod = file_date(app, str(env.doc2path(docname)))
        entries.append(
            SitemapEntry(
                canonical_url(app, site, docname), lastmod, hreflang_alternates(app, site, docname)
            )
        )
    catalog = get_catalog(app)
    newest = max((lastmod_of(post) for post in catalog.posts), default=None)
    for page in plan_pages(site, catalog):
        dates = [lastmod_of(post) for post in page.posts]
        entries.append(
            SitemapEntry(
                canonical_url(app, site, page.name),
                max(dates) if dates else newest,
                hreflang_alternates(app, site, page.name),
            )
        )
    return entries


def sitemap_urls(site: BlogSite) -> list[str]:
    """The sitemaps of the whole site: the root's, then each other locale's
    (``/ru/sitemap.xml``), which that locale's build writes."""
    base = site.settings.base_url
    prefixes = [""] + [info.prefix for info in site.locales if info.prefix]
    return [
        f"{base}/{prefix}/{SITEMAP_FILE}" if prefix else f"{base}/{SITEMAP_FILE}"
        for prefix in dict.fromkeys(prefixes)
    ]


def write_sitemap(app: Sphinx) -> None:
    """Write ``sitemap.xml`` and (for the default locale) ``robots.txt``.

    Skipped when their inputs did not change since the last build (see :mod:`..env.output_state`).
    """
    site = get_site(app)
    settings = site.settings
    if not settings.sitemap:
        return
    if not settings.base_url:
        logger.info("sphinx-advocacy-blog: no sitemap.xml, since html_baseurl is not set")
        return
    default_locale = site.locale is None or not site.locale.prefix
    with_robots = bool(
        settings.robots_txt
        and default_locale
        and at_host_root(settings.base_url)
        and not project_has_robots(app)
    )
    files = [SITEMAP_FILE, ROBOTS_FILE] if with_robots else [SITEMAP_FILE]
    entries = _Entries(app)
    # When an input changed (a post's text, say), the entries may still be the same.
    if is_current(app, "sitemap", files, extra=repr(files), narrow=entries.digest):
        return
    write_output(str(app.outdir), SITEMAP_FILE, render_sitemap(entries.found))
    if with_robots:
        robots = render_robots(sitemap_urls(site))
        write_output(str(app.outdir), ROBOTS_FILE, robots.encode("utf-8"))
    remember(app, "sitemap", extra=repr(files), narrow=entries.digest)


class _Entries:
    """This build's sitemap entries and their digest, each found once, when first asked."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app

    @functools.cached_property
    def found(self) -> list[SitemapEntry]:
        return sitemap_entries(self.app)

    def digest(self, app: Sphinx) -> str:
        return hashlib.sha256(repr(self.found).encode()).hexdigest()


def _on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    builder = app.builder
    if exception is not None or builder.format != "html" or builder.name in ("singlehtml", "epub"):
        return
    write_sitemap(app)


def setup_sitemap(app: Sphinx) -> None:
    """Write the sitemap and robots.txt at the end of every HTML build."""
    app.connect("build-finished", _on_build_finished)
