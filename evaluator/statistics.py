"""The figures of the report's sections 三 and 四.2, computed from a year's results.

Section 三: per band the count, its share of the participants and of all alliances in the
programme (the sum of the year's official batch sizes, `programme.py`: 152 in 2018); per batch the count per band as a
share of the band and of the batch's size. Section 四.2: among each band, how many
alliances carried out each activity of first-level indicators 2 and 3 (carried out = at
least one submitted record for it that year). Percentages have two decimals, rounded
half-up with exact decimals (the report's 5/52 = 9.61 % is a slip for 9.62 %).
"""

from __future__ import annotations

import statistics as pystats
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from evaluator.programme import programme_sizes
from evaluator.registry import Alliance, list_alliances
from evaluator.results import BAND_NAMES, BANDS, ResultRow, results_for_year
from evaluator.workspace import Workspace

ACTIVITY_GROUPS = ("2", "3")
# Score distribution bins (lower bound inclusive), highest first; the band cuts fall on them.
SCORE_BINS: tuple[tuple[int, int], ...] = (
    (100, 100), (95, 99), (90, 94), (85, 89), (80, 84), (75, 79), (70, 74), (60, 69),
    (50, 59), (0, 49),
)


def percent(part: int, whole: int) -> Decimal:
    """part/whole in percent, two decimals, half-up; 0.00 when whole is 0."""
    if whole == 0:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"),
                                                          rounding=ROUND_HALF_UP)


def format_percent(value: Decimal) -> str:
    return f"{value}%"


@dataclass(frozen=True)
class BandFigure:
    band: str
    count: int
    pct_of_participants: Decimal
    pct_of_total: Decimal


@dataclass(frozen=True)
class BatchBandFigure:
    band: str
    count: int
    pct_of_band: Decimal
    pct_of_batch: Decimal  # of the batch's size in the programme


@dataclass(frozen=True)
class BatchFigure:
    batch_id: str
    name: str
    size: int
    participants: int
    pct_participating: Decimal
    bands: dict[str, BatchBandFigure]
    high_and_fairly_high: int
    average_and_inactive: int


@dataclass(frozen=True)
class ActivityFigure:
    code: str
    name: str
    group: str
    counts: dict[str, int]  # band -> alliances that carried it out


@dataclass
class Statistics:
    year: int
    participants: int
    total: int
    bands: dict[str, BandFigure]
    high_and_fairly_high: BandFigure
    batches: list[BatchFigure]
    activities: list[ActivityFigure]
    has_records: bool
    score_bins: list[tuple[str, int]]
    score_summary: dict[str, float | int | None]
    scores_by_batch: dict[str, list[int]] = field(default_factory=dict)
    perfect_scores: list[ResultRow] = field(default_factory=list)

    def batch(self, batch_id: str) -> BatchFigure:
        return next(b for b in self.batches if b.batch_id == batch_id)

    def as_dict(self) -> dict[str, Any]:
        def band_fig(f: BandFigure) -> dict[str, Any]:
            return {"count": f.count, "pct_of_participants": str(f.pct_of_participants),
                    "pct_of_total": str(f.pct_of_total)}

        return {
            "year": self.year,
            "participants": self.participants,
            "alliances_in_programme": self.total,
            "bands": {b: {"name": BAND_NAMES[b], **band_fig(f)} for b, f in self.bands.items()},
            "high_and_fairly_high": band_fig(self.high_and_fairly_high),
            "batches": [{
                "batch": b.batch_id, "name": b.name, "size": b.size,
                "participants": b.participants,
                "pct_participating": str(b.pct_participating),
                "bands": {k: {"count": v.count, "pct_of_band": str(v.pct_of_band),
                              "pct_of_batch": str(v.pct_of_batch)} for k, v in b.bands.items()},
                "high_and_fairly_high": b.high_and_fairly_high,
                "average_and_inactive": b.average_and_inactive,
            } for b in self.batches],
            "activities": [{"code": a.code, "name": a.name, "group": a.group,
                            "counts": a.counts} for a in self.activities],
            "has_records": self.has_records,
            "score_distribution": [{"range": r, "count": c} for r, c in self.score_bins],
            "score_summary": self.score_summary,
            "perfect_scores": [r.code for r in self.perfect_scores],
        }


def compute_statistics(ws: Workspace, year: int,
                       results: list[ResultRow] | None = None) -> Statistics:
    rows = results if results is not None else results_for_year(ws, year)
    participants = len(rows)
    batches: list[dict[str, Any]] = [{"id": b.batch_id, "name": b.name, "size": b.size}
               for b in programme_sizes(ws, year)]
    total = sum(int(b["size"]) for b in batches)
    band_counts = {band: sum(1 for r in rows if r.band == band) for band in BANDS}
    bands = {band: BandFigure(band, n, percent(n, participants), percent(n, total))
             for band, n in band_counts.items()}
    top = band_counts["high"] + band_counts["fairly_high"]
    batch_figures = []
    for b in batches:
        mine = [r for r in rows if r.batch_id == b["id"]]
        size = int(b["size"])
        per_band = {}
        for band in BANDS:
            n = sum(1 for r in mine if r.band == band)
            per_band[band] = BatchBandFigure(band, n, percent(n, band_counts[band]),
                                             percent(n, size))
        batch_figures.append(BatchFigure(
            batch_id=b["id"], name=b["name"], size=size, participants=len(mine),
            pct_participating=percent(len(mine), size), bands=per_band,
            high_and_fairly_high=per_band["high"].count + per_band["fairly_high"].count,
            average_and_inactive=per_band["average"].count + per_band["inactive"].count))
    activities, has_records = _activities(ws, year, rows)
    scores = [r.score for r in rows if r.score is not None]
    bins = [(f"{lo}" if lo == hi else f"{lo}-{hi}",
             sum(1 for s in scores if lo <= s <= hi)) for lo, hi in SCORE_BINS]
    summary: dict[str, float | int | None] = {
        "published_scores": len(scores),
        "min": min(scores) if scores else None,
        "max": max(scores) if scores else None,
        "mean": round(pystats.fmean(scores), 2) if scores else None,
        "median": pystats.median(scores) if scores else None,
    }
    return Statistics(
        year=year, participants=participants, total=total, bands=bands,
        high_and_fairly_high=BandFigure("high_and_fairly_high", top,
                                        percent(top, participants), percent(top, total)),
        batches=batch_figures, activities=activities, has_records=has_records,
        score_bins=bins, score_summary=summary,
        scores_by_batch={b["id"]: [r.score for r in rows
                                   if r.batch_id == b["id"] and r.score is not None]
                         for b in batches},
        perfect_scores=[r for r in rows if r.score == 100],
    )


def _activities(ws: Workspace, year: int,
                rows: list[ResultRow]) -> tuple[list[ActivityFigure], bool]:
    rubric = ws.rubric(year) if year in ws.years() else ws.rubric()
    carried: dict[str, set[int]] = {}
    for code, aid in ws.db.execute(
            "SELECT DISTINCT r.indicator_code, s.alliance_id FROM submission_records r"
            " JOIN submissions s ON s.id = r.submission_id WHERE s.year = ?", (year,)):
        carried.setdefault(code, set()).add(aid)
    band_of_alliance = {r.alliance_id: r.band for r in rows}
    figures = []
    for group in rubric.groups:
        if group.code not in ACTIVITY_GROUPS:
            continue
        for ind in group.indicators:
            doers = carried.get(ind.code, set())
            counts = {band: sum(1 for aid in doers if band_of_alliance.get(aid) == band)
                      for band in BANDS}
            figures.append(ActivityFigure(ind.code, ind.name, group.code, counts))
    return figures, bool(carried)


def submitted_alliance_ids(ws: Workspace, year: int) -> set[int]:
    return {int(r[0]) for r in ws.db.execute(
        "SELECT alliance_id FROM submissions WHERE year = ?", (year,))}


def not_submitted(ws: Workspace, year: int) -> list[Alliance] | None:
    """Registry alliances without a submission in `year`; None when the workspace holds
    no submissions for that year at all (nothing to count from)."""
    filed = submitted_alliance_ids(ws, year)
    if not filed:
        return None
    return [a for a in list_alliances(ws) if a.id not in filed]
