"""What a Chinese user reads holds no English code, no repository file name and no
unrounded float: every screen of the demo in Chinese, the results workbook and the report
draft."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

# Lowercase identifiers as the code stores them (create, score_file, fairly_high,
# override), names of the repository's files (method.md), long floats (49.96153846153846).
CODE = re.compile(r"(?<![A-Za-z0-9.\\/:-])[a-z]{3,}(?:_[a-z]+)*(?:\.md)?(?![A-Za-z0-9])")
# File names the user chose or the product writes may be shown as they are.
FILE_NAME = re.compile(r"[\w.-]+\.(?:xlsx|csv|docx|evdb|evpkg|evgroup|pdf|png)\b")
LONG_FLOAT = re.compile(r"\d+\.\d{5,}")
ALLOWED = {"xlsx", "csv", "docx", "evdb", "evpkg", "evgroup", "pdf", "d"}


MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|https?://\S+")


def offending(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for word in CODE.findall(FILE_NAME.sub("", MARKUP.sub("", text))):
            if word not in ALLOWED and not re.fullmatch(r"d\d+", word):
                found.append(f"{word!r} in {text[:80]!r}")
        found += [f"{m!r} in {text[:80]!r}" for m in LONG_FLOAT.findall(text)]
    return found


def test_the_checker_catches_codes() -> None:
    assert offending(["操作：create", "评分方法（method.md）", "49.96153846153846", "fairly_high"])
    assert not offending(["活跃度高", "d106 联盟", "导入 a.xlsx", "TD 产业技术创新战略联盟",
                          "共识分 84.50"])


def _widget_texts(root: Any) -> list[str]:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QTabWidget

    texts: list[str] = []
    for label in root.findChildren(QLabel):
        if label.objectName() != "path" and label.text():
            texts.append(label.text())
    for button in root.findChildren(QAbstractButton):
        texts.append(button.text())
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for column in range(model.columnCount()):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            if header:
                texts.append(str(header))
        for row in range(min(model.rowCount(), 40)):
            for column in range(model.columnCount()):
                value = model.index(row, column, QModelIndex()).data()
                if isinstance(value, str):
                    texts.append(value)
    return texts


def test_chinese_screens_show_no_codes(qapp: Any, qtbot: Any, demo_path: Path,
                                       tmp_path: Path) -> None:
    from evaluator import messages
    from evaluator.people import choose_working_name
    from evaluator.results import publish_results, undecided_items
    from evaluator.workspace import Workspace
    from ui.context import AppContext
    from ui.i18n import install_translators, remove_translators
    from ui.main_window import MainWindow

    path = Path(shutil.copy(demo_path, tmp_path / "demo.evdb"))
    with Workspace.open(path) as ws:
        choose_working_name(ws, "秘书处")
        publish_results(ws, 2018, accepted_undecided=len(undecided_items(ws, 2018)))
    install_translators(qapp, "zh")
    try:
        window = MainWindow(AppContext(Workspace.open(path)))
        qtbot.addWidget(window)
        found: list[str] = []
        from ui.main_window import STAGES

        for stage in STAGES:
            screen = window.show_stage(stage)
            assert screen is not None
            found += [f"[{stage}] {o}" for o in offending(_widget_texts(screen))]
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(window.context, window)
        qtbot.addWidget(dialog)
        found += [f"[settings] {o}" for o in offending(_widget_texts(dialog))]
        window.context.set_workspace(None)
        assert not found, "\n".join(dict.fromkeys(found))
    finally:
        remove_translators(qapp)
        messages.set_language(None)


def test_chinese_exports_show_no_codes(demo_path: Path, tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    from evaluator import messages
    from evaluator.exports.report import write_report
    from evaluator.exports.workbook import export_workbook
    from evaluator.people import choose_working_name
    from evaluator.plenary import decide
    from evaluator.results import undecided_items
    from evaluator.workspace import Workspace

    messages.set_language("zh")
    try:
        path = Path(shutil.copy(demo_path, tmp_path / "demo.evdb"))
        with Workspace.open(path) as ws:
            choose_working_name(ws, "秘书处")
            item = undecided_items(ws, 2018)[0]
            decide(ws, 2018, item.alliance_id, None, "维持", decided_by="主持人")
            export_workbook(ws, tmp_path / "r.xlsx", year=2018)
            write_report(ws, tmp_path / "r.docx", year=2018)
        book = load_workbook(tmp_path / "r.xlsx")
        found: list[str] = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows(min_row=1):
                for cell in row:
                    value = cell.value
                    if isinstance(value, str):
                        found += [f"[{sheet.title}] {o}" for o in offending([value])]
                    elif isinstance(value, float) and "%" not in cell.number_format \
                            and sheet.title != "评分明细" and round(value, 4) != value:
                        found.append(f"[{sheet.title}] {value}")
        document = docx.Document(str(tmp_path / "r.docx"))
        texts = [p.text for p in document.paragraphs]
        texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
        found += [f"[report] {o}" for o in offending(texts)]
        assert not found, "\n".join(found[:40])
    finally:
        messages.set_language(None)
