"""Every problem the core raises has Chinese and English text, and a message inside a
message is rendered in the outer one's language."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import evaluator
from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

ROOT = Path(__file__).resolve().parent.parent
# A code written as a literal where a Problem or an EvaluatorError is made.
RAISED = re.compile(r"""(?:Problem|EvaluatorError|WorkspaceError|ImportRefused|RubricError)\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")


def raised_codes() -> dict[str, str]:
    """code -> the first file that raises it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "evaluator").rglob("*.py")):
        for code in RAISED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, str(path.relative_to(ROOT)))
    return found


def load_every_catalogue() -> None:
    for module in pkgutil.walk_packages(evaluator.__path__, "evaluator."):
        importlib.import_module(module.name)


def test_the_scan_finds_raised_codes() -> None:
    codes = raised_codes()
    assert codes["round.unknown"] == "evaluator/rounds.py"
    assert "year.rubric_in_use" in codes
    assert len(codes) > 100


def test_every_raised_code_has_chinese_and_english_text() -> None:
    load_every_catalogue()
    missing = {code: where for code, where in raised_codes().items()
                if code not in messages._CATALOGUE}
    assert missing == {}


def test_a_text_inside_a_message_follows_its_language(tmp_path: Path) -> None:
    import zipfile

    from evaluator.group_file import unpack_group_file

    bad = tmp_path / "g.evgroup"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("files/001-a.xlsx", b"x")
    try:
        unpack_group_file(bad, tmp_path)
    except EvaluatorError as error:
        zh, en = error.render("zh"), error.render("en")
    else:
        raise AssertionError("a file that is not a zip was unpacked")
    assert "缺少清单 manifest.json" in zh
    assert "no manifest.json" in en
    assert "no manifest" not in zh
    problem = Problem("group.not_group_file", {
        "path": "g.evgroup", "reason": messages.Text("group_file.bad_entry", {"n": 3})})
    assert messages.render_problem(problem, "zh") == \
        "g.evgroup 不是专家组汇总文件（.evgroup）：清单第 3 项不是文件条目"
    assert problem.as_dict()["params"]["reason"] in (
        "清单第 3 项不是文件条目", "manifest entry 3 is not a file entry")
