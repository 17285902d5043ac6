"""Two programs on one workspace or package: the app's connection, its background jobs'
connections and a CLI process; every write visible and persisted (docs/reliability.md).
Not timed: every wait here is on a file event or a process exit."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator import sqlite_files
from evaluator.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


def cli(*argv: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evaluator", "--lang", "en",
                           *map(str, argv)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def wal(path: Path) -> Path:
    return Path(str(path) + "-wal")


def test_the_app_keeps_its_wal_when_a_job_and_a_cli_open_the_workspace(tmp_path: Path
                                                                         ) -> None:
    """The issue's minimal repro: the app's connection, a job's connection opened and
    closed in the same process, `evaluator info` in another process; then the app
    writes and a fresh connection reads it."""
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    app = Workspace.open(path)
    try:
        app.set_setting("backups.keep", 7)
        Workspace.open(path).close()  # a background job's own connection
        done = cli("info", path)
        assert done.returncode == 0, done.stderr
        assert wal(path).exists(), "another process deleted the WAL under the app"
        app.set_setting("backups.keep", 8)
        for i in range(20):
            with app.transaction():
                app.audit("test", "write", str(i))
        with Workspace.open(path) as fresh:
            assert fresh.setting("backups.keep") == 8
            assert fresh.count("audit_log", "action = 'test'") == 20
            assert fresh.integrity_ok()
    finally:
        app.close()
    with Workspace.open(path) as again:
        assert again.setting("backups.keep") == 8
        assert again.count("audit_log", "action = 'test'") == 20


def test_workspace_and_package_carry_their_application_id(tmp_path: Path,
                                                           demo_path: Path) -> None:
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    assert sqlite_files.probe(path).application_id == sqlite_files.WORKSPACE_APPLICATION_ID
    from evaluator.packages import build_expert_package

    with Workspace.open(demo_path) as ws:
        expert = ws.db.execute("SELECT expert_id FROM assignments WHERE round = 'initial'"
                               " LIMIT 1").fetchone()[0]
        package = tmp_path / "p.evpkg"
        build_expert_package(ws, None, "initial", expert, package)
    assert sqlite_files.probe(package).application_id == sqlite_files.PACKAGE_APPLICATION_ID


def test_an_older_workspace_gets_its_application_id_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id=0")
    conn.close()
    Workspace.open(path).close()
    assert sqlite_files.probe(path).application_id == sqlite_files.WORKSPACE_APPLICATION_ID


def test_a_package_is_not_a_workspace_and_the_reverse(tmp_path: Path) -> None:
    from evaluator.errors import EvaluatorError
    from evaluator.packages import Package

    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    with pytest.raises(EvaluatorError) as caught:
        Package.open(path)
    assert caught.value.problems[0].code == "package.not_a_package"


def test_no_module_opens_a_database_file_by_hand() -> None:
    """The rule of sqlite_files: no open()/copy/hash of a live .evdb/.evpkg. The old
    16-byte magic check is the pattern that broke the app's locks; it must not return."""
    offenders = []
    for folder in ("evaluator", "ui"):
        for source in (ROOT / folder).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            if "SQLite format 3" in text or "SQLITE_MAGIC" in text:
                offenders.append(str(source.relative_to(ROOT)))
    assert offenders == []
