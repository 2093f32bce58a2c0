"""The line shapes of Docusaurus Markdown that the MDX and Markdown readers share: code
fences, ``:::`` admonitions (with their ``[title]``), raw HTML blocks. Pure patterns."""

from __future__ import annotations

import re

#: Docusaurus admonition kinds; the MyST directive ``blog-<kind>`` renders each.
ADMONITION_KINDS = ("note", "tip", "info", "warning", "caution", "danger", "important", "success")
#: ``:::warning[Title]`` or ``:::warning Title``; a bracketed title may hold a link
#: (``[CVE-1](https://...)``), one level of brackets deep.
ADMONITION_TITLE = r"(?:\[(?P<bracket_title>(?:[^\[\]]|\[[^\[\]]*\])*)\]|[ \t]+(?P<title>\S.*?))?"
#: A ``:::`` line: a MyST directive (``:::{name} argument``) or a Docusaurus admonition.
COLON_OPEN = re.compile(
    r"^(?P<indent>\s*)(?P<colons>:{3,})(?:\{(?P<directive>[\w-]+)\}(?P<argument>.*)|"
    r"(?P<kind>" + "|".join(ADMONITION_KINDS) + r")" + ADMONITION_TITLE + r")[ \t]*$"
)
#: A Docusaurus admonition's opening line.
ADMONITION_OPEN = re.compile(
    r"^(?P<indent>\s*)(?P<colons>:{3,})(?P<kind>"
    + "|".join(ADMONITION_KINDS)
    + r")"
    + ADMONITION_TITLE
    + r"[ \t]*$"
)
COLON_CLOSE = re.compile(r"^\s*:{3,}\s*$")
#: A code fence line: indent, the fence, the info string.
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
#: ``{' '}`` and other string expressions of white space.
SPACE_EXPRESSION = re.compile(r"""\{\s*(['"`])(\s*)\1\s*\}""")
#: HTML elements that start a raw HTML block in CommonMark (type 6), and ``script``...
HTML_BLOCK = re.compile(
    r"^\s{0,3}</?(?:address|article|aside|blockquote|center|dialog|div|dl|fieldset|"
    r"figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|table|"
    r"tbody|td|tfoot|th|thead|tr|ul|video|audio|script|style|pre)(?:[\s/>]|$)",
    re.IGNORECASE,
)


def is_fence(fence: str, info: str) -> bool:
    """Whether ``fence`` (the backticks or tildes) followed by ``info`` on a line is a
    code fence: CommonMark gives a backtick fence no backtick in its info string, so
    ```` ``` npx x ``` ```` is inline code."""
    return not (fence[0] == "`" and "`" in info)
