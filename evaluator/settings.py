"""Workspace settings: every threshold of the method, with its default and source.

Settings live in the workspace (table `settings`), so the record shows which rule was in
force; defaults come from ../shared/method.md and the 2018 report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str
    label_en: str
    source: str


SETTINGS: tuple[Setting, ...] = (
    # Bands: report section 二.5.
    Setting("bands.high", 85, "活跃度高下限", "High band from", "2018 report 二.5"),
    Setting("bands.fairly_high", 70, "活跃度较高下限", "Fairly-high band from", "2018 report 二.5"),
    Setting("bands.average", 50, "活跃度一般下限", "Average band from", "2018 report 二.5"),
    # Consensus: method.md.
    Setting("consensus.trim_from", 5, "去掉最高最低分的最少评分数",
            "Trim highest and lowest from n scores", "method.md"),
    # Flags: method.md.
    Setting("flags.f1_margin", 2.0, "F1 档位边界距离", "F1 distance to a band cut", "method.md"),
    Setting("flags.f2_spread_small", 15.0, "F2 极差阈值（≤4 个评分）",
            "F2 spread threshold (up to 4 scores)", "method.md"),
    Setting("flags.f2_spread_large", 20.0, "F2 极差阈值（≥5 个评分）",
            "F2 spread threshold (5+ scores)", "method.md"),
    Setting("flags.f3_distance", 12.0, "F3 孤立意见距离", "F3 lone-dissenter distance",
            "method.md"),
    Setting("flags.f3_min_scores", 3, "F3 最少评分数", "F3 minimum number of scores",
            "method.md"),
    Setting("flags.f4_gap", 8.0, "F4 初评与复评组均值差", "F4 initial vs review group gap",
            "method.md"),
    Setting("flags.f4_gap_across_bands", 5.0, "F4 跨档时的组均值差",
            "F4 gap when the groups fall in different bands", "method.md"),
    Setting("flags.indicator_steps", 2, "分项差异：最少步长数",
            "Indicator detail: minimum spread in steps", "method.md"),
    Setting("flags.indicator_share", 0.30, "分项差异：占满分比例",
            "Indicator detail: minimum spread as share of maximum", "method.md"),
    # Panel quality: method.md.
    Setting("quality.leniency_points", 5.0, "宽严度标记阈值（分）",
            "Leniency flag threshold (points)", "method.md"),
    Setting("quality.leniency_se", 2.0, "宽严度标记阈值（标准误倍数）",
            "Leniency flag threshold (standard errors)", "method.md"),
    # History rules: report sections 五 and 七.
    Setting("history.a_level_years", 3, "A级：连续高活跃度年数",
            "A-level: consecutive high years", "2018 report 五"),
    Setting("history.stalled_years", 3, "停滞：连续未参评年数",
            "Stalled: consecutive years without taking part", "2018 report 七"),
    # Eligibility (录入信息达到评价要求).
    Setting("eligibility.require_basic_info", True, "要求基本信息完整",
            "Require complete basic information", "issue 3 default"),
    Setting("eligibility.min_records_per_group", 1, "每个一级指标最少记录数",
            "Minimum records under each first-level indicator", "issue 3 default"),
    # Where the workspace may live: WAL needs shared memory a network share does not give,
    # so there the rollback journal is used, or the workspace is refused.
    Setting("workspace.refuse_network_share", False,
            "网络共享文件夹上的工作区拒绝打开（不勾选时以兼容模式打开）",
            "Refuse a workspace on a network share (otherwise it opens in compatible mode)",
            "product default"),
    # Backups.
    Setting("backups.keep", 20, "保留的最近备份数（另保留每天最新一份及每类不可撤销操作前的最新一份）",
            "Latest backups kept (plus the newest of each day and the newest before each "
            "kind of irreversible step)", "product default"),
    Setting("backups.max_mb", 2048, "备份文件夹容量上限（MB，超出时先删最旧的每日备份）",
            "Backup folder size cap (MB; the oldest daily backups go first)",
            "product default"),
)

SETTINGS_BY_KEY = {s.key: s for s in SETTINGS}
