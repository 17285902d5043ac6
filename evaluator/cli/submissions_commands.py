"""Registry and submissions subcommands, and the `template` group.

`template` is shared: this module creates it (dest `template_kind`) and adds
`template submissions`; other modules add their kinds through `template_subparsers()`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evaluator import messages

_template_sub: Any = None

messages.register({
    "cli.template_kind_missing": {
        "zh": "请指定模板类型，例如 template submissions OUT.xlsx",
        "en": "Name the template kind, e.g. template submissions OUT.xlsx",
    },
})


def template_subparsers() -> Any:
    """The `template` group's subparsers, for other command modules to add kinds to."""
    if _template_sub is None:
        raise RuntimeError("submissions_commands.register has not run")
    return _template_sub


def register(sub: Any) -> None:
    global _template_sub
    p = sub.add_parser("registry", help="联盟名录 / alliance registry")
    rsub = p.add_subparsers(dest="registry_command", metavar="ACTION", required=True)
    q = rsub.add_parser("import", help="导入联盟名录（xlsx/csv）/ import the registry")
    q.add_argument("workspace", type=Path)
    q.add_argument("file", type=Path)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_registry_import)

    p = sub.add_parser("submissions", help="联盟填报信息 / alliance submissions")
    ssub = p.add_subparsers(dest="submissions_command", metavar="ACTION", required=True)
    q = ssub.add_parser("import", help="导入填报信息 / import submissions (xlsx or CSV pair)")
    q.add_argument("workspace", type=Path)
    q.add_argument("files", type=Path, nargs="+", metavar="FILE",
                   help="xlsx 工作簿，或“基本信息”“活动记录”两个 CSV 文件（或其所在文件夹）")
    q.add_argument("--year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_submissions_import)
    q = ssub.add_parser("export", help="导出填报信息 / export submissions to xlsx")
    q.add_argument("workspace", type=Path)
    q.add_argument("out", type=Path)
    q.add_argument("--year", type=int)
    q.set_defaults(handler=cmd_submissions_export)
    q = ssub.add_parser("list", help="填报与评价要求概况 / list submissions and eligibility")
    q.add_argument("workspace", type=Path)
    q.add_argument("--year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_submissions_list)

    p = sub.add_parser("template", help="写出空白模板 / write a blank template")
    p.set_defaults(handler=_template_missing)
    _template_sub = p.add_subparsers(dest="template_kind", metavar="KIND")
    q = _template_sub.add_parser("submissions", help="填报信息模板 / submissions template")
    q.add_argument("out", type=Path)
    q.add_argument("--workspace", type=Path,
                   help="预填名录中的联盟 / pre-fill the registry's alliances")
    q.add_argument("--year", type=int)
    q.set_defaults(handler=cmd_template_submissions)


def _template_missing(args: argparse.Namespace) -> int:
    from evaluator.errors import EvaluatorError

    raise EvaluatorError("cli.template_kind_missing")


def _print_warnings(warnings: list[Any]) -> None:
    from evaluator.messages import render_problem

    for w in warnings:
        print(render_problem(w), file=sys.stderr)


def cmd_registry_import(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.progress import TextProgress
    from evaluator.registry_import import import_registry
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        report = import_registry(ws, args.file, progress=TextProgress())
    if args.json:
        print_json(report.as_dict())
    else:
        _print_warnings(report.warnings)
        print(messages.text("registry_import.done", created=report.created,
                            updated=report.updated, unchanged=report.unchanged))
    return 0


def cmd_submissions_import(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.progress import TextProgress
    from evaluator.submissions import import_submissions
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        report = import_submissions(ws, args.files, args.year, progress=TextProgress())
    if args.json:
        print_json(report.as_dict())
    else:
        _print_warnings(report.warnings)
        print(messages.text("submissions.done", year=report.year, created=report.created,
                            updated=report.updated, unchanged=report.unchanged,
                            records=report.records))
    return 0


def cmd_submissions_export(args: argparse.Namespace) -> int:
    from evaluator.submissions import export_submissions
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        counts = export_submissions(ws, args.out, args.year)
    print(messages.text("submissions.exported", path=args.out, alliances=counts["alliances"],
                        records=counts["records"]))
    return 0


def cmd_submissions_list(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json
    from evaluator.eligibility import status_text
    from evaluator.submissions import list_submissions
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        year = ws.require_year(args.year)
        rows = list_submissions(ws, year)
        groups = [g.code for g in ws.rubric(year).groups]
    if args.json:
        print_json({"year": year, "alliances": [r.as_dict() for r in rows]})
        return 0
    zh = messages.current_language() == "zh"
    header = ["代码" if zh else "code", "批次" if zh else "batch",
              *[f"{'指标' if zh else 'ind.'}{g}" for g in groups],
              "结果" if zh else "status", "联盟名称 / 原因" if zh else "name / reasons"]
    print("\t".join(header))
    for r in rows:
        reasons = "；".join(messages.text(p.code, **p.params) for p in r.reasons
                           if r.status != "not_submitted")
        print("\t".join([r.alliance.code, r.alliance.batch_id,
                         *[str(r.counts.get(g, 0)) for g in groups],
                         status_text(r.status), r.alliance.name
                         + (f" — {reasons}" if reasons else "")]))
    return 0


def cmd_template_submissions(args: argparse.Namespace) -> int:
    from evaluator.submissions import write_submissions_template
    from evaluator.workspace import Workspace

    if args.workspace:
        with Workspace.open(args.workspace) as ws:
            write_submissions_template(args.out, ws, args.year)
    else:
        write_submissions_template(args.out, None, args.year)
    print(messages.text("submissions.template_written", path=args.out))
    return 0
