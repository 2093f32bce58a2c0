"""Writing the Atom, RSS 2.0 and JSON feeds of the blog, each tag and each author.

Docusaurus publishes ``/blog/rss.xml``, ``/blog/atom.xml`` and ``/blog/feed.json``; the same
files are written here (and ``/blog/tags/<tag>/...``, ``/blog/authors/<key>/...``), so
subscribers keep their feeds. A translated build writes its own under its locale prefix.
Files whose bytes did not change are not rewritten. Pages link their feeds in ``<head>``
for autodiscovery.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..env.build_state import get_catalog
from ..env.output_state import is_current, load_state, metadata_digest, remember, save_state
from ..env.site_data import get_site
from ..model.post import Author, Post, Tag
from ..model.routes import author_folder, author_key, author_page, media_path, tag_folder
from ..model.site import BlogSite
from ..pages.links import absolute, absolute_page_url, absolute_post_url
from ..seo.facts import post_dates, post_description, site_title
from ..seo.headtags import link as link_tag
from ..seo.headtags import render_tags
from ..util.files import remove_output, write_output
from ..util.resources import STATIC_DIR
from ..util.urls import is_absolute_url
from ..version import __version__
from .content import capture, forget_content, post_content
from .formats import MEDIA_TYPES, WRITERS, Feed, FeedAuthor, FeedEntry, FeedImage
from .plan import FeedPlan, feed_file, feed_title, plan_feeds

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET_FILE = "feed.xsl"
STYLESHEET_SOURCE = os.path.join(STATIC_DIR, "feed.xsl")
_MEMBERS: WeakKeyDictionary[Sphinx, set[str]] = WeakKeyDictionary()
_SITE_DISCOVERY: WeakKeyDictionary[Sphinx, tuple[BlogSite, str]] = WeakKeyDictionary()
_IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
}


def feed_members(app: Sphinx) -> set[str]:
    """Documents of the posts that appear in at least one feed of this build."""
    members = _MEMBERS.get(app)
    if members is None:
        site = get_site(app)
        members = set()
        if site.settings.feed_formats and site.settings.feed_full_content:
            for plan in plan_feeds(site, get_catalog(app), site_title(app.config)):
                members.update(post.docname for post in plan.posts if not post.section)
        _MEMBERS[app] = members
    return members


def _author(app: Sphinx, site: BlogSite, author: Author) -> FeedAuthor:
    page = author_page(site, author)
    url = absolute_page_url(app.builder, site.settings, page) if page else author.url
    return FeedAuthor(name=author.name, url=url, email=author.email)


def _image(app: Sphinx, site: BlogSite, post: Post) -> FeedImage | None:
    image = post.image or site.settings.default_image
    if not image:
        return None
    media_type = _IMAGE_TYPES.get(posixpath.splitext(image.lower().split("?")[0])[1], "")
    if is_absolute_url(image):
        return FeedImage(url=image, media_type=media_type)
    if image.startswith("/"):
        path = image.lstrip("/")
        local = next(
            (
                os.path.join(app.srcdir, folder, path)
                for folder in ("", *site.settings.static_dirs)
                if os.path.isfile(os.path.join(app.srcdir, folder, path))
            ),
            None,
        )
        url = absolute(site.settings, path)
    else:
        local = os.path.join(app.srcdir, image)
        url = absolute(site.settings, media_path(site.settings, image))
    length = os.path.getsize(local) if local and os.path.isfile(local) else None
    return FeedImage(url=url, media_type=media_type, length=length)


def _entry(app: Sphinx, site: BlogSite, post: Post, tags: tuple[Tag, ...]) -> FeedEntry:
    url = absolute_post_url(app.builder, site.settings, post)
    published, modified = post_dates(app, post)
    # A section post's entry carries its summary only: its page's body is another post's.
    full_content = site.settings.feed_full_content and not post.section
    return FeedEntry(
        id=url,
        url=url,
        title=post.title,
        published=published,
        updated=modified or published,
        summary=post_description(site, post),
        content_html=post_content(app, post.docname) if full_content else "",
        authors=tuple(_author(app, site, author) for author in site.post_authors(post)),
        categories=tuple(tag.label for tag in tags),
        image=_image(app, site, post),
    )


def build_feed(app: Sphinx, site: BlogSite, plan: FeedPlan, entries: dict[str, FeedEntry]) -> Feed:
    """The :class:`Feed` of a plan, entries shared between feeds."""
    settings = site.settings
    stylesheet = ""
    if settings.feed_stylesheet:
        depth = plan.folder.count("/") - settings.route.count("/")
        stylesheet = "../" * depth + STYLESHEET_FILE
    locale = site.locale.html_lang if site.locale else (app.config.language or "en")
    publisher = settings.publisher.get("name") if isinstance(settings.publisher, dict) else ""
    return Feed(
        title=plan.title,
        description=plan.description,
        home_url=absolute_page_url(app.builder, settings, plan.home_page),
        language=locale,
        feed_urls={
            feed_format: absolute(settings, feed_file(plan.folder, feed_format))
            for feed_format in settings.feed_formats
        },
        stylesheet=stylesheet,
        fallback_author=str(publisher or site_title(app.config) or plan.title),
        entries=tuple(entries[post.key] for post in plan.posts),
    )


def write_feeds(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write every feed of this build (unchanged files untouched).

    Nothing is done when no input of the feeds changed since the last build and their
    files are still there (see :mod:`..env.output_state`).
    """
    if exception is not None or app.builder.format != "html":
        return
    if app.builder.name in ("singlehtml", "epub"):
        return
    site = get_site(app)
    formats = [name for name in site.settings.feed_formats if name in WRITERS]
    if not formats:
        return
    digests = _previous_feed_digests(app)
    previous = set(digests)
    stylesheet = posixpath.join(site.settings.route, STYLESHEET_FILE)
    expected = [*previous, stylesheet] if site.settings.feed_stylesheet else previous
    plans = _FeedPlans(app)
    if previous and is_current(app, "feeds", expected, narrow=plans.digest):
        return
    entries: dict[str, FeedEntry] = {}
    for plan in plans.plans:
        for post in plan.posts:
            if post.key not in entries:
                entries[post.key] = _entry(app, site, post, site.post_tags(post))
    written: dict[str, str] = {}
    outdir = str(app.outdir)
    for plan in plans.plans:
        feed = build_feed(app, site, plan, entries)
        # A feed whose every value is the last build's is not serialized again.
        values = repr(feed)
        for feed_format in formats:
            relative = feed_file(plan.folder, feed_format)
            digest = hashlib.sha256(f"{__version__}\0{feed_format}\0{values}".encode()).hexdigest()
            written[relative] = digest
            if digests.get(relative) == digest and os.path.exists(os.path.join(outdir, relative)):
                continue
            write_output(outdir, relative, WRITERS[feed_format](feed))
    if site.settings.feed_stylesheet:
        with open(STYLESHEET_SOURCE, "rb") as handle:
            write_output(str(app.outdir), stylesheet, handle.read())
    _remove_stale_feeds(app, previous, written)
    remember(app, "feeds", narrow=plans.digest)


class _FeedPlans:
    """This build's feeds and what they are made from, each found when first asked for."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self._plans: list[FeedPlan] | None = None
        self._digest: str | None = None

    @property
    def plans(self) -> list[FeedPlan]:
        if self._plans is None:
            app = self.app
            self._plans = plan_feeds(get_site(app), get_catalog(app), site_title(app.config))
        return self._plans

    def digest(self, app: Sphinx) -> str:
        """What the feeds are made from: every post's name, title and front matter (links
        and titles anywhere in an entry), and the whole record and read time of each post
        in a feed (its summary and body). An edit of a post no feed shows leaves it."""
        if self._digest is None:
            env = app.env
            digest = hashlib.sha256(metadata_digest(app).encode())
            members = {post.key: post for plan in self.plans for post in plan.posts}
            for _key, post in sorted(members.items()):
                digest.update(f"{env.all_docs.get(post.docname)}\t{post!r}\n".encode())
            self._digest = digest.hexdigest()
        return self._digest


FEED_RECORD = "advocacy_blog_feeds.json"


def _previous_feed_digests(app: Sphinx) -> dict[str, str]:
    """``{file: digest of its values}`` of the feeds the last build of this builder wrote."""
    record = load_state(app, FEED_RECORD)
    if isinstance(record, list):  # written by an earlier version: names only
        return {str(name): "" for name in record}
    return {str(k): str(v) for k, v in record.items()} if isinstance(record, dict) else {}


def _remove_stale_feeds(app: Sphinx, previous: set[str], written: dict[str, str]) -> None:
    """Delete feeds of tags and authors the blog no longer has (recorded per builder)."""
    for stale in sorted(previous - set(written)):
        remove_output(str(app.outdir), stale)
    save_state(app, FEED_RECORD, dict(sorted(written.items())))


def _discovery_tags(app: Sphinx, site: BlogSite, folder: str, title: str) -> list[Any]:
    labels = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
    return [
        link_tag(
            "alternate",
            absolute(site.settings, feed_file(folder, feed_format)),
            type=MEDIA_TYPES[feed_format],
            title=f"{title} ({labels[feed_format]})",
        )
        for feed_format in site.settings.feed_formats
        if feed_format in MEDIA_TYPES
    ]


def _title(app: Sphinx, site: BlogSite) -> str:
    return feed_title(site, site_title(app.config))


def _site_discovery_html(app: Sphinx, site: BlogSite) -> str:
    """The links to the blog's own feeds, which every page has (made once per build)."""
    known = _SITE_DISCOVERY.get(app)
    if known is None or known[0] is not site:
        tags = _discovery_tags(app, site, site.settings.route, _title(app, site))
        known = _SITE_DISCOVERY[app] = (site, str(render_tags(tags)))
    return known[1]


def _pages_have_feeds(app: Sphinx, site: BlogSite) -> bool:
    """Whether this build's pages link feeds and keep bodies for them (not a single page
    or a book)."""
    return bool(site.settings.feed_formats) and app.builder.name not in ("singlehtml", "epub")


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    site = get_site(app)
    if not _pages_have_feeds(app, site):
        return
    html = _site_discovery_html(app, site)
    tags: list[Any] = []
    page = context.get("advocacy_blog_page")
    if page is not None and page.kind == "tag" and site.settings.feed_per_tag:
        tag = page.data["tag"]
        tags += _discovery_tags(
            app,
            site,
            tag_folder(site, tag),
            f"{_title(app, site)} – {tag.label}",
        )
    if page is not None and page.kind == "author" and site.settings.feed_per_author:
        author = page.data["author"]
        tags += _discovery_tags(
            app,
            site,
            author_folder(site, author_key(author)),
            f"{_title(app, site)} – {author.name}",
        )
    context["metatags"] = (context.get("metatags") or "") + html + str(render_tags(tags))


def _capture_body(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    site = get_site(app)
    if _pages_have_feeds(app, site) and site.settings.feed_full_content:
        capture(app, pagename, context, feed_members(app))


def _refresh_members(app: Sphinx, env: Any) -> list[str]:
    _MEMBERS.pop(app, None)
    return []


def _forget_changed(app: Sphinx, env: Any, docname: str) -> None:
    # Purged = removed or about to be read again: its cached body may be stale either way.
    forget_content(app, docname)


def setup_feeds(app: Sphinx) -> None:
    """Write the feeds and their autodiscovery links."""
    app.connect("env-updated", _refresh_members, priority=150)
    app.connect("env-purge-doc", _forget_changed)
    app.connect("html-page-context", _page_context)
    # The body as the translator wrote it, before the post's header and footer fill it
    # (pages/post_page, priority 1): as a post without a kept body is rendered.
    app.connect("html-page-context", _capture_body, priority=0)
    app.connect("build-finished", write_feeds)
