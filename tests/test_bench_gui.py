"""The benchmark's GUI driver on a scale-S bench workspace (shape only, never times)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evaluator.bench import run_bench


@pytest.fixture(scope="module")
def bench_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench_gui")
    run_bench("S", workdir=folder)
    return folder / "bench.evdb"


def test_scoring_moves_and_commits_go_through_the_scoring_panel(
        qtbot: Any, qapp: Any, bench_workspace: Path) -> None:
    from evaluator.packages import Package
    from ui.bench_gui import EDITS, MOVES, first_package, measure_scoring

    package = first_package(bench_workspace)
    assert package is not None
    figures = measure_scoring(qapp, package)
    assert figures["scoring_move"]["n"] == MOVES
    assert figures["score_commit"]["n"] == EDITS
    assert figures["score_commit"]["refused"] == 0
    for key in ("scoring_move", "score_commit"):
        assert 0 <= figures[key]["median_ms"] <= figures[key]["p95_ms"] <= figures[key]["max_ms"]
    # The bench scores a copy: the package itself keeps its synthetic scores.
    with Package.open(package) as original:
        assert not original.missing()


def test_results_table_opens_in_the_main_window(
        qtbot: Any, qapp: Any, bench_workspace: Path) -> None:
    from ui.app import open_main_window
    from ui.bench_gui import measure_results_table

    window = open_main_window(bench_workspace)
    qtbot.addWidget(window)
    figure = measure_results_table(qapp, window)
    assert "results" in window.stage_names
    assert set(figure) == {"seconds"}, figure
    assert window.current_stage() == "results"
