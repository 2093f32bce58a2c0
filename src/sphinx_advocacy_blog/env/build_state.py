"""Per-build derived data shared by pages, directives, sidebars and feeds.

Computed once after reading (``env-updated``) from the environment's posts, so every part
of the write phase sees the same catalog, including parallel write workers.
"""

from __future__ import annotations

import hashlib
import inspect
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..model.catalog import Catalog, build_catalog
from ..model.ordering import Neighbours, neighbours_of
from ..model.post import Post
from ..model.related import related_posts
from ..model.routes import tag_key
from .clock import build_now
from .records import listable_posts, posts_of, related_cache_of
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
        catalog = build_catalog(listable_posts(app.env), get_site(app), build_now(app))
        _CATALOGS[app] = catalog
    return catalog


def get_neighbours(app: Sphinx) -> dict[str, Neighbours]:
    """Each listed post's newer and older neighbour, computed once per build."""
    neighbours = _NEIGHBOURS.get(app)
    if neighbours is None:
        # ABlog: "Next and previous links ... only regard the first post in the document".
        neighbours = neighbours_of([post for post in get_catalog(app).posts if not post.section])
        _NEIGHBOURS[app] = neighbours
    return neighbours


def get_related(app: Sphinx) -> dict[str, tuple[Post, ...]]:
    """Each post's related posts (``blog_related_posts`` of them), computed once per build
    in time linear in the posts (see :mod:`..model.related`), and kept in the environment:
    a build in which no post was read again, added or removed reuses them."""
    related = _RELATED.get(app)
    if related is not None:
        return related
    env = app.env
    site = get_site(app)
    posts = posts_of(env)
    count = site.settings.related_posts
    digest = hashlib.sha256(
        repr(
            (count, site.fingerprint(), sorted((name, env.all_docs.get(name)) for name in posts))
        ).encode()
    ).hexdigest()
    cache = related_cache_of(env)
    if cache.get("key") == digest and all(
        name in posts for names in cache["related"].values() for name in names
    ):
        related = {
            docname: tuple(posts[name] for name in names)
            for docname, names in cache["related"].items()
        }
    else:
        related = related_posts(
            posts.values(),
            [post for post in get_catalog(app).posts if not post.section],
            count,
            lambda post: [tag_key(tag) for tag in site.post_tags(post)],
        )
        cache.clear()
        cache.update(
            key=digest,
            related={name: tuple(p.docname for p in found) for name, found in related.items()},
        )
    _RELATED[app] = related
    return related


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
    _CATALOGS[app] = build_catalog(listable_posts(env), get_site(app), build_now(app))
    _NEIGHBOURS.pop(app, None)
    _RELATED.pop(app, None)
    return []


def setup_build_state(app: Sphinx) -> None:
    """Recompute the catalog after every read phase."""
    app.connect("env-updated", _refresh, priority=100)
