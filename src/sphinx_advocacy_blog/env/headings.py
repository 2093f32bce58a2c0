"""Heading anchors exactly as Docusaurus makes them, on every post page.

Docusaurus gives each heading of a post (h1-h6, in document order, including those inside
admonitions, ``<details>`` and tabs) the id github-slugger makes of its text, with ``-1``,
``-2``... for repeats on the page, or the explicit id of ``## Title {#my-id}``. Links from
other sites and between posts (``post#section``) rely on those ids. :class:`HeadingIds`
gives each section (and rubric: a heading inside a container) that id as its first id; the
docutils id stays as a second anchor. ``[text](#anchor)`` links on the page then point at it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..readers.markdown import HEADING_ID_ROLE
from ..util.slugs import GithubSlugger
from .discovery import is_ablog_post
from .nodes import heading_id
from .records import READING_KEY

if TYPE_CHECKING:
    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx

#: Nodes whose text does not count in Docusaurus's heading text (HTML, footnote marks).
_NOT_TEXT = (nodes.raw, nodes.footnote_reference, nodes.citation_reference, heading_id)


def heading_id_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{blog-heading-id}`my-id``` (written by the reader for ``{#my-id}``)."""
    return [heading_id(anchor=text.strip())], []


def heading_text(title: nodes.Element) -> str:
    """The text Docusaurus slugs: the heading's text without HTML, images by their alt."""
    parts: list[str] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, _NOT_TEXT):
            return
        if isinstance(node, nodes.image):
            parts.append(str(node.get("alt", "")))
            return
        if isinstance(node, nodes.Text):
            parts.append(str(node))
            return
        for child in node.children:
            walk(child)

    walk(title)
    return "".join(parts)


def _claim(document: nodes.document, node: nodes.Element, anchor: str) -> None:
    """Make *anchor* the first id of *node*, taking it from any other node that had it."""
    holder = document.ids.get(anchor)
    if holder is not None and holder is not node and anchor in holder["ids"]:
        holder["ids"].remove(anchor)
        if not holder["ids"]:
            document.set_id(holder)  # every section needs an id (tables of contents)
    if anchor in node["ids"]:
        node["ids"].remove(anchor)
    node["ids"].insert(0, anchor)
    document.ids[anchor] = node


class HeadingIds(SphinxTransform):
    """Give a post's headings Docusaurus's ids, and point ``[x](#id)`` links at them."""

    # After docutils' and Sphinx's id assignment (PropagateTargets 260, SortIds 261),
    # before MyST resolves ``#anchor`` links (879) and before smart quotes change the text.
    default_priority = 265

    def apply(self, **kwargs: Any) -> None:
        if self.env.temp_data.get(READING_KEY) is None:
            return
        document = self.document
        if not is_ablog_post(self.env, self.env.docname):
            # Docusaurus shows quotes as written: no "smart" quotes in its posts.
            document["support_smartquotes"] = False
        title_section = next(
            (child for child in document.children if isinstance(child, nodes.section)), None
        )
        slugger = GithubSlugger()
        assigned: set[str] = set()
        for node in list(document.findall(_is_heading)):
            if node is title_section:
                continue
            title = node if isinstance(node, nodes.rubric) else node.next_node(nodes.title)
            if title is None:
                continue
            explicit = next(iter(title.findall(heading_id)), None)
            for marker in list(title.findall(heading_id)):
                marker.parent.remove(marker)
            if explicit is not None:
                anchor = explicit["anchor"]
            else:
                anchor = slugger.slug(heading_text(title).strip())
            if anchor and anchor not in assigned:
                _claim(document, node, anchor)
                assigned.add(anchor)
        if title_section is not None:
            for marker in list(title_section.findall(heading_id)):
                marker.parent.remove(marker)
        for reference in document.findall(nodes.reference):
            target = str(reference.get("refuri", ""))
            if reference.get("id_link") and target[1:] in assigned:
                del reference["refuri"]
                del reference["id_link"]
                reference["refid"] = target[1:]
                reference["internal"] = True


def _is_heading(node: nodes.Node) -> bool:
    return isinstance(node, (nodes.section, nodes.rubric))


def _skip(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_headings(app: Sphinx) -> None:
    """Register the transform, the explicit-id role and its (never written) node."""
    app.add_role(HEADING_ID_ROLE, heading_id_role)
    app.add_node(
        heading_id,
        html=(_skip, None),
        latex=(_skip, None),
        text=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_transform(HeadingIds)
