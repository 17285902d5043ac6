"""`python -m evaluator`: the command line, with the desktop app found through the
`evaluator.gui` entry point (ui.program.launch_gui) so the core never imports the views.
Without the views installed, the subcommands work and the app is refused with a message."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path

from evaluator import cli


def installed_gui() -> cli.GuiLauncher | None:
    """The desktop app's launcher, loaded only when the app is asked for."""
    found = entry_points(group="evaluator.gui", name="app")
    if not found:
        return None
    entry = next(iter(found))

    def launch(workspace: Path | None, self_test: bool = False) -> int:
        return int(entry.load()(workspace, self_test=self_test))

    return launch


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=installed_gui())


if __name__ == "__main__":
    raise SystemExit(main())
