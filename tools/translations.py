"""Build the UI translations: .ts sources from ui/**/*.py, Chinese from *_zh.tsv, then .qm.

    python tools/translations.py            # refresh resources/translations/*.ts and .qm
    python tools/translations.py --check    # also exit 1 listing untranslated strings

Steps: `pyside6-lupdate` collects every `tr()`/`translate()` string of `ui/` into
evaluator_zh_CN.ts and evaluator_en.ts (keeping what they already hold); each screen's
`<name>_zh.tsv` (lines `English source<TAB>中文`, `\\n` for a line break) supplies the
Chinese, which is marked finished; English translates each string to itself; then
`pyside6-lrelease` compiles the .qm files next to the .ts files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LOCALES = {"zh": "zh_CN", "en": "en"}


@dataclass
class TranslationReport:
    ts_files: list[Path] = field(default_factory=list)
    qm_files: list[Path] = field(default_factory=list)
    # (context, English source) of every string without a finished Chinese translation
    missing_zh: list[tuple[str, str]] = field(default_factory=list)
    messages: int = 0


def qt_tool(name: str) -> str:
    """`pyside6-lupdate`/`pyside6-lrelease` on PATH, else beside this Python (a venv that
    is not activated; `.exe` on Windows)."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in (name, f"{name}.exe"):
        beside = Path(sys.executable).with_name(candidate)
        if beside.exists():
            return str(beside)
    raise FileNotFoundError(f"{name} not found (it ships with PySide6)")


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def read_tsv_translations(ui_dir: Path = UI_DIR) -> dict[str, str]:
    """English source -> Chinese, from every ui/**/*_zh.tsv (later files win on conflict).

    A line `[Context] English<TAB>中文` applies to that context only (one English word
    such as "Source" can need different Chinese on different screens); it wins over the
    plain line for the same English."""
    table: dict[str, str] = {}
    for path in sorted(ui_dir.rglob("*_zh.tsv")):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            english, chinese = line.split("\t", 1)
            chinese = chinese.strip()
            if english and chinese:
                table[unescape(english)] = unescape(chinese)
    return table


def run_lupdate(sources: list[Path], ts_files: list[Path]) -> None:
    args = [qt_tool("pyside6-lupdate"), *map(str, sources), "-ts", *map(str, ts_files),
            "-no-obsolete", "-locations", "none", "-silent"]
    subprocess.run(args, check=True, capture_output=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, capture_output=True)


def _set_translation(message: ET.Element, text: str | None) -> None:
    """Write `text` as the finished translation; None leaves an existing one alone."""
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    if text is None:
        return
    forms = translation.findall("numerusform")
    if message.get("numerus") == "yes" and forms:
        for form in forms:
            form.text = text
    else:
        translation.text = text
    translation.attrib.pop("type", None)


def _is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                          "obsolete"):
        return False
    forms = translation.findall("numerusform")
    if forms:
        return all((f.text or "").strip() for f in forms)
    return bool((translation.text or "").strip())


def fill_ts(ts: Path, lang: str, chinese: dict[str, str]) -> tuple[int, list[tuple[str, str]]]:
    """Fill `ts` in place; return the message count and the unfinished (context, source)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", LOCALES[lang])
    root.set("sourcelanguage", "en")
    count = 0
    missing: list[tuple[str, str]] = []
    for context in root.iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            specific = f"[{context_name}] {source}"
            if lang == "en":
                _set_translation(message, source)
            elif specific in chinese:
                _set_translation(message, chinese[specific])
            elif source in chinese:
                _set_translation(message, chinese[source])
            if not _is_finished(message):
                missing.append((context_name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return count, missing


def build_translations(out_dir: Path = TRANSLATIONS_DIR, ui_dir: Path = UI_DIR,
                       compile_qm: bool = True) -> TranslationReport:
    """Refresh the .ts files in `out_dir` (seeded from the repo's) and compile them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report = TranslationReport()
    ts_files = []
    for locale in LOCALES.values():
        ts = out_dir / f"evaluator_{locale}.ts"
        shipped = TRANSLATIONS_DIR / ts.name
        if not ts.exists() and shipped.exists():
            shutil.copy(shipped, ts)
        ts_files.append(ts)
    run_lupdate(ui_sources(ui_dir), ts_files)
    chinese = read_tsv_translations(ui_dir)
    for lang, ts in zip(LOCALES, ts_files, strict=True):
        count, missing = fill_ts(ts, lang, chinese)
        report.ts_files.append(ts)
        if lang == "zh":
            report.messages = count
            report.missing_zh = missing
        if compile_qm:
            qm = ts.with_suffix(".qm")
            run_lrelease(ts, qm)
            report.qm_files.append(qm)
    return report


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TRANSLATIONS_DIR)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a string has no Chinese translation")
    args = parser.parse_args(argv)
    report = build_translations(args.out)
    out = sys.stdout
    out.write(f"{report.messages} strings; {len(report.missing_zh)} without Chinese\n")
    for context, source in report.missing_zh:
        out.write(f"  [{context}] {source}\n")
    return 1 if args.check and report.missing_zh else 0


if __name__ == "__main__":
    raise SystemExit(main())
