"""How an option is declared: :func:`option` makes a field of the option table.

Each field of the table's parts (:mod:`.blog_options`, :mod:`.publishing_options`,
:mod:`.feature_options`) is one option: its default, the types ``conf.py`` may give, the
sentence that documents it, when a change needs a rebuild, a check and how the value is
read into the field. :mod:`.options` puts the parts together.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Environment variable that makes a build include ``draft: true`` posts (for previews).
DRAFTS_ENV_VAR = "SPHINX_BLOG_DRAFTS"


@dataclass(frozen=True)
class Option:
    """One configuration option: its ``conf.py`` name, default, accepted types and doc."""

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    #: ``"env"`` when changing it must re-read documents, ``"html"`` when a rewrite suffices.
    rebuild: str = "env"
    #: Extra check on the value; returns an error message or ``None``.
    check: Callable[[Any], str | None] | None = field(default=None, compare=False)
    #: The :class:`BlogSettings` field the option fills.
    setting: str = ""
    #: Turns the ``conf.py`` value into the field's value (``list`` -> ``tuple``...).
    read: Callable[[Any], Any] | None = field(default=None, compare=False)


def option(
    default: Any,
    types: tuple[type, ...],
    doc: str,
    *,
    name: str = "",
    rebuild: str = "env",
    check: Callable[[Any], str | None] | None = None,
    read: Callable[[Any], Any] | None = None,
) -> Any:
    """A :class:`BlogSettings` field that is a ``conf.py`` option (see the module doc)."""
    spec = {"name": name, "default": default, "types": types, "doc": doc}
    spec.update(rebuild=rebuild, check=check, read=read)

    def make_default() -> Any:
        value = copy.deepcopy(default)
        return read(value) if read is not None else value

    return field(default_factory=make_default, metadata={"option": spec})


def strip_slashes(value: Any) -> str:
    """A folder or URL path without leading and trailing ``/``."""
    return str(value).strip("/")
