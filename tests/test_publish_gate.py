"""Publishing lists what the plenary has not decided and needs an explicit confirmation;
the publication, decisions and audit entries record who was working, not the login."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator.cli import main
from evaluator.errors import EvaluatorError
from evaluator.people import choose_working_name, remembered_names, set_session_name
from evaluator.plenary import decide
from evaluator.results import last_publication, publish_results, results_for_year, undecided_items
from evaluator.workspace import Workspace


@pytest.fixture(autouse=True)
def _no_session_name() -> object:
    yield
    set_session_name(None)


def test_publish_is_refused_while_agenda_items_are_undecided(demo_ws: Workspace) -> None:
    items = undecided_items(demo_ws, 2018)
    assert items
    assert "F1" in items[0].rules  # the band-cut cases first
    with pytest.raises(EvaluatorError) as info:
        publish_results(demo_ws, 2018)
    codes = [p.code for p in info.value.problems]
    assert codes[0] == "results.undecided"
    assert info.value.problems[0].params["count"] == len(items)
    assert codes.count("results.undecided_item") == len(items)
    assert demo_ws.count("results", "source = 'computed'") == 0
    # A confirmation of another count (the agenda changed meanwhile) is refused too.
    with pytest.raises(EvaluatorError) as info:
        publish_results(demo_ws, 2018, accepted_undecided=len(items) + 1)
    assert info.value.problems[0].code == "results.undecided_changed"


def test_publish_with_the_confirmed_count_records_who(demo_ws: Workspace) -> None:
    choose_working_name(demo_ws, "秘书处 李明")
    items = undecided_items(demo_ws, 2018)
    rows = publish_results(demo_ws, 2018, accepted_undecided=len(items))
    assert len(rows) == 88
    publication = last_publication(demo_ws, 2018)
    assert publication is not None
    assert publication["published_by"] == "秘书处 李明"
    assert len(publication["undecided"]) == len(items)
    actor = demo_ws.db.execute(
        "SELECT actor FROM audit_log WHERE action = 'publish' ORDER BY id DESC").fetchone()[0]
    assert actor == "秘书处 李明"


def test_decisions_carry_the_chairs_name_and_the_basis_survives_publishing(
        demo_ws: Workspace) -> None:
    choose_working_name(demo_ws, "王秘书")
    item = undecided_items(demo_ws, 2018)[0]
    decision = decide(demo_ws, 2018, item.alliance_id, 90, "会议讨论后改定",
                      decided_by="张主任")
    assert decision.decided_by == "张主任"
    entry = demo_ws.db.execute(
        "SELECT actor FROM audit_log WHERE action = 'decide' ORDER BY id DESC").fetchone()
    assert entry[0] == "王秘书"  # who typed it in; the decision names the chair
    publish_results(demo_ws, 2018, accepted_undecided=len(undecided_items(demo_ws, 2018)))
    row = next(r for r in results_for_year(demo_ws, 2018) if r.alliance_id == item.alliance_id)
    assert (row.source, row.basis, row.score) == ("published", "plenary", 90)
    others = {r.basis for r in results_for_year(demo_ws, 2018)} - {"plenary"}
    assert others == {"consensus"}


def test_the_working_name_is_remembered(demo_ws: Workspace) -> None:
    choose_working_name(demo_ws, "甲")
    choose_working_name(demo_ws, " 乙 ")
    path = demo_ws.path
    demo_ws.close()
    with Workspace.open(path) as ws:
        assert ws.actor == "乙"
        assert remembered_names(ws) == ["乙", "甲"]
    with pytest.raises(EvaluatorError):
        choose_working_name(ws, "  ")


def test_cli_publish_refused_then_accepted_by_name(demo_ws: Workspace,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path: Path = demo_ws.path
    count = len(undecided_items(demo_ws, 2018))
    demo_ws.close()
    assert main(["--lang", "zh", "publish", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"还有 {count} 个复核会评议题没有决定" in err
    assert "--accept-undecided" in err
    assert main(["--lang", "zh", "--by", "赵六", "publish", str(path),
                 "--accept-undecided"]) == 0
    assert "赵六 已发布 2018 年度结果：88 家联盟" in capsys.readouterr().out
    with Workspace.open(path) as ws:
        assert last_publication(ws, 2018)["published_by"] == "赵六"  # type: ignore[index]
