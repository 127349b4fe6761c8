"""Where a project's money and homes stand, derived once for pages and `gongkai report`.

- 足额到位: the day the deposits reached the amount required (`Funds.funded`);
- 拨付: the batches, what was paid out and to how many households;
- 审计: the audit reports that cover the project, latest first.

Lateness (the 公开事项对照表 and `gongkai report`): a project whose 房屋征收决定 or 征收土地公告 is out
but whose fund status is not published is late; so is a project still disbursing whose latest audit
is older than `AUDIT_MAX_AGE` (a yearly audit, as the center reports yearly: an inference, not a
statutory period), or that has had none a year after its first batch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..model.audit import AuditReport
from ..model.funds import Funds
from ..model.housing import Estate, Resettlement
from ..model.project import Project
from .money_rules import decision_of
from .place_filter import matches
from .references import Site

AUDIT_MAX_AGE = dt.timedelta(days=365)


@dataclass(frozen=True)
class ProjectMoney:
    project: Project
    funds: Funds | None
    audits: tuple[AuditReport, ...]  # latest first
    resettlement: Resettlement | None
    estates: tuple[Estate, ...]
    decision: tuple[str, dt.date, str] | None  # (what, date, legal basis)

    @property
    def funded(self) -> dt.date | None:
        found = self.funds.funded() if self.funds else None
        return found[1] if found else None


def project_money(site: Site, project: Project) -> ProjectMoney:
    funds = next((f for f in site.of("funds") if f.project == project.id), None)
    audits = tuple(sorted((a for a in site.of("audits") if project.id in a.projects),
                          key=lambda a: (a.date, a.id), reverse=True))
    resettlement = next((r for r in site.of("resettlement") if r.project == project.id), None)
    estates_by_id = site.by_id.get("estates", {})
    ids = list(resettlement.estates) if resettlement else []
    ids += [e.id for e in site.of("estates") if any(project.id in r.projects for r in e.rounds) and e.id not in ids]
    estates = tuple(estates_by_id[i] for i in ids if i in estates_by_id)
    return ProjectMoney(project, funds, audits, resettlement, estates, decision_of(project))


def money_findings(site: Site, type_key: str, day: dt.date,
                   projects: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """(gaps, late) for a catalogue place `type: funds` or `type: audits`, as of `day`, over the projects
    whose fields have the values in `projects` (the place's `where: {project.regime: …}`)."""
    late: list[str] = []
    if type_key not in ("funds", "audits"):
        return [], late
    wanted = projects or {}
    for project in site.of("projects"):
        if not matches(site, project, wanted):
            continue
        m = project_money(site, project)
        if type_key == "funds" and m.decision and m.decision[1] <= day and m.funds is None:
            late.append(f"项目“{project.title}”的{m.decision[0]}已于 {m.decision[1]} 作出，"
                        "还没有公布补偿资金到位情况")
        if type_key == "audits" and m.funds and m.funds.batches:
            late += _audit_late(m, day)
    return [], late


def _audit_late(m: ProjectMoney, day: dt.date) -> list[str]:
    first = min(b.date for b in m.funds.batches) if m.funds else day
    last_batch = max(b.date for b in m.funds.batches) if m.funds else day
    if not m.audits:
        if day - first > AUDIT_MAX_AGE:
            return [f"项目“{m.project.title}”自 {first} 开始拨付补偿款，一年多来没有公布审计结果"]
        return []
    latest = m.audits[0].date
    if day - latest > AUDIT_MAX_AGE and last_batch > latest:
        return [f"项目“{m.project.title}”最近一次审计结果是 {latest}，此后仍在拨付，已超过一年没有新的审计结果"]
    return []


def evidence_title(site: Site, type_key: str, item: Any) -> str | None:
    """What the 公开事项对照表 calls a funds or resettlement item: after its project, which has the title."""
    if type_key not in ("funds", "resettlement"):
        return None
    project = site.by_id.get("projects", {}).get(item.project)
    what = "补偿资金" if type_key == "funds" else "先安置后拆迁"
    return f"{project.title}：{what}" if project else None
