"""Maintenance subcommands: bench (and, later, backup and restore)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    register_bench(sub)


# -- bench ------------------------------------------------------------------------------------

def register_bench(sub: Any) -> None:
    from evaluator.bench import add_arguments

    p = sub.add_parser("bench", help="性能基准 / time every stage on a synthetic panel")
    add_arguments(p)
    p.set_defaults(handler=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    from evaluator.bench import format_table, run_bench
    from evaluator.cli.output import print_json
    from evaluator.progress import TextProgress

    result = run_bench(args.scale, gui=args.gui, workdir=args.workdir,
                       progress=TextProgress())
    if args.json:
        print_json(result)
    else:
        sys.stdout.write(format_table(result) + "\n")
    return 0
