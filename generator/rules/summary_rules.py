"""A hand-written summary that lags behind its project (D923, warning).

When an announcement moves a project forward, its `summary` (一句话看懂, written by hand) easily keeps
saying what was true before. Warned about: a summary that names a step the project has already passed
(a done step before the last done one), or says "下一步" and then names a step already done. A
summary that says where the project stands in other words is not recognised (it is free text).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, warning
from .references import Site
from .timeline import timeline


def summary_diagnostics(site: Site) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for project in site.of("projects"):
        line = timeline(site, project)
        last = line.last_done if line else None
        if line is None or last is None:
            continue
        after_next = project.summary.split("下一步", 1)[1] if "下一步" in project.summary else ""
        done = [s for s in line.steps if s.state == "done"]
        stale = next((s for s in done if (s.index < last.index and s.step.title in project.summary)
                      or s.step.title in after_next), None)
        if stale is None:
            continue
        nxt = line.next_step
        p = site.located[("projects", project.id)].pos("summary")
        diags.append(warning(p.path, p.line, p.column, "D923",
                             f"项目的“一句话看懂”还在说“{stale.step.title}”，但项目已进展到“{last.step.title}”"
                             + (f"，下一步是“{nxt.step.title}”" if nxt else ""),
                             "发布新公告后，请同时更新项目的 summary，写明现在到了哪一步。"))
    return diags
