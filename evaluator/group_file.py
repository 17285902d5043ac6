"""The group file (`.evgroup`) a group leader sends the secretariat: a zip of
`manifest.json` and the members' original score files byte for byte under `files/`
(docs/formats.md). Written by `group_merge.export_group_file`, unpacked by the merge.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.bounded_json import load_json
from evaluator.bounded_zip import BoundedZip, ZipLimits, open_zip
from evaluator.errors import EvaluatorError, Problem
from evaluator.messages import Text

GROUP_FILE_SUFFIX = ".evgroup"
GROUP_FILE_FORMAT = "evaluator-group-file"
GROUP_FILE_VERSION = 1
MAX_GROUP_FILE_BYTES = 200 * 1024 * 1024
MAX_MEMBER_FILE_BYTES = 50 * 1024 * 1024
MAX_MANIFEST_BYTES = 5 * 1024 * 1024
GROUP_ZIP_LIMITS = ZipLimits(max_members=2_000, max_member_bytes=MAX_MEMBER_FILE_BYTES,
                             max_total_bytes=2 * MAX_GROUP_FILE_BYTES, max_ratio=50)

messages.register({
    "group.not_group_file": {
        "zh": "{path} 不是专家组汇总文件（.evgroup）：{reason}",
        "en": "{path} is not a group file (.evgroup): {reason}",
    },
    "group_file.member_mismatch": {
        "zh": "其中的 {name} 与清单中记录的校验值不符",
        "en": "{name} in it does not match its manifest entry",
    },
    "group_file.unreadable": {
        "zh": "文件已损坏或不是 zip 格式（{error}）",
        "en": "the file is damaged or not a zip ({error})",
    },
    "group_file.no_manifest": {"zh": "缺少文件清单", "en": "no manifest.json"},
    "group_file.not_a_manifest": {
        "zh": "文件清单不是组文件的清单", "en": "no group-file manifest",
    },
    "group_file.no_files": {"zh": "清单中没有列出文件", "en": "the manifest lists no files"},
    "group_file.listed_twice": {
        "zh": "清单中有文件列出了两次", "en": "a member is listed twice in the manifest",
    },
    "group_file.bad_entry": {
        "zh": "清单第 {n} 项不是文件条目", "en": "manifest entry {n} is not a file entry",
    },
})


@dataclass
class GroupFileEntry:
    expert: str
    sequence: int
    sha256: str
    file_name: str


@dataclass
class GroupFile:
    year: int
    round: str
    group: str
    entries: list[GroupFileEntry] = field(default_factory=list)


def is_group_file(path: Path) -> bool:
    return path.suffix.lower() == GROUP_FILE_SUFFIX


def unpack_group_file(path: Path, into: Path) -> list[Path]:
    """The member files inside a group file, written to `into` (a folder for this group
    file alone); refused if the file is missing, the zip is not a group file (its manifest
    not an object with a list of entries), is too large, or a member does not match its
    recorded SHA-256."""
    def refuse(reason: str, **params: Any) -> EvaluatorError:
        return EvaluatorError(Problem("group.not_group_file", {
            "path": path.name, "reason": Text(f"group_file.{reason}", params)},
            file=path.name))

    try:
        with open_zip(path, GROUP_ZIP_LIMITS, max_bytes=MAX_GROUP_FILE_BYTES) as zf:
            entries = _manifest_entries(zf, refuse)
            out: list[Path] = []
            for i, (file_name, sha256) in enumerate(entries, start=1):
                data = zf.read(file_name, MAX_MEMBER_FILE_BYTES)
                if hashlib.sha256(data).hexdigest() != sha256:
                    raise refuse("member_mismatch", name=file_name)
                target = into / f"{path.stem}-{i:03d}-{Path(file_name).name}"
                target.write_bytes(data)
                out.append(target)
            return out
    except EvaluatorError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError,
            NotImplementedError, EOFError, RuntimeError) as exc:
        raise refuse("unreadable", error=type(exc).__name__) from None


def _manifest_entries(zf: BoundedZip,
                      refuse: Callable[..., EvaluatorError]) -> list[tuple[str, str]]:
    """(member file name, SHA-256) of every entry of the manifest, checked for shape."""
    if "manifest.json" not in zf.names():
        raise refuse("no_manifest")
    manifest = load_json(zf.read("manifest.json", MAX_MANIFEST_BYTES), file=zf.name,
                         max_bytes=MAX_MANIFEST_BYTES)
    if not isinstance(manifest, dict) or manifest.get("format") != GROUP_FILE_FORMAT:
        raise refuse("not_a_manifest")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise refuse("no_files")
    entries: list[tuple[str, str]] = []
    for n, entry in enumerate(files, start=1):
        if not (isinstance(entry, dict) and isinstance(entry.get("file_name"), str)
                and isinstance(entry.get("sha256"), str)):
            raise refuse("bad_entry", n=n)
        entries.append((entry["file_name"], entry["sha256"].lower()))
    if len({name for name, _ in entries}) != len(entries):
        raise refuse("listed_twice")
    return entries
