"""The group leader's window: members' files merged in a worker, who has sent what, the
group file written and accepted by the secretariat's merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_group_merge import filled_member_file, group_members, member_file

from evaluator.group_package import GroupPackage
from evaluator.merge import merge_score_files
from evaluator.package_builders import build_expert_package, build_group_package
from evaluator.scorefile import SCORES_SHEET, read_score_file
from evaluator.workspace import Workspace
from ui.group_window import GroupWindow, MembersModel, group_file_name


@pytest.fixture
def group_scene(demo_ws: Workspace, tmp_path: Path) -> tuple[Workspace, list[str], list[Path],
                                                             Path]:
    members = group_members(demo_ws, "第一组")[:3]
    files = [member_file(demo_ws, name, tmp_path, 0.5) for name in members]
    gpkg = tmp_path / "第一组.evpkg"
    build_group_package(demo_ws, 2018, "initial", "第一组", gpkg)
    return demo_ws, members, files, gpkg


def forge(path: Path, out: Path) -> Path:
    """The member's file with one score changed after it was signed."""
    book = openpyxl.load_workbook(path)
    book[SCORES_SHEET].cell(row=2, column=3).value = 5
    book.save(out)
    return out


def merge(qtbot: Any, window: GroupWindow, paths: list[Path]) -> None:
    with qtbot.waitSignal(window.merge_finished, timeout=30000):
        window.merge_paths(paths)
    assert not window.runner.busy


def status_of(model: MembersModel) -> dict[str, str]:
    return {model.data(model.index(r, 0)): model.data(model.index(r, MembersModel.STATUS))
            for r in range(model.rowCount())}


def test_leader_merges_sees_who_sent_and_exports_the_group_file(
        group_scene: Any, qtbot: Any, qtmodeltester: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ws, members, files, gpkg = group_scene
    window = GroupWindow(gpkg)
    qtbot.addWidget(window)
    assert window.windowTitle().split(" — ")[1:] == ["第一组", "分组初评", "2018"]
    model = window.members_model
    qtmodeltester.check(model)
    assert set(status_of(model).values()) == {"Not sent"}
    assert not window.export_button.isEnabled()

    forged = forge(files[2], tmp_path / "forged.xlsx")
    merge(qtbot, window, [files[0], files[1], forged])
    results = window.results_model
    qtmodeltester.check(results)
    assert [results.data(results.index(r, 1)) for r in range(3)] == [
        "Accepted", "Accepted", "Rejected"]
    assert "签名" in results.data(results.index(2, results.REASONS))  # why, in zh
    assert "2 accepted, 1 rejected" in window.summary.text()
    status = status_of(model)
    assert status[members[0]] == status[members[1]] == "Sent"
    assert status[members[2]] == "Not sent"
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == members[0])
    assert model.data(model.index(row, 3)) == read_score_file(files[0]).sequence
    with GroupPackage.open(gpkg) as gp:
        codes = gp.assigned_codes(members[0])
    assert model.data(model.index(row, 2)) == f"{len(codes)} alliances"
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == "、".join(codes)
    assert model.data(model.index(row, 4)) == files[0].name
    assert model.data(model.index(row, 5))
    assert window.export_button.isEnabled()

    # The save dialog proposes <group>-<round>.evgroup beside the package.
    proposed: list[str] = []
    out = tmp_path / "sent" / "第一组-initial"
    out.parent.mkdir()

    def save_dialog(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        proposed.append(start)
        return str(out), ""

    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    # Before the group file: the members who have not sent are named, and No stops it.
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.choose_export()
    assert proposed == []
    assert members[2] in asked[0]
    window.choose_export()
    assert proposed == [str(gpkg.parent / group_file_name("第一组", "initial"))]
    group_file = out.with_suffix(".evgroup")
    assert group_file.exists()
    assert str(group_file) in shown[0]
    assert " 2 members" in shown[0]
    assert window.last_export is not None
    assert {e.expert for e in window.last_export.entries} == set(members[:2])

    # The secretariat's merge accepts both members' files, signatures verified there.
    report = merge_score_files(ws, [group_file])
    assert [r.status for r in report.results] == ["accepted", "accepted"]
    assert {r.expert for r in report.results} == set(members[:2])


def test_files_dropped_on_the_window_are_merged(group_scene: Any, qtbot: Any) -> None:
    _ws, members, files, gpkg = group_scene
    window = GroupWindow(gpkg)
    qtbot.addWidget(window)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(files[0]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.merge_finished, timeout=30000):
        window.dropEvent(event)
    assert status_of(window.members_model)[members[0]] == "Sent"


def test_a_file_of_another_group_and_an_empty_export_are_refused(
        group_scene: Any, qtbot: Any, tmp_path: Path) -> None:
    ws, _members, _files, gpkg = group_scene
    window = GroupWindow(gpkg)
    qtbot.addWidget(window)
    assert window.export_to(tmp_path / "none.evgroup") is None
    assert not (tmp_path / "none.evgroup").exists()
    assert "还没有" in window.summary.text()
    stranger = group_members(ws, "第二组")[0]
    other = member_file(ws, stranger, tmp_path, 1.0)
    merge(qtbot, window, [other])
    results = window.results_model
    assert results.data(results.index(0, 1)) == "Rejected"
    assert "不是本组" in results.data(results.index(0, results.REASONS))


def test_unsigned_files_need_a_confirmation(group_scene: Any, qtbot: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _ws, _members, _files, gpkg = group_scene
    window = GroupWindow(gpkg)
    qtbot.addWidget(window)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: answers.pop(0))
    window.accept_unsigned.setChecked(True)
    assert not window.accept_unsigned.isChecked()
    window.accept_unsigned.setChecked(True)
    assert window.accept_unsigned.isChecked()


def test_a_group_package_opens_the_group_window(demo_ws: Workspace, tmp_path: Path,
                                                 qtbot: Any) -> None:
    from ui.group_window import GroupWindow
    from ui.scoring_window import ScoringWindow, open_package_window

    gpkg = tmp_path / "g.evpkg"
    build_group_package(demo_ws, 2018, "initial", "第二组", gpkg)
    window = open_package_window(gpkg)
    assert isinstance(window, GroupWindow)
    qtbot.addWidget(window)
    model = window.members_model
    assert model.rowCount() >= 3
    # The group's leader comes first and is marked as such.
    leader = demo_ws.db.execute(
        "SELECT e.name FROM experts e JOIN expert_groups g ON g.id = e.group_id"
        " WHERE g.name = '第二组' AND e.is_group_leader = 1").fetchone()[0]
    assert model.data(model.index(0, 0)) == leader
    assert "leads this group" in model.data(model.index(0, 1))
    assert "leads this group" not in model.data(model.index(1, 1))
    expert = group_members(demo_ws, "第一组")[0]
    epkg = tmp_path / "e.evpkg"
    build_expert_package(demo_ws, 2018, "initial", expert, epkg)
    expert_window = open_package_window(epkg)
    assert isinstance(expert_window, ScoringWindow)
    qtbot.addWidget(expert_window)
    expert_window.close()
    window.close()


def test_default_group_file_name() -> None:
    from ui.labels import round_label

    review = round_label("review", short=True)  # 复评 under the Chinese UI
    assert group_file_name("第一组", "review") == f"第一组-{review}.evgroup"
    assert group_file_name("A/B 组", "initial").startswith("A_B_组-")


def test_packages_dialog_writes_a_group_package_for_the_leader(
        demo_ws: Workspace, qtbot: Any, tmp_path: Path) -> None:
    from ui.dialogs.packages_dialog import PackagesDialog

    dialog = PackagesDialog(demo_ws.path, 2018)
    qtbot.addWidget(dialog)
    assert [dialog.group_combo.itemText(i) for i in range(dialog.group_combo.count())] == [
        "第一组", "第二组", "第三组", "第四组"]
    dialog.folder_edit.setText(str(tmp_path / "out"))
    dialog.group_combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.finished_building, timeout=20000):
        dialog.start_group()
    outcome = dialog.group_outcome
    assert outcome is not None
    assert outcome.path is not None, outcome.problems
    assert str(outcome.path) in dialog.summary.toPlainText()
    with GroupPackage.open(outcome.path) as gp:
        assert (gp.group, gp.round, gp.year) == ("第二组", "initial", 2018)
        assert len(gp.members()) == outcome.members
    # A group with no assignment in the round is refused with the core's reason.
    empty = tmp_path / "empty.evdb"
    demo_ws.db.execute("DELETE FROM assignments WHERE round = 'review'")
    demo_ws.db.execute("VACUUM INTO ?", (str(empty),))
    dialog = PackagesDialog(empty, 2018)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "out2"))
    dialog.round_combo.setCurrentIndex(dialog.round_combo.findData("review"))
    with qtbot.waitSignal(dialog.finished_building, timeout=20000):
        dialog.start_group()
    assert dialog.group_outcome is not None
    assert dialog.group_outcome.path is None
    assert "没有分配" in dialog.summary.toPlainText()


def test_cancel_adds_nothing(group_scene: Any, qtbot: Any,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.group_window

    _ws, _members, files, gpkg = group_scene
    real = ui.group_window.merge_into_group_package

    def cancelled_at_once(package: Path, paths: list[Path], accept_unsigned: bool,
                          progress: Any) -> Any:
        progress.cancel()  # as the progress dialog's Cancel does
        return real(package, paths, accept_unsigned, progress)

    monkeypatch.setattr(ui.group_window, "merge_into_group_package", cancelled_at_once)
    window = GroupWindow(gpkg)
    qtbot.addWidget(window)
    merge(qtbot, window, files[:2])
    assert "Cancelled" in window.summary.text()
    assert set(status_of(window.members_model).values()) == {"Not sent"}
    assert window.results_model.rowCount() == 0


def test_group_differences_tab(demo_ws: Workspace, qtbot: Any, tmp_path: Path) -> None:
    """本组差异: the group's alliances with the members' totals and the F2/F3 flags the
    core computes, flagged first; the heat map shows the selected alliance."""
    from evaluator.group_merge import group_differences

    members = group_members(demo_ws, "第一组")
    files = [filled_member_file(demo_ws, name, tmp_path, dissent=i == 0)
             for i, name in enumerate(members[:3])]
    gpkg = tmp_path / "第一组.evpkg"
    build_group_package(demo_ws, 2018, "initial", "第一组", gpkg)
    window = GroupWindow(gpkg)
    qtbot.addWidget(window)
    merge(qtbot, window, files)
    window.tabs.setCurrentWidget(window.differences)
    view = window.differences
    expected = group_differences(gpkg)
    model = view.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        item.code for item in expected.items]
    first = expected.items[0]
    assert first.rules, "the dissent is flagged and comes first"
    assert model.data(model.index(0, 2)).startswith(first.rules[0].rule)
    assert members[0] in model.data(model.index(0, model.TOTALS))
    assert members[3] in view.summary.text()  # not sent yet
    assert view.heatmap_model.rowCount() == 21
    # The plenary's heat map widget, cell for cell what its model gives for the alliance.
    from test_heat_map_ui import same_as_model

    from ui.widgets.heat_map import HeatMapView

    assert isinstance(view.heatmap, HeatMapView)
    same_as_model(view.heatmap, demo_ws.rubric(2018), first.consensus.sets, expected.names,
                  {d.code for d in first.indicators})
    assert first.rules[0].rule in view.flags.text()


def test_members_who_sent_an_old_style_signature_are_marked(demo_ws: Workspace, qtbot: Any,
                                                            tmp_path: Path) -> None:
    from test_signatures import (
        GROUP,
        export,
        first_release_group_package,
        legacy_package,
        members,
        score_all,
    )

    name = members(demo_ws)[0]
    pkg = tmp_path / "old.evpkg"
    build_expert_package(demo_ws, 2018, "initial", name, pkg)
    secret = "cd" * 32
    legacy_package(pkg, secret)
    score_all(pkg, 3.0)
    old_file = export(pkg, tmp_path / "old.xlsx")
    gpkg = tmp_path / "old-g.evpkg"
    build_group_package(demo_ws, 2018, "initial", GROUP, gpkg)
    first_release_group_package(gpkg, {name: secret})

    window = GroupWindow(gpkg)
    qtbot.addWidget(window)
    merge(qtbot, window, [old_file])
    results = window.results_model
    assert results.data(results.index(0, 1)) == "Accepted (old-style signature)"
    model = window.members_model
    status = status_of(model)
    assert status[name] == "Sent (old-style signature)"
    assert {s for member, s in status.items() if member != name} == {"Not sent"}
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == name)
    tip = model.data(model.index(row, MembersModel.STATUS), Qt.ItemDataRole.ToolTipRole)
    assert "first release" in tip
    # Opened again later, the window still says so (the package keeps the flag).
    window.close()
    again = GroupWindow(gpkg)
    qtbot.addWidget(again)
    assert status_of(again.members_model)[name] == "Sent (old-style signature)"
