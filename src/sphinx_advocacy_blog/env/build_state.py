"""Per-build derived data shared by pages, directives, sidebars and feeds.

Computed once after reading (``env-updated``) from the environment's posts, so every part
of the write phase sees the same catalog, including parallel write workers.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..model.catalog import Catalog, build_catalog
from ..model.ordering import Neighbours, neighbours_of
from .records import posts_of
from .site_data import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_CATALOGS: WeakKeyDictionary[Sphinx, Catalog] = WeakKeyDictionary()
_NEIGHBOURS: WeakKeyDictionary[Sphinx, dict[str, Neighbours]] = WeakKeyDictionary()


def get_catalog(app: Sphinx) -> Catalog:
    """The catalog of this build's listed posts."""
    catalog = _CATALOGS.get(app)
    if catalog is None:
        catalog = build_catalog(posts_of(app.env).values(), get_site(app))
        _CATALOGS[app] = catalog
    return catalog


def get_neighbours(app: Sphinx) -> dict[str, Neighbours]:
    """Each listed post's newer and older neighbour, computed once per build."""
    neighbours = _NEIGHBOURS.get(app)
    if neighbours is None:
        neighbours = neighbours_of(get_catalog(app).posts)
        _NEIGHBOURS[app] = neighbours
    return neighbours


#: Sphinx 9 takes the builder's tags (required from Sphinx 11); Sphinx 7.4 and 8 have no
#: such argument.
_TAKES_TAGS = "tags" in inspect.signature(BuildEnvironment.get_and_resolve_doctree).parameters


def resolved_doctree(app: Sphinx, docname: str) -> nodes.document:
    """The document's doctree with references and toctrees resolved, for this builder."""
    builder = app.builder
    if _TAKES_TAGS:
        return app.env.get_and_resolve_doctree(docname, builder, tags=builder.tags)
    return app.env.get_and_resolve_doctree(docname, builder)


def _refresh(app: Sphinx, env: Any) -> list[str]:
    _CATALOGS[app] = build_catalog(posts_of(env).values(), get_site(app))
    _NEIGHBOURS.pop(app, None)
    return []


def setup_build_state(app: Sphinx) -> None:
    """Recompute the catalog after every read phase."""
    app.connect("env-updated", _refresh, priority=100)
