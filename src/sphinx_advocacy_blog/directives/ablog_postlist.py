"""ABlog's ``postlist`` as ABlog draws it: one line per post from its ``:format:``.

``{date} - {title}`` (the default), ``{title} by {author} on {date}``...: ``{title}`` links
to the post (or its ``external_link``), ``{author}``, ``{category}``, ``{location}``,
``{language}`` and ``{tags}`` link each name to its page, ``{date}`` is the date in
``:date:`` (``strftime``, default ``post_date_format_short``). ``:excerpts:`` adds each
post's excerpt, ``:expand:`` a "read more" link, ``:list-style:`` the list's bullets.
Rendered with autoescaping from ``postlist_ablog.html``.
"""

from __future__ import annotations

import re
from string import Formatter
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..env.build_state import get_catalog
from ..env.site_data import get_site
from ..model.listing import ListingSpec
from ..model.post import Post
from ..model.routes import (
    author_page,
    category_page,
    language_page,
    location_page,
    place_slug,
    tag_page,
)
from ..pages.excerpts import excerpt_html
from ..pages.links import link, post_link
from ..pages.render import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _names(app: Sphinx, pagename: str, post: Post, key: str) -> list[dict[str, str]]:
    """The linked names of a post's authors, tags... as seen from *pagename*."""
    site = get_site(app)
    catalog = get_catalog(app)
    builder = app.builder
    found: list[tuple[str, str | None]] = []
    if key == "author":
        found = [(a.name, author_page(site, a)) for a in site.post_authors(post)]
    elif key == "tags":
        found = [(tag.label, tag_page(site, tag)) for tag in site.post_tags(post)]
    elif key == "category":
        found = [(name, category_page(site, name)) for name in post.categories]
    elif key == "location":
        names = map(site.location_name, post.locations)
        found = [
            (n, location_page(site, n) if place_slug(n) in catalog.locations else None)
            for n in names
        ]
    elif key == "language":
        names = map(site.language_name, post.languages)
        found = [
            (n, language_page(site, n) if place_slug(n) in catalog.languages else None)
            for n in names
        ]
    return [
        {"text": name, "url": link(builder, pagename, page) if page else ""} for name, page in found
    ]


def _parts(
    app: Sphinx, pagename: str, spec: ListingSpec, post: Post, url: str
) -> list[dict[str, Any]]:
    date_format = spec.date_format or get_site(app).settings.post_date_format_short
    parts: list[dict[str, Any]] = []
    for text, key, _spec, _conversion in Formatter().parse(spec.line_format):
        if text:
            parts.append({"kind": "text", "text": text})
        if key == "date":
            parts.append({"kind": "text", "text": post.published.strftime(date_format)})
        elif key == "title":
            parts.append({"kind": "title", "text": post.title, "url": url})
        elif key:
            parts.append({"kind": "names", "names": _names(app, pagename, post, key)})
    return parts


def render_ablog_postlist(
    app: Sphinx, pagename: str, spec: ListingSpec, posts: list[Post]
) -> Markup:
    """The HTML of ABlog's ``postlist`` on page *pagename*."""
    builder = app.builder
    items = []
    for post in posts:
        url = post.external_link or post_link(builder, pagename, post)
        items.append(
            {
                "url": url,
                "parts": _parts(app, pagename, spec, post, url),
                "excerpt": Markup(excerpt_html(app, pagename, post.key))  # noqa: S704 - builder HTML
                if spec.excerpts
                else "",
            }
        )
    style = re.sub(r"[^\w-]", "", spec.list_style) or "none"
    return render(app, "postlist_ablog.html", items=items, list_style=style, expand=spec.expand)
