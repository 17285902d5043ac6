"""Every problem code the core raises has Chinese and English text that renders."""

from __future__ import annotations

import ast
import importlib
import io
import pkgutil
import re
import string
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import evaluator
from evaluator import messages
from evaluator.errors import EvaluatorError
from evaluator.problems import Problem

CORE = Path(evaluator.__file__).parent
# Callables whose first positional argument is a message code.
_CODE_TAKERS = {"Problem", "EvaluatorError", "WorkspaceError", "RubricError", "ImportRefused",
                "text", "problem", "Text"}


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


# -- reading refusals in Chinese ---------------------------------------------------------
# What a refusal may quote as it stands: the file's own words (a member's or key's name, a
# value as written) and a library's error text, kept after the Chinese explanation.
_QUOTED_FROM_THE_FILE = {"detail", "member", "field", "value"}
HOSTILE = Path(__file__).parent / "data" / "hostile"


def _quoted(params: dict[str, Any]) -> Iterator[str]:
    for key, value in params.items():
        if isinstance(value, messages.Text):
            yield from _quoted(dict(value.params))
        elif key in _QUOTED_FROM_THE_FILE:
            yield str(value)


def english_in_chinese(problem: Problem) -> set[str]:
    """Latin words of `problem` rendered in Chinese, beyond file names, quoted file content
    and the allowed names (Excel, xlsx, UTF-8 ...)."""
    shown = messages.render_problem(problem, "zh")
    for kept in sorted([problem.file or "", problem.sheet or "", *_quoted(problem.params)],
                       key=len, reverse=True):
        if kept:
            shown = shown.replace(kept, "")
    return set(re.findall(r"[A-Za-z][A-Za-z_-]+", shown)) - _ALLOWED_LATIN


def _refusals(read: Callable[[], object]) -> list[Problem]:
    try:
        read()
    except EvaluatorError as exc:
        return exc.problems
    return []


def _read_hostile(path: Path, folder: Path) -> list[Problem]:
    """The refusals of `path` by the reader the product uses for its kind."""
    from evaluator.bounded_json import load_json
    from evaluator.group_file import unpack_group_file
    from evaluator.reading import read_tables
    from evaluator.rubric import load_rubric

    if path.name.startswith("rubric_"):
        return _refusals(lambda: load_rubric(path))
    if path.suffix == ".json":
        return _refusals(lambda: load_json(path.read_bytes(), file=path.name))
    if path.suffix == ".evgroup":
        members: list[Path] = []
        problems = _refusals(lambda: members.extend(unpack_group_file(path, folder)))
        for member in members:
            problems += _refusals(lambda m=member: read_tables(m))  # type: ignore[misc]
        return problems
    return _refusals(lambda: read_tables(path))


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.iterdir()))
def test_each_refusal_of_the_hostile_corpus_reads_as_chinese(name: str, tmp_path: Path
                                                               ) -> None:
    import_every_core_module()
    problems = _read_hostile(HOSTILE / name, tmp_path)
    assert problems, f"{name} was read without a refusal"
    for problem in problems:
        assert not english_in_chinese(problem), messages.render_problem(problem, "zh")


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _encrypted() -> bytes:
    data = bytearray(_zip({"[Content_Types].xml": b"<Types/>"}))
    data[6] |= 0x1  # the local header's flag and the directory's: "encrypted"
    at = data.rfind(b"PK\x01\x02")
    data[at + 8] |= 0x1
    return bytes(data)


def _bad_crc(members: dict[str, bytes], damaged: str) -> bytes:
    """A zip whose stored member `damaged` has one byte changed: its CRC no longer matches."""
    data = bytearray(_zip(members, zipfile.ZIP_STORED))
    at = data.find(members[damaged])
    data[at + 5] ^= 0xFF
    return bytes(data)


_GROUP_MANIFEST = (b'{"format": "evaluator-group-file", "files": '
                   b'[{"file_name": "files/a.xlsx", "sha256": "00"}]}')


# Refusals the corpus does not reach: damaged, encrypted or unfamiliar archives, text
# that is not UTF-8, syntax errors in JSON, TOML and CSV.
CONSTRUCTED: dict[str, bytes] = {
    "cut.xlsx": _zip({"[Content_Types].xml": b"<Types/>"})[:-30],
    "encrypted.xlsx": _encrypted(),
    "bzip2.xlsx": _zip({"[Content_Types].xml": b"<Types/>"}, zipfile.ZIP_BZIP2),
    "bad_crc.xlsx": _bad_crc({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml":
                              b"<worksheet><sheetData/></worksheet>" * 20},
                             "xl/worksheets/sheet1.xml"),
    "bad_crc.evgroup": _bad_crc({"manifest.json": _GROUP_MANIFEST,
                                 "files/a.xlsx": b"PK\x03\x04" + b"x" * 300}, "files/a.xlsx"),
    "no_types.xlsx": _zip({"xl/workbook.xml": b"<workbook/>"}),
    "broken_sheet.xlsx": _zip({"[Content_Types].xml": b"<Types/>",
                               "xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row>"}),
    "quote.csv": b'a,"b\n' + b"x" * 200_000,
    "syntax.json": b'{"name": }',
    "latin1.json": '{"name": "é"}'.encode("latin-1"),
    "rubric_syntax.toml": b"name = ",
    "rubric_latin1.toml": 'name = "é"'.encode("latin-1"),
    "rubric_shape.toml": b'name = "x"\nstep = 0.5\n[[group]]\ncode = "1"\n'
                         b'[[group.indicator]]\ncode = "1.1"\nmax = 5\n',
}


@pytest.mark.parametrize("name", sorted(CONSTRUCTED))
def test_other_reading_refusals_read_as_chinese(name: str, tmp_path: Path) -> None:
    import_every_core_module()
    path = tmp_path / name
    path.write_bytes(CONSTRUCTED[name])
    problems = _read_hostile(path, tmp_path)
    assert problems, f"{name} was read without a refusal"
    for problem in problems:
        assert not english_in_chinese(problem), messages.render_problem(problem, "zh")
        assert "{" not in messages.render_problem(problem, "en")


def test_the_english_check_sees_an_english_reason() -> None:
    import_every_core_module()
    prose = Problem("reading.not_xlsx", {"reason": "no zip signature"}, file="a.xlsx")
    assert english_in_chinese(prose) == {"no", "signature"}
    kept = Problem("reading.not_xlsx", {"reason": messages.Text(
        "reading.reason.broken_zip", {"detail": "Bad magic number"})}, file="a.xlsx")
    assert not english_in_chinese(kept)
    assert "Bad magic number" in messages.render_problem(kept, "zh")


def test_every_reason_a_reader_gives_is_registered() -> None:
    """`_refuse("broken_zip", ...)` and `refuse("too_deep", ...)` name `reading.reason.*`
    codes by their last part: each must exist."""
    import_every_core_module()
    named = {}
    for module in ("bounded_zip.py", "bounded_json.py"):
        tree = ast.parse((CORE / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee_name(node) in ("_refuse", "refuse") \
                    and node.args and isinstance(node.args[0], ast.Constant):
                named[f"reading.reason.{node.args[0].value}"] = f"{module}:{node.lineno}"
    assert len(named) >= 12
    missing = {code: where for code, where in named.items() if not messages.has_text(code)}
    assert not missing, missing
