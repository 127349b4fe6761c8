"""Every module of the generator imports on its own, first, in a fresh interpreter: no import circle hides
behind the order in which the pipeline happens to import things (a script or a fan-out worker that starts
from another module must work too). One child interpreter; each module is imported with every
`generator` module forgotten first, so each import starts from nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import importlib, pathlib, sys, traceback
root = pathlib.Path("generator")
names = sorted(".".join(p.with_suffix("").parts[:-1] if p.name == "__init__.py" else p.with_suffix("").parts)
               for p in root.rglob("*.py"))
failed = []
# the content model (slow to build: pydantic) is imported afresh only while its own modules are tried;
# after that it stays loaded, so each other module starts from the model alone
KEPT = ("generator", "generator.model", "generator.diagnostics", "generator.codes", "generator.exports")
def forget(keep_model):
    for loaded in [m for m in sys.modules if m == "generator" or m.startswith("generator.")]:
        if not (keep_model and (loaded in KEPT or loaded.startswith("generator.model."))):
            del sys.modules[loaded]
names.sort(key=lambda n: not n.startswith("generator.model"))
for name in names:
    forget(keep_model=not name.startswith("generator.model"))
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print(len(names))
print("\n".join(failed))
"""


def test_every_module_imports_first_on_its_own():
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    count, *failed = done.stdout.splitlines()
    assert int(count) > 100
    assert [line for line in failed if line] == []
