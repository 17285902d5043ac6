"""The command line: exit codes 0 / 2 / 1, help, version, and no Qt for headless commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator import __version__
from evaluator.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evaluator", *args], capture_output=True,
                          text=True, timeout=120)


def test_version_and_help_list_every_subcommand() -> None:
    assert run("--version").stdout.strip() == f"evaluator {__version__}"
    out = run("--help").stdout
    for command in ("init", "demo", "open", "info"):
        assert command in out


def test_init_then_refused_input_exits_2_with_a_message(tmp_path: Path) -> None:
    ws = tmp_path / "w.evdb"
    done = run("init", str(ws), "--year", "2018")
    assert done.returncode == 0, done.stderr
    again = run("init", str(ws), "--year", "2018")
    assert again.returncode == 2
    assert "已存在" in again.stderr
    assert "Traceback" not in again.stderr
    english = run("--lang", "en", "info", str(tmp_path / "nope.evdb"))
    assert english.returncode == 2
    assert "does not exist" in english.stderr


def test_malformed_rubric_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "r.toml"
    bad.write_text("name = 1\n", encoding="utf-8")
    done = run("init", str(tmp_path / "w.evdb"), "--year", "2018", "--rubric", str(bad))
    assert done.returncode == 2
    assert not (tmp_path / "w.evdb").exists()


def test_a_bug_exits_1_and_logs_the_traceback(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import evaluator.cli.workspace_commands as commands

    def boom(args: object) -> int:
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(commands, "cmd_info", boom)
    assert main(["info", str(tmp_path / "x.evdb")]) == 1
    err = capsys.readouterr().err
    assert "ZeroDivisionError" in err
    log = Path(os.environ["EVALUATOR_LOG_DIR"]) / "evaluator.log"
    assert "planted" in log.read_text(encoding="utf-8")


def test_headless_commands_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from evaluator.cli import main\n"
        f"rc = main(['init', {str(tmp_path / 'q.evdb')!r}, '--year', '2018'])\n"
        f"rc2 = main(['info', {str(tmp_path / 'q.evdb')!r}, '--json'])\n"
        "assert rc == rc2 == 0\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


def test_output_into_a_closed_pipe_is_not_a_bug(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    """`evaluator ... | head`: the reader went away; exit quietly, never 'internal error'."""
    import evaluator.cli.workspace_commands as commands

    def write_to_closed_pipe(args: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(commands, "cmd_info", write_to_closed_pipe)
    saved = os.dup(1)  # main() points stdout at devnull after a broken pipe
    try:
        assert main(["info", str(tmp_path / "x.evdb")]) == 0
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def test_the_app_opens_through_the_launcher_the_entry_point_passes(tmp_path: Path,
                                                                   capsys) -> None:  # type: ignore[no-untyped-def]
    opened: list[tuple[Path | None, bool]] = []

    def launcher(workspace: Path | None, self_test: bool = False) -> int:
        opened.append((workspace, self_test))
        return 0

    assert main(["open", str(tmp_path / "w.evdb")], gui=launcher) == 0
    assert main([], gui=launcher) == 0
    assert main(["--self-test"], gui=launcher) == 0
    assert opened == [(tmp_path / "w.evdb", False), (None, False), (None, True)]
    # Without a launcher (a caller of evaluator.cli.main that is not the program) the
    # subcommand says where the app is, instead of failing.
    assert main(["--lang", "en", "open", str(tmp_path / "w.evdb")]) == 2
    assert "python -m evaluator" in capsys.readouterr().err
