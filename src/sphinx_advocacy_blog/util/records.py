"""Records that unpickle fast: the environment holds one :class:`~..model.post.Post` (and
its location, authors, tags) per post, loaded again by every build.

A frozen dataclass with ``slots=True`` pickles through the generic
``dataclasses._dataclass_setstate``, which looks up the class's fields for every object;
loading 1,000 posts spent more time there than in reading their values. A record
decorated with :func:`quick_pickle` pickles as its class and its values, and is made again
by its own ``__init__``.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def quick_pickle(cls: type[T]) -> type[T]:
    """Pickle instances of the dataclass *cls* as ``cls(*values)`` (every field must be an
    ``__init__`` argument, in field order)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not all(field.init for field in fields):
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument")
    names = [field.name for field in fields]
    values = attrgetter(*names) if len(names) > 1 else (lambda self: (getattr(self, names[0]),))

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
