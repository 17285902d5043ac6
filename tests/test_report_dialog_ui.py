"""Long messages open a scrollable report with 保存… instead of a screen-tall message box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ui.widgets import report_dialog
from ui.widgets.report_dialog import WARNING, ReportDialog, is_long, show_message

pytestmark = pytest.mark.gui
LONG = "\n".join(f"第 {i} 行：联盟名称与名录不一致" for i in range(80))


def test_short_text_is_a_message_box_and_long_text_a_report(monkeypatch: Any) -> None:
    boxes: list[str] = []
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: boxes.append(text))
    monkeypatch.setattr(ReportDialog, "exec", lambda self: reports.append(self.text) or 0)
    show_message(None, WARNING, "t", "一行")
    show_message(None, WARNING, "t", LONG)
    assert boxes == ["一行"]
    assert reports == [LONG]
    assert is_long(LONG)
    assert not is_long("一行")


def test_report_fits_the_screen_and_saves(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    dialog = ReportDialog("导入结果", LONG, WARNING)
    qtbot.addWidget(dialog)
    dialog.show()
    area = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= area.height()
    assert dialog.body.toPlainText() == LONG
    out = tmp_path / "report.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    assert dialog.save() == str(out)
    assert out.read_text(encoding="utf-8") == LONG
    assert isinstance(dialog, QDialog)
    assert LONG.count("\n") > report_dialog.SHORT_LINES
