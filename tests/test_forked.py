"""generator/parallel/fanout.py: one entry point for every core. Work declared IN_MEMORY is computed
in forked children and gives exactly the sequential result; a worker that fails, whatever the way
workers run, has its share done in this process.

Forking happens only while the process runs one thread, and a pytest session running browser tests
keeps server threads alive; so the forked path is exercised in a fresh interpreter of its own, where
it always forks, and the test asserts that it did (the later shares carry the children's pids)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading

import pytest
from conftest import REPO

from generator.parallel import fanout
from generator.parallel.fanout import Work, fan_out

CHILD = textwrap.dedent("""
    import json, os, sys, threading
    from generator.parallel.fanout import Work, fan_out
    assert threading.active_count() == 1
    parent = os.getpid()
    def squares(items):
        return [(os.getpid(), i * i) for i in items]
    def fails_in_child(items):
        if os.getpid() != parent:
            raise RuntimeError("child broke")
        return [(os.getpid(), i + 1) for i in items]
    def exits_in_child(items):
        if os.getpid() != parent:
            os._exit(3)
        return [(os.getpid(), i + 1) for i in items]
    fn = {"squares": squares, "fails": fails_in_child, "exits": exits_in_child}[sys.argv[1]]
    results = fan_out(fn, list(range(1000)), 2, 10, work=Work.IN_MEMORY)
    print(json.dumps({"parent": parent, "results": results}))
""")


def split_map(fn, items, min_items):  # type: ignore[no-untyped-def]
    return fan_out(fn, items, 2, min_items, work=Work.IN_MEMORY)


def run_alone(case: str) -> tuple[int, list[tuple[int, int]]]:
    """IN_MEMORY work on two cores in a fresh single-threaded interpreter: (its pid, [(pid, value)])."""
    out = subprocess.run([sys.executable, "-c", CHILD, case], cwd=REPO, capture_output=True, text=True,
                         check=True, timeout=120).stdout
    data = json.loads(out)
    return data["parent"], [tuple(r) for r in data["results"]]


def test_the_forked_half_is_computed_in_a_child_and_kept_in_order():
    parent, results = run_alone("squares")
    assert [r for _, r in results] == [i * i for i in range(1000)]
    assert {pid for pid, _ in results[:500]} == {parent}
    children = {pid for pid, _ in results[500:]}
    assert len(children) == 1 and parent not in children, "the second half must come from the forked child"


def test_a_failing_or_vanishing_child_leaves_its_half_to_this_process():
    for case in ("fails", "exits"):
        parent, results = run_alone(case)
        assert results == [(parent, i + 1) for i in range(1000)]


def test_few_items_or_other_threads_stay_in_this_process():
    def squares(items):  # type: ignore[no-untyped-def]
        return [(os.getpid(), i * i) for i in items]

    assert {pid for pid, _ in split_map(squares, list(range(5)), min_items=10)} == {os.getpid()}
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results = split_map(squares, list(range(1000)), min_items=10)
        assert results == [(os.getpid(), i * i) for i in range(1000)]
    finally:
        stop.set()
        thread.join()


def doubled(items: list[str]) -> list[str]:
    return [item * 2 for item in items]


@pytest.mark.parametrize("work", [Work.INDEPENDENT, Work.WRITES_NOTHING])
def test_a_fresh_interpreter_that_fails_has_its_share_done_here(work: Work, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(fanout.sys, "executable", "/bin/false")  # every worker exits at once, status 1
    items = [str(i) for i in range(40)]
    weights = [1.0] * len(items) if work is Work.WRITES_NOTHING else None
    assert fan_out("test_forked:doubled", items, 2, 10, work=work, weights=weights, seconds_per_weight=1.0) == \
        doubled(items)
