"""Catalogue rows marked not applicable exist (R303); each row has a public explanation (D964). Villages belong to towns (D922): a project's `area` is a town or street of site_config.yml, and each
village it names is one of that town's villages (by name or id) when the town lists its villages.
A district that has not listed villages yet is not held to this (the names stay free text)."""

from __future__ import annotations

from ..diagnostics import Diagnostic, error, warning
from ..model.fields import LABELS
from .references import Site


def place_diagnostics(site: Site) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    rows = {r.id for r in site.of("disclosure_items")}
    for n in site.config.not_applicable:
        if n.item not in rows:
            diags.append(error("site_config.yml", 0, 0, "R303", f"不适用的目录行“{n.item}”不存在",
                               "not_applicable 的 item 写公开事项（对照表中每一行）的标识。"))
    diags += explanation_diagnostics(site)
    towns = {a.id: a for a in site.config.areas}
    for project in site.of("projects"):
        located = site.located[("projects", project.id)]
        town = towns.get(project.area)
        if town is None:
            owner = site.town_of(project.area)
            if owner is not None:  # a village id where the town belongs
                p = located.pos("area")
                diags.append(error(p.path, p.line, p.column, "D922",
                                   f"所在镇街（area）写的是村“{site.areas[project.area].name}”，应写它所属的“{owner.name}”",
                                   f"area 写镇街的标识 {owner.id}；村写在 villages 中。"))
            continue
        if not town.villages:
            continue
        known = {v.name: v for v in town.villages} | {v.id: v for v in town.villages}
        for i, name in enumerate(project.villages):
            if name in known:
                continue
            other = next((a for a in site.config.areas if any(name in (v.name, v.id) for v in a.villages)), None)
            p = located.pos("villages", i)
            where = f"它属于“{other.name}”" if other else f"“{town.name}”的村（社区）名单中没有它"
            diags.append(error(p.path, p.line, p.column, "D922", f"村（社区）“{name}”不在项目所在的“{town.name}”：{where}",
                               f"“{town.name}”下的村（社区）：{'、'.join(v.name for v in town.villages)}；"
                               "新的村请先加到 site_config.yml 中这个镇街的 villages。"))
    return diags


def explanation_diagnostics(site: Site) -> list[Diagnostic]:
    """D964: a catalogue row without `explanation` tells the resident nothing in plain words (the
    research `note` is for editors only and never shown)."""
    diags: list[Diagnostic] = []
    for row in site.of("disclosure_items"):
        if row.explanation and row.explanation.strip():
            continue
        p = site.located[("disclosure_items", row.id)].pos("id")
        diags.append(warning(p.path, p.line, p.column, "D964",
                             f"公开事项“{row.level2 or row.level1}”（{row.id}）没有给群众看的说明（explanation）",
                             "用大白话写明公开什么、在本站哪里能看到、什么时候公开、依据哪一条；"
                             "本中心自己的做法标（本中心做法），没核实的标（待核实）。来源和研究记录写在 note。"))
    return diags


def period_diagnostics(site: Site) -> list[Diagnostic]:
    """D924: a standard's period for a project must be in order, on a project of a regime it applies to,
    and not before the project's first announcement (the period belongs to that project)."""
    diags: list[Diagnostic] = []
    projects = site.by_id.get("projects", {})
    for standard in site.of("compensation_standards"):
        located = site.located[("compensation_standards", standard.id)]
        for i, period in enumerate(standard.project_periods):
            project = projects.get(period.project)
            if project is None:
                continue  # R303 (resolve stage)
            problem = ""
            if period.end < period.start:
                problem = f"{period.what}的止（{period.end}）早于起（{period.start}）"
            elif standard.regime not in ("both", project.regime):
                problem = f"标准适用于{LABELS[standard.regime]}，项目“{project.title}”是{LABELS[project.regime]}"
            elif project.announcements and period.start < min(a.date for a in project.announcements):
                problem = f"{period.what}（{period.start} 起）早于项目“{project.title}”的第一份公告"
            if problem:
                p = located.pos("project_periods", i)
                diags.append(error(p.path, p.line, p.column, "D924", problem,
                                   "期限要与项目公告（如征收补偿方案、征收决定）写明的期限一致。"))
    return diags
