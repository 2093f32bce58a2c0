"""A YAML loader for front matter and data files that cannot be abused.

It is PyYAML's ``SafeLoader`` (no ``!!python/...`` tags) with three changes:

* only ``true``/``false`` are booleans: YAML 1.1 turns ``no``, ``on`` or ``y`` into
  booleans, which silently breaks a tag called "No" or a language called "no";
* aliases are limited, so a "billion laughs" document cannot exhaust memory;
* documents larger than :data:`MAX_YAML_BYTES` are refused.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_YAML_BYTES = 256 * 1024
MAX_ALIASES = 50


class YamlProblem(ValueError):
    """Front matter or a data file could not be read; carries the 1-based line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class BlogSafeLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style booleans and a cap on aliases."""

    alias_count = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise YamlProblem(
                    f"too many YAML aliases (more than {MAX_ALIASES}); "
                    "write the values out instead of using '*' references",
                    mark.line + 1,
                )
        return super().compose_node(parent, index)


def _lenient_timestamp(loader: BlogSafeLoader, node: yaml.Node) -> Any:
    """``date: 2022-13-45`` stays the string it is (the reader warns), not a crash."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except (ValueError, OverflowError, AttributeError):
        # AttributeError: PyYAML's resolver and constructor disagree on odd offsets
        # such as "-00:16:08"; the text is kept either way.
        return loader.construct_scalar(node)  # type: ignore[arg-type]


BlogSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)

# Rebuild the implicit resolvers without YAML 1.1's yes/no/on/off booleans.
BlogSafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
BlogSafeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


_FAST_LOADER: type | None = None
if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch - libyaml ships in wheels

    class _FastBlogLoader(yaml.CSafeLoader):
        """libyaml's parser with :class:`BlogSafeLoader`'s resolvers and constructors.

        Used only for text without anchors (no ``&``), so there are no aliases to cap.
        """

    _FastBlogLoader.yaml_implicit_resolvers = BlogSafeLoader.yaml_implicit_resolvers
    _FastBlogLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)
    _FAST_LOADER = _FastBlogLoader


#: How deep keys of nested mappings get a line (``event.location.name``: 3).
NESTED_KEY_DEPTH = 3


def _key_lines(node: Any, first_line: int, prefix: str = "", depth: int = 1) -> dict[str, int]:
    """The line of each key of a mapping; a key of a nested mapping is named by its path
    (``event.start``), down to :data:`NESTED_KEY_DEPTH` levels."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                name = prefix + str(key_node.value)
                lines.setdefault(name, first_line + key_node.start_mark.line)
                if depth < NESTED_KEY_DEPTH and isinstance(value, yaml.MappingNode):
                    nested = _key_lines(value, first_line, name + ".", depth + 1)
                    for nested_name, line in nested.items():
                        lines.setdefault(nested_name, line)
    return lines


def _load_fast(text: str, first_line: int) -> tuple[Any, dict[str, int]] | None:
    """Parse with libyaml (about ten times faster); ``None`` if it cannot or may not.

    Text with anchors, and text libyaml rejects, goes to the pure-Python loader, which caps
    aliases and words its error messages the same way on every machine.
    """
    if _FAST_LOADER is None or "&" in text:
        return None
    loader = _FAST_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        return loader.construct_document(node), _key_lines(node, first_line)
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError, TypeError):
        return None
    finally:
        loader.dispose()


def load_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[str, int]]:
    """Parse *text* safely into ``(data, key_lines)``.

    ``key_lines`` maps each key of a mapping to its line in the file (keys of nested
    mappings by their path, ``event.start``).
    *first_line* is the line of *text*'s first line in its file, so that errors in front
    matter point at the right line of the post. Raises :class:`YamlProblem`.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise YamlProblem(f"the YAML is larger than {MAX_YAML_BYTES // 1024} KiB", first_line)
    fast = _load_fast(text, first_line)
    if fast is not None:
        return fast
    loader = None
    try:
        loader = BlogSafeLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
    except YamlProblem as problem:
        if problem.line is not None:
            problem.line += first_line - 1
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark is not None else first_line
        what = error.problem or "invalid YAML"
        raise YamlProblem(f"invalid YAML: {what}", line) from None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError, TypeError) as error:
        raise YamlProblem(f"invalid YAML: {error}", first_line) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, _key_lines(node, first_line)
