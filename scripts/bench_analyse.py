"""Time the analyse stage (load, validate, resolve, rules) of a synthetic project: cold (no cache),
warm (nothing changed) and after one YAML edit, each in a fresh interpreter; wall and CPU seconds
(CPU includes the worker processes). Usage: .venv/bin/python scripts/bench_analyse.py [--pages 3000] [--repeat 3]"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ONE_RUN = """
import json, os, sys, time
from pathlib import Path
from generator.pipeline import analyse
root = Path(sys.argv[1])
t, c = time.perf_counter(), os.times()
site, diags = analyse(root)
e = os.times()
print(json.dumps({"wall": time.perf_counter() - t, "cpu": (e.user + e.system + e.children_user + e.children_system)
                  - (c.user + c.system + c.children_user + c.children_system), "diags": len(diags)}))
"""


def run(project: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", ONE_RUN, str(project)], cwd=REPO, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def edit(project: Path, n: int) -> None:
    target = sorted((project / "content" / "faq").glob("*.yml"))[0]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("updated: ", f"# edit {n}\nupdated: ", 1), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gk-bench-analyse-") as tmp:
        project = Path(tmp) / "project"
        subprocess.run([sys.executable, "-m", "generator.commands.cli", "synth", "--pages", str(args.pages), "--out",
                        str(project)], cwd=REPO, check=True, capture_output=True)
        figures: dict[str, list[dict[str, float]]] = {"cold": [], "warm": [], "one edit": []}
        for n in range(args.repeat):
            shutil.rmtree(project / ".gongkai-build", ignore_errors=True)
            figures["cold"].append(run(project))
            figures["warm"].append(run(project))
            edit(project, n)
            figures["one edit"].append(run(project))
        for name, runs in figures.items():
            best = min(runs, key=lambda r: r["wall"])
            walls = ", ".join(f"{r['wall']:.2f}" for r in runs)
            print(f"{name:9s} wall {best['wall']:.2f} s  cpu {best['cpu']:.2f} s  (all walls: {walls})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
