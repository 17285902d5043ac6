"""Many score files read at once, in worker processes, in the order given.

A merge at the secretariat reads hundreds of score files (1,000 at XL); reading one is
native parsing (zip, XML, calamine) plus the signed text, and files do not depend on each
other, so they are read by a pool of processes while the merge checks the ones already
read (docs/performance.md). Each worker returns the `ScoreFile` as `read_score_file` makes
it, with its signed text and its score sets' texts already made.

A pool only pays when it starts faster than it saves: on Linux a single-threaded process
(the command line) forks its workers in milliseconds; a process with other threads (the
app) or another system starts fresh interpreters ("spawn"), which takes about half a
second, so it is used only for large batches. If a worker dies, the files not yet read
are read in this process, as without a pool.

Workers never touch the workspace. A forked worker inherits the descriptor of the open
workspace and closes it when it ends; that does not drop the merge's locks, which belong
to the merging process (POSIX record locks are not inherited across fork)."""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import sys
import threading
import warnings
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from evaluator.score_sets import score_set_texts
from evaluator.scorefile import ScoreFile, read_score_file

log = logging.getLogger(__name__)
# Files per batch below which a pool is not started: one file takes 1-5 ms to read, a
# forked worker about 10 ms to start, a spawned one about 500 ms (measured at L and XL
# with `evaluator bench`).
MIN_FILES_FORK = 16
MIN_FILES_SPAWN = 400
MAX_WORKERS = 8
CHUNK_FILES = 8  # files per task: fewer round trips, still an even share at the end
WORKER_GC_THRESHOLD = 10_000


def read_score_file_for_merge(path: Path) -> ScoreFile:
    """`read_score_file`, with the signed text and the score sets' texts made (the work
    a merge would otherwise do for each file in its own process)."""
    sf = read_score_file(path)
    if sf.meta:
        sf.canonical_json()
    if not sf.errors and not sf.duplicate_score_problems():
        sf.set_texts = score_set_texts(sf.rows, sf.comments)
    return sf


def _worker_start() -> None:
    # A worker makes many short-lived objects (rows, cells, texts) and few cycles: it
    # collects every 10,000 allocations instead of 700 (at L: 0.9 s -> 0.75 s of CPU).
    gc.set_threshold(WORKER_GC_THRESHOLD)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """While a merge builds its files' rows (hundreds of thousands of objects that live
    until it ends, few cycles), the collector runs every 10,000 allocations instead of
    700; the thresholds are restored after."""
    before = gc.get_threshold()
    gc.set_threshold(WORKER_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _read_chunk(paths: list[Path]) -> list[ScoreFile]:
    return [read_score_file_for_merge(p) for p in paths]


def start_method() -> str:
    """"fork" on Linux when called from the main thread of a process with no other Python
    thread (the command line); "spawn" otherwise (the app merges in a worker thread;
    macOS and Windows have no safe fork)."""
    single = threading.current_thread() is threading.main_thread() \
        and threading.active_count() == 1
    return "fork" if sys.platform.startswith("linux") and single else "spawn"


def worker_count(files: int, method: str | None = None) -> int:
    """How many worker processes read `files` files: 0 (read here) for a small batch or
    a machine with one processor."""
    method = method or start_method()
    cpus = os.cpu_count() or 1
    minimum = MIN_FILES_FORK if method == "fork" else MIN_FILES_SPAWN
    if cpus < 2 or files < minimum:
        return 0
    return min(cpus, MAX_WORKERS, files // CHUNK_FILES)


class ScoreFileReader:
    """`paths` read (`read_score_file_for_merge`) and handed out in order by iterating.
    With a pool, the workers start on entering, so the caller can do its own reading
    meanwhile; leaving (a finished or cancelled merge) stops them. `workers`: how many
    processes (default `worker_count`; 0 reads here, as it is iterated)."""

    def __init__(self, paths: Sequence[Path], workers: int | None = None) -> None:
        self.paths = list(paths)
        self.method = start_method()
        self.workers = worker_count(len(self.paths), self.method) if workers is None \
            else workers
        self._pool: Executor | None = None
        self._chunks: list[list[Path]] = []
        self._futures: list[Future[list[ScoreFile]]] = []
        self._frozen = False

    def __enter__(self) -> ScoreFileReader:
        if self.workers > 0:
            self._start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        paths = self.paths
        self._chunks = [paths[i:i + CHUNK_FILES] for i in range(0, len(paths), CHUNK_FILES)]
        if self.method == "fork":
            # A forked worker shares the parent's memory until it writes to it, and the
            # collector writes to every object it visits: the parent's objects are kept
            # out of collections while the workers run (gc.freeze, as the CPython docs
            # advise before a fork). Measured at L: the workers' CPU time 1.1 s -> 0.9 s.
            gc.freeze()
            self._frozen = True
        self._pool = ProcessPoolExecutor(self.workers,
                                         multiprocessing.get_context(self.method),
                                         initializer=_worker_start)
        with warnings.catch_warnings():
            # Python 3.12+ warns on fork() whenever the OS counts other threads; here the
            # only ones are native idle pools (OpenBLAS, loaded with numpy by openpyxl),
            # which stop themselves around a fork (pthread_atfork).
            warnings.filterwarnings("ignore", category=DeprecationWarning,
                                    message=".*fork.*")
            self._futures = [self._pool.submit(_read_chunk, chunk) for chunk in self._chunks]

    def __iter__(self) -> Iterator[ScoreFile]:
        done = 0
        for chunk, future in zip(self._chunks, self._futures, strict=True):
            try:
                read = future.result()
            except BrokenProcessPool:
                log.warning("a worker reading score files stopped at %s; the %d files "
                            "not yet read are read in this process", chunk[0].name,
                            len(self.paths) - done)
                break
            yield from read
            done += len(chunk)
        self.close()
        yield from map(read_score_file_for_merge, self.paths[done:])

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False


def read_score_files(paths: Sequence[Path], workers: int | None = None
                     ) -> Generator[ScoreFile, None, None]:
    """Each of `paths` read, in order (`ScoreFileReader`); closing the generator early
    stops the workers."""
    with ScoreFileReader(paths, workers) as reader:
        yield from reader
