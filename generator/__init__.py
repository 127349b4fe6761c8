"""gongkai: a static-site generator for land and house expropriation (征收) disclosure sites.

Each stage is a package (load, model, rules, pages, estimate, emit, renderer, post) and `pipeline.py`
calls them through the few names each package's `__init__` exports. A package exports lazily
(`exports`): a name's module is imported when the name is first used, so a worker process that needs
one module of a package (a fan-out task, the renderer's worker) does not import the whole stage.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable
from pathlib import Path


def exports(package: str, init_file: str) -> tuple[list[str], Callable[[str], object]]:
    """A package's `__all__` and module `__getattr__`, read from the `if TYPE_CHECKING:` imports of its
    `__init__.py` (`from .module import name as name`): those lines are the one list of what it exports,
    for type checkers and readers, and the module is imported only when a name is first used."""
    home: dict[str, str] = {}
    for node in ast.walk(ast.parse(Path(init_file).read_text(encoding="utf-8"))):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.level == 1 and statement.module:
                    home.update((alias.asname or alias.name, "." + statement.module) for alias in statement.names)

    def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562 module attribute hook
        if name not in home:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(home[name], package), name)

    return sorted(home), __getattr__
