"""PNG charts for the report draft (matplotlib, Agg: no display, no Qt).

The same figures as the workbook's native charts: band pies, band counts by batch, the
score distribution and activity counts by band.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from typing import Any

from evaluator.fonts import cjk_families
from evaluator.results import BAND_NAMES, BANDS

BAND_COLOURS = {"high": "#2E75B6", "fairly_high": "#70AD47", "average": "#FFC000",
                "inactive": "#A5A5A5"}


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    available = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [f for f in cjk_families() if f in available]
    plt.rcParams["font.sans-serif"] = [*fonts, "DejaVu Sans"]
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["axes.unicode_minus"] = False
    return plt


def _png(fig: Any, plt: Any) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # Without a CJK font the labels show boxes; the figure is still worth having.
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def band_pie(counts: dict[str, int], title: str) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.2, 3.2))
    bands = [b for b in BANDS if counts.get(b, 0) > 0]
    values = [counts[b] for b in bands]
    if values:
        ax.pie(values, labels=[f"{BAND_NAMES[b]}\n{counts[b]} 家" for b in bands],
               colors=[BAND_COLOURS[b] for b in bands], autopct="%1.2f%%", startangle=90,
               counterclock=False, textprops={"fontsize": 8})
    ax.set_title(title, fontsize=10)
    ax.axis("equal")
    return _png(fig, plt)


def grouped_bars(categories: Sequence[str], series: dict[str, Sequence[float]], title: str,
                 *, horizontal: bool = False, ylabel: str = "") -> bytes:
    """One bar per series within each category; series keyed by band use its colour."""
    plt = _pyplot()
    height = max(3.0, 0.35 * len(categories) * (1 + len(series) / 4)) if horizontal else 3.2
    fig, ax = plt.subplots(figsize=(6.2, height))
    n = max(len(series), 1)
    width = 0.8 / n
    for i, (name, values) in enumerate(series.items()):
        positions = [k + (i - (n - 1) / 2) * width for k in range(len(categories))]
        colour = BAND_COLOURS.get(name)
        label = BAND_NAMES.get(name, name)
        if horizontal:
            ax.barh(positions, values, height=width, label=label, color=colour)
        else:
            ax.bar(positions, values, width=width, label=label, color=colour)
    ticks = list(range(len(categories)))
    if horizontal:
        ax.set_yticks(ticks, list(categories), fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(ylabel, fontsize=8)
    else:
        ax.set_xticks(ticks, list(categories), fontsize=8)
        ax.set_ylabel(ylabel, fontsize=8)
    if len(series) > 1:
        ax.legend(fontsize=7)
    ax.set_title(title, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig, plt)
