"""Fonts with simplified-Chinese glyphs, per platform, for every renderer (the Qt UI and
the matplotlib charts of the report): without one, Chinese labels become boxes."""

from __future__ import annotations

import sys

WINDOWS_CJK = ("Microsoft YaHei", "Microsoft YaHei UI", "DengXian", "SimHei", "SimSun")
MACOS_CJK = ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti", "Songti SC")
LINUX_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei",
             "WenQuanYi Zen Hei", "Droid Sans Fallback")


def cjk_families(platform: str | None = None) -> tuple[str, ...]:
    """This platform's families first, then the others' (a font may be installed
    anywhere: WPS brings its own, Linux users install Microsoft's)."""
    platform = platform or sys.platform
    order: tuple[tuple[str, ...], ...]
    if platform.startswith("win"):
        order = (WINDOWS_CJK, MACOS_CJK, LINUX_CJK)
    elif platform == "darwin":
        order = (MACOS_CJK, WINDOWS_CJK, LINUX_CJK)
    else:
        order = (LINUX_CJK, WINDOWS_CJK, MACOS_CJK)
    return tuple(family for group in order for family in group)


def first_available(available: set[str] | list[str], platform: str | None = None) -> str | None:
    names = set(available)
    return next((family for family in cjk_families(platform) if family in names), None)
