"""The program: the installed `evaluator` command and the frozen app's entry.

The command line, with the desktop app for no subcommand and `open`. The core never names
the views: it is handed `launch_gui` here, and `python -m evaluator` finds it through the
package's `evaluator.gui` entry point (pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evaluator import cli


def launch_gui(workspace: Path | None, self_test: bool = False) -> int:
    from ui.app import run_app

    if self_test:
        return int(run_app(None, self_test=True))
    return int(run_app(workspace))


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=launch_gui)
