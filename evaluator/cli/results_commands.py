"""Results subcommands: results, publish, history import, alevel, stalled, stats, export,
report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evaluator import messages

messages.register({
    "cli.export_written": {"zh": "已写出 {path}", "en": "Written {path}"},
})


def _say(line: str) -> None:
    sys.stdout.write(f"{line}\n")


def register(sub: Any) -> None:
    p = sub.add_parser("results", help="评价结果 / the year's ranked results")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_results)

    p = sub.add_parser("publish", help="发布结果（冻结快照）/ publish the results snapshot")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int)
    p.add_argument("--accept-undecided", action="store_true",
                   help="复核会评议题尚未全部决定时仍按共识分发布 / publish although plenary "
                   "agenda items have no decision")
    p.set_defaults(handler=cmd_publish)

    p = sub.add_parser("history", help="历年结果 / past years' results")
    hsub = p.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    h = hsub.add_parser("import", help="导入某年度的公布结果 / import a year's published results")
    h.add_argument("workspace", type=Path)
    h.add_argument("file", type=Path)
    h.add_argument("--year", type=int, required=True)
    h.set_defaults(handler=cmd_history_import)

    p = sub.add_parser("alevel", help="A级联盟 / A-level alliances")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_alevel)

    p = sub.add_parser("stalled", help="连续未参评联盟 / stalled alliances")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stalled)

    p = sub.add_parser("stats", help="统计 / the report's statistics")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("export", help="结果工作簿 / the results workbook (.xlsx)")
    p.add_argument("workspace", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--year", type=int)
    p.add_argument("--show-inactive-scores", action="store_true",
                   help="显示不活跃联盟的评分 / show the scores of inactive alliances")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("report", help="评价报告草稿 / the report draft (.docx)")
    p.add_argument("workspace", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--year", type=int)
    p.set_defaults(handler=cmd_report)


def _year(ws: Any, year: int | None) -> int:
    """A year held by the workspace or by its history."""
    if year is not None:
        from evaluator.history import years_with_results

        if year in years_with_results(ws):
            return year
        return int(ws.require_year(year))
    return int(ws.current_year())


def cmd_results(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.results import BAND_NAMES, BAND_NAMES_EN, results_for_year
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        rows = results_for_year(ws, _year(ws, args.year))
        batches = {b["id"]: b["name"] if messages.current_language() == "zh" else b["name_en"]
                   for b in ws.batches()}
    if args.json:
        print_json([r.as_dict() for r in rows])
        return 0
    names = BAND_NAMES if messages.current_language() == "zh" else BAND_NAMES_EN
    for r in rows:
        score = "" if r.score is None else r.score
        _say(f"{r.rank}\t{r.code}\t{r.name}\t{batches.get(r.batch_id, r.batch_id)}\t"
             f"{score}\t{names[r.band]}")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from evaluator.results import publish_results, undecided_items
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = ws.require_year(args.year)
        accepted = len(undecided_items(ws, year)) if args.accept_undecided else 0
        rows = publish_results(ws, year, accepted_undecided=accepted)
        by = ws.actor
    _say(messages.text("results.published", year=year, count=len(rows), by=by))
    return 0


def cmd_history_import(args: argparse.Namespace) -> int:
    from evaluator.history import import_history
    from evaluator.messages import render_problem
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        done = import_history(ws, args.file, args.year)
    for warning in done.warnings:
        sys.stderr.write(render_problem(warning) + "\n")
    _say(messages.text("history.imported", year=done.year, count=done.count,
                       created=done.created, updated=done.updated, unchanged=done.unchanged,
                       removed=done.removed))
    return 0


def _cannot_judge(ws: Any, year: int, setting: str, what_zh: str, what_en: str,
                  as_json: bool) -> bool:
    """Say why a rule over several years cannot be judged yet; True if it cannot."""
    from evaluator.cli import print_json
    from evaluator.history import missing_text, missing_years

    missing = missing_years(ws, year, setting)
    if not missing:
        return False
    zh = messages.current_language() == "zh"
    text = missing_text(ws, year, missing, what_zh if zh else what_en)
    if as_json:
        print_json({"judged": False, "missing_years": missing, "message": text})
    else:
        _say(text)
    return True


def cmd_alevel(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.history import a_level
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = _year(ws, args.year)
        if _cannot_judge(ws, year, "history.a_level_years", "A 级联盟", "the A-level",
                         args.json):
            return 0
        rows = a_level(ws, year)
    if args.json:
        print_json([r.as_dict() for r in rows])
        return 0
    for r in rows:
        _say(f"{r.seq}\t{r.code}\t{r.name}")
    return 0


def cmd_stalled(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.history import stalled
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = _year(ws, args.year)
        if _cannot_judge(ws, year, "history.stalled_years", "连续未参评的联盟",
                         "which alliances stalled", args.json):
            return 0
        rows = stalled(ws, year)
    if args.json:
        print_json([{"code": a.code, "name": a.name, "batch": a.batch_id} for a in rows])
        return 0
    for a in rows:
        _say(f"{a.code}\t{a.name}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.results import BAND_NAMES_EN
    from evaluator.statistics import compute_statistics
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        stats = compute_statistics(ws, _year(ws, args.year))
    data = stats.as_dict()
    if args.json:
        print_json(data)
        return 0
    for band, fig in data["bands"].items():
        name = fig["name"] if messages.current_language() == "zh" else BAND_NAMES_EN[band]
        _say(f"{name}\t{fig['count']}\t{fig['pct_of_participants']}%\t"
             f"{fig['pct_of_total']}%")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from evaluator.exports.workbook import export_workbook
    from evaluator.progress import TextProgress
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        export_workbook(ws, args.out, year=_year(ws, args.year),
                        show_inactive_scores=args.show_inactive_scores,
                        progress=TextProgress())
    _say(messages.text("cli.export_written", path=args.out))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from evaluator.exports.report import write_report
    from evaluator.progress import TextProgress
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        write_report(ws, args.out, year=_year(ws, args.year), progress=TextProgress())
    _say(messages.text("cli.export_written", path=args.out))
    return 0
