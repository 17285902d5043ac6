"""Key custody: an expert's private key is in that expert's own package and nowhere else.

The demo workspace goes through the whole route (packages for every expert of both
rounds, group packages, a member's score file, the group merge and the group file, the
secretariat's merge with its backup); then every table of every SQLite file written, and
every member of every zip written, is searched for every private key.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from evaluator.backups import list_backups
from evaluator.group_merge import export_group_file, merge_into_group_package
from evaluator.merge import merge_score_files
from evaluator.packages import Package, build_all_packages, build_group_package
from evaluator.scorefile import export_score_file
from evaluator.workspace import Workspace


def sqlite_columns(path: Path) -> list[tuple[str, str, bytes]]:
    """(table, column, every value of the column as bytes, joined) of every table, read
    by SQLite (never open() on a database file)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = []
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            cur = conn.execute(f"SELECT * FROM [{table}]")
            names = [d[0] for d in cur.description]
            columns: list[list[bytes]] = [[] for _ in names]
            for row in cur:
                for values, value in zip(columns, row, strict=True):
                    if isinstance(value, bytes):
                        values.append(value)
                    elif value is not None:
                        values.append(str(value).encode("utf-8"))
            out.extend((table, name, b"\x00".join(values))
                       for name, values in zip(names, columns, strict=True))
        return out
    finally:
        conn.close()


def zip_members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(n, zf.read(n)) for n in zf.namelist()]


def holds_key(data: bytes, private_hex: str) -> bool:
    raw = bytes.fromhex(private_hex)
    return private_hex.encode() in data.lower() or raw in data


def test_private_keys_are_only_in_their_own_packages(demo_ws: Workspace,
                                                     tmp_path: Path) -> None:
    ws = demo_ws
    out = tmp_path / "out"
    for round_ in ("initial", "review"):
        build_all_packages(ws, 2018, round_, out / round_)
    groups = [r[0] for r in ws.db.execute("SELECT name FROM expert_groups WHERE year = 2018")]
    for group in groups:
        build_group_package(ws, 2018, "initial", group, out / f"group-{group}.evpkg")
    packages = sorted((out / "initial").glob("*.evpkg")) + sorted(
        (out / "review").glob("*.evpkg"))
    keys: dict[str, Path] = {}
    for path in packages:
        with Package.open(path) as pkg:
            assert pkg.signing_key
            assert not pkg.legacy_secret  # no HMAC key in a package of this version
            keys[pkg.signing_key] = path
    assert len(keys) == len(packages) > 50  # one key pair per package
    # A member scores and sends his file through his group leader to the secretariat.
    member_pkg = packages[0]
    with Package.open(member_pkg) as pkg:
        pkg.set_scores([(a.id, c, 3.0, None) for a in pkg.alliances()
                        for c in pkg.rubric.codes])
        score_file = export_score_file(pkg, out / "member.xlsx").path
        member = pkg.expert
    group = ws.db.execute("SELECT g.name FROM experts e JOIN expert_groups g"
                          " ON g.id = e.group_id WHERE e.name = ?", (member,)).fetchone()[0]
    gpkg = out / f"group-{group}.evpkg"
    assert merge_into_group_package(gpkg, [score_file]).results[0].status == "accepted"
    group_file = out / "group.evgroup"
    export_group_file(gpkg, group_file)
    report = merge_score_files(ws, [group_file])
    assert [r.status for r in report.results] == ["accepted"]
    backups = list_backups(ws.path)
    assert backups

    sqlite_files = [ws.path, *backups, *packages, *sorted(out.glob("group-*.evpkg"))]
    zips = [score_file, group_file]
    found: list[str] = []
    for path in sqlite_files:
        for table, column, value in sqlite_columns(path):
            for key, own in keys.items():
                if holds_key(value, key):
                    allowed = path == own and (table, column) == ("meta", "value")
                    if not allowed:
                        found.append(f"{path.name}: {table}.{column} holds {own.name}'s key")
    for path in zips:
        for name, data in zip_members(path):
            found.extend(f"{path.name}:{name} holds {own.name}'s key"
                         for key, own in keys.items() if holds_key(data, key))
    assert found == []
    # The workspace has no HMAC key either (the demo's experts never had a package of
    # the first release), and the public keys it keeps are one per package.
    assert ws.count("experts", "secret_key != ''") == 0
    assert ws.count("expert_keys") == len(packages)
