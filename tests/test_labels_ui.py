"""What the core's codes read as on screen: the band names come from the core
(evaluator.bands) in the UI language, in ui.labels and on the screens that show bands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evaluator import messages
from evaluator.bands import BAND_COLOURS, BAND_NAMES, BAND_NAMES_EN, BANDS, band_tint

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("lang", "names"), [("zh", BAND_NAMES), ("en", BAND_NAMES_EN)])
def test_every_band_reads_as_the_core_names_it(lang: str, names: dict[str, str]) -> None:
    from ui.labels import band_label

    messages.set_language(lang)
    assert [band_label(b) for b in BANDS] == [names[b] for b in BANDS]
    assert band_label(None) == ""
    assert band_label("unheard_of") == "unheard_of"


def test_labels_hold_no_band_table_of_their_own() -> None:
    import ui.labels

    assert not hasattr(ui.labels, "BAND_LABELS")
    ui_dir = Path(ui.labels.__file__).parent
    sources = {line.split("\t")[0] for tsv in ui_dir.rglob("*_zh.tsv")
               for line in tsv.read_text(encoding="utf-8").splitlines()}
    assert not set(BAND_NAMES_EN.values()) & sources  # no second Chinese for a band


@pytest.mark.parametrize(("lang", "names"), [("zh", BAND_NAMES), ("en", BAND_NAMES_EN)])
def test_results_screen_shows_the_core_band_names(workspace: Any, qtbot: Any, lang: str,
                                                  names: dict[str, str]) -> None:
    from evaluator.registry import add_alliance
    from ui.context import AppContext
    from ui.screens.results import ResultsModel, Screen

    messages.set_language(lang)
    add_alliance(workspace, "101", "测试联盟")
    screen = Screen(AppContext(workspace))
    qtbot.addWidget(screen)
    shown = [screen.band_filter.itemText(i) for i in range(screen.band_filter.count())
             if screen.band_filter.itemData(i) is not None]
    assert shown == [names[b] for b in BANDS]

    from evaluator.results import ResultRow

    model = ResultsModel()
    model.set_rows([ResultRow(rank=i + 1, alliance_id=i, code=f"{i}", name="x",
                              batch_id="1", score=90 - 10 * i, band=b, source="consensus")
                    for i, b in enumerate(BANDS)])
    from PySide6.QtCore import Qt

    assert [model.data(model.index(i, 5)) for i in range(len(BANDS))] == \
        [names[b] for b in BANDS]
    tints = [model.data(model.index(i, 0), Qt.ItemDataRole.BackgroundRole).color().name()
             for i in range(len(BANDS))]
    assert [t.upper() for t in tints] == [band_tint(b) for b in BANDS]


def test_band_tints_are_light_forms_of_the_chart_colours() -> None:
    from PySide6.QtGui import QColor

    for band in BANDS:
        colour, tint = QColor(BAND_COLOURS[band]), QColor(band_tint(band))
        assert tint.lightness() > colour.lightness()
        assert tint.lightness() >= 180  # black text stays legible on it
        if colour.saturation():
            assert abs(tint.hue() - colour.hue()) <= 3  # the same hue, lighter
    assert len({band_tint(b) for b in BANDS}) == len(BANDS)
