"""Errors the core raises: data (a code and parameters) that a view or the CLI renders.

A `Problem` names where it was found (file, sheet, row, column), the value found and what
was expected; `messages.render` turns it into Chinese or English prose.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    severity: str = "error"  # "error" or "warning"

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "params": {k: _plain(v) for k, v in self.params.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


class EvaluatorError(Exception):
    """Refused input or a refused operation: exit code 2, a message, nothing changed."""

    def __init__(self, problems: list[Problem] | Problem | str, **params: Any) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems, params)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__(self.render("en"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def render(self, lang: str | None = None) -> str:
        from evaluator.messages import render_problem

        return "\n".join(render_problem(p, lang) for p in self.problems)


class WorkspaceError(EvaluatorError):
    """The workspace file cannot be opened or is not an evaluator workspace."""


class RubricError(EvaluatorError):
    """A rubric file is malformed."""


class ImportRefused(EvaluatorError):
    """An imported file has errors; nothing was written."""


# -- problems of the world ---------------------------------------------------------------
# errno -> message code: what happened, and what the user can do about it.
_OS_PROBLEMS = {
    errno.ENOSPC: "os.no_space",
    errno.EDQUOT: "os.no_space",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.EROFS: "os.read_only",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_a_folder",
    errno.ENOENT: "os.missing",
    errno.EBUSY: "os.locked",
    errno.ETXTBSY: "os.locked",
}
# Windows: a file open in Excel or WPS cannot be replaced or deleted (sharing violation).
_WINERRORS = {32: "os.locked", 33: "os.locked", 112: "os.no_space", 5: "os.permission"}


def world_problem(exc: BaseException) -> Problem | None:
    """A Problem with the path and what to do, for an error of the world (disk full,
    permission, a folder where a file belongs, a file locked by Excel); None for a bug."""
    if isinstance(exc, OSError):
        code = _WINERRORS.get(getattr(exc, "winerror", None) or 0) \
            or _OS_PROBLEMS.get(exc.errno or 0, "os.other")
        path = exc.filename if exc.filename is not None else ""
        return Problem(code, {"path": str(path), "reason": exc.strerror or str(exc)},
                       file=Path(str(path)).name if path else None)
    if isinstance(exc, sqlite3.Error):
        primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if primary == 13:  # SQLITE_FULL
            return Problem("os.database_full", {"reason": str(exc)})
        if primary == 8:  # SQLITE_READONLY
            return Problem("os.database_read_only", {"reason": str(exc)})
        if primary == 10 and "disk" in str(exc).lower():  # SQLITE_IOERR on a full disk
            return Problem("os.io_error", {"reason": str(exc)})
    return None
