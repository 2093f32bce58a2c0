"""The write phase runs the garbage collector so written doctrees do not pile up."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sphinx_advocacy_blog.env import memory


class _App:
    def __init__(self, documents: int, parallel_ok: bool) -> None:
        self.builder = SimpleNamespace(parallel_ok=parallel_ok)
        self.env = SimpleNamespace(all_docs=dict.fromkeys(f"doc{n}" for n in range(documents)))


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    monkeypatch.setattr(memory.gc, "collect", lambda *args: made.append(1) or 0)
    return made


def _write(app: _App, documents: int) -> None:
    for n in range(documents):
        memory._after_resolving(app, None, f"doc{n}")  # type: ignore[arg-type]


def test_a_serial_write_collects_after_each_half_of_the_documents(
    collections: list[int],
) -> None:
    app = _App(1000, parallel_ok=False)
    _write(app, 499)
    assert collections == []
    _write(app, 1)
    assert len(collections) == 1
    _write(app, 500)
    assert len(collections) == 2


def test_small_sites_and_parallel_writes_never_collect(collections: list[int]) -> None:
    _write(_App(150, parallel_ok=False), 99)
    _write(_App(5000, parallel_ok=True), 5000)
    assert collections == []


def test_a_full_run_python_made_restarts_the_count(collections: list[int]) -> None:
    app = _App(400, parallel_ok=False)
    _write(app, 150)
    memory._count_full_runs("stop", {"generation": 2})
    _write(app, 199)
    assert collections == []
    _write(app, 1)
    assert len(collections) == 1


def test_the_extension_counts_full_runs_once() -> None:
    memory.setup_memory(SimpleNamespace(connect=lambda *args, **kwargs: None))  # type: ignore[arg-type]
    memory.setup_memory(SimpleNamespace(connect=lambda *args, **kwargs: None))  # type: ignore[arg-type]
    assert memory.gc.callbacks.count(memory._count_full_runs) == 1
