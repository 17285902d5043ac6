"""Every importer against the hostile corpus (tests/data/hostile, written by
tools/make_hostile_corpus.py), a folder and a FIFO: exit 2, a message naming the file, the
workspace (or package) unchanged, and all of it within a memory limit.

Each importer runs in a child process whose address space is capped (`RLIMIT_AS`) at what
it had after start-up plus 200 MB: a reader that allocates for a declared 17-billion-cell
sheet, or inflates a bomb, fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workspace_content import workspace_content as _content

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "data" / "hostile"
LIMIT_MB = 200

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="RLIMIT_AS, /proc and FIFOs as on Linux")

HARNESS = r"""
import contextlib, io, json, resource, sys
import python_calamine, openpyxl, sqlite3, openpyxl.reader.excel
from evaluator.cli import main
import evaluator.merge, evaluator.group_merge, evaluator.scoring, evaluator.submissions
import evaluator.panel, evaluator.history, evaluator.registry_import

def vm_size():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0

limit = vm_size() + int(sys.argv[1]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
results = {}
for argv in json.loads(sys.argv[2]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
        try:
            code = main(argv)
        except MemoryError:
            code = "MemoryError"
    results[argv[-1] if argv[0] != "init" else argv[-1]] = [code, err.getvalue()]
print(json.dumps(results))
"""


def workspace_content(path: Path) -> dict[str, list[str]]:
    """Rows of every table that has any (a group merge creates its table on first use)."""
    return {table: rows for table, rows in _content(path).items() if rows}


def _special_inputs(folder: Path) -> list[Path]:
    directory = folder / "folder.xlsx"
    directory.mkdir()
    fifo = folder / "fifo.xlsx"
    os.mkfifo(fifo)
    csv_fifo = folder / "fifo.csv"
    os.mkfifo(csv_fifo)
    group_fifo = folder / "fifo.evgroup"
    os.mkfifo(group_fifo)
    return [directory, fifo, csv_fifo, group_fifo]


def _run(argvs: list[list[str]]) -> dict[str, list[object]]:
    proc = subprocess.run(
        [sys.executable, "-c", HARNESS, str(LIMIT_MB), json.dumps(argvs)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "EVALUATOR_LANG": "zh"})
    assert proc.returncode == 0, f"the importer process died ({proc.returncode}): " \
                                 f"{proc.stderr[-2000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _check(results: dict[str, list[object]], files: list[Path]) -> None:
    assert len(results) == len(files)
    for path in files:
        code, message = results[str(path)]
        assert code == 2, f"{path.name}: exit {code}: {message}"
        assert "Traceback" not in str(message)
        # a member of a group file is named after it (the group file's unpacking names it)
        named = path.stem if path.suffix == ".evgroup" else path.name
        assert named in str(message), f"{path.name} not named in: {message}"


def _inputs(tmp_path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    corpus = [p for p in sorted(HOSTILE.iterdir()) if p.suffix in suffixes]
    assert corpus, "tools/make_hostile_corpus.py writes the corpus"
    return corpus + [p for p in _special_inputs(tmp_path) if p.suffix in suffixes]


@pytest.fixture(scope="module")
def packages(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from evaluator.packages import build_expert_package, build_group_package
    from evaluator.workspace import Workspace

    folder = tmp_path_factory.mktemp("hostile-packages")
    ws_path = folder / "ws.evdb"
    shutil.copy(demo_path, ws_path)
    with Workspace.open(ws_path) as ws:
        expert, group = ws.db.execute(
            "SELECT e.id, g.name FROM assignments s JOIN experts e ON e.id = s.expert_id"
            " JOIN expert_groups g ON g.id = e.group_id WHERE s.round = 'initial'"
            " ORDER BY e.id LIMIT 1").fetchone()
        build_expert_package(ws, 2018, "initial", expert, folder / "expert.evpkg")
        build_group_package(ws, 2018, "initial", group, folder / "group.evpkg")
    return {"workspace": ws_path, "expert": folder / "expert.evpkg",
            "group": folder / "group.evpkg"}


TABLE_IMPORTERS = {
    "registry": lambda ws, f: ["registry", "import", ws, f],
    "submissions": lambda ws, f: ["submissions", "import", ws, f],
    "panel": lambda ws, f: ["panel", "import", ws, f],
    "history": lambda ws, f: ["history", "import", ws, "--year", "2017", f],
}


@pytest.mark.parametrize("importer", sorted(TABLE_IMPORTERS))
def test_table_importers_refuse_the_corpus(importer: str, packages: dict[str, Path],
                                           tmp_path: Path) -> None:
    ws = tmp_path / "ws.evdb"
    shutil.copy(packages["workspace"], ws)
    before = workspace_content(ws)
    files = _inputs(tmp_path, (".xlsx", ".csv"))
    _check(_run([TABLE_IMPORTERS[importer](str(ws), str(f)) for f in files]), files)
    assert workspace_content(ws) == before


def test_merge_refuses_the_corpus(packages: dict[str, Path], tmp_path: Path) -> None:
    ws = tmp_path / "ws.evdb"
    shutil.copy(packages["workspace"], ws)
    before = workspace_content(ws)
    # a folder is a legitimate input to merge (the score files inside it)
    files = [f for f in _inputs(tmp_path, (".xlsx", ".evgroup")) if not f.is_dir()]
    _check(_run([["merge", str(ws), "--round", "initial", str(f)] for f in files]), files)
    assert workspace_content(ws) == before


def test_group_merge_and_template_import_refuse_the_corpus(packages: dict[str, Path],
                                                           tmp_path: Path) -> None:
    group = tmp_path / "group.evpkg"
    expert = tmp_path / "expert.evpkg"
    shutil.copy(packages["group"], group)
    shutil.copy(packages["expert"], expert)
    before = workspace_content(group), workspace_content(expert)
    files = _inputs(tmp_path, (".xlsx",))
    not_folders = [f for f in files if not f.is_dir()]  # group merge reads a folder's files
    _check(_run([["group", "merge", str(group), str(f)] for f in not_folders]), not_folders)
    _check(_run([["scores", "import", str(expert), str(f)] for f in files]), files)
    assert (workspace_content(group), workspace_content(expert)) == before


def test_rubrics_and_special_files_are_refused(tmp_path: Path) -> None:
    rubrics = [p for p in sorted(HOSTILE.iterdir()) if p.name.startswith("rubric_")]
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    rubrics += [fifo, tmp_path]
    argvs = [["init", str(tmp_path / f"w{i}.evdb"), "--year", "2018", "--rubric", str(p)]
             for i, p in enumerate(rubrics)]
    results = _run(argvs)
    for path in rubrics:
        code, message = results[str(path)]
        assert code == 2, f"{path.name}: exit {code}: {message}"
        assert path.name in str(message), message
    assert not list(tmp_path.glob("w*.evdb"))


def test_packages_and_workspaces_that_are_not_files(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.evpkg"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.evdb"
    folder.mkdir()
    argvs = [["scores", "export", str(fifo), "--out", str(tmp_path / "a.xlsx"), str(fifo)],
             ["info", str(folder)]]
    results = _run([argvs[0][:-1], argvs[1]])
    assert results[str(tmp_path / "a.xlsx")][0] == 2
    assert results[str(folder)][0] == 2


def test_package_rubric_nested_or_infinite_is_refused(packages: dict[str, Path],
                                                      tmp_path: Path) -> None:
    import sqlite3

    rubrics = {"deep.evpkg": "[" * 100_000 + "]" * 100_000,
               "infinite.evpkg": '{"name": "x", "step": 0.5, "groups": [{"code": "1", '
                                 '"name": "g", "indicators": [{"code": "1.1", "name": "i", '
                                 '"standard": "s", "max": Infinity}]}]}',
               "tiny_step.evpkg": '{"name": "x", "step": 1e-300, "groups": [{"code": "1", '
                                  '"name": "g", "indicators": [{"code": "1.1", "name": "i", '
                                  '"standard": "s", "max": 5}]}]}'}
    argvs = []
    for name, text in rubrics.items():
        path = tmp_path / name
        shutil.copy(packages["expert"], path)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'rubric_json'", (text,))
        conn.close()
        argvs.append(["scores", "export", str(path), "--out", str(tmp_path / f"{name}.xlsx")])
    results = _run(argvs)
    for name in rubrics:
        code, message = results[str(tmp_path / f"{name}.xlsx")]
        assert code == 2, f"{name}: exit {code}: {message}"
        assert name in str(message), message
