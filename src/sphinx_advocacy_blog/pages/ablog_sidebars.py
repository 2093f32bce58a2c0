"""ABlog's sidebars that have no counterpart among ours: the postcard and the term lists.

``ablog/postcard.html`` shows the post's date, last update, authors, locations, languages,
category and tags beside it; ``ablog/categories.html``, ``ablog/authors.html``,
``ablog/locations.html`` and ``ablog/languages.html`` list the terms with their number of
posts. (``ablog/recentposts.html``, ``ablog/tagcloud.html`` and ``ablog/archives.html`` are
our recent posts, tags and archive sidebars.) Rendered with autoescaping from
``sidebar_postcard.html`` and ``sidebar_terms.html``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..env.build_state import get_catalog
from ..env.records import posts_of
from ..env.site_data import get_site
from ..i18n import translate as i18n
from ..i18n.translate import _
from ..model.routes import (
    author_page,
    authors_index_page,
    category_page,
    language_page,
    location_page,
    place_slug,
    terms_page,
)
from .links import link
from .render import render
from .views import post_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The term lists, by their name in the ``advocacy_blog_sidebar`` context.
TERM_SIDEBARS = ("categories", "authors", "locations", "languages")


def _item(label: str, url: str = "") -> dict[str, str]:
    return {"label": label, "url": url}


def render_postcard(app: Sphinx, pagename: str) -> Markup:
    """The postcard of the post *pagename* (empty on other pages)."""
    post = posts_of(app.env).get(pagename)
    if post is None:
        return Markup("")
    site = get_site(app)
    catalog = get_catalog(app)
    builder = app.builder
    language = app.config.language or "en"
    view = post_view(builder, site, pagename, post, language)
    rows: list[dict[str, Any]] = []
    authors = [
        _item(author["name"], author["page_url"] or author["url"]) for author in view["authors"]
    ]
    if authors:
        rows.append(
            {
                "kind": "author",
                "label": _("Author:") if len(authors) == 1 else _("Authors:"),
                "items": authors,
            }
        )
    for kind, values, known, label, page_of, name_of in (
        (
            "location",
            post.locations,
            catalog.locations,
            _("Location:"),
            location_page,
            site.location_name,
        ),
        (
            "language",
            post.languages,
            catalog.languages,
            _("Language:"),
            language_page,
            site.language_name,
        ),
    ):
        items = []
        for value in values:
            name = name_of(value)
            listed = place_slug(name) in known and post.listed
            items.append(
                _item(name, link(builder, pagename, page_of(site, name)) if listed else "")
            )
        if items:
            rows.append({"kind": kind, "label": label, "items": items})
    categories = [
        _item(name, link(builder, pagename, category_page(site, name)) if post.listed else "")
        for name in post.categories
    ]
    if categories:
        label = _("Category:") if len(categories) == 1 else _("Categories:")
        rows.append({"kind": "category", "label": label, "items": categories})
    tags = [_item(tag["label"], tag["url"] if post.listed else "") for tag in view["tags"]]
    if tags:
        rows.append({"kind": "tags", "label": _("Tags:"), "items": tags})
    updated = None
    if post.last_update is not None and post.last_update.date() != post.published.date():
        updated = {
            "iso": post.last_update.date().isoformat(),
            "text": i18n.display_date(post.last_update, language, site.settings.date_format),
        }
    return render(app, "sidebar_postcard.html", post=view, rows=rows, updated=updated)


def render_terms(app: Sphinx, pagename: str, name: str) -> Markup:
    """The list of categories, authors, locations or languages, with their counts."""
    site = get_site(app)
    catalog = get_catalog(app)
    builder = app.builder
    entries: list[tuple[str, str, int]] = []
    if name == "categories":
        title, index = _("Categories"), terms_page(site, "category")
        for slug, label in catalog.categories.items():
            entries.append((label, category_page(site, label), len(catalog.by_category[slug])))
    elif name == "authors":
        title, index = _("Authors"), authors_index_page(site)
        for key, author in catalog.authors.items():
            page = author_page(site, author)
            if page is not None:
                entries.append((author.name, page, len(catalog.by_author[key])))
    elif name == "locations":
        title, index = _("Locations"), terms_page(site, "location")
        for slug, label in catalog.locations.items():
            entries.append((label, location_page(site, label), len(catalog.by_location[slug])))
    else:
        title, index = _("Languages"), terms_page(site, "language")
        for slug, label in catalog.languages.items():
            entries.append((label, language_page(site, label), len(catalog.by_language[slug])))
    terms = [
        {
            "label": label,
            "url": link(builder, pagename, page),
            "count": count,
            "current": page == pagename,
        }
        for label, page, count in sorted(entries, key=lambda entry: entry[0].casefold())
    ]
    return render(
        app,
        "sidebar_terms.html",
        kind=name,
        title=title,
        index_url=link(builder, pagename, index),
        terms=terms,
    )
