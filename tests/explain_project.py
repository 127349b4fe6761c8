"""The `explain` fixture project (tests/fixtures/explain/) analysed and built once per test session,
shared by the estimator and explainer tests; plus helpers to turn estimator form values into the
generator's Situation, exactly as gk-estimator.js reads its form."""

from __future__ import annotations

import functools
from pathlib import Path

from conftest import FIXTURES, source_copy

from generator import pipeline
from generator.model.standard import Situation
from generator.rules.references import Site

PROJECT = FIXTURES / "explain"


@functools.cache
def explain_site() -> Site:
    site, diags = pipeline.analyse(source_copy(PROJECT))  # a copy: analysing writes a cache beside the content
    assert site is not None and not diags, "\n".join(d.format() for d in diags)
    return site


@functools.cache
def built_explain_site() -> Path:
    project = source_copy(PROJECT)  # deleted when the session ends
    result = pipeline.build(project, project / "site")
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    return project / "site"


def situation_from_form(zone: str, values: dict[str, str]) -> Situation:
    """Form field values (name -> text; checkboxes as "1") -> the Situation gk-estimator.js builds."""
    lines: dict[str, dict[str, str]] = {}
    shared: dict[str, str] = {}
    for name, value in values.items():
        if value == "":
            continue
        parts = name.split(":")
        if parts[0] == "shared":
            shared[parts[1]] = value
        elif parts[0] == "zone" and zone:
            lines.setdefault(zone, {})[parts[1]] = value
        elif parts[0] == "line":
            lines.setdefault(parts[1], {})[parts[2]] = value
    return Situation.model_validate({"lines": lines, "shared": shared})
