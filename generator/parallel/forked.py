"""Half of a pure computation in a forked child, the other half here: both cores without pickling the input.

`fan_out` (generator/parallel/fanout.py) starts fresh interpreters and pickles their share of the items, which
costs more than it saves when the items are large values already in memory (the emit stage's pages). A
forked child shares this process's memory, computes the second half and sends back only its results.
Forking is safe only while this process runs a single thread, so with other threads alive (or no
`os.fork`) everything is computed here. A child that fails in any way is simply ignored: its half is
computed here, so the result never depends on the child.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
MIN_ITEMS = 400


def split_map(fn: Callable[[Sequence[Any]], list[T]], items: Sequence[Any], min_items: int = MIN_ITEMS) -> list[T]:
    """fn(items), computed as fn(first half) here and fn(second half) in a forked child."""
    if len(items) < min_items or not hasattr(os, "fork") or threading.active_count() > 1:
        return fn(items)
    half = len(items) // 2
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, leave without running any of the parent's clean-up
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(fn(items[half:]), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    first = fn(items[:half])
    with os.fdopen(read_end, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    try:
        second: list[T] = pickle.loads(data) if status == 0 else fn(items[half:])
    except Exception:  # noqa: BLE001 - a broken child's half is computed here
        second = fn(items[half:])
    return first + second
