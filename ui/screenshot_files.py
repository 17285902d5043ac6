"""The workspaces and files the guide's pictures show (Qt-free): the sample workspace, a
submissions file with the mistakes real files have, packages with work in progress, and
the score files arriving for the merge pictures."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from evaluator.expert_scores import expert_scores, withdraw_round
from evaluator.panel_lists import experts_assigned
from evaluator.sqlite_files import copy_database
from evaluator.workspace import Workspace

WORKSPACE_NAME = "demo.evdb"


def build_sample_workspace(directory: Path) -> Path:
    from evaluator.demo import build_demo
    from evaluator.people import choose_working_name
    from evaluator.workspace import Workspace

    path = directory / WORKSPACE_NAME
    build_demo(path)
    with Workspace.open(path) as ws:  # the secretary the guide's pictures show working
        choose_working_name(ws, "王敏")
    return path


def write_submissions_with_mistakes(ws: Workspace, year: int, out: Path) -> Path:
    """The demo's submissions for a few alliances, with the mistakes real files have."""
    from openpyxl import load_workbook

    from evaluator.submissions import export_submissions

    full = out.with_name("full_" + out.name)
    export_submissions(ws, full, year)
    book = load_workbook(full)
    basic, records = book["基本信息"], book["活动记录"]
    keep = [row[0].value for row in basic.iter_rows(min_row=2, max_row=9)]
    for sheet in (basic, records):
        for row in range(sheet.max_row, 1, -1):
            if sheet.cell(row, 1).value not in keep:
                sheet.delete_rows(row)
    header = {cell.value: cell.column for cell in basic[1]}
    basic.cell(3, header["年度"]).value = "2017"
    basic.cell(4, header["联系电话"]).value = None
    basic.cell(5, header["联盟名称"]).value = basic.cell(6, header["联盟名称"]).value
    header = {cell.value: cell.column for cell in records[1]}
    records.cell(3, header["日期"]).value = "2018年13月5日"
    records.cell(5, header["数量"]).value = "三次"
    records.cell(7, header["指标代码"]).value = "2.10"
    records.cell(9, header["名称"]).value = None
    book.save(out)
    full.unlink()
    return out


def fill_package(path: Path, scores: dict[str, list[tuple[str, float, str]]],
                 alliances: int | None = None, comment: tuple[int, str, str] | None = None
                 ) -> None:
    """Leave the expert's scores for the first `alliances` alliances (all when None) in a
    package, and nothing for the rest: the package then looks like work in progress."""
    from evaluator.packages import Package

    with Package.open(path) as package:
        listed = package.alliances()
        entries: list[tuple[int, str, float, str | None]] = []
        for a in listed[:alliances]:
            entries += [(a.id, indicator, value, text or None)
                        for indicator, value, text in scores.get(a.code, [])]
        package.set_scores(entries)
        for a in listed[len(listed) if alliances is None else alliances:]:
            for alliance_id, indicator in list(package.scores(a.id)):
                package.clear_score(alliance_id, indicator)
        if comment is not None:
            package.set_comment(*comment)


def busiest_indicator(path: Path, row: int) -> tuple[int, str]:
    """The `row`-th alliance of a package and its indicator with the most records."""
    from evaluator.packages import Package

    with Package.open(path) as package:
        alliance = package.alliances()[row]
        counts = package.record_counts(alliance.id)
    return alliance.id, max(counts, key=lambda code: counts[code])


@dataclass
class MergeScene:
    workspace: Path
    files: list[Path]


def stage_merge(stage: Path, demo: Path) -> MergeScene:
    """Score files as they arrive: a newer export, a new file, an unsigned file, a file
    changed after export, an older export and the same file twice."""
    from openpyxl import load_workbook

    from evaluator.merge import merge_score_files
    from evaluator.packages import Package, build_expert_package, package_file_name
    from evaluator.scorefile import export_score_file, score_file_name
    from evaluator.workspace import Workspace

    path = stage / "merge" / WORKSPACE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    copy_database(demo, path)  # only SQLite copies a database (sqlite_files)
    inbox = stage / "merge" / "收到的评分文件"
    inbox.mkdir(exist_ok=True)
    files: list[Path] = []
    with Workspace.open(path) as ws:
        year = ws.require_year(None)
        experts = experts_assigned(ws, year, "review")
        newer, fresh, unsigned, changed, older = experts[2:7]
        scores = {e: expert_scores(ws, year, "review", e[0]) for e in experts[2:7]}
        # Five experts' review files have not been merged yet in this copy.
        for expert_id, _name in (fresh, unsigned, changed, older):
            withdraw_round(ws, year, "review", expert_id)
        packages = stage / "merge" / "packages"
        packages.mkdir(exist_ok=True)

        def export(expert: tuple[int, str], times: int) -> list[Path]:
            """Build the expert's package, enter the scores, export `times` times."""
            package_path = packages / package_file_name(year, "review", expert[1])
            build_expert_package(ws, year, "review", expert[0], package_path)
            fill_package(package_path, scores[expert])
            with Package.open(package_path) as package:
                return [export_score_file(package, inbox / score_file_name(
                    package, int(package.meta["export_sequence"]) + 1)).path
                    for _ in range(times)]

        files.append(export(newer, 1)[0])
        fresh_file = export(fresh, 1)[0]
        files.append(fresh_file)
        unsigned_file = export(unsigned, 1)[0]
        book = load_workbook(unsigned_file)
        meta = book["元数据"]
        for row in range(meta.max_row, 1, -1):
            if meta.cell(row, 1).value == "签名":
                meta.delete_rows(row)
        book.save(unsigned_file)
        files.append(unsigned_file)
        changed_file = export(changed, 1)[0]
        book = load_workbook(changed_file)
        sheet = book["评分"]
        cell = sheet.cell(2, 3)
        cell.value = (cell.value or 0) + 1
        book.save(changed_file)
        files.append(changed_file)
        old_file, new_file = export(older, 2)
        merge_score_files(ws, [new_file], year=year)
        new_file.unlink()
        files.append(old_file)
        copy = fresh_file.with_name(fresh_file.stem + "（重发）.xlsx")
        shutil.copy(fresh_file, copy)
        files.append(copy)
    return MergeScene(path, files)
