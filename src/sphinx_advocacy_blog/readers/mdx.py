"""MDX components of Docusaurus posts, turned into MyST, line for line: a pure reader.

Docusaurus compiles ``.md`` and ``.mdx`` posts as MDX, so JSX elements, ``{' '}``
expressions and ``import`` lines are part of what authors write. This module rewrites them
into MyST that shows the same thing, keeping every line where it was:

* ``<Tabs>``/``<TabItem>`` -> ``tab-set``/``tab-item`` (sphinx-design) or ``blog-tabs``;
* ``<details>``/``<Details>`` with ``<summary>`` -> ``blog-details``;
* ``<Admonition type="tip" title="x">`` and ``:::tip x`` -> ``blog-tip``;
* ``<CodeBlock language="js" title="x">`` -> a ``blog-code`` fence;
* ``<Link to="/x">text</Link>`` -> ``[text](/x)``; ``<img>``/``<Image>`` with
  ``require()`` or ``useBaseUrl()`` -> the ``blog-image`` role (the file is copied);
* ``<Tweet>``, ``<LiteYouTubeEmbed>``, ``<YouTube>`` and ``<iframe>`` -> a link
  (:func:`render_embed`, the one place that decides how embeds look);
* ``mdx-code-block`` fences are unwrapped, ``import``/``export`` lines and ``<>`` removed,
  ``className``/``style={{...}}`` of HTML elements written as HTML;
* any other component: its children stay (as Markdown), with one ``mdx`` problem per
  component and file, unless ``blog_mdx_components`` maps it to a directive or to
  ``"children"``.

Containers become colon fences whose length grows with what they contain (the author's
``:::`` admonitions included), and their content is re-indented as MDX reads it (MDX has
no indented code blocks), so nesting always parses.
"""

from __future__ import annotations

import re

from ..model.problem import Problem
from .components import (
    BUILT_IN_COMPONENTS,
    CHILDREN_ONLY,
    EMBEDS,
    IMAGES,
    component_image,
    embed_url,
    image_role,
    imported_images,
    render_embed,
    tab_labels,
    with_imported_images,
)
from .html_markdown import HtmlText
from .jsx import (
    IMPORT,
    JsxTag,
    bundled_image,
    closing_tag,
    esm_end,
    find_tags,
    html_tag,
    outside_code,
    tag_over_lines,
)
from .mdx_node import MdxNode
from .mdx_syntax import (
    ADMONITION_KINDS,
    COLON_CLOSE,
    COLON_OPEN,
    FENCE,
    HTML_BLOCK,
    SPACE_EXPRESSION,
    is_fence,
)
from .settings import MdxSettings

_CONTAINERS = {"Tabs", "TabItem", "details", "Details", "Admonition", "CodeBlock"}


class _Converter:
    def __init__(self, lines: list[str], path: str, first_line: int, settings: MdxSettings):
        self.lines = list(lines)
        #: ``import pic from './pic.png'``: ``{pic}`` -> ``{require('./pic.png').default}``.
        self.image_imports: dict[str, str] = {}
        self.out: list[str] = list(lines)
        self.html_text = HtmlText()
        self.code = [False] * len(lines)
        self.path = path
        self.first_line = first_line
        self.settings = settings
        self.mapping = dict(settings.components)
        self.problems: list[Problem] = []
        self.warned: set[str] = set()
        self.root = MdxNode("root", -1)
        self.stack: list[MdxNode] = [self.root]
        self.opens: dict[int, MdxNode] = {}
        self.closes: dict[int, MdxNode] = {}

    # -- problems --
    def warn(self, name: str, line: int) -> None:
        if name in self.warned:
            return
        self.warned.add(name)
        self.problems.append(
            Problem(
                "mdx",
                f"the component <{name}> is not known to the blog: its content is shown "
                "without it. Map it in conf.py with blog_mdx_components = "
                f"{{{name!r}: 'children'}} (or the name of a directive)",
                self.path,
                self.first_line + line,
            )
        )

    # -- tree --
    def push(self, node: MdxNode) -> None:
        self.stack[-1].children.append(node)
        self.stack.append(node)
        self.opens[node.open_line] = node

    def close(self, node: MdxNode, line: int) -> None:
        while self.stack[-1] is not node:
            self.stack.pop()
        self.stack.pop()
        node.close_line = line
        self.closes[line] = node
        node.height = max(
            (child.height + (child.kind in ("colon", "jsx")) for child in node.children),
            default=0,
        )
        if node.kind == "code":
            node.height = 0
        self.reindent(node)

    def reindent(self, node: MdxNode) -> None:
        """Content lines keep their indentation relative to the least indented one."""
        inner = range(node.open_line + 1, node.close_line)
        nested = [self.opens[i] for i in inner if i in self.opens]
        indents = [
            len(self.out[i]) - len(self.out[i].lstrip())
            for i in inner
            if self.out[i].strip() and not self.code[i] and i not in self.opens
        ]
        indents += [len(child.indent) for child in nested]
        if not indents:
            return
        least, base = min(indents), len(node.indent)
        if least == base:
            return
        for i in inner:
            text = self.out[i]
            if text.strip() and i not in self.opens and i not in self.closes:
                spaces = len(text) - len(text.lstrip(" "))
                self.out[i] = " " * base + text[min(spaces, least) :]
        for child in nested:
            spaces = len(child.indent)
            child.indent = " " * (base + spaces - min(spaces, least))

    def jsx_node(self, tag: JsxTag, line: int, indent: str) -> MdxNode | None:
        name = tag.name
        mapped = self.mapping.get(name)
        if mapped == CHILDREN_ONLY or (mapped is None and name not in _CONTAINERS):
            if mapped is None and name[:1].isupper():
                self.warn(name, line)
            return MdxNode("children", line, name=name, indent=indent)
        if mapped:
            title = tag.text("title")
            return MdxNode("jsx", line, name=name, directive=mapped, argument=title, indent=indent)
        if name == "Tabs":
            directive = "tab-set" if self.settings.design else "blog-tabs"
            node = MdxNode("jsx", line, name=name, directive=directive, indent=indent)
            node.labels = tab_labels(getattr(tag.get("values"), "source", ""))
            return node
        if name == "TabItem":
            parent = self.stack[-1]
            value = tag.text("value")
            label = tag.text("label") or parent.labels.get(value, "") or value or "Tab"
            directive = "tab-item" if self.settings.design else "blog-tab"
            return MdxNode(
                "jsx", line, name=name, directive=directive, argument=label, indent=indent
            )
        if name in ("details", "Details"):
            node = MdxNode("jsx", line, name=name, directive="blog-details", indent=indent)
            node.summary_pending = True
            return node
        if name == "Admonition":
            kind = tag.text("type")
            kind = kind if kind in ADMONITION_KINDS else "note"
            title = tag.text("title")
            directive = f"blog-{kind}"
            return MdxNode(
                "jsx", line, name=name, directive=directive, argument=title, indent=indent
            )
        if name == "CodeBlock":
            language = tag.text("language") or tag.text("className").replace("language-", "")
            meta = f'title="{tag.text("title")}"' if tag.text("title") else ""
            if tag.has("showLineNumbers"):
                meta += " showLineNumbers"
            argument = f"{language} {meta}".strip()
            return MdxNode("code", line, name=name, argument=argument, indent=indent)
        return None

    # -- lines --
    def run(self) -> None:
        lines = self.lines
        fence: str | None = None
        unwrap_fences: list[str] = []
        in_html = False
        index = 0
        while index < len(lines):
            line = lines[index]
            match = FENCE.match(line)
            if match and not is_fence(match.group(2), match.group(3)):
                match = None
            if fence is not None:
                self.code[index] = True
                if (
                    match
                    and match.group(2)[0] == fence[0]
                    and len(match.group(2)) >= len(fence)
                    and not match.group(3).strip()
                ):
                    fence = None
                    self.code[index] = False
                index += 1
                continue
            stripped = line.strip()
            if not stripped:
                in_html = False
            if match:
                info = match.group(3).strip()
                if unwrap_fences and not info and match.group(2) == unwrap_fences[-1]:
                    unwrap_fences.pop()
                    self.out[index] = ""
                elif info.split(" ")[0] == "mdx-code-block":
                    unwrap_fences.append(match.group(2))
                    self.out[index] = ""
                else:
                    fence = match.group(2)
                index += 1
                continue
            if self.stack[-1].kind == "code":
                self.code_line(index)
                index += 1
                continue
            colon = COLON_OPEN.match(line)
            if colon:
                self.colon_open(index, colon)
                index += 1
                continue
            if COLON_CLOSE.match(line) and any(n.kind == "colon" for n in self.stack):
                node = next(n for n in reversed(self.stack) if n.kind == "colon")
                self.close(node, index)
                index += 1
                continue
            if IMPORT.match(line) and not in_html and len(self.stack) == 1:
                index = self.blank_import(index)
                continue
            if self.image_imports and "={" in line:
                line = with_imported_images(line, self.image_imports)
                self.lines[index] = self.out[index] = line
            if stripped.startswith("<") and not in_html:
                consumed = self.block_tags(index)
                if consumed:
                    index += consumed
                    continue
                in_html = bool(HTML_BLOCK.match(line))
            elif stripped.startswith("<") and in_html:
                consumed = self.tag_in_html_block(index)
                if consumed:
                    index += consumed
                    continue
            self.out[index] = self.inline(self.out[index], index, raw=in_html)
            # MDX reads the text inside HTML elements as Markdown.
            self.out[index] = self.html_text.line(line, self.out[index], in_html=in_html)
            index += 1
        self.emit()

    def colon_open(self, index: int, match: re.Match[str]) -> None:
        if match["directive"]:
            directive, argument = match["directive"], match["argument"].strip()
        else:
            directive = f"blog-{match['kind']}"
            argument = (match["bracket_title"] or match["title"] or "").strip()
        node = MdxNode("colon", index, directive=directive, argument=argument)
        node.indent = match["indent"]
        self.push(node)

    def blank_import(self, index: int) -> int:
        """Blank an ``import``/``export`` statement (of one line or more)."""
        end = esm_end(self.lines, index)
        self.image_imports.update(imported_images(self.lines[index:end]))
        self.blank(index, end - index)
        return end

    def code_line(self, index: int) -> None:
        """A line of a ``<CodeBlock>``: its template literal's backticks go."""
        text = self.out[index]
        self.code[index] = True
        stripped = text.strip()
        if stripped.startswith("</CodeBlock"):
            self.close(self.stack[-1], index)
            self.code[index] = False
            return
        text = re.sub(r"^(\s*)\{`", r"\1", text)
        text = re.sub(r"`\}\s*(</CodeBlock>)?\s*$", "", text)
        if "</CodeBlock>" in self.out[index]:
            # Closed on a content line: the closing fence needs a line of its own.
            node = self.stack[-1]
            self.close(node, index)
            self.closes.pop(index, None)
            node.close_line = -2
            self.out[index] = text + "\n" + node.indent + "```"
            return
        self.out[index] = text

    def block_tags(self, index: int) -> int:
        """Tags at the start of a line: a container's open or close tag, a summary, an
        image or an embed on its own. Returns the number of lines used (0: not a block)."""
        found = tag_over_lines(self.lines, index)
        if found is None:
            return 0
        tag, text, span = found
        indent = text[: len(text) - len(text.lstrip())]
        start = len(indent)
        rest = text[tag.end :].strip()
        top = self.stack[-1]
        details = tag.kind == "open" and tag.name in ("details", "Details")
        if details and rest.startswith("<summary"):
            node = self.jsx_node(tag, index, indent)
            assert node is not None
            self.push(node)
            self.summary(node, rest)
            self.blank(index, span)
            return span
        if (
            tag.name == "summary"
            and tag.kind == "open"
            and top.summary_pending
            and all(not self.lines[i].strip() for i in range(top.open_line + 1, index))
        ):
            whole = text[tag.start :]
            while "</summary>" not in whole and index + span < len(self.lines):
                whole += " " + self.lines[index + span].strip()
                span += 1
            self.summary(top, whole)
            self.blank(index, span)
            return span
        closed_iframe = tag.kind == "open" and tag.name == "iframe" and rest == "</iframe>"
        if rest and not closed_iframe:
            return 0 if span == 1 else self.joined_tag(index, span, text, tag, indent)
        if (tag.name in IMAGES and bundled_image(tag)) or tag.name in EMBEDS:
            self.blank(index, span)
            tags_text = text[start:].replace("\n", " ")
            self.out[index] = indent + self.inline(tags_text, index, raw=False)
            return span
        if not tag.name:  # a fragment
            self.blank(index, span)
            return span
        if tag.kind == "open" and (tag.name[:1].isupper() or tag.name in _CONTAINERS):
            node = self.jsx_node(tag, index, indent)
            if node is None:
                return 0
            self.push(node)
            self.blank(index, span)
            return span
        if tag.kind == "close" and any(n.name == tag.name for n in self.stack[1:]):
            node = next(n for n in reversed(self.stack) if n.name == tag.name)
            self.blank(index, span)
            self.close(node, index)
            return span
        if tag.kind == "self" and tag.name[:1].isupper():
            if tag.name not in self.mapping:
                self.warn(tag.name, index)
            self.blank(index, span)
            self.out[index] = indent + component_image(tag)
            return span
        return 0 if span == 1 else self.joined_tag(index, span, text, tag, indent)

    def tag_in_html_block(self, index: int) -> int:
        """A tag of several lines inside raw HTML: joined as by :meth:`joined_tag`, its other
        lines HTML comments (a blank line would end the HTML block)."""
        found = tag_over_lines(self.lines, index)
        if found is None or found[2] == 1:
            return 0
        tag, text, span = found
        indent = text[: len(text) - len(text.lstrip())]
        self.joined_tag(index, span, text, tag, indent, filler=indent + "<!---->")
        self.out[index] = self.html_text.line(text, self.out[index], in_html=True)  # after it
        return span

    def joined_tag(
        self, index: int, span: int, text: str, tag: JsxTag, indent: str, filler: str = ""
    ) -> int:
        """A tag written over several lines (``<iframe⏎ style={{...}}⏎ src=... />``): one
        line of HTML with its JSX attributes made HTML, then the rest of its last line.
        Left as it was, its ``{...}`` attributes would reach the page as broken HTML."""
        if tag.name[:1].isupper() and tag.name not in {*self.mapping, *BUILT_IN_COMPONENTS}:
            self.warn(tag.name, index)
        head = "" if tag.name[:1].isupper() else html_tag(tag)
        rest = text[tag.end :].replace("\n", " ")
        for offset in range(1, span):
            self.out[index + offset] = filler
        joined = indent + head + self.inline(rest, index, raw=True)
        # An unknown component alone in raw HTML leaves nothing: a filler, not a blank
        # line, which would end the HTML block (and make the indented fillers after it
        # a code block).
        self.out[index] = joined if joined.strip() or not filler else filler
        return span

    def summary(self, node: MdxNode, text: str) -> None:
        match = re.search(r"<summary[^>]*>(.*?)</summary>", text, re.DOTALL)
        if match:
            node.argument = " ".join(self.inline(match.group(1), node.open_line, raw=False).split())
        node.summary_pending = False

    def blank(self, index: int, span: int) -> None:
        for offset in range(span):
            self.out[index + offset] = ""

    def inline(self, line: str, index: int, *, raw: bool) -> str:
        """JSX inside a line: links, images, embeds, HTML attributes, unknown tags."""
        if "{" in line:
            line = outside_code(line, lambda t: SPACE_EXPRESSION.sub(lambda m: m[2] or " ", t))
        if "<" not in line:
            return line
        tags = find_tags(line)
        if not tags:
            return line
        pieces: list[str] = []
        position = 0
        skip_until = -1
        for number, tag in enumerate(tags):
            if tag.start < skip_until:
                continue
            pieces.append(line[position : tag.start])
            position = tag.end
            replacement = self.inline_tag(line, tags, number, raw, index)
            if isinstance(replacement, tuple):
                text, position = replacement
                skip_until = position
                pieces.append(text)
            else:
                pieces.append(replacement)
        pieces.append(line[position:])
        return "".join(pieces)

    def inline_tag(
        self, line: str, tags: list[JsxTag], number: int, raw: bool, index: int
    ) -> str | tuple[str, int]:
        tag = tags[number]
        name = tag.name
        if not name:
            return ""
        if name in ("Link", "a") and tag.kind == "open" and not raw:
            # ``<a href>`` stays HTML; ``<Link to>`` (and ``<a to>``) is a Markdown link.
            target = tag.text("to") or (tag.text("href") if name == "Link" else "")
            close = closing_tag(tags, number)
            if target and close is not None:
                text = self.inline(line[tag.end : close.start], index, raw=False)
                return f"[{text}]({target.replace(' ', '%20')})", close.end
        if name in IMAGES and tag.kind != "close" and not raw and bundled_image(tag):
            return image_role(tag)
        if name in EMBEDS and tag.kind != "close":
            url = embed_url(tag)
            close = closing_tag(tags, number)
            end = close.end if close is not None and tag.kind == "open" else tag.end
            if not url:
                return "", end
            title = tag.text("title")
            if raw:
                return f'<a href="{url}">{title or url}</a>', end
            return render_embed(url, title), end
        if name[:1].isupper() and name not in ("Link",):
            if name not in self.mapping and name not in BUILT_IN_COMPONENTS:
                self.warn(name, index)
            return component_image(tag) if tag.kind == "self" and not raw else ""
        return html_tag(tag)

    # -- output --
    def emit(self) -> None:
        for node in self.opens.values():
            if node.kind == "children":
                continue
            if node.close_line == -1:
                continue  # never closed: leave the text as it was
            if node.kind == "code":
                self.out[node.open_line] = f"{node.indent}```{{blog-code}} {node.argument}".rstrip()
                if node.close_line >= 0:
                    self.out[node.close_line] = f"{node.indent}```"
                continue
            colons = ":" * (3 + node.height)
            self.out[node.open_line] = (
                f"{node.indent}{colons}{{{node.directive}}} {node.argument}".rstrip()
            )
            self.out[node.close_line] = f"{node.indent}{colons}"


def convert_mdx(
    lines: list[str], *, path: str = "", first_line: int = 1, settings: MdxSettings | None = None
) -> tuple[list[str], list[Problem]]:
    """Rewrite the MDX of a post body (its lines); returns the lines and the problems.

    *first_line* is the file's line number of ``lines[0]``.
    """
    converter = _Converter(lines, path, first_line, settings or MdxSettings())
    converter.run()
    # Only a ``</CodeBlock>`` at the end of a code line adds a line (its closing fence).
    return "\n".join(converter.out).split("\n"), converter.problems
