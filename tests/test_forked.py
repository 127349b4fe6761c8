"""generator/parallel/forked.py: half of a computation in a forked child gives exactly the sequential result."""

from __future__ import annotations

import os
import threading

from generator.parallel.forked import split_map


def squares(items):  # type: ignore[no-untyped-def]
    return [(os.getpid(), i * i) for i in items]


def test_split_map_equals_the_sequential_result_and_uses_a_second_process():
    items = list(range(1000))
    results = split_map(squares, items, min_items=10)
    assert [r for _, r in results] == [i * i for i in items]
    # Another test's browser may have left a thread running: then nothing is forked.
    assert len({pid for pid, _ in results}) == (2 if threading.active_count() == 1 else 1)


def test_few_items_or_other_threads_stay_in_this_process():
    assert {pid for pid, _ in split_map(squares, list(range(5)), min_items=10)} == {os.getpid()}
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert {pid for pid, _ in split_map(squares, list(range(1000)), min_items=10)} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


def test_a_failing_child_leaves_its_half_to_this_process():
    parent = os.getpid()

    def fails_in_child(items):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            raise RuntimeError("child broke")
        return [i + 1 for i in items]

    assert split_map(fails_in_child, list(range(100)), min_items=10) == [i + 1 for i in range(100)]
