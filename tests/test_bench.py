"""The benchmark at scale S: the shape of its result (never its times)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from evaluator import registry, registry_import
from evaluator.bench import OK, OPTIONAL_STAGES, SKIPPED, STAGE_NAMES, format_table, run_bench
from evaluator.synthetic import SCALES, alliance_codes, wide_codes


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return run_bench("S", workdir=tmp_path_factory.mktemp("bench"))


def test_every_stage_reports_seconds_and_peak_memory(result: dict[str, Any]) -> None:
    stages = result["stages"]
    assert [s["name"] for s in stages] == list(STAGE_NAMES)
    for stage in stages:
        if stage["name"] in OPTIONAL_STAGES and stage["status"] == SKIPPED:
            assert stage["reason"] == OPTIONAL_STAGES[stage["name"]][1]
            continue
        assert stage["status"] == OK, stage
        if stage["status"] == OK:
            assert isinstance(stage["seconds"], float)
            assert stage["seconds"] >= 0
            assert isinstance(stage["cpu_seconds"], float)
            assert isinstance(stage["peak_rss_mb"], float)
            assert stage["peak_rss_mb"] > 0
        else:
            assert stage["seconds"] is None
            assert stage["reason"]


def test_result_is_json_and_counts_match_the_scale(result: dict[str, Any]) -> None:
    assert json.loads(json.dumps(result)) == result
    assert (result["alliances"], result["experts"]) == (88, 32)
    stages = {s["name"]: s for s in result["stages"]}
    assert stages["import"]["detail"]["alliances"] == 88
    # Ten groups of three, two rounds, 20 indicators.
    assert stages["scoring"]["detail"]["scores"] == 88 * 3 * 2 * 20
    assert stages["scorefiles"]["detail"]["files"] == 30 * 2
    assert stages["merge_floor"]["detail"]["scores"] == 88 * 3 * 2 * 20
    if stages["merge_peer"]["status"] == OK:  # pandas installed (the bench extra)
        assert stages["merge_peer"]["detail"] == {"scores": 88 * 3 * 2 * 20, "alliances": 88}
        assert isinstance(result["merge_peer_ratio"], float)
    if stages["merge"]["status"] == OK:
        assert stages["merge"]["detail"]["scores_in_workspace"] == 88 * 3 * 2 * 20
        assert isinstance(result["merge_floor_ratio"], float)


def test_table_names_every_stage(result: dict[str, Any]) -> None:
    table = format_table(result)
    for stage in result["stages"]:
        assert stage["label"][:40] in table
    assert "merge / floor" in table
    assert "merge / pandas peer" in table


def test_alliance_codes_keep_the_batch_digit_and_are_unique() -> None:
    for scale in SCALES.values():
        codes = alliance_codes(scale.alliances)
        assert len({c for c, _ in codes}) == scale.alliances
        assert all(code[0] == batch for code, batch in codes)
    assert alliance_codes(88)[0] == ("101", "1")


def test_wide_codes_are_accepted_only_inside_the_context() -> None:
    before = registry.CODE_RE
    with wide_codes(SCALES["XL"]):
        assert registry.CODE_RE.match("10001")
        assert registry_import.CODE_RE.match("10001")
    assert registry.CODE_RE is before
    assert not registry.CODE_RE.match("10001")


def test_cli_refuses_an_unknown_scale() -> None:
    from evaluator.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["bench", "--scale", "M"])
    assert exc.value.code == 2
