"""Signatures only the expert can make (Ed25519): a group leader holding his own package
and the group package cannot produce a file that any merge accepts as a member's; a key
from the group package cannot sign; a lost package's key is revoked; first-release HMAC
files still verify at the secretariat (旧签名) until a newer package replaces them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from evaluator import signing
from evaluator.expert_package import Package
from evaluator.group_merge import export_group_file, group_progress, merge_into_group_package
from evaluator.group_package import GroupPackage
from evaluator.merge import merge_score_files
from evaluator.package_builders import build_expert_package, build_group_package
from evaluator.scorefile import read_score_file, verify_signature
from evaluator.scorefile_export import export_score_file
from evaluator.workspace import Workspace

GROUP = "第一组"


def members(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.db.execute(
        "SELECT DISTINCT e.name FROM assignments s JOIN experts e ON e.id = s.expert_id"
        " JOIN expert_groups g ON g.id = e.group_id"
        " WHERE s.round = 'initial' AND g.name = ? ORDER BY e.sort, e.id", (GROUP,))]


def score_all(pkg_path: Path, value: float) -> None:
    with Package.open(pkg_path) as pkg:
        pkg.set_scores([(a.id, code, value, None) for a in pkg.alliances()
                        for code in pkg.rubric.codes])


def export(pkg_path: Path, out: Path) -> Path:
    with Package.open(pkg_path) as pkg:
        return export_score_file(pkg, out).path


def member_total(ws: Workspace, name: str) -> float:
    return float(ws.db.execute(
        "SELECT COALESCE(SUM(s.value), 0) FROM scores s JOIN experts e ON e.id = s.expert_id"
        " WHERE e.name = ? AND s.round = 'initial'", (name,)).fetchone()[0])


@pytest.fixture
def panel(demo_ws: Workspace, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The leader and a member each with his own package; the member's genuine file is
    merged at the secretariat; the leader holds the group package."""
    leader, member = members(demo_ws)[:2]
    paths = {}
    for name in (leader, member):
        paths[name] = tmp_path / f"{name}.evpkg"
        build_expert_package(demo_ws, 2018, "initial", name, paths[name])
        score_all(paths[name], 3.0)
    genuine = export(paths[member], tmp_path / "genuine.xlsx")
    assert merge_score_files(demo_ws, [genuine]).accepted
    gpkg = tmp_path / "group.evpkg"
    build_group_package(demo_ws, 2018, "initial", GROUP, gpkg)
    return demo_ws, leader, member, paths, gpkg, tmp_path


def forge(leader_pkg: Path, gpkg: Path, member: str, out: Path, key: str) -> Path:
    """What a leader can do with his own package and the group package: copy his package,
    make it the member's (name, id, alliances), sign with `key` ('own', 'group' for the
    member's public key from the group package used as a private key, or 'hmac' for it
    as a first-release secret), score 0.5 everywhere with export number 999999999."""
    with GroupPackage.open(gpkg) as grp:
        member_row = next(m for m in grp.members() if m["name"] == member)
        [public] = grp.public_keys_of(member).values()
        codes = grp.assigned_codes(member)
        alliances = grp.conn.execute(
            f"SELECT id, code, name, batch_id, batch_name, sort FROM alliances"
            f" WHERE code IN ({','.join('?' for _ in codes)})", codes).fetchall()
    fake = out.with_suffix(".evpkg")
    shutil.copy(leader_pkg, fake)
    conn = sqlite3.connect(fake)
    with conn:
        for k, v in (("expert_name", member), ("expert_id", str(member_row["id"])),
                     ("export_sequence", "999999998")):
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", (v, k))
        if key == "group":
            conn.execute("UPDATE meta SET value = ? WHERE key = 'signing_key'", (public,))
        elif key == "hmac":
            conn.execute("DELETE FROM meta WHERE key IN ('signing_key', 'public_key')")
            conn.execute("INSERT INTO meta (key, value) VALUES ('secret_key', ?)", (public,))
        conn.execute("DELETE FROM scores")
        conn.execute("DELETE FROM records")
        conn.execute("DELETE FROM submissions")
        conn.execute("DELETE FROM alliances")
        conn.executemany("INSERT INTO alliances (id, code, name, batch_id, batch_name, sort)"
                         " VALUES (?, ?, ?, ?, ?, ?)", alliances)
    conn.close()
    score_all(fake, 0.5)
    path = export(fake, out)
    sf = read_score_file(path)
    assert sf.ok
    assert sf.expert == member
    assert sf.sequence == 999999999
    return path


@pytest.mark.parametrize("key", ["own", "group", "hmac"])
def test_a_group_leader_cannot_forge_a_members_file(panel, key: str) -> None:  # type: ignore[no-untyped-def]
    ws, leader, member, paths, gpkg, tmp = panel
    before = member_total(ws, member)
    assert before > 0
    forged = forge(paths[leader], gpkg, member, tmp / f"forged-{key}.xlsx", key)
    # The group merge refuses it ...
    group_report = merge_into_group_package(gpkg, [forged])
    assert [r.status for r in group_report.results] == ["rejected"]
    assert {p.code for p in group_report.results[0].problems} & {
        "merge.bad_signature", "group.unknown_key", "group.legacy_unverifiable"}
    # ... and so does the secretariat's, sent directly or slipped into a group file.
    report = merge_score_files(ws, [forged])
    assert [r.status for r in report.results] == ["rejected"]
    codes = {p.code for p in report.results[0].problems}
    assert codes & {"merge.bad_signature", "merge.unknown_key", "merge.legacy_no_key"}
    assert "merge.older_sequence" not in codes
    assert "merge.sequence_reused" not in codes
    with GroupPackage.open(gpkg) as grp:  # the leader writes his package by hand
        grp.conn.execute(
            "INSERT INTO member_files (expert_name, sequence, sha256, file_name, content,"
            " signed, status, received_at) VALUES (?, ?, ?, ?, ?, 1, 'accepted', 'now')",
            (member, 999999999, read_score_file(forged).sha256, forged.name,
             forged.read_bytes()))
    export_group_file(gpkg, tmp / "group.evgroup")
    report = merge_score_files(ws, [tmp / "group.evgroup"])
    assert [r.status for r in report.results] == ["rejected"]
    assert member_total(ws, member) == before
    # The forged export number 999999999 locked nobody out: the member's next export
    # merges.
    with Package.open(paths[member]) as pkg:
        first = pkg.alliances()[0]
        pkg.set_score(first.code, "1.1", 4.0)
    following = export(paths[member], tmp / "following.xlsx")
    assert read_score_file(following).sequence < 10  # type: ignore[operator]
    report = merge_score_files(ws, [following])
    assert [r.status for r in report.results] == ["accepted"], report.lines()


def test_a_key_from_the_group_package_cannot_sign(panel) -> None:  # type: ignore[no-untyped-def]
    _ws, _leader, member, paths, gpkg, tmp = panel
    genuine = read_score_file(tmp / "genuine.xlsx")
    with GroupPackage.open(gpkg) as grp:
        keys = grp.public_keys_of(member)
        tables = {r[0] for r in grp.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    [(fingerprint, public)] = keys.items()
    assert fingerprint == genuine.key_fingerprint
    assert verify_signature(genuine, public)  # it verifies ...
    # ... but as a private key it is another key altogether: what it signs, the member's
    # public key does not verify.
    as_private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(public))
    assert as_private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex() != public
    text = genuine.canonical_json()
    assert not signing.verify(public, text, signing.sign(public, text))
    assert "member_keys" in tables
    with Package.open(paths[member]) as pkg:
        assert pkg.signing_key not in gpkg.read_bytes().hex()


def test_a_lost_package_is_replaced_and_its_key_revoked(panel) -> None:  # type: ignore[no-untyped-def]
    ws, _leader, member, paths, _gpkg, tmp = panel
    old = paths[member]
    with Package.open(old) as pkg:
        pkg.set_score(pkg.alliances()[0].code, "1.1", 2.0)
    late = export(old, tmp / "late.xlsx")  # exported from the package declared lost
    new = tmp / "new.evpkg"
    build_expert_package(ws, 2018, "initial", member, new, replaces_lost="U 盘丢失")
    report = merge_score_files(ws, [late])
    assert [r.status for r in report.results] == ["rejected"]
    assert [p.code for p in report.results[0].problems] == ["merge.revoked_key"]
    assert "U 盘丢失" in report.lines()[1]
    report = merge_score_files(ws, [late], accept_revoked_keys=True)
    assert [r.status for r in report.results] == ["accepted"]
    assert report.results[0].revoked_key
    assert ws.count("audit_log", "action = 'merge' AND new_json LIKE '%\"revoked_key\": true%'") == 1
    assert ws.count("audit_log", "action = 'revoke' AND entity = 'expert_key'") == 1
    score_all(new, 4.0)
    report = merge_score_files(ws, [export(new, tmp / "new.xlsx")])
    assert [r.status for r in report.results] == ["accepted"], report.lines()
    # A group package made now carries the new key only.
    build_group_package(ws, 2018, "initial", GROUP, tmp / "g2.evpkg")
    with GroupPackage.open(tmp / "g2.evpkg") as grp, Package.open(new) as pkg:
        assert list(grp.public_keys_of(member).values()) == [pkg.public_key]


def legacy_package(pkg_path: Path, secret: str) -> None:
    """Turn a package into one of the first release: an HMAC secret, no key pair."""
    conn = sqlite3.connect(pkg_path)
    with conn:
        conn.execute("DELETE FROM meta WHERE key IN ('signing_key', 'public_key')")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'format_version'")
        conn.execute("INSERT INTO meta (key, value) VALUES ('secret_key', ?)", (secret,))
    conn.close()


def first_release_group_package(gpkg: Path, secrets: dict[str, str]) -> None:
    """Turn a group package into one of the first release: the members' HMAC keys, no
    public keys."""
    conn = sqlite3.connect(gpkg)
    with conn:
        conn.execute("DROP TABLE member_keys")
        conn.execute("ALTER TABLE members ADD COLUMN secret_key TEXT NOT NULL DEFAULT ''")
        conn.executemany("UPDATE members SET secret_key = ? WHERE name = ?",
                         [(secret, name) for name, secret in secrets.items()])
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'format_version'")
    conn.close()


def test_first_release_files_verify_until_a_new_package_replaces_them(
        demo_ws: Workspace, tmp_path: Path) -> None:
    ws = demo_ws
    name = members(ws)[2]
    pkg = tmp_path / "old.evpkg"
    build_expert_package(ws, 2018, "initial", name, pkg)
    secret = "ab" * 32
    legacy_package(pkg, secret)
    with ws.transaction():  # as the workspace was before the upgrade
        ws.db.execute("UPDATE experts SET secret_key = ? WHERE name = ?", (secret, name))
        ws.db.execute("DELETE FROM expert_keys")
    score_all(pkg, 3.0)
    old_file = export(pkg, tmp_path / "old.xlsx")
    assert read_score_file(old_file).legacy_signature
    report = merge_score_files(ws, [old_file])
    assert [r.status for r in report.results] == ["accepted"]
    assert report.results[0].legacy_signature
    assert "旧签名" in report.lines()[0] or "old-style" in report.lines()[0]
    # A group package of this version holds no HMAC key: the leader cannot verify it.
    gpkg = tmp_path / "g.evpkg"
    build_group_package(ws, 2018, "initial", GROUP, gpkg)
    group_report = merge_into_group_package(gpkg, [old_file])
    assert [p.code for p in group_report.results[0].problems] == ["group.legacy_unverifiable"]
    # A group package of the first release (members' HMAC keys) still verifies it.
    old_gpkg = tmp_path / "old-g.evpkg"
    build_group_package(ws, 2018, "initial", GROUP, old_gpkg)
    first_release_group_package(old_gpkg, {name: secret})
    group_report = merge_into_group_package(old_gpkg, [old_file])
    assert [r.status for r in group_report.results] == ["accepted"]
    assert group_report.results[0].legacy_signature
    # The leader's list of who sent what says so too (旧签名), also for files the package
    # kept before it recorded the flag: then it follows from the member's keys.
    assert {r["expert"]: r["legacy_signature"] for r in group_progress(old_gpkg)}[name]
    conn = sqlite3.connect(old_gpkg)
    with conn:
        conn.execute("ALTER TABLE member_files DROP COLUMN legacy_signature")
    conn.close()
    sent = {r["expert"]: r["legacy_signature"] for r in group_progress(old_gpkg)}
    assert sent[name]
    assert not any(flag for member, flag in sent.items() if member != name)
    # Once the expert is given a package of this version, HMAC files no longer speak for
    # him unless the secretariat accepts them explicitly.
    score_all(pkg, 3.5)
    second = export(pkg, tmp_path / "second.xlsx")
    build_expert_package(ws, 2018, "initial", name, tmp_path / "new.evpkg")
    report = merge_score_files(ws, [second])
    assert [p.code for p in report.results[0].problems] == ["merge.legacy_replaced"]
    assert merge_score_files(ws, [second], accept_revoked_keys=True).accepted


def test_scores_show_tells_a_forgery_from_the_member_file(panel, capsys) -> None:  # type: ignore[no-untyped-def]
    from evaluator.cli import main

    _ws, leader, member, paths, gpkg, tmp = panel
    forged = forge(paths[leader], gpkg, member, tmp / "forged.xlsx", "own")
    capsys.readouterr()
    assert main(["scores", "show", str(tmp / "genuine.xlsx"), "--package", str(gpkg)]) == 0
    assert main(["scores", "show", str(forged), "--package", str(gpkg)]) == 2
    assert main(["scores", "show", str(forged), "--package", str(paths[leader])]) == 2
    assert main(["scores", "show", str(tmp / "genuine.xlsx"),
                 "--package", str(paths[member])]) == 0
