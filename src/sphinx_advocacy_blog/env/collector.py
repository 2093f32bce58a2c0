"""Keep the posts in the Sphinx environment, correctly under incremental and ``-j`` builds.

An :class:`~sphinx.environment.collectors.EnvironmentCollector` stores one :class:`Post`
per document (``process_doc``), forgets it when the document is re-read or deleted
(``clear_doc``) and merges the posts read by parallel workers (``merge_other``). Its
``get_updated_docs`` names the already-read documents whose *output* must be written again
because something they show changed: a neighbour's title, an author's name, a listed post.
"""

from __future__ import annotations

import hashlib
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from ..model.catalog import Catalog
from ..model.listing import ListingSpec, select_posts
from ..model.ordering import neighbours_of, ordered_posts
from .build_state import get_catalog
from .records import (
    READING_KEY,
    code_languages_of,
    listing_stamps_of,
    listings_of,
    merge_documents,
    posts_of,
    site_links_of,
    stamps_of,
)
from .site_data import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..model.post import Post

SUMMARY_LENGTH = 300


def first_paragraph_text(doctree: nodes.Node) -> str:
    """Plain text of the first body paragraph (not in an admonition, table or header)."""
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        inside_other = False
        while parent is not None:
            if isinstance(parent, (nodes.Admonition, nodes.table, nodes.field_list)):
                inside_other = True
                break
            parent = parent.parent
        if inside_other:
            continue
        # Footnote and citation numbers are not words of the sentence.
        copy = paragraph.deepcopy()
        for mark in list(
            copy.findall(
                lambda n: isinstance(n, (nodes.footnote_reference, nodes.citation_reference))
            )
        ):
            mark.parent.remove(mark)
        text = " ".join(copy.astext().split())
        if text:
            return text
    return ""


def _spec_signature(env: BuildEnvironment, catalog: Catalog, spec: ListingSpec) -> str:
    """Changes when what the listing shows changes."""
    if spec.kind in ("tagcloud", "blog-authors"):
        shown: Any = (
            sorted((k, len(v)) for k, v in catalog.by_tag.items())
            if spec.kind == "tagcloud"
            else sorted((k, repr(a), len(catalog.by_author[k])) for k, a in catalog.authors.items())
        )
    else:
        shown = [
            (repr(post), env.all_docs.get(post.docname)) for post in select_posts(catalog, spec)
        ]
    return hashlib.sha256(repr((spec, shown)).encode()).hexdigest()


def listing_pages_to_rewrite(app: Sphinx, env: BuildEnvironment, everything: bool) -> set[str]:
    """Pages with a listing whose shown posts changed since they were last written."""
    catalog = get_catalog(app)
    stamps = listing_stamps_of(env)
    rewrite = set()
    listings = listings_of(env)
    for docname, specs in listings.items():
        signature = hashlib.sha256(
            "".join(_spec_signature(env, catalog, spec) for spec in specs).encode()
        ).hexdigest()
        if everything or stamps.get(docname) != signature:
            rewrite.add(docname)
        stamps[docname] = signature
    for gone in set(stamps) - set(listings):
        del stamps[gone]
    return rewrite


class BlogCollector(EnvironmentCollector):
    """Stores :class:`Post` records in ``env.advocacy_blog_posts``."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        posts_of(env).pop(docname, None)
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
        merge_documents(listings_of(env), listings_of(other), docnames)
        merge_documents(site_links_of(env), site_links_of(other), docnames)
        merge_documents(code_languages_of(env), code_languages_of(other), docnames)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        post: Post | None = env.temp_data.pop(READING_KEY, None)
        if post is None:
            return
        changes: dict[str, Any] = {"summary": first_paragraph_text(doctree)}
        if "title" not in dict(post.key_lines):
            heading = doctree.next_node(nodes.section)
            if heading is not None and (title := heading.next_node(nodes.title)) is not None:
                changes["title"] = title.astext() or post.title
        if len(changes["summary"]) > SUMMARY_LENGTH:
            cut = changes["summary"][:SUMMARY_LENGTH].rsplit(" ", 1)[0]
            changes["summary"] = cut.rstrip(",.;:") + "…"
        posts_of(env)[env.docname] = replace(post, **changes)
        # Posts are reached through the blog's own pages, never the toctree.
        env.metadata[env.docname]["orphan"] = True

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Posts whose neighbours or site data changed; pages whose post lists changed."""
        site = get_site(app)
        posts = posts_of(env)
        stamps = stamps_of(env)
        fingerprint = site.fingerprint()
        everything = stamps.get("__site__") != fingerprint
        stamps["__site__"] = fingerprint
        listed = ordered_posts(posts.values(), site.settings.sort)
        rewrite: set[str] = set()
        current = neighbours_of(listed)
        for docname, neighbours in current.items():
            if everything or stamps.get(docname) != neighbours:
                rewrite.add(docname)
            stamps[docname] = neighbours
        for docname in [name for name in stamps if name != "__site__" and name not in current]:
            del stamps[docname]
        if everything:
            rewrite.update(posts)
        rewrite.update(listing_pages_to_rewrite(app, env, everything))
        return sorted(name for name in rewrite if name in env.all_docs)


def setup_collector(app: Sphinx) -> None:
    """Register the collector."""
    app.add_env_collector(BlogCollector)
