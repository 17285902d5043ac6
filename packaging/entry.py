"""The frozen app's entry point (PyInstaller runs this script).

`evaluator --self-test [--lang zh|en]` opens the demo offscreen, shows every screen and
writes a results workbook (`ui.app.run_app(self_test=True)`); anything else behaves like
the installed `evaluator` command (`ui.program.main`): no argument opens the app,
a subcommand runs headless.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Sequence

SELF_TEST_FLAG = "--self-test"


def attach_windows_console() -> None:
    """Give a windowed (console=False) Windows build somewhere to print.

    PyInstaller sets sys.stdout/sys.stderr to None when there is no console; printing
    would then fail. Attach to the console of the shell that started us when there is
    one (so `evaluator.exe --version` and the subcommands print there), else discard.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return
    attached = False
    if sys.platform == "win32":
        try:
            import ctypes

            attach_parent_process = -1
            attached = bool(ctypes.windll.kernel32.AttachConsole(attach_parent_process))
        except (AttributeError, OSError):
            attached = False
    target = "CONOUT$" if attached else os.devnull
    if sys.stdout is None:
        sys.stdout = open(target, "w", encoding="utf-8")  # noqa: SIM115 (lives until exit)
    if sys.stderr is None:
        sys.stderr = open(target, "w", encoding="utf-8")  # noqa: SIM115 (lives until exit)


def self_test_language(argv: Sequence[str]) -> str | None:
    if "--lang" in argv:
        i = list(argv).index("--lang")
        if i + 1 < len(argv) and argv[i + 1] in ("zh", "en"):
            return argv[i + 1]
    for arg in argv:
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            if value in ("zh", "en"):
                return value
    return None


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if SELF_TEST_FLAG in argv:
        lang = self_test_language(argv)
        if lang:
            from evaluator import messages

            messages.set_language(lang)
        from ui.app import run_app

        return int(run_app(None, self_test=True, lang=lang))
    from ui.program import main

    return int(main(argv))


if __name__ == "__main__":
    # The first read of an untrusted file and `evaluator bench` run in spawned processes
    # (the only start method on Windows, the default on macOS): in the frozen app each child
    # starts this executable, and freeze_support() makes it run the child's work instead of
    # the app.
    multiprocessing.freeze_support()
    attach_windows_console()
    raise SystemExit(run())
