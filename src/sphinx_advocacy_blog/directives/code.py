"""Docusaurus code blocks in posts: ``blog-code``, which the reader makes of every fence.

```` ```js title="app.js" {2} showLineNumbers ```` reaches MyST as
```` ```{blog-code} js title="app.js" {2} showLineNumbers ```` (the same line), and this
directive renders what Docusaurus shows (:mod:`..readers.codeblocks`): the title as a
caption, emphasized lines (from the range or magic comments, which are removed), line
numbers, and the Prism language as a Pygments lexer. A language no lexer knows is shown as
plain text; one line at the end of the build names those languages (no warning per
block). ``mermaid`` diagrams are drawn by ``sphinxcontrib-mermaid`` when the site loads
it (the reader then writes its directive); otherwise they are shown as code, with a note.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..env.records import code_languages_of
from ..env.site_data import app_of, get_site
from ..readers.codeblocks import DEFAULT_MAGIC_COMMENTS, parse_code_block
from ..readers.markdown import CODE_DIRECTIVE

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger("sphinx_advocacy_blog")


@lru_cache(maxsize=256)
def has_lexer(name: str) -> bool:
    """Whether Sphinx can highlight *name* (its own aliases, then Pygments')."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    from sphinx.highlighting import lexers

    if name in lexers or name in ("text", "default"):
        return True
    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return False
    return True


class BlogCode(SphinxDirective):
    """A Docusaurus fence: its info string is the argument, its code the content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    # No options: MyST must not read code lines such as ``:root {`` as options.
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        settings = get_site(app_of(self.env)).settings
        block = parse_code_block(
            self.arguments[0] if self.arguments else "",
            "\n".join(self.content),
            magic_comments=settings.code_magic_comments or DEFAULT_MAGIC_COMMENTS,
            default_language=settings.code_default_language,
            aliases=settings.code_languages,
        )
        language = block.language
        if not has_lexer(language):
            code_languages_of(self.env).setdefault(self.env.docname, []).append(
                (block.written_language, self.get_location())
            )
            language = "text"
        literal = nodes.literal_block(block.code, block.code, language=language)
        self.set_source_info(literal)
        # Docusaurus highlights what it can; a lexer's error token is no reason to warn.
        highlight_args: dict[str, Any] = {}
        if block.emphasized:
            highlight_args["hl_lines"] = list(block.emphasized)
        if block.line_numbers_start is not None:
            literal["linenos"] = True
            if block.line_numbers_start != 1:
                highlight_args["linenostart"] = block.line_numbers_start
        literal["highlight_args"] = highlight_args
        literal["force"] = True
        if not block.title:
            return [literal]
        container = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
        caption = nodes.caption(block.title, "", nodes.Text(block.title))
        self.set_source_info(caption)
        container += caption
        container += literal
        return [container]


def _summarize_languages(app: Sphinx, exception: Exception | None) -> None:
    """One line for the whole build: the languages shown as plain text, and where."""
    if exception is not None:
        return
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for docname in sorted(code_languages_of(app.env)):
        for language, location in code_languages_of(app.env)[docname]:
            counts[language] += 1
            first.setdefault(language, location)
    mermaid = counts.pop("mermaid", 0)
    if mermaid:
        logger.info(
            f"blog: {mermaid} mermaid diagram(s) are shown as code (first at "
            f"{first['mermaid']}); add 'sphinxcontrib.mermaid' to extensions to draw them"
        )
    if counts:
        languages = ", ".join(
            f"{language} ({count}, first at {first[language]})"
            for language, count in sorted(counts.items())
        )
        logger.info(
            "blog: code in languages no highlighter knows is shown as plain text: "
            f"{languages}; map them with blog_code_languages = {{'name': 'lexer'}}"
        )


def setup_code(app: Sphinx) -> None:
    """Register ``blog-code`` and the end-of-build summary."""
    app.add_directive(CODE_DIRECTIVE, BlogCode)
    app.connect("build-finished", _summarize_languages)
