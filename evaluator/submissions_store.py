"""The alliances' submissions in the workspace: the import of a checked file, and the
submissions read back (details, the list).

A file with errors changes nothing. Re-importing replaces an alliance's basic information
and records for that year in place and logs the counts; an alliance whose stored
submission equals the file's is left alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.backups import backup_workspace
from evaluator.errors import Problem
from evaluator.progress import Progress, check
from evaluator.registry import Alliance
from evaluator.submissions import NO_PROGRESS, ParsedRecord, ParsedSubmission, parse_submissions
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace


@dataclass
class SubmissionsImportReport:
    year: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # alliances whose stored submission equals the file's
    records: int = 0
    skipped: int = 0  # 基本信息 rows left unfilled (not submitted)
    changes: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "records": self.records, "skipped": self.skipped, "changes": self.changes,
                "warnings": [w.as_dict() for w in self.warnings]}


def import_submissions(ws: Workspace, paths: Sequence[Path | str] | Path | str,
                       year: int | None = None,
                       progress: Progress = NO_PROGRESS) -> SubmissionsImportReport:
    """Check the file, then replace each listed alliance's submission for the year."""
    parsed = parse_submissions(ws, paths, year, progress)
    check(progress)
    report = SubmissionsImportReport(year=parsed.year, warnings=parsed.warnings,
                                     skipped=len(parsed.skipped_rows))
    by_alliance: dict[int, list[ParsedRecord]] = {}
    for rec in parsed.records:
        by_alliance.setdefault(rec.alliance_id, []).append(rec)
    stamp = now_iso()
    total = len(parsed.submissions)
    stored = _stored_contents(ws, parsed.year)
    unchanged = {sub.alliance.id for sub in parsed.submissions
                 if stored.get(sub.alliance.id)
                 == _content(sub, by_alliance.get(sub.alliance.id, []))}
    if len(unchanged) < total:
        backup_workspace(ws, "submissions-import")  # none for an import changing nothing
    with ws.transaction():
        for done, sub in enumerate(parsed.submissions):
            if done % 20 == 0:
                progress.report(done, total, sub.alliance.code)
            records = by_alliance.get(sub.alliance.id, [])
            if sub.alliance.id in unchanged:
                report.unchanged += 1
                report.records += len(records)
                continue
            fields = {"name_as_filed": sub.name_as_filed, "contact": sub.contact,
                      "phone": sub.phone, "filed_on": sub.filed_on,
                      "extra_json": json.dumps(sub.extra, ensure_ascii=False, sort_keys=True),
                      "source_file": parsed.file, "imported_at": stamp}
            old = ws.db.execute(
                "SELECT id, name_as_filed, contact, phone, filed_on FROM submissions"
                " WHERE year = ? AND alliance_id = ?", (parsed.year, sub.alliance.id)
            ).fetchone()
            key = f"{parsed.year}:{sub.alliance.code}"
            if old is None:
                submission_id = int(ws.db.table("submissions").insert(
                    {"year": parsed.year, "alliance_id": sub.alliance.id, **fields}
                ).last_pk)  # type: ignore[arg-type]
                ws.audit("create", "submission", key, None,
                         {"records": len(records), "file": parsed.file})
                report.created += 1
                old_count = None
            else:
                submission_id = int(old[0])
                old_count = ws.count("submission_records", "submission_id = ?",
                                     (submission_id,))
                ws.db.table("submissions").update(submission_id, fields)
                ws.db.execute("DELETE FROM submission_records WHERE submission_id = ?",
                              (submission_id,))
                ws.audit("update", "submission", key,
                         {"records": old_count, "contact": old[2], "phone": old[3],
                          "filed_on": old[4]},
                         {"records": len(records), "contact": sub.contact,
                          "phone": sub.phone, "filed_on": sub.filed_on,
                          "file": parsed.file})
                report.updated += 1
            report.changes.append({"alliance": sub.alliance.code, "old_records": old_count,
                                   "new_records": len(records)})
            ws.db.table("submission_records").insert_all(
                {"submission_id": submission_id, "indicator_code": r.indicator_code,
                 "title": r.title, "record_date": r.record_date,
                 "description": r.description, "quantity": r.quantity, "link": r.link,
                 "extra_json": json.dumps(r.extra, ensure_ascii=False, sort_keys=True),
                 "sort": i}
                for i, r in enumerate(records))
            report.records += len(records)
        ws.audit("import", "submissions", parsed.file, None,
                 {"year": parsed.year, "created": report.created,
                  "updated": report.updated, "unchanged": report.unchanged,
                  "records": report.records})
    progress.report(total, total, "")
    return report


_Content = tuple[tuple[Any, ...], list[tuple[Any, ...]]]


def _content(sub: ParsedSubmission, records: list[ParsedRecord]) -> _Content:
    """What an import would store for one alliance (not when or from which file)."""
    return ((sub.name_as_filed, sub.contact, sub.phone, sub.filed_on,
             json.dumps(sub.extra, ensure_ascii=False, sort_keys=True)),
            [(r.indicator_code, r.title, r.record_date, r.description,
              None if r.quantity is None else float(r.quantity), r.link,
              json.dumps(r.extra, ensure_ascii=False, sort_keys=True)) for r in records])


def _stored_contents(ws: Workspace, year: int) -> dict[int, _Content]:
    """Each alliance's stored submission for `year`, as `_content` shapes it."""
    out: dict[int, _Content] = {}
    ids: dict[int, int] = {}
    for sid, alliance_id, name, contact, phone, filed_on, extra in ws.db.execute(
            "SELECT id, alliance_id, name_as_filed, contact, phone, filed_on, extra_json"
            " FROM submissions WHERE year = ?", (year,)):
        out[alliance_id] = ((name, contact, phone, filed_on, extra), [])
        ids[sid] = alliance_id
    for sid, code, title, record_date, description, quantity, link, extra in ws.db.execute(
            "SELECT r.submission_id, r.indicator_code, r.title, r.record_date,"
            " r.description, r.quantity, r.link, r.extra_json FROM submission_records r"
            " JOIN submissions s ON s.id = r.submission_id WHERE s.year = ?"
            " ORDER BY r.submission_id, r.sort, r.id", (year,)):
        out[ids[sid]][1].append((code, title, record_date, description,
                                 None if quantity is None else float(quantity), link, extra))
    return out


# -- reading back ------------------------------------------------------------------------
@dataclass(frozen=True)
class SubmissionRecord:
    id: int
    indicator_code: str
    title: str
    record_date: str | None
    description: str
    quantity: float | None
    link: str
    extra: dict[str, Any]


@dataclass(frozen=True)
class SubmissionDetail:
    id: int
    year: int
    alliance: Alliance
    name_as_filed: str
    contact: str
    phone: str
    filed_on: str | None
    extra: dict[str, Any]
    source_file: str | None
    imported_at: str
    records: tuple[SubmissionRecord, ...]

    def records_for(self, indicator_code: str) -> list[SubmissionRecord]:
        return [r for r in self.records if r.indicator_code == indicator_code]


def submission_details(ws: Workspace, year: int | None = None,
                       alliance_id: int | None = None) -> list[SubmissionDetail]:
    """Submissions of a year (or one alliance's), with records in file order."""
    year = ws.require_year(year)
    where, params = "s.year = ?", [year]
    if alliance_id is not None:
        where += " AND s.alliance_id = ?"
        params.append(alliance_id)
    subs = list(ws.db.query(
        "SELECT s.*, a.code, a.name, a.batch_id FROM submissions s"
        " JOIN alliances a ON a.id = s.alliance_id JOIN batches b ON b.id = a.batch_id"
        f" WHERE {where} ORDER BY b.sort, a.code", params))
    records: dict[int, list[SubmissionRecord]] = {}
    ids = [s["id"] for s in subs]
    if ids:
        marks = ",".join("?" * len(ids))
        for r in ws.db.query(
                f"SELECT * FROM submission_records WHERE submission_id IN ({marks})"
                " ORDER BY submission_id, sort, id", ids):
            records.setdefault(r["submission_id"], []).append(SubmissionRecord(
                id=r["id"], indicator_code=r["indicator_code"], title=r["title"],
                record_date=r["record_date"], description=r["description"],
                quantity=r["quantity"], link=r["link"],
                extra=json.loads(r["extra_json"] or "{}")))
    return [SubmissionDetail(
        id=s["id"], year=s["year"],
        alliance=Alliance(id=s["alliance_id"], code=s["code"], batch_id=s["batch_id"],
                          name=s["name"]),
        name_as_filed=s["name_as_filed"], contact=s["contact"], phone=s["phone"],
        filed_on=s["filed_on"], extra=json.loads(s["extra_json"] or "{}"),
        source_file=s["source_file"], imported_at=s["imported_at"],
        records=tuple(records.get(s["id"], []))) for s in subs]


def submission_detail(ws: Workspace, year: int | None, alliance_id: int
                      ) -> SubmissionDetail | None:
    found = submission_details(ws, year, alliance_id)
    return found[0] if found else None


@dataclass(frozen=True)
class SubmissionSummary:
    alliance: Alliance
    submitted: bool
    status: str  # "eligible", "ineligible", "not_submitted"
    counts: dict[str, int]  # records per first-level indicator
    total_records: int
    reasons: tuple[Problem, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.alliance.code, "name": self.alliance.name,
                "batch": self.alliance.batch_id, "submitted": self.submitted,
                "status": self.status, "eligible": self.status == "eligible",
                "records": self.counts, "total_records": self.total_records,
                "reasons": [messages.text(r.code, **r.params) for r in self.reasons],
                "reason_codes": [r.code for r in self.reasons]}


def list_submissions(ws: Workspace, year: int | None = None) -> list[SubmissionSummary]:
    """Every registry alliance with its record counts and eligibility for the year."""
    from evaluator.eligibility import assess_eligibility

    year = ws.require_year(year)
    assessed = assess_eligibility(ws, year)
    return [SubmissionSummary(alliance=e.alliance, submitted=e.submitted, status=e.status,
                              counts=e.counts, total_records=sum(e.counts.values()),
                              reasons=e.reasons) for e in assessed]
