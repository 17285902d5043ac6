"""Write files so that a crash leaves the old file or the new one, never half of either.

The new content goes to a temporary file beside the target, is fsynced, and is renamed
over the target; then the folder is made durable: an fsync of the folder on POSIX, a
write-through rename (MoveFileExW with MOVEFILE_WRITE_THROUGH) on Windows, where folders
cannot be fsynced.

On Windows the rename fails with a sharing violation while another program holds the
target open (a workbook open in Excel or WPS, a report in Word) and, briefly, while an
antivirus scanner or OneDrive reads a new file. The rename is retried for about two
seconds; then the write is refused with a Problem naming the file (exit 2), the old file
untouched and the temporary file removed.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

messages.register({
    "atomic.target_in_use": {
        "zh": "无法写入 {path}：该文件正被其他程序（如 Excel、WPS 或 Word）打开，或被杀毒软件、"
              "OneDrive 锁定。请关闭该文件后重试，或另存为其他文件名。",
        "en": "Cannot write {path}: the file is open in another program (such as Excel, WPS "
              "or Word) or locked by antivirus software or OneDrive. Close it and try again, "
              "or save under another name.",
    },
})

# Seconds to wait before each retry of a refused rename (about 2 s in all).
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.6, 0.8)


@contextmanager
def atomic_write(path: Path | str, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success fsync it and rename over `path`."""
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temp_files(path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix or ".tmp",
                                        dir=path.parent)
    except OSError as exc:
        raise _naming(exc, path) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        replace_with_retries(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _naming(exc, path) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


STALE_AFTER_SECONDS = 3600


def remove_stale_temp_files(path: Path) -> None:
    """Remove the temp files an interrupted write of `path` left beside it (a kill, a full
    disk), once older than an hour: a younger one may be another program's write now."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    prefix = f".{path.name}."
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            continue


def _naming(exc: OSError, path: Path) -> OSError:
    """The error about the temp file (or the folder) names the file the user chose."""
    if exc.filename is not None and Path(str(exc.filename)).name == path.name:
        return exc
    # The fourth argument is the Windows error code (ignored elsewhere).
    return type(exc)(exc.errno, exc.strerror, str(path), getattr(exc, "winerror", None))


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    with atomic_write(path) as tmp:
        tmp.write_bytes(data)


def replace_with_retries(source: Path, target: Path,
                         delays: tuple[float, ...] = REPLACE_RETRY_DELAYS) -> None:
    """Rename `source` over `target`, retrying while the target is held open elsewhere;
    EvaluatorError `atomic.target_in_use` when it stays so."""
    for delay in (*delays, None):
        try:
            replace_file(source, target)
            return
        except PermissionError:
            if delay is None:
                raise EvaluatorError(Problem("atomic.target_in_use", {"path": str(target)},
                                             file=str(target))) from None
            time.sleep(delay)


def replace_file(source: Path, target: Path) -> None:
    """The rename itself: os.replace, write-through on Windows."""
    if sys.platform == "win32":
        import ctypes

        replace_existing, write_through = 0x1, 0x8
        move = ctypes.windll.kernel32.MoveFileExW
        if not move(str(source), str(target), replace_existing | write_through):
            # Sharing violation and access denied become PermissionError, as from os.replace.
            raise ctypes.WinError()
        return
    os.replace(source, target)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return  # the rename above was write-through
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
