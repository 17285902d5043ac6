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


def test_app_job_threads_and_cli_processes_write_together_nothing_lost(tmp_path: Path
                                                                      ) -> None:
    """The app's connection writes while two background jobs (threads with their own
    connections, as ui/workers.py runs them) and two CLI processes write too."""
    import threading

    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    app = Workspace.open(path)
    errors: list[BaseException] = []

    def job(name: str) -> None:
        try:
            with Workspace.open(path) as ws:
                for i in range(25):
                    with ws.transaction():
                        ws.audit("job", name, str(i))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=job, args=(f"job{n}",)) for n in range(2)]
    processes = [subprocess.Popen([sys.executable, "-m", "evaluator", "backup", str(path),
                                   "--reason", f"cli{n}"], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for n in range(2)]
    try:
        for t in threads:
            t.start()
        for i in range(25):
            with app.transaction():
                app.audit("app", "window", str(i))
        for t in threads:
            t.join()
        for proc in processes:
            _out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err.decode()
        assert errors == []
        assert wal(path).exists()
        with app.transaction():
            app.audit("app", "window", "last")
    finally:
        app.close()
    with Workspace.open(path) as ws:
        assert ws.count("audit_log", "action = 'app'") == 26
        assert ws.count("audit_log", "action = 'job'") == 50
        assert ws.count("audit_log", "action = 'backup'") == 2
        assert ws.integrity_ok()


def test_workspace_and_package_carry_their_application_id(tmp_path: Path,
                                                           demo_ws: Workspace) -> None:
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    assert sqlite_files.probe(path).application_id == sqlite_files.WORKSPACE_APPLICATION_ID
    from evaluator.package_builders import build_expert_package

    # The demo's private copy: building a package writes the expert's public key.
    ws = demo_ws
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
    from evaluator.expert_package import Package

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


# -- two merges at once --------------------------------------------------------------

@pytest.fixture(scope="module")
def three_exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """A workspace with one expert assigned two alliances (nothing merged yet) and the
    expert's exports 1, 2 and 3 of the initial round."""
    from evaluator.assignments import add_assignment
    from evaluator.expert_package import Package
    from evaluator.package_builders import build_expert_package
    from evaluator.panel import add_expert
    from evaluator.registry import add_alliance
    from evaluator.scorefile_export import export_score_file

    folder = tmp_path_factory.mktemp("race")
    path = folder / "base.evdb"
    with Workspace.create(path, year=2018) as ws:
        a1 = add_alliance(ws, "101", "甲产业技术创新战略联盟").id
        a2 = add_alliance(ws, "102", "乙产业技术创新战略联盟").id
        expert = add_expert(ws, 2018, "张三", "member")
        add_assignment(ws, 2018, "initial", expert, a1)
        add_assignment(ws, 2018, "initial", expert, a2)
        build_expert_package(ws, 2018, "initial", "张三", folder / "p.evpkg")
    exports = []
    with Package.open(folder / "p.evpkg") as pkg:
        for n in range(3):
            pkg.set_scores([(a.id, code, 4.0 - 0.5 * n, None)
                            for a in pkg.alliances() for code in pkg.rubric.codes])
            exports.append(export_score_file(pkg, folder / f"export-{n + 1}.xlsx").path)
    return path, exports


def fresh_copy(base: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "w.evdb"
    sqlite_files.copy_database(base, target)
    return target


def accepted_sequences(path: Path) -> list[int]:
    with Workspace.open(path) as ws:
        return [r[0] for r in ws.db.execute(
            "SELECT sequence FROM score_files WHERE status = 'accepted'")]


@pytest.mark.parametrize("attempt", range(10))
def test_an_older_export_validated_before_a_newer_merge_is_refused(
        three_exports: tuple[Path, list[Path]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, attempt: int) -> None:
    """The interleaving of the issue, made certain: merge B has validated export 2 (nothing
    merged yet); merge A, on its own connection, merges export 3; then B writes."""
    import evaluator.merge
    from evaluator.merge import merge_score_files

    base, (_, second, third) = three_exports
    path = fresh_copy(base, tmp_path / str(attempt))
    real_backup = evaluator.merge.backup_workspace
    other_merged = []

    def backup_then_let_the_other_merge(ws: Workspace, reason: str) -> Path:
        made = real_backup(ws, reason)
        if not other_merged:
            other_merged.append(True)
            with Workspace.open(path) as other:
                assert [r.status for r in merge_score_files(other, [third]).results] \
                    == ["accepted"]
        return made

    monkeypatch.setattr(evaluator.merge, "backup_workspace",
                        backup_then_let_the_other_merge)
    with Workspace.open(path) as ws:
        report = merge_score_files(ws, [second])
    assert other_merged
    assert [r.status for r in report.results] == ["rejected"]
    assert [p.code for p in report.results[0].problems] == ["merge.older_sequence"]
    assert accepted_sequences(path) == [3]


def _race(base: Path, exports: list[Path], folder: Path) -> None:
    """Two `evaluator merge` processes at once: export 2 in a batch padded with copies
    (slower to validate), export 3 alone. The newer always wins."""
    path = fresh_copy(base, folder)
    padded = [exports[1]]
    for i in range(6):
        copy = folder / f"copy-{i}.xlsx"
        copy.write_bytes(exports[0].read_bytes())
        padded.append(copy)
    command = [sys.executable, "-m", "evaluator", "--lang", "en", "merge", str(path)]
    older = subprocess.Popen([*command, *map(str, padded)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    newer = subprocess.Popen([*command, str(exports[2])], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for proc in (older, newer):
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 2), err.decode()
    assert accepted_sequences(path) == [3]
    with Workspace.open(path) as ws:
        assert ws.count("scores") == 40
        assert ws.db.execute("SELECT DISTINCT value FROM scores").fetchall() == [(3.0,)]


@pytest.mark.parametrize("attempt", range(10))
def test_two_merge_processes_at_once_newer_export_wins(
        three_exports: tuple[Path, list[Path]], tmp_path: Path, attempt: int) -> None:
    base, exports = three_exports
    _race(base, exports, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(50))
def test_two_merge_processes_at_once_newer_export_wins_50_times(
        three_exports: tuple[Path, list[Path]], tmp_path: Path, attempt: int) -> None:
    base, exports = three_exports
    _race(base, exports, tmp_path)


# -- busy and read-only ----------------------------------------------------------------

def test_a_write_waits_for_another_programs_write_then_says_busy(tmp_path: Path) -> None:
    """Another program holds the write lock: opening and reading work; a write waits
    (saying so) and gives up with exit 2 'busy', never 'not a workspace'."""
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings (key, value_json) VALUES ('x', '1')")
    try:
        import os
        env = dict(os.environ, EVALUATOR_BUSY_WAIT="0.5")
        done = subprocess.run([sys.executable, "-m", "evaluator", "--lang", "en", "info",
                               str(path)], cwd=ROOT, capture_output=True, text=True,
                              env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        done = subprocess.run([sys.executable, "-m", "evaluator", "--lang", "en", "backup",
                               str(path)], cwd=ROOT, capture_output=True, text=True,
                              env=env, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "being written by another program; waiting" in done.stderr
        assert "has not finished" in done.stderr
        assert "not an evaluator workspace" not in done.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Workspace.open(path) as ws:
        assert ws.count("audit_log", "action = 'backup'") == 0


def test_a_write_that_waited_goes_through_when_the_other_finishes(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waited: list[Path] = []

    def release(at: Path) -> None:
        waited.append(at)
        holder.execute("COMMIT")

    with Workspace.open(path) as ws:
        ws.on_wait = release
        ws.set_setting("backups.keep", 9)
        assert waited == [path]
    holder.close()
    with Workspace.open(path) as ws:
        assert ws.setting("backups.keep") == 9


@pytest.fixture
def read_only_folder(tmp_path: Path, demo_path: Path) -> object:
    """The demo workspace on a small tmpfs remounted read-only (a real read-only
    folder even for root); skipped where mounting is not allowed."""
    import os

    mount = tmp_path / "ro"
    mount.mkdir()
    if os.name != "posix" or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
    try:
        sqlite_files.copy_database(demo_path, mount / "demo.evdb")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "demo.evdb"
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_read_only_workspace_reads_and_exports_and_refuses_writes(
        read_only_folder: Path, tmp_path: Path) -> None:
    path = read_only_folder
    assert cli("info", path).returncode == 0
    done = cli("results", path)
    assert done.returncode == 0, done.stderr
    done = cli("stats", path)
    assert done.returncode == 0, done.stderr
    done = cli("export", path, "--out", tmp_path / "out.xlsx")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.xlsx").stat().st_size > 0
    for write in (("backup", path), ("publish", path, "--accept-undecided")):
        done = cli(*write)
        assert done.returncode == 2, done.stderr
        assert "read-only" in done.stderr, done.stderr
        assert "folder cannot be written" in done.stderr
    with Workspace.open(path) as ws:
        assert ws.read_only
        assert ws.integrity_ok()


def test_read_only_file_opens_read_only_and_refuses_writes_saying_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluator.errors import WorkspaceError

    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    monkeypatch.setattr(sqlite_files, "writable", lambda _path: (False, "file"))
    with Workspace.open(path) as ws:
        assert (ws.read_only, ws.read_only_reason) == (True, "file")
        assert ws.years() == [2018]
        with pytest.raises(WorkspaceError) as caught:
            ws.set_setting("backups.keep", 3)
        assert caught.value.problems[0].code == "workspace.read_only"
        assert "文件是只读的" in caught.value.render("zh")


def test_a_folder_given_as_workspace_is_named_as_a_folder(tmp_path: Path) -> None:
    done = cli("info", tmp_path)
    assert done.returncode == 2
    assert "is a folder" in done.stderr
