"""Statutory checks on projects and announcements, each reported at the line where it is written.

- display minimums (D910): 征收土地预公告 at least 10 working days (土地管理法实施条例 第二十六条);
  征地补偿安置公告 at least 30 days (土地管理法 第四十七条, 实施条例 第二十八条);
  征收补偿方案征求意见 at least 30 days (国有土地上房屋征收与补偿条例 第十条);
- 征收土地公告 within 15 working days of receiving the approval (实施条例 第三十一条) (D911);
- dates in order (D912), holiday calendars present for the years counted (D913), steps that exist
  in the project's procedure (D914), kinds that fit the regime (D915), sample projects titled
  "（示例）" (D921) and the statutory contents of some announcements (D916-D918).

How periods are counted is documented in `generator/rules/workdays.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, error, warning
from ..load.validation import Located
from ..load.yamlsource import Pos
from ..model.project import HOUSE_ONLY, LAND_ONLY, Announcement, AnnouncementKind, Project
from .references import Site
from .timeline import procedure_of, step_of
from .workdays import Calendar, calendar_from, period_end, working_days_between


@dataclass(frozen=True)
class Minimum:
    value: int
    unit: str  # days / working_days
    basis: str


MINIMUMS = {
    AnnouncementKind.land_pre: Minimum(10, "working_days", "《土地管理法实施条例》第二十六条"),
    AnnouncementKind.land_plan: Minimum(30, "days", "《土地管理法》第四十七条、《土地管理法实施条例》第二十八条"),
    AnnouncementKind.house_consultation: Minimum(30, "days", "《国有土地上房屋征收与补偿条例》第十条"),
}
APPROVAL_LIMIT = Minimum(15, "working_days", "《土地管理法实施条例》第三十一条")
DECISIONS = {AnnouncementKind.land_expropriation, AnnouncementKind.land_decision, AnnouncementKind.house_decision,
             AnnouncementKind.house_compensation_decision}
UNIT_TEXT = {"days": "日", "working_days": "个工作日"}


def site_calendar(site: Site) -> Calendar:
    return calendar_from((c.year, c.holiday_dates(), c.workdays) for c in site.of("calendars"))


def project_diagnostics(site: Site) -> list[Diagnostic]:
    calendar = site_calendar(site)
    diags = _calendar_years(site)
    for project in site.of("projects"):
        located = site.located[("projects", project.id)]
        diags += _project(site, located, project, calendar)
        for i, a in enumerate(project.announcements):
            diags += _announcement(located, project, i, a, calendar)
    return diags


def _calendar_years(site: Site) -> list[Diagnostic]:
    diags, seen = [], set()
    for c in site.of("calendars"):
        if c.year in seen:
            pos = site.located[("calendars", c.id)].pos("year")
            diags.append(error(pos.path, pos.line, pos.column, "D930", f"{c.year} 年的节假日安排重复录入",
                               "每一年只保留一个节假日安排文件。"))
        seen.add(c.year)
    return diags


def _project(site: Site, located: Located, project: Project, calendar: Calendar) -> list[Diagnostic]:
    diags = []
    if project.sample and not project.title.startswith("（示例）"):
        p = located.pos("title")
        diags.append(error(p.path, p.line, p.column, "D921", "示例项目的名称没有以“（示例）”开头，可能被当成真实项目",
                           "在项目名称前加上“（示例）”，或确认是正式项目后删除 sample: true。"))
    procedure = procedure_of(site, project)
    if procedure is None:
        return diags + _approval_deadline(located, project, calendar)  # a bad id is R303 (resolve stage)
    if procedure.regime != project.regime:
        p = located.pos("procedure")
        diags.append(error(p.path, p.line, p.column, "D914", f"项目的征收类型与所选程序“{procedure.title}”不一致",
                           "集体土地征收选 land-collective 类程序，国有土地上房屋征收选 house-state 类程序。"))
        return diags
    steps = {s.id for s in procedure.steps}
    for i, entry in enumerate(project.progress):
        if entry.step not in steps:
            p = located.pos("progress", i, "step")
            diags.append(_unknown_step(p, entry.step, procedure))
    for i, a in enumerate(project.announcements):
        step = step_of(project, a)
        if a.step is not None and a.step not in steps:
            p = located.pos("announcements", i, "step")
            diags.append(_unknown_step(p, a.step, procedure))
        elif a.step is None and step is not None and step not in steps:
            p = located.pos("announcements", i, "kind")
            diags.append(_unknown_step(p, None, procedure, a.kind.value))
    diags += _approval_deadline(located, project, calendar)
    return diags


def missing_procedures(site: Site) -> list[Diagnostic]:
    """D914 warning for each project whose regime has no procedure in the site: its page has no steps.
    Only meaningful when nothing failed validation (a rejected procedure file would be the real cause)."""
    diags = []
    for project in site.of("projects"):
        if project.procedure is None and procedure_of(site, project) is None:
            p = site.located[("projects", project.id)].pos("regime")
            kind = "集体土地征收" if project.regime == "land_collective" else "国有土地上房屋征收"
            diags.append(warning(p.path, p.line, p.column, "D914",
                                 f"本站没有{kind}的征收程序，项目页面的“我的项目到哪一步了”无法列出步骤",
                                 f"在 content/procedures/ 中添加 regime: {project.regime} 的程序，或用 procedure 指定一个。"))
    return diags


def _unknown_step(p: Pos, step: str | None, procedure: Any, kind: str = "") -> Diagnostic:
    """D914 naming what the editor wrote (a step id, or only the announcement's kind) and the steps the
    procedure lists, by id and title, in order."""
    listed = "、".join(f"{s.id}（{s.title}）" for s in procedure.steps)
    if step is None:
        return error(p.path, p.line, p.column, "D914",
                     f"公告类型“{kind}”在程序“{procedure.title}”中没有对应的步骤，无法放进项目进展",
                     f"请给这份公告写上 step:，填程序中的一个步骤标识：{listed}")
    return error(p.path, p.line, p.column, "D914", f"步骤“{step}”不在程序“{procedure.title}”中",
                 f"可用的步骤标识：{listed}")


def _announcement(located: Located, project: Project, i: int, a: Announcement,
                  calendar: Calendar) -> list[Diagnostic]:
    diags = []
    where = ("announcements", i)
    if (a.kind in LAND_ONLY and project.regime != "land_collective") or (
            a.kind in HOUSE_ONLY and project.regime != "house_state"):
        p = located.pos(*where, "kind")
        diags.append(error(p.path, p.line, p.column, "D915", f"“{a.kind.value}”不适用于本项目的征收类型",
                           "集体土地征收和国有土地上房屋征收的公告类型不同，请检查公告类型或项目的 regime。"))
    if a.display_start < a.date:
        p = located.pos(*where, "display_start")
        diags.append(error(p.path, p.line, p.column, "D912",
                           f"公告期起（{a.display_start}）早于落款日期（{a.date}）", "请核对两个日期。"))
    if a.display_end is not None and a.display_end < a.display_start:
        p = located.pos(*where, "display_end")
        diags.append(error(p.path, p.line, p.column, "D912",
                           f"公告期止（{a.display_end}）早于公告期起（{a.display_start}）", "请核对两个日期。"))
        return diags
    if a.registration is not None and a.registration.end < a.registration.start:
        p = located.pos(*where, "registration", "end")
        diags.append(error(p.path, p.line, p.column, "D912", "补偿登记截止日期早于开始日期", "请核对登记期限。"))
    diags += _minimum(located, i, a, calendar)
    diags += _contents(located, i, a)
    return diags


def _minimum(located: Located, i: int, a: Announcement, calendar: Calendar) -> list[Diagnostic]:
    rule = MINIMUMS.get(a.kind)
    if rule is None:
        return []
    where = ("announcements", i)
    unit = UNIT_TEXT[rule.unit]
    if a.display_end is None:
        if "display_end" in a.pending:
            return []
        p = located.pos(*where)
        return [error(p.path, p.line, p.column, "D910", f"{a.kind.value}没有写公告期止（display_end），无法核对法定最短公告期",
                      f"法定公告期不少于 {rule.value} {unit}（{rule.basis}）。")]
    period = period_end(calendar, a.display_start, rule.value, rule.unit)
    diags = _missing_years(located, (*where, "display_end"), period.missing_years)
    if a.display_end < period.end:
        p = located.pos(*where, "display_end")
        actual = (working_days_between(calendar, a.display_start, a.display_end) if rule.unit == "working_days"
                  else (a.display_end - a.display_start).days)
        diags.append(error(
            p.path, p.line, p.column, "D910",
            f"{a.kind.value}的公告期只有 {actual} {unit}，少于法定的 {rule.value} {unit}（{rule.basis}）",
            f"公告期止应不早于 {period.end.isoformat()}（自公告发布次日起算的第 {rule.value} {unit}）。"
            "若实际公告期确实不足，应依法重新公告。"))
    return diags


def _approval_deadline(located: Located, project: Project, calendar: Calendar) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for i, a in enumerate(project.announcements):
        if a.kind != AnnouncementKind.land_expropriation:
            continue
        if project.approval is None:
            p = located.pos("announcements", i, "kind")
            diags.append(warning(p.path, p.line, p.column, "D916", "有征收土地公告，但项目没有填写征地批准信息（approval）",
                                 "填写批准机关、文号和日期（及收到日期），才能核对“收到批准文件之日起15个工作日内公告”。"))
            continue
        start = approval_start(project)
        period = period_end(calendar, start, APPROVAL_LIMIT.value, APPROVAL_LIMIT.unit)
        diags += _missing_years(located, ("announcements", i, "display_start"), period.missing_years)
        if a.display_start > period.end:
            p = located.pos("announcements", i, "display_start")
            late = working_days_between(calendar, start, a.display_start)
            diags.append(error(p.path, p.line, p.column, "D911",
                               f"征收土地公告在收到批准文件后第 {late} 个工作日才发布，超过法定的 15 个工作日（{APPROVAL_LIMIT.basis}）",
                               f"应不晚于 {period.end.isoformat()} 发布；请核对批准文件收到日期（approval.received）和公告日期。"))
    return diags


def approval_start(project: Project) -> dt.date:
    """The day the 15 working days run from: receipt of the approval, else (stricter) its date."""
    assert project.approval is not None
    return project.approval.received or project.approval.date


def _contents(located: Located, i: int, a: Announcement) -> list[Diagnostic]:
    diags = []
    where = ("announcements", i)
    if a.doc_number is None and "doc_number" not in a.pending:
        p = located.pos(*where, "title")
        diags.append(warning(p.path, p.line, p.column, "D917", f"公告“{a.title}”没有文号",
                             "照录公告的文号；确实没有或尚未取得时，把 doc_number 写入 pending。"))
    if a.kind == AnnouncementKind.land_plan and (a.registration is None or a.objection is None):
        p = located.pos(*where, "kind")
        diags.append(warning(p.path, p.line, p.column, "D918", "征地补偿安置公告没有写明补偿登记（registration）或异议反馈渠道（objection）",
                             "《土地管理法实施条例》第二十八条要求公告载明办理补偿登记的方式和期限、异议反馈渠道。"))
    if a.kind in DECISIONS and a.remedies is None:
        p = located.pos(*where, "kind")
        diags.append(warning(p.path, p.line, p.column, "D918", f"{a.kind.value}没有写明救济途径（remedies）",
                             "决定类公告应告知申请行政复议、提起行政诉讼的权利和期限（如条例第十三条、第二十六条）。"))
    return diags


def _missing_years(located: Located, loc: tuple[object, ...], years: tuple[int, ...]) -> list[Diagnostic]:
    if not years:
        return []
    p = located.pos(*loc)
    listed = "、".join(str(y) for y in years)
    return [warning(p.path, p.line, p.column, "D913", f"没有录入 {listed} 年的节假日安排，工作日只扣除了周末",
                    f"在 content/calendars/ 中按国务院办公厅通知录入 {listed} 年的放假和调休上班日期。")]
