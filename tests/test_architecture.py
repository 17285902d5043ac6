"""The shape of the code: no import cycle in the core, and no module too long to read.

The import graph is grimp's (what import-linter checks the contracts with), function-level
imports included; imports under `if TYPE_CHECKING:` are left out, since they never run.
The layers and the core's independence from Qt are import-linter contracts
(pyproject.toml, `lint-imports`).
"""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 700


def cycles(package: str) -> list[list[str]]:
    """The import cycles among `package`'s modules: each strongly connected set of two or
    more modules (Tarjan's algorithm), sorted."""
    graph = grimp.build_graph(package, cache_dir=None, exclude_type_checking_imports=True)
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    return sorted(found)


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "cyclic_example"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from cyclic_example import b\n", encoding="utf-8")
    (package / "b.py").write_text("def f():\n    from cyclic_example import a\n",
                                  encoding="utf-8")
    (package / "c.py").write_text("from cyclic_example import a\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert cycles("cyclic_example") == [["cyclic_example.a", "cyclic_example.b"]]


def test_the_core_has_no_import_cycle() -> None:
    assert cycles("evaluator") == []


def long_modules(folder: str) -> dict[str, int]:
    out = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            out[str(path.relative_to(ROOT))] = lines
    return out


@pytest.mark.parametrize("folder", ["evaluator", "ui"])
def test_no_module_is_over_700_lines(folder: str) -> None:
    assert long_modules(folder) == {}
