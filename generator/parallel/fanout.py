"""Work on every core: one entry point, `fan_out(task, items, ...)`, for every stage that does the same
work for many items.

The items are cut into contiguous shares, one per process; this process works on the first share while
workers work on the others, and the results come back in the items' order, so the output never
depends on timing. How the workers run follows from what the caller declares (`work=`):

- `Work.IN_MEMORY`: a pure computation over large values already in this process (the emit stage's
  pages). Workers are forked children: they share this process's memory, so nothing is pickled on the
  way in, and send back only their results. Forking is safe only while this process runs a single
  thread, so with other threads alive (or no `os.fork`) everything is computed here. `task` may be
  any function.
- `Work.WRITES_NOTHING`: the stage may write nothing outside the work folder (`gongkai check`). Workers
  are fresh interpreters (`python -m generator.parallel.fanout TASK`); items go in on stdin and results
  come out on stdout, so keep items small (names rather than contents).
- `Work.INDEPENDENT` (the default): large independent items (pages on disk). Workers are fresh
  interpreters (`python -m generator.parallel.fanout TASK IN OUT`) reading and writing pickles in a
  temporary folder.

A fresh interpreter is not a fork, so a caller's threads or `__main__` cannot break it; its task is a
module-level function named "module:function", taking a list and returning a list of the same length,
in a module that imports little. Shares: equal numbers of items, one process per `min_items` (starting
an interpreter costs ≈ 0.1–0.35 s), or, when the caller gives each item's weight and the seconds a unit
of weight costs, weighted shares where this process takes more (its workers start late) and a worker is
started only when it pays.

One failure policy: a worker that fails in any way (exit status, no or damaged answer, an answer of
the wrong length) has its share computed here, so the result never depends on a worker. One stopping
path (`stop`): when this process is interrupted, no worker outlives it.
"""

from __future__ import annotations

import contextlib
import enum
import importlib
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

MIN_ITEMS = 400
STARTUP_SECONDS = 0.35  # a fresh interpreter importing its task's module
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # so `python -m generator...` finds this very package

Task = str | Callable[[list[Any]], list[Any]]


class Work(enum.Enum):
    """What a caller declares about its work; the way workers run follows from it."""

    IN_MEMORY = "fork"  # pure, over values in this process's memory
    WRITES_NOTHING = "pipes"  # nothing may be written outside the work folder
    INDEPENDENT = "files"  # large independent items


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def task_function(task: Task) -> Callable[[list[Any]], list[Any]]:
    if callable(task):
        return task
    module, name = task.split(":")
    fn: Callable[[list[Any]], list[Any]] = getattr(importlib.import_module(module), name)
    return fn


def slices(items: Sequence[Any], count: int) -> list[list[Any]]:
    """Contiguous slices of nearly equal length, in order."""
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def shares(weights: Sequence[float], seconds_per_weight: float, jobs: int) -> list[tuple[int, int]]:
    """Contiguous (start, end) slices: this process's first, then one per worker that pays for itself."""
    total = sum(weights) * seconds_per_weight
    workers = max(0, min(jobs - 1, int(total / (2 * STARTUP_SECONDS))))
    if workers == 0:
        return [(0, len(weights))]
    mine = (total + workers * STARTUP_SECONDS) / (workers + 1)
    bounds = [mine] + [mine + (total - mine) * (i + 1) / workers for i in range(workers)]
    cuts, start, done, b = [], 0, 0.0, 0
    for i, weight in enumerate(weights):
        done += weight * seconds_per_weight
        if b < len(bounds) - 1 and done >= bounds[b]:
            cuts.append((start, i + 1))
            start, b = i + 1, b + 1
    cuts.append((start, len(weights)))
    return [c for c in cuts if c[0] < c[1]] or [(0, 0)]


def fan_out(task: Task, items: Sequence[Any], jobs: int | None = None, min_items: int = MIN_ITEMS, *,
            work: Work = Work.INDEPENDENT, weights: Sequence[float] | None = None,
            seconds_per_weight: float = 0.0) -> list[Any]:
    """`task` applied to `items`, results in the items' order (see the module docstring)."""
    fn = task_function(task)
    jobs = jobs or cores()
    if work is Work.IN_MEMORY and (not hasattr(os, "fork") or threading.active_count() > 1):
        jobs = 1
    if weights is not None:
        parts = [list(items[a:b]) for a, b in shares(weights, seconds_per_weight, jobs)]
    else:
        parts = slices(items, max(1, min(jobs, len(items) // max(min_items, 1))))
    if len(parts) == 1:
        return fn(parts[0])
    if work is not Work.IN_MEMORY and callable(task):
        raise TypeError("a fresh interpreter needs the task's name (module:function)")
    workers: list[Worker] = []
    with contextlib.ExitStack() as stack:
        try:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gk-fanout-"))) \
                if work is Work.INDEPENDENT else None
            for i, part in enumerate(parts[1:], start=1):
                workers.append(_start(work, task, fn, part, folder, i))
            results = fn(parts[0])
            for worker, part in zip(workers, parts[1:], strict=True):
                done = worker.answer()
                results += done if done is not None and len(done) == len(part) else fn(part)  # failed: done here
        finally:
            for worker in workers:
                worker.stop()
    return results


class Worker(Protocol):
    def answer(self) -> list[Any] | None: ...

    def stop(self) -> None: ...


def _start(work: Work, task: Task, fn: Callable[[list[Any]], list[Any]], part: list[Any], folder: Path | None,
           i: int) -> Worker:
    if work is Work.IN_MEMORY:
        return _Forked(fn, part)
    assert isinstance(task, str)
    if work is Work.WRITES_NOTHING:
        return _Piped(task, part)
    assert folder is not None
    return _Filed(task, part, folder / f"{i}.in", folder / f"{i}.out")


def _loads(data: bytes) -> list[Any] | None:
    try:
        results = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a damaged answer is no answer
        return None
    return results if isinstance(results, list) else None


class _Forked:
    """A forked child computing `fn(part)` and sending its pickled results through a pipe."""

    def __init__(self, fn: Callable[[list[Any]], list[Any]], part: list[Any]) -> None:
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: compute, send, leave without running any of the parent's clean-up
            status = 1
            try:
                os.close(read_end)
                with os.fdopen(write_end, "wb") as out:
                    pickle.dump(fn(part), out, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self.source = os.fdopen(read_end, "rb")
        self.running = True

    def answer(self) -> list[Any] | None:
        with self.source:
            data = self.source.read()
        _, status = os.waitpid(self.pid, 0)
        self.running = False
        return _loads(data) if status == 0 else None

    def stop(self) -> None:
        self.source.close()
        if self.running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.running = False


class _Piped:
    """A fresh interpreter reading its items on stdin and answering on stdout."""

    def __init__(self, task: str, part: list[Any]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "generator.parallel.fanout", task], cwd=_PACKAGE_ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        data = pickle.dumps(part, pickle.HIGHEST_PROTOCOL)
        threading.Thread(target=self._send, args=(data,), daemon=True).start()  # while this process works

    def _send(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.close()
        except OSError:  # the worker died early: its share is done by the caller
            pass

    def answer(self) -> list[Any] | None:
        """Read here in one blocking read (a thread would wait for the GIL per chunk)."""
        assert self.proc.stdout is not None
        output = self.proc.stdout.read()
        return _loads(output) if self.proc.wait() == 0 else None

    def stop(self) -> None:
        stop([self.proc])


class _Filed:
    """A fresh interpreter reading its items from a file and writing its results to another."""

    def __init__(self, task: str, part: list[Any], source: Path, target: Path) -> None:
        source.write_bytes(pickle.dumps(part))
        self.target = target
        self.proc = subprocess.Popen([sys.executable, "-m", "generator.parallel.fanout", task, str(source),
                                      str(target)], cwd=_PACKAGE_ROOT, stdout=subprocess.DEVNULL)

    def answer(self) -> list[Any] | None:
        if self.proc.wait() != 0 or not self.target.is_file():
            return None
        return _loads(self.target.read_bytes())

    def stop(self) -> None:
        stop([self.proc])


def stop(procs: Sequence[subprocess.Popen[Any]]) -> None:
    """Kill the workers still running: an interrupted caller leaves none behind."""
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main(argv: list[str]) -> int:
    """A worker: `TASK` (items on stdin, results on stdout) or `TASK IN OUT` (pickle files)."""
    if len(argv) == 1:
        import gc

        gc.disable()  # a short-lived process that only allocates: collecting would find nothing
        items = pickle.loads(sys.stdin.buffer.read())
        sys.stdout.buffer.write(pickle.dumps(task_function(argv[0])(items), pickle.HIGHEST_PROTOCOL))
        return 0
    task, source, target = argv
    items = pickle.loads(Path(source).read_bytes())
    Path(target).write_bytes(pickle.dumps(task_function(task)(items)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
