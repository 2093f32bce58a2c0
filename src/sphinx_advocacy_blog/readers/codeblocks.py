"""Docusaurus code blocks: the fence's metastring and magic comments, as pure functions.

A Docusaurus fence says more than its language: ```` ```js title="app.js" {1,4-6}
showLineNumbers ````. The title becomes a caption, ``{1,4-6}`` the emphasized lines and
``showLineNumbers[=N]`` line numbers; without a range, magic comments in the code
(``// highlight-next-line``, ``// highlight-start`` ... ``// highlight-end``) mark the
emphasized lines and are removed. Rules and regular expressions are those of
``@docusaurus/theme-common``'s ``codeBlockUtils``. Prism's language names are mapped to
Pygments' lexers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_TITLE = re.compile(r"title=([\"'])(.*?)\1")
_RANGE = re.compile(r"\{([\d,-]+)\}")

#: Docusaurus's default ``prism.magicComments``.
DEFAULT_MAGIC_COMMENTS: tuple[Mapping[str, object], ...] = (
    {
        "className": "theme-code-block-highlighted-line",
        "line": "highlight-next-line",
        "block": {"start": "highlight-start", "end": "highlight-end"},
    },
)

_COMMENT_STYLES = {
    "js": (r"\/\/", ""),
    "jsBlock": (r"\/\*", r"\*\/"),
    "jsx": (r"\{\s*\/\*", r"\*\/\s*\}"),
    "bash": ("#", ""),
    "html": ("<!--", "-->"),
    "lua": ("--", ""),
    "wasm": (r"\;\;", ""),
    "tex": ("%", ""),
    "vb": ("['‘’]", ""),
    "vbnet": ("(?:_\\s*)?['‘’]", ""),
    "rem": (r"[Rr][Ee][Mm]\b", ""),
    "f90": ("!", ""),
    "ml": (r"\(\*", r"\*\)"),
    "cobol": (r"\*>", ""),
}
_POPULAR = ("js", "jsBlock", "jsx", "bash", "html")
_LANGUAGE_STYLES = {
    ("js", "javascript", "ts", "typescript"): ("js", "jsBlock"),
    ("jsx", "tsx"): ("js", "jsBlock", "jsx"),
    ("html",): ("js", "jsBlock", "html"),
    ("python", "py", "bash"): ("bash",),
    ("markdown", "md"): ("html", "jsx", "bash"),
    ("tex", "latex", "matlab"): ("tex",),
    ("lua", "haskell"): ("lua",),
    ("sql",): ("lua", "jsBlock"),
    ("wasm",): ("wasm",),
    ("vb", "vba", "visual-basic"): ("vb", "rem"),
    ("vbnet",): ("vbnet", "rem"),
    ("batch",): ("rem",),
    ("basic",): ("rem", "f90"),
    ("fsharp",): ("js", "ml"),
    ("ocaml", "sml"): ("ml",),
    ("fortran",): ("f90",),
    ("cobol",): ("cobol",),
}

#: Prism language names Pygments knows under another name (or not at all: ``text``).
PRISM_TO_PYGMENTS = {
    "flow": "typescript",
    "hbs": "html+handlebars",
    "handlebars": "html+handlebars",
    "gql": "graphql",
    "mdx": "markdown",
    "jsonc": "json5",
    "angular": "html",
    "svelte": "html",
    "astro": "html",
    "mjml": "html",
    "vue": "vue",
    "gradle": "groovy",
    "shellsession": "console",
    "sh-session": "console",
    "gettext": "po",
    "cmd": "batch",
    "wasm": "wast",
    "plaintext": "text",
    "plain": "text",
    "txt": "text",
    "none": "text",
    "no-syntax": "text",
    "nohighlight": "text",
    "output": "text",
    "log": "text",
    "stderr": "text",
    "stdout": "text",
    "ignore": "text",
    "csv": "text",
    "regex": "text",
}


@dataclass(frozen=True)
class CodeBlock:
    """What a Docusaurus fence shows."""

    #: Pygments lexer name (``text`` for none).
    language: str
    #: The language as the author wrote it, lower case (``""`` for none).
    written_language: str
    code: str
    title: str = ""
    #: Emphasized lines, 1-based, in the returned ``code``.
    emphasized: tuple[int, ...] = ()
    #: First line number when line numbers are shown, else ``None``.
    line_numbers_start: int | None = None


def parse_numeric_range(text: str) -> list[int]:
    """``"1,4-6"`` -> ``[1, 4, 5, 6]`` (``parse-numeric-range`` for what fences use)."""
    numbers: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(-?\d+)(?:\s*(?:-|\.\.\.?|‥)\s*(-?\d+))?", part)
        if match is None:
            continue
        start = int(match[1])
        end = int(match[2]) if match[2] is not None else start
        step = 1 if end >= start else -1
        if abs(end - start) > 10_000:
            continue
        numbers.extend(range(start, end + step, step))
    return numbers


def _directive_pattern(language: str, directives: Sequence[str]) -> re.Pattern[str]:
    styles: Iterable[str] = _POPULAR
    for names, chosen in _LANGUAGE_STYLES.items():
        if language in names:
            styles = chosen
            break
    words = "|".join(re.escape(word) for word in directives)
    alternatives = "|".join(
        f"(?:{_COMMENT_STYLES[style][0]}\\s*({words})\\s*{_COMMENT_STYLES[style][1]})"
        for style in styles
    )
    return re.compile(rf"^\s*(?:{alternatives})\s*$")


def _magic_lines(
    code: str, language: str, magic_comments: Sequence[Mapping[str, object]]
) -> tuple[str, list[int]]:
    """Remove magic-comment lines; return the code and the 0-based emphasized lines."""
    line_words: set[str] = set()
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for index, comment in enumerate(magic_comments):
        if comment.get("line"):
            line_words.add(str(comment["line"]))
        block = comment.get("block")
        if isinstance(block, Mapping) and block.get("start") and block.get("end"):
            starts[str(block["start"])] = index
            ends[str(block["end"])] = index
    directives = [*line_words, *starts, *ends]
    if not directives:
        return code, []
    pattern = _directive_pattern(language, directives)
    lines = code.split("\n")
    emphasized: set[int] = set()
    block_start: dict[int, int] = {}
    number = 0
    while number < len(lines):
        match = pattern.match(lines[number])
        if match is None:
            number += 1
            continue
        word = next(group for group in match.groups() if group is not None)
        if word in line_words:
            emphasized.add(number)
        elif word in starts:
            block_start[starts[word]] = number
        elif word in ends:
            emphasized.update(range(block_start.get(ends[word], 0), number))
        del lines[number]
    return "\n".join(lines), sorted(emphasized)


def pygments_language(language: str, known: Mapping[str, str] | None = None) -> str:
    """The Pygments lexer name for a Prism language name (lower case)."""
    mapping = PRISM_TO_PYGMENTS if known is None else {**PRISM_TO_PYGMENTS, **known}
    return mapping.get(language, language) or "text"


def parse_code_block(
    info: str,
    code: str,
    *,
    magic_comments: Sequence[Mapping[str, object]] = DEFAULT_MAGIC_COMMENTS,
    default_language: str = "",
    aliases: Mapping[str, str] | None = None,
) -> CodeBlock:
    """A fence's info string (``js title="x" {1,3}``) and code -> :class:`CodeBlock`."""
    language, _, meta = info.strip().partition(" ")
    if language.startswith("{") or "=" in language:
        # ```{1,3} or ```title="x": a metastring without a language.
        language, meta = "", info.strip()
    written = language.lower()
    language = written or default_language.lower() or "text"
    code = re.sub(r"\r?\n$", "", code)
    title_match = _TITLE.search(meta)
    title = title_match[2] if title_match else ""
    range_match = _RANGE.search(meta)
    if range_match:
        emphasized = [n - 1 for n in parse_numeric_range(range_match[1]) if n > 0]
    else:
        code, emphasized = _magic_lines(code, language, magic_comments)
    line_count = code.count("\n") + 1
    start = None
    for word in meta.split(" "):
        if word.startswith("showLineNumbers"):
            value = word[len("showLineNumbers=") :] if word.startswith("showLineNumbers=") else ""
            start = int(value) if value.isdigit() else 1
            break
    return CodeBlock(
        language=pygments_language(language, aliases),
        written_language=written,
        code=code,
        title=title,
        emphasized=tuple(sorted({n + 1 for n in emphasized if 0 <= n < line_count})),
        line_numbers_start=start,
    )
