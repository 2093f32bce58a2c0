"""Turn Docusaurus Markdown into MyST Markdown, keeping every line where it was.

All functions here are pure and keep the number of lines unchanged, so that MyST's and our
own warnings point at the right line of the author's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..model.post import HeadTag
from ..model.problem import Problem
from .mdx import convert_mdx
from .mdx_syntax import ADMONITION_OPEN, is_fence
from .settings import MdxSettings

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
#: The ``>`` markers of a block quote a line is in (a fence may stand inside one).
_QUOTE = re.compile(r"^(?:[ ]{0,3}>[ ]?)*")


def _fence(line: str) -> re.Match[str] | None:
    """The fence a line opens or closes (:func:`~.mdx_syntax.is_fence`)."""
    match = _FENCE.match(line)
    return match if match and is_fence(match.group(1), line[match.end() :]) else None


# Docusaurus's marker, its MDX form, and Hugo/Jekyll/WordPress's ``<!--more-->``.
_TRUNCATE = re.compile(r"^\s*(?:<!--\s*(?:truncate|more)\s*-->|\{/\*\s*truncate\s*\*/\})\s*$")
_MDX_IMPORT_EXPORT = re.compile(r"^(?:import\s.+|import\s*\{.*|export\s.+)$")
_JSX_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}")


_COMMENT_OR_CODE = re.compile(r"`+|\{\s*/\*")


def remove_jsx_comments(line: str) -> str:
    """*line* without its JSX comments (``{/* note */}``), read from left to right as MDX
    does: a comment in inline code (`` `{/* x */}` ``) is code, and code in a comment
    (``{/* see `x` */}``) is comment."""
    out = []
    position = 0
    while (found := _COMMENT_OR_CODE.search(line, position)) is not None:
        if found.group(0).startswith("`"):
            run = found.group(0)
            end = line.find(run, found.end())
            # A code span ends at the same number of backticks; none: they are text.
            stop = end + len(run) if end >= 0 else found.end()
            out.append(line[position:stop])
            position = stop
            continue
        comment = _JSX_COMMENT.match(line, found.start())
        if comment is None:
            out.append(line[position : found.end()])
            position = found.end()
            continue
        out.append(line[position : found.start()])
        position = comment.end()
    out.append(line[position:])
    return "".join(out)


_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# Docusaurus's explicit heading id (``## Title {#my-id}``; ``mdx-loader``'s regex), and
# its MDX form (``## Title {/* #my-id */}``: the first word after ``#``).
_EXPLICIT_ID = re.compile(r"\s*\\?\{#(?P<id>(?:.(?!\{#|\}))*.)\}[ \t]*$")
_COMMENT_ID = re.compile(r"\s*\{\s*/\*\s*#(?P<id>[^\s*]+)[^}]*?\*/\s*\}[ \t]*$")
_META_RANGE = re.compile(r"\{[\d,\s-]*\}")
_HEAD_OPEN = re.compile(r"^\s*<head>\s*$", re.IGNORECASE)
_HEAD_CLOSE = re.compile(r"^\s*</head>\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Neither spans lines (words are counted in the text joined from its lines).
_HTML_TAG = re.compile(r"<[^>\n]+>")
_MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")

#: The directive every code fence of a post becomes (``directives/code.py``).
CODE_DIRECTIVE = "blog-code"
#: The role that carries a heading's explicit id to the doctree (``env/headings.py``).
HEADING_ID_ROLE = "blog-heading-id"
#: The marker left in the MyST source where the excerpt ends.
TRUNCATE_MARKER = "<!-- truncate -->"
#: A front-matter title is parsed as this ``# heading`` on the (blank) first line, so body
#: headings nest under it; the reader's transform then puts the real title text in.
TITLE_PLACEHOLDER = "advocacy-blog-front-matter-title"


@dataclass(frozen=True)
class ConvertedBody:
    """The MyST text of a post body and what was taken out of it."""

    text: str
    head_tags: tuple[HeadTag, ...]
    has_truncate_marker: bool
    word_count: int
    #: Line (1-based, in the whole file) of the ``<head>`` block, if any.
    head_line: int | None = None
    #: MDX components the blog does not know (one per component).
    problems: tuple[Problem, ...] = ()


class _HeadParser(HTMLParser):
    """Collects ``<title>``, ``<meta>`` and ``<link>`` elements of a ``<head>`` block."""

    def __init__(self, first_line: int = 1) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[HeadTag] = []
        self._title: list[str] | None = None
        self._title_line = 0
        self._first_line = first_line

    def _line(self) -> int:
        return self._first_line + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = tuple((name, value or "") for name, value in attrs if name != "key")
        if tag in ("meta", "link"):
            self.tags.append(HeadTag(tag=tag, attributes=pairs, line=self._line()))
        elif tag == "title":
            self._title = []
            self._title_line = self._line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            text = "".join(self._title).strip()
            self.tags.append(HeadTag(tag="title", text=text, line=self._title_line))
            self._title = None


def parse_head_block(html: str, first_line: int = 1) -> tuple[HeadTag, ...]:
    """The ``<title>``, ``<meta>`` and ``<link>`` elements of a ``<head>`` block, each with
    its line in the file (*first_line* is the block's)."""
    parser = _HeadParser(first_line)
    parser.feed(html)
    parser.close()
    return tuple(parser.tags)


def count_words(lines: list[str]) -> int:
    """Words a reader reads: code blocks, HTML tags and link targets do not count."""
    prose = []
    in_fence = False
    for line in lines:
        if _fence(line):
            in_fence = not in_fence
        elif not in_fence:
            prose.append(line)
    text = _MARKDOWN_LINK_TARGET.sub("]", _HTML_TAG.sub(" ", "\n".join(prose)))
    return word_count(text)


def word_count(text: str) -> int:
    """How many :data:`_WORD` matches *text* holds.

    A match never spans white space, and a run of letters and digits alone is exactly one
    (``str.isalnum`` is the ``[^\\W_]`` of the pattern), so only the tokens holding other
    characters (``end.``, ``don't``, ``state-of-the-art``) go through the pattern: most
    words of prose do not, and the count costs about half of matching the whole text.
    """
    count = 0
    for token in text.split():
        count += 1 if token.isalnum() else len(_WORD.findall(token))
    return count


def code_fence_line(line: str, fence: str, *, mermaid: bool = False) -> str:
    """The opening line of a fence, as the ``blog-code`` directive (or ``mermaid``'s).

    A fence already written for MyST (```` ```{note} ````) is left alone; Docusaurus's
    metastring (``title="x" {1,3}``) stays on the line for the directive to read.
    """
    start = line.index(fence)
    info = line[start + len(fence) :].strip()
    head = line[: start + len(fence)]
    first = info.split(maxsplit=1)[0] if info else ""
    if first.startswith("{") and not _META_RANGE.fullmatch(first):
        return line
    if first.lower() == "mermaid" and mermaid:
        return f"{head}{{mermaid}}"
    return f"{head}{{{CODE_DIRECTIVE}}} {info}".rstrip()


def mark_heading_id(line: str) -> str:
    """``## Title {#my-id}`` -> ``## Title {blog-heading-id}`my-id``` (one line, same
    place), so the heading keeps Docusaurus's explicit id and the text loses it."""
    if not _ATX_HEADING.match(line) or "{" not in line:
        return line
    match = _EXPLICIT_ID.search(line) or _COMMENT_ID.search(line)
    if match is None:
        return line
    anchor = match["id"].strip().replace("`", "")
    if not anchor:
        return line
    return f"{line[: match.start()]} {{{HEADING_ID_ROLE}}}`{anchor}`"


#: The first characters (after indentation) of the lines :func:`convert_body` may rewrite:
#: fences, quotes, ``<head>`` and truncate markers, admonitions, headings, JSX comments,
#: link reference definitions.
_SPECIAL_STARTS = frozenset("`~<:#>{[")
#: A link reference definition (``[label]: https://...``) and its label.
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\]|\\.)+)\]:")


def _label_key(label: str) -> str:
    """A definition's label as CommonMark compares them (case and spacing ignored)."""
    return " ".join(label.split()).casefold()


def _is_plain(line: str, mdx: bool) -> bool:
    """Whether :func:`convert_body` keeps *line* as it is, outside a code fence: most
    lines of prose, told at a glance rather than by each rewriting rule in turn."""
    first = line.lstrip()[:1]
    if not first:
        return True
    if first in _SPECIAL_STARTS or "/*" in line:
        return False
    return not (mdx and first in "ie")


def convert_body(
    text: str,
    *,
    mdx: bool = False,
    first_line: int = 1,
    mermaid: bool = False,
    path: str = "",
    mdx_settings: MdxSettings | None = None,
) -> ConvertedBody:
    """Convert a Docusaurus post body to MyST, line for line.

    * the ``<head>…</head>`` block is blanked and its tags returned;
    * ``:::note[Title]`` / ``:::tip Title`` become ``:::{blog-note} Title``;
    * ``{/* truncate */}`` becomes ``<!-- truncate -->``; other JSX comments are removed;
    * a link reference definition whose label was defined before is blanked: the first
      one wins, as in CommonMark, where MyST would warn about each later one;
    * a heading's explicit id ``{#my-id}`` becomes a role the doctree transform reads;
    * MDX components, ``import``/``export`` lines and ``{' '}`` are rewritten
      (:mod:`.mdx`); in ``.mdx`` files, other top-level ``import``/``export`` lines too;
    * every code fence becomes the ``blog-code`` directive (``mermaid``'s, with *mermaid*).

    *first_line* is the line number of the body's first line in the file.
    """
    # The body keeps the front matter's lines (blank): its index is the file's line - 1.
    lines, problems = convert_mdx(text.split("\n"), path=path, settings=mdx_settings)
    out: list[str] = []
    head_tags: tuple[HeadTag, ...] = ()
    head_line: int | None = None
    has_truncate = False
    fence: str | None = None
    index = 0
    counted: list[str] = []
    defined: set[str] = set()
    last_definition = -2
    while index < len(lines):
        line = lines[index]
        if fence is None and _is_plain(line, mdx):
            out.append(line)
            counted.append(line)
            index += 1
            continue
        quote = _QUOTE.match(line).group(0)  # type: ignore[union-attr]
        inner = line[len(quote) :]
        fence_match = _fence(inner)
        if fence is not None:
            closes = (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
                and not inner[fence_match.end() :].strip()
            )
            if closes and "\t" in inner[: fence_match.start(1)]:  # type: ignore[union-attr]
                # Docusaurus closes a fence on a tab-indented line; CommonMark (MyST)
                # counts the tab as four spaces and would not: the fence is unindented.
                line = quote + inner.lstrip(" \t")
            out.append(line)
            counted.append(line)
            if closes:
                fence = None
            index += 1
            continue
        if fence_match:
            fence = fence_match.group(1)
            out.append(quote + code_fence_line(inner, fence, mermaid=mermaid))
            counted.append(line)
            index += 1
            continue
        if not head_tags and head_line is None and _HEAD_OPEN.match(line):
            end = index
            while end < len(lines) and not _HEAD_CLOSE.match(lines[end]):
                end += 1
            if end < len(lines):
                head_line = first_line + index
                head_tags = parse_head_block("\n".join(lines[index : end + 1]), head_line)
                out.extend("" for _ in range(index, end + 1))
                index = end + 1
                continue
        if _TRUNCATE.match(line):
            has_truncate = True
            out.append(TRUNCATE_MARKER)
            index += 1
            continue
        if mdx and _MDX_IMPORT_EXPORT.match(line):
            out.append("")
            index += 1
            continue
        admonition = ADMONITION_OPEN.match(line)
        if admonition:
            title = admonition["bracket_title"] or admonition["title"] or ""
            converted = f"{admonition['indent']}{admonition['colons']}{{blog-{admonition['kind']}}}"
            out.append(f"{converted} {title}".rstrip())
            index += 1
            continue
        definition = _DEFINITION.match(line)
        # A definition cannot interrupt a paragraph: it follows a blank line or another.
        if definition and (
            index == 0 or not lines[index - 1].strip() or last_definition == index - 1
        ):
            last_definition = index
            label = _label_key(definition[1])
            if label in defined:
                out.append("")
                index += 1
                continue
            defined.add(label)
        line = mark_heading_id(line)
        if "/*" in line:
            # Not in inline code: `{/* prettier-ignore */}` is shown as written.
            line = remove_jsx_comments(line)
        out.append(line)
        counted.append(line)
        index += 1
    return ConvertedBody(
        text="\n".join(out),
        head_tags=head_tags,
        has_truncate_marker=has_truncate,
        word_count=count_words(counted),
        head_line=head_line,
        problems=tuple(problems),
    )
