"""Expert packages: only the expert's assigned alliances, no conflicts, no first-round
scores in a re-review package, scores validated and committed at once."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from evaluator.errors import EvaluatorError
from evaluator.expert_package import Package
from evaluator.group_package import GroupPackage
from evaluator.package_builders import build_all_packages, build_expert_package, build_group_package
from evaluator.progress import Cancelled
from evaluator.registry import add_alliance
from evaluator.score_sets import insert_scores
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

ALLIANCES = (("101", "甲产业技术创新战略联盟"), ("102", "乙产业技术创新战略联盟"),
             ("203", "丙产业技术创新战略联盟"), ("305", "丁产业技术创新战略联盟"),
             ("d106", "戊网员联盟"))


def build_panel(ws: Workspace) -> dict[str, int]:
    """Five alliances, two groups, four experts; 王 is affiliated with 101 (a conflict).

    initial: group A (王, 李) scores 101, 102, 203 except 王 on 101; group B (张, 赵)
    scores 305, d106. review: group B scores 101, 102; group A scores 305 (王, 李).
    """
    ids = {code: add_alliance(ws, code, name).id for code, name in ALLIANCES}
    now = now_iso()
    with ws.transaction():
        db = ws.db
        ga = db.table("expert_groups").insert({"year": 2018, "name": "第一组", "sort": 0}).last_pk
        gb = db.table("expert_groups").insert({"year": 2018, "name": "第二组", "sort": 1}).last_pk
        experts = {}
        for i, (name, role, group, leader, alliance) in enumerate((
                ("王", "leader", ga, 1, ids["101"]), ("李", "member", ga, 0, None),
                ("张", "member", gb, 1, None), ("赵", "member", gb, 0, None))):
            experts[name] = db.table("experts").insert({
                "year": 2018, "name": name, "role": role, "group_id": group,
                "is_group_leader": leader, "alliance_id": alliance,
                "secret_key": f"{i:02d}" * 16, "sort": i}).last_pk
        db.table("conflicts").insert({"expert_id": experts["王"], "alliance_id": ids["101"],
                                      "source": "affiliation", "reason": "秘书长",
                                      "created_at": now})

        def assign(round_: str, code: str, expert: str, group: int) -> None:
            db.table("assignments").insert({
                "year": 2018, "round": round_, "alliance_id": ids[code],
                "expert_id": experts[expert], "group_id": group, "created_at": now})

        for code in ("101", "102", "203"):
            for name in ("王", "李"):
                if not (name == "王" and code == "101"):
                    assign("initial", code, name, ga)
        for code in ("305", "d106"):
            for name in ("张", "赵"):
                assign("initial", code, name, gb)
        for code in ("101", "102"):
            for name in ("张", "赵"):
                assign("review", code, name, gb)
        for name in ("王", "李"):
            assign("review", "305", name, ga)
        sid = db.table("submissions").insert({
            "year": 2018, "alliance_id": ids["102"], "name_as_filed": "乙联盟",
            "imported_at": now}).last_pk
        db.table("submission_records").insert_all([
            {"submission_id": sid, "indicator_code": "1.1", "title": "第三届理事会会议",
             "record_date": "2018-03-02", "description": "审议年度计划", "sort": 0},
            {"submission_id": sid, "indicator_code": "2.1", "title": "联合攻关项目",
             "record_date": "2018-06-01", "description": "五家成员参与", "sort": 1},
        ])
        # First-round scores already received from 张 for 305: must never reach a
        # re-review package.
        for code in ws.rubric().codes:
            insert_scores(db, [{
                "year": 2018, "round": "initial", "expert_id": experts["张"],
                "alliance_id": ids["305"], "indicator_code": code, "value": 3.0,
                "comment": "初评意见", "entered_at": now}])
    return {**ids, **{f"expert:{k}": int(v) for k, v in experts.items()},  # type: ignore[arg-type]
            "group:A": int(ga), "group:B": int(gb)}  # type: ignore[arg-type]


@pytest.fixture
def panel(workspace: Workspace) -> dict[str, int]:
    return build_panel(workspace)


def package_codes(path: Path) -> list[str]:
    with Package.open(path) as pkg:
        return [a.code for a in pkg.alliances()]


def test_package_holds_only_assigned_alliances(workspace: Workspace, panel: dict[str, int],
                                               tmp_path: Path) -> None:
    out = tmp_path / "wang.evpkg"
    built = build_expert_package(workspace, 2018, "initial", "王", out)
    assert built.alliances == 2
    assert package_codes(out) == ["102", "203"]  # 101 is his own alliance
    with Package.open(out) as pkg:
        assert pkg.expert == "王"
        assert pkg.round == "initial"
        assert len(pkg.signing_key) == 64
        assert not pkg.legacy_secret
        # The workspace keeps the public key of the pair, never the private key.
        assert workspace.db.execute(
            "SELECT public_key FROM expert_keys k JOIN experts e ON e.id = k.expert_id"
            " WHERE e.name = '王'").fetchall() == [(pkg.public_key,)]
        assert pkg.fingerprint == workspace.rubric().fingerprint
        records = pkg.records(panel["102"], "1.1")
        assert [r["title"] for r in records] == ["第三届理事会会议"]
        assert pkg.records(panel["203"], "1.1") == []
        assert pkg.scores() == {}
    raw = sqlite3.connect(out)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # no other expert's key anywhere in the file
        assert not raw.execute("SELECT 1 FROM meta WHERE value = ?", ("01" * 16,)).fetchone()
    finally:
        raw.close()
    assert not list(tmp_path.glob(".*part"))


def test_review_package_has_no_first_round_scores(workspace: Workspace, panel: dict[str, int],
                                                  tmp_path: Path) -> None:
    out = tmp_path / "wang-review.evpkg"
    build_expert_package(workspace, 2018, "review", "王", out)
    assert package_codes(out) == ["305"]
    with Package.open(out) as pkg:
        assert pkg.scores() == {}
        assert pkg.round == "review"
    raw = sqlite3.connect(out)
    try:
        text = "\n".join(str(r) for t in ("meta", "scores", "score_history", "records")
                         for r in raw.execute(f"SELECT * FROM {t}"))
    finally:
        raw.close()
    assert "初评意见" not in text


def test_own_scores_of_the_same_round_come_back(workspace: Workspace, panel: dict[str, int],
                                                tmp_path: Path) -> None:
    out = tmp_path / "zhang.evpkg"
    build_expert_package(workspace, 2018, "initial", "张", out)
    with Package.open(out) as pkg:
        progress = pkg.progress()
        assert progress[panel["305"]] == (20, 20)
        assert progress[panel["d106"]] == (0, 20)


def test_conflicting_assignment_is_refused(workspace: Workspace, panel: dict[str, int],
                                           tmp_path: Path) -> None:
    with workspace.transaction():
        workspace.db.table("assignments").insert({
            "year": 2018, "round": "initial", "alliance_id": panel["101"],
            "expert_id": panel["expert:王"], "created_at": now_iso()})
    with pytest.raises(EvaluatorError) as info:
        build_expert_package(workspace, 2018, "initial", "王", tmp_path / "w.evpkg")
    assert info.value.problems[0].code == "package.conflicted_assignment"
    assert not (tmp_path / "w.evpkg").exists()
    with pytest.raises(EvaluatorError):
        build_all_packages(workspace, 2018, "initial", tmp_path / "all")
    assert not (tmp_path / "all").exists()


def test_unknown_expert_and_no_assignment(workspace: Workspace, panel: dict[str, int],
                                          tmp_path: Path) -> None:
    with pytest.raises(EvaluatorError) as info:
        build_expert_package(workspace, 2018, "initial", "无名", tmp_path / "x.evpkg")
    assert info.value.problems[0].code == "package.unknown_expert"
    with pytest.raises(EvaluatorError) as info:
        build_expert_package(workspace, 2018, "final", "王", tmp_path / "x.evpkg")
    assert info.value.problems[0].code == "round.unknown"


def test_build_all_packages(workspace: Workspace, panel: dict[str, int], tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    class Recorder:
        def report(self, done: int, total: int, message: str = "") -> None:
            seen.append((done, total))

        def cancelled(self) -> bool:
            return False

    result = build_all_packages(workspace, 2018, "review", tmp_path / "out", Recorder())
    assert sorted(b.expert for b in result.built) == ["张", "李", "王", "赵"]
    assert result.skipped == []
    assert seen[-1] == (4, 4)
    for built in result.built:
        with Package.open(built.path) as pkg:
            assert pkg.expert == built.expert
            codes = [a.code for a in pkg.alliances()]
            assert codes == (["305"] if built.expert in ("王", "李") else ["101", "102"])


def test_build_all_packages_cancel(workspace: Workspace, panel: dict[str, int],
                                   tmp_path: Path) -> None:
    class Cancel:
        def report(self, done: int, total: int, message: str = "") -> None:
            pass

        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        build_all_packages(workspace, 2018, "initial", tmp_path / "out", Cancel())


def test_group_package(workspace: Workspace, panel: dict[str, int], tmp_path: Path) -> None:
    build_expert_package(workspace, 2018, "initial", "李", tmp_path / "li.evpkg")
    with Package.open(tmp_path / "li.evpkg") as li:
        li_public = li.public_key
    out = tmp_path / "group.evpkg"
    build_group_package(workspace, 2018, "initial", "第一组", out)
    with GroupPackage.open(out) as grp:
        assert grp.group == "第一组"
        assert {m["name"] for m in grp.members()} == {"王", "李"}
        # Public keys only: no HMAC key, no private key.
        assert list(grp.public_keys_of("李").values()) == [li_public]
        assert grp.legacy_key_of("李") == ""
        assert "secret_key" not in grp.members()[0]
        assert grp.public_keys_of("王") == {}  # no package issued to him yet
        assert not grp.is_member("张")
        assert grp.assigned_codes("王") == ["102", "203"]
        assert grp.assigned_codes("李") == ["101", "102", "203"]
    with pytest.raises(EvaluatorError) as info:
        Package.open(out)
    assert info.value.problems[0].code == "package.group_not_expert"
    zh = info.value.render("zh")
    assert "专家组评审包" in zh
    assert not re.search("[A-Za-z]", zh.replace(str(out), "").replace(out.name, "")), zh


def test_set_score_bounds_and_step(workspace: Workspace, panel: dict[str, int],
                                   tmp_path: Path) -> None:
    out = tmp_path / "li.evpkg"
    build_expert_package(workspace, 2018, "initial", "李", out)
    with Package.open(out) as pkg:
        saved = pkg.set_score("102", "1.1", 4.5, "会议纪要齐全")
        assert saved
        assert pkg.set_score(panel["102"], "1.2", 0)
        assert pkg.set_score("102", "1.3", 5)
        for bad in (5.5, -0.5, 4.3, float("nan")):
            with pytest.raises(EvaluatorError) as info:
                pkg.set_score("102", "1.1", bad)
            assert info.value.problems[0].code == "package.bad_value"
        with pytest.raises(EvaluatorError):
            pkg.set_score("102", "9.9", 1)
        with pytest.raises(EvaluatorError) as info:
            pkg.set_score("305", "1.1", 1)  # not assigned to 李
        assert info.value.problems[0].code == "package.unknown_alliance"
        pkg.set_score("102", "1.1", 4)  # keeps the comment
        assert pkg.score(panel["102"], "1.1").value == 4  # type: ignore[union-attr]
        assert pkg.score(panel["102"], "1.1").comment == "会议纪要齐全"  # type: ignore[union-attr]
        pkg.clear_score("102", "1.3")
        assert pkg.progress()[panel["102"]] == (2, 20)
        assert pkg.missing()["102"][0] == "1.3"
    # committed: another connection sees the values at once
    with Package.open(out) as again:
        assert again.score(panel["102"], "1.1").value == 4  # type: ignore[union-attr]
        assert again.integrity_ok()


def test_not_a_package(tmp_path: Path) -> None:
    bogus = tmp_path / "x.evpkg"
    bogus.write_bytes(b"hello world, not sqlite at all")
    with pytest.raises(EvaluatorError) as info:
        Package.open(bogus)
    assert info.value.problems[0].code == "package.not_a_package"
    with pytest.raises(EvaluatorError):
        Package.open(tmp_path / "missing.evpkg")


def _li_package(workspace: Workspace, tmp_path: Path) -> Path:
    out = tmp_path / "li.evpkg"
    build_expert_package(workspace, 2018, "initial", "李", out)
    with Package.open(out) as pkg:
        pkg.set_score("102", "1.1", 4.5, "会议纪要齐全")
    return out


def _assert_damaged(info: pytest.ExceptionInfo[EvaluatorError], path: Path) -> None:
    problem = info.value.problems[0]
    assert problem.code == "package.damaged"
    zh, en = info.value.render("zh"), info.value.render("en")
    assert str(path) in zh
    assert "已损坏" in zh
    assert "秘书处" in zh
    assert "damaged" in en
    assert "secretariat" in en


def test_damaged_rubric_is_a_message(workspace: Workspace, panel: dict[str, int],
                                     tmp_path: Path) -> None:
    out = _li_package(workspace, tmp_path)
    conn = sqlite3.connect(out)
    with conn:
        conn.execute("UPDATE meta SET value = '{\"groups\": [' WHERE key = 'rubric_json'")
    conn.close()
    with pytest.raises(EvaluatorError) as info:
        Package.open(out)
    _assert_damaged(info, out)


def test_damaged_page_is_a_message(workspace: Workspace, panel: dict[str, int],
                                   tmp_path: Path) -> None:
    out = _li_package(workspace, tmp_path)
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'scores'").fetchone()[0]
    conn.close()
    data = bytearray(out.read_bytes())
    start = (root - 1) * page_size
    data[start:start + 16] = b"\xff" * 16  # the b-tree page header of the scores table
    out.write_bytes(bytes(data))
    with pytest.raises(EvaluatorError) as info:
        Package.open(out)
    _assert_damaged(info, out)


def test_damaged_score_value_is_a_message(workspace: Workspace, panel: dict[str, int],
                                          tmp_path: Path) -> None:
    """A value of the wrong type passes SQLite's own check; reading it is refused."""
    out = _li_package(workspace, tmp_path)
    conn = sqlite3.connect(out)
    with conn:
        conn.execute("UPDATE scores SET value = 'abc'")
    conn.close()
    with Package.open(out) as pkg:
        for read in (pkg.scores, pkg.missing, lambda: pkg.score(panel["102"], "1.1")):
            with pytest.raises(EvaluatorError) as info:
                read()
            _assert_damaged(info, out)


def test_package_kind_tells_expert_from_group_packages(tmp_path: Path) -> None:
    from evaluator.demo import build_demo
    from evaluator.errors import EvaluatorError
    from evaluator.package_builders import build_expert_package, build_group_package
    from evaluator.packages import package_kind
    from evaluator.workspace import Workspace

    build_demo(tmp_path / "d.evdb")
    with Workspace.open(tmp_path / "d.evdb") as ws:
        expert = ws.db.execute("SELECT expert_id FROM assignments LIMIT 1").fetchone()[0]
        build_expert_package(ws, 2018, "initial", expert, tmp_path / "e.evpkg")
        build_group_package(ws, 2018, "initial", "第一组", tmp_path / "g.evpkg")
    assert package_kind(tmp_path / "e.evpkg") == "expert"
    assert package_kind(tmp_path / "g.evpkg") == "group"
    (tmp_path / "x.evpkg").write_bytes(b"not a package")
    with pytest.raises(EvaluatorError):
        package_kind(tmp_path / "x.evpkg")


def test_package_schema_statements_are_cut_where_sqlite_ends_them() -> None:
    """A ';' inside a string or a trigger body does not end a statement."""
    from evaluator.package_builders import _run_script

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN")
    _run_script(conn, """
        CREATE TABLE t (x TEXT DEFAULT 'a;b');
        CREATE TABLE log (x TEXT);
        CREATE TRIGGER t_log AFTER INSERT ON t BEGIN
            INSERT INTO log (x) VALUES (new.x);
        END;
    """)
    conn.execute("INSERT INTO t DEFAULT VALUES")
    assert conn.in_transaction
    assert conn.execute("SELECT x FROM log").fetchall() == [("a;b",)]
    with pytest.raises(ValueError, match="incomplete"):
        _run_script(conn, "CREATE TABLE u (x)")
