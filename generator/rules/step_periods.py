"""Periods a resident acts in, checked where they are written (issue 11, journey 2).

- D965 (error): an announcement's recorded end of display (display_end) is earlier than the end of its
  step's own statutory minimum (the procedure's `time_limit` of kind `min`, counted from display_start).
  The page shows the recorded end, so a short period would be shown to residents as if it were lawful.
  Announcement kinds with a national minimum of their own are D910's (project_rules.MINIMUMS).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, error
from .project_rules import MINIMUMS, UNIT_TEXT, site_calendar
from .references import Site
from .timeline import procedure_of, step_of
from .workdays import period_end


def step_period_diagnostics(site: Site) -> list[Diagnostic]:
    calendar = site_calendar(site)
    diags = []
    for project in site.of("projects"):
        procedure = procedure_of(site, project)
        if procedure is None:
            continue
        steps = {s.id: s for s in procedure.steps}
        for i, a in enumerate(project.announcements):
            step = steps.get(step_of(project, a) or "")
            limit = step.time_limit if step else None
            if (step is None or limit is None or limit.kind != "min" or a.display_end is None
                    or a.kind in MINIMUMS or limit.unit not in UNIT_TEXT):
                continue
            end = period_end(calendar, a.display_start, limit.value, limit.unit).end
            if a.display_end < end:
                p = site.located[("projects", project.id)].pos("announcements", i, "display_end")
                diags.append(error(
                    p.path, p.line, p.column, "D965",
                    f"公告期止（{a.display_end}）早于“{step.title}”的法定最短期限：不少于 {limit.value} "
                    f"{UNIT_TEXT[limit.unit]}，从 {a.display_start} 起算应到 {end}",
                    "请核对公告原件写的公告期；原件确实不足法定期限的，应依法重新公告。"))
    return diags
