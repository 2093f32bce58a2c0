"""Placeholder nodes: put in the doctree when a document is read, filled when written.

What they show (authors, tags, neighbours, lists of posts) depends on other files, so it is
rendered at ``doctree-resolved`` from the current data; the doctree only marks the place.
"""

from __future__ import annotations

from docutils import nodes


class post_header(nodes.General, nodes.Element):
    """Date, reading time, authors and tags under a post's title."""


class post_footer(nodes.General, nodes.Element):
    """Tags and previous/next post links at the end of a post."""


class excerpt_marker(nodes.Invisible, nodes.Element):
    """Where ``<!-- truncate -->`` was: the excerpt is everything before it."""


class post_listing(nodes.General, nodes.Element):
    """A ``postlist``/``tagcloud``/``blog-authors``/``blog-archive`` directive's output."""


PLACEHOLDER_NODES = (post_header, post_footer, excerpt_marker, post_listing)
