"""Files written by earlier releases open in this one with nothing lost.

tests/data holds a demo workspace and an expert package written by schema version 1 (the
first release); tests/data/v1_expected.json records what they held. Each later release adds
its own sample here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from evaluator.merge import merge_score_files
from evaluator.packages import Package
from evaluator.schema import SCHEMA_VERSION
from evaluator.scorefile import (
    export_score_file,
    read_score_file,
    verify_legacy_signature,
    verify_signature,
)
from evaluator.workspace import Workspace

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "v1_expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def v1_workspace(tmp_path: Path) -> Path:
    return Path(shutil.copy(DATA / "workspace_v1.evdb", tmp_path / "v1.evdb"))


def test_v1_workspace_migrates_to_the_current_schema_with_nothing_lost(v1_workspace: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(v1_workspace)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Workspace.open(v1_workspace) as ws:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for table, count in EXPECTED["workspace"].items():
            if table == "audit_log":
                assert ws.count(table) >= count
            else:
                assert ws.count(table) == count, table
        assert ws.integrity_ok()
        # Migration 0002 added the column that records a group file's members.
        assert "via_group_file" in {c.name for c in ws.db.table("score_files").columns}
        assert ws.count("score_files", "via_group_file IS NULL") == EXPECTED["workspace"][
            "score_files"]
        # The upgraded workspace still computes the year's results.
        from evaluator.results import compute_results

        assert len(compute_results(ws, 2018)) == 88
    with Workspace.open(v1_workspace) as ws:  # opening twice migrates once
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_v1_package_opens_scores_and_exports(tmp_path: Path) -> None:
    path = Path(shutil.copy(DATA / "package_v1.evpkg", tmp_path / "p.evpkg"))
    with Package.open(path) as pkg:
        assert len(pkg.alliances()) == EXPECTED["package"]["alliances"]
        assert len(pkg.scores()) == EXPECTED["package"]["scores"]
        first = EXPECTED["package"]["first"]
        alliance = next(a for a in pkg.alliances() if a.code == first)
        score = pkg.score(alliance.id, "1.1")
        assert score is not None
        assert score.value == 3.5
        pkg.set_score(first, "1.2", 2.0)
        out = export_score_file(pkg, tmp_path / "s.xlsx").path
    sf = read_score_file(out)
    assert sf.ok
    assert sf.legacy_signature
    assert sf.format_version == "1"
    with Workspace.open(shutil.copy(DATA / "workspace_v1.evdb", tmp_path / "w.evdb")) as ws:
        key = ws.db.execute("SELECT secret_key FROM experts WHERE name = ?",
                            (sf.expert,)).fetchone()[0]
        # Migration 0004 kept the HMAC key of the one expert who was given a package,
        # and dropped the keys no package ever held.
        assert ws.count("experts", "secret_key != ''") == 1
        assert verify_legacy_signature(sf, key)
        assert not verify_signature(sf, key)  # never taken for an Ed25519 public key
        report = merge_score_files(ws, [out], year=2018)
        [result] = report.results
        assert result.status == "accepted", result.problems
        assert result.legacy_signature
        assert "旧签名" in "\n".join(report.lines()) or "old-style" in "\n".join(report.lines())
