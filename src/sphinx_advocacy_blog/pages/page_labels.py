"""Let documents link to the blog's generated pages by path: ``[our blog](/blog)``.

Each generated page is a label of Sphinx's standard domain named after its path (``blog``,
``blog/tags/events``, ``blog/archive``), which ``{ref}`` and MyST links resolve, and which
``objects.inv`` lists once. MyST reads a link with a leading slash (``/blog/tags``) as a
path from the source root and looks that text up as it is: the small ``blogpages`` domain
answers it with the same page, and lists nothing in ``objects.inv`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util.nodes import make_refnode

from ..env.build_state import get_catalog
from ..env.site_data import get_site
from .plan import plan_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


def register_page_labels(app: Sphinx, env: Any) -> list[str]:
    """Make each generated page a label of the standard domain, named after its path."""
    site = get_site(app)
    std = env.get_domain("std")
    previous: set[str] = getattr(env, "advocacy_blog_labels", set())
    for name in previous:
        std.labels.pop(name, None)
        std.anonlabels.pop(name, None)
    current = set()
    pages = {}
    for page in plan_pages(site, get_catalog(app)):
        label = page.name.lower()
        pages[label] = (page.name, page.title)
        if label in std.labels:
            continue  # the site's own label (``.. _blog:``) wins for ``:ref:``
        std.labels[label] = (page.name, "", page.title)
        std.anonlabels[label] = (page.name, "")
        current.add(label)
    env.advocacy_blog_labels = current
    env.advocacy_blog_pages = pages
    return []


class BlogPagesDomain(Domain):
    """Resolves ``/blog/tags`` (a MyST link from the source root) to the page ``blog/tags``."""

    name = "blogpages"
    label = "Blog pages"
    initial_data: ClassVar[dict[str, Any]] = {}

    def _page(self, target: str) -> tuple[str, str] | None:
        if not target.startswith("/"):
            return None
        found: tuple[str, str] | None = getattr(self.env, "advocacy_blog_pages", {}).get(
            target.strip("/").lower()
        )
        return found

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: Any,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: Any,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self._page(target)
        if found is None:
            return []
        docname, title = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title)
        return [("std:ref", make_refnode(builder, fromdocname, docname, "", contnode, title))]

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        """Nothing to merge: the labels are made after reading, in the main process."""

    def clear_doc(self, docname: str) -> None:
        """Nothing is kept per document."""


def setup_page_labels(app: Sphinx) -> None:
    """Register the labels of the generated pages and the ``blogpages`` domain."""
    app.add_domain(BlogPagesDomain)
    app.connect("env-updated", register_page_labels, priority=600)
