"""The panel as a table: role, name, organisation, title, group, leader, matched alliance,
conflicts. The group column is editable (a combo delegate writes a group id) and the
leader column is checkable; both go through `evaluator.panel`, which may refuse."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from evaluator.errors import EvaluatorError
from evaluator.panel import (
    Expert,
    Group,
    conflicts,
    list_experts,
    list_groups,
    role_label,
    set_expert_group,
    set_group_leader,
)
from evaluator.workspace import Workspace
from ui.models.rows_model import Index, RowsTableModel, checked

ROLE, NAME, ORGANISATION, TITLE, GROUP, LEADER, ALLIANCE, CONFLICTS = range(8)
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the group id behind the group column
EXPERT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ExpertTableModel(RowsTableModel[Expert]):
    HEADERS = (QT_TRANSLATE_NOOP("ExpertTableModel", "Role"),
               QT_TRANSLATE_NOOP("ExpertTableModel", "Name"),
               QT_TRANSLATE_NOOP("ExpertTableModel", "Organisation"),
               QT_TRANSLATE_NOOP("ExpertTableModel", "Title"),
               QT_TRANSLATE_NOOP("ExpertTableModel", "Group"),
               QT_TRANSLATE_NOOP("ExpertTableModel", "Group leader"),
               QT_TRANSLATE_NOOP("ExpertTableModel", "Matched alliance"),
               QT_TRANSLATE_NOOP("ExpertTableModel", "Conflicts"))
    ROW_NUMBERS = True
    refused = Signal(str)
    changed = Signal()
    # What a click changed, for the undo stack: expert id, old group id, new group id,
    # whether the expert led the old group.
    group_moved = Signal(int, object, object, bool)
    leader_set = Signal(int, object)  # expert id, the group's previous leader id (or None)

    def __init__(self, ws: Workspace | None = None, year: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.year = year
        self.groups: list[Group] = []
        self.conflict_codes: dict[int, list[str]] = {}
        self.reload()

    def set_workspace(self, ws: Workspace | None, year: int | None) -> None:
        self.ws = ws
        self.year = year
        self.reload()

    def reload(self) -> None:
        if self.ws is None or self.year is None:
            self.groups, self.conflict_codes = [], {}
            self.set_rows([])
            return
        self.groups = list_groups(self.ws, self.year)
        self.conflict_codes = {}
        for c in conflicts(self.ws, self.year):
            self.conflict_codes.setdefault(c.expert_id, []).append(c.alliance_code)
        self.set_rows(list_experts(self.ws, self.year))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        expert = self.rows[index.row()]
        column = index.column()
        if role == EXPERT_ID_ROLE:
            return expert.id
        if role == GROUP_ID_ROLE and column == GROUP:
            return expert.group_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == ROLE:
                return role_label(expert.role)
            if column == NAME:
                return expert.name
            if column == ORGANISATION:
                return expert.organisation
            if column == TITLE:
                return expert.title
            if column == GROUP:
                if not expert.scores:
                    return self.tr("(does not score)")
                return expert.group_name or ""
            if column == ALLIANCE:
                return expert.alliance_code or ""
            if column == CONFLICTS:
                return ", ".join(self.conflict_codes.get(expert.id, []))
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column == LEADER and expert.scores:
            return Qt.CheckState.Checked if expert.is_group_leader else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ORGANISATION:
                return expert.organisation
            if column == ALLIANCE and expert.alliance_id is None and expert.organisation:
                return self.tr("The organisation matches no alliance in the registry")
            if column == GROUP:
                return self.tr("Double-click to move the expert to another group")
        if role == Qt.ItemDataRole.ForegroundRole and column == GROUP and not expert.scores:
            return QBrush(QColor("#757575"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        expert = self.rows[index.row()]
        if index.column() == GROUP:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == LEADER and expert.scores and expert.group_id is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.ws is None:
            return False
        expert = self.rows[index.row()]
        notify: tuple[Signal, tuple[object, ...]] | None = None
        try:
            if index.column() == GROUP and role in (Qt.ItemDataRole.EditRole, GROUP_ID_ROLE):
                group_id = None if value in (None, "", -1) else int(value)
                if group_id == expert.group_id:
                    return True
                set_expert_group(self.ws, expert.id, group_id)
                notify = (self.group_moved, (expert.id, expert.group_id, group_id,
                                             expert.is_group_leader))
            elif index.column() == LEADER and role == Qt.ItemDataRole.CheckStateRole:
                if not checked(value):
                    # A group always keeps its leader: choose another member instead.
                    return False
                if expert.is_group_leader:
                    return True
                old_leader = next((g.leader_id for g in self.groups
                                   if g.id == expert.group_id), None)
                set_group_leader(self.ws, expert.id)
                notify = (self.leader_set, (expert.id, old_leader))
            else:
                return False
        except EvaluatorError as error:
            self.refused.emit(error.render())
            return False
        # A leader change touches the other members of the group too: re-read the rows.
        self.rows = list_experts(self.ws, self.year)
        self.groups = list_groups(self.ws, self.year)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 7))
        if notify is not None:
            notify[0].emit(*notify[1])
        self.changed.emit()
        return True

