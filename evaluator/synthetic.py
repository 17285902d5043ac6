"""A synthetic panel at a chosen scale, for the benchmark (issue 8).

Writes the files the office receives (a registry workbook, a submissions workbook, a
panel workbook with groups of three experts) for the real importers to read, then plays
the experts' part: it opens each expert package with `Package` and commits synthetic
scores, so that the score files are written by the real `export_score_file`.

Scales (issue 8): S is the 2018 panel (88 alliances, 32 experts); L 2,000 alliances and
200 experts; XL 10,000 alliances and 500 experts. Two rounds, three experts per alliance
per round, 20 indicators: XL holds 1.2 million scores in about 1,000 score files.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from evaluator.atomic import atomic_write
from evaluator.progress import NullProgress, Progress, check
from evaluator.rounds import ROUNDS
from evaluator.rubric import Rubric

YEAR = 2018
EXPERTS_PER_ALLIANCE = 3
RECORDS_PER_ALLIANCE = 6
DEFAULT_SEED = 2018

REGISTRY_FILE = "registry.xlsx"
SUBMISSIONS_FILE = "submissions.xlsx"
PANEL_FILE = "panel.xlsx"
WORKSPACE_FILE = "bench.evdb"
PACKAGES_DIR = "packages"
SCORE_FILES_DIR = "score_files"

# The 2018 code format (three digits, or d + two or three) leaves room for 1,400 alliances;
# a national-scale panel needs longer codes of the same shape (first digit = batch).
WIDE_CODE_RE = re.compile(r"^(?:[123]\d{2,5}|d\d{2,5})$")
CODES_2018 = 300 + 1100

_INDUSTRIES = (
    "半导体照明", "集成电路封测", "汽车轻量化", "新一代煤化工", "钢铁可循环流程", "农业装备",
    "数控机床", "存储器", "太阳能光热", "抗生素", "木竹", "长效节能", "茶产业", "海洋工程装备",
    "智能电网", "生物医用材料", "稀土", "光纤光缆", "轨道交通", "航空复合材料",
)
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


@dataclass(frozen=True)
class Scale:
    name: str
    alliances: int
    experts: int

    @property
    def groups(self) -> int:
        """Scoring groups of three; the first expert is the advisor, who does not score."""
        return (self.experts - 1) // EXPERTS_PER_ALLIANCE

    @property
    def scores(self) -> int:
        return self.alliances * EXPERTS_PER_ALLIANCE * len(ROUNDS) * 20

    @property
    def needs_wide_codes(self) -> bool:
        return self.alliances > CODES_2018


SCALES: dict[str, Scale] = {
    "S": Scale("S", 88, 32),
    "L": Scale("L", 2000, 200),
    "XL": Scale("XL", 10_000, 500),
}


def scale_named(name: str) -> Scale:
    return SCALES[name.upper()]


@contextmanager
def wide_codes(scale: Scale) -> Iterator[None]:
    """Accept longer alliance codes while a national-scale panel is imported.

    Only the code pattern changes; every other check of the importers stays in force.
    """
    if not scale.needs_wide_codes:
        yield
        return
    from evaluator import registry, registry_import

    saved = registry.CODE_RE, registry_import.CODE_RE
    registry.CODE_RE = registry_import.CODE_RE = WIDE_CODE_RE
    try:
        yield
    finally:
        registry.CODE_RE, registry_import.CODE_RE = saved


# -- the alliances ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SyntheticAlliance:
    code: str
    name: str
    batch_id: str
    quality: float  # the share of each indicator's maximum a fair expert gives it


def alliance_codes(count: int) -> list[tuple[str, str]]:
    """(code, batch) for `count` alliances, dealt across batches 1-3 as in 2018."""
    width = 2 if count <= 297 else len(str(count // 3 + 1))
    out: list[tuple[str, str]] = []
    for i in range(count):
        batch = str(i % 3 + 1)
        out.append((f"{batch}{i // 3 + 1:0{width}d}", batch))
    return out


def synthetic_alliances(scale: Scale, seed: int = DEFAULT_SEED) -> list[SyntheticAlliance]:
    rng = random.Random(seed)
    out = []
    for i, (code, batch) in enumerate(alliance_codes(scale.alliances)):
        industry = _INDUSTRIES[i % len(_INDUSTRIES)]
        out.append(SyntheticAlliance(code, f"{industry}第{i + 1}产业技术创新战略联盟", batch,
                                     rng.uniform(0.35, 0.97)))
    return out


# -- the files the office receives -----------------------------------------------------------

def _write_workbook(path: Path, sheets: dict[str, tuple[list[str], list[list[Any]]]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, (header, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    with atomic_write(path, suffix=".xlsx") as tmp:
        book.save(tmp)


def write_registry_file(path: Path, alliances: list[SyntheticAlliance]) -> None:
    from evaluator.registry_import import COL_BATCH, COL_CODE, COL_NAME, REGISTRY_SHEET

    _write_workbook(path, {REGISTRY_SHEET: (
        [COL_CODE, COL_NAME, COL_BATCH], [[a.code, a.name, a.batch_id] for a in alliances])})


def write_submissions_file(path: Path, alliances: list[SyntheticAlliance], rubric: Rubric,
                           year: int = YEAR, seed: int = DEFAULT_SEED) -> int:
    """Basic information and evidence records for every alliance (each eligible: at least
    one record under every first-level indicator). Returns the number of records."""
    from evaluator import submissions as sub

    rng = random.Random(seed + 1)
    groups = [[i.code for i in g.indicators] for g in rubric.groups]
    basic: list[list[Any]] = []
    records: list[list[Any]] = []
    start = date(year, 1, 1)
    for n, a in enumerate(alliances):
        basic.append([a.code, a.name, year, f"{_SURNAMES[n % len(_SURNAMES)]}联络{n}",
                      f"010-{60000000 + n}", date(year, 12, 31)])
        for k in range(RECORDS_PER_ALLIANCE):
            codes = groups[k % len(groups)]
            indicator = codes[rng.randrange(len(codes))]
            day = start + timedelta(days=rng.randrange(360))
            records.append([a.code, indicator, f"{a.name[:6]}活动{k + 1}", day,
                            "合成数据，用于性能基准", rng.randint(1, 12),
                            f"https://example.org/{a.code}/{k + 1}"])
    _write_workbook(path, {
        sub.SHEET_BASIC: (list(sub.BASIC_COLUMNS), basic),
        sub.SHEET_RECORDS: (list(sub.RECORD_COLUMNS), records),
    })
    return len(records)


def expert_name(n: int) -> str:
    return f"{_SURNAMES[n % len(_SURNAMES)]}专家{n:04d}"


def write_panel_file(path: Path, scale: Scale) -> None:
    """角色, 姓名, 单位, 职务, 分组: an advisor (no group), then groups of three, the first
    of each led by the leader or a deputy; experts left over join no group."""
    rows: list[list[Any]] = [["顾问", expert_name(0), "合成研究院 0", "研究员", None]]
    for n in range(1, scale.experts):
        group = (n - 1) // EXPERTS_PER_ALLIANCE + 1
        grouped = group <= scale.groups
        role = "组长" if n == 1 else "副组长" if (n - 1) % 3 == 0 and grouped else "成员"
        rows.append([role, expert_name(n), f"合成大学 {n}", "教授",
                     f"第{group}组" if grouped else None])
    _write_workbook(path, {"专家组": (["角色", "姓名", "单位", "职务", "分组"], rows)})


@dataclass(frozen=True)
class SyntheticFiles:
    registry: Path
    submissions: Path
    panel: Path
    records: int


def write_input_files(folder: Path, scale: Scale, rubric: Rubric,
                      seed: int = DEFAULT_SEED) -> SyntheticFiles:
    folder.mkdir(parents=True, exist_ok=True)
    alliances = synthetic_alliances(scale, seed)
    registry = folder / REGISTRY_FILE
    submissions = folder / SUBMISSIONS_FILE
    panel = folder / PANEL_FILE
    write_registry_file(registry, alliances)
    records = write_submissions_file(submissions, alliances, rubric, seed=seed)
    write_panel_file(panel, scale)
    return SyntheticFiles(registry, submissions, panel, records)


# -- the experts' part -----------------------------------------------------------------------

def score_value(rubric: Rubric, code: str, share: float) -> float:
    """`share` of the indicator's maximum, on the rubric's step."""
    top = rubric.indicator(code).max_points
    steps = round(max(0.0, min(1.0, share)) * top / rubric.step)
    return min(top, steps * rubric.step)


def score_package(path: Path, qualities: dict[str, float], seed: int = DEFAULT_SEED) -> int:
    """Commit a full set of scores in one expert package, as the expert would; returns the
    number of scores. Each expert has a leniency; each score some noise."""
    from evaluator.expert_package import Package

    with Package.open(path) as package:
        rng = random.Random(f"{seed}:{package.round}:{package.expert}")
        leniency = rng.gauss(0.0, 0.04)
        rubric = package.rubric
        entries: list[tuple[int, str, float, str | None]] = []
        for alliance in package.alliances():
            base = qualities[alliance.code] + leniency
            for code in rubric.codes:
                value = score_value(rubric, code, base + rng.gauss(0.0, 0.06))
                entries.append((alliance.id, code, value, None))
        if entries:
            package.set_scores(entries)
        return len(entries)


def score_all_packages(folder: Path, scale: Scale, seed: int = DEFAULT_SEED,
                       progress: Progress | None = None) -> int:
    progress = progress or NullProgress()
    qualities = {a.code: a.quality for a in synthetic_alliances(scale, seed)}
    paths = sorted(folder.glob("*.evpkg"))
    total = 0
    for i, path in enumerate(paths):
        check(progress)
        progress.report(i, len(paths), path.name)
        total += score_package(path, qualities, seed)
    progress.report(len(paths), len(paths))
    return total


def export_all_score_files(packages: Path, out: Path,
                           progress: Progress | None = None) -> tuple[int, int]:
    """Each expert's signed score file, written by the app's own export; returns
    (files, scores)."""
    from evaluator.expert_package import Package
    from evaluator.scorefile_export import export_score_file, score_file_name

    progress = progress or NullProgress()
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(packages.glob("*.evpkg"))
    files = scores = 0
    for i, path in enumerate(paths):
        check(progress)
        progress.report(i, len(paths), path.name)
        with Package.open(path) as package:
            sequence = int(package.meta.get("export_sequence", "0")) + 1
            result = export_score_file(package, out / score_file_name(package, sequence))
        files += 1
        scores += result.scores
    progress.report(len(paths), len(paths))
    return files, scores
