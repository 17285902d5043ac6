"""The audit log's actions and entities as people read them (操作 and 对象 of the 审计 sheet,
the trace dialog): the stored codes stay English, what is shown is in the UI language."""

from __future__ import annotations

from evaluator import messages

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
    "demo": ("演示数据", "Demo data"),
}


def _pick(table: dict[str, tuple[str, str]], code: str, lang: str | None) -> str:
    pair = table.get(code)
    if pair is None:
        return code
    return pair[0] if (lang or messages.current_language()) == "zh" else pair[1]


def action_text(action: str, lang: str | None = None) -> str:
    return _pick(ACTIONS, action, lang)


def entity_text(entity: str, lang: str | None = None) -> str:
    return _pick(ENTITIES, entity, lang)
