"""Markdown written inside raw HTML, as MDX reads it: a pure reader.

MDX (which Docusaurus compiles ``.md`` and ``.mdx`` posts with) parses the text inside
HTML elements as Markdown, where CommonMark (MyST) passes an HTML block through as it
is. A caption such as::

    <figure>
      <img src="./chart.png" alt="A chart" />
      <figcaption>
        Source: [World Wide Web Consortium](https://www.w3.org/)
      </figcaption>
    </figure>

would show its ``[...](...)`` as text. :func:`inline_markdown` renders the inline
Markdown of such a line (links, code, emphasis) to HTML with markdown-it, the parser
MyST itself uses, so the text is escaped by it and not by hand.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

#: Inline Markdown worth rendering: a link, a code span, strong or emphasised text.
_INLINE_MARKDOWN = re.compile(
    r"\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"]*\")?\)"  # [text](url "title")
    r"|`[^`\n]+`"  # `code`
    r"|\*\*[^*\n]+\*\*|__[^_\n]+__"  # **strong**
    r"|(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])"  # *emphasis*
)


_VERBATIM_OPEN = re.compile(r"<(pre|code|script|style|textarea)\b", re.IGNORECASE)
_VERBATIM_CLOSE = re.compile(r"</(pre|code|script|style|textarea)\s*>", re.IGNORECASE)
#: A verbatim element opened and closed on one line (``split`` gives it, then its name).
_VERBATIM_SPAN = re.compile(
    r"(<(pre|code|script|style|textarea)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL
)


def opens_verbatim(line: str) -> bool:
    """Whether *line* opens a ``<pre>``, ``<code>``, ``<script>``, ``<style>`` or
    ``<textarea>``, whose text is never Markdown."""
    return bool(_VERBATIM_OPEN.search(line))


def verbatim_after(line: str, verbatim: bool) -> bool:
    """Whether the line after *line* is inside a ``<pre>``, ``<code>``... element
    (*verbatim*: whether *line* starts inside one)."""
    opens = [match.end() for match in _VERBATIM_OPEN.finditer(line)]
    closes = [match.end() for match in _VERBATIM_CLOSE.finditer(line)]
    if not opens and not closes:
        return verbatim
    return bool(opens) and (not closes or max(opens) > max(closes))


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})


def has_inline_markdown(line: str) -> bool:
    """Whether *line* holds inline Markdown that raw HTML would show as text.

    Not when it has an image (``![alt](./x.png)``): in raw HTML its file would not be
    published, and the line is left as it was."""
    return "![" not in line and bool(_INLINE_MARKDOWN.search(line))


class HtmlText:
    """The lines of a post's raw HTML blocks, one after the other: their inline Markdown
    rendered, except inside a ``<pre>``, ``<code>``, ``<script>``..."""

    def __init__(self) -> None:
        #: Whether the next line starts inside a ``<pre>``... element.
        self.verbatim = False

    def line(self, source: str, converted: str, *, in_html: bool) -> str:
        """*converted* (the line *source* after the MDX rewriting), with its Markdown
        rendered when it is text of an HTML block (*in_html*)."""
        if not in_html:
            self.verbatim = False
            return converted
        markdown = not self.verbatim
        self.verbatim = verbatim_after(source, self.verbatim)
        if not markdown or not has_inline_markdown(converted):
            return converted
        if not opens_verbatim(converted):
            return inline_markdown(converted)
        # ``<code>x</code> and [a link](y)``: the Markdown outside the element only.
        pieces = _VERBATIM_SPAN.split(converted)
        rendered = []
        for number, piece in enumerate(pieces):
            if number % 3 == 1:
                rendered.append(piece)  # a whole <code>...</code> of this line
            elif number % 3 == 0:
                opened = _VERBATIM_OPEN.search(piece)
                text, rest = (
                    (piece[: opened.start()], piece[opened.start() :]) if opened else (piece, "")
                )
                rendered.append(_render_piece(text) + rest)
                if opened:
                    break  # left open: the rest of the line is inside it
        return "".join(rendered)


def _render_piece(text: str) -> str:
    """A piece of a line between verbatim elements, rendered with its outer spaces kept."""
    if not has_inline_markdown(text):
        return text
    stripped = text.strip()
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    return start + _parser().renderInline(stripped).strip() + end


def inline_markdown(line: str) -> str:
    """*line* (a line of raw HTML) with its inline Markdown rendered, its indentation and
    its HTML tags kept."""
    return _render_piece(line.rstrip())
