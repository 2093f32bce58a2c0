"""Docusaurus admonitions: ``:::note[Title]`` is read as the ``blog-note`` directive.

The reader (``readers/markdown``) turns ``:::note[Title]`` and ``:::tip Title`` into
``:::{blog-note} Title``; these directives render them as the theme's admonitions, with
Docusaurus's optional title. MyST's ``colon_fence`` extension is turned on for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..i18n.translate import _
from ..readers.mdx_syntax import ADMONITION_KINDS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_DOCUTILS_ADMONITIONS: dict[str, type[nodes.Admonition]] = {
    "note": nodes.note,
    "tip": nodes.tip,
    "warning": nodes.warning,
    "caution": nodes.caution,
    "danger": nodes.danger,
    "important": nodes.important,
}


def _default_title(kind: str) -> str:
    """The title of an admonition written without one, translated. Docutils' own kinds
    (note, tip, warning...) get Sphinx's translated label instead; these are the others."""
    if kind == "info":
        return _("Info")
    if kind == "success":
        return _("Success")
    return kind.title()


class BlogAdmonition(SphinxDirective):
    """``:::{blog-note} Optional title`` — a Docusaurus admonition with an optional title."""

    kind: ClassVar[str] = "note"
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        title = self.arguments[0] if self.arguments else ""
        kind = self.kind
        node: nodes.Element
        if not title and kind in _DOCUTILS_ADMONITIONS:
            node = _DOCUTILS_ADMONITIONS[kind]()
        else:
            node = nodes.admonition(classes=[f"admonition-{kind}", _css_class(kind)])
            text = title or _default_title(kind)
            textnodes, _messages = self.parse_inline(text, lineno=self.lineno)
            node += nodes.title(text, "", *textnodes)
        node["classes"].extend(self.options.get("class", []))
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _css_class(kind: str) -> str:
    """Themes style note/tip/warning/danger; Docusaurus's other kinds borrow those colours."""
    return {"info": "note", "success": "tip", "caution": "caution"}.get(kind, kind)


def _enable_myst_extensions(app: Sphinx, config: Any) -> None:
    """Docusaurus admonitions use colon fences; turn MyST's extension on for them."""
    enabled = list(getattr(config, "myst_enable_extensions", []) or [])
    if "colon_fence" not in enabled:
        enabled.append("colon_fence")
        config.myst_enable_extensions = enabled


def setup_admonitions(app: Sphinx) -> None:
    """Register ``blog-note``, ``blog-tip``... and turn on MyST's colon fences."""
    for kind in ADMONITION_KINDS:
        directive = type(f"Blog{kind.title()}Admonition", (BlogAdmonition,), {"kind": kind})
        app.add_directive(f"blog-{kind}", directive)
    app.connect("config-inited", _enable_myst_extensions, priority=650)
