"""The views hold no SQL: every query a screen, dialog or the guide pictures need is a core
function returning plain data (evaluator.overview, evaluator.panel_lists, ...)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "ui"
SQL = re.compile(r"\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|CREATE\s+"
                 r"(TABLE|INDEX|VIEW|TRIGGER|UNIQUE)|DROP\s+(TABLE|INDEX)|PRAGMA\s)")
DB_CALLS = {"execute", "executemany", "executescript", "query"}


def sql_in(source: str) -> list[tuple[int, str]]:
    """(line, text) of each SQL string literal or database call in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and SQL.search(node.value)):
            found.append((node.lineno, node.value[:60]))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in DB_CALLS):
            found.append((node.lineno, f".{node.func.attr}(...)"))
    return found


def test_the_check_finds_sql() -> None:
    assert sql_in('rows = ws.db.execute("SELECT id FROM experts")')
    assert sql_in('x = "DELETE FROM scores WHERE year = ?"')
    assert sql_in('x = ("SELECT a.code, s.value"\n " FROM scores s")')
    assert not sql_in('label = self.tr("Select an expert")')


def test_no_sql_in_ui() -> None:
    offenders = [f"{path.relative_to(UI.parent)}:{line}: {text}"
                 for path in sorted(UI.rglob("*.py"))
                 for line, text in sql_in(path.read_text(encoding="utf-8"))]
    assert not offenders, "SQL in the views (make it a core function):\n" + "\n".join(offenders)
