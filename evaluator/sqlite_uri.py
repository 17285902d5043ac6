"""SQLite URIs for a file path, safe on every OS.

`Path.resolve()` on Windows turns a mapped network drive (`Z:\\评审\\ws.evdb`) into its UNC
name (`\\\\server\\share\\评审\\ws.evdb`), and `as_uri()` of that is `file://server/share/...`:
SQLite refuses any authority but `localhost`, so the file would look unusable. These URIs
keep the path as the user gave it (made absolute, never resolved) and their authority is
always empty: `file:///home/x.evdb`, `file:///Z:/x.evdb`, `file:////server/share/x.evdb`.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote


def absolute_path(path: Path | str) -> Path:
    """`path` made absolute without resolving links or mapped drives."""
    return Path(os.path.abspath(path))


def file_uri(path: PurePath | str) -> str:
    """`file://` + an empty authority + the absolute path, percent-quoted (`?`, `#`, `%`
    and spaces in folder names must not end the path)."""
    if isinstance(path, PureWindowsPath) and not isinstance(path, Path):
        text = path.as_posix()  # a Windows path examined on another OS (tests)
    else:
        text = absolute_path(str(path)).as_posix()
    if not text.startswith("/"):
        text = "/" + text  # C:/x -> /C:/x
    return "file://" + quote(text, safe="/:")


def read_only_uri(path: PurePath | str) -> str:
    """A URI that opens `path` read-only (`sqlite3.connect(uri, uri=True)`)."""
    return f"{file_uri(path)}?mode=ro"
