"""Errors the core raises: data (a code and parameters) that a view or the CLI renders.

A `Problem` names where it was found (file, sheet, row, column), the value found and what
was expected; `messages.render` turns it into Chinese or English prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
