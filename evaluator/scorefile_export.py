"""An expert's score file written from his package: signed, numbered, recorded in the
package (the format is `scorefile`'s)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from evaluator import signing
from evaluator.atomic import atomic_write
from evaluator.errors import EvaluatorError, Problem
from evaluator.excel_text import put_text
from evaluator.expert_package import Package
from evaluator.file_names import safe_file_name
from evaluator.rounds import round_label
from evaluator.rubric import Rubric
from evaluator.scorefile import (
    CODE_COLUMN,
    COMMENT_COLUMN,
    COMMENTS_SHEET,
    FORMAT_VERSION,
    INDICATOR_COLUMN,
    K_COMPLETE,
    K_EXPERT,
    K_EXPORTED,
    K_FINGERPRINT,
    K_KEY,
    K_ROUND,
    K_SEQUENCE,
    K_SIGNATURE,
    K_VERSION,
    K_WORKSPACE,
    K_YEAR,
    LEGACY_FORMAT_VERSION,
    META_HEADER,
    META_SHEET,
    NAME_COLUMN,
    SCORES_SHEET,
    TOTAL_COLUMN,
    UNSCORED_TOTAL,
    canonical_content,
)
from evaluator.timefmt import now_iso


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    sha256: str
    partial: bool
    scores: int


def missing_problems(package: Package) -> list[Problem]:
    names = {a.code: a.name for a in package.alliances()}
    return [Problem("scorefile.missing_scores", {
        "code": code, "name": names[code], "count": len(gaps), "indicators": "、".join(gaps)})
        for code, gaps in package.missing().items()]


def score_file_name(package: Package, sequence: int) -> str:
    safe = safe_file_name(package.expert)
    return f"{package.year}_{package.round}_{safe}_评分_{sequence:03d}.xlsx"


def export_score_file(package: Package, out: Path | str, partial: bool = False) -> ExportResult:
    """Write the signed score file; refused (listing the gaps) when scores are missing,
    unless `partial`."""
    out = Path(out)
    missing = missing_problems(package)
    if missing and not partial:
        raise EvaluatorError(missing)
    rubric = package.rubric
    alliances = package.alliances()
    scores = package.scores()
    rows: list[tuple[str, str, float]] = []
    comments: list[tuple[str, str, str]] = []
    for a in alliances:
        for code in rubric.codes:
            s = scores.get((a.id, code))
            if s is None:
                continue
            rows.append((a.code, code, s.value))
            text = s.comment.strip()
            if text:
                comments.append((a.code, code, text))
    sequence = package.next_export_sequence()
    meta = {
        K_VERSION: FORMAT_VERSION if package.signing_key else LEGACY_FORMAT_VERSION,
        K_EXPERT: package.expert,
        K_ROUND: round_label(package.round, "zh"),
        K_YEAR: str(package.year),
        K_FINGERPRINT: package.fingerprint,
        K_WORKSPACE: package.workspace_id,
        K_COMPLETE: "否" if missing else "是",
        K_SEQUENCE: str(sequence),
        K_EXPORTED: now_iso(),
    }
    if package.signing_key:
        meta[K_KEY] = signing.fingerprint(package.public_key)
        meta[K_SIGNATURE] = signing.sign(package.signing_key,
                                         canonical_content(meta, rows, comments))
    else:  # a package of the first release still exports, signed its way
        meta[K_SIGNATURE] = signing.legacy_hmac(package.legacy_secret,
                                                canonical_content(meta, rows, comments))
    values = {(c, i): v for c, i, v in rows}
    with atomic_write(out, suffix=".xlsx") as tmp:
        _write_workbook(tmp, rubric, [(a.code, a.name) for a in alliances], values, comments,
                        meta)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    package.record_export(sequence, out.name, digest, bool(missing))
    return ExportResult(out, sequence, digest, bool(missing), len(rows))


def _write_workbook(path: Path, rubric: Rubric, alliances: list[tuple[str, str]],
                    values: dict[tuple[str, str], float],
                    comments: list[tuple[str, str, str]], meta: dict[str, str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = SCORES_SHEET
    bold = Font(bold=True)
    header = [CODE_COLUMN, NAME_COLUMN, *rubric.codes, TOTAL_COLUMN]
    for col, name in enumerate(header, start=1):
        cell = ws.cell(row=1, column=col)
        put_text(cell, name)
        cell.font = bold
    for r, (code, name) in enumerate(alliances, start=2):
        put_text(ws.cell(row=r, column=1), code)
        put_text(ws.cell(row=r, column=2), name)
        total = 0.0
        scored = False
        for c, ind in enumerate(rubric.codes, start=3):
            value = values.get((code, ind))
            if value is not None:
                ws.cell(row=r, column=c, value=_number(value))
                total += value
                scored = True
        # A partial file's unscored alliance reads 未评, not a total of 0 (not signed:
        # the signature covers the scores, and a text total is not checked on reading).
        if scored:
            ws.cell(row=r, column=len(header), value=_number(total))
        else:
            put_text(ws.cell(row=r, column=len(header)), UNSCORED_TOTAL)
    ws.freeze_panes = "C2"
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 36
    for c in range(3, len(header) + 1):
        ws.column_dimensions[get_column_letter(c)].width = 7

    cs = wb.create_sheet(COMMENTS_SHEET)
    for col, name in enumerate((CODE_COLUMN, INDICATOR_COLUMN, COMMENT_COLUMN), start=1):
        cell = cs.cell(row=1, column=col)
        put_text(cell, name)
        cell.font = bold
    for r, (code, ind, text) in enumerate(comments, start=2):
        put_text(cs.cell(row=r, column=1), code)
        put_text(cs.cell(row=r, column=2), ind)
        put_text(cs.cell(row=r, column=3), text)
    cs.column_dimensions["C"].width = 80

    ms = wb.create_sheet(META_SHEET)
    for col, name in enumerate(META_HEADER, start=1):
        cell = ms.cell(row=1, column=col)
        put_text(cell, name)
        cell.font = bold
    for r, (key, text_value) in enumerate(meta.items(), start=2):
        put_text(ms.cell(row=r, column=1), key)
        put_text(ms.cell(row=r, column=2), text_value)
    ms.column_dimensions["A"].width = 14
    ms.column_dimensions["B"].width = 70
    wb.save(path)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)
