"""The directives and role that MDX components of posts become (see ``readers/mdx.py``).

* ``blog-details`` (``<details>``/``<Details>``): a ``<details>`` element whose argument
  is the ``<summary>``;
* ``blog-tabs``/``blog-tab`` (``<Tabs>``/``<TabItem>`` on a site without sphinx-design):
  each tab as a section headed by its label;
* the ``blog-image`` role (``<img src={require('./x.png').default} width="300"/>``): an
  image Sphinx copies into the output, as Markdown images are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..i18n.translate import _
from ..readers.components import IMAGE_ROLE

if TYPE_CHECKING:
    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


class details(nodes.General, nodes.Element):
    """A ``<details>`` element: its first child is the :class:`summary`."""


class summary(nodes.General, nodes.TextElement):
    """The ``<summary>`` of a :class:`details`."""


def _visit_details(translator: HTML5Translator, node: details) -> None:
    translator.body.append(translator.starttag(node, "details", CLASS="blog-details"))


def _depart_details(translator: HTML5Translator, node: details) -> None:
    translator.body.append("</details>\n")


def _visit_summary(translator: HTML5Translator, node: summary) -> None:
    translator.body.append(translator.starttag(node, "summary", suffix=""))


def _depart_summary(translator: HTML5Translator, node: summary) -> None:
    translator.body.append("</summary>\n")


def _pass(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    pass


class BlogDetails(SphinxDirective):
    """``:::{blog-details} Summary text`` + content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        text = self.arguments[0] if self.arguments else _("Details")
        inline, messages = self.parse_inline(text, lineno=self.lineno)
        element = details()
        self.set_source_info(element)
        element += summary(text, "", *inline)
        element += messages
        element.extend(self.parse_content_to_nodes())
        return [element]


class BlogTabs(SphinxDirective):
    """``:::{blog-tabs}``: the tabs of a ``<Tabs>``, one after the other."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        container = nodes.container(classes=["blog-tabs"])
        self.set_source_info(container)
        container.extend(self.parse_content_to_nodes())
        return [container]


class BlogTab(SphinxDirective):
    """``:::{blog-tab} Label``: one ``<TabItem>``, headed by its label."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        container = nodes.container(classes=["blog-tab"])
        self.set_source_info(container)
        label = self.arguments[0] if self.arguments else ""
        if label:
            inline, messages = self.parse_inline(label, lineno=self.lineno)
            container += nodes.paragraph(
                label, "", nodes.strong(label, "", *inline), classes=["blog-tab-label"]
            )
            container += messages
        container.extend(self.parse_content_to_nodes())
        return [container]


def image_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{blog-image}`src="./x.png" alt="x" width="300"``` -> an image node."""
    values = dict(_ATTRIBUTE.findall(text))
    uri = values.get("src", "")
    if not uri:
        return [], []
    image = nodes.image(rawtext, uri=uri, alt=values.get("alt", ""))
    for size in ("width", "height"):
        value = values.get(size, "")
        if re.fullmatch(r"\d+(?:\.\d+)?(?:px|%|em|rem)?", value):
            image[size] = value if not value[-1].isdigit() else f"{value}px"
    if values.get("title"):
        image["title"] = values["title"]
    return [image], []


class NestedThematicBreaks(SphinxTransform):
    """A ``---`` inside ``<details>`` or a tab is a rule there, as in Docusaurus; docutils
    allows its transitions only between sections and warns about each one our containers
    hold, so those become the ``<hr>`` the HTML writer would write."""

    #: Before docutils checks the transitions (``Transitions``, 830).
    default_priority = 820

    def apply(self, **kwargs: Any) -> None:
        for transition in list(self.document.findall(nodes.transition)):
            parent = transition.parent
            if isinstance(parent, (details, nodes.container)):
                rule = nodes.raw("", '<hr class="docutils" />\n', format="html")
                transition.replace_self(rule)


def setup_mdx(app: Sphinx) -> None:
    """Register the directives, the role and their nodes."""
    app.add_node(
        details,
        html=(_visit_details, _depart_details),
        latex=(_pass, _pass),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    app.add_node(
        summary,
        html=(_visit_summary, _depart_summary),
        latex=(_pass, _pass),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    app.add_directive("blog-details", BlogDetails)
    app.add_directive("blog-tabs", BlogTabs)
    app.add_directive("blog-tab", BlogTab)
    app.add_role(IMAGE_ROLE, image_role)
    app.add_transform(NestedThematicBreaks)
