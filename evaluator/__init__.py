"""联盟活跃度评审 — the Qt-free core of the alliance activity evaluation."""

__version__ = "0.1.0"
APP_NAME = "evaluator"
APP_TITLE_ZH = "联盟活跃度评审"
APP_TITLE_EN = "Alliance Activity Evaluation"
