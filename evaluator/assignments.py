"""Who scores which alliance, per round: groups of experts, balanced and conflict-free.

Report 二.3: 分组初评 (each group scores its share of the alliances) then 集中交叉分组复评
(a different group re-scores each alliance). An alliance goes to one group per round;
every scoring member of that group scores it, except members with a conflict of interest.
Placement is deterministic given the seed, so the office can reproduce it.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from evaluator import messages
from evaluator.eligibility import eligible_alliance_ids
from evaluator.errors import EvaluatorError, Problem
from evaluator.panel import Expert, get_expert, lead_groups_by_rank, list_experts, list_groups
from evaluator.progress import NullProgress, Progress, check
from evaluator.registry import get_alliance
from evaluator.rounds import require_round, round_text
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

DEFAULT_SEED = 2018
NO_PROGRESS: Progress = NullProgress()
_GROUP_NUMERALS = "一二三四五六七八九十"

messages.register({
    "assign.no_groups": {
        "zh": "专家尚未分组：请在“专家与分工”中分组，或指定分组数（--groups N）",
        "en": "The experts are in no group yet: group them on the panel screen or give a "
        "number of groups (--groups N)",
    },
    "assign.groups_exist": {
        "zh": "专家已分为 {found} 个组，与指定的 {wanted} 个组不符；请在“专家与分工”中调整分组，或不指定分组数",
        "en": "The experts are already in {found} groups, not the {wanted} asked for; change "
        "the groups on the panel screen or leave out the number of groups",
    },
    "assign.bad_group_count": {
        "zh": "分组数 {wanted} 不可行：共有 {scorers} 位评分专家",
        "en": "{wanted} groups are not possible with {scorers} scoring experts",
    },
    "assign.review_needs_two_groups": {
        "zh": "交叉复评至少需要两个评审组（现有 {found} 个）",
        "en": "The cross-group re-review needs at least two groups ({found} now)",
    },
    "assign.no_initial": {
        "zh": "{year} 年度尚未完成分组初评的分工，请先分配初评",
        "en": "The initial round of {year} has no assignments yet; assign it first",
    },
    "assign.no_alliances": {
        "zh": "{year} 年度没有符合评价要求的联盟可分配",
        "en": "No alliance of {year} is eligible for evaluation, so nothing can be assigned",
    },
    "assign.no_group_for": {
        "zh": "联盟 {code}（{name}）无法分配：没有任何{constraint}的评审组中有无回避关系的专家",
        "en": "Alliance {code} ({name}) cannot be placed: no group{constraint} has an expert "
        "without a conflict of interest",
    },
    "assign.constraint_other": {"zh": "（初评组以外）", "en": " other than its initial group"},
    "assign.scores_exist": {
        "zh": "{round}已有 {count} 条评分，不能重新分配；如确需调整，请逐个修改分工",
        "en": "The {round} already has {count} scores, so it cannot be reassigned; change "
        "single assignments instead",
    },
    "assign.review_exists": {
        "zh": "交叉复评已按当前初评分组分配（{count} 项）；请先清除复评分工，再重新分配初评",
        "en": "The re-review has been assigned against the current initial groups ({count} "
        "assignments); clear the re-review first, then reassign the initial round",
    },
    "assign.conflict": {
        "zh": "不能安排专家“{expert}”评审联盟 {code}（{alliance}）：存在回避关系（{reason}）",
        "en": "Expert '{expert}' cannot score alliance {code} ({alliance}): conflict of "
        "interest ({reason})",
    },
    "assign.advisor": {
        "zh": "顾问“{expert}”不参与评分",
        "en": "Advisor '{expert}' does not score",
    },
    "assign.wrong_year": {
        "zh": "专家“{expert}”属于 {expert_year} 年度，不是 {year} 年度",
        "en": "Expert '{expert}' belongs to {expert_year}, not {year}",
    },
    "assign.has_scores": {
        "zh": "专家“{expert}”已为联盟 {code} 评分（{round}），不能取消这项分工",
        "en": "Expert '{expert}' has already scored alliance {code} ({round}); the "
        "assignment cannot be removed",
    },
    "assign.check_unscored": {
        "zh": "{round}：联盟 {code} 没有评分专家",
        "en": "{round}: alliance {code} has no scoring expert",
    },
    "assign.check_conflict": {
        "zh": "{round}：专家“{expert}”被安排评审有回避关系的联盟 {code}",
        "en": "{round}: expert '{expert}' is assigned alliance {code} despite a conflict",
    },
    "assign.check_same_group": {
        "zh": "交叉复评：联盟 {code} 仍由初评组“{group}”评审",
        "en": "Re-review: alliance {code} is still with its initial group '{group}'",
    },
})


@dataclass
class GroupSummary:
    id: int
    name: str
    leader: str | None
    members: list[str]
    alliances: list[str]  # codes
    batch_mix: dict[str, int]
    conflicts_skipped: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "leader": self.leader,
                "members": self.members, "alliances": self.alliances,
                "batch_mix": self.batch_mix, "conflicts_skipped": self.conflicts_skipped}


@dataclass
class AssignmentSummary:
    year: int
    round: str
    seed: int
    groups: list[GroupSummary] = field(default_factory=list)
    assignments: int = 0
    replaced: int = 0
    formed_groups: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "round": self.round, "seed": self.seed,
                "assignments": self.assignments, "replaced": self.replaced,
                "formed_groups": self.formed_groups,
                "groups": [g.as_dict() for g in self.groups]}


@dataclass(frozen=True)
class _Alliance:
    id: int
    code: str
    name: str
    batch_id: str
    batch_sort: int


@dataclass
class _Group:
    id: int
    name: str
    scorers: list[Expert]


# -- eligibility ------------------------------------------------------------------------------

def eligible_alliances(ws: Workspace, year: int) -> list[int]:
    """The alliances to evaluate this year (录入信息达到评价要求, see eligibility.py)."""
    return eligible_alliance_ids(ws, year)


def _alliances(ws: Workspace, ids: list[int]) -> list[_Alliance]:
    wanted = set(ids)
    rows = ws.db.execute(
        "SELECT a.id, a.code, a.name, a.batch_id, b.sort FROM alliances a"
        " JOIN batches b ON b.id = a.batch_id ORDER BY b.sort, a.code").fetchall()
    return [_Alliance(*r) for r in rows if r[0] in wanted]


# -- groups ----------------------------------------------------------------------------------

def group_name(number: int) -> str:
    """第一组, 第二组, ... (1-based)."""
    if 1 <= number <= len(_GROUP_NUMERALS):
        return f"第{_GROUP_NUMERALS[number - 1]}组"
    return f"第{number}组"


def form_groups(ws: Workspace, year: int, count: int, seed: int = DEFAULT_SEED) -> list[int]:
    """Split the scoring experts into `count` groups of sizes within one of each other.

    The leader and deputy leaders go to different groups first (each then leads one);
    members follow in a seeded order. The advisor does not score and joins no group.
    """
    from evaluator.panel import ensure_group, set_expert_group

    scorers = [e for e in list_experts(ws, year) if e.scores]
    if not 1 <= count <= len(scorers):
        raise EvaluatorError(Problem("assign.bad_group_count",
                                     {"wanted": count, "scorers": len(scorers)}))
    heads = [e for e in scorers if e.role in ("leader", "deputy_leader")]
    members = [e for e in scorers if e.role not in ("leader", "deputy_leader")]
    random.Random(seed).shuffle(members)
    with ws.transaction():
        group_ids = [ensure_group(ws, year, group_name(i + 1)) for i in range(count)]
        for i, expert in enumerate(heads + members):
            set_expert_group(ws, expert.id, group_ids[i % count])
        lead_groups_by_rank(ws, year)
        ws.audit("form", "expert_groups", str(year), None, {"count": count, "seed": seed})
    return group_ids


def _scoring_groups(ws: Workspace, year: int) -> list[_Group]:
    by_group: dict[int, list[Expert]] = {}
    for expert in list_experts(ws, year):
        if expert.scores and expert.group_id is not None:
            by_group.setdefault(expert.group_id, []).append(expert)
    return [_Group(g.id, g.name, by_group[g.id]) for g in list_groups(ws, year)
            if g.id in by_group]


def _conflict_pairs(ws: Workspace, year: int) -> set[tuple[int, int]]:
    """(expert_id, alliance_id) for every conflict of the year's experts."""
    return {(r[0], r[1]) for r in ws.db.execute(
        "SELECT c.expert_id, c.alliance_id FROM conflicts c JOIN experts e ON e.id ="
        " c.expert_id WHERE e.year = ?", (year,))}


# -- placing alliances into groups -----------------------------------------------------------

def _place(alliances: list[_Alliance], groups: list[_Group],
           allowed: Callable[[_Alliance, int], bool], rng: random.Random,
           origin: dict[int, int] | None = None) -> tuple[dict[int, int], list[_Alliance]]:
    """Deal alliances to groups: batch by batch in a seeded order, each to the allowed group
    holding fewest alliances (then fewest of that batch), which is a round-robin when
    nothing forbids a group; then even out counts that conflicts made uneven.

    Returns alliance id -> group index, and the alliances no group may take.
    """
    order: list[_Alliance] = []
    for batch in sorted({a.batch_sort for a in alliances}):
        chunk = [a for a in alliances if a.batch_sort == batch]
        rng.shuffle(chunk)
        order.extend(chunk)
    n = len(groups)
    count = [0] * n
    batch_count: list[Counter[str]] = [Counter() for _ in range(n)]
    mix: list[Counter[int]] = [Counter() for _ in range(n)]
    placed: dict[int, int] = {}
    unplaceable: list[_Alliance] = []
    for alliance in order:
        candidates = [g for g in range(n) if allowed(alliance, g)]
        if not candidates:
            unplaceable.append(alliance)
            continue
        src = origin.get(alliance.id, -1) if origin else -1
        g = min(candidates, key=lambda g: (count[g], batch_count[g][alliance.batch_id],
                                           mix[g][src], g))
        placed[alliance.id] = g
        count[g] += 1
        batch_count[g][alliance.batch_id] += 1
        mix[g][src] += 1
    by_id = {a.id: a for a in alliances}
    for _ in range(len(alliances) * n):  # each move narrows the spread; bounded anyway
        high = max(range(n), key=lambda g: (count[g], -g))
        low = min(range(n), key=lambda g: (count[g], g))
        if count[high] - count[low] <= 1:
            break
        movable = [by_id[aid] for aid, g in placed.items()
                   if g == high and allowed(by_id[aid], low)]
        if not movable:
            break
        best = max(movable, key=lambda a: (batch_count[high][a.batch_id]
                                           - batch_count[low][a.batch_id], a.code))
        placed[best.id] = low
        count[high] -= 1
        count[low] += 1
        batch_count[high][best.batch_id] -= 1
        batch_count[low][best.batch_id] += 1
    return placed, unplaceable


# -- rounds -------------------------------------------------------------------------------------

def assign_round(ws: Workspace, year: int | None, round: str, *,
                 groups: int | None = None, seed: int = DEFAULT_SEED,
                 alliance_ids: list[int] | None = None,
                 progress: Progress = NO_PROGRESS) -> AssignmentSummary:
    """Assign every eligible alliance of `round` to one group and its non-conflicted members.

    Initial round: balanced by count and batch. Re-review: each alliance to a group other
    than its initial one. Replaces the round's assignments while it has no scores.
    """
    year = ws.require_year(year)
    require_round(round)
    # One transaction: groups formed on the way are not kept when the round is refused.
    with ws.transaction():
        return _assign_round(ws, year, round, groups, seed, alliance_ids, progress)


def _assign_round(ws: Workspace, year: int, round: str, groups: int | None, seed: int,
                  alliance_ids: list[int] | None, progress: Progress) -> AssignmentSummary:
    scored = ws.count("scores", "year = ? AND round = ?", (year, round))
    if scored:
        raise EvaluatorError(Problem("assign.scores_exist",
                                     {"round": round_text(round), "count": scored}))
    if round == "initial":
        review = ws.count("assignments", "year = ? AND round = 'review'", (year,))
        if review:
            raise EvaluatorError(Problem("assign.review_exists", {"count": review}))
    summary = AssignmentSummary(year=year, round=round, seed=seed)
    check(progress)
    scoring = _scoring_groups(ws, year)
    if groups is not None:
        if not scoring:
            form_groups(ws, year, groups, seed)
            summary.formed_groups = True
            scoring = _scoring_groups(ws, year)
        elif len(scoring) != groups:
            raise EvaluatorError(Problem("assign.groups_exist",
                                         {"found": len(scoring), "wanted": groups}))
    if not scoring:
        raise EvaluatorError(Problem("assign.no_groups"))
    if round == "review" and len(scoring) < 2:
        raise EvaluatorError(Problem("assign.review_needs_two_groups",
                                     {"found": len(scoring)}))
    ids = eligible_alliances(ws, year) if alliance_ids is None else list(alliance_ids)
    alliances = _alliances(ws, ids)
    if not alliances:
        raise EvaluatorError(Problem("assign.no_alliances", {"year": year}))
    conflicted = _conflict_pairs(ws, year)
    index_of = {g.id: i for i, g in enumerate(scoring)}
    origin: dict[int, int] = {}
    if round == "review":
        initial = initial_groups(ws, year)
        if not initial:
            raise EvaluatorError(Problem("assign.no_initial", {"year": year}))
        origin = {aid: index_of[gid] for aid, gid in initial.items() if gid in index_of}

    def allowed(alliance: _Alliance, g: int) -> bool:
        if origin.get(alliance.id) == g:
            return False
        return any((e.id, alliance.id) not in conflicted for e in scoring[g].scorers)

    placed, unplaceable = _place(alliances, scoring, allowed, random.Random(seed), origin)
    if unplaceable:
        constraint = messages.text("assign.constraint_other") if round == "review" else ""
        raise EvaluatorError([Problem("assign.no_group_for", {
            "code": a.code, "name": a.name, "constraint": constraint}) for a in unplaceable])
    check(progress)

    created = now_iso()
    rows: list[dict[str, Any]] = []
    for group in scoring:
        summary.groups.append(GroupSummary(
            id=group.id, name=group.name,
            leader=next((e.name for e in group.scorers if e.is_group_leader), None),
            members=[e.name for e in group.scorers], alliances=[], batch_mix={}))
    for alliance in alliances:
        g = placed[alliance.id]
        gs = summary.groups[g]
        gs.alliances.append(alliance.code)
        gs.batch_mix[alliance.batch_id] = gs.batch_mix.get(alliance.batch_id, 0) + 1
        for expert in scoring[g].scorers:
            if (expert.id, alliance.id) in conflicted:
                gs.conflicts_skipped += 1
                continue
            rows.append({"year": year, "round": round, "alliance_id": alliance.id,
                         "expert_id": expert.id, "group_id": scoring[g].id,
                         "created_at": created})
    with ws.transaction():
        summary.replaced = ws.count("assignments", "year = ? AND round = ?", (year, round))
        ws.db.execute("DELETE FROM assignments WHERE year = ? AND round = ?", (year, round))
        ws.db.table("assignments").insert_all(rows)
        summary.assignments = len(rows)
        ws.audit("assign", "assignments", f"{year}:{round}",
                 {"count": summary.replaced} if summary.replaced else None,
                 {"seed": seed, "count": len(rows),
                  "groups": {g.name: g.alliances for g in summary.groups}})
    progress.report(1, 1)
    return summary


def clear_round(ws: Workspace, year: int | None, round: str) -> int:
    """Delete a round's assignments (refused once the round has scores)."""
    year = ws.require_year(year)
    require_round(round)
    scored = ws.count("scores", "year = ? AND round = ?", (year, round))
    if scored:
        raise EvaluatorError(Problem("assign.scores_exist",
                                     {"round": round_text(round), "count": scored}))
    with ws.transaction():
        count = ws.count("assignments", "year = ? AND round = ?", (year, round))
        ws.db.execute("DELETE FROM assignments WHERE year = ? AND round = ?", (year, round))
        ws.audit("clear", "assignments", f"{year}:{round}", {"count": count}, None)
    return count


def initial_groups(ws: Workspace, year: int) -> dict[int, int]:
    """alliance id -> the group that scores it in the initial round."""
    return _groups_of_round(ws, year, "initial")


def _groups_of_round(ws: Workspace, year: int, round_: str) -> dict[int, int]:
    result: dict[int, int] = {}
    # The group most of the alliance's scorers belong to (hand edits may add others).
    for aid, gid, _n in ws.db.execute(
            "SELECT alliance_id, group_id, count(*) AS n FROM assignments"
            " WHERE year = ? AND round = ? AND group_id IS NOT NULL"
            " GROUP BY alliance_id, group_id ORDER BY alliance_id, n DESC, group_id",
            (year, round_)):
        result.setdefault(aid, gid)
    return result


def group_of_alliance(ws: Workspace, year: int | None, round: str,
                      alliance_id: int) -> int | None:
    year = ws.require_year(year)
    return _groups_of_round(ws, year, require_round(round)).get(alliance_id)


# -- single assignments ---------------------------------------------------------------------------

def add_assignment(ws: Workspace, year: int | None, round: str, expert_id: int,
                   alliance_id: int) -> int:
    """Assign one alliance to one expert by hand; refused for a conflict of interest."""
    from evaluator.panel import conflict_for

    year = ws.require_year(year)
    require_round(round)
    expert = get_expert(ws, expert_id)
    alliance = get_alliance(ws, alliance_id)
    if expert.year != year:
        raise EvaluatorError(Problem("assign.wrong_year", {
            "expert": expert.name, "expert_year": expert.year, "year": year}))
    if not expert.scores:
        raise EvaluatorError(Problem("assign.advisor", {"expert": expert.name}))
    conflict = conflict_for(ws, expert_id, alliance_id)
    if conflict is not None:
        raise EvaluatorError(Problem("assign.conflict", {
            "expert": expert.name, "code": alliance.code, "alliance": alliance.name,
            "reason": conflict.reason}))
    row = ws.db.execute("SELECT id FROM assignments WHERE year = ? AND round = ? AND"
                        " expert_id = ? AND alliance_id = ?",
                        (year, round, expert_id, alliance_id)).fetchone()
    if row:
        return int(row[0])
    with ws.transaction():
        aid = int(ws.db.table("assignments").insert({  # type: ignore[arg-type]
            "year": year, "round": round, "alliance_id": alliance_id, "expert_id": expert_id,
            "group_id": expert.group_id, "created_at": now_iso()}).last_pk)
        ws.audit("create", "assignment", f"{year}:{round}:{expert.name}:{alliance.code}",
                 None, {"group": expert.group_name})
    return aid


def remove_assignment(ws: Workspace, year: int | None, round: str, expert_id: int,
                      alliance_id: int) -> bool:
    """Withdraw one assignment; refused once the expert has scored that alliance."""
    year = ws.require_year(year)
    require_round(round)
    row = ws.db.execute("SELECT id FROM assignments WHERE year = ? AND round = ? AND"
                        " expert_id = ? AND alliance_id = ?",
                        (year, round, expert_id, alliance_id)).fetchone()
    if row is None:
        return False
    if ws.count("scores", "year = ? AND round = ? AND expert_id = ? AND alliance_id = ?",
                (year, round, expert_id, alliance_id)):
        expert = get_expert(ws, expert_id)
        raise EvaluatorError(Problem("assign.has_scores", {
            "expert": expert.name, "code": get_alliance(ws, alliance_id).code,
            "round": round_text(round)}))
    expert = get_expert(ws, expert_id)
    with ws.transaction():
        ws.db.execute("DELETE FROM assignments WHERE id = ?", (row[0],))
        ws.audit("delete", "assignment",
                 f"{year}:{round}:{expert.name}:{get_alliance(ws, alliance_id).code}",
                 {"id": row[0]}, None)
    return True


def assignments_for_expert(ws: Workspace, year: int | None, round: str,
                           expert_id: int) -> list[int]:
    """The alliance ids the expert scores in that round, in registry order."""
    year = ws.require_year(year)
    return [r[0] for r in ws.db.execute(
        "SELECT s.alliance_id FROM assignments s JOIN alliances a ON a.id = s.alliance_id"
        " JOIN batches b ON b.id = a.batch_id WHERE s.year = ? AND s.round = ?"
        " AND s.expert_id = ? ORDER BY b.sort, a.code",
        (year, require_round(round), expert_id))]


# -- the matrix for the secretariat's screen --------------------------------------------------------

@dataclass(frozen=True)
class MatrixAlliance:
    id: int
    code: str
    name: str
    batch_id: str
    group_id: int | None
    group_name: str | None


@dataclass
class AssignmentMatrix:
    """Alliances (rows) x scoring experts (columns) of one round, assigned and conflicted."""

    year: int
    round: str
    alliances: list[MatrixAlliance]
    experts: list[Expert]
    assigned: set[tuple[int, int]]  # (alliance_id, expert_id)
    conflicts: dict[tuple[int, int], str]  # (alliance_id, expert_id) -> reason
    per_expert: Counter[int] = field(default_factory=Counter)
    per_alliance: Counter[int] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for aid, eid in self.assigned:
            self.per_expert[eid] += 1
            self.per_alliance[aid] += 1

    def is_assigned(self, alliance_id: int, expert_id: int) -> bool:
        return (alliance_id, expert_id) in self.assigned

    def conflict_reason(self, alliance_id: int, expert_id: int) -> str | None:
        return self.conflicts.get((alliance_id, expert_id))


def assignment_matrix(ws: Workspace, year: int | None, round: str) -> AssignmentMatrix:
    year = ws.require_year(year)
    require_round(round)
    assigned = {(r[0], r[1]) for r in ws.db.execute(
        "SELECT alliance_id, expert_id FROM assignments WHERE year = ? AND round = ?",
        (year, round))}
    ids = set(eligible_alliances(ws, year)) | {aid for aid, _ in assigned}
    group_names = {g.id: g.name for g in list_groups(ws, year)}
    group_sort = {g.id: g.sort for g in list_groups(ws, year)}
    of_round = _groups_of_round(ws, year, round)
    alliances = [MatrixAlliance(a.id, a.code, a.name, a.batch_id, of_round.get(a.id),
                                group_names.get(of_round.get(a.id, -1)))
                 for a in _alliances(ws, sorted(ids))]
    experts = [e for e in list_experts(ws, year) if e.scores]
    experts.sort(key=lambda e: (e.group_id is None, group_sort.get(e.group_id or -1, 0),
                                not e.is_group_leader))
    conflicts = {(r[1], r[0]): r[2] for r in ws.db.execute(
        "SELECT c.expert_id, c.alliance_id, c.reason FROM conflicts c JOIN experts e"
        " ON e.id = c.expert_id WHERE e.year = ?", (year,))}
    return AssignmentMatrix(year=year, round=round, alliances=alliances, experts=experts,
                            assigned=assigned, conflicts=conflicts)


def round_problems(ws: Workspace, year: int | None, round: str) -> list[Problem]:
    """What is wrong with a round's assignments: unscored alliances, conflicts, and in the
    re-review an alliance left with its initial group."""
    year = ws.require_year(year)
    matrix = assignment_matrix(ws, year, round)
    label = round_text(round)
    problems: list[Problem] = []
    names = {e.id: e.name for e in list_experts(ws, year)}
    codes = {a.id: a.code for a in matrix.alliances}
    for alliance in matrix.alliances:
        if not matrix.per_alliance[alliance.id]:
            problems.append(Problem("assign.check_unscored",
                                    {"round": label, "code": alliance.code}))
    for aid, eid in sorted(matrix.assigned):
        if (aid, eid) in matrix.conflicts:
            problems.append(Problem("assign.check_conflict", {
                "round": label, "expert": names.get(eid, eid), "code": codes.get(aid, aid)}))
    if round == "review":
        initial = initial_groups(ws, year)
        group_names = {g.id: g.name for g in list_groups(ws, year)}
        for alliance in matrix.alliances:
            if alliance.group_id is not None and initial.get(alliance.id) == alliance.group_id:
                problems.append(Problem("assign.check_same_group", {
                    "code": alliance.code, "group": group_names.get(alliance.group_id, "")}))
    return problems
