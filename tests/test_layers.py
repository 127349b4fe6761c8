"""The folders are the pipeline: a stage never imports a later one, nothing imports the commands, no
module imports itself through others, and generator/ holds only the pipeline's few modules and the
stage packages. Read with ast from the source (imports inside functions and under TYPE_CHECKING count)."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
CORE = ("load", "model", "rules", "pages")
LATER = ("renderer", "post", "emit", "commands")
TOP_LEVEL = {"__init__.py", "pipeline.py", "publish.py", "diagnostics.py", "codes.py"}
MAX_LINES = 350


def _name(path: Path, root: Path = GENERATOR) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str], root: Path = GENERATOR) -> set[str]:
    """The generator modules `path` imports: `from package import a, b` imports the modules a and b when both
    are modules (the package is then only their parent), else the package too."""
    name = _name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            submodules = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in modules]
            names = submodules if len(submodules) == len(node.names) else [target, *submodules]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(n for n in names if n in modules and n != name)
    return found


def _graph() -> dict[str, set[str]]:
    files = {_name(p): p for p in GENERATOR.rglob("*.py")}
    return {name: _imports(path, set(files)) for name, path in files.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (GENERATOR / parts[1]).is_dir()) else ""


def test_the_core_never_imports_a_later_stage_and_nothing_imports_the_commands():
    wrong = sorted(f"{module} imports {target}" for module, targets in _graph().items() for target in targets
                   if (_stage(module) in CORE and _stage(target) in LATER)
                   or (_stage(target) == "commands" and _stage(module) != "commands"))
    assert wrong == []


def test_no_import_circle():
    graph, circles = _graph(), []
    for start in sorted(graph):  # a path from a module's imports back to itself
        seen, todo = set(), list(graph[start])
        while todo:
            module = todo.pop()
            if module == start:
                circles.append(start)
                break
            if module not in seen:
                seen.add(module)
                todo.extend(graph[module])
    assert circles == []


def test_the_top_level_holds_the_pipeline_and_the_stage_packages_only():
    stray = sorted(p.name for p in GENERATOR.iterdir() if p.suffix == ".py" and p.name not in TOP_LEVEL)
    assert stray == []
    long = sorted(f"{p.relative_to(GENERATOR)}: {n}" for p in GENERATOR.rglob("*.py")
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES)
    assert long == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path):
    module = tmp_path / "generator" / "rules" / "bad.py"
    module.parent.mkdir(parents=True)
    module.write_text("from ..renderer import qr\nfrom ..commands.cli import main\n", encoding="utf-8")
    found = _imports(module, {"generator.renderer.qr", "generator.commands.cli", "generator.renderer"},
                     tmp_path / "generator")
    assert found == {"generator.renderer.qr", "generator.commands.cli"}


def test_the_pipeline_uses_only_the_names_each_stage_package_exports():
    deep = []
    for name in sorted(TOP_LEVEL):
        for node in ast.walk(ast.parse((GENERATOR / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module and "." in node.module:
                deep.append(f"{name}: from .{node.module} import ...")
    assert deep == []


def test_every_exported_name_resolves():
    import importlib
    import types

    for folder in sorted(p for p in GENERATOR.iterdir() if (p / "__init__.py").is_file()):
        package = importlib.import_module(f"generator.{folder.name}")
        missing = [n for n in getattr(package, "__all__", ())  # a submodule of the same name would hide it
                   if getattr(package, n, None) is None or isinstance(getattr(package, n), types.ModuleType)]
        assert missing == [], folder.name
