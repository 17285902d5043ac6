"""Chinese and English texts for the core's problems and reports.

Each feature module registers its own catalogue with `register`; the core stays free of
UI prose in the sense that views and the CLI decide the language and render.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from evaluator.problems import Problem

_CATALOGUE: dict[str, dict[str, str]] = {}
_language_override: str | None = None


def register(catalogue: dict[str, dict[str, str]]) -> None:
    """Add message templates: {code: {"zh": "...", "en": "..."}} with str.format fields."""
    for code, texts in catalogue.items():
        if "zh" not in texts or "en" not in texts:
            raise ValueError(f"message {code!r} needs both zh and en")
        _CATALOGUE[code] = texts


def set_language(lang: str | None) -> None:
    global _language_override
    _language_override = lang


def explicit_language() -> str | None:
    """The language chosen on the command line (--lang), if any."""
    return _language_override


def current_language() -> str:
    """zh for Chinese locales and for an unset locale (the product's default), else en."""
    if _language_override:
        return _language_override
    env = os.environ.get("EVALUATOR_LANG")
    if env in ("zh", "en"):
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return _lang_of(value)
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return _lang_of(loc) if loc else "zh"


def _lang_of(value: str) -> str:
    value = value.lower()
    if value.startswith("zh") or "chinese" in value:
        return "zh"
    if value in ("c", "posix", "c.utf-8", "c.utf8"):
        return "zh"
    return "en"


@dataclass(frozen=True)
class Text:
    """A message inside a message's parameters (a reason, a kind of file): rendered in the
    language of the message around it, so no English fragment lands in Chinese prose."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return text(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.render()


def has_text(message_code: str) -> bool:
    return message_code in _CATALOGUE


def template(message_code: str, lang: str | None = None) -> str:
    """The registered template itself, its {fields} unfilled."""
    return _CATALOGUE[message_code][lang or current_language()]


def text(message_code: str, /, lang: str | None = None, **params: Any) -> str:
    lang = lang or current_language()
    params = {k: v.render(lang) if isinstance(v, Text) else v for k, v in params.items()}
    texts = _CATALOGUE.get(message_code)
    if texts is None:
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{message_code}({detail})" if detail else message_code
    try:
        return texts[lang].format(**params)
    except (KeyError, IndexError):
        return texts[lang]


_LOCATION = {
    "zh": {"file": "文件 {}", "sheet": "工作表“{}”", "row": "第 {} 行", "column": "“{}”列"},
    "en": {"file": "file {}", "sheet": "sheet '{}'", "row": "row {}", "column": "column '{}'"},
}


def location(problem: Problem, lang: str | None = None) -> str:
    lang = lang or current_language()
    parts = []
    for key in ("file", "sheet", "row", "column"):
        value = getattr(problem, key)
        if value is not None and value != "":
            parts.append(_LOCATION[lang][key].format(value))
    sep = "，" if lang == "zh" else ", "
    return sep.join(parts)


def render_problem(problem: Problem, lang: str | None = None) -> str:
    lang = lang or current_language()
    where = location(problem, lang)
    body = text(problem.code, lang, **problem.params)
    if problem.severity == "warning":
        body = ("提示：" if lang == "zh" else "Warning: ") + body
    if not where:
        return body
    return f"{where}：{body}" if lang == "zh" else f"{where}: {body}"


register(
    {
        "workspace.missing": {
            "zh": "找不到工作区文件 {path}",
            "en": "Workspace file {path} does not exist",
        },
        "workspace.exists": {
            "zh": "文件 {path} 已存在，不会覆盖",
            "en": "File {path} already exists; it will not be overwritten",
        },
        "workspace.not_sqlite": {
            "zh": "{path} 不是评审工作区文件（应为 .evdb 格式的 SQLite 数据库）",
            "en": "{path} is not an evaluator workspace (expected an .evdb SQLite database)",
        },
        "workspace.too_new": {
            "zh": "工作区 {path} 由更新的版本创建（结构版本 {found}，本程序最高支持 {supported}），请升级程序",
            "en": "Workspace {path} was written by a newer version (schema {found}, this "
            "program supports up to {supported}); please upgrade",
        },
        "os.no_space": {
            "zh": "磁盘已满，无法写入 {path}；请清理磁盘空间（或换一个磁盘、U 盘）后再试。已保存的数据未受影响",
            "en": "The disk is full; {path} could not be written. Free some space (or use "
            "another disk) and try again. Data already saved is unaffected",
        },
        "os.permission": {
            "zh": "没有权限写入或读取 {path}（{reason}）；如果文件正在 Excel 或 WPS 中打开，请先关闭它，"
            "或选择另一个文件夹",
            "en": "No permission to write or read {path} ({reason}); if the file is open in "
            "Excel or WPS close it first, or choose another folder",
        },
        "os.locked": {
            "zh": "{path} 正被另一个程序（例如 Excel 或 WPS）占用；请关闭该文件后再试",
            "en": "{path} is in use by another program (Excel or WPS, for example); close it "
            "and try again",
        },
        "os.database_full": {
            "zh": "磁盘已满，这次修改没有保存；请清理磁盘空间后再试。之前已保存的数据未受影响",
            "en": "The disk is full and this change was not saved; free some space and try "
            "again. Data saved before is unaffected",
        },
        "os.database_read_only": {
            "zh": "工作区所在位置是只读的，这次修改没有保存；请把工作区复制到可写的文件夹",
            "en": "The workspace is on a read-only location and this change was not saved; "
            "copy the workspace to a writable folder",
        },
        "os.read_only": {
            "zh": "{path} 所在位置是只读的，无法写入；请选择另一个文件夹",
            "en": "{path} is on a read-only location and cannot be written; choose another "
            "folder",
        },
        "os.is_folder": {
            "zh": "{path} 是文件夹，这里需要一个文件；请给出文件名（例如 结果.xlsx）",
            "en": "{path} is a folder, but a file is needed here; give a file name (for "
            "example results.xlsx)",
        },
        "os.not_a_folder": {
            "zh": "{path} 的上级路径中有一项不是文件夹；请检查路径",
            "en": "Part of the path {path} is not a folder; check the path",
        },
        "os.missing": {
            "zh": "找不到 {path}；请检查文件名和文件夹",
            "en": "{path} does not exist; check the file name and folder",
        },
        "os.io_error": {
            "zh": "读写磁盘时出错（{reason}）；磁盘可能已满或已拔出，请检查后再试。已保存的数据未受影响",
            "en": "The disk could not be read or written ({reason}); it may be full or "
            "removed. Check it and try again. Data already saved is unaffected",
        },
        "os.other": {
            "zh": "无法读写 {path}：{reason}",
            "en": "Could not read or write {path}: {reason}",
        },
        "workspace.busy": {
            "zh": "工作区 {path} 正被另一个程序写入，等待后仍未结束；请稍后再试，"
            "或关闭正在汇总、导入的另一个窗口",
            "en": "Workspace {path} is being written by another program and it has not "
            "finished; try again in a moment, or close the other window that is merging or "
            "importing",
        },
        "workspace.network_share": {
            "zh": "工作区 {path} 位于网络共享文件夹，本工作区设置为不在网络位置打开：请把它复制到"
            "本机硬盘再打开，或在「设置」中取消“网络共享文件夹上的工作区拒绝打开”",
            "en": "Workspace {path} is on a network share and this workspace is set to refuse "
            "network locations: copy it to a local disk, or clear 'Refuse a workspace on a "
            "network share' in Settings",
        },
        "workspace.waiting": {
            "zh": "工作区 {path} 正被另一个程序写入，等待其完成…",
            "en": "Workspace {path} is being written by another program; waiting for it…",
        },
        "workspace.is_folder": {
            "zh": "{path} 是文件夹，不是工作区文件；请选择其中的 .evdb 文件",
            "en": "{path} is a folder, not a workspace file; choose the .evdb file in it",
        },
        "workspace.read_only": {
            "zh": "工作区 {path} 以只读方式打开（{why}），不能修改；查看、导出到其他文件夹不受影响。"
            "如需修改，请把工作区复制到可写的文件夹，或取消文件的只读属性",
            "en": "Workspace {path} is open read-only ({why}) and cannot be changed; viewing "
            "and exporting elsewhere still work. To change it, copy it to a writable folder "
            "or clear the file's read-only attribute",
        },
        "workspace.read_only.file": {
            "zh": "文件是只读的",
            "en": "the file is read-only",
        },
        "workspace.read_only.folder": {
            "zh": "所在文件夹不可写",
            "en": "its folder cannot be written",
        },
        "workspace.read_only_upgrade": {
            "zh": "工作区 {path} 需要升级到本程序的结构版本，但{why}；请把它复制到可写的文件夹后再打开",
            "en": "Workspace {path} needs upgrading to this program's schema, but {why}; copy "
            "it to a writable folder and open it there",
        },
        "workspace.suffix": {
            "zh": "工作区文件名应以 .evdb 结尾：{path}",
            "en": "A workspace file name must end in .evdb: {path}",
        },
        "year.unknown": {
            "zh": "工作区中没有 {year} 年度的评价",
            "en": "The workspace holds no evaluation for {year}",
        },
        "year.none": {
            "zh": "工作区中还没有评价年度，请先用 init 创建",
            "en": "The workspace holds no evaluation year yet; create one with init",
        },
        "year.rubric_in_use": {
            "zh": "{year} 年度已有 {count} 条评分，不能再更换指标体系；评分是按现有指标体系给出的",
            "en": "{year} already holds {count} scores, so its indicator system can no longer "
            "be changed: the scores were given against it",
        },
        "year.exists": {
            "zh": "{year} 年度已存在",
            "en": "Year {year} already exists",
        },
        "file.missing": {"zh": "找不到文件 {path}", "en": "File {path} does not exist"},
        "file.unreadable": {
            "zh": "无法读取文件 {path}：{reason}",
            "en": "Cannot read file {path}: {reason}",
        },
        "cli.bug": {
            "zh": "程序内部错误（已记录到 {log}），请把此文件发给维护人员：{error}",
            "en": "Internal error (logged to {log}); please send that file to the "
            "maintainers: {error}",
        },
    }
)
