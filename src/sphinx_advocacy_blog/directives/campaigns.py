"""``eventlist`` and ``series``: events and the parts of a series on any page.

Like the other listings (:mod:`.listings`), they leave a
:class:`~..env.nodes.post_listing` placeholder when the page is read and are rendered
when it is written; the page is written again when what they show changes, including when
the build date moves an event from the upcoming to the past ones.

.. code-block:: markdown

   ```{eventlist}
   :upcoming:
   :limit: 5
   :tags: rallies
   ```

   ```{series} Know your rights
   ```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from markupsafe import Markup
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import report
from ..env.build_state import get_catalog
from ..env.nodes import post_listing
from ..env.records import READING_KEY, listings_of
from ..env.site_data import get_site
from ..i18n.translate import _
from ..model.listing import ListingSpec, select_posts
from ..model.problem import Problem
from ..model.routes import series_key, series_page
from ..pages.events import render_event_list
from ..pages.links import link
from ..pages.render import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The listing kinds this module renders.
CAMPAIGN_KINDS = ("eventlist", "series")


def _tags_option(argument: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (argument or "").split(",") if part.strip())


def _placeholder(directive: SphinxDirective, spec: ListingSpec) -> list[nodes.Node]:
    listings_of(directive.env).setdefault(directive.env.docname, []).append(spec)
    node = post_listing(spec=spec)
    directive.set_source_info(node)
    return [node]


class EventListDirective(SphinxDirective):
    """``eventlist``: upcoming events (soonest first), then past ones (newest first)."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "upcoming": directives.flag,
        "past": directives.flag,
        "limit": directives.positive_int,
        "tags": _tags_option,
    }

    def run(self) -> list[nodes.Node]:
        spec = ListingSpec(
            kind="eventlist",
            tags=self.options.get("tags", ()),
            limit=self.options.get("limit"),
            upcoming="upcoming" in self.options,
            past="past" in self.options,
        )
        return _placeholder(self, spec)


class SeriesDirective(SphinxDirective):
    """``series``: every part of a series in reading order; without a name, the series of
    the post it is in."""

    has_content = False
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0].strip() if self.arguments else ""
        if not name:
            post = self.env.temp_data.get(READING_KEY)
            name = post.series if post is not None else ""
        if not name:
            path, line = self.get_source_info()
            report(
                self.env.app,
                [
                    Problem(
                        "series",
                        "the series directive needs the name of a series (or to be in a post "
                        "with 'series' in its front matter)",
                        str(path),
                        line,
                    )
                ],
            )
            return []
        return _placeholder(self, ListingSpec(kind="series", series=name))


def render_campaign_listing(app: Sphinx, docname: str, spec: ListingSpec) -> Markup:
    """HTML of an ``eventlist`` or ``series`` as shown on page *docname*."""
    catalog = get_catalog(app)
    posts = select_posts(catalog, spec)
    if spec.kind == "eventlist":
        empty = _("No upcoming events.") if spec.upcoming and not spec.past else _("No events yet.")
        return render_event_list(app, docname, posts, empty=str(empty))
    site = get_site(app)
    builder = app.builder
    parts = [
        {
            "title": post.title,
            "url": link(builder, docname, post.docname),
            "current": post.docname == docname,
        }
        for post in posts
    ]
    name = catalog.series.get(series_key(spec.series), spec.series)
    url = link(builder, docname, series_page(site, spec.series)) if posts else ""
    return render(app, "series_list.html", series_name=name, url=url, parts=parts)


def setup_campaign_directives(app: Sphinx) -> None:
    """Register ``eventlist`` and ``series`` (rendered by :mod:`.listings`)."""
    app.add_directive("eventlist", EventListDirective)
    app.add_directive("series", SeriesDirective)
