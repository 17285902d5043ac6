"""The command line: `evaluator SUBCOMMAND ...`; no subcommand opens the app.

Exit codes: 0 done, 2 refused input (a message in the user's language, no traceback),
1 a bug (the traceback goes to the log file, the message names it). Headless subcommands
never import Qt.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import traceback
from collections.abc import Callable, Sequence

from evaluator import __version__, messages
from evaluator.cli import (
    backup_commands,
    group_commands,
    maintenance_commands,
    merge_commands,
    panel_commands,
    results_commands,
    scoring_commands,
    submissions_commands,
    workspace_commands,
)
from evaluator.cli.output import print_json, print_problems
from evaluator.cli.workspace_commands import GuiLauncher
from evaluator.errors import EvaluatorError, world_problem
from evaluator.logs import log_path, write_traceback

__all__ = ["build_parser", "main", "print_json", "print_problems"]

# Each module defines `register(subparsers)`; its handlers take the parsed args and
# return an exit code.
COMMAND_MODULES = (
    workspace_commands,
    submissions_commands,
    panel_commands,
    scoring_commands,
    merge_commands,
    group_commands,
    results_commands,
    backup_commands,
    maintenance_commands,
)

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    zh = messages.current_language() == "zh"
    parser = argparse.ArgumentParser(
        prog="evaluator",
        description=("联盟活跃度评审：产业技术创新战略联盟活跃度评价的专家评审工具。不带子命令时打开图形界面。"
                     if zh else "Alliance activity evaluation for the expert panel. "
                     "Without a subcommand the desktop app opens."),
    )
    parser.add_argument("--version", action="version", version=f"evaluator {__version__}")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言 / language")
    parser.add_argument("--by", metavar="NAME",
                        help="操作人姓名，记入审计记录（默认为工作区中最近选择的姓名）/ who is "
                        "working, recorded in the audit log (default: the name last chosen in "
                        "the workspace)")
    parser.add_argument("--self-test", action="store_true",
                        help="打开演示、逐一显示各界面并导出工作簿后退出 / open the demo "
                        "offscreen, show every screen, write a workbook, exit")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _say_waiting(path: object) -> None:
    print(messages.text("workspace.waiting", path=path), file=sys.stderr, flush=True)


# A file the system hands over on a double-click (Explorer, the Linux file manager):
# `evaluator x.evpkg` means `evaluator open x.evpkg`.
DOCUMENT_SUFFIXES = (".evpkg", ".evdb")


def with_document_as_open(argv: list[str]) -> list[str]:
    if len(argv) == 1 and argv[0].lower().endswith(DOCUMENT_SUFFIXES):
        return ["open", argv[0]]
    return argv


def main(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    """The command line; `gui` opens the desktop app (no subcommand, `open`): the program's
    entry point (ui/program.py, or the `evaluator.gui` entry point for `python -m
    evaluator`) passes it, so the core never names the views."""
    argv = with_document_as_open(list(sys.argv[1:] if argv is None else argv))
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            messages.set_language(argv[i + 1])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        messages.set_language(args.lang)
    from evaluator.people import set_session_name

    set_session_name(args.by)
    args.gui = gui
    if args.command is None:
        args.handler = workspace_commands.cmd_app
    handler: Handler = args.handler
    from evaluator import workspace

    workspace.wait_notice = _say_waiting
    try:
        return handler(args)
    except EvaluatorError as error:
        print_problems(error)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `evaluator ... | head`: the reader left; not an error. Point stdout at devnull so
        # the interpreter's final flush does not complain.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, sqlite3.Error) as exc:
        problem = world_problem(exc)
        if problem is None:
            return _unexpected(exc)
        print_problems(EvaluatorError(problem))
        return 2
    except Exception as exc:
        return _unexpected(exc)


def _unexpected(exc: BaseException) -> int:
    """A bug: the traceback to the log file, exit 1."""
    path = write_traceback(traceback.format_exc())
    print(messages.text("cli.bug", log=str(path or log_path()), error=repr(exc)),
          file=sys.stderr)
    return 1
