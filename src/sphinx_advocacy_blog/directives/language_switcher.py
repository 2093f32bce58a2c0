"""``language-switcher``: links to the page being read in the site's other languages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..env.nodes import language_switcher
from ..pages.language import switcher_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class LanguageSwitcherDirective(SphinxDirective):
    """``language-switcher``: links to this page in the site's other languages."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        node = language_switcher()
        self.set_source_info(node)
        return [node]


def _fill_switchers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(language_switcher)):
        if app.builder.format != "html":
            node.parent.remove(node)
            continue
        node.replace_self(nodes.raw("", switcher_html(app, docname), format="html"))


def setup_language_switcher(app: Sphinx) -> None:
    """Register the directive and fill its placeholders when pages are written."""
    app.add_node(language_switcher)
    app.add_directive("language-switcher", LanguageSwitcherDirective)
    app.connect("doctree-resolved", _fill_switchers)
