"""Registry import: columns, batches from codes, former names and codes, re-import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from evaluator.errors import ImportRefused
from evaluator.registry import NameIndex, aliases, find_by_code, list_alliances
from evaluator.registry_import import import_registry

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"


def annex2_registry_csv(path: Path) -> Path:
    """The 88 alliances of annex 2 as a registry CSV (批次 and 曾用名 left empty)."""
    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["联盟代码", "联盟名称", "批次", "曾用名"])
        for r in rows:
            writer.writerow([r["code"], r["alliance"], "", ""])
    return path


def test_annex2_registry_imports_with_batches_from_codes(workspace, tmp_path: Path) -> None:
    report = import_registry(workspace, annex2_registry_csv(tmp_path / "r.csv"))
    assert report.created == 88
    alliances = list_alliances(workspace)
    assert len(alliances) == 88
    by_code = {a.code: a for a in alliances}
    assert by_code["109"].batch_id == "1"
    assert by_code["d106"].batch_id == "d"
    assert by_code["238"].batch_id == "2"


def test_annex1_name_variants_match_the_annex2_registry(workspace, tmp_path: Path) -> None:
    import_registry(workspace, annex2_registry_csv(tmp_path / "r.csv"))
    index = NameIndex(workspace)
    for variant, code in (("集成电路封测产业技术创新战略联盟", "138"),
                          ("汽车轻量化产业技术创新战略联盟", "107"),
                          ("有色金属钨及硬质合金产业技术创新战略联盟", "117")):
        match = index.match(variant)
        assert match.how == "similar"
        assert match.alliance is not None
        assert match.alliance.code == code


def test_reimport_updates_in_place_and_keeps_old_name(workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("联盟代码,联盟名称,批次,曾用名\n"
                    "138,集成电路封测产业技术创新战略联盟,1,\n"
                    "109,半导体照明产业技术创新战略联盟,第一批,\n", encoding="utf-8")
    assert import_registry(workspace, path).created == 2
    first_id = find_by_code(workspace, "138").id
    path.write_text("联盟代码,联盟名称,批次,曾用名,曾用代码\n"
                    "138,集成电路封测产业链技术创新战略联盟,,\n"
                    "109,半导体照明产业技术创新战略联盟,,半导体照明联盟；CSA联盟,110\n",
                    encoding="utf-8")
    report = import_registry(workspace, path)
    assert (report.created, report.updated, report.unchanged) == (0, 2, 0)
    a = find_by_code(workspace, "138")
    assert a.id == first_id
    assert a.name == "集成电路封测产业链技术创新战略联盟"
    assert aliases(workspace, a.id) == ["集成电路封测产业技术创新战略联盟"]
    assert find_by_code(workspace, "110").code == "109"
    assert NameIndex(workspace).match("CSA联盟").how == "alias"
    assert workspace.count("audit_log", "action = 'update' AND entity = 'alliance'") == 1
    report = import_registry(workspace, path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_xlsx_registry(workspace, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["联盟代码", "联盟名称"])
    wb.active.append([109, "半导体照明产业技术创新战略联盟"])
    wb.active.append(["D106", "第三代半导体产业技术创新战略联盟"])
    wb.save(tmp_path / "r.xlsx")
    import_registry(workspace, tmp_path / "r.xlsx")
    assert [a.code for a in list_alliances(workspace)] == ["109", "d106"]


def test_all_problems_reported_at_once_and_nothing_written(workspace,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("联盟代码,联盟名称,批次,曾用名\n"
                    "101,甲联盟,,\n"
                    "1x1,乙联盟,,\n"          # bad code
                    "102,,,\n"                # empty name
                    "101,丙联盟,,\n"          # duplicate code
                    "103,甲联盟,,\n"          # duplicate name
                    "204,丁联盟,1,\n"         # batch disagrees with code
                    "305,戊联盟,九,\n"        # unknown batch
                    "306,己联盟,,甲联盟\n",    # former name is another's current name
                    encoding="utf-8")
    before = workspace.count("audit_log")
    with pytest.raises(ImportRefused) as info:
        import_registry(workspace, path)
    found = [(p.code, p.row) for p in info.value.problems]
    assert found == [
        ("registry_import.bad_code", 3), ("registry_import.empty_cell", 4),
        ("registry_import.duplicate_code", 5), ("registry_import.duplicate_name", 6),
        ("registry_import.batch_mismatch", 7), ("registry_import.bad_batch", 8),
        ("registry_import.alias_conflict", 9)]
    assert all(p.file == "r.csv" and p.column for p in info.value.problems)
    assert workspace.count("alliances") == 0
    assert workspace.count("audit_log") == before


def test_alias_owned_by_another_alliance_in_workspace_is_refused(workspace,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("联盟代码,联盟名称,曾用名\n101,甲联盟,旧名\n", encoding="utf-8")
    import_registry(workspace, path)
    path.write_text("联盟代码,联盟名称,曾用名\n102,乙联盟,旧名\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        import_registry(workspace, path)
    assert [p.code for p in info.value.problems] == ["registry_import.alias_conflict"]
    assert workspace.count("alliances") == 1
