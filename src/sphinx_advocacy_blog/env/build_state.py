"""Per-build derived data shared by pages, directives, sidebars and feeds.

Computed once after reading (``env-updated``) from the environment's posts, so every part
of the write phase sees the same catalog, including parallel write workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..model.catalog import Catalog, build_catalog
from ..model.ordering import Neighbours, neighbours_of
from ..model.post import Post
from ..model.related import related_posts
from ..model.routes import tag_key
from .clock import build_now
from .records import posts_of
from .site_data import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_CATALOGS: WeakKeyDictionary[Sphinx, Catalog] = WeakKeyDictionary()
_NEIGHBOURS: WeakKeyDictionary[Sphinx, dict[str, Neighbours]] = WeakKeyDictionary()
_RELATED: WeakKeyDictionary[Sphinx, dict[str, tuple[Post, ...]]] = WeakKeyDictionary()


def get_catalog(app: Sphinx) -> Catalog:
    """The catalog of this build's listed posts."""
    catalog = _CATALOGS.get(app)
    if catalog is None:
        catalog = build_catalog(posts_of(app.env).values(), get_site(app), build_now(app))
        _CATALOGS[app] = catalog
    return catalog


def get_neighbours(app: Sphinx) -> dict[str, Neighbours]:
    """Each listed post's newer and older neighbour, computed once per build."""
    neighbours = _NEIGHBOURS.get(app)
    if neighbours is None:
        neighbours = neighbours_of(get_catalog(app).posts)
        _NEIGHBOURS[app] = neighbours
    return neighbours


def get_related(app: Sphinx) -> dict[str, tuple[Post, ...]]:
    """Each post's related posts (``blog_related_posts`` of them), computed once per build
    in time linear in the posts (see :mod:`..model.related`)."""
    related = _RELATED.get(app)
    if related is None:
        site = get_site(app)
        related = related_posts(
            posts_of(app.env).values(),
            get_catalog(app).posts,
            site.settings.related_posts,
            lambda post: [tag_key(tag) for tag in site.post_tags(post)],
        )
        _RELATED[app] = related
    return related


def _refresh(app: Sphinx, env: Any) -> list[str]:
    _CATALOGS[app] = build_catalog(posts_of(env).values(), get_site(app), build_now(app))
    _NEIGHBOURS.pop(app, None)
    _RELATED.pop(app, None)
    return []


def setup_build_state(app: Sphinx) -> None:
    """Recompute the catalog after every read phase."""
    app.connect("env-updated", _refresh, priority=100)
