"""联盟活跃度评审 — the Qt-free core of the alliance activity evaluation."""

import sys as _sys
from importlib.abc import Loader as _Loader
from importlib.abc import MetaPathFinder as _MetaPathFinder
from importlib.machinery import ModuleSpec as _ModuleSpec
from importlib.util import find_spec as _find_spec
from types import ModuleType as _ModuleType

__version__ = "0.1.0"
APP_NAME = "evaluator"
APP_TITLE_ZH = "联盟活跃度评审"
APP_TITLE_EN = "Alliance Activity Evaluation"


class _SqliteUtilsWithoutPandas(_MetaPathFinder, _Loader):
    """sqlite-utils imports pandas (and with it pyarrow) whenever it is installed, to
    convert pandas values we never give it: 34 MB and 0.1-0.2 s in every process where
    the benchmark's `bench` extra is installed (docs/performance.md). When sqlite_utils.db
    is first imported, pandas is hidden from it; pandas stays importable afterwards."""

    def find_spec(self, name: str, path: object = None,
                  target: object = None) -> _ModuleSpec | None:
        if name != "sqlite_utils.db" or "pandas" in _sys.modules:
            return None
        _sys.meta_path.remove(self)  # once: the real spec, from the other finders
        spec = _find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        self._real = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: _ModuleSpec) -> _ModuleType | None:
        return self._real.create_module(spec)

    def exec_module(self, module: _ModuleType) -> None:
        _sys.modules["pandas"] = None  # type: ignore[assignment]  # import -> ImportError
        try:
            self._real.exec_module(module)
        finally:
            if _sys.modules.get("pandas", 0) is None:
                del _sys.modules["pandas"]


_sys.meta_path.insert(0, _SqliteUtilsWithoutPandas())
