"""What a workspace file holds, table by table, for 'nothing changed' assertions."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def workspace_content(path: Path, skip: tuple[str, ...] = ("audit_log", "_sqlite_migrations")
                      ) -> dict[str, list[str]]:
    """Every table but `skip` (the audit log records refusals too), as sorted rows."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if r[0] not in skip]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM [{t}]"))) for t in tables}
    finally:
        conn.close()
