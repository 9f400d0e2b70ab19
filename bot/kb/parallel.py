"""Work shared between this process and forked helper processes, for a faster cold start.

Reading thousands of YAML files and analysing their texts is Python work that holds the GIL: a
second core helps only from a second process. `in_parts` cuts such work into numbered parts;
this process does the first ones while helpers do the rest, and the results come back in order.

The helpers are forked, never spawned: each starts as a copy of this process, holding the
knowledge base read so far and the function to run, so nothing is sent to a helper but the
number of a part. A helper pickles each result into a file of a temporary folder, and only the
file's name goes back through the pool's pipe: a large result sent through the pipe itself
would wait, 64 KB at a time, for this process's pool thread to get the GIL from the main
thread, which is busy doing its own parts.

Whenever helpers cannot help — fork does not exist (Windows, macOS defaults aside), other
threads run (a reload beside the bot's event loop: a forked child copies the locks those
threads hold, and could wait on one forever), a single core, too little work, a helper that
died — the parts are done here, by the same function, with the same results.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar, cast

R = TypeVar("R")

#: Helper processes at most, however many cores there are: every result a helper sends is
#: unpickled by this process, so more helpers soon stop paying.
MAX_HELPERS = 3

#: A part no helper delivered (None may be a result).
_MISSING = object()

#: What a helper process runs (set in the helper only, by `_start`).
_work: Callable[[int], object] | None = None
_results: Path | None = None


def helper_count() -> int:
    """How many helper processes can work beside this one: 0 where fork is missing, where
    other threads run, or on a single core."""
    if threading.active_count() > 1:
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return max(0, min(MAX_HELPERS, cores - 1))


def in_parts(work: Callable[[int], R], parts: int, own: int, helpers: int) -> Iterator[R]:
    """`work(i)` for every `i` in `range(parts)`, in order.

    Parts below `own` are done here, as the results are read, while `helpers` forked processes
    do the others (none: all are done here). A part whose helper fails is done here, so an
    error in it is raised here as without helpers. `work` must not depend on what this process
    does after the call: the helpers see only what existed when they were forked.
    """
    if helpers < 1 or own >= parts:
        yield from map(work, range(parts))
        return
    with tempfile.TemporaryDirectory(prefix="projectbot-") as folder:
        pool, futures = _start(work, Path(folder), helpers, range(own, parts))
        try:
            yield from map(work, range(own))
            for i in range(own, parts):
                found = _collect(futures.get(i))
                yield work(i) if found is _MISSING else cast(R, found)
        finally:
            if pool is not None:
                # waits for the helpers to stop, so that no pool thread outlives the work
                pool.shutdown(wait=True, cancel_futures=True)


def _start(
    work: Callable[[int], R], folder: Path, helpers: int, numbers: range
) -> tuple[ProcessPoolExecutor | None, dict[int, Future[str]]]:
    """The helper pool and a future for every part it could take (the file of its result)."""
    futures: dict[int, Future[str]] = {}
    try:
        pool = ProcessPoolExecutor(
            helpers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_become_helper,
            initargs=(work, folder),
        )
    except (OSError, ValueError, NotImplementedError):
        return None, futures
    try:
        for i in numbers:
            futures[i] = pool.submit(_run, i)
    except (OSError, RuntimeError):
        pass  # the parts without a future are done here
    return pool, futures


def _collect(future: Future[str] | None) -> object:
    """The result a helper left in its file, or `_MISSING` when there is none to read."""
    if future is None:
        return _MISSING
    try:
        file = Path(future.result())
    except Exception:  # the helper failed (or died): the part is done here
        return _MISSING
    try:
        with file.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        return _MISSING
    finally:
        file.unlink(missing_ok=True)


def _become_helper(work: Callable[[int], object], folder: Path) -> None:
    """The first thing a helper process runs: remember what to do and where to put it."""
    global _work, _results
    _work, _results = work, folder


def _run(i: int) -> str:
    """In a helper: do part `i`, pickle its result into a file, and return the file's name."""
    if _work is None or _results is None:
        raise RuntimeError("not a helper process")
    result = _work(i)
    file = _results / f"{i}.pickle"
    partial = file.with_suffix(".tmp")
    with partial.open("wb") as handle:
        pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(file)
    return str(file)
