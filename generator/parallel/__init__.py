"""Shared machinery, not a stage: using every core (fan-out to workers) and the build's work cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .fanout import Work as Work
    from .fanout import cores as cores
    from .fanout import fan_out as fan_out
    from .work_cache import FileCache as FileCache
    from .work_cache import WorkCache as WorkCache
    from .work_cache import code_version as code_version
    from .work_cache import digest as digest

__all__, __getattr__ = exports(__name__, __file__)
