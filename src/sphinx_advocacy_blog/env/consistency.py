"""Checks that need every post and the site data together, run on every build.

A post's reference to an author is only wrong relative to ``authors.yml``, which can change
without the post being read again, so these run at ``env-check-consistency`` (every build)
rather than when the post is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..diagnostics import report
from ..model.problem import Problem
from .records import posts_of
from .site_data import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def unknown_authors(app: Sphinx) -> list[Problem]:
    """A problem for each post author key that ``authors.yml`` does not define."""
    site = get_site(app)
    posts = posts_of(app.env)
    problems = []
    for docname in sorted(posts):
        problems += site.unknown_authors(posts[docname], str(app.env.doc2path(docname, False)))
    return problems


def _check(app: Sphinx, env: Any) -> None:
    report(app, unknown_authors(app))


def setup_consistency(app: Sphinx) -> None:
    """Run the whole-blog checks on every build."""
    app.connect("env-check-consistency", _check)
