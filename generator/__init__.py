"""gongkai: a static-site generator for land and house expropriation (征收) disclosure sites.

Each stage is a package (load, model, rules, pages, estimate, emit, renderer, post) and `pipeline.py`
calls them through the few names each package's `__init__` exports. A package exports lazily
(`exports`): a name's module is imported when the name is first used, so a worker process that needs
one module of a package (a fan-out task, the renderer's worker) does not import the whole stage.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def exports(package: str, names: Mapping[str, str]) -> Callable[[str], object]:
    """A package's module `__getattr__`: `names` maps each exported name to its module (".module")."""

    def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562 module attribute hook
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(names[name], package), name)

    return __getattr__
