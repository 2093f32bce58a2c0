"""Which documents ask search engines to stay away (``<meta name="robots">``).

A page of the docs may declare ``robots: noindex`` (MyST ``html_meta``, ``.. meta::``); such
a page is left out of the sitemap. The value is read from each document's doctree when it is
read, and kept in the environment, correctly under incremental and parallel builds.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from .records import merge_documents, robots_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def declared_robots(doctree: nodes.Node) -> str:
    """The content of the document's ``robots`` meta tag (``""`` when there is none)."""
    for node in doctree.findall(nodes.meta):
        if str(node.get("name", "")).strip().lower() == "robots":
            return str(node.get("content", ""))
    return ""


def is_noindex(robots: str) -> bool:
    """Whether a ``robots`` value keeps the page out of search engines."""
    directives = {part.strip().lower() for part in robots.split(",")}
    return bool(directives & {"noindex", "none"})


class RobotsCollector(EnvironmentCollector):
    """Stores each document's ``robots`` meta value in ``env.advocacy_blog_robots``."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        robots_of(env).pop(docname, None)

    def merge_other(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        docnames: AbstractSet[str],
        other: BuildEnvironment,
    ) -> None:
        merge_documents(robots_of(env), robots_of(other), docnames)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        robots = declared_robots(doctree)
        if robots:
            robots_of(app.env)[app.env.docname] = robots


def setup_noindex(app: Sphinx) -> None:
    """Register the collector."""
    app.add_env_collector(RobotsCollector)
