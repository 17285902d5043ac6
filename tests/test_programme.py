"""The programme's size per year: stored with its source, copied into a new year, changed
in Settings (audited), used by the statistics and shown by the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluator.errors import EvaluatorError
from evaluator.programme import programme_sizes, programme_total, set_programme_sizes
from evaluator.statistics import compute_statistics
from evaluator.workspace import Workspace


def test_a_new_workspace_starts_from_the_2018_report(workspace: Workspace) -> None:
    sizes = programme_sizes(workspace, 2018)
    assert [(b.batch_id, b.size, b.source) for b in sizes] == [
        ("1", 52, "report_2018"), ("2", 39, "report_2018"), ("3", 55, "report_2018"),
        ("d", 6, "report_2018")]
    assert programme_total(workspace, 2018) == 152
    assert sizes[0].source_text("zh") == "2018 年度评价报告"


def test_settings_change_is_audited_and_a_new_year_copies_it(workspace: Workspace) -> None:
    workspace.actor = "王敏"
    set_programme_sizes(workspace, 2018, {"1": 50, "2": 39, "3": 55, "d": 6})
    sizes = {b.batch_id: b for b in programme_sizes(workspace, 2018)}
    assert sizes["1"].size == 50
    assert sizes["1"].source == "settings"
    assert sizes["1"].changed_by == "王敏"
    assert "王敏 在设置中修改" in sizes["1"].source_text("zh")
    entry = workspace.db.execute(
        "SELECT actor, old_json, new_json FROM audit_log WHERE entity = 'programme_size'"
        " ORDER BY id DESC").fetchone()
    assert entry[0] == "王敏"
    assert json.loads(entry[1])["1"] == 52
    assert json.loads(entry[2])["1"] == 50
    assert compute_statistics(workspace, 2018).total == 150
    workspace.add_year(2019, workspace.rubric(2018))
    copied = programme_sizes(workspace, 2019)
    assert [b.size for b in copied] == [50, 39, 55, 6]
    assert {b.source for b in copied} == {"copied"}
    assert copied[0].source_text("zh") == "沿用 2018 年度"
    # A past year known only from imported results takes the nearest year's figures.
    assert programme_total(workspace, 2016) == 150


def test_bad_sizes_are_refused_all_at_once(workspace: Workspace) -> None:
    with pytest.raises(EvaluatorError) as info:
        set_programme_sizes(workspace, 2018, {"1": "五十", "x": 3})
    assert {p.code for p in info.value.problems} == {"programme.bad_size",
                                                     "programme.unknown_batch"}
    assert programme_total(workspace, 2018) == 152


def test_cli_info_speaks_chinese_and_json_keeps_codes(
        workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    from evaluator.cli import main

    path: Path = workspace.path
    workspace.close()
    assert main(["--lang", "zh", "info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "各批次试点联盟数：第一批 52" in out
    assert "batches" not in out
    assert main(["--lang", "zh", "info", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["batches"] == {"1": 52, "2": 39, "3": 55,
                                                              "d": 6}


def test_cli_stalled_says_which_years_are_missing(
        workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    from evaluator.cli import main

    path: Path = workspace.path
    workspace.close()
    assert main(["--lang", "zh", "stalled", str(path)]) == 0
    out = capsys.readouterr().out
    assert "尚未导入 2016、2017 年度结果" in out
    assert "2018 年度尚无评价结果" in out
    assert main(["stalled", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["missing_years"] == [2016, 2017, 2018]
