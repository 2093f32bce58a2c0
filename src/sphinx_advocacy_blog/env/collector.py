"""Keep the posts in the Sphinx environment, correctly under incremental and ``-j`` builds.

An :class:`~sphinx.environment.collectors.EnvironmentCollector` stores one :class:`Post`
per document (``process_doc``), forgets it when the document is re-read or deleted
(``clear_doc``) and merges the posts read by parallel workers (``merge_other``). Its
``get_updated_docs`` names the already-read documents whose *output* must be written again
because something they show changed: a neighbour's title, an author's name, a listed post.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from markupsafe import Markup
from sphinx.environment.collectors import EnvironmentCollector

from ..i18n.translate import display_date
from ..model.catalog import Catalog
from ..model.listing import ListingSpec, select_posts
from ..model.post import with_shared_people_and_tags
from ..model.related import related_signature
from .build_state import get_catalog, get_neighbours, get_related
from .output_state import was_interrupted
from .records import (
    READING_KEY,
    SECTION_POSTS_KEY,
    code_languages_of,
    listing_stamps_of,
    listings_of,
    merge_documents,
    posts_of,
    section_posts_of,
    site_links_of,
    stamps_of,
)
from .site_data import get_site
from .summary import summary_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..model.post import Post
    from ..model.site import BlogSite


def _spec_signature(
    env: BuildEnvironment, catalog: Catalog, spec: ListingSpec, site: BlogSite
) -> str:
    """Changes when what the listing shows changes."""
    if spec.kind in ("tagcloud", "blog-authors"):
        shown: Any = (
            sorted((k, len(v)) for k, v in catalog.by_tag.items())
            if spec.kind == "tagcloud"
            else sorted((k, repr(a), len(catalog.by_author[k])) for k, a in catalog.authors.items())
        )
    else:
        shown = [
            (repr(post), env.all_docs.get(post.docname))
            for post in select_posts(catalog, spec, site)
        ]
    return hashlib.sha256(repr((spec, shown)).encode()).hexdigest()


def listing_pages_to_rewrite(app: Sphinx, env: BuildEnvironment, everything: bool) -> set[str]:
    """Pages with a listing whose shown posts changed since they were last written."""
    catalog = get_catalog(app)
    site = get_site(app)
    stamps = listing_stamps_of(env)
    rewrite = set()
    listings = listings_of(env)
    for docname, specs in listings.items():
        signature = hashlib.sha256(
            "".join(_spec_signature(env, catalog, spec, site) for spec in specs).encode()
        ).hexdigest()
        if everything or stamps.get(docname) != signature:
            rewrite.add(docname)
        stamps[docname] = signature
    for gone in set(stamps) - set(listings):
        del stamps[gone]
    return rewrite


#: Builds in which no document was read, added or removed (found by ``env-get-updated``).
_UNCHANGED: WeakKeyDictionary[Sphinx, bool] = WeakKeyDictionary()

#: Template names whose sidebars show the blog (recent posts, counts) on every page.
_SIDEBAR_MARKS = ("advocacy_blog/", "ablog/", "recentposts.html", "tagcloud.html", "archives.html")


def sidebar_signature(app: Sphinx, catalog: Catalog) -> str:
    """Changes when a blog sidebar shown on every page changes (``""``: the site shows
    none), so that every page is written again then, as Sphinx does for the toctree."""
    settings = (repr(app.config.html_sidebars), repr(app.config.html_theme_options))
    if not any(mark in text for text in settings for mark in _SIDEBAR_MARKS):
        return ""
    shown = (
        [(p.docname, p.title, p.sidebar_label) for p in catalog.posts[:50]],
        sorted((key, tag.label, len(catalog.by_tag[key])) for key, tag in catalog.tags.items()),
        sorted((key, a.name, len(catalog.by_author[key])) for key, a in catalog.authors.items()),
        sorted((key, len(posts)) for key, posts in catalog.by_category.items()),
        sorted((key, len(posts)) for key, posts in catalog.by_location.items()),
        sorted((key, len(posts)) for key, posts in catalog.by_language.items()),
        sorted(Counter(post.published.year for post in catalog.posts).items()),
    )
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def _show_section_post_date(app: Sphinx, section: nodes.Element, post: Post) -> None:
    """Under the heading of ABlog's section post, its date: a reader who follows a link
    to it lands there (the page's header is the page's own post's)."""
    settings = get_site(app).settings
    text = display_date(post.published, app.config.language or "en", settings.date_format)
    html = Markup('<p class="blog-section-post-date"><time datetime="{}">{}</time></p>\n')
    dateline = nodes.container(classes=["blog-section-post-meta"])
    dateline += nodes.raw("", html.format(post.published.date().isoformat(), text), format="html")
    title = section.next_node(nodes.title)
    index = section.index(title) + 1 if title is not None and title.parent is section else 0
    section.insert(index, dateline)


class BlogCollector(EnvironmentCollector):
    """Stores :class:`Post` records in ``env.advocacy_blog_posts``."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        posts_of(env).pop(docname, None)
        section_posts_of(env).pop(docname, None)
        listings_of(env).pop(docname, None)
        site_links_of(env).pop(docname, None)
        code_languages_of(env).pop(docname, None)

    def merge_other(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        docnames: AbstractSet[str],
        other: BuildEnvironment,
    ) -> None:
        merge_documents(posts_of(env), posts_of(other), docnames)
        merge_documents(section_posts_of(env), section_posts_of(other), docnames)
        merge_documents(listings_of(env), listings_of(other), docnames)
        merge_documents(site_links_of(env), site_links_of(other), docnames)
        merge_documents(code_languages_of(env), code_languages_of(other), docnames)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        post: Post | None = env.temp_data.pop(READING_KEY, None)
        if post is None:
            return
        changes: dict[str, Any] = {"summary": summary_of(doctree)}
        if "title" not in dict(post.key_lines):
            heading = doctree.next_node(nodes.section)
            if heading is not None and (title := heading.next_node(nodes.title)) is not None:
                changes["title"] = title.astext() or post.title
        posts_of(env)[env.docname] = replace(post, **changes)
        sections = env.temp_data.pop(SECTION_POSTS_KEY, None)
        if sections:
            stored = []
            for section_post, node in sections:
                if not node["ids"]:
                    continue
                # The section's id as the page has it, every transform done.
                stored.append(replace(section_post, section=node["ids"][0]))
                _show_section_post_date(app, node, section_post)
            section_posts_of(env)[env.docname] = tuple(stored)
        # Posts are reached through the blog's own pages, never the toctree.
        env.metadata[env.docname]["orphan"] = True
        if not post.listed:
            # An unlisted post is found by its link only; a draft is a preview.
            env.metadata[env.docname]["nosearch"] = True
        if post.toc_max_heading_level:
            # Sphinx's depth of a page's table of contents counts the title (level 1).
            env.metadata[env.docname]["tocdepth"] = post.toc_max_heading_level

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Posts whose neighbours, series, related posts or site data changed; pages whose
        post lists changed."""
        if was_interrupted(app):
            # Pages of a killed build may be half written: Sphinx would keep them.
            return sorted(env.all_docs)
        site = get_site(app)
        posts = posts_of(env)
        stamps = stamps_of(env)
        fingerprint = site.fingerprint()
        everything = stamps.get("__site__") != fingerprint
        stamps["__site__"] = fingerprint
        # No document read, added or removed since the last build: no post page shows
        # anything new of other posts (neighbours, series, related posts come from them).
        # Listings are checked every time: the build date moves events to the past.
        documents = hashlib.blake2b(
            repr(sorted(env.all_docs.items())).encode(), digest_size=16
        ).digest()
        unchanged = not everything and stamps.get("__documents__") == documents
        stamps["__documents__"] = documents
        _UNCHANGED[app] = unchanged
        rewrite: set[str] = set()
        if not unchanged:
            current = post_page_stamps(app, posts)
            for docname, stamp in current.items():
                if everything or stamps.get(docname) != stamp:
                    rewrite.add(docname)
                stamps[docname] = stamp
            kept = {"__site__", "__sidebars__", "__documents__", *current}
            for docname in [name for name in stamps if name not in kept]:
                del stamps[docname]
            if everything:
                rewrite.update(posts)
        rewrite.update(listing_pages_to_rewrite(app, env, everything))
        sidebars = sidebar_signature(app, get_catalog(app))
        if stamps.get("__sidebars__", "") != sidebars:
            rewrite.update(env.found_docs)
        stamps["__sidebars__"] = sidebars
        return sorted(name for name in rewrite if name in env.all_docs)


def post_page_stamps(app: Sphinx, posts: dict[str, Post]) -> dict[str, Any]:
    """What each post page shows of other posts: its newer and older neighbours, the parts
    of its series, its related posts. A page is written again when its stamp changes."""
    catalog = get_catalog(app)
    neighbours = get_neighbours(app)
    related = get_related(app)
    series: dict[str, Any] = {}
    for slug, parts in catalog.by_series.items():
        shown = (slug, tuple((part.docname, part.title) for part in parts))
        for part in parts:
            series[part.docname] = shown
    stamps: dict[str, Any] = {}
    for docname in posts:
        stamp = (
            neighbours.get(docname),
            series.get(docname),
            related_signature(related.get(docname, ())),
        )
        if stamp != (None, None, ()):
            # A short digest: the environment keeps one per post.
            stamps[docname] = hashlib.blake2b(repr(stamp).encode(), digest_size=16).digest()
    return stamps


def _share_people_and_tags(app: Sphinx, env: BuildEnvironment) -> None:
    """Before the environment is pickled: one object per author and tag of the blog (not
    needed when no document changed: the records are those the last build shared)."""
    if _UNCHANGED.pop(app, False):
        return
    posts_of(env).update(with_shared_people_and_tags(posts_of(env)))


def setup_collector(app: Sphinx) -> None:
    """Register the collector."""
    app.add_env_collector(BlogCollector)
    app.connect("env-updated", _share_people_and_tags)
