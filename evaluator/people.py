"""Who is working: the person recorded on audit entries, decisions and publications.

Not the computer's login ("root", "Administrator"): the workspace remembers the names the
office has used, and the last one chosen is who is working. The desktop app asks when it
opens a workspace; the command line takes `--by NAME` (before the subcommand) and
otherwise uses the workspace's last choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

if TYPE_CHECKING:
    from evaluator.workspace import Workspace

messages.register({
    "people.empty_name": {
        "zh": "请填写正在操作的人员姓名", "en": "Enter the name of the person working",
    },
})

_session_name: str | None = None


def set_session_name(name: str | None) -> None:
    """The name given for this process (the CLI's `--by`); wins over the remembered one."""
    global _session_name
    _session_name = name.strip() if name and name.strip() else None


def session_name() -> str | None:
    return _session_name


def remembered_names(ws: Workspace) -> list[str]:
    """Names used in this workspace, most recently chosen first."""
    return [r[0] for r in ws.db.execute(
        "SELECT name FROM people ORDER BY last_chosen_at DESC, name")]


def working_name(ws: Workspace) -> str | None:
    """The last name chosen in this workspace, if any."""
    names = remembered_names(ws)
    return names[0] if names else None


def choose_working_name(ws: Workspace, name: str) -> str:
    """Remember `name` as who is working and record it on everything written from now."""
    from evaluator.workspace import now_iso

    name = " ".join(name.split())
    if not name:
        raise EvaluatorError(Problem("people.empty_name"))
    with ws.transaction():
        previous = working_name(ws)
        ws.db.execute(
            "INSERT INTO people (name, last_chosen_at) VALUES (?, ?) ON CONFLICT(name)"
            " DO UPDATE SET last_chosen_at = excluded.last_chosen_at", (name, now_iso()))
        ws.actor = name
        if previous != name:
            ws.audit("choose", "working_name", name, previous, name)
    return name
