"""Start the desktop app: `evaluator` (last workspace or the demo), `evaluator open WS`.

An `.evpkg` argument opens the package's own window instead of the office's main window:
the expert's scoring window, or the group leader's merge window for a group package.
One app runs per user (ui.single_instance): a second launch, as a double-click on a
package or workspace starts it, hands its file to the running app and exits; on macOS,
Finder hands files over as QFileOpenEvent, which opens them the same way.
`run_app(..., self_test=True)` is the frozen app's smoke test: the demo in a temporary
directory, offscreen, every screen shown, a results workbook written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

PACKAGE_SUFFIX = ".evpkg"


def is_package(path: Path) -> bool:
    return path.suffix.lower() == PACKAGE_SUFFIX


class Documents:
    """The app's windows and where a file handed to the app opens: a package in its own
    window (brought forward when already open), anything else in the main window."""

    def __init__(self) -> None:
        self.main: Any = None
        self.package_windows: dict[str, Any] = {}

    def open(self, path: Path | None) -> None:
        if path is None:
            self._bring_forward(self.main or next(iter(self._live_packages()), None))
            return
        path = Path(path)
        if is_package(path):
            key = os.path.normcase(os.path.abspath(path))
            window = self.package_windows.get(key)
            if window is None or window not in self._live_packages():
                from ui.scoring_window import open_package_window

                window = open_package_window(path)
                if window is None:
                    return
                self.package_windows[key] = window
            self._bring_forward(window)
            return
        if self.main is None:
            self.main = open_main_window(path)
            self.main.show()
        else:
            self.main.open_workspace(path)
        self._bring_forward(self.main)

    def open_at_start(self, workspace: Path | None) -> None:
        """The first window: the package or workspace given, else the main window on the
        last workspace (or the demo)."""
        if workspace is not None:
            self.open(Path(workspace))
            return
        self.main = open_main_window(None)
        self.main.show()

    def close(self) -> None:
        if self.main is not None:
            self.main.context.set_workspace(None)

    def _live_packages(self) -> list[Any]:
        import shiboken6

        return [w for w in self.package_windows.values()
                if shiboken6.isValid(w) and w.isVisible()]

    @staticmethod
    def _bring_forward(window: Any) -> None:
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()


def run_app(workspace: Path | None = None, self_test: bool = False,
            lang: str | None = None) -> int:
    if self_test:
        return run_self_test(lang)

    from ui.qt import create_application

    app = create_application(lang=lang)
    from ui.single_instance import FileOpenEvents, InstanceServer, hand_over

    if hand_over(workspace):
        return 0  # the running app has it
    documents = Documents()
    server = InstanceServer(parent=app)
    server.listen()
    server.requested.connect(documents.open)
    file_events = FileOpenEvents(app)
    file_events.requested.connect(documents.open)
    app.installEventFilter(file_events)
    from ui.error_dialog import install_exception_hook

    restore_hook = install_exception_hook()
    try:
        documents.open_at_start(workspace)
        code = app.exec()
        documents.close()
        from ui.workers import wait_for_all_jobs

        wait_for_all_jobs()  # a queued job finishes before its workspace is let go
        return code
    finally:
        app.removeEventFilter(file_events)
        server.close()
        restore_hook()


def open_main_window(workspace: Path | None):  # type: ignore[no-untyped-def]
    """The main window on `workspace`, else the last one opened, else the demo."""
    from ui.context import AppContext
    from ui.demo_builder import build_demo_with_progress, demo_workspace_path
    from ui.main_window import MainWindow
    from ui.recent import last_workspace

    window = MainWindow(AppContext())
    if workspace is not None:
        window.open_workspace(Path(workspace))
        return window
    last = last_workspace()
    if last is not None and window.open_workspace(last):
        return window
    demo = demo_workspace_path()
    if demo.exists() or build_demo_with_progress(demo, window):
        window.open_workspace(demo)
    return window


def run_self_test(lang: str | None = None) -> int:
    """Open the demo offscreen, show every screen, write a workbook; 0 when all worked."""
    from ui.qt import use_offscreen_platform

    use_offscreen_platform(always=True)
    from PySide6.QtWidgets import QApplication

    from ui.qt import create_application

    app = create_application(lang=lang)
    from ui.error_dialog import install_exception_hook

    failures: list[str] = []
    restore = install_exception_hook()
    logging_hook = sys.excepthook

    def record(exc_type, exc, tb):  # type: ignore[no-untyped-def]
        failures.append(f"{exc_type.__name__}: {exc}")
        logging_hook(exc_type, exc, tb)

    sys.excepthook = record
    try:
        with tempfile.TemporaryDirectory(prefix="evaluator-self-test-") as tmp:
            from evaluator.demo import build_demo
            from evaluator.workspace import Workspace
            from ui.context import AppContext
            from ui.main_window import MainWindow

            demo = Path(tmp) / "demo.evdb"
            build_demo(demo)
            context = AppContext(Workspace.open(demo))
            window = MainWindow(context)
            window.show()
            for name in window.stage_names:
                window.show_stage(name)
                app.processEvents()
                window.grab()
                status = "error" if name in window.load_errors else "ok"
                if status == "error":
                    failures.append(f"screen {name}: {window.load_errors[name]}")
                _say(f"screen {name}: {status}")
            from evaluator.exports.workbook import export_workbook

            out = Path(tmp) / "results.xlsx"
            export_workbook(context.ws, out, year=context.year)
            ok = out.exists() and out.stat().st_size > 0
            if not ok:
                failures.append("results workbook not written")
            _say(f"results workbook: {'ok' if ok else 'error'}")
            window.close()
            context.set_workspace(None)
            QApplication.processEvents()
    except Exception as exc:
        import traceback

        failures.append(traceback.format_exc())
        _say(f"self-test error: {exc!r}")
    finally:
        restore()
    for failure in failures:
        _say(f"FAILED: {failure}")
    _say("self-test: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """`python -m ui.app [--self-test] [--lang zh|en] [WORKSPACE]`."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m ui.app")
    parser.add_argument("workspace", nargs="?", type=Path)
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--lang", choices=("zh", "en"))
    args = parser.parse_args(argv)
    if args.lang:
        from evaluator import messages

        messages.set_language(args.lang)
    return run_app(args.workspace, self_test=args.self_test, lang=args.lang)


if __name__ == "__main__":
    raise SystemExit(main())
