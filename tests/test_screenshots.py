"""The screenshot command writes one PNG per screen and per dialog, at the asked size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from evaluator import messages
from ui.i18n import remove_translators
from ui.main_window import available_stages
from ui.screenshots import main, parse_size


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):  # type: ignore[no-untyped-def]
    yield
    remove_translators(qapp)
    messages.set_language(None)


def test_one_png_per_screen(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.evdb"
    shutil.copy(demo_path, copy)
    out = tmp_path / "shots"
    assert main([str(out), "--lang", "zh", "--size", "1024x700", "--workspace", str(copy)]) == 0
    stages = available_stages()
    expected = [f"{i:02d}-{name}.png" for i, name in enumerate(stages, 1)]
    expected += [f"{len(stages) + 1:02d}-about.png", f"{len(stages) + 2:02d}-settings.png"]
    assert sorted(p.name for p in out.iterdir()) == expected
    for name in expected[:len(stages)]:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == (1024, 700)


def test_size_argument() -> None:
    assert parse_size("1280x800") == (1280, 800)
    with pytest.raises(Exception, match="WIDTHxHEIGHT"):
        parse_size("big")
