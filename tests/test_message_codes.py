"""Every problem code the core raises has Chinese and English text that renders."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import evaluator
from evaluator import messages

CORE = Path(evaluator.__file__).parent
# Callables whose first positional argument is a message code.
_CODE_TAKERS = {"Problem", "EvaluatorError", "WorkspaceError", "RubricError", "ImportRefused",
                "text", "problem"}


def _callee_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def raised_codes() -> dict[str, list[str]]:
    """Literal codes passed to Problem(...), *Error(...) and messages.text(...) in the core."""
    found: dict[str, list[str]] = {}
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _callee_name(node)
            if name not in _CODE_TAKERS and not name.endswith("Error"):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) \
                    and "." in first.value and " " not in first.value:
                where = f"{path.relative_to(CORE.parent)}:{node.lineno}"
                found.setdefault(first.value, []).append(where)
    return found


def import_every_core_module() -> None:
    for module in pkgutil.walk_packages(evaluator.__path__, "evaluator."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)


def test_the_scan_finds_the_codes_it_should() -> None:
    codes = raised_codes()
    assert "workspace.missing" in codes
    assert len(codes) > 50


def test_every_raised_code_has_zh_and_en_text_that_renders() -> None:
    import_every_core_module()
    missing = []
    broken = []
    for code, places in sorted(raised_codes().items()):
        texts = messages._CATALOGUE.get(code)
        if texts is None:
            missing.append(f"{code} ({places[0]})")
            continue
        for lang in ("zh", "en"):
            # a number where the template formats one ({score:.2f}), else text
            values = {f.split(".")[0].split("[")[0]: (1.5 if spec else "x")
                      for _, f, spec, _ in string.Formatter().parse(texts[lang]) if f}
            try:
                texts[lang].format(**values)
            except (KeyError, IndexError, ValueError) as exc:
                broken.append(f"{code} [{lang}]: {exc}")
    assert not missing, "codes without zh/en text:\n" + "\n".join(missing)
    assert not broken, "\n".join(broken)


# Latin words a Chinese user meets in his own tools: file types, products, flag names.
_ALLOWED_LATIN = {"Excel", "WPS", "CSV", "xlsx", "xls", "csv", "txt", "evdb", "evpkg",
                  "evgroup", "SQLite", "UTF", "GB", "ID", "HMAC", "SHA", "Ed", "Word", "docx",
                  "PDF", "JSON", "json", "toml", "zip", "alpha", "Krippendorff", "MB", "KB",
                  "GB18030", "GBK", "UTF-", "UTF-8", "UTF-16", "BOM",
                  # Excel calls UTF-16 text "Unicode 文本" in its Chinese UI
                  "Unicode", "OneDrive",
                  # what the user types on the command line: commands and round values
                  "init", "template", "submissions", "OUT", "initial", "review"}


def test_chinese_texts_name_no_english_words() -> None:
    import_every_core_module()
    english = {}
    for code, texts in messages._CATALOGUE.items():
        visible = re.sub(r"\{[^}]*\}|--[a-z-]+", "", texts["zh"])
        words = set(re.findall(r"[A-Za-z][A-Za-z_-]+", visible)) - _ALLOWED_LATIN
        words = {w for w in words if not re.fullmatch(r"F[1-4]", w)}
        if words:
            english[code] = sorted(words)
    assert not english, english
