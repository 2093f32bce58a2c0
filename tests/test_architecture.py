"""The package's structure: layers that import only downwards, no cycle, small modules.

Every import of every module is read with ``ast`` (those inside functions and under
``TYPE_CHECKING`` too) and resolved to a module of the package. CONTRIBUTING.md draws the
layers; this test keeps the code and the drawing the same.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = "sphinx_advocacy_blog"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

#: Each room (subpackage, or loose module at the top) and its layer: a module may import
#: its own room and the rooms of lower layers only. Rooms of one layer do not import each
#: other.
LAYERS = {
    "version": 0,
    "util": 0,
    "config": 1,
    "model": 2,
    "readers": 3,
    "i18n": 3,
    "diagnostics": 3,
    "env": 4,
    "pages": 5,
    "directives": 6,
    "seo": 6,
    "media": 6,
    "feeds": 7,
    "migrate": 8,
    "cli": 9,
    "__init__": 10,
    "__main__": 11,
}
#: Rooms that must not depend on Sphinx or docutils (pure functions over text and records).
PURE_ROOMS = ("util", "model", "readers")
MAX_LINES = 500
MAX_LOOSE_MODULES = 8


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


MODULES = _modules()


def _package_of(module: str) -> str:
    """The package a module's relative imports start from."""
    if module.endswith("__init__"):
        return module.rpartition(".")[0] if "." in module else ""
    return module.rpartition(".")[0]


def _resolve(module: str, node: ast.ImportFrom) -> list[str]:
    """The modules of the package that an ``import from`` names."""
    if node.level == 0:
        if not (node.module or "").startswith(PACKAGE):
            return []
        base = (node.module or "")[len(PACKAGE) + 1 :]
    else:
        parts = _package_of(module).split(".") if _package_of(module) else []
        parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
        base = ".".join([*parts, *([node.module] if node.module else [])])
    targets = []
    for alias in node.names:
        candidate = f"{base}.{alias.name}" if base else alias.name
        if candidate in MODULES:
            targets.append(candidate)
        elif base in MODULES:
            targets.append(base)
        elif f"{base}.__init__" in MODULES or base == "":
            targets.append(f"{base}.__init__" if base else "__init__")
        else:
            raise AssertionError(f"{module}: cannot resolve 'from {'.' * node.level}{node.module}'")
    return targets


def _imports(module: str, path: Path) -> tuple[set[str], set[str]]:
    """The package's modules *module* imports, and the outside top-level packages."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[str] = set()
    outside: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and not (node.module or "").startswith(PACKAGE):
                outside.add((node.module or "").split(".")[0])
            inside.update(_resolve(module, node))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE + "."):
                    inside.add(alias.name[len(PACKAGE) + 1 :])
                else:
                    outside.add(alias.name.split(".")[0])
    inside.discard(module)
    return inside, outside


GRAPH = {module: _imports(module, path)[0] for module, path in MODULES.items()}


def room(module: str) -> str:
    return module.split(".")[0]


def test_every_module_is_in_a_room_of_a_known_layer():
    unknown = sorted({room(module) for module in MODULES} - set(LAYERS))
    assert not unknown, f"add these rooms to LAYERS (and to CONTRIBUTING.md): {unknown}"


def test_imports_only_run_down_the_layers():
    wrong = [
        f"{module} -> {target} ({room(module)} is layer {LAYERS[room(module)]}, "
        f"{room(target)} is layer {LAYERS[room(target)]})"
        for module, targets in GRAPH.items()
        for target in sorted(targets)
        if room(target) != room(module) and LAYERS[room(target)] >= LAYERS[room(module)]
    ]
    assert not wrong, "imports that do not run downwards:\n" + "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("pure_room", PURE_ROOMS)
def test_pure_rooms_do_not_depend_on_sphinx(pure_room):
    heavy = {"sphinx", "docutils", "jinja2", "lxml", "myst_parser"}
    offenders = {
        module: sorted(outside & heavy)
        for module, path in MODULES.items()
        if room(module) == pure_room and (outside := _imports(module, path)[1]) & heavy
    }
    assert not offenders, offenders


def test_no_module_is_longer_than_the_limit():
    long = {
        module: lines
        for module, path in MODULES.items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


def test_few_modules_are_loose_at_the_top():
    loose = sorted(
        module for module in MODULES if "." not in module and module not in ("__init__", "__main__")
    )
    assert len(loose) <= MAX_LOOSE_MODULES, loose


def test_every_room_says_what_it_holds():
    for package in sorted(path.parent for path in SOURCE.rglob("__init__.py")):
        docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8")))
        assert docstring, f"{package.relative_to(SOURCE)}/__init__.py has no docstring"


def test_setup_only_wires_features():
    """The package's ``setup`` calls each feature's ``setup_*`` and defines nothing else."""
    tree = ast.parse((SOURCE / "__init__.py").read_text(encoding="utf-8"))
    functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions == ["setup"]
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    assert classes == []


def test_contributing_guide_lists_every_room_with_its_layer():
    guide = (SOURCE.parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    by_layer = defaultdict(list)
    for name, layer in LAYERS.items():
        by_layer[layer].append(name)
    for name in LAYERS:
        if name in ("__init__", "__main__"):
            continue
        shown = f"{name}/" if (SOURCE / name).is_dir() else f"{name}.py"
        assert shown in guide, f"CONTRIBUTING.md does not mention {shown}"
