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


def krippendorff_interval(m: np.ndarray) -> float:
    import krippendorff

    return float(krippendorff.alpha(reliability_data=m, level_of_measurement="interval"))


@pytest.mark.parametrize("seed", range(40))
def test_closed_form_alpha_equals_krippendorff_on_random_incomplete_matrices(
        seed: int) -> None:
    rng = np.random.default_rng(seed)
    experts, alliances = int(rng.integers(2, 9)), int(rng.integers(2, 40))
    step = (0.5, 1.0, 0.1)[seed % 3]
    truth = rng.normal(60, 15, alliances)
    m = np.round((truth + rng.normal(0, 8, (experts, alliances))) / step) * step
    m[rng.random(m.shape) < rng.uniform(0.1, 0.7)] = np.nan
    if not (np.sum(~np.isnan(m), axis=0) >= 2).any() or np.unique(m[~np.isnan(m)]).size < 2:
        assert interval_alpha(m) is None  # no pairs, or no variation at all
        return
    expected = krippendorff_interval(m)
    if math.isnan(expected):
        assert interval_alpha(m) is None
    else:
        assert interval_alpha(m) == pytest.approx(expected, abs=1e-9)


def test_closed_form_alpha_equals_krippendorff_on_the_demo(demo_ws: Workspace) -> None:
    from evaluator.quality import reliability_matrix

    year = demo_ws.current_year()
    sets = score_sets(demo_ws, year)
    rubric = demo_ws.rubric(year)
    measures = [lambda s: s.total] + [lambda s, c=c: s.values[c] for c in rubric.codes]
    checked = 0
    for measure in measures:
        m, units = reliability_matrix(sets, measure)
        assert units > 0
        values = m[~np.isnan(m)]
        if np.unique(values).size < 2:
            assert interval_alpha(m) is None
            continue
        expected = krippendorff_interval(m)
        if math.isnan(expected):
            assert interval_alpha(m) is None
        else:
            assert interval_alpha(m) == pytest.approx(expected, abs=1e-9)
            checked += 1
    assert checked > 0


def test_alpha_is_undefined_without_pairs_or_variation() -> None:
    assert interval_alpha(np.empty((0, 0))) is None
    assert interval_alpha(np.array([[1.0, np.nan], [np.nan, 2.0]])) is None  # no unit has 2
    # Values vary only in a unit that cannot be paired: nothing to compare.
    assert interval_alpha(np.array([[0.1, 0.1, 3.0], [0.1, 0.1, np.nan]])) is None
    assert interval_alpha(np.array([[0.1] * 5, [0.1] * 5])) is None
