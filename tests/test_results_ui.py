"""The results screen: models, filters, statistics charts, workbook export in a worker."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6.QtCharts")

from evaluator.history import import_history
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"


@pytest.fixture
def screen(workspace: Workspace, qtbot: Any) -> Any:
    from ui.context import AppContext
    from ui.screens.results import Screen

    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            add_alliance(workspace, row["code"], row["alliance"])
    add_alliance(workspace, "155", "农药产业技术创新战略联盟")
    import_history(workspace, REFERENCE / "annex2_2018_results.csv", 2018)
    widget = Screen(AppContext(workspace))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    return widget


def test_models_pass_the_model_tester(screen: Any, qtmodeltester: Any) -> None:
    for model in (screen.model, screen.proxy, screen.a_level_model, screen.stalled_model,
                  screen.overall_model, screen.batch_model, screen.activity_model):
        qtmodeltester.check(model)


def test_results_filters_and_lists(screen: Any, qtbot: Any) -> None:
    assert screen.model.rowCount() == 88
    assert screen.proxy.index(0, 1).data() == "109"
    screen.band_filter.setCurrentIndex(screen.band_filter.findData("fairly_high"))
    assert screen.proxy.rowCount() == 15
    screen.batch_filter.setCurrentIndex(screen.batch_filter.findData("1"))
    assert screen.proxy.rowCount() == 5
    screen.band_filter.setCurrentIndex(0)
    screen.batch_filter.setCurrentIndex(0)
    screen.search.setText("半导体照明")
    assert screen.proxy.rowCount() == 1
    # Only 2018 is known: the three-year lists say what to import instead of guessing.
    assert screen.stalled_model.rows == []
    assert "尚未导入 2016、2017 年度结果" in screen.stalled_hint.text() or \
        "2016, 2017" in screen.stalled_hint.text()
    history = screen.history
    assert [r[0] for r in history.model.rows] == ["2018"]
    for year in (2016, 2017):  # each read in a child, then imported in the background
        with qtbot.waitSignal(history.imported, timeout=60_000) as done:
            assert history.import_file(REFERENCE / "annex2_2018_results.csv", year) is not None
        assert done.args == [year]
    assert [r[0] for r in history.model.rows] == ["2018", "2017", "2016"]
    assert "annex2_2018_results.csv" in history.model.rows[1][2]
    assert [screen.stalled_model.rows[0][0]] == ["155"]
    assert screen.stalled_hint.text().startswith("2016-2018")
    overall = screen.overall_model.rows
    assert overall[2][3] == "15.13%"
    assert screen.overall_pie.series.count() == 4


def test_export_runs_in_a_worker(screen: Any, qtbot: Any, tmp_path: Path) -> None:
    from evaluator.exports.workbook import export_workbook

    out = tmp_path / "r.xlsx"

    def job(ws: Workspace, progress: Any) -> None:
        export_workbook(ws, out, year=2018, progress=progress)

    shown: list[str] = []
    screen.context.status_message.connect(shown.append)
    with qtbot.waitSignal(screen.runner.finished, timeout=60_000):
        assert screen.run_in_worker(job, out, "…") is not None
        assert screen.run_in_worker(job, out, "…") is None  # one job at a time
    assert not screen.runner.busy
    assert out.exists()
    assert shown == [f"Written {out}"]


def test_export_where_no_folder_can_be_is_a_warning(screen: Any, qtbot: Any,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A problem of the world while writing (here: a file where the folder should be) is
    a warning with the path, never the crash dialog."""
    from evaluator.exports.workbook import export_workbook

    (tmp_path / "gone").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "gone" / "r.xlsx"

    def job(ws: Workspace, progress: Any) -> None:
        export_workbook(ws, out, year=2018, progress=progress)

    warned: list[str] = []
    monkeypatch.setattr(screen, "show_problem", lambda title, text: warned.append(text))
    with qtbot.waitSignal(screen.runner.finished, timeout=60_000):
        screen.run_in_worker(job, out, "…")
    assert len(warned) == 1
    assert "gone" in warned[0]
    assert not out.exists()


def test_statistics_tab_paints_the_report_figures(screen: Any, tmp_path: Path) -> None:
    """The statistics tab holds annex 2's band counts and paints charts, not an empty pane."""
    titles = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    screen.tabs.setCurrentIndex(titles.index("Statistics"))
    screen.show()
    overall = screen.overall_model
    counts = {overall.index(r, 0).data(): overall.index(r, 1).data()
              for r in range(overall.rowCount())}
    # Section 三.1 of the 2018 report: 30 / 15 / 23 / 20 of 88 participants.
    from evaluator.bands import BAND_NAMES, BANDS

    assert [counts[BAND_NAMES[b]] for b in BANDS] in ([30, 15, 23, 20], ["30", "15", "23", "20"])
    image = screen.overall_pie.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 4  # the pie's four band tints and the background at least
    image.save(str(tmp_path / "results-stats.png"))


def test_bands_read_as_labels_with_distinct_tints(screen: Any) -> None:
    from PySide6.QtCore import Qt

    from evaluator.bands import BAND_NAMES, band_tint

    model = screen.model
    bands: dict[str, str] = {}
    for row in range(model.rowCount()):
        label = model.data(model.index(row, 5))
        colour = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole).color().name()
        bands.setdefault(label, colour)
    by_name = {name: code for code, name in BAND_NAMES.items()}  # the tests' UI is Chinese
    assert set(bands) <= set(by_name)
    assert len(bands) >= 3
    assert len(set(bands.values())) == len(bands)  # one tint per band
    for name, colour in bands.items():  # the tint of the band's own chart colour
        assert colour.upper() == band_tint(by_name[name])


def test_english_statistics_name_batches_in_english_and_fit(demo_ws: Workspace,
                                                           qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication, QScrollArea

    from evaluator import messages
    from ui.context import AppContext
    from ui.main_window import MainWindow

    messages.set_language("en")  # English sources: no translator needed
    window = MainWindow(AppContext(demo_ws))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    screen = window.show_stage("results")
    screen.tabs.setCurrentIndex(3)
    QApplication.processEvents()
    english = {b["name_en"] for b in demo_ws.batches()}
    model = screen.batch_model
    shown = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert shown <= english
    assert shown
    assert {pie.chart().title() for pie in screen.batch_pies} <= english
    assert {screen.batch_filter.itemText(i) for i in range(1, screen.batch_filter.count())} \
        == english
    # No sideways scrolling: neither the tab nor the batch table.
    scroll = screen.tabs.currentWidget()
    assert isinstance(scroll, QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0
    assert screen.batch_table.horizontalScrollBar().maximum() == 0
    window.context.workspace = None  # the demo_ws fixture closes it


def test_history_import_reports_problems_and_changes_nothing(screen: Any, qtbot: Any,
                                                             tmp_path: Path) -> None:
    bad = tmp_path / "2017.csv"
    bad.write_text("联盟代码,联盟名称,评分,活跃度\n999,不存在的联盟,88,高\n", encoding="utf-8")
    with qtbot.waitSignal(screen.history.import_failed, timeout=60_000):
        assert screen.history.import_file(bad, 2017) is not None
    assert "2017.csv" in screen.history.report.text()
    assert "999" in screen.history.report.text()
    assert [r[0] for r in screen.history.model.rows] == ["2018"]


def test_publish_dialog_needs_the_confirmation_naming_the_count(qtbot: Any) -> None:
    from evaluator.results import Undecided
    from ui.dialogs.publish_dialog import PublishDialog

    items = [Undecided(1, "101", "联盟甲", ["F1"], 84.5, 85),
             Undecided(2, "102", "联盟乙", ["F2"], 60.0, 60)]
    dialog = PublishDialog(2019, 90, "李明", items)
    qtbot.addWidget(dialog)
    assert not dialog.publish_button.isEnabled()
    assert dialog.confirm is not None
    assert "2" in dialog.confirm.text()
    assert dialog.items.count() == 2
    dialog.confirm.setChecked(True)
    assert dialog.publish_button.isEnabled()
    assert dialog.accepted_undecided() == 2
    clean = PublishDialog(2019, 90, "李明", [])
    qtbot.addWidget(clean)
    assert clean.publish_button.isEnabled()
    assert clean.accepted_undecided() == 0


@pytest.fixture
def demo_screen(demo_ws: Workspace, qtbot: Any) -> Any:
    from ui.context import AppContext
    from ui.screens.results import Screen

    widget = Screen(AppContext(demo_ws))
    qtbot.addWidget(widget)
    return widget


def test_publishing_runs_off_the_ui_thread_and_shows(demo_screen: Any, demo_ws: Workspace,
                                                     qtbot: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Both of publishing's jobs (what would be published; the publication) run on the
    workspace's executor; the confirmation in between is asked on the UI thread."""
    import threading

    from evaluator.results import last_publication, undecided_items
    from ui.screens import results as results_screen

    threads: dict[str, threading.Thread] = {}
    for name in ("compute_results", "publish_results"):
        original = getattr(results_screen, name)

        def recorded(*args: Any, _name: str = name, _original: Any = original,
                     **kwargs: Any) -> Any:
            threads[_name] = threading.current_thread()
            return _original(*args, **kwargs)

        monkeypatch.setattr(results_screen, name, recorded)
    asked: list[tuple[int, int, str, int]] = []

    def confirm(year: int, alliances: int, who: str, undecided: list[Any]) -> int:
        asked.append((year, alliances, who, len(undecided)))
        assert threading.current_thread() is threading.main_thread()
        return len(undecided)

    monkeypatch.setattr(demo_screen, "ask_publish", confirm)
    expected = len(undecided_items(demo_ws, 2018))
    with qtbot.waitSignal(demo_screen.published, timeout=30000) as done:
        assert demo_screen.publish() is not None
        assert not demo_screen.publish_button.isEnabled()
    assert set(threads) == {"compute_results", "publish_results"}
    assert all(t is not threading.main_thread() for t in threads.values())
    assert asked == [(2018, len(done.args[0]), demo_ws.actor, expected)]
    publication = last_publication(demo_ws, 2018)
    assert publication is not None
    assert publication["alliances"] == len(done.args[0])
    assert publication["published_by"] == demo_ws.actor
    # The screen shows the published snapshot.
    assert "Published by" in demo_screen.summary.text()
    assert demo_screen.model.rowCount() == len(done.args[0])
    assert demo_screen.publish_button.isEnabled()


def test_publishing_refused_or_failing_is_a_warning(demo_screen: Any, demo_ws: Workspace,
                                                    qtbot: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from evaluator.results import last_publication
    from ui.screens import results as results_screen

    warned: list[str] = []
    monkeypatch.setattr(demo_screen, "show_problem", lambda title, text: warned.append(text))
    # The count confirmed is not the count there is: the core refuses; nothing published.
    monkeypatch.setattr(demo_screen, "ask_publish",
                        lambda year, alliances, who, undecided: len(undecided) + 1)
    demo_screen.publish()
    qtbot.waitUntil(lambda: bool(warned), timeout=30000)
    qtbot.waitUntil(lambda: not demo_screen.publisher.busy)
    assert last_publication(demo_ws, 2018) is None

    # A problem of the world (disk full) while writing: a warning, not the crash dialog.
    def disk_full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device", str(demo_ws.path))

    monkeypatch.setattr(results_screen, "publish_results", disk_full)
    monkeypatch.setattr(demo_screen, "ask_publish",
                        lambda year, alliances, who, undecided: len(undecided))
    demo_screen.publish()
    qtbot.waitUntil(lambda: len(warned) == 2, timeout=30000)
    qtbot.waitUntil(lambda: not demo_screen.publisher.busy)
    assert str(demo_ws.path.name) in warned[1]
    assert last_publication(demo_ws, 2018) is None


def test_history_import_runs_off_the_ui_thread(screen: Any, qtbot: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from ui.widgets import history_years

    threads: list[threading.Thread] = []
    original = history_years.import_history

    def recorded(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(history_years, "import_history", recorded)
    history = screen.history
    with qtbot.waitSignal(history.imported, timeout=60_000):
        history.import_file(REFERENCE / "annex2_2018_results.csv", 2017)
        assert not history.import_button.isEnabled()  # one import at a time
    assert threads
    assert threads[0] is not threading.main_thread()
    assert history.import_button.isEnabled()
    assert [r[0] for r in history.model.rows] == ["2018", "2017"]
