"""Per-build derived data shared by pages, directives, sidebars and feeds.

Computed once after reading (``env-updated``) from the environment's posts, so every part
of the write phase sees the same catalog, including parallel write workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from .catalog import Catalog, build_catalog
from .site import get_site
from .store import posts_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_CATALOGS: WeakKeyDictionary[Sphinx, Catalog] = WeakKeyDictionary()


def get_catalog(app: Sphinx) -> Catalog:
    """The catalog of this build's listed posts."""
    catalog = _CATALOGS.get(app)
    if catalog is None:
        catalog = build_catalog(posts_of(app.env).values(), get_site(app))
        _CATALOGS[app] = catalog
    return catalog


def _refresh(app: Sphinx, env: Any) -> list[str]:
    _CATALOGS[app] = build_catalog(posts_of(env).values(), get_site(app))
    return []


def setup_state(app: Sphinx) -> None:
    """Recompute the catalog after every read phase."""
    app.connect("env-updated", _refresh, priority=100)
