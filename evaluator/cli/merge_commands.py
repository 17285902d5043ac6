"""Merge, progress, flags, quality and plenary subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evaluator import messages

messages.register({
    "cli.agenda_empty": {"zh": "没有需要复核会评讨论的差异", "en": "No differences for the plenary"},
    "cli.agenda_head": {
        "zh": "复核会评议程（{n} 家联盟）",
        "en": "Plenary agenda ({n} alliances)",
    },
    "cli.agenda_line": {
        "zh": "{i}. {code} {name}：共识分 {consensus:.2f}（中位数 {median:g}，{min:g}–{max:g}，{n} 个评分）",
        "en": "{i}. {code} {name}: consensus {consensus:.2f} (median {median:g}, "
              "{min:g}-{max:g}, {n} scores)",
    },
    "cli.alpha_line": {
        "zh": "{name}：α = {alpha}（{band}，{units} 家联盟）",
        "en": "{name}: alpha = {alpha} ({band}, {units} alliances)",
    },
    "cli.leniency_line": {
        "zh": "{name}：评分 {n} 个，宽严度 {leniency}，标准误 {se}，一致性 {consistency}，相关 {corr}{flag}",
        "en": "{name}: {n} scored, leniency {leniency}, SE {se}, consistency {consistency}, "
              "correlation {corr}{flag}",
    },
    "cli.decided": {
        "zh": "已记录 {code} 的复核会评决定：{score:.2f}（{decision}，决定人 {by}）",
        "en": "Recorded the plenary decision for {code}: {score:.2f} ({decision}, by {by})",
    },
    "cli.score_or_accept": {
        "zh": "请给出 --score 或 --accept 之一",
        "en": "Give either --score or --accept",
    },
})

BAND_NAMES = {
    "reliable": ("可靠", "reliable"), "tentative": ("尚可（仅供参考）", "tentative"),
    "unreliable": ("不可靠", "unreliable"), "undefined": ("无法计算", "undefined"),
}


def register(sub: Any) -> None:
    p = sub.add_parser("merge", help="汇总专家评分文件 / merge expert score files")
    p.add_argument("workspace", type=Path)
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--accept-unsigned", action="store_true",
                   help="接受未签名的文件（记入日志）/ accept unsigned files (logged)")
    p.add_argument("--accept-revoked-keys", action="store_true",
                   help="接受用已作废密钥（评审包已挂失）签名的文件（记入日志）/ accept files "
                   "signed with revoked keys of lost packages (logged)")
    p.add_argument("--round", choices=("initial", "review"),
                   help="只接受该轮次的文件：initial 分组初评，review 交叉复评 / accept only "
                   "files of this round")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("progress", help="评分回收进度 / who has sent what")
    p.add_argument("workspace", type=Path)
    p.add_argument("--round", choices=("initial", "review"), required=True)
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_progress)

    p = sub.add_parser("flags", help="重要差异与复核会评议程 / plenary agenda")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_flags)

    p = sub.add_parser("quality", help="评审质量：一致性与宽严度 / panel quality")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_quality)

    p = sub.add_parser("decide", help="记录复核会评决定 / record a plenary decision")
    p.add_argument("workspace", type=Path)
    p.add_argument("code")
    p.add_argument("--score", type=float)
    p.add_argument("--accept", action="store_true", help="采纳共识分 / accept the consensus")
    p.add_argument("--reason", required=True)
    p.add_argument("--by", dest="decided_by")
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_decide)


def _echo(line: str) -> None:
    """CLI output on stdout (the user's language, one line)."""
    sys.stdout.write(line + "\n")


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def cmd_flags(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.flags import flag_disagreements, flag_thresholds
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = ws.require_year(args.year)
        items = flag_disagreements(ws, year)
        if args.json:
            print_json({"year": year, "thresholds": flag_thresholds(ws),
                        "agenda": [i.as_dict() for i in items]})
            return 0
        if not items:
            _echo(messages.text("cli.agenda_empty"))
            return 0
        _echo(messages.text("cli.agenda_head", n=len(items)))
        for i, item in enumerate(items, 1):
            c = item.consensus
            _echo(messages.text("cli.agenda_line", i=i, code=item.code, name=item.name,
                                consensus=c.consensus, median=c.median, min=c.min,
                                max=c.max, n=c.n))
            for hit in item.rules:
                _echo("   " + hit.text())
            for detail in item.indicators:
                _echo("     · " + detail.text())
    return 0


def cmd_quality(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.quality import quality_report
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        report = quality_report(ws, args.year)
    if args.json:
        print_json(report.as_dict())
        return 0
    zh = messages.current_language() == "zh"
    for row in report.alpha:
        label = row.name if zh else row.name_en
        if row.level == "indicator":
            label = f"{row.code} {label}"
        _echo(messages.text("cli.alpha_line", name=label, alpha=_fmt(row.alpha, 3),
                            band=BAND_NAMES[row.band][0 if zh else 1], units=row.units))
    _echo("")
    for e in report.leniency:
        _echo(messages.text("cli.leniency_line", name=e.name, n=e.n,
                            leniency=_fmt(e.leniency), se=_fmt(e.se),
                            consistency=_fmt(e.consistency), corr=_fmt(e.correlation),
                            flag=(" ⚑" if e.flagged else "")))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.errors import EvaluatorError, Problem
    from evaluator.plenary import decide
    from evaluator.registry import find_by_code
    from evaluator.workspace import Workspace

    if (args.score is None) == (not args.accept):
        raise EvaluatorError(Problem("cli.score_or_accept"))
    with Workspace.open(args.workspace) as ws:
        alliance = find_by_code(ws, args.code)
        if alliance is None:
            raise EvaluatorError(Problem("registry.unknown_code", {"code": args.code}))
        decision = decide(ws, args.year, alliance.id, None if args.accept else args.score,
                          args.reason, args.decided_by)
    if args.json:
        print_json(decision.as_dict())
    else:
        from evaluator.cli.human import DECISIONS, word

        _echo(messages.text("cli.decided", code=alliance.code, score=decision.score,
                            decision=word(DECISIONS, decision.decision),
                            by=decision.decided_by))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.merge import merge_score_files
    from evaluator.progress import TextProgress
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        report = merge_score_files(ws, args.files, accept_unsigned=args.accept_unsigned,
                                   progress=TextProgress(), round=args.round,
                                   accept_revoked_keys=args.accept_revoked_keys)
    if args.json:
        print_json(report.as_dict())
    else:
        for line in report.lines():
            _echo(line)
    return 2 if report.rejected else 0


def cmd_progress(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.progress_matrix import progress_matrix
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        matrix = progress_matrix(ws, args.year, args.round)
    if args.json:
        print_json(matrix.as_dict())
    else:
        for line in matrix.lines():
            _echo(line)
    return 0
