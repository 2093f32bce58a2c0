"""ABlog's generated labels: ``:ref:`blog-posts```, ``:ref:`tag-tips```, ``:ref:`author-ahmet```.

ABlog resolves these names (never defined in the documents) when Sphinx finds no label of
that name, to its own list pages; here they lead to this blog's pages:

=========================================  ===============================================
``blog-posts``, ``blog-post``              the blog index
``blog-drafts``, ``blog-draft``            the blog index (drafts are built, not listed)
``blog-feed``                              the blog's feed (Atom if written)
``blog-archives``                          the archive
``blog-tags``, ``blog-authors``            the tag and author indexes
``blog-categories``, ``blog-locations``,   the lists of categories, locations, languages
``blog-languages``
``tag-<x>``, ``author-<x>``,               that tag's, author's, category's, location's,
``category-<x>``, ``location-<x>``,        language's page (``<x>``: ABlog's slug of the
``language-<x>``                           label as written in posts or the key in conf.py)
``archive-<year>``                         that year in the archive
=========================================  ===============================================

Post labels (``:ref:`watch-yourself-blogging```) are real labels, registered when the post
is read (:mod:`..env.ablog_posts`). A name whose page this build does not have leads to the
nearest page that lists it (the index of its kind, or the blog index).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..env.build_state import get_catalog
from ..env.site_data import get_site
from ..feeds.formats import FEED_FILES
from ..i18n.translate import _
from ..model.catalog import Catalog
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
from ..model.site import BlogSite
from ..pages.links import link, link_to_file
from ..pages.plan import plan_pages
from ..util.slugs import ablog_slugify

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


@dataclass(frozen=True)
class LabelTarget:
    """Where an ABlog label leads: a page (with an anchor) or a file, and its text."""

    text: str
    page: str = ""
    anchor: str = ""
    file: str = ""


def ablog_label_targets(
    site: BlogSite, catalog: Catalog, pages: set[str]
) -> dict[str, LabelTarget]:
    """Every ABlog label name of this build -> its target (pure but for translations)."""
    index = index_page(site)

    def page_or(page: str | None, fallback: str) -> str:
        return page if page and page in pages else (fallback if fallback in pages else index)

    targets: dict[str, LabelTarget] = {}
    posts = LabelTarget(str(_("Posts")), index)
    drafts = LabelTarget(str(_("Drafts")), index)
    targets.update({"blog-posts": posts, "blog-post": posts})
    targets.update({"blog-drafts": drafts, "blog-draft": drafts})
    formats = site.settings.feed_formats
    feed = FEED_FILES["atom" if "atom" in formats else (formats[0] if formats else "atom")]
    targets["blog-feed"] = LabelTarget(
        str(_("{title} feed")).format(title=site.settings.title),
        file=f"{site.settings.route}/{feed}",
    )
    targets["blog-archives"] = LabelTarget(str(_("Archives")), page_or(archive_page(site), index))
    targets["blog-tags"] = LabelTarget(str(_("Tags")), page_or(tags_index_page(site), index))
    targets["blog-authors"] = LabelTarget(
        str(_("Authors")), page_or(authors_index_page(site), index)
    )
    for kind, name, title in (
        ("category", "blog-categories", _("Categories")),
        ("location", "blog-locations", _("Locations")),
        ("language", "blog-languages", _("Languages")),
    ):
        targets[name] = LabelTarget(str(title), page_or(terms_page(site, kind), index))

    def add(prefix: str, labels: Any, text: str, page: str | None, fallback: str) -> None:
        for label in labels:
            slug = ablog_slugify(label)
            if slug:
                targets.setdefault(f"{prefix}-{slug}", LabelTarget(text, page_or(page, fallback)))

    tags_index = tags_index_page(site)
    for tag in catalog.tags.values():
        add("tag", (tag.label, tag.key), tag.label, tag_page(site, tag), tags_index)
    for author in catalog.authors.values():
        add("author", (author.key, author.name), author.name, author_page(site, author), index)
    for key, author in site.authors.items():
        add("author", (key, author.name), author.name, author_page(site, author), index)
    for label in catalog.categories.values():
        add("category", (label,), label, category_page(site, label), terms_page(site, "category"))
    for kind, table, names, page_of in (
        ("location", site.locations, catalog.locations.values(), location_page),
        ("language", site.languages, catalog.languages.values(), language_page),
    ):
        fallback = terms_page(site, kind)
        for key, name in table.items():
            add(kind, (key, name), name, page_of(site, name), fallback)
        for name in names:
            add(kind, (name,), name, page_of(site, name), fallback)
    # Terms only drafts use: ABlog had labels for them too; they lead to the kind's index.
    for post in catalog.by_key.values():
        for tag in site.post_tags(post):
            add("tag", (tag.label, tag.key), tag.label, tag_page(site, tag), tags_index)
        for author in site.post_authors(post):
            add("author", (author.key, author.name), author.name, None, authors_index_page(site))
        for category in post.categories:
            add("category", (category,), category, None, terms_page(site, "category"))
        for kind, labels, name_of in (
            ("location", post.locations, site.location_name),
            ("language", post.languages, site.language_name),
        ):
            for label in labels:
                add(kind, (label, name_of(label)), name_of(label), None, terms_page(site, kind))
    archive = archive_page(site)
    for year in sorted({post.published.year for post in catalog.posts}):
        targets[f"archive-{year}"] = LabelTarget(
            str(year), page_or(archive, index), anchor=f"year-{year}"
        )
    return targets


#: Per application: the catalog the targets were made from (weakly), and the targets.
_TARGETS: weakref.WeakKeyDictionary[Any, tuple[weakref.ref[Catalog], dict[str, LabelTarget]]] = (
    weakref.WeakKeyDictionary()
)


def _targets(app: Sphinx) -> dict[str, LabelTarget]:
    catalog = get_catalog(app)
    known = _TARGETS.get(app)
    if known is None or known[0]() is not catalog:
        site = get_site(app)
        pages = {page.name for page in plan_pages(site, catalog)}
        known = (weakref.ref(catalog), ablog_label_targets(site, catalog, pages))
        _TARGETS[app] = known
    return known[1]


def _resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    if node.get("refdomain") not in ("std", "") or node.get("reftype") not in ("ref", "any"):
        return None
    target = _targets(app).get(str(node.get("reftarget", "")).lower())
    if target is None:
        return None
    inner: nodes.Element = (
        contnode if node.get("refexplicit") else nodes.emphasis(target.text, target.text)
    )
    builder = app.builder
    refdoc = node.get("refdoc", env.docname)
    if builder.format != "html":
        return inner  # the blog's pages are HTML pages
    if target.file:
        uri = link_to_file(builder, refdoc, target.file)
    else:
        uri = link(builder, refdoc, target.page)
    if target.anchor:
        uri = f"{uri}#{target.anchor}"
    reference = nodes.reference("", "", internal=not target.file, refuri=uri, reftitle=target.text)
    reference += inner
    return reference


def setup_ablog_labels(app: Sphinx) -> None:
    """Resolve ABlog's generated labels that no document defines."""
    app.connect("missing-reference", _resolve)
