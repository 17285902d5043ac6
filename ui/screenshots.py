"""Save a PNG of every screen on the demo workspace (for the README and the user guide).

    python -m ui.screenshots OUTDIR [--lang zh|en] [--size 1280x800]

Builds the demo in a temporary directory, opens the main window at the given size, visits
each stage (`NN-<stage>.png`), then the About and Settings dialogs. Runs offscreen when
no display is set, or under Xvfb (`xvfb-run python -m ui.screenshots OUTDIR`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ui.qt import use_offscreen_platform

DEFAULT_SIZE = (1280, 800)


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None
    if min(size) < 200:
        raise argparse.ArgumentTypeError(f"size too small: {text!r}")
    return size


def settle(seconds: float = 0.3) -> None:
    """Let queued events, lazy loads and short background jobs finish before a grab."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


def build_sample_workspace(directory: Path) -> Path:
    path = directory / "demo.evdb"
    try:
        from evaluator.demo import build_demo
    except ModuleNotFoundError as exc:
        if exc.name != "evaluator.demo":
            raise
        from evaluator.workspace import Workspace

        Workspace.create(path, year=2018).close()
        return path
    build_demo(path)
    return path


def take_screenshots(out_dir: Path, lang: str = "zh",
                     size: tuple[int, int] = DEFAULT_SIZE,
                     workspace: Path | None = None) -> list[Path]:
    """Write one PNG per screen and per dialog into `out_dir`; return their paths."""
    use_offscreen_platform()
    from evaluator import messages

    messages.set_language(lang)
    from ui.qt import create_application

    create_application(lang=lang)
    from evaluator.workspace import Workspace
    from ui.context import AppContext
    from ui.dialogs.about_dialog import AboutDialog
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.main_window import MainWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="evaluator-screenshots-") as tmp:
        path = workspace or build_sample_workspace(Path(tmp))
        context = AppContext(Workspace.open(path))
        window = MainWindow(context)
        window.resize(*size)
        window.show()
        settle()
        number = 0
        for number, name in enumerate(window.stage_names, start=1):
            window.show_stage(name)
            settle()
            target = out_dir / f"{number:02d}-{name}.png"
            window.grab().save(str(target))
            written.append(target)
        for name, dialog_class in (("about", AboutDialog), ("settings", SettingsDialog)):
            number += 1
            dialog = (dialog_class(context, window) if dialog_class is SettingsDialog
                      else dialog_class(window))
            dialog.show()
            settle(0.1)
            target = out_dir / f"{number:02d}-{name}.png"
            dialog.grab().save(str(target))
            written.append(target)
            dialog.close()
            dialog.deleteLater()
        window.hide()
        window.deleteLater()
        context.set_workspace(None)
        settle(0.05)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots",
                                     description="Save a PNG of every screen of the demo.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--size", type=parse_size, default=DEFAULT_SIZE,
                        help="window size, e.g. 1280x800")
    parser.add_argument("--workspace", type=Path,
                        help="use this workspace instead of a fresh demo")
    args = parser.parse_args(argv)
    for path in take_screenshots(args.out, args.lang, args.size, args.workspace):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
