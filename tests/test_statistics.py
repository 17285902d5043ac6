"""Statistics of the report's section 三 and 四.2, reproduced from annex 2."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from evaluator.history import import_history
from evaluator.registry import add_alliance
from evaluator.statistics import compute_statistics, percent
from evaluator.workspace import Workspace

ANNEX2 = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / \
    "annex2_2018_results.csv"


def registry_from_annex2(ws: Workspace) -> None:
    with ANNEX2.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            add_alliance(ws, row["code"], row["alliance"])


@pytest.fixture
def annex2_ws(workspace: Workspace) -> Workspace:
    registry_from_annex2(workspace)
    import_history(workspace, ANNEX2, 2018)
    return workspace


def test_percent_rounds_half_up_on_exact_decimals() -> None:
    assert percent(5, 52) == Decimal("9.62")
    assert percent(2, 23) == Decimal("8.70")
    assert percent(23, 88) == Decimal("26.14")
    assert percent(1, 8) == Decimal("12.50")
    assert percent(1, 0) == Decimal("0.00")


def test_section_three_overall(annex2_ws: Workspace) -> None:
    s = compute_statistics(annex2_ws, 2018)
    assert (s.participants, s.total) == (88, 152)
    top = s.high_and_fairly_high
    assert (top.count, str(top.pct_of_participants), str(top.pct_of_total)) == \
        (45, "51.14", "29.61")
    expected = {
        "high": (30, "34.09", "19.74"),
        "fairly_high": (15, "17.05", "9.87"),
        "average": (23, "26.14", "15.13"),  # printed once as 26.13 %
        "inactive": (20, "22.73", "13.16"),
    }
    for band, (n, of_part, of_total) in expected.items():
        fig = s.bands[band]
        assert (fig.count, str(fig.pct_of_participants), str(fig.pct_of_total)) == \
            (n, of_part, of_total), band


def test_section_three_per_batch(annex2_ws: Workspace) -> None:
    s = compute_statistics(annex2_ws, 2018)
    # (count, % of band, % of the batch's size), report 三.5-8
    expected = {
        ("high", "1"): (16, "53.33", "30.77"),
        ("high", "2"): (4, "13.33", "10.26"),
        ("high", "3"): (9, "30.00", "16.36"),
        ("fairly_high", "1"): (5, "33.33", "9.62"),  # printed 9.61 %
        ("fairly_high", "2"): (4, "26.67", "10.26"),
        ("fairly_high", "3"): (6, "40.00", "10.91"),
        ("average", "1"): (9, "39.13", "17.31"),
        ("average", "2"): (2, "8.70", "5.13"),  # printed 8.69 %
        ("average", "3"): (10, "43.48", "18.18"),
        ("inactive", "1"): (7, "35.00", "13.46"),
        ("inactive", "2"): (4, "20.00", "10.26"),
        ("inactive", "3"): (6, "30.00", "10.91"),
    }
    for (band, batch), (n, of_band, of_batch) in expected.items():
        fig = s.batch(batch).bands[band]
        assert (fig.count, str(fig.pct_of_band), str(fig.pct_of_batch)) == \
            (n, of_band, of_batch), (band, batch)
    # The closing paragraph of section 三.
    assert [s.batch(b).high_and_fairly_high for b in "123"] == [21, 8, 15]
    assert [s.batch(b).average_and_inactive for b in "123"] == [16, 6, 16]
    assert s.batch("d").participants == 6
    # 三.5: ten alliances scored 100: seven of batch 1, one of batch 2, two of batch 3.
    assert [sum(1 for r in s.perfect_scores if r.batch_id == b) for b in "123"] == [7, 1, 2]


def test_history_without_records_still_has_activity_rows(annex2_ws: Workspace) -> None:
    s = compute_statistics(annex2_ws, 2018)
    assert not s.has_records
    assert len(s.activities) == 14  # nine activities of indicator 2, five of indicator 3
    assert all(sum(a.counts.values()) == 0 for a in s.activities)
    assert sum(c for _, c in s.score_bins) == 68  # the 20 inactive scores are unpublished


def test_activity_counts_by_band(annex2_ws: Workspace) -> None:
    ws = annex2_ws
    ids = {r["code"]: r["id"] for r in ws.db.query("SELECT id, code FROM alliances")}
    # 109 (high) files 2.1 twice and 2.2; 223 (fairly high) files 2.1; 111 (inactive) 3.5.
    for code, indicators in (("109", ["2.1", "2.1", "2.2"]), ("223", ["2.1", "1.1"]),
                             ("111", ["3.5"])):
        sid = ws.db.table("submissions").insert({
            "year": 2018, "alliance_id": ids[code], "imported_at": "2019-01-01"}).last_pk
        for ind in indicators:
            ws.db.table("submission_records").insert({
                "submission_id": sid, "indicator_code": ind, "title": "x"})
    s = compute_statistics(ws, 2018)
    by_code = {a.code: a.counts for a in s.activities}
    assert by_code["2.1"] == {"high": 1, "fairly_high": 1, "average": 0, "inactive": 0}
    assert by_code["2.2"]["high"] == 1
    assert by_code["3.5"]["inactive"] == 1
    assert "1.1" not in by_code


def test_stats_cli_json(annex2_ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    from evaluator.cli import main

    path = annex2_ws.path
    annex2_ws.close()
    assert main(["stats", str(path), "--year", "2018", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bands"]["average"]["pct_of_participants"] == "26.14"
    assert data["batches"][0]["bands"]["fairly_high"]["pct_of_batch"] == "9.62"
