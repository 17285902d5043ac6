"""Panel quality: alpha against an independent NumPy implementation, leniency by hand."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from test_consensus import build_panel

from evaluator.cli import main
from evaluator.consensus import score_sets
from evaluator.quality import alpha_band, interval_alpha, leniency_table, quality_report
from evaluator.workspace import Workspace


def numpy_interval_alpha(m: np.ndarray) -> float:
    """Krippendorff's alpha, interval metric, from the coincidence definition."""
    units = [col[~np.isnan(col)] for col in m.T]
    units = [u for u in units if len(u) >= 2]
    n = sum(len(u) for u in units)
    observed = sum(
        sum((a - b) ** 2 for i, a in enumerate(u) for j, b in enumerate(u) if i != j)
        / (len(u) - 1) for u in units) / n
    values = np.concatenate(units)
    expected = np.sum((values[:, None] - values[None, :]) ** 2) / (n * (n - 1))
    return float(1 - observed / expected)


def test_alpha_tiny_matrix_by_hand() -> None:
    # Two experts, three alliances, one missing: unit 1 (1,1), unit 2 (2,3).
    m = np.array([[1.0, 2.0, np.nan], [1.0, 3.0, 5.0]])
    # D_o = (0 + 2*1/1)/4 = 0.5; values 1,1,2,3: sum of squared diffs over ordered pairs
    # = 2*(0+1+4+1+4+1) = 22, D_e = 22/12; alpha = 1 - 0.5*12/22 = 8/11.
    assert interval_alpha(m) == pytest.approx(8 / 11)
    assert numpy_interval_alpha(m) == pytest.approx(8 / 11)


def test_alpha_bands() -> None:
    assert [alpha_band(a) for a in (0.9, 0.8, 0.7, 0.667, 0.5, None)] == [
        "reliable", "reliable", "tentative", "tentative", "unreliable", "undefined"]


LENIENT_HARSH = {
    # E1 lenient (+8 or so), E4 harsh (-8 or so), E2/E3 in between.
    "101": {"initial": [88, 80, 81, 72]},
    "102": {"initial": [70, 63, 61, 54]},
    "103": {"initial": [95, 86, 88, 79]},
    "104": {"initial": [60, 50, 53, 45]},
    "105": {"initial": [78, 70, 69, None]},
    "106": {"initial": [None, 40, 42, 31]},
}


@pytest.fixture
def lenient_panel(workspace: Workspace) -> Workspace:
    build_panel(workspace, LENIENT_HARSH)
    return workspace


def test_alpha_total_matches_numpy(lenient_panel: Workspace) -> None:
    m = np.array([row["initial"] for row in LENIENT_HARSH.values()], dtype=float).T
    rows = quality_report(lenient_panel, 2018).alpha
    total = rows[0]
    assert (total.level, total.units) == ("total", 6)
    assert total.alpha == pytest.approx(numpy_interval_alpha(m))
    assert [r.level for r in rows].count("group") == 3
    assert [r.level for r in rows].count("indicator") == 20


def test_alpha_per_indicator_matches_numpy(lenient_panel: Workspace) -> None:
    sets = score_sets(lenient_panel, 2018)
    experts = sorted({s.expert_id for s in sets})
    alliances = sorted({s.alliance_id for s in sets})
    m = np.full((len(experts), len(alliances)), np.nan)
    for s in sets:
        m[experts.index(s.expert_id), alliances.index(s.alliance_id)] = s.values["2.3"]
    row = next(r for r in quality_report(lenient_panel, 2018).alpha if r.code == "2.3")
    if row.alpha is None:
        assert np.nanstd(m) == 0
    else:
        assert row.alpha == pytest.approx(numpy_interval_alpha(m))


def test_leniency_matches_hand_computation(lenient_panel: Workspace) -> None:
    table = {e.name: e for e in leniency_table(lenient_panel, 2018)}
    for i, name in enumerate(("E1", "E2", "E3", "E4")):
        diffs = []
        for row in LENIENT_HARSH.values():
            scores = row["initial"]
            own = scores[i]
            others = [s for j, s in enumerate(scores) if j != i and s is not None]
            if own is not None:
                diffs.append(own - sum(others) / len(others))
        mean = sum(diffs) / len(diffs)
        sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (len(diffs) - 1))
        entry = table[name]
        assert entry.n == len(diffs)
        assert entry.leniency == pytest.approx(mean)
        assert entry.se == pytest.approx(sd / math.sqrt(len(diffs)))
        assert entry.consistency == pytest.approx(sd)
    assert table["E1"].flagged
    assert table["E4"].flagged
    assert table["E1"].leniency > 5  # type: ignore[operator]
    assert table["E4"].leniency < -5  # type: ignore[operator]
    assert not table["E2"].flagged
    assert not table["E3"].flagged
    assert table["E1"].correlation == pytest.approx(1.0, abs=0.05)


def test_leniency_threshold_is_a_setting(lenient_panel: Workspace) -> None:
    lenient_panel.set_setting("quality.leniency_points", 20.0)
    assert not any(e.flagged for e in leniency_table(lenient_panel, 2018))


def test_quality_cli_json(lenient_panel: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quality", str(lenient_panel.path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["alpha"][0]["code"] == "total"
    assert {e["name"] for e in data["leniency"] if e["flagged"]} == {"E1", "E4"}
