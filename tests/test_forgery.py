"""Forged score files are refused with the reason: edited after export (in Excel or in the
bytes), signed with another expert's key, replayed from an older export, moved to another
round or year, or scored against another rubric. Every refusal leaves the scores as they
were. The unforged file is accepted (else these tests would prove nothing)."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from evaluator import messages
from evaluator.cli import main
from evaluator.merge import merge_score_files
from evaluator.packages import Package, build_expert_package
from evaluator.scorefile import (
    K_EXPERT,
    K_FINGERPRINT,
    K_ROUND,
    K_SIGNATURE,
    K_YEAR,
    META_SHEET,
    SCORES_SHEET,
    export_score_file,
    read_score_file,
)
from evaluator.signing import sign
from evaluator.workspace import Workspace


# -- a real signed score file from the demo ---------------------------------------------
def first_expert(ws: Workspace, round_: str = "initial") -> str:
    return str(ws.db.execute(
        "SELECT e.name FROM assignments s JOIN experts e ON e.id = s.expert_id"
        " WHERE s.round = ? ORDER BY e.sort, e.id LIMIT 1", (round_,)).fetchone()[0])


def private_key(pkg_path: Path) -> str:
    """The private key in an expert's own package: what that expert can sign with."""
    with Package.open(pkg_path) as pkg:
        return pkg.signing_key


def other_experts_key(ws: Workspace, owner: str, folder: Path) -> tuple[str, str]:
    """(name, private key) of another expert of the round, from his own package."""
    other = first_expert_except(ws, owner)
    path = folder / "other.evpkg"
    build_expert_package(ws, 2018, "initial", other, path)
    return other, private_key(path)


def first_expert_except(ws: Workspace, owner: str) -> str:
    return str(ws.db.execute(
        "SELECT DISTINCT e.name FROM assignments s JOIN experts e ON e.id = s.expert_id"
        " WHERE s.round = 'initial' AND e.name != ? ORDER BY e.sort, e.id LIMIT 1",
        (owner,)).fetchone()[0])


def build_package(ws: Workspace, folder: Path, round_: str = "initial") -> Path:
    path = folder / f"{round_}.evpkg"
    build_expert_package(ws, 2018, round_, first_expert(ws, round_), path)
    return path


def change_first_score(pkg_path: Path) -> tuple[str, float]:
    """Change the first alliance's 1.1 so the export differs from what is merged."""
    with Package.open(pkg_path) as pkg:
        first = pkg.alliances()[0]
        current = pkg.score(first.id, "1.1")
        value = 0.5 if current is None or current.value != 0.5 else 1.0
        pkg.set_score(first.code, "1.1", value)
        return first.code, value


def export(pkg_path: Path, out: Path) -> Path:
    with Package.open(pkg_path) as pkg:
        return export_score_file(pkg, out).path


def scores_state(ws: Workspace) -> dict[str, list[str]]:
    """What a merge may change: the scores and the received files."""
    return {table: sorted(map(repr, ws.db.execute(f"SELECT * FROM [{table}]")))
            for table in ("scores", "score_files")}


def rewrite_meta(path: Path, key: str, value: str, *, resign_with: str | None = None) -> None:
    """Change one metadata value as a person with Excel would; optionally sign again."""
    wb = openpyxl.load_workbook(path)
    sheet = wb[META_SHEET]
    for row in sheet.iter_rows(min_row=1):
        if row[0].value == key:
            row[1].value = value
    wb.save(path)
    if resign_with is not None:
        resign(path, resign_with)


def resign(path: Path, key: str) -> None:
    signature = sign(key, read_score_file(path).canonical_json())
    wb = openpyxl.load_workbook(path)
    for row in wb[META_SHEET].iter_rows(min_row=1):
        if row[0].value == K_SIGNATURE:
            row[1].value = signature
    wb.save(path)


def cli_merge(ws_path: Path, *files: Path, extra: tuple[str, ...] = ()) -> tuple[int, Any]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        code = main(["merge", str(ws_path), *map(str, files), "--json", *extra])
    return code, json.loads(out.getvalue())


def assert_refused(ws: Workspace, path: Path, *codes: str) -> list[str]:
    """Merge through the CLI: exit 2, every expected reason named and rendered, nothing
    merged."""
    before = scores_state(ws)
    code, report = cli_merge(ws.path, path)
    assert code == 2, report
    assert report["accepted"] == 0
    problems = report["files"][0]["problems"]
    found = [p["code"] for p in problems]
    for expected in codes:
        assert expected in found, found
    for p in problems:
        assert p["text"].strip(), p
        assert p["code"] not in p["text"], p  # a sentence, not a code
    assert scores_state(ws) == before
    return found


@pytest.fixture
def signed(demo_ws: Workspace, tmp_path: Path) -> tuple[Workspace, Path, Path]:
    """(workspace, package, a freshly exported signed score file that differs from what
    is merged)."""
    pkg = build_package(demo_ws, tmp_path)
    change_first_score(pkg)
    return demo_ws, pkg, export(pkg, tmp_path / "scores.xlsx")


def test_the_unforged_file_is_accepted(signed: tuple[Workspace, Path, Path]) -> None:
    ws, pkg, path = signed
    code, report = cli_merge(ws.path, path)
    assert code == 0, report
    assert report["accepted"] == 1
    with Package.open(pkg) as p:
        first = p.alliances()[0]
        wanted = p.score(first.id, "1.1")
    assert wanted is not None
    got = ws.db.execute(
        "SELECT value FROM scores s JOIN experts e ON e.id = s.expert_id"
        " WHERE e.name = ? AND s.round = 'initial' AND s.alliance_id = ?"
        " AND s.indicator_code = '1.1'", (p.expert, first.id)).fetchone()[0]
    assert got == wanted.value


# -- edited after export ---------------------------------------------------------------
def test_score_edited_in_excel_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    wb = openpyxl.load_workbook(path)
    sheet = wb[SCORES_SHEET]
    cell = sheet.cell(row=2, column=3)  # first alliance, indicator 1.1
    cell.value = 1.5 if cell.value != 1.5 else 2.0
    total = sheet.cell(row=2, column=sheet.max_column)
    total.value = None  # a careful forger clears the total rather than leave a mismatch
    wb.save(path)
    assert_refused(ws, path, "merge.bad_signature")


def test_comment_added_in_excel_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    code = read_score_file(path).rows[0][0]
    wb = openpyxl.load_workbook(path)
    wb["意见"].append([code, "1.1", "补充的意见"])
    wb.save(path)
    assert_refused(ws, path, "merge.bad_signature")


def _edit_xml_value(path: Path, cell: str) -> None:
    """Change one cell's value in the sheet XML and zip the file again (no Excel)."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet1.xml":
                pattern = re.compile(rf'(<c r="{cell}"[^>]*><v>)([^<]*)(</v>)'.encode())
                match = pattern.search(data)
                assert match is not None
                new = b"2" if match.group(2) != b"2" else b"3"
                data = data[:match.start(2)] + new + data[match.end(2):]
            zf.writestr(info, data)
    path.write_bytes(out.getvalue())


def test_score_edited_in_the_bytes_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    _edit_xml_value(path, "C2")
    assert read_score_file(path).ok  # still a well-formed score file
    assert_refused(ws, path, "merge.bad_signature")


def test_flipped_byte_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))
    assert assert_refused(ws, path)


# -- another expert's key ----------------------------------------------------------------
def test_signed_with_another_experts_key_is_refused(
        signed: tuple[Workspace, Path, Path], tmp_path: Path) -> None:
    ws, _, path = signed
    owner = read_score_file(path).expert
    _, key = other_experts_key(ws, owner, tmp_path)
    resign(path, key)
    assert read_score_file(path).ok
    assert_refused(ws, path, "merge.bad_signature")


def test_signed_with_a_made_up_key_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    resign(path, "0" * 64)
    assert_refused(ws, path, "merge.bad_signature")


def test_file_relabelled_to_another_expert_is_refused(
        signed: tuple[Workspace, Path, Path], tmp_path: Path) -> None:
    """The forger knows only his own key: the file claims another expert, signed by him."""
    ws, pkg, path = signed
    owner = read_score_file(path).expert
    other, _ = other_experts_key(ws, owner, tmp_path)  # the other expert has a key too
    rewrite_meta(path, K_EXPERT, other, resign_with=private_key(pkg))
    assert_refused(ws, path, "merge.unknown_key")


# -- replayed --------------------------------------------------------------------------
def test_replayed_older_export_is_refused(demo_ws: Workspace, tmp_path: Path) -> None:
    pkg = build_package(demo_ws, tmp_path)
    change_first_score(pkg)
    older = export(pkg, tmp_path / "older.xlsx")
    code, value = change_first_score(pkg)
    newer = export(pkg, tmp_path / "newer.xlsx")
    assert read_score_file(older).sequence < read_score_file(newer).sequence  # type: ignore[operator]
    status, report = cli_merge(demo_ws.path, newer)
    assert status == 0, report
    found = assert_refused(demo_ws, older, "merge.older_sequence")
    assert "merge.bad_signature" not in found  # the file is genuine, only stale
    alliance = demo_ws.db.execute("SELECT id FROM alliances WHERE code = ?",
                                  (code,)).fetchone()[0]
    kept = demo_ws.db.execute(
        "SELECT value FROM scores WHERE round = 'initial' AND alliance_id = ?"
        " AND indicator_code = '1.1' AND score_file_id = (SELECT MAX(id) FROM score_files)",
        (alliance,)).fetchone()[0]
    assert kept == value  # the newer export's score stands


def test_replay_of_a_merged_older_export_changes_nothing(demo_ws: Workspace,
                                                         tmp_path: Path) -> None:
    """Older merged, newer merged, the older sent again: the newer export stands."""
    pkg = build_package(demo_ws, tmp_path)
    change_first_score(pkg)
    older = export(pkg, tmp_path / "older.xlsx")
    change_first_score(pkg)
    newer = export(pkg, tmp_path / "newer.xlsx")
    assert cli_merge(demo_ws.path, older)[0] == 0
    assert cli_merge(demo_ws.path, newer)[0] == 0
    before = scores_state(demo_ws)
    code, report = cli_merge(demo_ws.path, older)
    assert report["accepted"] == 0
    assert code in (0, 2)
    assert scores_state(demo_ws) == before


def test_other_content_under_a_merged_sequence_is_refused(
        signed: tuple[Workspace, Path, Path], tmp_path: Path) -> None:
    """A second file claiming an already merged export number with other content:
    signed by the expert's own key it is refused as a reused number; signed by anyone
    else it is refused for its signature before its number is even looked at."""
    ws, pkg, path = signed
    twin = tmp_path / "twin.xlsx"
    shutil.copy(path, twin)
    assert cli_merge(ws.path, path)[0] == 0
    _edit_xml_value(twin, "C2")
    resign(twin, private_key(pkg))
    found = assert_refused(ws, twin, "merge.sequence_reused")
    assert "merge.bad_signature" not in found
    resign(twin, "11" * 32)
    found = assert_refused(ws, twin, "merge.bad_signature")
    assert "merge.sequence_reused" not in found


# -- another round -----------------------------------------------------------------------
def test_round_changed_in_the_metadata_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    rewrite_meta(path, K_ROUND, "交叉复评")
    assert read_score_file(path).round == "review"
    assert_refused(ws, path, "merge.unknown_key")  # his key was issued for 分组初评


def test_signed_initial_file_merged_as_review_is_refused(
        signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    before = scores_state(ws)
    report = merge_score_files(ws, [path], round="review")
    assert not report.accepted
    codes = [p.code for p in report.rejected[0].problems]
    assert codes == ["merge.wrong_round"]  # genuine signature: the round is the reason
    assert scores_state(ws) == before


def test_review_file_cannot_stand_in_for_the_initial_round(demo_ws: Workspace,
                                                           tmp_path: Path) -> None:
    """A genuine review export relabelled 分组初评 (and re-signed with the expert's own key,
    as the expert himself could) still fails: the alliances are not his in that round."""
    review_pkg = build_package(demo_ws, tmp_path, "review")
    change_first_score(review_pkg)
    path = export(review_pkg, tmp_path / "review.xlsx")
    expert = read_score_file(path).expert
    initial = {r[0] for r in demo_ws.db.execute(
        "SELECT a.code FROM assignments s JOIN alliances a ON a.id = s.alliance_id"
        " JOIN experts e ON e.id = s.expert_id WHERE e.name = ? AND s.round = 'initial'",
        (expert,))}
    review = set(read_score_file(path).alliance_codes())
    assert review - initial, "the demo expert reviews alliances he did not score first"
    rewrite_meta(path, K_ROUND, "分组初评", resign_with=private_key(review_pkg))
    assert_refused(demo_ws, path, "merge.not_assigned")


# -- another year ------------------------------------------------------------------------
def test_year_changed_in_the_metadata_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    rewrite_meta(path, K_YEAR, "2019")
    found = assert_refused(ws, path, "merge.wrong_year")
    assert "merge.bad_signature" in found


def test_signed_file_merged_into_another_year_is_refused(
        signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    ws.add_year(2019, ws.rubric(2018))
    before = scores_state(ws)
    report = merge_score_files(ws, [path], year=2019)
    assert not report.accepted
    codes = {p.code for p in report.rejected[0].problems}
    assert "merge.wrong_year" in codes
    assert scores_state(ws) == before


# -- another rubric ----------------------------------------------------------------------
def test_rubric_fingerprint_changed_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    rewrite_meta(path, K_FINGERPRINT, "f" * 64)
    found = assert_refused(ws, path, "merge.rubric_differs")
    assert "merge.bad_signature" in found


def test_genuine_file_of_another_rubric_is_refused(signed: tuple[Workspace, Path, Path]) -> None:
    """Signed by the right expert, but scored against another indicator system."""
    ws, pkg, path = signed
    rewrite_meta(path, K_FINGERPRINT, "f" * 64, resign_with=private_key(pkg))
    found = assert_refused(ws, path, "merge.rubric_differs")
    assert "merge.bad_signature" not in found


def test_refusals_are_rendered_in_both_languages(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, path = signed
    rewrite_meta(path, K_YEAR, "2019")
    report = merge_score_files(ws, [path])
    for lang in ("zh", "en"):
        texts = [messages.render_problem(p, lang) for p in report.rejected[0].problems]
        assert all(t and "merge." not in t for t in texts), texts
