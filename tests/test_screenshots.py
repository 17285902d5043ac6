"""The screenshot command writes every picture the user guide links to, at the asked size."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from evaluator import messages
from ui.i18n import remove_translators
from ui.screenshots import main, parse_size, shot_names

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide"
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.png)\)")


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):  # type: ignore[no-untyped-def]
    yield
    remove_translators(qapp)
    messages.set_language(None)


SCALED_SUFFIX = "-150"  # the same step at 1366x768, 150 % (tools/guide_images.sh)


def shot_of(picture: Path) -> str:
    return picture.stem.removesuffix(SCALED_SUFFIX)


def guide_images(lang: str) -> list[Path]:
    """The PNG files the guide in `lang` links to, resolved from its folder."""
    page = GUIDE / lang / "README.md"
    links = IMAGE_LINK.findall(page.read_text(encoding="utf-8"))
    return [(page.parent / link).resolve() for link in links]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_guide_links_only_to_pictures_of_the_command(lang: str) -> None:
    images = guide_images(lang)
    assert len(images) >= 15
    folder = (GUIDE / "images" / lang).resolve()
    assert {p.parent for p in images} == {folder}, "guide pictures live in images/<lang>/"
    assert {shot_of(p) for p in images} <= set(shot_names())
    assert any(p.stem.endswith(SCALED_SUFFIX) for p in images), "the laptop at 150 % is shown"
    missing = [p.name for p in images if not p.exists()]
    assert missing == [], f"run tools/guide_images.sh: {missing}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_command_writes_every_picture_the_guide_needs(
        lang: str, demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.evdb"
    shutil.copy(demo_path, copy)
    before = copy.read_bytes()
    out = tmp_path / "shots"
    assert main([str(out), "--lang", lang, "--size", "1024x700", "--workspace", str(copy),
                 "--stage-dir", str(tmp_path / "stage")]) == 0
    written = {p.name for p in out.iterdir()}
    assert written == {f"{name}.png" for name in shot_names()}
    needed = {f"{shot_of(p)}.png" for p in guide_images(lang)}
    assert needed <= written, sorted(needed - written)
    for name in sorted(written):
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == (1024, 700), name
    assert copy.read_bytes() == before, "the given workspace must not be written"
    assert not (tmp_path / "stage").exists()


def test_size_argument() -> None:
    assert parse_size("1280x800") == (1280, 800)
    with pytest.raises(Exception, match="WIDTHxHEIGHT"):
        parse_size("big")
