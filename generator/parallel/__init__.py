"""Shared machinery, not a stage: using every core (fan-out to workers) and the build's work cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .fanout import Work, cores, fan_out
    from .work_cache import FileCache, WorkCache, code_version, digest

__all__ = [
    "FileCache", "Work", "WorkCache", "code_version", "cores", "digest", "fan_out",
]
__getattr__ = exports(__name__, {
    "Work": ".fanout",
    "cores": ".fanout",
    "fan_out": ".fanout",
    "FileCache": ".work_cache",
    "WorkCache": ".work_cache",
    "code_version": ".work_cache",
    "digest": ".work_cache",
})
