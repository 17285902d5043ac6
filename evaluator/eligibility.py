"""Whether an alliance entered enough information to be evaluated (录入信息达到评价要求).

The report counts 88 of 152 alliances as meeting the requirement without stating the rule;
the default here (issue 3) is: basic information complete, and at least one record under
each first-level indicator. Both parts are workspace settings. Registry alliances with no
submission for the year are reported as not submitted.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluator import messages
from evaluator.errors import Problem
from evaluator.registry import Alliance, list_alliances
from evaluator.workspace import Workspace

ELIGIBLE = "eligible"
INELIGIBLE = "ineligible"
NOT_SUBMITTED = "not_submitted"

messages.register({
    "eligibility.not_submitted": {
        "zh": "本年度未填报",
        "en": "No submission this year",
    },
    "eligibility.basic_incomplete": {
        "zh": "基本信息不完整（缺少{missing}）",
        "en": "Basic information incomplete ({missing} missing)",
    },
    "eligibility.too_few_records": {
        "zh": "一级指标“{group}”下只有 {found} 条记录（至少需要 {required} 条）",
        "en": "Only {found} records under '{group_en}' (at least {required} needed)",
    },
    "eligibility.status.eligible": {"zh": "达到评价要求", "en": "Eligible"},
    "eligibility.status.ineligible": {"zh": "未达到评价要求", "en": "Not eligible"},
    "eligibility.status.not_submitted": {"zh": "未填报", "en": "Not submitted"},
})

_BASIC_FIELDS = (("name_as_filed", "联盟名称"), ("contact", "联系人"), ("phone", "联系电话"),
                 ("filed_on", "填报日期"))


@dataclass(frozen=True)
class Eligibility:
    alliance: Alliance
    submitted: bool
    status: str  # ELIGIBLE, INELIGIBLE, NOT_SUBMITTED
    counts: dict[str, int]  # records per first-level indicator code
    reasons: tuple[Problem, ...]

    @property
    def eligible(self) -> bool:
        return self.status == ELIGIBLE


def status_text(status: str, lang: str | None = None) -> str:
    return messages.text(f"eligibility.status.{status}", lang)


def assess_eligibility(ws: Workspace, year: int | None = None) -> list[Eligibility]:
    """Every registry alliance, in registry order, with its status and reasons."""
    year = ws.require_year(year)
    rubric = ws.rubric(year)
    require_basic = bool(ws.setting("eligibility.require_basic_info"))
    min_records = int(ws.setting("eligibility.min_records_per_group"))
    group_of = {ind.code: group.code for group in rubric.groups for ind in group.indicators}
    submissions = {r["alliance_id"]: r for r in ws.db.query(
        "SELECT * FROM submissions WHERE year = ?", [year])}
    counts: dict[int, dict[str, int]] = {}
    for alliance_id, code, n in ws.db.execute(
            "SELECT s.alliance_id, r.indicator_code, count(*) FROM submission_records r"
            " JOIN submissions s ON s.id = r.submission_id WHERE s.year = ?"
            " GROUP BY s.alliance_id, r.indicator_code", (year,)):
        group_code = group_of.get(code)
        if group_code is not None:
            per = counts.setdefault(alliance_id, {})
            per[group_code] = per.get(group_code, 0) + n
    results = []
    for alliance in list_alliances(ws):
        per_group = {g.code: counts.get(alliance.id, {}).get(g.code, 0) for g in rubric.groups}
        sub = submissions.get(alliance.id)
        if sub is None:
            results.append(Eligibility(alliance, False, NOT_SUBMITTED, per_group,
                                       (Problem("eligibility.not_submitted", {}),)))
            continue
        reasons: list[Problem] = []
        if require_basic:
            missing = [label for key, label in _BASIC_FIELDS if not (sub[key] or "").strip()]
            if missing:
                reasons.append(Problem("eligibility.basic_incomplete",
                                       {"missing": "、".join(missing)}))
        for group in rubric.groups:
            if per_group[group.code] < min_records:
                reasons.append(Problem("eligibility.too_few_records",
                                       {"group": group.name, "group_en": group.name_en,
                                        "group_code": group.code,
                                        "found": per_group[group.code],
                                        "required": min_records}))
        results.append(Eligibility(alliance, True, INELIGIBLE if reasons else ELIGIBLE,
                                   per_group, tuple(reasons)))
    return results


def eligible_alliance_ids(ws: Workspace, year: int | None = None) -> list[int]:
    """Ids of the alliances to evaluate this year (registry order)."""
    return [e.alliance.id for e in assess_eligibility(ws, year) if e.eligible]
