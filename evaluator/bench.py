"""The benchmark (issue 8): a synthetic panel at scale S, L or XL, timed stage by stage.

Every stage runs the code the app runs (the importers, `build_all_packages`,
`export_score_file`, `merge_score_files`, flags, quality, results, the exports) in a fresh
child process, so its peak memory is its own: the high-water mark of the child's resident
set (VmHWM on Linux, else sampled with psutil). Times are wall clock around the stage's
call, after its modules are imported. Stages marked "setup" prepare the next stages (the
experts' scoring, say) and are shown for information.

The merge is compared with a floor measured in the same run: the same score files read
cell by cell with python-calamine and inserted into a fresh SQLite table with one
`executemany` in one transaction; and with a peer, the script a user could write with
pandas (`read_excel(engine="calamine")` per file, `concat`, `groupby`; no checks), run
when pandas is installed (the `bench` extra) and skipped with a note otherwise.

    python -m evaluator.bench --scale L [--json] [--gui] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import multiprocessing
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluator.progress import NullProgress, Progress
from evaluator.synthetic import (
    PACKAGES_DIR,
    ROUNDS,
    SCORE_FILES_DIR,
    WORKSPACE_FILE,
    YEAR,
    Scale,
    scale_named,
)

OK = "ok"
NO_PROGRESS: Progress = NullProgress()
FAILED = "failed"
SKIPPED = "skipped"


@dataclass(frozen=True)
class StageSpec:
    name: str
    label: str
    setup: bool
    needs: tuple[str, ...] = ()  # stages whose success this one depends on


STAGES: tuple[StageSpec, ...] = (
    StageSpec("synthesise", "synthetic input files (registry, submissions, panel)", True),
    StageSpec("import", "registry + submissions import", False, ("synthesise",)),
    StageSpec("assign", "panel import + assignments, both rounds", True, ("import",)),
    StageSpec("packages", "package generation for all experts", False, ("assign",)),
    StageSpec("scoring", "experts commit their scores in their packages", True, ("packages",)),
    StageSpec("scorefiles", "score-file export for all experts", False, ("scoring",)),
    StageSpec("merge", "merge of all score files", False, ("scorefiles",)),
    StageSpec("merge_floor", "merge floor: calamine read + one executemany", False,
              ("scorefiles",)),
    StageSpec("merge_peer", "merge peer: pandas read_excel (calamine) + groupby", False,
              ("scorefiles",)),
    StageSpec("flags", "flags (plenary agenda)", False, ("merge",)),
    StageSpec("quality", "panel quality (alpha, leniency)", False, ("merge",)),
    StageSpec("results", "results and statistics", False, ("merge",)),
    StageSpec("workbook", "results workbook export", False, ("merge",)),
    StageSpec("report", "report export", False, ("merge",)),
)
STAGE_NAMES = tuple(s.name for s in STAGES)
# Imported before a stage's clock starts, so that its time is the work, not the imports.
STAGE_IMPORTS: dict[str, tuple[str, ...]] = {
    "merge": ("evaluator.merge",),
    "merge_floor": ("python_calamine", "evaluator.scorefile"),
    "merge_peer": ("pandas", "python_calamine", "evaluator.scorefile"),
}
# Stages that need an optional package: skipped, with this note, when it is missing.
OPTIONAL_STAGES: dict[str, tuple[str, str]] = {
    "merge_peer": ("pandas", "pandas is not installed (pip install 'evaluator[bench]')"),
}


# -- peak memory -----------------------------------------------------------------------------

def _vm_hwm_bytes() -> int | None:
    """This process's resident high-water mark (Linux), which exec resets."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


class PeakSampler:
    """Samples RSS every 10 ms where the OS keeps no high-water mark for us."""

    def __init__(self) -> None:
        import psutil

        self._process = psutil.Process()
        self.peak = self._process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)


# -- the stages (each runs in a child process) --------------------------------------------------

def _workspace(workdir: Path) -> Any:
    from evaluator.workspace import Workspace

    return Workspace.open(workdir / WORKSPACE_FILE, actor="bench")


def _stage_synthesise(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.rubric import load_default_rubric
    from evaluator.synthetic import write_input_files

    files = write_input_files(workdir / "input", scale, load_default_rubric())
    return {"records": files.records}


def _stage_import(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.registry_import import import_registry
    from evaluator.submissions_store import import_submissions
    from evaluator.synthetic import PANEL_FILE, REGISTRY_FILE, SUBMISSIONS_FILE, wide_codes
    from evaluator.workspace import Workspace

    del PANEL_FILE
    for leftover in ("", "-wal", "-shm"):  # a kept workdir from an earlier run
        (workdir / (WORKSPACE_FILE + leftover)).unlink(missing_ok=True)
    with wide_codes(scale), Workspace.create(workdir / WORKSPACE_FILE, year=YEAR,
                                             actor="bench") as ws:
        registry = import_registry(ws, workdir / "input" / REGISTRY_FILE)
        submissions = import_submissions(ws, workdir / "input" / SUBMISSIONS_FILE, YEAR)
    return {"alliances": registry.created, "submissions": submissions.created,
            "records": submissions.records}


def _stage_assign(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.assignments import assign_round
    from evaluator.panel_import import import_panel
    from evaluator.synthetic import PANEL_FILE

    with _workspace(workdir) as ws:
        panel = import_panel(ws, workdir / "input" / PANEL_FILE, YEAR)
        counts = {r: assign_round(ws, YEAR, r).assignments for r in ROUNDS}
    return {"experts": len(panel.added), "assignments": counts}


def _stage_packages(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.package_builders import build_all_packages

    out = workdir / PACKAGES_DIR
    shutil.rmtree(out, ignore_errors=True)
    built = 0
    with _workspace(workdir) as ws:
        for round_ in ROUNDS:
            built += len(build_all_packages(ws, YEAR, round_, out).built)
    return {"packages": built}


def _stage_scoring(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.synthetic import score_all_packages

    return {"scores": score_all_packages(workdir / PACKAGES_DIR, scale)}


def _stage_scorefiles(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.synthetic import export_all_score_files

    out = workdir / SCORE_FILES_DIR
    shutil.rmtree(out, ignore_errors=True)
    files, scores = export_all_score_files(workdir / PACKAGES_DIR, out)
    return {"files": files, "scores": scores,
            "megabytes": round(sum(p.stat().st_size for p in out.iterdir()) / 1e6, 1)}


def _score_file_paths(workdir: Path) -> list[Path]:
    return sorted((workdir / SCORE_FILES_DIR).glob("*.xlsx"))


def _stage_merge(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.merge import merge_score_files

    with _workspace(workdir) as ws:
        report = merge_score_files(ws, _score_file_paths(workdir))
    rejected = getattr(report, "rejected", None)
    detail: dict[str, Any] = {"accepted_files": len(report.accepted)}
    if rejected:
        detail["rejected"] = len(rejected)
        raise RuntimeError(f"merge rejected {len(rejected)} synthetic score files: "
                           f"{str(rejected)[:500]}")
    return detail


def _check_merge(workdir: Path) -> dict[str, Any]:
    """How many scores the merge left in the workspace (a query over the `scores` view,
    0.02 s at L and 0.13 s at XL: counted after the merge's clock stops)."""
    with _workspace(workdir) as ws:
        return {"scores_in_workspace": ws.count("scores", "year = ?", (YEAR,))}


def _stage_merge_floor(workdir: Path, scale: Scale) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    from evaluator.scorefile import CODE_COLUMN, SCORES_SHEET

    db_path = workdir / "floor.sqlite"
    db_path.unlink(missing_ok=True)
    rows: list[tuple[int, str, str, float]] = []
    for number, path in enumerate(_score_file_paths(workdir)):
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SCORES_SHEET)
        cells = sheet.to_python()
        header = [str(c) for c in cells[0]]
        code_col = header.index(CODE_COLUMN)
        indicator_cols = [(i, h) for i, h in enumerate(header) if h[:1].isdigit()]
        for line in cells[1:]:
            code = str(line[code_col])
            for i, indicator in indicator_cols:
                value = line[i]
                if value != "":
                    rows.append((number, code, indicator, float(value)))  # type: ignore[arg-type]
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        conn.execute("CREATE TABLE scores (file INTEGER, alliance TEXT, indicator TEXT,"
                     " value REAL)")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO scores VALUES (?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return {"scores": len(rows)}


def _stage_merge_peer(workdir: Path, scale: Scale) -> dict[str, Any]:
    """What a user's pandas script does with the score files: each file's scores sheet
    read with the calamine engine, all of them concatenated, each alliance's mean per
    indicator. No signature, rubric, registry or assignment check; nothing stored."""
    import pandas as pd

    from evaluator.scorefile import CODE_COLUMN, SCORES_SHEET

    frames = []
    for number, path in enumerate(_score_file_paths(workdir)):
        frame = pd.read_excel(path, sheet_name=SCORES_SHEET, engine="calamine",
                              dtype={CODE_COLUMN: str})
        frame["file"] = number
        frames.append(frame)
    scores = pd.concat(frames, ignore_index=True)
    indicators = [c for c in scores.columns if str(c)[:1].isdigit()]
    means = scores.groupby(CODE_COLUMN)[indicators].mean()
    return {"scores": int(scores[indicators].count().sum()), "alliances": len(means)}


def _stage_flags(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.flags import flag_disagreements

    with _workspace(workdir) as ws:
        return {"flagged": len(flag_disagreements(ws, YEAR))}


def _stage_quality(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.quality import quality_report

    with _workspace(workdir) as ws:
        report = quality_report(ws, YEAR)
    return {"alpha_rows": len(report.alpha), "experts": len(report.leniency)}


def _stage_results(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.results import compute_results
    from evaluator.statistics import compute_statistics

    with _workspace(workdir) as ws:
        rows = compute_results(ws, YEAR)
        stats = compute_statistics(ws, YEAR, rows)
    return {"results": len(rows), "participants": len(rows),
            "bands": {k: v.count for k, v in getattr(stats, "bands", {}).items()
                      if hasattr(v, "count")}}


def _stage_workbook(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.exports.workbook import export_workbook

    out = workdir / "results.xlsx"
    with _workspace(workdir) as ws:
        export_workbook(ws, out, year=YEAR)
    return {"megabytes": round(out.stat().st_size / 1e6, 2)}


def _stage_report(workdir: Path, scale: Scale) -> dict[str, Any]:
    from evaluator.exports.report import write_report

    out = workdir / "report.docx"
    with _workspace(workdir) as ws:
        write_report(ws, out, year=YEAR)
    return {"megabytes": round(out.stat().st_size / 1e6, 2)}


_STAGE_FUNCTIONS: dict[str, Callable[[Path, Scale], dict[str, Any]]] = {
    "synthesise": _stage_synthesise, "import": _stage_import, "assign": _stage_assign,
    "packages": _stage_packages, "scoring": _stage_scoring, "scorefiles": _stage_scorefiles,
    "merge": _stage_merge, "merge_floor": _stage_merge_floor,
    "merge_peer": _stage_merge_peer, "flags": _stage_flags,
    "quality": _stage_quality, "results": _stage_results, "workbook": _stage_workbook,
    "report": _stage_report,
}


# What a stage's result is checked with, after its clock stops.
_STAGE_CHECKS = {"merge": _check_merge}


def _children_cpu() -> float:
    """CPU time of this process's ended children (the merge's reading workers), where the
    system tells it (not on Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_stage(name: str, workdir: str, scale_name: str) -> dict[str, Any]:
    """Run one stage in this process and measure it (the child's entry point)."""
    function = _STAGE_FUNCTIONS[name]
    for module in STAGE_IMPORTS.get(name, ()):
        importlib.import_module(module)
    hwm_before = _vm_hwm_bytes()
    sampler = PeakSampler() if hwm_before is None else None
    started = time.perf_counter()
    cpu_started = time.process_time() + _children_cpu()
    try:
        if sampler is not None:
            with sampler:
                detail = function(Path(workdir), scale_named(scale_name))
        else:
            detail = function(Path(workdir), scale_named(scale_name))
    except Exception as exc:
        return {"status": FAILED, "seconds": round(time.perf_counter() - started, 3),
                "reason": f"{type(exc).__name__}: {str(exc)[:300]}",
                "traceback": traceback.format_exc()[-2000:]}
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() + _children_cpu() - cpu_started
    peak = _vm_hwm_bytes() if sampler is None else sampler.peak
    if name in _STAGE_CHECKS:
        detail.update(_STAGE_CHECKS[name](Path(workdir)))
    return {"status": OK, "seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3),
            "peak_rss_mb": round((peak or 0) / 2**20, 1), "detail": detail}


def _child(name: str, workdir: str, scale_name: str, conn: Any) -> None:
    try:
        conn.send(run_stage(name, workdir, scale_name))
    except BaseException as exc:  # the parent must always hear back
        conn.send({"status": FAILED, "reason": repr(exc)})
    finally:
        conn.close()


def run_stage_in_child(name: str, workdir: Path, scale: Scale) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(name, str(workdir), scale.name, child))
    process.start()
    child.close()
    try:
        result: dict[str, Any] = parent.recv()
    except EOFError:
        result = {"status": FAILED, "reason": "the stage's process died"}
    process.join()
    if process.exitcode not in (0, None) and result.get("status") == OK:
        result = {"status": FAILED, "reason": f"exit code {process.exitcode}"}
    return result


def measure_gui_in_child(workspace: Path) -> dict[str, Any]:
    """The GUI figures, from `python -m ui.bench_gui` (the core never imports Qt)."""
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "ui.bench_gui", str(workspace), "--json"],
                          capture_output=True, text=True, env=env, cwd=root, check=False)
    if done.returncode != 0:
        return {"status": FAILED, "reason": (done.stderr or done.stdout)[-1500:]}
    lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
    if not lines:
        return {"status": FAILED, "reason": (done.stderr or done.stdout)[-1500:]}
    figures: dict[str, Any] = json.loads(lines[-1])
    return figures


# -- the run -----------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    import psutil

    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)}


def _target(name: str, limit: str, measured: float | None, ok: bool | None,
            unit: str = "s") -> dict[str, Any]:
    return {"target": name, "limit": limit, "measured": measured, "unit": unit, "met": ok}


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 8's targets that this run can speak to."""
    stages = {s["name"]: s for s in result["stages"]}
    scale = result["scale"]

    def seconds(name: str) -> float | None:
        s = stages.get(name, {})
        return s.get("seconds") if s.get("status") == OK else None

    out: list[dict[str, Any]] = []
    merge = seconds("merge")
    ratio = result.get("merge_floor_ratio")
    peer_ratio = result.get("merge_peer_ratio")
    if scale == "XL":
        out.append(_target("XL merge", "<= 15 s", merge, None if merge is None else merge <= 15))
        out.append(_target("XL merge / floor", "<= 2x", ratio,
                           None if ratio is None else ratio <= 2, "x"))
        book = seconds("workbook")
        out.append(_target("XL workbook export", "<= 10 s", book,
                           None if book is None else book <= 10))
        peaks = [s["peak_rss_mb"] for s in result["stages"]
                 if s.get("status") == OK and not s.get("setup")]
        peak = max(peaks) if peaks else None
        out.append(_target("XL peak memory (timed stages)", "<= 500 MB", peak,
                           None if peak is None else peak <= 500, "MB"))
    if scale == "L":
        out.append(_target("L merge", "<= 2 s", merge, None if merge is None else merge <= 2))
        out.append(_target("L merge / floor", "<= 2x", ratio,
                           None if ratio is None else ratio <= 2, "x"))
    if scale in ("L", "XL"):  # issue 18: faster than the script a user could write
        out.append(_target(f"{scale} merge / pandas peer", "< 1x", peer_ratio,
                           None if peer_ratio is None else peer_ratio < 1, "x"))
    gui = result.get("gui") or {}
    cold = (gui.get("cold_start") or {}).get("seconds")
    if cold is not None:
        out.append(_target(f"cold start ({scale})", "<= 1.5 s", cold, cold <= 1.5))
    for key, label, limit in (("scoring_move", "scoring move p95", 50.0),
                              ("score_commit", "score commit p95", 10.0)):
        p95 = (gui.get(key) or {}).get("p95_ms")
        if p95 is not None:
            out.append(_target(label, f"<= {limit:g} ms", p95, p95 <= limit, "ms"))
    return out


def run_bench(scale: str | Scale, gui: bool = False, json: bool = False,
              workdir: Path | str | None = None,
              progress: Progress = NO_PROGRESS) -> dict[str, Any]:
    """Build the synthetic panel in `workdir` (a temporary folder when None, removed
    afterwards) and time every stage; returns the result as plain data. `json` is accepted
    for symmetry with the command and changes nothing here."""
    del json
    size = scale if isinstance(scale, Scale) else scale_named(scale)
    temporary = workdir is None
    folder = Path(tempfile.mkdtemp(prefix=f"evaluator-bench-{size.name}-")) if temporary \
        else Path(str(workdir))
    folder.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "scale": size.name, "alliances": size.alliances, "experts": size.experts,
        "groups_of_three": size.groups, "rounds": len(ROUNDS),
        "expected_scores": size.alliances * 3 * len(ROUNDS) * 20,
        "wide_codes": size.needs_wide_codes, "machine": machine(), "workdir": str(folder),
        "stages": [],
    }
    started = time.perf_counter()
    status: dict[str, str] = {}
    try:
        total = len(STAGES) + (1 if gui else 0)
        for i, spec in enumerate(STAGES):
            progress.report(i, total, spec.label)
            blocked = [n for n in spec.needs if status.get(n) != OK]
            package, note = OPTIONAL_STAGES.get(spec.name, ("", ""))
            if blocked:
                outcome: dict[str, Any] = {
                    "status": SKIPPED,
                    "reason": f"needs stage '{blocked[0]}' ({status.get(blocked[0])})"}
            elif package and importlib.util.find_spec(package) is None:
                outcome = {"status": SKIPPED, "reason": note}
            else:
                outcome = run_stage_in_child(spec.name, folder, size)
            status[spec.name] = outcome["status"]
            outcome.setdefault("seconds", None)
            outcome.setdefault("peak_rss_mb", None)
            outcome.setdefault("cpu_seconds", None)
            result["stages"].append({"name": spec.name, "label": spec.label,
                                     "setup": spec.setup, **outcome})
        stages = {s["name"]: s for s in result["stages"]}
        merge, floor, peer = stages["merge"], stages["merge_floor"], stages["merge_peer"]
        result["merge_floor_ratio"] = (
            round(merge["seconds"] / floor["seconds"], 2)
            if merge["status"] == OK and floor["status"] == OK and floor["seconds"] else None)
        result["merge_peer_ratio"] = (
            round(merge["seconds"] / peer["seconds"], 2)
            if merge["status"] == OK and peer["status"] == OK and peer["seconds"] else None)
        if gui:
            progress.report(len(STAGES), total, "GUI")
            if status.get("merge") == OK:
                result["gui"] = measure_gui_in_child(folder / WORKSPACE_FILE)
            else:
                result["gui"] = {"status": SKIPPED,
                                 "reason": "needs a merged workspace (stage 'merge')"}
        progress.report(total, total, "")
    finally:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    result["total_seconds"] = round(time.perf_counter() - started, 1)
    result["targets"] = targets(result)
    return result


# -- printing ---------------------------------------------------------------------------------

def _cell(value: Any, places: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{places}f}"
    return str(value)


def format_table(result: dict[str, Any]) -> str:
    lines = [f"evaluator bench, scale {result['scale']}: {result['alliances']:,} alliances, "
             f"{result['experts']} experts, {result['expected_scores']:,} scores "
             f"({result['machine']['cpus']} CPUs, Python {result['machine']['python']})"]
    if result.get("wide_codes"):
        lines.append("  alliance codes longer than the 2018 format (accepted for this run)")
    lines.append(f"{'stage':<52} {'seconds':>9} {'CPU s':>8} {'peak MB':>8}  status")
    for s in result["stages"]:
        label = s["label"] + (" [setup]" if s["setup"] else "")
        state = s["status"] if s["status"] == OK else f"{s['status']}: {s.get('reason', '')}"
        lines.append(f"{label[:52]:<52} {_cell(s['seconds']):>9} "
                     f"{_cell(s['cpu_seconds']):>8} {_cell(s['peak_rss_mb'], 1):>8}  {state}")
    lines.append(f"merge / floor: {_cell(result.get('merge_floor_ratio'))}x; "
                 f"merge / pandas peer: {_cell(result.get('merge_peer_ratio'))}x")
    gui = result.get("gui")
    if gui:
        lines.append("GUI (offscreen):")
        for key, value in gui.items():
            lines.append(f"  {key}: {value}")
    if result["targets"]:
        lines.append("targets:")
        for t in result["targets"]:
            met = {True: "met", False: "MISSED", None: "not measured"}[t["met"]]
            lines.append(f"  {t['target']:<32} {t['limit']:<10} "
                         f"{_cell(t['measured'])} {t['unit']}  {met}")
    lines.append(f"total {result['total_seconds']} s")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", choices=("S", "L", "XL"), default="S", type=str.upper,
                        help="S: 88 alliances, 32 experts; L: 2,000/200; XL: 10,000/500")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--gui", action="store_true",
                        help="also measure the GUI offscreen (cold start, results table, "
                        "scoring screen)")
    parser.add_argument("--workdir", type=Path,
                        help="keep the synthetic panel in this folder (default: a "
                        "temporary folder, removed afterwards)")


def main(argv: list[str] | None = None) -> int:
    from evaluator.progress import TextProgress

    parser = argparse.ArgumentParser(prog="python -m evaluator.bench",
                                     description=__doc__.splitlines()[0] if __doc__ else "")
    add_arguments(parser)
    args = parser.parse_args(argv)
    result = run_bench(args.scale, gui=args.gui, workdir=args.workdir,
                       progress=TextProgress())
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
