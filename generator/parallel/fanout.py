"""Per-page work on every core: a list of items cut into contiguous slices, one per core; this process
works on the first slice while fresh interpreters (`python -m generator.parallel.fanout TASK IN OUT`) work on
the others, and the results come back in the items' order, so the output never depends on timing.

A task is a module-level function taking a list and returning a list of the same length, named
"module:function"; its module should import little, since each worker imports it. Below
`min_items` items the work stays in this process (starting an interpreter costs ≈ 0.1–0.3 s).
Workers are fresh interpreters, not forks, so a caller's threads cannot break them.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

MIN_ITEMS = 400
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def task_function(task: str) -> Callable[[list[Any]], list[Any]]:
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


def fan_out(task: str, items: Sequence[Any], jobs: int | None = None, min_items: int = MIN_ITEMS) -> list[Any]:
    """`task` applied to `items`, results in the items' order."""
    count = max(1, min(jobs or cores(), len(items) // max(min_items, 1)))
    if count == 1:
        return task_function(task)(list(items))
    parts = slices(items, count)
    with tempfile.TemporaryDirectory(prefix="gk-fanout-") as tmp:
        procs = []
        try:
            for i, part in enumerate(parts[1:], start=1):
                (Path(tmp) / f"{i}.in").write_bytes(pickle.dumps(part))
                procs.append(subprocess.Popen([sys.executable, "-m", "generator.parallel.fanout", task, f"{tmp}/{i}.in",
                                               f"{tmp}/{i}.out"], cwd=_PACKAGE_ROOT, stdout=subprocess.DEVNULL))
            results = task_function(task)(parts[0])
            for i, proc in enumerate(procs, start=1):
                out = Path(tmp) / f"{i}.out"
                if proc.wait() != 0 or not out.is_file():
                    results += task_function(task)(parts[i])  # a worker died: do its share here
                else:
                    results += pickle.loads(out.read_bytes())
        finally:
            stop(procs)
    return results


def stop(procs: Sequence[subprocess.Popen[Any]]) -> None:
    """Kill the workers still running: an interrupted caller leaves none behind."""
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main(argv: list[str]) -> int:
    task, source, target = argv
    items = pickle.loads(Path(source).read_bytes())
    Path(target).write_bytes(pickle.dumps(task_function(task)(items)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
