"""How one option of :class:`~.options.BlogSettings` is declared: :class:`Option` and
:func:`option` (a dataclass field that carries its ``conf.py`` name, types and doc)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


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
