"""Panel, conflict and assignment subcommands: `panel`, `conflict`, `assign`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.rounds import ROUNDS

messages.register({
    "cli.panel.imported": {
        "zh": "{year} 年度专家组：新增 {added} 位，更新 {updated} 位，未变 {unchanged} 位；"
        "{matched} 位专家的单位匹配到参评联盟并已登记回避",
        "en": "Panel {year}: {added} added, {updated} updated, {unchanged} unchanged; "
        "{matched} experts' organisations matched an alliance and a conflict was recorded",
    },
    "cli.panel.header": {
        "zh": "角色\t姓名\t单位\t职务\t分组\t匹配联盟\t回避",
        "en": "Role\tName\tOrganisation\tTitle\tGroup\tMatched alliance\tConflicts",
    },
    "cli.panel.group_line": {
        "zh": "{name}：{members} 人，组长 {leader}",
        "en": "{name}: {members} members, leader {leader}",
    },
    "cli.panel.group_set": {
        "zh": "专家“{name}”已分入 {group}", "en": "Expert '{name}' is now in {group}",
    },
    "cli.panel.no_group": {"zh": "未分组", "en": "no group"},
    "cli.conflict.added": {
        "zh": "已登记回避：专家“{name}”—联盟 {code}（{reason}）",
        "en": "Conflict recorded: expert '{name}' - alliance {code} ({reason})",
    },
    "cli.conflict.removed": {"zh": "已删除回避记录 {id}", "en": "Conflict {id} removed"},
    "cli.conflict.unknown_alliance": {
        "zh": "联盟代码 {code} 不在联盟名录中", "en": "Alliance code {code} is not in the registry",
    },
    "cli.assign.done": {
        "zh": "{round}：{groups} 个评审组，{assignments} 项分工（随机种子 {seed}）",
        "en": "{round}: {groups} groups, {assignments} assignments (seed {seed})",
    },
    "cli.assign.replaced": {
        "zh": "已替换原有的 {count} 项分工", "en": "Replaced {count} earlier assignments",
    },
    "cli.assign.formed": {
        "zh": "已按指定数目组建评审组", "en": "Groups were formed as asked",
    },
    "cli.assign.group": {
        "zh": "{name}（组长 {leader}）\n  成员 {n_members}：{members}\n"
        "  联盟 {n_alliances}：{alliances}\n  批次构成：{mix}；因回避未安排 {skipped} 项",
        "en": "{name} (leader {leader})\n  members {n_members}: {members}\n"
        "  alliances {n_alliances}: {alliances}\n  batch mix: {mix}; {skipped} skipped for "
        "conflicts",
    },
    "cli.assign.problem_header": {
        "zh": "请注意：", "en": "Please check:",
    },
})


def register(sub: Any) -> None:
    p = sub.add_parser("panel", help="专家组 / the expert panel")
    psub = p.add_subparsers(dest="panel_command", metavar="ACTION", required=True)
    q = psub.add_parser("import", help="导入专家名单（角色、姓名、单位、职务、分组）/ import the panel")
    q.add_argument("workspace", type=Path)
    q.add_argument("file", type=Path)
    q.add_argument("--year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_panel_import)
    q = psub.add_parser("list", help="专家、分组与回避 / experts, groups and conflicts")
    q.add_argument("workspace", type=Path)
    q.add_argument("--year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_panel_list)
    q = psub.add_parser("group", help="调整专家分组 / move an expert to a group")
    q.add_argument("workspace", type=Path)
    q.add_argument("--expert", required=True, help="姓名 / name")
    q.add_argument("--group", help="组名，不填则移出分组 / group name; omit to ungroup")
    q.add_argument("--leader", action="store_true", help="担任组长 / lead the group")
    q.add_argument("--year", type=int)
    q.set_defaults(handler=cmd_panel_group)

    p = sub.add_parser("conflict", help="回避关系 / conflicts of interest")
    csub = p.add_subparsers(dest="conflict_command", metavar="ACTION", required=True)
    q = csub.add_parser("add", help="申报回避 / declare a conflict")
    q.add_argument("workspace", type=Path)
    q.add_argument("--expert", required=True, help="姓名 / name")
    q.add_argument("--alliance", required=True, help="联盟代码 / alliance code")
    q.add_argument("--reason", required=True, help="理由 / reason")
    q.add_argument("--year", type=int)
    q.set_defaults(handler=cmd_conflict_add)
    q = csub.add_parser("list", help="回避清单 / list conflicts")
    q.add_argument("workspace", type=Path)
    q.add_argument("--year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_conflict_list)
    q = csub.add_parser("remove", help="删除申报的回避 / remove a declared conflict")
    q.add_argument("workspace", type=Path)
    q.add_argument("id", type=int)
    q.set_defaults(handler=cmd_conflict_remove)

    p = sub.add_parser("assign", help="分配评审任务 / assign alliances to groups and experts")
    p.add_argument("workspace", type=Path)
    p.add_argument("--round", required=True, choices=ROUNDS,
                   help="initial 分组初评 / review 交叉复评")
    p.add_argument("--groups", type=int, help="分组数（专家尚未分组时）/ number of groups")
    p.add_argument("--seed", type=int, default=2018, help="随机种子 / seed (default 2018)")
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_assign)


def _print_warnings(warnings: list[Any]) -> None:
    from evaluator.messages import render_problem

    for w in warnings:
        print(render_problem(w), file=sys.stderr)


def cmd_panel_import(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.panel_import import import_panel
    from evaluator.progress import TextProgress
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        report = import_panel(ws, args.file, args.year, progress=TextProgress())
    if args.json:
        print_json(report.as_dict())
    else:
        _print_warnings(report.warnings)
        print(messages.text("cli.panel.imported", year=report.year, added=len(report.added),
                            updated=len(report.updated), unchanged=len(report.unchanged),
                            matched=len(report.matched)))
    return 0


def cmd_panel_list(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.panel import conflicts, list_experts, list_groups, role_label
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = ws.require_year(args.year)
        experts = list_experts(ws, year)
        groups = list_groups(ws, year)
        found = conflicts(ws, year)
    if args.json:
        print_json({"year": year, "experts": [e.as_dict() for e in experts],
                    "groups": [g.as_dict() for g in groups],
                    "conflicts": [c.as_dict() for c in found]})
        return 0
    by_expert: dict[int, list[str]] = {}
    for c in found:
        by_expert.setdefault(c.expert_id, []).append(c.alliance_code)
    print(messages.text("cli.panel.header"))
    for e in experts:
        group = (e.group_name or "-") + (" *" if e.is_group_leader else "")
        print("\t".join([role_label(e.role), e.name, e.organisation or "-", e.title or "-",
                         group, e.alliance_code or "-",
                         ",".join(by_expert.get(e.id, [])) or "-"]))
    for g in groups:
        print(messages.text("cli.panel.group_line", name=g.name, members=g.members,
                            leader=g.leader_name or "-"))
    return 0


def cmd_panel_group(args: argparse.Namespace) -> int:
    from evaluator.panel import ensure_group, get_expert_by_name, set_expert_group, set_group_leader
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = ws.require_year(args.year)
        expert = get_expert_by_name(ws, year, args.expert)
        group_id = ensure_group(ws, year, args.group) if args.group else None
        set_expert_group(ws, expert.id, group_id)
        if args.leader:
            set_group_leader(ws, expert.id)
    print(messages.text("cli.panel.group_set", name=expert.name,
                        group=args.group or messages.text("cli.panel.no_group")))
    return 0


def cmd_conflict_add(args: argparse.Namespace) -> int:
    from evaluator.errors import EvaluatorError
    from evaluator.panel import declare_conflict, get_expert_by_name
    from evaluator.registry import find_by_code
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = ws.require_year(args.year)
        expert = get_expert_by_name(ws, year, args.expert)
        alliance = find_by_code(ws, args.alliance)
        if alliance is None:
            raise EvaluatorError("cli.conflict.unknown_alliance", code=args.alliance)
        declare_conflict(ws, expert.id, alliance.id, args.reason)
    print(messages.text("cli.conflict.added", name=expert.name, code=alliance.code,
                        reason=args.reason.strip()))
    return 0


def cmd_conflict_list(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.panel import conflicts
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        found = conflicts(ws, args.year)
    if args.json:
        print_json([c.as_dict() for c in found])
        return 0
    for c in found:
        print("\t".join([str(c.id), c.expert_name, c.alliance_code, c.alliance_name,
                         c.source, c.reason]))
    return 0


def cmd_conflict_remove(args: argparse.Namespace) -> int:
    from evaluator.panel import remove_conflict
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        remove_conflict(ws, args.id)
    print(messages.text("cli.conflict.removed", id=args.id))
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    from evaluator.assignments import assign_round, round_problems
    from evaluator.cli.output import print_json
    from evaluator.messages import render_problem
    from evaluator.rounds import round_label
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        summary = assign_round(ws, args.year, args.round, groups=args.groups, seed=args.seed)
        problems = round_problems(ws, summary.year, args.round)
    if args.json:
        data = summary.as_dict()
        data["problems"] = [p.as_dict() for p in problems]
        print_json(data)
        return 0
    print(messages.text("cli.assign.done", round=round_label(args.round),
                        groups=len(summary.groups), assignments=summary.assignments,
                        seed=summary.seed))
    if summary.formed_groups:
        print(messages.text("cli.assign.formed"))
    if summary.replaced:
        print(messages.text("cli.assign.replaced", count=summary.replaced))
    sep = "、" if messages.current_language() == "zh" else ", "
    for g in summary.groups:
        mix = sep.join(f"{batch}:{n}" for batch, n in sorted(g.batch_mix.items()))
        print(messages.text("cli.assign.group", name=g.name, leader=g.leader or "-",
                            n_members=len(g.members), members=sep.join(g.members),
                            n_alliances=len(g.alliances), alliances=sep.join(g.alliances),
                            mix=mix, skipped=g.conflicts_skipped))
    if problems:
        print(messages.text("cli.assign.problem_header"), file=sys.stderr)
        for problem in problems:
            print("  " + render_problem(problem), file=sys.stderr)
    return 0
