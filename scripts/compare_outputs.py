"""Prove that a change to the generator's machinery leaves every output byte as it was.

    .venv/bin/python scripts/compare_outputs.py record HASHES.json [--pages 3000] [--only NAME ...]
    .venv/bin/python scripts/compare_outputs.py check HASHES.json [--pages 3000] [--only NAME ...]

Builds three sites, each in a fresh temporary copy with no work folder, through the command line
(`python -m generator.commands.cli build`) of the checkout this script belongs to: the bundled
杜集区 project, tests/fixtures/other-district and a generated site of about --pages pages
(`generator.synthetic`, seed 0). Each is built twice: cold, then again with the caches the first build
left (a warm build must publish exactly what a cold one does). `record` stores the SHA-256 of every
published file (and of every input file of the generated project, so a change to the generator of
test data is told apart from a change to the output); `check` builds again and lists every file that
was added, removed or changed against the record. Exit status: 0 when nothing differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITES = ("bundled", "other-district", "synthetic")


def tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def project(name: str, dest: Path, pages: int) -> Path:
    """A private copy of the project `name` (settings, content, overrides; no build leftovers)."""
    if name == "synthetic":
        subprocess.run([sys.executable, "-m", "generator.commands.cli", "synth", "--pages", str(pages), "--out",
                        str(dest)], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        return dest
    src = REPO if name == "bundled" else REPO / "tests" / "fixtures" / name
    dest.mkdir(parents=True)
    shutil.copy2(src / "site_config.yml", dest / "site_config.yml")
    for folder in ("content", "overrides"):
        if (src / folder).is_dir():
            shutil.copytree(src / folder, dest / folder)
    return dest


def build(root: Path, out: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "generator.commands.cli", "build", "--root", str(root), "--out",
                           str(out)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{proc.stdout.decode('utf-8', 'replace')[-3000:]}")


def site_hashes(name: str, pages: int) -> dict[str, dict[str, str]]:
    with tempfile.TemporaryDirectory(prefix=f"gk-compare-{name}-") as tmp:
        root = project(name, Path(tmp) / "project", pages)
        inputs = {rel: h for rel, h in tree_hashes(root).items() if not rel.startswith(".gongkai-build/")}
        build(root, Path(tmp) / "cold")
        cold = tree_hashes(Path(tmp) / "cold")
        build(root, Path(tmp) / "warm")
        warm = tree_hashes(Path(tmp) / "warm")
    if warm != cold:
        raise SystemExit(f"{name}: a warm build differs from a cold one: {sorted(differences(cold, warm))[:20]}")
    return {"output": cold, "input": inputs if name == "synthetic" else {}}


def differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return ([f"- {k}" for k in before.keys() - after.keys()] + [f"+ {k}" for k in after.keys() - before.keys()]
            + [f"~ {k}" for k in before.keys() & after.keys() if before[k] != after[k]])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=("record", "check"))
    p.add_argument("hashes", type=Path)
    p.add_argument("--pages", type=int, default=3000)
    p.add_argument("--only", nargs="+", choices=SITES, default=list(SITES))
    args = p.parse_args()
    found = {name: site_hashes(name, args.pages) for name in args.only}
    if args.mode == "record":
        old = json.loads(args.hashes.read_text()) if args.hashes.is_file() else {}
        args.hashes.write_text(json.dumps({**old, **found}, indent=0, sort_keys=True))
        for name, got in found.items():
            print(f"{name}: {len(got['output'])} files recorded")
        return 0
    recorded = json.loads(args.hashes.read_text())
    status = 0
    for name, got in found.items():
        for part in ("input", "output"):
            diff = sorted(differences(recorded[name][part], got[part]))
            print(f"{name} {part}: {len(got[part])} files, {len(diff)} differ")
            for line in diff[:40]:
                print("   ", line)
            status |= bool(diff)
    return status


if __name__ == "__main__":
    sys.exit(main())
