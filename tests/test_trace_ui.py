"""评分来源: the trace of a published score, opened from the results screen; the results
screen's refresh in a worker at national scale."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("PySide6.QtCharts")

from evaluator.consensus import consensus_table, published_score
from evaluator.plenary import decide
from evaluator.results import publish_results, undecided_items
from evaluator.workspace import Workspace


def alliance_id(ws: Workspace, code: str) -> int:
    return int(ws.db.execute("SELECT id FROM alliances WHERE code = ?", (code,)).fetchone()[0])


@pytest.fixture
def screen(demo_ws: Workspace, qtbot: Any) -> Any:
    from ui.context import AppContext
    from ui.screens.results import Screen

    widget = Screen(AppContext(demo_ws))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    yield widget
    widget.context.workspace = None  # the demo_ws fixture closes it


def select(screen: Any, code: str) -> None:
    proxy = screen.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == code)
    screen.results_view.setCurrentIndex(proxy.index(row, 0))


def trace_of(screen: Any, qtbot: Any, code: str) -> Any:
    select(screen, code)
    dialog = screen.open_trace()
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_a_consensus_score_is_traced_to_the_experts_totals(screen: Any, qtbot: Any,
                                                           qtmodeltester: Any) -> None:
    ws = screen.context.ws
    aid = alliance_id(ws, "127")
    c = consensus_table(ws, 2018)[aid]
    dialog = trace_of(screen, qtbot, "127")
    assert dialog.source == "consensus"
    assert dialog.score == published_score(c.consensus)
    text = "\n".join(dialog.steps())
    counts = {r: sum(1 for s in c.sets if s.round == r) for r in ("initial", "review")}
    assert (f"Consensus of {c.n} expert totals ({counts['initial']} initial, "
            f"{counts['review']} review).") in text
    assert c.trimmed
    names = {int(i): n for i, n in ws.db.execute("SELECT id, name FROM experts")}
    totals = dialog.totals_model
    assert totals.rowCount() == c.n
    dropped = {totals.rows[r].dropped: r for r in range(totals.rowCount())
               if totals.rows[r].dropped}
    assert set(dropped) == {"high", "low"}
    high, low = c.sets[dropped["high"]], c.sets[dropped["low"]]
    assert high.total == max(c.totals)
    assert low.total == min(c.totals)
    assert f"({names[high.expert_id]}, " in text
    assert f"({names[low.expert_id]}, " in text
    assert f"the mean of the other {c.n - 2} is {c.consensus:.2f}" in text
    assert f"Rounded half up: {c.consensus:.2f} → {published_score(c.consensus)}" in text
    assert f"{c.leniency_adjusted:.2f} (for information only" in text
    assert totals.index(dropped["high"], 3).data() == "Dropped (highest)"
    # The indicator scores side by side, one column per score set plus the mean.
    assert dialog.heatmap_model.columnCount() == c.n + 1
    assert dialog.heatmap_model.rowCount() == len(ws.rubric(2018).codes) + 1
    # The score files those scores came from, and the import that brought them.
    assert dialog.files_model.rowCount() == c.n
    assert {f.file_name for f in dialog.files_model.rows} >= {
        f"{names[high.expert_id]}_{'初评' if high.round == 'initial' else '复评'}_1.xlsx"}
    assert ("import", "scores") in {(e.action, e.entity) for e in dialog.audit_model.rows}
    for model in (dialog.totals_model, dialog.files_model, dialog.audit_model,
                  dialog.heatmap_model):
        qtmodeltester.check(model)


def test_a_plenary_decision_is_traced_with_its_reason(screen: Any, qtbot: Any) -> None:
    ws = screen.context.ws
    aid = alliance_id(ws, "353")
    decide(ws, 2018, aid, 70, "初议", decided_by="组长甲")
    decide(ws, 2018, aid, 72.5, "补充材料证明联盟组织实施了自设项目", decided_by="组长乙")
    screen.refresh()
    dialog = trace_of(screen, qtbot, "353")
    assert (dialog.source, dialog.score, dialog.band) == ("plenary", 73, "fairly_high")
    text = "\n".join(dialog.steps())
    assert "the plenary set the final score to 72.5" in text
    assert "Reason: 补充材料证明联盟组织实施了自设项目. Decided by 组长乙" in text
    assert "Superseded earlier decision: 70 by 组长甲" in text
    assert "Rounded half up: 72.50 → 73 (活跃度较高)." in text  # the core's band name
    assert "For reference, the experts' consensus:" in text
    decided = [e for e in dialog.audit_model.rows if e.action == "decide"]
    assert [e.new["score"] for e in decided] == [70, 72.5]
    assert "72.5: 补充材料" in dialog.audit_model.index(
        dialog.audit_model.rows.index(decided[-1]), 4).data()
    assert "73" in dialog.heading.text()


def test_a_published_score_says_when_the_live_figure_moved(screen: Any, qtbot: Any) -> None:
    ws = screen.context.ws
    publish_results(ws, 2018, accepted_undecided=len(undecided_items(ws, 2018)))
    decide(ws, 2018, alliance_id(ws, "127"), 90, "复核")
    screen.refresh()
    dialog = trace_of(screen, qtbot, "127")
    assert dialog.source == "published"
    text = "\n".join(dialog.steps())
    assert "were published on" in text
    assert "the score would be 90. Publish again" in text


def test_a_history_only_year_names_the_import(demo_ws: Workspace, qtbot: Any) -> None:
    from ui.dialogs.trace_dialog import TraceDialog

    aid = alliance_id(demo_ws, "127")
    dialog = TraceDialog(demo_ws, 2017, aid)
    qtbot.addWidget(dialog)
    row = demo_ws.db.execute("SELECT score, band FROM results WHERE year = 2017 AND"
                             " alliance_id = ? AND source = 'history'", (aid,)).fetchone()
    assert (dialog.source, dialog.score, dialog.band) == ("history", row[0], row[1])
    text = "\n".join(dialog.steps())
    assert "published figure of the 2017 results imported" in text
    assert "Imported from 演示数据：2018 年为报告附件 2，2016—2017 年为模拟 on" in text
    assert dialog.totals_model.rowCount() == 0
    assert dialog.files_model.rowCount() == 0
    assert [e.entity for e in dialog.audit_model.rows] == ["history"]


def test_double_click_enter_and_the_menu_open_the_trace(screen: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from ui.dialogs.trace_dialog import TraceDialog

    def traces() -> list[Any]:
        return [d for d in screen.findChildren(TraceDialog) if d.isVisible()]

    select(screen, "127")
    screen.results_view.setFocus()
    qtbot.keyClick(screen.results_view, Qt.Key.Key_Return)
    assert [d.code for d in traces()] == ["127"]
    traces()[0].close()
    screen.results_view.doubleClicked.emit(screen.proxy.index(1, 2))
    assert [d.code for d in traces()] == [screen.proxy.index(1, 1).data()]
    traces()[0].close()
    select(screen, "353")
    screen.trace_button.click()
    assert [d.code for d in traces()] == ["353"]


def test_the_refresh_runs_in_a_worker_above_the_threshold(
        demo_ws: Workspace, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.screens.results as results_screen
    from ui.context import AppContext

    monkeypatch.setattr(results_screen, "SCORES_IN_BACKGROUND", 0)
    screen = results_screen.Screen(AppContext(demo_ws))
    qtbot.addWidget(screen)
    assert screen.model.rowCount() == 0  # still computing
    qtbot.waitUntil(lambda: not screen.loader.busy and screen.model.rowCount() == 88,
                    timeout=60_000)
    assert screen.stalled_model.rowCount() == 11
    assert screen.a_level_model.rowCount() == 19
    assert screen.leniency
    assert "88" in screen.summary.text()
    # A refresh asked for while one computes is done once it returns.
    screen.refresh()
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loader.busy and screen.loading is None,
                    timeout=60_000)
    assert screen.model.rowCount() == 88
    screen.context.workspace = None
