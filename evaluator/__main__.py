"""`python -m evaluator`: the command line, with the desktop app found through the
`evaluator.gui` entry point (ui.program.launch_gui) so the core never imports the views.
Without the views installed, the subcommands work and the app is refused with a message."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path

from evaluator import cli
from evaluator.errors import EvaluatorError
from evaluator.problems import Problem


def launch_installed_gui(workspace: Path | None, self_test: bool = False) -> int:
    """Open the desktop app through the `evaluator.gui` entry point; looked up only when
    the app is asked for, so headless commands do not scan the installed packages."""
    found = entry_points(group="evaluator.gui", name="app")
    if not found:
        raise EvaluatorError(Problem("cli.no_gui"))
    return int(next(iter(found)).load()(workspace, self_test=self_test))


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=launch_installed_gui)


if __name__ == "__main__":
    raise SystemExit(main())
