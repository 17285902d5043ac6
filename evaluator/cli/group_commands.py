"""Group-leader subcommands: merge members' files into the group package, see who has
sent what, and write the group file for the secretariat."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from evaluator import messages


def register(sub: Any) -> None:
    group = sub.add_parser("group", help="组长汇总本组评分文件 / the group leader's merge")
    commands = group.add_subparsers(dest="group_command", metavar="ACTION", required=True)

    p = commands.add_parser("merge", help="把组员评分文件并入本组评审包 / merge members' files")
    p.add_argument("package", type=Path, help="本组评审包 (.evpkg)")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--accept-unsigned", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_merge)

    p = commands.add_parser("progress", help="组员交回情况 / who has sent what")
    p.add_argument("package", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_progress)

    p = commands.add_parser("export", help="生成交秘书处的组文件 / write the group file")
    p.add_argument("package", type=Path)
    p.add_argument("--out", type=Path, required=True, help="组文件 (.evgroup)")
    p.set_defaults(handler=cmd_export)


def cmd_merge(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.group_merge import merge_into_group_package
    from evaluator.progress import TextProgress

    report = merge_into_group_package(args.package, args.files, args.accept_unsigned,
                                      TextProgress())
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(report.lines()))
    return 2 if report.rejected else 0


def cmd_progress(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.group_merge import group_progress

    rows = group_progress(args.package)
    if args.json:
        print_json(rows)
        return 0
    missing = "—"
    for row in rows:
        print(f"{row['expert']}\t{row['assigned']}\t"
              f"{row['sequence'] if row['sequence'] is not None else missing}\t"
              f"{row['received_at'] or missing}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from evaluator.group_merge import export_group_file
    from evaluator.rounds import round_label

    group = export_group_file(args.package, args.out)
    print(messages.text("group.exported", path=args.out, files=len(group.entries),
                        group=group.group, round=round_label(group.round)))
    return 0
