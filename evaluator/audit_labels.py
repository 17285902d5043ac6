"""The audit log as people read it (the 审计 sheet, the trace dialog): actions, entities,
keys and the recorded old and new values in the UI language; the stored codes and JSON
stay as they are."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from evaluator import messages
from evaluator.bands import band_name
from evaluator.problems import Problem
from evaluator.rounds import ROUNDS, round_label
from evaluator.settings import SETTINGS_BY_KEY
from evaluator.timefmt import local_time

ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("新建", "Created"),
    "update": ("修改", "Changed"),
    "delete": ("删除", "Deleted"),
    "import": ("导入", "Imported"),
    "export": ("导出", "Exported"),
    "merge": ("合并评分文件", "Score file merged"),
    "merge_unchanged": ("评分文件未变（已合并过）", "Score file unchanged (merged before)"),
    "merge_rejected": ("拒收评分文件", "Score file rejected"),
    "decide": ("复核会评决定", "Plenary decision"),
    "publish": ("发布结果", "Results published"),
    "assign": ("分配评审任务", "Assigned"),
    "clear": ("清除", "Cleared"),
    "form": ("编组", "Groups formed"),
    "load": ("载入", "Loaded"),
    "backup": ("备份", "Backed up"),
    "restore": ("恢复", "Restored"),
    "choose": ("选择", "Chosen"),
    "revoke": ("作废密钥", "Key revoked"),
}
ENTITIES: dict[str, tuple[str, str]] = {
    "workspace": ("工作区", "Workspace"),
    "year": ("评价年度", "Evaluation year"),
    "year.rubric": ("年度评价指标", "Year's indicators"),
    "rubric": ("评价指标", "Indicators"),
    "setting": ("设置", "Setting"),
    "programme_size": ("试点联盟数", "Programme size"),
    "working_name": ("操作人", "Who is working"),
    "alliance": ("联盟", "Alliance"),
    "alliance_alias": ("联盟别名", "Alliance alias"),
    "registry": ("联盟名录", "Registry"),
    "submission": ("填报信息", "Submission"),
    "submissions": ("填报信息", "Submissions"),
    "panel": ("专家组", "Expert panel"),
    "expert": ("专家", "Expert"),
    "expert.group": ("专家分组", "Expert's group"),
    "expert_group": ("专家小组", "Expert group"),
    "expert_group.leader": ("小组组长", "Group leader"),
    "expert_groups": ("专家小组", "Expert groups"),
    "conflict": ("利益冲突", "Conflict of interest"),
    "assignment": ("评审任务", "Assignment"),
    "assignments": ("评审任务", "Assignments"),
    "package": ("专家评审包", "Expert package"),
    "group_package": ("组评审包", "Group package"),
    "score_file": ("评分文件", "Score file"),
    "scores": ("评分", "Scores"),
    "plenary_decision": ("复核会评决定", "Plenary decision"),
    "results": ("评价结果", "Results"),
    "history": ("历年结果", "Past results"),
    "history_result": ("一家联盟的历年结果", "An alliance's past result"),
    "expert_key": ("专家的签名密钥", "Expert's signing key"),
    "demo": ("演示数据", "Demo data"),
}


def _pick(table: Mapping[Any, tuple[str, str]], code: Any, lang: str | None) -> str:
    pair = table.get(code)
    if pair is None:
        return str(code)
    return pair[0] if (lang or messages.current_language()) == "zh" else pair[1]


def action_text(action: str, lang: str | None = None) -> str:
    return _pick(ACTIONS, action, lang)


def entity_text(entity: str, lang: str | None = None) -> str:
    return _pick(ENTITIES, entity, lang)


# -- what an entry recorded (原值 and 新值), in people's words ------------------------------

FIELDS: dict[str, tuple[str, str]] = {
    "id": ("记录编号", "Record number"),
    "year": ("年度", "Year"),
    "round": ("轮次", "Round"),
    "name": ("名称", "Name"),
    "code": ("联盟代码", "Alliance code"),
    "batch_id": ("批次", "Batch"),
    "title": ("标题", "Title"),
    "created_at": ("创建时间", "Created at"),
    "rubric_id": ("评价指标", "Indicators"),
    "indicators": ("二级指标数", "Indicators"),
    "source": ("来源", "Source"),
    "source_file": ("来源文件", "Source file"),
    "file": ("文件", "File"),
    "rows": ("行数", "Rows"),
    "files": ("文件数", "Files"),
    "records": ("记录数", "Records"),
    "created": ("新增", "Created"),
    "added": ("新增", "Added"),
    "updated": ("更新", "Updated"),
    "unchanged": ("未变", "Unchanged"),
    "removed": ("删除", "Removed"),
    "count": ("数量", "Count"),
    "seed": ("随机种子", "Random seed"),
    "groups": ("各组分配", "Per group"),
    "group": ("专家小组", "Group"),
    "sort": ("排序", "Order"),
    "role": ("角色", "Role"),
    "organisation": ("所在单位", "Organisation"),
    "alliance_id": ("联盟", "Alliance"),
    "expert_id": ("专家", "Expert"),
    "group_id": ("专家小组", "Group"),
    "is_group_leader": ("组长", "Group leader"),
    "reason": ("理由", "Reason"),
    "alliances": ("联盟数", "Alliances"),
    "members": ("组员数", "Members"),
    "scores": ("评分数", "Scores"),
    "key_fingerprint": ("签名密钥指纹", "Signing key fingerprint"),
    "expert": ("专家", "Expert"),
    "sequence": ("导出序号", "Export number"),
    "superseded_sequence": ("被替换的导出序号", "Export number replaced"),
    "sha256": ("文件校验值（SHA-256）", "File checksum (SHA-256)"),
    "signed": ("已签名", "Signed"),
    "unsigned": ("未签名", "Unsigned"),
    "legacy_signature": ("旧签名", "Old-style signature"),
    "revoked_key": ("已作废的密钥", "Revoked key"),
    "via_group_file": ("所在组文件", "In group file"),
    "problems": ("问题", "Problems"),
    "warnings": ("提示", "Warnings"),
    "contact": ("联系人", "Contact"),
    "phone": ("联系电话", "Phone"),
    "filed_on": ("填报日期", "Filed on"),
    "score": ("分数", "Score"),
    "band": ("活跃度", "Band"),
    "from": ("来源", "From"),
    "decision": ("决定", "Decision"),
    "consensus_before": ("决定前共识分", "Consensus before"),
    "decided_by": ("决定人", "Decided by"),
    "decided_at": ("决定时间", "Decided at"),
    "superseded_by": ("被替代于记录", "Superseded by record"),
    "code_as_published": ("发布时的代码", "Code as published"),
    "name_as_published": ("发布时的名称", "Name as published"),
    "basis": ("依据", "Basis"),
    "recorded_at": ("记录时间", "Recorded at"),
}
# Where an entity's field means something narrower than the general word.
_ENTITY_FIELDS: dict[tuple[str, str], tuple[str, str]] = {
    ("expert", "name"): ("姓名", "Name"),
    ("expert", "title"): ("职务", "Title"),
    ("year", "title"): ("标题", "Title"),
    ("alliance", "name"): ("联盟名称", "Alliance name"),
    ("rubric", "name"): ("指标体系名称", "Name"),
}
# Coded values, by the field that holds them.
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "decision": {"accept": ("维持共识分", "Consensus kept"),
                 "override": ("改定分数", "Score set")},
    "source": {"affiliation": ("本人所在单位", "The expert's organisation"),
               "declared": ("本人申报", "Declared"), "demo": ("演示数据", "Demo data"),
               "history": ("历年结果", "Past results"), "plenary": ("复核会评决定", "Plenary"),
               "consensus": ("共识分", "Consensus")},
    "from": {"plenary": ("复核会评决定", "Plenary"), "consensus": ("共识分", "Consensus"),
             "history": ("历年结果", "Past results")},
    "basis": {"plenary": ("复核会评决定", "Plenary"), "consensus": ("共识分", "Consensus")},
    "reason": {"conflict": ("利益冲突回避", "Conflict of interest"),
               "manual": ("手动备份", "Manual backup")},
    "batch_id": {"1": ("第一批", "First batch"), "2": ("第二批", "Second batch"),
                 "3": ("第三批", "Third batch"), "d": ("网员", "Network member")},
}
_TIMES = ("created_at", "decided_at", "recorded_at", "exported_at", "at")
_YES_NO = ("signed", "unsigned", "legacy_signature", "revoked_key", "is_group_leader")
_ALIAS_KINDS = {"name": ("曾用名", "Former name"), "code": ("曾用代码", "Former code")}


@dataclass(frozen=True)
class AuditNames:
    """Who and what the stored ids stand for (`audit_log.audit_names` reads them)."""

    alliances: Mapping[int, str] = field(default_factory=dict)  # id -> "101 名称"
    experts: Mapping[int, str] = field(default_factory=dict)
    groups: Mapping[int, str] = field(default_factory=dict)
    rubrics: Mapping[int, str] = field(default_factory=dict)
    alliance_codes: Mapping[str, str] = field(default_factory=dict)  # code -> "101 名称"

    def of(self, kind: str, value: Any) -> str:
        table: Mapping[int, str] = getattr(self, kind)
        try:
            return table.get(int(value), str(value))
        except (TypeError, ValueError):
            return str(value)


_ID_FIELDS = {"alliance_id": "alliances", "expert_id": "experts", "group_id": "groups",
              "rubric_id": "rubrics"}


def _zh(lang: str | None) -> bool:
    return (lang or messages.current_language()) == "zh"


def field_text(key: str, lang: str | None = None, entity: str = "") -> str:
    if (entity, key) in _ENTITY_FIELDS:
        return _pick(_ENTITY_FIELDS, (entity, key), lang)
    return _pick(FIELDS, key, lang)


def value_text(value: Any, lang: str | None = None, names: AuditNames | None = None, *,
               entity: str = "", key: str = "") -> str:
    """An audit entry's old or new value as people read it: every field named in the
    language, ids as names, rounds, bands and codes as words, times in local time."""
    names = names or AuditNames()
    zh = _zh(lang)
    if value is None:
        return "—"
    if isinstance(value, bool) or (key in _YES_NO and value in (0, 1)):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if isinstance(value, dict):
        return _dict_text(value, lang, names, entity, key)
    if isinstance(value, list):
        if key == "problems":
            return (" " if not zh else "").join(
                (f"（{i}）" if zh else f"({i}) ") + _problem_code_text(str(v), lang)
                for i, v in enumerate(value, start=1))
        if key == "warnings":
            return _warnings_text(value, lang)
        parts = [value_text(v, lang, names, entity=entity, key=key) for v in value]
        if any(isinstance(v, dict) for v in value):
            return ("；" if zh else "; ").join(parts)
        return ("、" if zh else ", ").join(parts)
    if key in _ID_FIELDS:
        return names.of(_ID_FIELDS[key], value)
    if key == "round":
        return round_label(str(value), lang)
    if key == "band":
        return band_name(str(value), lang)
    if key == "role":
        return messages.text(f"role.{value}", lang) if messages.has_text(f"role.{value}") \
            else str(value)
    if key in _TIMES:
        return local_time(str(value), "zh" if zh else "en")
    if key in _VALUES and str(value) in _VALUES[key]:
        return _pick(_VALUES[key], str(value), lang)
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def number_text(value: float) -> str:
    """A recorded number as the report writes it: 85, 79.5, 79.53 (two places at most)."""
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


def _dict_text(value: dict[str, Any], lang: str | None, names: AuditNames, entity: str,
               key: str) -> str:
    zh = _zh(lang)
    colon, comma = ("：", "，") if zh else (": ", ", ")
    parts = []
    for k, v in value.items():
        if key == "groups":  # group name -> alliance codes
            label = str(k)
        elif entity == "programme_size":  # batch -> official number of alliances
            label = _pick(_VALUES["batch_id"], str(k), lang)
        else:
            label = field_text(str(k), lang, entity)
        inner = value_text(v, lang, names, entity=entity, key=str(k) if key != "groups"
                           else "codes")
        parts.append(f"{label}{colon}{inner}")
    return comma.join(parts)


def _problem_code_text(code: str, lang: str | None) -> str:
    """A problem recorded by its code alone: its text with the missing details left out."""
    if not messages.has_text(code):
        return code
    template = messages.template(code, "zh" if _zh(lang) else "en")
    return re.sub(r"\{[^}]*\}", "…", template)


def _warnings_text(value: list[Any], lang: str | None) -> str:
    shown = []
    for item in value:
        if isinstance(item, dict) and "code" in item:
            problem = Problem(str(item["code"]), dict(item.get("params") or {}),
                              file=item.get("file"), sheet=item.get("sheet"),
                              row=item.get("row"), column=item.get("column"))
            # the field's name says they are warnings: no second 提示 before each
            shown.append(messages.render_problem(problem, "zh" if _zh(lang) else "en"))
        else:
            shown.append(str(item))
    return ("；" if _zh(lang) else "; ").join(shown)


# Entities whose keys the core builds from parts (year, round, names, ids).
_STRUCTURED_KEYS = {"assignments", "assignment", "package", "group_package", "scores", "expert",
                    "expert.group", "expert_group", "expert_group.leader", "conflict",
                    "alliance_alias", "history_result"}


def key_text(entity: str, key: str, lang: str | None = None,
             names: AuditNames | None = None) -> str:
    """An entry's key (`2018:initial`, `12:34`, `bands.high`) as people read it: rounds by
    name, the ids of experts and alliances as their names, settings by their label."""
    names = names or AuditNames()
    if entity in ("plenary_decision", "alliance") and key in names.alliance_codes:
        return names.alliance_codes[key]
    if entity == "setting" and key in SETTINGS_BY_KEY:
        setting = SETTINGS_BY_KEY[key]
        return setting.label if _zh(lang) else setting.label_en
    if entity not in _STRUCTURED_KEYS:
        return key
    separator = "/" if "/" in key else ":"
    parts = key.split(separator)
    if len(parts) < 2:
        return key
    shown = [round_label(p, lang) if p in ROUNDS else p for p in parts]
    ids = [i for i, p in enumerate(parts) if p.isdigit() and len(p) < 9]
    if entity == "conflict" and len(parts) == 2 and len(ids) == 2:
        shown = [names.of("experts", parts[0]), names.of("alliances", parts[1])]
    elif entity == "assignment" and len(parts) == 3 and ids == [1, 2]:  # round:expert:alliance
        shown[1:] = [names.of("experts", parts[1]), names.of("alliances", parts[2])]
    elif entity == "scores" and len(parts) == 3 and 2 in ids:  # year/round/expert
        shown[2] = names.of("experts", parts[2])
    elif entity == "history_result" and len(parts) == 2:  # year:alliance code
        shown[1] = names.alliance_codes.get(parts[1], parts[1])
    elif entity == "alliance_alias" and len(parts) == 2 and 0 in ids:  # alliance:kind
        shown = [names.of("alliances", parts[0]), _pick(_ALIAS_KINDS, parts[1], lang)]
    return " / ".join(shown) if separator == "/" else "：".join(shown) if _zh(lang) \
        else ": ".join(shown)
