"""JSX tags in MDX text: a small tokenizer, attribute values, and one-line rewrites.

Pure functions used by :mod:`.mdx`. A tag is ``<Name attr="x" other={expr} flag>``,
``</Name>``, ``<Name ... />`` or a fragment ``<>``/``</>``; an attribute value is a
string, an ``{expression}`` (kept as its source) or nothing (``true``). Expressions are
never evaluated: the few forms posts use (``require('./x.png').default``,
``useBaseUrl('/img/x.png')``, ``{12}``, ``{'text'}``, ``style={{a: 1}}``) are read as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_:@][\w.:-]*")
_REQUIRE = re.compile(r"""^\s*require\(\s*(['"`])([^'"`]+)\1\s*\)(?:\.default)?\s*$""")
_USE_BASE_URL = re.compile(r"""^\s*useBaseUrl\(\s*(['"`])([^'"`]+)\1\s*\)\s*$""")
_STRING_EXPRESSION = re.compile(r"""^\s*(['"`])(.*)\1\s*$""", re.DOTALL)
_NUMBER = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")
#: CSS properties that take plain numbers (React adds ``px`` to the others).
_UNITLESS = frozenset(
    {"flex", "flexgrow", "flexshrink", "fontweight", "lineheight", "opacity", "order"}
    | {"zindex", "zoom", "gridrow", "gridcolumn", "columncount", "tabsize", "orphans", "widows"}
)


#: An MDX ``import``/``export`` statement (its first line).
IMPORT = re.compile(
    r"""^(?:import\s+(?:[\w*{}\s,$]+\s+from\s+)?['"][^'"]+['"];?|import\s*\{[^}]*$"""
    r"""|export\s+(?:default\s+|const\s+|function\s+|let\s+|\{).*)\s*$"""
)
#: The line that ends a multi-line ``import {``.
_IMPORT_END = re.compile(r"""from\s+['"][^'"]+['"];?\s*$""")


def esm_end(lines: list[str], index: int) -> int:
    """The index after the ``import``/``export`` statement starting at ``lines[index]``."""
    line = lines[index]
    index += 1
    if line.lstrip().startswith("import") and not _IMPORT_END.search(line) and "{" in line:
        while index < len(lines) and not _IMPORT_END.search(lines[index]):
            index += 1
        return min(index + 1, len(lines))
    if line.lstrip().startswith("export"):
        depth = sum(line.count(c) for c in "{[(") - sum(line.count(c) for c in "}])")
        while depth > 0 and index < len(lines):
            depth += sum(lines[index].count(c) for c in "{[(")
            depth -= sum(lines[index].count(c) for c in "}])")
            index += 1
    return index


@dataclass(frozen=True)
class Expression:
    """An attribute value written as ``{...}``: its source, not evaluated."""

    source: str


@dataclass
class JsxTag:
    """One tag: ``kind`` is ``open``, ``close`` or ``self`` (self-closing)."""

    name: str
    kind: str
    attributes: list[tuple[str, str | Expression | None]] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def get(self, name: str) -> str | Expression | None:
        for key, value in self.attributes:
            if key == name:
                return value
        return None

    def text(self, name: str) -> str:
        """An attribute as text: a string, a string expression, a number; else ``""``."""
        return value_text(self.get(name))

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attributes)


def _skip_braces(text: str, pos: int) -> int:
    """Position after the ``}`` matching the ``{`` at *pos* (strings and nesting
    respected); ``-1`` when the text ends first."""
    depth = 0
    quote = ""
    index = pos
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                quote = ""
        elif char in "'\"`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1


def scan_tag(text: str, pos: int) -> JsxTag | None:
    """The tag starting at ``text[pos] == "<"``, or ``None`` if none (or unfinished)."""
    if text.startswith("<>", pos):
        return JsxTag("", "open", start=pos, end=pos + 2)
    if text.startswith("</>", pos):
        return JsxTag("", "close", start=pos, end=pos + 3)
    index = pos + 1
    closing = text.startswith("/", index)
    if closing:
        index += 1
    name = _NAME.match(text, index)
    if name is None:
        return None
    tag = JsxTag(name.group(), "close" if closing else "open", start=pos)
    index = name.end()
    while index < len(text):
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return None
        if text.startswith("/>", index):
            tag.kind = "self"
            tag.end = index + 2
            return tag
        if text[index] == ">":
            tag.end = index + 1
            return tag
        if text[index] == "{":  # {...spread}
            end = _skip_braces(text, index)
            if end < 0:
                return None
            index = end
            continue
        attribute = _ATTRIBUTE_NAME.match(text, index)
        if attribute is None or closing:
            return None
        index = attribute.end()
        value: str | Expression | None = None
        if text.startswith("=", index):
            index += 1
            if index < len(text) and text[index] in "'\"":
                end = text.find(text[index], index + 1)
                if end < 0:
                    return None
                value = text[index + 1 : end]
                index = end + 1
            elif index < len(text) and text[index] == "{":
                end = _skip_braces(text, index)
                if end < 0:
                    return None
                value = Expression(text[index + 1 : end - 1])
                index = end
            else:
                return None
        tag.attributes.append((attribute.group(), value))
    return None


def value_text(value: str | Expression | None) -> str:
    """An attribute value as text (see :func:`JsxTag.text`)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Expression):
        source = value.source
        for pattern in (_REQUIRE, _USE_BASE_URL, _STRING_EXPRESSION):
            match = pattern.match(source)
            if match:
                return match.group(2)
        if _NUMBER.match(source):
            return source.strip()
    return ""


def style_text(source: str) -> str:
    """``{display: 'block', marginTop: 8}`` -> ``display: block; margin-top: 8px``."""
    inner = source.strip()
    if inner.startswith("{") and inner.endswith("}"):
        inner = inner[1:-1]
    declarations = []
    for part in _split_top_level(inner):
        key, colon, raw = part.partition(":")
        if not colon:
            continue
        key = key.strip().strip("'\"")
        raw = raw.strip()
        string = _STRING_EXPRESSION.match(raw)
        if string:
            value = string.group(2)
        elif _NUMBER.match(raw):
            value = raw if key.lower() in _UNITLESS or raw == "0" else f"{raw}px"
        else:
            continue
        css = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", key).lower()
        if re.fullmatch(r"-?[a-z][a-z-]*", css) and not re.search(r"[;{}<>]", value):
            declarations.append(f"{css}: {value}")
    return "; ".join(declarations)


def _split_top_level(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"`":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [part for part in parts if part.strip()]


def _attribute_html(name: str, value: str | Expression | None) -> str | None:
    """One attribute as HTML, or ``None`` to drop it (an expression we cannot read)."""
    html_name = {"className": "class", "htmlFor": "for"}.get(name, name)
    if value is None:
        return html_name
    if isinstance(value, Expression):
        if name == "style":
            text = style_text(value.source)
            return f'style="{text}"' if text else None
        text = value_text(value)
        if not text and value.source.strip() in ("true", "false"):
            return html_name if value.source.strip() == "true" else None
        if not text:
            return None
        value = text
    return f'{html_name}="{html.escape(value, quote=True)}"'


#: HTML elements without content, the only ones a ``/>`` may close.
_VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def html_tag(tag: JsxTag) -> str:
    """A JSX tag of an HTML element written as HTML (``className``, ``style={{}}``...)."""
    if tag.kind == "close":
        # ``<br></br>``: a void element has no end tag (browsers read ``</br>`` as a ``<br>``).
        return "" if tag.name.lower() in _VOID_ELEMENTS else f"</{tag.name}>"
    parts = [tag.name]
    for name, value in tag.attributes:
        attribute = _attribute_html(name, value)
        if attribute:
            parts.append(attribute)
    if tag.kind == "self" and tag.name.lower() not in _VOID_ELEMENTS:
        # ``<iframe ... />``: browsers ignore the slash of an element that is not void,
        # and the rest of the page would be inside the iframe.
        return "<" + " ".join(parts) + f"></{tag.name}>"
    return "<" + " ".join(parts) + (" />" if tag.kind == "self" else ">")


def outside_code(line: str, change: Callable[[str], str]) -> str:
    """*line* with *change* applied to its text outside inline code spans."""
    if "`" not in line:
        return change(line)
    pieces = re.split(r"(`+[^`]*?`+)", line)
    return "".join(piece if index % 2 else change(piece) for index, piece in enumerate(pieces))


def find_tags(line: str) -> list[JsxTag]:
    """The complete tags of one line, outside inline code spans."""
    tags: list[JsxTag] = []
    index = 0
    while index < len(line):
        char = line[index]
        if char == "`":
            run = len(line[index:]) - len(line[index:].lstrip("`"))
            end = line.find("`" * run, index + run)
            if end < 0:
                index += run
                continue
            index = end + run
            continue
        if char == "\\":
            index += 2
            continue
        if char == "<":
            tag = scan_tag(line, index)
            if tag is not None:
                tags.append(tag)
                index = tag.end
                continue
        index += 1
    return tags


def bundled_image(tag: JsxTag) -> bool:
    """An image Docusaurus bundles (``src={require(...)}``, ``<Image img=...>``): its file
    is copied by Sphinx. A plain ``src="..."`` is a URL relative to the page, as in HTML."""
    return tag.name != "img" or not isinstance(tag.get("src"), str)


def closing_tag(tags: list[JsxTag], number: int) -> JsxTag | None:
    """The closing tag, later on the line, of ``tags[number]``."""
    name = tags[number].name
    return next((t for t in tags[number + 1 :] if t.name == name and t.kind == "close"), None)


def tag_over_lines(lines: list[str], index: int) -> tuple[JsxTag, str, int] | None:
    """The tag at the start of ``lines[index]`` (after its indent), which may go on over
    the next lines (up to 40): ``(tag, the lines joined with newlines, number of lines)``;
    ``None`` when no tag starts there or it never ends."""
    text = lines[index]
    start = len(text) - len(text.lstrip())
    span = 1
    tag = scan_tag(text, start)
    while tag is None and span < 40 and index + span < len(lines):
        if not re.match(r"<[A-Za-z]", text[start:]):
            return None
        text += "\n" + lines[index + span]
        span += 1
        tag = scan_tag(text, start)
    return None if tag is None else (tag, text, span)
