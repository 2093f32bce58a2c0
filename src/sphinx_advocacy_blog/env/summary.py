"""A post's plain-text summary: its first paragraph of prose, cut to a few sentences.

Lists without excerpts, feeds and the default meta description read it.
"""

from __future__ import annotations

from docutils import nodes

#: Characters kept of the first paragraph (cut at a word, with an ellipsis).
SUMMARY_LENGTH = 300
#: Words that stand in for a picture that is not shown (a missing or refused image): not
#: the post's prose.
STAND_IN_CLASSES = frozenset({"blog-missing-image", "blog-refused-image"})


def _not_prose(node: nodes.Node) -> bool:
    if isinstance(node, (nodes.footnote_reference, nodes.citation_reference)):
        return True
    return isinstance(node, nodes.inline) and not STAND_IN_CLASSES.isdisjoint(node["classes"])


def first_paragraph_text(doctree: nodes.Node) -> str:
    """Plain text of the first body paragraph (not in an admonition, table or header)."""
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        inside_other = False
        while parent is not None:
            if isinstance(parent, (nodes.Admonition, nodes.table, nodes.field_list)):
                inside_other = True
                break
            parent = parent.parent
        if inside_other:
            continue
        # Footnote and citation numbers are not words of the sentence, nor the alt text
        # that stands in for a missing picture.
        copy = paragraph.deepcopy()
        for mark in list(copy.findall(_not_prose)):
            mark.parent.remove(mark)
        text = " ".join(copy.astext().split())
        if text:
            return text
    return ""


def summary_of(node: nodes.Node) -> str:
    """The first paragraph of *node* (a doctree, a section) as plain text, cut at a word
    after :data:`SUMMARY_LENGTH` characters."""
    text = first_paragraph_text(node)
    if len(text) > SUMMARY_LENGTH:
        text = text[:SUMMARY_LENGTH].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
    return text
