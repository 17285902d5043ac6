"""The audit log as people read it: the 审计 sheet of the results workbook shows what each
entry recorded with named fields, names for ids, rounds, bands and local times, never the
stored JSON."""

from __future__ import annotations

import ast
import importlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import evaluator
from evaluator import messages
from evaluator.audit_labels import ACTIONS, ENTITIES, FIELDS, AuditNames, key_text, value_text
from evaluator.timefmt import local_time

CORE = Path(evaluator.__file__).parent
VIEWS = CORE.parent / "ui"


def _json_keys(value: Any, parent: str = "") -> set[str]:
    """The field names of a stored record (not the group names an assignment is keyed by)."""
    if isinstance(value, dict):
        keys = set() if parent == "groups" else {str(k) for k in value}
        return keys.union(*(_json_keys(v, str(k)) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(*(_json_keys(v, parent) for v in value))
    return set()


@pytest.fixture(scope="module")
def demo_audit(demo_path: Path, tmp_path_factory: pytest.TempPathFactory
               ) -> tuple[list[list[Any]], set[str]]:
    """The 审计 sheet of the demo after a plenary decision, a changed one and the results
    published; and every field name the log stores."""
    from openpyxl import load_workbook

    from evaluator.exports.workbook import export_workbook
    from evaluator.people import choose_working_name
    from evaluator.plenary import decide
    from evaluator.results import publish_results, undecided_items
    from evaluator.workspace import Workspace

    folder = tmp_path_factory.mktemp("audit")
    path = Path(shutil.copy(demo_path, folder / "demo.evdb"))
    with Workspace.open(path) as ws:
        choose_working_name(ws, "秘书处")
        items = undecided_items(ws, 2018)
        decide(ws, 2018, items[0].alliance_id, None, "维持", decided_by="主持人")
        decide(ws, 2018, items[0].alliance_id, 80.0, "改定", decided_by="主持人")
        publish_results(ws, 2018, accepted_undecided=len(undecided_items(ws, 2018)))
        ws.set_setting("bands.high", 86)
        keys: set[str] = set()
        for old, new in ws.db.execute("SELECT old_json, new_json FROM audit_log"):
            for text in (old, new):
                if text is not None:
                    keys |= _json_keys(json.loads(text))
        export_workbook(ws, folder / "r.xlsx", year=2018)
    sheet = load_workbook(folder / "r.xlsx")["审计"]
    return [[c.value for c in row] for row in sheet.iter_rows()], keys


def test_the_demo_audit_sheet_shows_no_stored_json(demo_audit: tuple[list[list[Any]], set[str]]
                                                   ) -> None:
    rows, keys = demo_audit
    assert rows[0] == ["序号", "时间", "操作人", "操作", "对象", "键", "原值", "新值"]
    assert {"sequence", "alliance_id", "decided_at", "band", "seed"} & keys  # what is checked
    words = re.compile(r"(?<![A-Za-z0-9_])(?:" + "|".join(map(re.escape, keys)) +
                       r")(?![A-Za-z0-9_])")
    raw = []
    for row in rows[1:]:
        for value in row[5:]:
            if isinstance(value, str) and (value.startswith(("{", "[", '"'))
                                           or words.search(value)):
                raw.append(f"{row[0]} {row[3]} {row[4]}: {value[:120]}")
    assert not raw, "\n".join(raw[:20])


def test_the_demo_audit_sheet_names_people_rounds_bands_and_times(
        demo_audit: tuple[list[list[Any]], set[str]]) -> None:
    rows, _ = demo_audit
    by_action: dict[str, list[list[Any]]] = {}
    for row in rows[1:]:
        by_action.setdefault(str(row[3]), []).append(row)
    first, second = by_action["复核会评决定"]
    assert "决定：维持共识分" in first[7]
    assert "决定人：主持人" in first[7]
    assert "决定：改定分数" in second[7]
    assert "分数：80，" in second[7]
    assert re.search(r"决定时间：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d", second[7])
    assert "决定：维持共识分" in second[6]  # the decision it replaced
    published = by_action["发布结果"][0][7]
    assert "活跃度：活跃度高" in published
    assert "来源：共识分" in published or "来源：复核会评决定" in published
    assignments = [r for r in by_action["分配评审任务"] if r[4] == "评审任务"]
    assert {r[5] for r in assignments} == {"2018：分组初评", "2018：交叉复评"}
    assert "各组分配：第一组：" in assignments[0][7]
    expert = next(r for r in by_action["新建"] if r[4] == "专家")
    assert re.search(r"专家小组：第.组", expert[7])  # the group's name, not its id
    assert "角色：" in expert[7]
    assert by_action["修改"][-1][5:] == ["活跃度高下限", "85", "86"]


MERGE = {"expert": "张三", "round": "review", "sequence": 2, "sha256": "ab" * 32,
         "signed": True, "unsigned": False, "legacy_signature": True, "revoked_key": False,
         "key_fingerprint": None, "scores": 40, "alliances": 2,
         "via_group_file": "第一组.evgroup"}


def test_a_merge_keeps_every_fact_in_words() -> None:
    shown = value_text(MERGE, "zh")
    for part in ("专家：张三", "轮次：交叉复评", "导出序号：2", f"文件校验值（SHA-256）：{'ab' * 32}",
                 "已签名：是", "旧签名：是", "已作废的密钥：否", "签名密钥指纹：—", "评分数：40",
                 "所在组文件：第一组.evgroup"):
        assert part in shown
    assert shown.count("：") == len(MERGE)  # one field each, none dropped
    english = value_text(MERGE, "en")
    assert "Round: Cross review" in english
    assert "Old-style signature: yes" in english
    assert not set(MERGE) & set(re.findall(r"[a-z_0-9]+", english.replace("ab" * 32, "")))


def test_ids_become_names_and_times_local() -> None:
    names = AuditNames(alliances={7: "109 半导体照明产业技术创新战略联盟"}, experts={3: "韩伟"},
                       groups={2: "第二组"}, rubrics={1: "2018 年度指标"},
                       alliance_codes={"109": "109 半导体照明产业技术创新战略联盟"})
    at = "2019-02-15T06:05:00+00:00"
    shown = value_text({"alliance_id": 7, "group_id": 2, "rubric_id": 1, "decided_at": at,
                        "band": "fairly_high", "consensus_before": 49.96153846153846},
                       "zh", names)
    assert shown == (f"联盟：109 半导体照明产业技术创新战略联盟，专家小组：第二组，评价指标：2018 年度指标，"
                     f"决定时间：{local_time(at, 'zh')}，活跃度：活跃度较高，决定前共识分：49.96")
    assert key_text("conflict", "3:7", "zh", names) == "韩伟：109 半导体照明产业技术创新战略联盟"
    assert key_text("assignment", "initial:3:7", "zh", names) == \
        "分组初评：韩伟：109 半导体照明产业技术创新战略联盟"
    assert key_text("scores", "2018/review/3", "zh", names) == "2018 / 交叉复评 / 韩伟"
    assert key_text("plenary_decision", "109", "zh", names) == "109 半导体照明产业技术创新战略联盟"
    # a key that is not built from parts stays as it was written
    assert key_text("alliance", '=HYPERLINK("http://x","a")', "zh", names) == \
        '=HYPERLINK("http://x","a")'


def test_recorded_problems_read_as_text() -> None:
    for module in ("evaluator.merge", "evaluator.scorefile"):  # they register the codes
        importlib.import_module(module)

    codes = ["merge.unknown_expert", "merge.wrong_round", "merge.unsigned",
             "scorefile.bad_value"]
    assert all(messages.has_text(c) for c in codes)
    shown = value_text({"problems": codes}, "zh")
    assert "{" not in shown
    assert not re.search(r"merge|scorefile", shown)
    assert shown.startswith("问题：（1）")
    assert "（4）" in shown
    warnings = [{"code": "reading.empty_file", "severity": "warning", "file": "a.xlsx",
                 "sheet": None, "row": None, "column": None, "params": {}}]
    assert value_text({"warnings": warnings}, "zh") == "提示：文件 a.xlsx：文件是空的"


def _audit_calls() -> list[tuple[ast.Call, str]]:
    """Every `….audit(...)` call of the core and the views, with where it is."""
    calls = []
    for path in sorted([*CORE.rglob("*.py"), *VIEWS.rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "audit":
                calls.append((node, f"{path.name}:{node.lineno}"))
    return calls


def test_every_recorded_action_and_entity_has_a_name() -> None:
    missing = {}
    for node, where in _audit_calls():
        for arg, table in zip(node.args[:2], (ACTIONS, ENTITIES), strict=False):
            if isinstance(arg, ast.Constant) and arg.value not in table:
                missing[arg.value] = where
    assert len(_audit_calls()) > 40
    assert not missing, missing


def _audited_keys() -> dict[str, str]:
    """Field names written as literals in the records of every `audit(...)` call."""
    found: dict[str, str] = {}
    for node, where in _audit_calls():
        for arg in node.args[3:]:
            for inner in ast.walk(arg):
                if isinstance(inner, ast.Dict):
                    for key in inner.keys:
                        if isinstance(key, ast.Constant) and isinstance(key.value, str):
                            found[key.value] = where
    return found


def test_every_recorded_field_has_a_name() -> None:
    keys = _audited_keys()
    assert {"sequence", "sha256", "superseded_sequence"} <= set(keys)
    missing = {k: where for k, where in keys.items() if k not in FIELDS}
    assert not missing, missing
