"""The ``cta`` directive: a call to action (petition, donation, volunteering) as a card.

.. code-block:: markdown

    ```{cta} Sign the petition
    :button: Sign now
    :url: https://example.org/petition
    :kind: petition

    Tell the government to release the prisoners of conscience.
    ```

The card has the same markup as the calls to action of ``blog_cta`` (``pages/cta.py``):
sphinx-design's card and button classes when the site loads sphinx-design, else the
blog's own (``advocacy-blog.css``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..pages.cta import KINDS
from ..util.urls import safe_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _kind(argument: str) -> str:
    return directives.choice(argument, KINDS)


class CallToActionDirective(SphinxDirective):
    """``cta``: title as argument, text as content, ``:button:``, ``:url:``, ``:kind:``."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "button": directives.unchanged_required,
        "url": directives.unchanged_required,
        "kind": _kind,
    }

    def run(self) -> list[nodes.Node]:
        url = safe_url(self.options.get("url", "").strip()) or ""
        button = self.options.get("button", "").strip()
        if not url or not button:
            raise self.error(
                "cta needs a :button: label and a :url: (an http(s), mailto: or site address)"
            )
        kind = self.options.get("kind", "other")
        design = "sphinx_design" in self.env.app.extensions
        title = nodes.paragraph("", self.arguments[0], classes=["blog-cta-title"])
        body: list[nodes.Node] = []
        if self.content:
            text = nodes.container(classes=["blog-cta-text"])
            self.state.nested_parse(self.content, self.content_offset, text)
            body.append(text)
        link = nodes.reference(button, button, refuri=url, classes=["blog-cta-button"])
        action = nodes.paragraph("", "", link, classes=["blog-cta-action"])
        card = nodes.container(classes=["blog-cta", f"blog-cta-{kind}"])
        if design:
            card["classes"] = ["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm"]
            card["classes"] += ["blog-cta", f"blog-cta-{kind}"]
            title = nodes.container(
                "", nodes.Text(self.arguments[0]), classes=["sd-card-title", "sd-font-weight-bold"]
            )
            title["classes"].append("blog-cta-title")
            for paragraph in (n for part in body for n in part.findall(nodes.paragraph)):
                paragraph["classes"].append("sd-card-text")
            action["classes"].insert(0, "sd-card-text")
            link["classes"][:0] = ["sd-sphinx-override", "sd-btn", "sd-text-wrap", "sd-btn-primary"]
            inner = nodes.container("", title, *body, action, classes=["sd-card-body"])
            card += inner
        else:
            card += [title, *body, action]
        self.set_source_info(card)
        return [card]


def setup_cta(app: Sphinx) -> None:
    """Register the ``cta`` directive."""
    app.add_directive("cta", CallToActionDirective)
