"""Undo for the clicks that change the panel: moves, leaders, conflicts, assignments.

Each command is pushed after the click's change has been written (its first `redo` does
nothing); `undo` and later `redo` call the core's inverse operation, which writes its own
audit entry, so the audit log tells the whole story. A command the core refuses (the data
changed since, e.g. the expert has scored the alliance) says why and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from evaluator.assignments import (
    add_assignment,
    assignments_for_expert,
    remove_assignment,
)
from evaluator.errors import EvaluatorError
from evaluator.panel import (
    clear_group_leader,
    conflict_for,
    declare_conflict,
    remove_conflict,
    set_expert_group,
    set_group_leader,
)
from evaluator.rounds import ROUNDS
from evaluator.workspace import Workspace


class PanelHost(Protocol):
    """What a command needs from the screen: the workspace, a refresh, a message."""

    def undo_workspace(self) -> Workspace: ...

    def undo_applied(self) -> None: ...

    def show_problem(self, text: str) -> None: ...


class PanelCommand(QUndoCommand):
    """A change already made; `undo`/`redo` replay `backward`/`forward` through the core."""

    def __init__(self, host: PanelHost, text: str) -> None:
        super().__init__(text)
        self.host = host
        self._done = True  # pushed after the change was written

    def forward(self, ws: Workspace) -> None:
        raise NotImplementedError

    def backward(self, ws: Workspace) -> None:
        raise NotImplementedError

    def _run(self, step: Callable[[Workspace], None]) -> None:
        try:
            step(self.host.undo_workspace())
        except EvaluatorError as error:
            self.setObsolete(True)  # the stack drops a command that cannot be replayed
            self.host.show_problem(error.render())
        self.host.undo_applied()

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)


class MoveExpertCommand(PanelCommand):
    def __init__(self, host: PanelHost, expert_id: int, name: str, old_group: int | None,
                 new_group: int | None, new_group_name: str | None, was_leader: bool) -> None:
        text = (QCoreApplication.translate("PanelCommands", "Move %1 to %2").replace("%1", name).replace("%2", new_group_name)
                if new_group is not None and new_group_name
                else QCoreApplication.translate("PanelCommands", "Take %1 out of the group").replace("%1", name))
        super().__init__(host, text)
        self.expert_id, self.old_group, self.new_group = expert_id, old_group, new_group
        self.was_leader = was_leader

    def forward(self, ws: Workspace) -> None:
        set_expert_group(ws, self.expert_id, self.new_group)

    def backward(self, ws: Workspace) -> None:
        set_expert_group(ws, self.expert_id, self.old_group)
        if self.was_leader:  # a move loses the lead; going back restores it
            set_group_leader(ws, self.expert_id)


class SetLeaderCommand(PanelCommand):
    """Make an expert leader of his or her group; undo gives the lead back to the previous
    leader, or leaves the group without one if it had none."""

    def __init__(self, host: PanelHost, expert_id: int, name: str, group_id: int,
                 old_leader: int | None) -> None:
        super().__init__(host, QCoreApplication.translate("PanelCommands", "Make %1 group leader").replace("%1", name))
        self.expert_id, self.group_id, self.old_leader = expert_id, group_id, old_leader

    def forward(self, ws: Workspace) -> None:
        set_group_leader(ws, self.expert_id)

    def backward(self, ws: Workspace) -> None:
        if self.old_leader is None:
            clear_group_leader(ws, self.group_id)
        else:
            set_group_leader(ws, self.old_leader)


def assigned_rounds(ws: Workspace, year: int, expert_id: int, alliance_id: int) -> list[str]:
    """The rounds in which the expert is assigned the alliance (a declaration drops them)."""
    return [r for r in ROUNDS if alliance_id in assignments_for_expert(ws, year, r, expert_id)]


class DeclareConflictCommand(PanelCommand):
    def __init__(self, host: PanelHost, year: int, expert_id: int, expert_name: str,
                 alliance_id: int, alliance_code: str, reason: str,
                 dropped_rounds: list[str]) -> None:
        super().__init__(host, QCoreApplication.translate("PanelCommands", "Declare conflict %1 – %2").replace(
            "%1", expert_name).replace("%2", alliance_code))
        self.year, self.expert_id, self.alliance_id = year, expert_id, alliance_id
        self.reason, self.dropped_rounds = reason, dropped_rounds

    def forward(self, ws: Workspace) -> None:
        declare_conflict(ws, self.expert_id, self.alliance_id, self.reason)

    def backward(self, ws: Workspace) -> None:
        conflict = conflict_for(ws, self.expert_id, self.alliance_id)
        if conflict is not None:
            remove_conflict(ws, conflict.id)
        for round_ in self.dropped_rounds:
            add_assignment(ws, self.year, round_, self.expert_id, self.alliance_id)


class RemoveConflictCommand(PanelCommand):
    def __init__(self, host: PanelHost, expert_id: int, expert_name: str, alliance_id: int,
                 alliance_code: str, reason: str) -> None:
        super().__init__(host, QCoreApplication.translate("PanelCommands", "Remove conflict %1 – %2").replace(
            "%1", expert_name).replace("%2", alliance_code))
        self.expert_id, self.alliance_id, self.reason = expert_id, alliance_id, reason

    def forward(self, ws: Workspace) -> None:
        conflict = conflict_for(ws, self.expert_id, self.alliance_id)
        if conflict is not None:
            remove_conflict(ws, conflict.id)

    def backward(self, ws: Workspace) -> None:
        declare_conflict(ws, self.expert_id, self.alliance_id, self.reason)


class ToggleAssignmentCommand(PanelCommand):
    def __init__(self, host: PanelHost, year: int, round_: str, expert_id: int,
                 expert_name: str, alliance_id: int, alliance_code: str,
                 assigned: bool) -> None:
        text = QCoreApplication.translate("PanelCommands", "Assign %1 to %2") if assigned else QCoreApplication.translate("PanelCommands", "Withdraw %1 from %2")
        super().__init__(host, text.replace("%1", alliance_code).replace("%2", expert_name))
        self.year, self.round, self.expert_id = year, round_, expert_id
        self.alliance_id, self.assigned = alliance_id, assigned

    def _set(self, ws: Workspace, assigned: bool) -> None:
        if assigned:
            add_assignment(ws, self.year, self.round, self.expert_id, self.alliance_id)
        else:
            remove_assignment(ws, self.year, self.round, self.expert_id, self.alliance_id)

    def forward(self, ws: Workspace) -> None:
        self._set(ws, self.assigned)

    def backward(self, ws: Workspace) -> None:
        self._set(ws, not self.assigned)
