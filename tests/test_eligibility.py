"""Eligibility (录入信息达到评价要求): default rule, settings, reasons, not submitted."""

from __future__ import annotations

import datetime as dt

from evaluator.eligibility import (
    ELIGIBLE,
    INELIGIBLE,
    NOT_SUBMITTED,
    assess_eligibility,
    eligible_alliance_ids,
    status_text,
)
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace


def _submit(ws: Workspace, alliance_id: int, codes: list[str], *, contact: str = "王",
            filed_on: str | None = "2018-12-01") -> None:
    sid = ws.db.table("submissions").insert({
        "year": 2018, "alliance_id": alliance_id, "name_as_filed": "x", "contact": contact,
        "phone": "1", "filed_on": filed_on, "imported_at": dt.datetime.now().isoformat()
    }).last_pk
    ws.db.table("submission_records").insert_all(
        {"submission_id": sid, "indicator_code": c, "title": f"t{i}", "sort": i}
        for i, c in enumerate(codes))


def _setup(workspace: Workspace) -> dict[str, int]:
    ids = {}
    for code in ("101", "102", "103", "104"):
        ids[code] = add_alliance(workspace, code, f"联盟{code}").id
    _submit(workspace, ids["101"], ["1.1", "2.1", "3.1"])
    _submit(workspace, ids["102"], ["1.1", "1.2", "3.5"], contact="")
    _submit(workspace, ids["103"], ["1.1", "2.1", "2.2", "3.1"], filed_on=None)
    return ids


def test_default_rule(workspace: Workspace) -> None:
    ids = _setup(workspace)
    result = {e.alliance.code: e for e in assess_eligibility(workspace, 2018)}
    assert result["101"].status == ELIGIBLE
    assert result["101"].counts == {"1": 1, "2": 1, "3": 1}
    assert result["102"].status == INELIGIBLE
    assert [r.code for r in result["102"].reasons] == [
        "eligibility.basic_incomplete", "eligibility.too_few_records"]
    assert result["102"].reasons[0].params["missing"] == "联系人"
    assert result["102"].reasons[1].params["group_code"] == "2"
    assert result["103"].status == INELIGIBLE
    assert result["103"].reasons[0].params["missing"] == "填报日期"
    assert result["104"].status == NOT_SUBMITTED
    assert result["104"].submitted is False
    assert eligible_alliance_ids(workspace) == [ids["101"]]


def test_rule_follows_settings(workspace: Workspace) -> None:
    _setup(workspace)
    workspace.set_setting("eligibility.require_basic_info", False)
    result = {e.alliance.code: e.status for e in assess_eligibility(workspace)}
    assert result["103"] == ELIGIBLE
    assert result["102"] == INELIGIBLE  # still nothing under group 2
    workspace.set_setting("eligibility.min_records_per_group", 2)
    result = {e.alliance.code: e for e in assess_eligibility(workspace)}
    assert result["101"].status == INELIGIBLE
    assert [r.params["group_code"] for r in result["103"].reasons] == ["1", "3"]
    workspace.set_setting("eligibility.min_records_per_group", 0)
    assert {e.alliance.code: e.status for e in assess_eligibility(workspace)}["102"] == ELIGIBLE


def test_blank_fields_and_foreign_codes_do_not_count(workspace: Workspace) -> None:
    a = add_alliance(workspace, "105", "联盟105").id
    # Spaces are no contact; an indicator code outside the rubric is no record.
    _submit(workspace, a, ["1.1", "2.1", "9.9"], contact="   ")
    e = assess_eligibility(workspace, 2018)[0]
    assert e.counts == {"1": 1, "2": 1, "3": 0}
    assert [r.code for r in e.reasons] == ["eligibility.basic_incomplete",
                                           "eligibility.too_few_records"]
    assert e.reasons[0].params["missing"] == "联系人"
    assert (e.reasons[1].params["group_code"], e.reasons[1].params["found"],
            e.reasons[1].params["required"]) == ("3", 0, 1)


def test_another_years_submission_is_not_this_years(workspace: Workspace) -> None:
    a = add_alliance(workspace, "106", "联盟106").id
    _submit(workspace, a, ["1.1", "2.1", "3.1"])
    workspace.add_year(2019, workspace.rubric(2018))
    assert assess_eligibility(workspace, 2019)[0].status == NOT_SUBMITTED
    assert assess_eligibility(workspace, 2018)[0].status == ELIGIBLE


def test_status_reads_in_both_languages() -> None:
    assert [status_text(s, "zh") for s in (ELIGIBLE, INELIGIBLE, NOT_SUBMITTED)] == [
        "达到评价要求", "未达到评价要求", "未填报"]
    assert status_text(NOT_SUBMITTED, "en") == "Not submitted"


def test_the_demo_reproduces_the_reports_88_eligible(demo_ws: Workspace) -> None:
    # Section 二 of the 2018 report: 88 alliances' entries met the requirement.
    assessed = assess_eligibility(demo_ws)
    assert sum(e.eligible for e in assessed) == 88
    assert len(eligible_alliance_ids(demo_ws)) == 88
