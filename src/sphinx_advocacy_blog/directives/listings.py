"""Directives that list posts anywhere in the documentation (MyST and reST).

``postlist``, ``tagcloud``, ``blog-authors`` and ``blog-archive`` leave a
:class:`~..env.nodes.post_listing` placeholder with their options when the page is read;
the list is rendered when the page is written, from the current posts. A page with a
listing is written again exactly when the posts it shows change (see
``env/collector.listing_pages_to_rewrite``).
"""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from markupsafe import Markup
from sphinx.util.docutils import SphinxDirective

from ..config import is_ablog_project
from ..diagnostics import report_at
from ..env.build_state import get_catalog
from ..env.nodes import post_listing
from ..env.records import listings_of
from ..env.site_data import get_site
from ..model.listing import ListingSpec, select_posts
from ..model.routes import tag_page
from ..pages.archive import render_archive
from ..pages.links import link
from ..pages.list_pages import list_views
from ..pages.render import render
from ..pages.views import author_view, post_view
from .ablog_postlist import render_ablog_postlist
from .campaigns import CAMPAIGN_KINDS, render_campaign_listing

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _tags_option(argument: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (argument or "").split(",") if part.strip())


def _sort_option(argument: str | None) -> str:
    if not (argument or "").strip():
        return ""  # ABlog's flag: oldest first
    return directives.choice(argument, ("date", "date-ascending", "title"))


#: ``postlist`` options only ABlog has: using one asks for ABlog's meaning of them all.
ABLOG_ONLY_OPTIONS = ("location", "language", "date", "list-style", "expand")
#: The fields ABlog's ``:format:`` may use.
ABLOG_FORMAT_KEYS = ("date", "title", "author", "location", "language", "category", "tags")
#: Our ``:format:`` values; any other is ABlog's format string (``{date} - {title}``).
LIST_FORMATS = ("list", "cards")


def format_problem(line_format: str) -> str | None:
    """What is wrong with an ABlog ``:format:`` string, or ``None``."""
    try:
        fields = [name for _text, name, _spec, _conv in Formatter().parse(line_format) if name]
    except ValueError as error:
        return f"postlist's :format: {line_format!r} cannot be read ({error})"
    unknown = [name for name in fields if name not in ABLOG_FORMAT_KEYS]
    if not fields:
        return (
            f"postlist's :format: {line_format!r} is neither 'list', 'cards' nor an ABlog "
            "format such as '{date} - {title}'"
        )
    if unknown:
        return (
            f"postlist's :format: names {', '.join(map(repr, unknown))}, which ABlog's "
            f"format does not have (use {', '.join('{' + k + '}' for k in ABLOG_FORMAT_KEYS)})"
        )
    return None


class _ListingDirective(SphinxDirective):
    kind: ClassVar[str] = "postlist"
    has_content = False
    optional_arguments = 1
    final_argument_whitespace = False
    option_spec: ClassVar[dict[str, Any]] = {
        "tags": _tags_option,
        "author": directives.unchanged_required,
        "category": directives.unchanged_required,
        "group": directives.unchanged_required,
        "year": directives.nonnegative_int,
        "limit": directives.positive_int,
        "sort": _sort_option,
        "excerpts": directives.flag,
        "format": directives.unchanged_required,
        # ABlog's options
        "location": directives.unchanged_required,
        "language": directives.unchanged_required,
        "date": directives.unchanged_required,
        "list-style": directives.unchanged_required,
        "expand": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        options = self.options
        limit = options.get("limit")
        if self.arguments:
            # ABlog's ``.. postlist:: 5``: at most five posts.
            limit = directives.positive_int(self.arguments[0])
        line_format = options.get("format", "list")
        ablog = (
            self.kind == "postlist" and is_ablog_project(str(self.env.srcdir), self.config)
        ) or (
            bool(self.arguments)
            or any(name in options for name in ABLOG_ONLY_OPTIONS)
            or options.get("sort") == ""
            or line_format not in LIST_FORMATS
        )
        if ablog and line_format in LIST_FORMATS:
            line_format = "{date} - {title}"
        if ablog and (problem := format_problem(line_format)) is not None:
            report_at("ablog", problem + "; the list shows dates and titles", self.get_location())
            line_format = "{date} - {title}"
        for name in ("group", "year", "limit") if ablog else ():
            if name in options:
                report_at(
                    "ablog",
                    f"postlist's :{name}: is not ABlog's; with ABlog's options it is ignored",
                    self.get_location(),
                )
        spec = ListingSpec(
            kind=self.kind,
            tags=options.get("tags", ()),
            author="" if ablog else options.get("author", ""),
            category="" if ablog else options.get("category", ""),
            group="" if ablog else options.get("group", ""),
            year=None if ablog else options.get("year"),
            limit=limit,
            sort=options.get("sort") or ("date-ascending" if "sort" in options else "date"),
            excerpts="excerpts" in options,
            format="list" if ablog else line_format,
            ablog=ablog,
            authors=_tags_option(options.get("author", "")) if ablog else (),
            categories=_tags_option(options.get("category", "")) if ablog else (),
            locations=_tags_option(options.get("location", "")),
            languages=_tags_option(options.get("language", "")),
            line_format=line_format if ablog else "",
            date_format=options.get("date", ""),
            list_style=options.get("list-style", "none"),
            expand=options.get("expand", ""),
            docname=self.env.docname if ablog else "",
        )
        listings_of(self.env).setdefault(self.env.docname, []).append(spec)
        node = post_listing(spec=spec)
        self.set_source_info(node)
        return [node]


class PostListDirective(_ListingDirective):
    """``postlist``: posts filtered by tags/author/category/group/year, as list or cards."""

    kind = "postlist"


class TagCloudDirective(_ListingDirective):
    """``tagcloud``: every tag, sized by its number of posts."""

    kind = "tagcloud"
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}


class BlogAuthorsDirective(_ListingDirective):
    """``blog-authors``: every author with a page, with avatar and post count."""

    kind = "blog-authors"
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}


class BlogArchiveDirective(_ListingDirective):
    """``blog-archive``: posts by year and month (accepts the ``postlist`` filters)."""

    kind = "blog-archive"


def render_listing(app: Sphinx, docname: str, spec: ListingSpec, depth: int = 1) -> Markup:
    """HTML of a listing as shown on page *docname*, inside a section at *depth*."""
    if spec.kind in CAMPAIGN_KINDS:
        return render_campaign_listing(app, docname, spec)
    site = get_site(app)
    catalog = get_catalog(app)
    builder = app.builder
    if spec.kind == "tagcloud":
        counts = {key: len(posts) for key, posts in catalog.by_tag.items()}
        largest = max(counts.values(), default=1)
        tags = [
            {
                "label": tag.label,
                "url": link(builder, docname, tag_page(site, tag)),
                "count": counts[key],
                "size": 1 + round(4 * (counts[key] - 1) / max(largest - 1, 1)),
            }
            for key, tag in sorted(catalog.tags.items(), key=lambda item: item[1].label.casefold())
        ]
        return render(app, "tagcloud.html", tags=tags)
    if spec.kind == "blog-authors":
        authors = []
        for key, author in sorted(catalog.authors.items(), key=lambda a: a[1].name.casefold()):
            view = author_view(builder, site, docname, author)
            view["count"] = len(catalog.by_author[key])
            authors.append(view)
        return render(app, "author_index.html", authors=authors)
    posts = select_posts(catalog, spec, site)
    if spec.ablog and spec.kind == "postlist":
        return render_ablog_postlist(app, docname, spec, posts)
    if spec.kind == "blog-archive":
        return render_archive(app, docname, posts, level=depth + 1)
    if spec.excerpts:
        views = list_views(app, docname, posts)
    else:
        language = app.config.language or "en"
        views = [post_view(builder, site, docname, post, language) for post in posts]
    template = "postlist.html"
    if spec.format == "cards":
        # In sphinx-design's markup when the site uses it, so they match its other cards.
        design = "sphinx_design" in app.extensions
        template = "postlist_cards_design.html" if design else "postlist_cards.html"
    return render(app, template, posts=views, excerpts=spec.excerpts)


def _on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(post_listing)):
        if app.builder.format != "html":
            node.replace_self(nodes.paragraph())
            continue
        depth = sum(1 for ancestor in _ancestors(node) if isinstance(ancestor, nodes.section))
        html = render_listing(app, docname, node["spec"], depth)
        node.replace_self(nodes.raw("", str(html), format="html"))


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def setup_listings(app: Sphinx) -> None:
    """Register the listing directives."""
    app.add_node(post_listing)
    app.add_directive("postlist", PostListDirective)
    app.add_directive("tagcloud", TagCloudDirective)
    app.add_directive("blog-authors", BlogAuthorsDirective)
    app.add_directive("blog-archive", BlogArchiveDirective)
    app.connect("doctree-resolved", _on_doctree_resolved)
