"""The four activity bands of the published results (report 三.1), lowest last.

Their codes, names in Chinese and English, the short forms of a history file's 活跃度
column, and the colour of each: charts use it as it is (the report's and the screens'
alike), a table row behind black text a light tint of it (`band_tint`).
"""

from __future__ import annotations

from evaluator import messages

BANDS: tuple[str, ...] = ("high", "fairly_high", "average", "inactive")
BAND_NAMES: dict[str, str] = {
    "high": "活跃度高", "fairly_high": "活跃度较高", "average": "活跃度一般", "inactive": "不活跃",
}
BAND_NAMES_EN: dict[str, str] = {
    "high": "High activity", "fairly_high": "Fairly high activity",
    "average": "Average activity", "inactive": "Inactive",
}
BAND_SHORT: dict[str, str] = {"high": "高", "fairly_high": "较高", "average": "一般",
                              "inactive": "不活跃"}
BAND_COLOURS: dict[str, str] = {"high": "#2E75B6", "fairly_high": "#70AD47",
                                "average": "#FFC000", "inactive": "#A5A5A5"}


def band_name(band: str, lang: str | None = None) -> str:
    """活跃度高 … 不活跃 (or the English); an unknown code as it is."""
    names = BAND_NAMES if (lang or messages.current_language()) == "zh" else BAND_NAMES_EN
    return names.get(band, band)


def band_tint(band: str, strength: float = 0.25) -> str:
    """The band's colour mixed with white (`strength` of the colour): a row background
    that black text stays legible on and that matches the band's colour in the charts."""
    colour = BAND_COLOURS[band]
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in channels)
