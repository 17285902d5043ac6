"""The UI translations: .ts built from ui/, .qm compiled, every string has Chinese."""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTranslator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402  (tools/ is a script directory, not a package)

SHELL_FILES = ("app.py", "main_window.py", "qt.py", "i18n.py", "recent.py", "error_dialog.py",
               "screenshots.py", "dialogs/about_dialog.py", "dialogs/settings_dialog.py",
               "screens/overview.py")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> translations.TranslationReport:
    return translations.build_translations(tmp_path_factory.mktemp("translations"))


def test_qm_files_are_built_and_translate(built: translations.TranslationReport) -> None:
    assert {p.name for p in built.qm_files} == {"evaluator_zh_CN.qm", "evaluator_en.qm"}
    zh = QTranslator()
    assert zh.load(str(next(p for p in built.qm_files if "zh_CN" in p.name)))
    assert zh.translate("MainWindow", "Overview") == "概览"
    assert zh.translate("MainWindow", "Plenary review") == "复核会评"
    en = QTranslator()
    assert en.load(str(next(p for p in built.qm_files if p.name == "evaluator_en.qm")))
    assert en.translate("MainWindow", "&Open…") == "&Open…"


def test_the_shell_strings_are_all_translated(tmp_path: Path) -> None:
    ts = tmp_path / "shell.ts"
    translations.run_lupdate([ROOT / "ui" / f for f in SHELL_FILES], [ts])
    _count, missing = translations.fill_ts(ts, "zh", translations.read_tsv_translations())
    assert missing == [], "\n".join(f"[{c}] {s}" for c, s in missing)


def test_tsv_files_are_well_formed() -> None:
    problems = []
    for path in sorted((ROOT / "ui").rglob("*_zh.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0] or not parts[1].strip():
                problems.append(f"{path.relative_to(ROOT)}:{number}: {line!r}")
    assert problems == [], "expected 'English<TAB>中文' lines:\n" + "\n".join(problems)


def test_every_ui_string_has_a_chinese_translation(
        built: translations.TranslationReport) -> None:
    assert built.messages > 0
    missing = "\n".join(f"  [{context}] {source}" for context, source in built.missing_zh)
    assert not built.missing_zh, (
        f"{len(built.missing_zh)} strings in ui/ have no Chinese translation; add them to "
        f"the screen's <name>_zh.tsv:\n{missing}")


# -- every string reaches lupdate ---------------------------------------------------------
UI_DIR = ROOT / "ui"
NOOP_FUNCTIONS = {"QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _noop_bound_names(tree: ast.AST) -> set[str]:
    """Names (or attributes) assigned a value made only of QT_TRANSLATE_NOOP literals."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        calls = [c for c in ast.walk(node.value) if isinstance(c, ast.Call)]
        strings = [c for c in ast.walk(node.value)
                   if isinstance(c, ast.Constant) and isinstance(c.value, str)]
        noop_args = {id(a) for c in calls for a in c.args}
        if not calls or not all(isinstance(c.func, ast.Name) and c.func.id in NOOP_FUNCTIONS
                                for c in calls):
            continue
        if any(id(s) not in noop_args for s in strings if not isinstance(node.value, ast.Dict)
               or s not in node.value.keys):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                names.add(target.id)
            elif isinstance(target, ast.Attribute):
                names.add(target.attr)
    return names


def _base_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_noop_lookup(node: ast.AST, noop: set[str]) -> bool:
    """`TABLE[key]`, `TABLE.get(key)` or `TABLE` where TABLE holds only NOOP literals."""
    if isinstance(node, ast.Subscript):
        return _base_name(node.value) in noop
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"):
        return _base_name(node.func.value) in noop
    return _base_name(node) in noop


def _translation_calls(tree: ast.AST) -> list[tuple[ast.Call, str | None, ast.AST | None]]:
    """(call, context, text argument) for every tr()/translate() call, with the class
    that a `self.tr` call's context comes from."""
    found: list[tuple[ast.Call, str | None, ast.AST | None]] = []

    def visit(node: ast.AST, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else (
                func.id if isinstance(func, ast.Name) else None)
            if name == "tr":
                found.append((node, cls if isinstance(func, ast.Attribute) else None,
                              node.args[0] if node.args else None))
            elif name == "translate" and len(node.args) >= 2:
                context = node.args[0]
                found.append((node, context.value if isinstance(context, ast.Constant)
                              else None, node.args[1]))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(tree, None)
    return found


def _ui_trees() -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8")))
            for path in translations.ui_sources(UI_DIR)]


def test_translated_strings_are_literals_lupdate_can_see() -> None:
    """`self.tr(variable)` compiles but lupdate never sees the strings, so they stay
    English under a Chinese UI; a bare `tr()` function has no context; a `self.tr(...)`
    inside an f-string is skipped by pyside6-lupdate."""
    problems = []
    trees = _ui_trees()
    # A base class (ui/models/rows_model.py) translates the HEADERS its subclasses fill.
    everywhere = set().union(*(_noop_bound_names(tree) for _path, tree in trees))
    for path, tree in trees:
        noop = _noop_bound_names(tree)
        if path.name == "rows_model.py":
            noop |= everywhere
        in_fstrings = {id(n) for js in ast.walk(tree) if isinstance(js, ast.JoinedStr)
                       for n in ast.walk(js) if isinstance(n, ast.Call)}
        for call, _context, text in _translation_calls(tree):
            where = f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:80]}"
            if isinstance(call.func, ast.Name) and call.func.id == "tr":
                problems.append(f"{where} (a bare tr() has no context)")
            elif id(call) in in_fstrings:
                problems.append(f"{where} (inside an f-string lupdate does not read)")
            elif text is None:
                continue
            elif not (isinstance(text, ast.Constant) and isinstance(text.value, str)) \
                    and not _is_noop_lookup(text, noop):
                problems.append(f"{where} (not a literal nor a QT_TRANSLATE_NOOP table)")
    assert problems == [], "\n".join(problems)


def test_the_ast_check_catches_a_variable(tmp_path: Path) -> None:
    tree = ast.parse("HEADERS = ('Rank', 'Code')\n"
                     "class M:\n    def h(self, i):\n        return self.tr(self.HEADERS[i])\n")
    noop = _noop_bound_names(tree)
    [(_call, context, text)] = _translation_calls(tree)
    assert context == "M"
    assert text is not None
    assert not _is_noop_lookup(text, noop)
    good = ast.parse("H = (QT_TRANSLATE_NOOP('M', 'Rank'),)\n"
                     "def h(i):\n    return QCoreApplication.translate('M', H[i])\n")
    [(_call, context, text)] = _translation_calls(good)
    assert context == "M"
    assert text is not None
    assert _is_noop_lookup(text, _noop_bound_names(good))


def test_every_literal_string_is_in_the_ts_with_its_context(
        built: translations.TranslationReport) -> None:
    """What the code asks QTranslator for is what lupdate put in the .ts (same context)."""
    ts = next(p for p in built.ts_files if "zh_CN" in p.name)
    in_ts = {(c.findtext("name") or "", m.findtext("source") or "")
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    missing = []
    for path, tree in _ui_trees():
        for call, context, text in _translation_calls(tree):
            if context is None or not (isinstance(text, ast.Constant)
                                       and isinstance(text.value, str)):
                continue
            if (context, text.value) not in in_ts:
                missing.append(f"{path.relative_to(ROOT)}:{call.lineno}: [{context}] "
                               f"{text.value[:60]}")
    assert missing == [], "not in the .ts (lupdate cannot see them):\n" + "\n".join(missing)


def test_every_ts_message_has_chinese_in_the_shipped_file() -> None:
    """The .ts in the repository (what the app compiles) has Chinese for every message."""
    ts = ROOT / "resources" / "translations" / "evaluator_zh_CN.ts"
    untranslated = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [translation.text or ""] if translation is not None else [""]
            if translation is not None and translation.findall("numerusform"):
                texts = [f.text or "" for f in translation.findall("numerusform")]
            source = message.findtext("source") or ""
            if any(not re.search(r"[\u4e00-\u9fff]", t) for t in texts) and english_words(
                    source):
                untranslated.append(f"[{context.findtext('name')}] {source}")
    assert untranslated == [], "\n".join(untranslated)


# -- what a Chinese user sees ---------------------------------------------------------------
# Latin words a Chinese screen may show: acronyms in alliance names, file suffixes, the
# statistic's name.
ALLOWED_LATIN = {"BIM", "WAPI", "FTTx", "evpkg", "xlsx", "docx", "evdb", "Krippendorff",
                 "PySide"}


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]*>", " ", text)  # rich-text tags
    text = re.sub(r"&\w+;", " ", text)
    text = re.sub(r"\w+://\S+", " ", text)  # links are data
    text = re.sub(r"\S+\.(evdb|evpkg|xlsx|docx|csv)\b", " ", text)  # file paths
    text = re.sub(r"\{\w*\}", " ", text)  # str.format fields are filled with data
    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if w not in ALLOWED_LATIN]


def visible_texts(widget: Any) -> list[tuple[str, str]]:
    """(where, text) for the labels, buttons, tabs, combo items, placeholders and the
    table headers and first rows of every view under `widget`."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabBar,
    )

    found: list[tuple[str, str]] = []
    for label in widget.findChildren(QLabel):
        found.append((f"label {label.objectName()}", label.text()))
    for button in widget.findChildren(QAbstractButton):
        found += [("button", button.text()), ("button tooltip", button.toolTip())]
    for box in widget.findChildren(QGroupBox):
        found.append(("group box", box.title()))
    for bar in widget.findChildren(QTabBar):
        found += [("tab", bar.tabText(i)) for i in range(bar.count())]
    for combo in widget.findChildren(QComboBox):
        found += [("combo item", combo.itemText(i)) for i in range(combo.count())]
    for edit in widget.findChildren(QLineEdit):
        found.append(("placeholder", edit.placeholderText()))
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        name = type(model).__name__
        for column in range(model.columnCount()):
            found.append((f"{name} header",
                          str(model.headerData(column, Qt.Orientation.Horizontal) or "")))
            for row in range(min(model.rowCount(), 30)):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(model.index(row, column), role)
                    if isinstance(value, str):
                        found.append((f"{name} cell ({row}, {column})", value))
    return found


def test_english_words_finds_only_untranslated_words() -> None:
    assert english_words("2018 年度：参评联盟 88 家（Consensus）") == ["Consensus"]
    assert english_words("<b>WAPI 产业技术创新战略联盟</b> 评审包（.evpkg） α F1 TD") == []
    assert english_words("http://www.example.org.cn/148/1.1/1 demo.evdb") == []


@pytest.fixture
def chinese_ui(built: translations.TranslationReport, qapp: Any) -> Any:
    from evaluator import messages
    from ui import i18n

    messages.set_language("zh")
    i18n.remove_translators(qapp)
    translator = QTranslator(qapp)
    assert translator.load(str(next(p for p in built.qm_files if "zh_CN" in p.name)))
    qapp.installTranslator(translator)
    yield qapp
    qapp.removeTranslator(translator)


def test_every_screen_reads_in_chinese(chinese_ui: Any, demo_ws: Any, qtbot: Any) -> None:
    from ui.context import AppContext
    from ui.main_window import MainWindow

    window = MainWindow(AppContext(demo_ws))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    english = []
    for name in window.stage_names:
        window.show_stage(name)
        for where, text in visible_texts(window.screens[name]):
            words = english_words(text)
            if words:
                english.append(f"{name}: {where}: {words} in {text[:70]!r}")
    window.context.workspace = None  # the demo_ws fixture closes it
    assert english == [], "English left on the Chinese screens:\n" + "\n".join(
        sorted(set(english)))
