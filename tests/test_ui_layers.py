"""The views import in one direction: no import cycle among ui's modules (function-level
and type-checking imports included); the layers themselves are import-linter's contract."""

from __future__ import annotations

import grimp
import pytest

# The views are unimportable in the Qt-free core run (EVALUATOR_BLOCK_QT=1): this file is theirs.
pytest.importorskip("ui", reason="the views are blocked in the Qt-free core run",
                    exc_type=ImportError)


def cycles(graph: grimp.ImportGraph, prefix: str) -> list[list[str]]:
    """The strongly connected groups of more than one module under `prefix`."""
    modules = sorted(m for m in graph.modules if m.startswith(prefix))
    imports = {m: sorted(x for x in graph.find_modules_directly_imported_by(m)
                         if x.startswith(prefix)) for m in modules}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for other in imports[module]:
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in modules:
        if module not in order:
            visit(module)
    return found


def test_the_cycle_finder_sees_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("ui", "ui.a", "ui.b", "ui.c"):
        graph.add_module(name)
    graph.add_import(importer="ui.a", imported="ui.b")
    graph.add_import(importer="ui.b", imported="ui.a")
    graph.add_import(importer="ui.c", imported="ui.a")
    assert cycles(graph, "ui") == [["ui.a", "ui.b"]]


def test_no_import_cycle_in_the_views() -> None:
    graph = grimp.build_graph("ui", "evaluator")
    assert cycles(graph, "ui") == []


THREADING = ("QThread", "QThreadPool", "QRunnable", "threading.Thread", "ThreadPoolExecutor",
             "QtConcurrent", "moveToThread")


def thread_machinery(source: str) -> list[str]:
    """The names of thread machinery `source` uses (ui/workers.py is where it belongs)."""
    return [name for name in THREADING if name in source]


def test_the_thread_check_sees_a_thread() -> None:
    assert thread_machinery("class Builder(QThread):") == ["QThread"]
    assert thread_machinery("worker.moveToThread(thread)") == ["moveToThread"]
    assert thread_machinery("runner.start(job, label)") == []


def test_one_background_mechanism_for_the_whole_gui() -> None:
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "ui"
    found = {str(path.relative_to(ui)): names for path in sorted(ui.rglob("*.py"))
             if path.name != "workers.py"
             and (names := thread_machinery(path.read_text(encoding="utf-8")))}
    assert found == {}, f"background work outside ui/workers.py: {found}"
