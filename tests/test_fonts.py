"""Chinese-capable fonts for every renderer, on every platform."""

from __future__ import annotations

import pytest

from evaluator.fonts import cjk_families, first_available


@pytest.mark.parametrize(("platform", "first", "required"), [
    ("win32", "Microsoft YaHei", {"Microsoft YaHei", "SimSun"}),
    ("darwin", "PingFang SC", {"PingFang SC", "Hiragino Sans GB"}),
    ("linux", "Noto Sans CJK SC", {"Noto Sans CJK SC"}),
])
def test_each_platform_prefers_its_own_fonts(platform: str, first: str,
                                             required: set[str]) -> None:
    families = cjk_families(platform)
    assert families[0] == first
    assert required <= set(families)
    assert len(set(families)) == len(families)


def test_a_mac_with_only_its_own_fonts_gets_one() -> None:
    assert first_available({"Helvetica", "Hiragino Sans GB"}, "darwin") == "Hiragino Sans GB"
    assert first_available({"Arial", "SimSun"}, "win32") == "SimSun"
    assert first_available({"DejaVu Sans"}, "linux") is None


def test_report_charts_use_the_platform_list() -> None:
    from matplotlib import font_manager

    from evaluator.exports.charts import _pyplot

    plt = _pyplot()
    available = {f.name for f in font_manager.fontManager.ttflist}
    chosen = plt.rcParams["font.sans-serif"]
    assert chosen[-1] == "DejaVu Sans"
    assert chosen[:-1] == [f for f in cjk_families() if f in available]


def test_the_ui_font_list_is_the_same(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.qt import CJK_FAMILIES, cjk_font_family

    assert cjk_families() == CJK_FAMILIES
    assert cjk_font_family(["Arial", "PingFang SC"]) == "PingFang SC"
