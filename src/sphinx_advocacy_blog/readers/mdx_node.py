"""A node of the tree the MDX reader builds while it reads a post's lines: a container
(``:::`` admonition, JSX component, ``<CodeBlock>``) with the lines that open and close it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MdxNode:
    """An open or closed container of the MDX being read."""

    kind: str  # "colon", "jsx", "code", "children", "root"
    open_line: int
    name: str = ""
    directive: str = ""
    argument: str = ""
    indent: str = ""
    children: list[MdxNode] = field(default_factory=list)
    #: How many levels of colon fences it holds (its own fence is longer by as many).
    height: int = 0
    #: ``<Tabs values={[...]}>``: tab value -> label.
    labels: dict[str, str] = field(default_factory=dict)
    summary_pending: bool = False
    close_line: int = -1
