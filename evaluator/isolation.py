"""The first read of an untrusted file, in a child process.

The readers are bounded (evaluator/reading.py), but they end in native code (calamine,
expat, zlib) that a file we did not foresee might still make abort. In the CLI that ends
one command; in the app it would end the window and whatever the user had open. So the app
reads files it received from outside once in a child process first: if the child dies or
hangs on a file, that file is refused with a message and never read in the app's own
process; files the child read (whatever problems it found) are then read for real, where
they behave the same.

The child is started with the "spawn" method (the same on Windows, macOS and Linux, and
safe from a worker thread); one child reads a whole batch, and a new one continues after a
file that killed the previous one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem
from evaluator.progress import NullProgress, Progress, check

if TYPE_CHECKING:
    from evaluator.merge_checks import FileResult

FIRST_READ_TIMEOUT = 120.0  # seconds for one file, start-up of the child included

messages.register({
    "reading.reader_crashed": {
        "zh": "读取文件时读取程序异常终止（{reason}），文件未被导入。请在 Excel/WPS 中打开该"
              "文件并另存为 .xlsx 后重试，或请发送方重新导出",
        "en": "The reader stopped abnormally on this file ({reason}); it was not imported. "
              "Open it in Excel or WPS and save it again as .xlsx, or ask the sender to "
              "export it again",
    },
    "reading.reason.reader_silent": {
        "zh": "{seconds} 秒内没有读完", "en": "no answer in {seconds} s",
    },
    "reading.reason.reader_exit": {
        "zh": "退出码 {code}", "en": "exit code {code}",
    },
})


def probe_score_file(path: str) -> None:
    """Read a score file (or each member of a group file) as a merge would."""
    from evaluator.group_file import is_group_file, unpack_group_file
    from evaluator.scorefile import read_score_file

    file = Path(path)
    if not is_group_file(file):
        read_score_file(file)
        return
    with tempfile.TemporaryDirectory(prefix="evaluator-probe-") as folder:
        try:
            members = unpack_group_file(file, Path(folder))
        except EvaluatorError:
            return
        for member in members:
            read_score_file(member)


def probe_table_file(path: str) -> None:
    """Read a registry, submissions, panel or history file as its importer would."""
    from evaluator.reading import read_tables

    try:
        read_tables(path)
    except EvaluatorError:
        pass


def probe_score_template(path: str) -> None:
    """Read an expert's filled template as its import does (calamine, then openpyxl for
    the formulas)."""
    from evaluator.scorefile import SCORES_SHEET
    from evaluator.scoring import _formula_cells
    from evaluator.xlsx_reading import read_workbook

    try:
        read_workbook(path)
    except EvaluatorError:
        return
    _formula_cells(Path(path), SCORES_SHEET)


def _read_each(reader: Callable[[str], None], paths: list[str], conn: object) -> None:
    send = conn.send  # type: ignore[attr-defined]
    for path in paths:
        with contextlib.suppress(Exception):  # the real read reports it, in the app
            reader(path)
        send(path)


def first_read(paths: list[Path], reader: Callable[[str], None] | None = None, *,
               progress: Progress | None = None,
               timeout: float = FIRST_READ_TIMEOUT) -> dict[Path, Problem]:
    """Read each of `paths` with `reader` in a child process; the files the child died or
    hung on, each with the problem to report. `reader` (by default `probe_score_file`)
    must be a module-level function: the child imports it by name."""
    reader = reader or probe_score_file
    progress = progress or NullProgress()
    context = multiprocessing.get_context("spawn")
    pending = [str(p) for p in paths if Path(p).is_file()]
    failed: dict[Path, Problem] = {}
    done = 0
    while pending:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_read_each, args=(reader, pending, sender),
                                daemon=True, name="evaluator-first-read")
        child.start()
        sender.close()
        try:
            while pending:
                check(progress)
                progress.report(done, len(paths), Path(pending[0]).name)
                if not receiver.poll(timeout):
                    reason = messages.Text("reading.reason.reader_silent",
                                           {"seconds": f"{timeout:.0f}"})
                    break
                try:
                    receiver.recv()
                except EOFError:
                    child.join(5)
                    reason = messages.Text("reading.reason.reader_exit",
                                           {"code": child.exitcode})
                    break
                pending.pop(0)
                done += 1
            else:
                break
        finally:
            if child.is_alive() and pending:
                child.kill()
            child.join(5)
            receiver.close()
        path = Path(pending.pop(0))
        done += 1
        failed[path] = Problem("reading.reader_crashed", {"reason": reason}, file=path.name)
    return failed


def require_first_read(paths: list[Path], reader: Callable[[str], None] | None = None,
                       progress: Progress | None = None) -> None:
    """`first_read`, refusing (EvaluatorError) if the reader died on any of `paths`."""
    crashed = first_read(paths, reader, progress=progress)
    if crashed:
        raise EvaluatorError(list(crashed.values()))


def score_files_safe_to_read(paths: list[Path] | tuple[Path, ...],
                             progress: Progress | None = None
                             ) -> tuple[list[Path], list[FileResult]]:
    """The score files (folders expanded) that a child read without dying, and a rejected
    `FileResult` for each of the others (for a merge report)."""
    from evaluator.merge import expand_paths
    from evaluator.merge_checks import FileResult

    files = expand_paths(list(paths))
    crashed = first_read(files, progress=progress)
    rejected = [FileResult(path=p, status="rejected", problems=[problem])
                for p, problem in crashed.items()]
    return [p for p in files if p not in crashed], rejected
