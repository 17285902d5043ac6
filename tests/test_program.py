"""The program (`evaluator`, `python -m evaluator`) opens the desktop app through ui.app;
the core finds the views only through the `evaluator.gui` entry point."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_program_launches_ui_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app
    import ui.program as program

    calls: list[tuple[Path | None, bool]] = []
    monkeypatch.setattr(ui.app, "run_app", lambda workspace=None, self_test=False:
                        calls.append((workspace, self_test)) or 0)
    assert program.main(["open", "x.evdb"]) == 0
    assert program.main(["--self-test"]) == 0
    assert calls == [(Path("x.evdb"), False), (None, True)]


def test_python_m_evaluator_finds_the_app_through_the_entry_point(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import evaluator.__main__ as module
    import ui.app

    calls: list[tuple[Path | None, bool]] = []
    monkeypatch.setattr(ui.app, "run_app", lambda workspace=None, self_test=False:
                        calls.append((workspace, self_test)) or 0)
    assert module.main(["open", "y.evdb"]) == 0
    assert calls == [(Path("y.evdb"), False)]


def test_without_the_views_the_app_is_refused_with_a_message(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import evaluator.__main__ as module

    monkeypatch.setattr(module, "entry_points", lambda **_kw: [])
    assert module.main(["open", "y.evdb"]) == 2
    assert capsys.readouterr().err.strip()
