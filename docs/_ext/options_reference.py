"""Render the extension's option table, so the configuration reference cannot drift."""

from __future__ import annotations

import pprint
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_advocacy_blog.config.options import OPTIONS


class OptionsReference(SphinxDirective):
    """``.. blog-options-reference::`` — one entry per option: name, default, meaning."""

    def run(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for option in OPTIONS:
            section = nodes.section(ids=[f"confval-{option.name}"], names=[option.name])
            section += nodes.title("", "", nodes.literal(option.name, option.name))
            types = " or ".join(t.__name__ for t in option.types)
            default = pprint.pformat(option.default, width=200)
            section += nodes.paragraph(
                "",
                "",
                nodes.strong("Type: ", "Type: "),
                nodes.Text(f"{types}. "),
                nodes.strong("Default: ", "Default: "),
                nodes.literal(default, default),
            )
            paragraph, _messages = self.parse_inline(option.doc, lineno=self.lineno)
            section += nodes.paragraph("", "", *paragraph)
            result.append(section)
        return result


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("blog-options-reference", OptionsReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
