"""Workspace subcommands: init, demo, open, info."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from evaluator import messages

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
    p.set_defaults(handler=lambda a: run_gui(a.workspace))

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
    from evaluator.cli import print_json
    from evaluator.cli.human import ROUNDS, print_fields, word
    from evaluator.overview import workspace_summary
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
        shown["rounds_scored"] = [word(ROUNDS, r) for r in info["rounds_scored"]]
        print_fields([*shown.items(), ("working", working)])
    return 0


# The view layer is loaded by name only when the GUI is asked for: the core never imports
# Qt, and headless subcommands never load it.
GUI_MODULE = "ui.app"


def run_gui(workspace: Path | None, self_test: bool = False) -> int:
    import importlib

    app = importlib.import_module(GUI_MODULE)
    if self_test:
        return int(app.run_app(None, self_test=True))
    return int(app.run_app(workspace))
