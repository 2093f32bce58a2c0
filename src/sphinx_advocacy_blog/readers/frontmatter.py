"""Split a post into front matter and body, keeping line numbers."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import frontmatter

from ..model.problem import Problem
from .safe_yaml import YamlProblem, load_yaml
from .values import clean_strings, strip_forbidden

_YAML = frontmatter.YAMLHandler()

#: Front-matter blocks parsed by a peek (discovery reads every post's front matter before
#: Sphinx reads the post), kept until the post's reading takes them: each block is parsed
#: once per build. Keyed by the block's text, so a file changed in between is parsed anew.
_PEEKED: dict[tuple[str, str], tuple[Any, dict[str, int]]] = {}


@dataclass
class SplitSource:
    """A source file cut in two: its front matter (parsed) and its body."""

    metadata: dict[str, Any]
    #: The body with the front matter replaced by as many blank lines, so lines stay put.
    body: str
    key_lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: 1-based line of the first body line.
    body_line: int = 1


def normalize_text(text: str) -> str:
    """Remove a byte-order mark and turn CRLF/CR line ends into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _load_toml(block: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    if sys.version_info < (3, 11):  # pragma: no cover - tomllib arrived in 3.11
        raise YamlProblem("TOML front matter needs Python 3.11 or later", first_line)
    import tomllib

    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        raise YamlProblem(f"invalid TOML: {error}", first_line) from None
    lines: dict[str, int] = {}
    for offset, line in enumerate(block.split("\n")):
        key = line.split("=", 1)[0].strip()
        if "=" in line and key in data:
            lines.setdefault(key, first_line + offset)
    return data, lines


def closes_front_matter(line: str, fence: str) -> bool:
    """Whether *line* ends front matter opened by *fence*: the same ``+++`` for TOML; for
    YAML, as MyST reads it, a run of dashes at least as long as the opening one
    (``---------------`` closes ``---``) or YAML's document end ``...``."""
    text = line.strip()
    if fence == "+++":
        return text == fence
    return text == "..." or (len(text) >= len(fence) and set(text) == {"-"})


def forget_peeked() -> None:
    """Drop the parses no reading took (files that turned out not to be posts)."""
    _PEEKED.clear()


def _parse_block(block: str, fence: str, *, peek: bool) -> tuple[Any, dict[str, int]]:
    """The data and key lines of a front-matter block; a peek's parse is kept for the
    post's reading (which takes it), a reading's is not."""
    key = (fence, block)
    parsed = _PEEKED.get(key) if peek else _PEEKED.pop(key, None)
    if parsed is None:
        parsed = _load_toml(block, 2) if fence == "+++" else load_yaml(block, first_line=2)
        if peek:
            _PEEKED[key] = parsed
    return parsed


def split_source(text: str, path: str, *, peek: bool = False) -> SplitSource:
    """Read the front matter (YAML ``---`` or Hugo TOML ``+++``) of a normalized text.

    *peek*: a cheap look before the post is read (its parse is kept for the reading).
    """
    lines = text.split("\n")
    fence = lines[0].strip() if lines else ""
    if not (fence.startswith("---") and set(fence) == {"-"}) and fence != "+++":
        return SplitSource(metadata={}, body=text)
    closing = next(
        (index for index in range(1, len(lines)) if closes_front_matter(lines[index], fence)),
        None,
    )
    if closing is None:
        problem = Problem(
            "frontmatter",
            f"the front matter opened on line 1 with {fence!r} is never closed; add a line "
            f"with {fence!r} after the last key. The file was read as having no front matter",
            path,
            1,
        )
        return SplitSource(
            metadata={}, body="\n".join(["", *lines[1:]]), problems=[problem], body_line=1
        )
    block = "\n".join(lines[1:closing])
    body = "\n".join([""] * (closing + 1) + lines[closing + 1 :])
    problems: list[Problem] = []
    metadata: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    try:
        # python-frontmatter is the reference for what counts as a front-matter fence.
        if fence != "+++" and not _YAML.detect(text):
            return SplitSource(metadata={}, body=text)
        data, key_lines = _parse_block(block, fence, peek=peek)
    except YamlProblem as error:
        problems.append(
            Problem(
                "yaml",
                f"the front matter is not valid: {error.message}. Check quotes, colons and "
                "indentation on that line; the post was built without its front matter",
                path,
                error.line,
            )
        )
        data = None
    if data is None:
        data = {}
    if isinstance(data, dict):
        for key, value in data.items():
            cleaned, changed = clean_strings(value)
            name = strip_forbidden(str(key))
            metadata[name] = cleaned
            if changed:
                problems.append(
                    Problem(
                        "encoding",
                        f"the value of {name!r} holds characters that cannot be in a web page "
                        "or a feed (a control character or a broken emoji, often pasted from "
                        "another program); they were removed",
                        path,
                        key_lines.get(str(key), 1),
                    )
                )
    else:
        problems.append(
            Problem(
                "frontmatter",
                "the front matter must be a list of 'key: value' lines",
                path,
                2,
            )
        )
    return SplitSource(
        metadata=metadata,
        body=body,
        key_lines=key_lines,
        problems=problems,
        body_line=closing + 2,
    )
