"""The programme's size per year: each batch's official number of alliances and their total.

The report's percentages of "all alliances" and of each batch divide by these official
figures (2018: 52, 39, 55 and 6, 152 in all), not by the registry's count. They are stored
per year with where each came from; a new year starts with the previous year's figures,
and the secretariat corrects them in Settings (audited).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

if TYPE_CHECKING:
    from evaluator.workspace import Workspace

messages.register({
    "programme.bad_size": {
        "zh": "{batch}的联盟数“{value}”不是 0 或正整数",
        "en": "The number of alliances of {batch}, '{value}', is not a whole number from 0",
    },
    "programme.unknown_batch": {
        "zh": "没有批次“{batch}”", "en": "There is no batch '{batch}'",
    },
    "programme.source.report_2018": {
        "zh": "2018 年度评价报告", "en": "the 2018 evaluation report",
    },
    "programme.source.copied": {
        "zh": "沿用 {year} 年度", "en": "carried over from {year}",
    },
    "programme.source.settings": {
        "zh": "{by} 在设置中修改（{at}）", "en": "changed in Settings by {by} ({at})",
    },
})


@dataclass(frozen=True)
class BatchSize:
    batch_id: str
    name: str
    name_en: str
    size: int
    source: str  # 'report_2018' | 'copied' | 'settings'
    source_year: int | None
    changed_by: str | None
    changed_at: str | None

    def source_text(self, lang: str | None = None) -> str:
        from evaluator.timefmt import local_time

        key = f"programme.source.{self.source}"
        return messages.text(key, lang, year=self.source_year, by=self.changed_by or "",
                             at=local_time(self.changed_at, lang) if self.changed_at else "")


def programme_sizes(ws: Workspace, year: int) -> list[BatchSize]:
    """The batches in order with their official size in `year`. A year without stored
    figures (a past year known only from its imported results) takes the nearest earlier
    year's, else the nearest later year's."""
    stored = {r["batch_id"]: r for r in ws.db.query(
        "SELECT * FROM programme_sizes WHERE year = ?", [year])}
    if not stored:
        near = ws.db.execute(
            "SELECT year FROM programme_sizes ORDER BY (year > ?), abs(year - ?) LIMIT 1",
            (year, year)).fetchone()
        if near is not None:
            stored = {r["batch_id"]: {**r, "source": "copied", "source_year": near[0],
                                      "changed_by": None, "changed_at": None}
                      for r in ws.db.query("SELECT * FROM programme_sizes WHERE year = ?",
                                           [near[0]])}
    sizes = []
    for b in ws.batches():
        row: dict[str, Any] = stored.get(b["id"]) or {
            "size": b["size"], "source": "report_2018", "source_year": None,
            "changed_by": None, "changed_at": None}
        sizes.append(BatchSize(b["id"], b["name"], b["name_en"], int(row["size"]),
                               row["source"], row["source_year"], row["changed_by"],
                               row["changed_at"]))
    return sizes


def programme_total(ws: Workspace, year: int) -> int:
    return sum(b.size for b in programme_sizes(ws, year))


def copy_sizes_to_new_year(ws: Workspace, year: int) -> None:
    """Give a new year the previous year's figures (inside the caller's transaction)."""
    previous = ws.db.execute(
        "SELECT max(year) FROM programme_sizes WHERE year < ?", (year,)).fetchone()[0]
    if previous is not None:
        ws.db.execute(
            "INSERT OR IGNORE INTO programme_sizes (year, batch_id, size, source, source_year)"
            " SELECT ?, batch_id, size, 'copied', ? FROM programme_sizes WHERE year = ?",
            (year, previous, previous))
    else:
        ws.db.execute(
            "INSERT OR IGNORE INTO programme_sizes (year, batch_id, size, source)"
            " SELECT ?, id, size, 'report_2018' FROM batches", (year,))


def set_programme_sizes(ws: Workspace, year: int, sizes: dict[str, Any]) -> list[BatchSize]:
    """Set (and so confirm) batches' official sizes for `year`; all problems at once;
    audited."""
    from evaluator.workspace import now_iso

    year = ws.require_year(year)
    current = {b.batch_id: b for b in programme_sizes(ws, year)}
    problems: list[Problem] = []
    clean: dict[str, int] = {}
    for batch_id, value in sizes.items():
        if batch_id not in current:
            problems.append(Problem("programme.unknown_batch", {"batch": batch_id}))
            continue
        try:
            number = int(str(value).strip())
        except ValueError:
            number = -1
        if number < 0:
            problems.append(Problem("programme.bad_size",
                                    {"batch": current[batch_id].name, "value": value}))
        else:
            clean[batch_id] = number
    if problems:
        raise EvaluatorError(problems)
    # Saving confirms the figures for the year, changed or not.
    changed = {k: v for k, v in clean.items()
               if v != current[k].size or current[k].source != "settings"}
    if changed:
        at = now_iso()
        with ws.transaction():
            for batch_id, size in changed.items():
                ws.db.execute(
                    "INSERT INTO programme_sizes (year, batch_id, size, source, changed_by,"
                    " changed_at) VALUES (?, ?, ?, 'settings', ?, ?) ON CONFLICT(year,"
                    " batch_id) DO UPDATE SET size = excluded.size, source = 'settings',"
                    " source_year = NULL, changed_by = excluded.changed_by,"
                    " changed_at = excluded.changed_at",
                    (year, batch_id, size, ws.actor, at))
            ws.audit("update", "programme_size", str(year),
                     {k: current[k].size for k in changed}, changed)
    else:
        return list(current.values())
    return programme_sizes(ws, year)
