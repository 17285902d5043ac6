"""The program (`evaluator`, `python -m evaluator`) opens the desktop app through ui.app."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_program_launches_ui_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import evaluator.__main__ as program
    import ui.app

    calls: list[tuple[Path | None, bool]] = []
    monkeypatch.setattr(ui.app, "run_app", lambda workspace=None, self_test=False:
                        calls.append((workspace, self_test)) or 0)
    assert program.main(["open", "x.evdb"]) == 0
    assert program.main(["--self-test"]) == 0
    assert calls == [(Path("x.evdb"), False), (None, True)]
