"""Operation counts instead of wall-clock bounds: how much YAML a check parsed, failing fast past a limit.

A timing assertion flakes on a busy machine and passes a slow algorithm on a fast one; counting the
parser events a hostile file costs does neither (speed itself is measured by scripts/bench_*.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pytest

from generator.load import yamlsource


@dataclass
class ParseCount:
    limit: int
    parses: int = 0  # files handed to the YAML parser
    events: int = 0  # parser events the tree builder consumed


def count_parsing(monkeypatch: pytest.MonkeyPatch, limit: int) -> ParseCount:
    """Count YAML parsing from now on; more than `limit` events is a failure at once (not a hang)."""
    count = ParseCount(limit)
    real = yamlsource._Builder.build

    def build(self: yamlsource._Builder, events: Iterable[object]) -> None:
        count.parses += 1

        def counted() -> Iterator[object]:
            for event in events:
                count.events += 1
                if count.events > limit:
                    raise AssertionError(f"more than {limit} YAML events: the input is not refused early")
                yield event

        real(self, counted())  # type: ignore[arg-type]

    monkeypatch.setattr(yamlsource._Builder, "build", build)
    return count


def poll(page: object, script: str, what: str, limit: float = 30.0) -> None:
    """Poll `script` (a JS function of no argument) in the page until it returns true: waiting for a state,
    not for a time. Playwright's wait_for_function cannot run under the site's CSP (no 'unsafe-eval')."""
    import time

    deadline = time.monotonic() + limit  # a bound on a hang only
    while not page.evaluate(script):  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, f"never reached: {what}"
        time.sleep(0.02)
