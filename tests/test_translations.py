"""The UI translations: .ts built from ui/, .qm compiled, every string has Chinese."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

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
