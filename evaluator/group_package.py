"""A group leader's package opened (`.evpkg` of kind group): the members, their public
keys and who scores what."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from evaluator.packages import connect_package, damage_guard


class GroupPackage:
    """A group leader's package: members' public keys and who scores what."""

    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict[str, str]) -> None:
        self.path = path
        self.conn = conn
        self.meta = meta

    @classmethod
    def open(cls, path: Path | str) -> GroupPackage:
        path = Path(path)
        conn, meta, _ = connect_package(path, "group")
        return cls(path, conn, meta)

    def _guard(self) -> AbstractContextManager[None]:
        return damage_guard(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> GroupPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def round(self) -> str:
        return self.meta["round"]

    @property
    def year(self) -> int:
        return int(self.meta["year"])

    @property
    def group(self) -> str:
        return self.meta["group_name"]

    def members(self) -> list[dict[str, Any]]:
        with self._guard():
            cur = self.conn.execute(
                "SELECT * FROM members ORDER BY is_group_leader DESC, name")
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def is_member(self, expert_name: str) -> bool:
        with self._guard():
            return self.conn.execute("SELECT 1 FROM members WHERE name = ?",
                                     (expert_name,)).fetchone() is not None

    def public_keys_of(self, expert_name: str) -> dict[str, str]:
        """fingerprint -> public key of the member's packages (format 2 only)."""
        with self._guard():
            if not self._has_table("member_keys"):
                return {}
            return {str(fp): str(key) for fp, key in self.conn.execute(
                "SELECT k.fingerprint, k.public_key FROM member_keys k"
                " JOIN members m ON m.id = k.member_id WHERE m.name = ?", (expert_name,))}

    def legacy_key_of(self, expert_name: str) -> str:
        """The member's HMAC key in a format 1 group package ('' otherwise)."""
        with self._guard():
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(members)")}
            if "secret_key" not in columns:
                return ""
            row = self.conn.execute("SELECT secret_key FROM members WHERE name = ?",
                                    (expert_name,)).fetchone()
        return str(row[0]) if row and row[0] else ""

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                 " AND name = ?", (name,)).fetchone() is not None

    def assigned_codes(self, expert_name: str) -> list[str]:
        with self._guard():
            return [r[0] for r in self.conn.execute(
                "SELECT a.code FROM member_assignments m JOIN members e ON e.id = m.member_id"
                " JOIN alliances a ON a.id = m.alliance_id WHERE e.name = ? ORDER BY a.sort",
                (expert_name,))]
