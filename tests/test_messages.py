"""A message inside a message (messages.Text) is rendered in the outer one's language.
(Every raised code having zh and en text: tests/test_message_codes.py.)"""

from __future__ import annotations

from pathlib import Path

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem


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
    assert "缺少文件清单" in zh
    assert "no manifest.json" in en
    assert "no manifest" not in zh
    problem = Problem("group.not_group_file", {
        "path": "g.evgroup", "reason": messages.Text("group_file.bad_entry", {"n": 3})})
    assert messages.render_problem(problem, "zh") == \
        "g.evgroup 不是专家组汇总文件（.evgroup）：清单第 3 项不是文件条目"
    assert problem.as_dict()["params"]["reason"] in (
        "清单第 3 项不是文件条目", "manifest entry 3 is not a file entry")
