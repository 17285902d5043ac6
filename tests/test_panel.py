"""The expert panel: experts, roles, organisations matched to the registry, groups,
conflicts of interest, and the panel import (all problems at once, nothing written)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from evaluator.errors import EvaluatorError
from evaluator.panel import (
    add_expert,
    conflicts,
    declare_conflict,
    ensure_group,
    get_expert,
    get_expert_by_name,
    has_conflict,
    import_panel,
    list_experts,
    list_groups,
    parse_role,
    remove_conflict,
    secret_key,
    set_expert_group,
    set_group_leader,
)
from evaluator.registry import add_alliance, find_by_code

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"


@pytest.fixture
def ws(workspace):  # type: ignore[no-untyped-def]
    add_alliance(workspace, "109", "半导体照明产业技术创新战略联盟")
    add_alliance(workspace, "138", "集成电路封测产业链技术创新战略联盟")
    add_alliance(workspace, "233", "住宅科技产业技术创新战略联盟")
    return workspace


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


# -- experts -----------------------------------------------------------------------------

def test_role_names_in_chinese_and_english() -> None:
    assert parse_role("顾问") == "advisor"
    assert parse_role("组长") == "leader"
    assert parse_role("副组长") == "deputy_leader"
    assert parse_role("成员") == "member"
    assert parse_role("deputy_leader") == "deputy_leader"
    assert parse_role(" Member ") == "member"
    assert parse_role("秘书") is None


def test_add_expert_normalises_name_and_matches_own_alliance(ws) -> None:  # type: ignore[no-untyped-def]
    expert_id = add_expert(ws, 2018, "阮 军", "成员", "半导体照明产业技术创新战略联盟", "秘书长")
    expert = get_expert(ws, expert_id)
    assert expert.name == "阮军"
    assert expert.role == "member"
    assert expert.alliance_code == "109"
    assert secret_key(ws, expert_id) == ""  # no HMAC key: Ed25519 keys come with packages
    assert has_conflict(ws, expert_id, find_by_code(ws, "109").id)  # type: ignore[union-attr]
    [conflict] = conflicts(ws, 2018)
    assert conflict.source == "affiliation"
    assert "半导体照明" in conflict.reason


def test_similar_name_matches_and_unknown_organisation_does_not(ws) -> None:  # type: ignore[no-untyped-def]
    # Annex 1 writes 集成电路封测产业技术创新战略联盟 for annex 2's 产业链 name.
    qin = add_expert(ws, 2018, "秦舒", "member", "集成电路封测产业技术创新战略联盟")
    cheng = add_expert(ws, 2018, "程学忠", "deputy_leader", "产业技术创新战略联盟协发网")
    assert get_expert(ws, qin).alliance_code == "138"
    assert get_expert(ws, cheng).alliance_id is None
    assert [c.expert_name for c in conflicts(ws, 2018)] == ["秦舒"]


def test_duplicates_refused(ws) -> None:  # type: ignore[no-untyped-def]
    add_expert(ws, 2018, "王荣", "member")
    add_expert(ws, 2018, "王鹏", "member")
    with pytest.raises(EvaluatorError) as info:
        add_expert(ws, 2018, "王 荣", "member")
    assert info.value.problems[0].code == "panel.expert_exists"
    with pytest.raises(EvaluatorError) as info:
        add_expert(ws, 2018, "张三", "secretary")
    assert info.value.problems[0].code == "panel.bad_role"
    assert ws.count("experts") == 2


# -- groups -------------------------------------------------------------------------------

def test_groups_and_one_leader_per_group(ws) -> None:  # type: ignore[no-untyped-def]
    g1 = ensure_group(ws, 2018, "第一组")
    assert ensure_group(ws, 2018, " 第一组 ") == g1
    a = add_expert(ws, 2018, "甲", "member", group="第一组")
    b = add_expert(ws, 2018, "乙", "member")
    set_expert_group(ws, b, g1)
    set_group_leader(ws, a)
    set_group_leader(ws, b)
    assert not get_expert(ws, a).is_group_leader
    assert get_expert(ws, b).is_group_leader
    [group] = list_groups(ws, 2018)
    assert (group.members, group.leader_name) == (2, "乙")
    set_expert_group(ws, b, None)
    assert get_expert(ws, b).group_id is None
    with pytest.raises(EvaluatorError):
        set_group_leader(ws, b)


def test_advisor_scores_only_when_placed_in_a_group(ws) -> None:  # type: ignore[no-untyped-def]
    g1 = ensure_group(ws, 2018, "第一组")
    advisor = add_expert(ws, 2018, "李新男", "顾问")
    assert not get_expert(ws, advisor).scores
    set_expert_group(ws, advisor, g1)
    assert get_expert(ws, advisor).scores
    other = add_expert(ws, 2018, "另一顾问", "advisor", group="第一组")
    assert get_expert(ws, other).scores
    set_expert_group(ws, other, None)
    assert not get_expert(ws, other).scores


# -- conflicts ----------------------------------------------------------------------------

def test_declared_conflict_needs_reason_and_can_be_removed(ws) -> None:  # type: ignore[no-untyped-def]
    expert = add_expert(ws, 2018, "杨洁", "member", "住宅科技产业技术创新战略联盟")
    alliance = find_by_code(ws, "109")
    assert alliance is not None
    with pytest.raises(EvaluatorError) as info:
        declare_conflict(ws, expert, alliance.id, "   ")
    assert info.value.problems[0].code == "panel.reason_required"
    cid = declare_conflict(ws, expert, alliance.id, "曾在该联盟牵头单位任职")
    assert has_conflict(ws, expert, alliance.id)
    with pytest.raises(EvaluatorError) as info:
        declare_conflict(ws, expert, alliance.id, "again")
    assert info.value.problems[0].code == "panel.conflict_exists"
    remove_conflict(ws, cid)
    assert not has_conflict(ws, expert, alliance.id)
    affiliation = next(c for c in conflicts(ws, 2018) if c.source == "affiliation")
    with pytest.raises(EvaluatorError) as info:
        remove_conflict(ws, affiliation.id)
    assert info.value.problems[0].code == "panel.conflict_not_declared"
    actions = [r[0] for r in ws.db.execute(
        "SELECT action FROM audit_log WHERE entity = 'conflict' ORDER BY id")]
    assert actions == ["create", "create", "delete"]


# -- import -------------------------------------------------------------------------------

def test_import_annex1_panel(ws) -> None:  # type: ignore[no-untyped-def]
    report = import_panel(ws, SHARED / "annex1_2018_panel.csv", 2018)
    experts = list_experts(ws, 2018)
    assert len(experts) == 32
    assert [e.role for e in experts[:4]] == ["advisor", "leader", "deputy_leader",
                                              "deputy_leader"]
    with (SHARED / "annex1_2018_panel.csv").open(encoding="utf-8") as fh:
        names = {row["name"].replace(" ", "") for row in csv.DictReader(fh)}
    assert {e.name for e in experts} == names
    # 阮军 (109), 仲继寿 and 潘晓棠 (233), 秦舒 (138, similar name) are matched.
    matched = {name: code for name, _org, code, _how in report.matched}
    assert matched == {"仲继寿": "233", "潘晓棠": "233", "秦舒": "138", "阮军": "109"}
    assert get_expert_by_name(ws, 2018, "阮军").alliance_code == "109"
    assert any(w.code == "panel.similar_match" and w.row is not None for w in report.warnings)


def test_import_xlsx_with_groups_sets_leaders(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "panel.xlsx", [
        ["角色", "姓名", "单位", "职务", "分组"],
        ["顾问", "李新男", "产业技术创新战略联盟试点工作联络组", "秘书长", None],
        ["组长", "仲继寿", "住宅科技产业技术创新战略联盟", "秘书长", "第一组"],
        ["成员", "阮 军", "半导体照明产业技术创新战略联盟", "秘书长", "第一组"],
        ["成员", "秦舒", "集成电路封测产业技术创新战略联盟", "副秘书长", "第二组"],
        ["成员", "王鹏", "TD 产业技术创新战略联盟", "总监", "第二组"],
    ])
    report = import_panel(ws, path, 2018)
    assert len(report.added) == 5
    assert report.groups_created == ["第一组", "第二组"]
    groups = {g.name: g for g in list_groups(ws, 2018)}
    assert groups["第一组"].leader_name == "仲继寿"
    assert groups["第二组"].leader_name == "秦舒"  # the first member when no leader is in it
    assert get_expert_by_name(ws, 2018, "李新男").group_id is None


def test_import_reports_every_problem_with_row_and_column(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "panel.xlsx", [
        ["角色", "姓名", "单位", "职务"],
        ["组长", "仲继寿", "住宅科技产业技术创新战略联盟", "秘书长"],
        ["秘书", "阮军", "半导体照明产业技术创新战略联盟", "秘书长"],
        ["成员", None, "存储产业技术创新战略联盟", "秘书长"],
        ["成员", "仲 继寿", "", ""],
    ])
    with pytest.raises(EvaluatorError) as info:
        import_panel(ws, path, 2018)
    found = {(p.code, p.row, p.column) for p in info.value.problems}
    assert found == {("panel.bad_role", 3, "角色"), ("panel.empty_name", 4, "姓名"),
                     ("panel.duplicate_name", 5, "姓名")}
    assert all(p.file == "panel.xlsx" and p.sheet for p in info.value.problems)
    assert "第 3 行" in info.value.render("zh")
    assert ws.count("experts") == 0
    assert ws.count("conflicts") == 0


def test_import_missing_column_refused(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "panel.csv"
    path.write_text("角色,姓名,职务\n成员,王鹏,总监\n", encoding="utf-8")
    with pytest.raises(EvaluatorError) as info:
        import_panel(ws, path, 2018)
    assert [(p.code, p.params["name"]) for p in info.value.problems] == [
        ("reading.missing_column", "单位")]
    assert ws.count("experts") == 0


def test_reimport_updates_in_place(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "first.csv"
    first.write_text("角色,姓名,单位,职务\n成员,阮军,半导体照明产业技术创新战略联盟,秘书长\n"
                     "成员,王鹏,TD 产业技术创新战略联盟,总监\n", encoding="utf-8")
    import_panel(ws, first, 2018)
    ruan = get_expert_by_name(ws, 2018, "阮军")
    key = secret_key(ws, ruan.id)
    second = tmp_path / "second.csv"
    second.write_text("角色,姓名,单位,职务\n成员,阮 军,住宅科技产业技术创新战略联盟,副秘书长\n"
                      "成员,王鹏,TD 产业技术创新战略联盟,总监\n", encoding="utf-8")
    report = import_panel(ws, second, 2018)
    assert (report.added, report.updated, report.unchanged) == ([], ["阮军"], ["王鹏"])
    after = get_expert(ws, ruan.id)
    assert (after.title, after.alliance_code) == ("副秘书长", "233")
    assert secret_key(ws, ruan.id) == key
    assert [(c.expert_name, c.alliance_code) for c in conflicts(ws, 2018)] == [("阮军", "233")]


def test_clearing_a_group_leader_is_audited(ws) -> None:  # type: ignore[no-untyped-def]
    from evaluator.panel import clear_group_leader, set_group_leader

    g1 = ensure_group(ws, 2018, "第一组")
    expert = add_expert(ws, 2018, "组长甲", "member", group="第一组")
    set_group_leader(ws, expert)
    clear_group_leader(ws, g1)
    assert not get_expert(ws, expert).is_group_leader
    entry = next(iter(ws.db.query("SELECT * FROM audit_log WHERE entity = 'expert_group.leader'"
                             " ORDER BY id DESC LIMIT 1")))
    assert entry["old_json"] == '"组长甲"'
    assert entry["new_json"] is None
    clear_group_leader(ws, g1)  # nothing to clear: no new entry
    assert ws.count("audit_log", "entity = 'expert_group.leader'") == 2
