"""联盟活跃度评审 — the Qt-free core of the alliance activity evaluation."""

import sys as _sys

__version__ = "0.1.0"
APP_NAME = "evaluator"
APP_TITLE_ZH = "联盟活跃度评审"
APP_TITLE_EN = "Alliance Activity Evaluation"


def _import_sqlite_utils_without_pandas() -> None:
    """sqlite-utils imports pandas (and with it pyarrow) whenever it is installed, to
    convert pandas values we never give it: 34 MB and 0.1-0.2 s in every process where
    the benchmark's `bench` extra is installed (docs/performance.md). It is imported here
    with pandas hidden; pandas stays importable for whoever wants it afterwards."""
    if "sqlite_utils.db" in _sys.modules or "pandas" in _sys.modules:
        return
    _sys.modules["pandas"] = None  # type: ignore[assignment]  # import pandas -> ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        if _sys.modules.get("pandas", 0) is None:
            del _sys.modules["pandas"]


_import_sqlite_utils_without_pandas()
