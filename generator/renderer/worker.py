"""Render worker: `python -m generator.renderer.worker RUNS RESULTS` renders each pickled `Run` in
turn and pickles the `RunResult`s. A fresh interpreter rather than a fork, so it is safe whatever
threads or `__main__` the caller has."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from .mkdocs_run import Run, render_run


def main(argv: list[str]) -> int:
    runs: list[Run] = pickle.loads(Path(argv[0]).read_bytes())
    Path(argv[1]).write_bytes(pickle.dumps([render_run(run) for run in runs]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
