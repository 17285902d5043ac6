"""The program: `evaluator` (the installed command) and `python -m evaluator`.

The command line with the desktop app for no subcommand and `open`. This is the one module
of the package that names the views, with a plain import the import contracts see (their
one allowed edge, `evaluator.__main__ -> ui.app`); the import is inside the launcher so
headless subcommands never load Qt.
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


if __name__ == "__main__":
    raise SystemExit(main())
