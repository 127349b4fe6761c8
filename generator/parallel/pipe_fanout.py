"""Work on several cores through pipes, for a stage that must write nothing outside the work folder
(`gongkai check`): unlike `fanout`, items and results travel over the workers' stdin and stdout, not
through temporary files.

The caller says what each item weighs (e.g. its bytes) and how many seconds a unit of weight costs.
Starting a worker (a fresh interpreter importing the task's module) costs STARTUP_SECONDS, so this
process takes a larger share, started at once, and the workers share the rest; when the work is too
small to pay for a worker, it all stays here. Results come back in the items' order, so the output
never depends on timing; a worker that fails has its share done here.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .fanout import cores, stop, task_function

STARTUP_SECONDS = 0.35
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


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


def fan_out(task: str, items: Sequence[Any], weights: Sequence[float], seconds_per_weight: float,
            jobs: int | None = None) -> list[Any]:
    """`task` ("module:function", list -> list of the same length) applied to `items`, in order. Keep
    items small (names rather than contents): a thread writes them while this process works."""
    parts = shares(weights, seconds_per_weight, jobs or cores())
    procs = [subprocess.Popen([sys.executable, "-m", "generator.parallel.pipe_fanout", task], cwd=_PACKAGE_ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in parts[1:]]
    try:
        for proc, (a, b) in zip(procs, parts[1:], strict=True):
            data = pickle.dumps(list(items[a:b]), pickle.HIGHEST_PROTOCOL)
            threading.Thread(target=_send, args=(proc, data), daemon=True).start()
        first, end = parts[0]
        results = task_function(task)(list(items[first:end]))
        for proc, (a, b) in zip(procs, parts[1:], strict=True):
            done = _answer(proc)
            results += done if done is not None and len(done) == b - a else task_function(task)(list(items[a:b]))
    finally:
        stop(procs)
    return results


def _send(proc: subprocess.Popen[bytes], data: bytes) -> None:
    assert proc.stdin is not None
    try:
        proc.stdin.write(data)
        proc.stdin.close()
    except OSError:  # the worker died early: its share is done by the caller
        pass


def _answer(proc: subprocess.Popen[bytes]) -> list[Any] | None:
    """The worker's results, read here in one blocking read (a thread would wait for the GIL per chunk)."""
    assert proc.stdout is not None
    output = proc.stdout.read()
    if proc.wait() != 0:
        return None
    try:
        results = pickle.loads(output)
    except Exception:  # noqa: BLE001 - a damaged answer is no answer
        return None
    return results if isinstance(results, list) else None


def main(argv: list[str]) -> int:
    import gc

    gc.disable()  # a short-lived process that only allocates: collecting would find nothing
    items = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(task_function(argv[0])(items), pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
