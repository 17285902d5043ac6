"""Workspace subcommands: init, demo, open, info."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Protocol

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

messages.register({
    "cli.demo_written": {
        "zh": "已生成演示工作区 {path}：{alliances} 家联盟，{experts} 位专家，{scores} 条评分",
        "en": "Demo workspace written to {path}: {alliances} alliances, {experts} experts, "
        "{scores} scores",
    },
    "cli.init_written": {
        "zh": "已创建 {year} 年度工作区 {path}",
        "en": "Created workspace {path} for {year}",
    },
    "cli.no_gui": {
        "zh": "此入口不能打开图形界面；请从开始菜单或桌面图标打开“联盟活跃度评审”",
        "en": "This entry point cannot open the desktop app; start it with the evaluator "
        "command, python -m evaluator, or from the Start menu",
    },
})


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="创建空工作区 / create an empty workspace")
    p.add_argument("workspace", type=Path)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--rubric", type=Path, help="指标体系文件 (TOML/JSON)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="生成 2018 演示工作区 / build the 2018 demo workspace")
    p.add_argument("out", type=Path)
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("open", help="在图形界面中打开工作区 / open a workspace in the app")
    p.add_argument("workspace", type=Path)
    p.set_defaults(handler=cmd_app)

    p = sub.add_parser("info", help="工作区概况 / what a workspace holds")
    p.add_argument("workspace", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    from evaluator.rubric import load_rubric
    from evaluator.workspace import Workspace

    rubric = load_rubric(args.rubric) if args.rubric else None
    with Workspace.create(args.workspace, year=args.year, rubric=rubric):
        pass
    print(messages.text("cli.init_written", path=args.workspace, year=args.year))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from evaluator.demo import build_demo

    if args.force:
        args.out.unlink(missing_ok=True)
    summary = build_demo(args.out)
    print(messages.text("cli.demo_written", path=args.out, **summary))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from evaluator.cli.human import print_fields
    from evaluator.cli.output import print_json
    from evaluator.overview import workspace_summary
    from evaluator.rounds import round_label
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        info = workspace_summary(ws)
        names = {b["id"]: b["name"] for b in ws.batches()}
        working = ws.actor
    if args.json:
        print_json(info)
    else:
        shown = dict(info)
        shown["batches"] = {names.get(k, k): v for k, v in info["batches"].items()}
        shown["rounds_scored"] = [round_label(r) for r in info["rounds_scored"]]
        print_fields([*shown.items(), ("working", working)])
    return 0


class GuiLauncher(Protocol):
    """Opens the desktop app (on `workspace`, or the self-test) and returns its exit code."""

    def __call__(self, workspace: Path | None, self_test: bool = False) -> int: ...


def cmd_app(args: argparse.Namespace) -> int:
    """No subcommand, or `open WORKSPACE`: the desktop app, through the launcher the program's
    entry point handed to `main` (the core never imports the views)."""
    launcher: GuiLauncher | None = getattr(args, "gui", None)
    if launcher is None:
        raise EvaluatorError(Problem("cli.no_gui"))
    return launcher(getattr(args, "workspace", None),
                    self_test=bool(getattr(args, "self_test", False)))
