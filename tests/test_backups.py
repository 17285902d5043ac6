"""Automatic backups: online copy, rotation, atomic restore."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from evaluator.backups import backup_workspace, list_backups, restore_workspace
from evaluator.errors import EvaluatorError, WorkspaceError
from evaluator.history import import_history
from evaluator.panel import import_panel
from evaluator.registry import add_alliance
from evaluator.registry_import import import_registry
from evaluator.submissions import BASIC_COLUMNS, RECORD_COLUMNS, import_submissions
from evaluator.workspace import Workspace


def test_backup_is_a_consistent_copy(workspace: Workspace) -> None:
    add_alliance(workspace, "101", "甲联盟")
    path = backup_workspace(workspace, "merge")
    assert path.parent == workspace.path.parent / "backups"
    assert path.name.endswith(".merge.evdb")
    with Workspace.open(path) as copy:
        assert copy.count("alliances") == 1
        assert copy.integrity_ok()


def test_rotation_keeps_the_setting(workspace: Workspace) -> None:
    workspace.set_setting("backups.keep", 3)
    made = [backup_workspace(workspace, f"b{i}") for i in range(5)]
    kept = list_backups(workspace.path)
    assert kept == list(reversed(made))[:3]
    assert not made[0].exists()


def test_restore_replaces_the_workspace(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
        backup = backup_workspace(ws, "merge")
        add_alliance(ws, "102", "乙联盟")
    safety = restore_workspace(path, backup)
    assert safety is not None
    with Workspace.open(path) as ws:
        assert [r[0] for r in ws.db.execute("SELECT code FROM alliances")] == ["101"]
    with Workspace.open(safety) as ws:
        assert ws.count("alliances") == 2


def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
    bad = tmp_path / "bad.evdb"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(WorkspaceError):
        restore_workspace(path, bad)
    with Workspace.open(path) as ws:
        assert ws.count("alliances") == 1


@pytest.mark.parametrize("folder", ["what?mode=rw", "no#1", "100%25 done", "空 格"])
def test_restore_from_a_folder_with_uri_characters(tmp_path: Path, folder: str) -> None:
    """The read-only URI quotes the path: `?`, `#` and `%` in a folder name are a path,
    not a query, a fragment or an escape."""
    path = tmp_path / folder / "w.evdb"
    path.parent.mkdir()
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
        backup = backup_workspace(ws, "merge")
        add_alliance(ws, "102", "乙联盟")
    restore_workspace(path, backup)
    with Workspace.open(path) as ws:
        assert [r[0] for r in ws.db.execute("SELECT code FROM alliances")] == ["101"]


def test_restore_of_the_oldest_backup_keeps_a_safety_copy(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        ws.set_setting("backups.keep", 2)
        oldest = backup_workspace(ws, "b0")
        backup_workspace(ws, "b1")
        add_alliance(ws, "101", "甲联盟")
    safety = restore_workspace(path, oldest)
    assert safety is not None
    assert safety in list_backups(path)
    # the newest two, and the restored one (kept while it was being restored)
    assert oldest in list_backups(path)
    assert len(list_backups(path)) == 3
    with Workspace.open(path) as ws:
        assert ws.count("alliances") == 0
    with Workspace.open(safety) as ws:
        assert ws.count("alliances") == 1


# -- automatic backups before imports (issue 7) ---------------------------------------------
def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _submissions_book(path: Path, indicator: str) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    basic = wb.create_sheet("基本信息")
    basic.append(list(BASIC_COLUMNS))
    basic.append(["101", "甲联盟", 2018, "王老师", "010-88886666", dt.date(2018, 12, 20)])
    records = wb.create_sheet("活动记录")
    records.append(list(RECORD_COLUMNS))
    records.append(["101", indicator, "理事会", dt.date(2018, 3, 15), "", 1, ""])
    wb.save(path)
    return path


Importer = Callable[[Workspace, Path], Any]

# kind: (the reason in the backup's name, the import, good file, refused file)
IMPORTS: dict[str, tuple[str, Importer, Callable[[Path], Path], Callable[[Path], Path]]] = {
    "registry": (
        "registry-import", lambda ws, f: import_registry(ws, f),
        lambda d: _csv(d / "r.csv", "联盟代码,联盟名称\n102,乙联盟\n"),
        lambda d: _csv(d / "r.csv", "联盟代码,联盟名称\n1x1,乙联盟\n")),
    "submissions": (
        "submissions-import", lambda ws, f: import_submissions(ws, f, 2018),
        lambda d: _submissions_book(d / "s.xlsx", "1.1"),
        lambda d: _submissions_book(d / "s.xlsx", "9.9")),
    "panel": (
        "panel-import", lambda ws, f: import_panel(ws, f, 2018),
        lambda d: _csv(d / "p.csv", "角色,姓名,单位,职务\n成员,王鹏,甲联盟,总监\n"),
        lambda d: _csv(d / "p.csv", "角色,姓名,单位,职务\n无此角色,,甲联盟,总监\n")),
    "history": (
        "history-import", lambda ws, f: import_history(ws, f, 2016),
        lambda d: _csv(d / "h.csv", "联盟代码,联盟名称,评分,活跃度\n101,甲联盟,,高\n"),
        lambda d: _csv(d / "h.csv", "联盟代码,联盟名称,评分,活跃度\n999,无此联盟,,高\n")),
}


@pytest.mark.parametrize("kind", sorted(IMPORTS))
def test_an_import_leaves_a_backup_a_refused_one_does_not(tmp_path: Path, kind: str) -> None:
    reason, run_import, good, refused = IMPORTS[kind]
    path = tmp_path / "office" / "w.evdb"
    path.parent.mkdir()
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
        with pytest.raises(EvaluatorError):
            run_import(ws, refused(tmp_path))
        assert list_backups(path) == []
        audit_before = ws.count("audit_log")
        run_import(ws, good(tmp_path))
        assert ws.count("audit_log") > audit_before
    backups = list_backups(path)
    assert [b.name.rsplit(".", 2)[1] for b in backups] == [reason]
    # the backup is the workspace as it was just before the import
    with Workspace.open(backups[0]) as before:
        assert before.integrity_ok()
        assert before.count("audit_log") == audit_before


@pytest.mark.parametrize("kind", sorted(IMPORTS))
def test_the_same_import_twice_changes_nothing_and_makes_no_backup(tmp_path: Path,
                                                                   kind: str) -> None:
    """Idempotent imports: the second import of the same file reports it unchanged,
    writes no row, adds only the import's own audit entry and makes no backup."""
    from tests.workspace_content import workspace_content

    _reason, run_import, good, _refused = IMPORTS[kind]
    path = tmp_path / "office" / "w.evdb"
    path.parent.mkdir()
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
        run_import(ws, good(tmp_path))
        backups = list_backups(path)
        audit_before = ws.count("audit_log")
    content = workspace_content(path)
    with Workspace.open(path) as ws:
        report = run_import(ws, good(tmp_path))
        assert ws.count("audit_log") == audit_before + 1
        last = ws.db.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"
                             ).fetchone()[0]
        assert last == "import"
    assert workspace_content(path) == content
    assert list_backups(path) == backups
    unchanged = report.unchanged
    assert (len(unchanged) if isinstance(unchanged, list) else unchanged) == 1


def test_a_changed_history_row_is_audited_old_to_new(tmp_path: Path) -> None:
    import json

    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
        add_alliance(ws, "102", "乙联盟")
        import_history(ws, _csv(tmp_path / "h.csv", "联盟代码,联盟名称,评分,活跃度\n"
                                "101,甲联盟,,高\n102,乙联盟,,一般\n"), 2016)
        report = import_history(ws, _csv(tmp_path / "h.csv", "联盟代码,联盟名称,评分,活跃度\n"
                                         "101,甲联盟,,较高\n102,乙联盟,,一般\n"), 2016)
        assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
        old, new = ws.db.execute("SELECT old_json, new_json FROM audit_log WHERE action ="
                                 " 'update' AND entity = 'history_result'").fetchone()
        assert (json.loads(old)["band"], json.loads(new)["band"]) == ("high", "fairly_high")
