"""The audit log read back for people (the results workbook's 审计 sheet): each entry with
its time in local time, the action, the entity and its key, and what it recorded before
and after, in the UI language (`audit_labels`); the stored JSON is left as written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from evaluator.audit_labels import AuditNames, action_text, entity_text, key_text, value_text
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace

MAX_CELL_TEXT = 32_000  # Excel keeps at most 32,767 characters in a cell


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    key: str
    old: str | None
    new: str | None


def audit_names(ws: Workspace) -> AuditNames:
    """The names the log's ids stand for: alliances (code and name), experts, groups and
    indicator systems."""
    alliances = {r[0]: (str(r[1]), f"{r[1]} {r[2]}") for r in ws.db.execute(
        "SELECT id, code, name FROM alliances")}
    return AuditNames(
        alliances={i: shown for i, (_, shown) in alliances.items()},
        alliance_codes=dict(alliances.values()),
        experts={r[0]: r[1] for r in ws.db.execute("SELECT id, name FROM experts")},
        groups={r[0]: r[1] for r in ws.db.execute("SELECT id, name FROM expert_groups")},
        rubrics={r[0]: r[1] for r in ws.db.execute("SELECT id, name FROM rubrics")})


def _stored(text: str | None) -> tuple[bool, Any]:
    if text is None:
        return False, None
    try:
        return True, json.loads(text)
    except ValueError:
        return True, text


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CELL_TEXT else text[:MAX_CELL_TEXT] + "…"


def audit_entries(ws: Workspace, lang: str | None = None) -> Iterator[AuditEntry]:
    """Every entry of the log, oldest first, as people read it."""
    names = audit_names(ws)
    for r in ws.db.execute("SELECT id, at, actor, action, entity, entity_key, old_json,"
                           " new_json FROM audit_log ORDER BY id"):
        entity = str(r[4])
        shown: list[str | None] = []
        for raw in (r[6], r[7]):
            present, value = _stored(raw)
            shown.append(_cut(value_text(value, lang, names, entity=entity))
                         if present else None)
        yield AuditEntry(int(r[0]), local_time(r[1], lang), str(r[2]),
                         action_text(r[3], lang), entity_text(entity, lang),
                         key_text(entity, str(r[5] or ""), lang, names), shown[0], shown[1])
