"""Placeholder nodes: put in the doctree when a document is read, filled when written.

What they show (authors, tags, neighbours, lists of posts) depends on other files, so it is
rendered at ``doctree-resolved`` from the current data; the doctree only marks the place.
"""

from __future__ import annotations

from docutils import nodes


def enclosing_section(node: nodes.Node) -> nodes.section | None:
    """The nearest section *node* is in (``None`` outside any)."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


def source_line(node: nodes.Node) -> int | None:
    """The source line of *node*, else of the nearest enclosing node that has one.

    Not :func:`docutils.utils.get_source_line`: it stops at the first node with a source,
    and Sphinx gives some nodes a source with line 0 ("unknown"): an image inside a link
    (``[![](image)](url)``) then had line 0, and its warning said line 1.
    """
    current: nodes.Node | None = node
    while current is not None:
        if current.line:
            return current.line
        current = current.parent
    return None


def line_in_raw(raw: nodes.raw, url: str) -> int | None:
    """The line of *url* in a piece of HTML: the HTML's own line, plus the lines before the
    URL within it (a ``<p>`` over several lines names the line of its ``<img>``)."""
    line = source_line(raw)
    if line is None:
        return None
    text = raw.astext()
    # The URL as written may be HTML-escaped (``&amp;``); its start is enough to find it.
    position = text.find(url.split("&")[0])
    return line + text.count("\n", 0, position) if position > 0 else line


class post_header(nodes.General, nodes.Element):
    """Date, reading time, authors and tags under a post's title."""


class post_footer(nodes.General, nodes.Element):
    """Tags and previous/next post links at the end of a post."""


class excerpt_marker(nodes.Invisible, nodes.Element):
    """Where ``<!-- truncate -->`` was: the excerpt is everything before it."""


class heading_id(nodes.Inline, nodes.Element):
    """A heading's explicit id (``## Title {#my-id}``): ``anchor``; removed when read."""


class post_listing(nodes.General, nodes.Element):
    """A ``postlist``/``tagcloud``/``blog-authors``/``blog-archive`` directive's output."""


class post_excerpt(nodes.General, nodes.Element):
    """Where ABlog's ``post`` directive stood, holding its content (the explicit excerpt).

    Attributes: ``hidden`` (``:exclude:``: the content is the excerpt only, not shown on
    the page), ``paragraphs`` and ``image`` (the excerpt ABlog makes when there is no
    content: the first N paragraphs of the post, and its N-th image). Replaced by its
    content (or nothing) when the page is written, after the excerpt was kept.
    """


class language_switcher(nodes.General, nodes.Element):
    """Placeholder for the ``language-switcher`` directive, filled when written."""


class page_part_html(nodes.General, nodes.Element):
    """A post's rendered header or footer (``html`` attribute), written out as it is.

    Unlike ``nodes.raw``, Sphinx's search indexer does not read it, so the dates, labels
    and the neighbouring posts' titles in the pager are not indexed as the post's words.
    """


def visit_page_part_html(translator: nodes.NodeVisitor, node: page_part_html) -> None:
    """HTML translators: append the node's markup (already escaped by its template)."""
    translator.body.append(node["html"])
    raise nodes.SkipNode


PLACEHOLDER_NODES = (post_header, post_footer, excerpt_marker, post_listing, post_excerpt)
