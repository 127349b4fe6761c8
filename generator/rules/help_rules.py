"""Whom a resident can turn to, checked for every district (issue 11, journeys 3 and 4).

- D966 (warning): a remedy against decisions (行政复议, 行政诉讼 …) names no body (`bodies`): pages can say
  neither the 复议机关 nor the court for a project's decision, nor list them on the remedy's page. The
  national layer ships these remedies without bodies (they depend on the district), so a new district
  is told here.
- D967 (warning): the site has no contact (咨询与办理): every page's 有问题找谁 has only the national hotlines.
- D968 (warning): a decision announcement's issuer is named by no remedy's `bodies` (acts_of), although the
  remedy names bodies for others: the page under that decision cannot name the 复议机关 or the court (a name
  written without its city, 南康区人民政府 for 赣州市南康区人民政府, still matches: remedy_dates.same_authority).
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic, warning
from ..load.layers import PREFIX
from .references import CONFIG_KEY, Site
from .remedy_dates import DECISIONS, body_for


def _config_at(site: Site, *loc: object) -> tuple[int, int]:
    config = site.located.get(CONFIG_KEY)
    pos = config.pos(*loc) if config is not None else None
    return (pos.line, pos.column) if pos else (0, 0)


def for_decisions(remedy: Any) -> bool:
    return any("决定" in x for x in remedy.applies_to) and remedy.deadline.kind == "within"


def help_diagnostics(site: Site) -> list[Diagnostic]:
    diags = []
    district = site.config.district
    for r in site.of("remedies"):
        if r.bodies or not for_decisions(r):
            continue
        located = site.located[("remedies", r.id)]
        layer = located.path.startswith(PREFIX)
        pos = located.pos("where")
        path, line, column = (("site_config.yml", *_config_at(site, "district")) if layer
                              else (located.path, pos.line, pos.column))
        diags.append(warning(
            path, line, column, "D966", f"维权途径“{r.name}”没有写明向谁提出（bodies），页面说不出{district}作出的决定由哪个机关受理",
            f"在 content/remedies/{r.id}.yml 中写 bodies，按作出决定的机关写明受理机关，如 "
            f"bodies: [{{acts_of: {district}人民政府, body: 上一级人民政府或中级人民法院的名称}}]"
            + ("；这份是全国通用的维权途径，在 content/remedies/ 中写一份同样标识的文件即可替换它。"
               if layer else "。")))
    diags += _unmatched_issuers(site)
    if not site.of("contacts"):
        diags.append(warning("site_config.yml", *_config_at(site, "district"), "D967",
                             "本站没有咨询与办理的联系方式（content/contacts），每页的“有问题找谁”只有全国热线",
                             "在 content/contacts/ 中至少写上征收中心：名称、可以办理的事；电话、地址、办公时间"
                             "还没核实的写进 pending。"))
    return diags


def _unmatched_issuers(site: Site) -> list[Diagnostic]:
    named = [r for r in site.of("remedies") if r.bodies and for_decisions(r)]
    diags = []
    for project in site.of("projects") if named else ():
        for i, a in enumerate(project.announcements):
            missing = [r.name for r in named if a.kind in DECISIONS and not body_for(r, a.issuer)]
            if not missing:
                continue
            p = site.located[("projects", project.id)].pos("announcements", i, "issuer")
            diags.append(warning(
                p.path, p.line, p.column, "D968",
                f"公告落款“{a.issuer}”在维权途径{'、'.join(f'“{m}”' for m in missing)}的 bodies 中找不到，"
                "这份决定下面说不出向哪个机关申请",
                "把落款写成与 bodies 中 acts_of 相同的机关全称，或在 content/remedies/ 的 bodies 中为这个机关加一条。"))
    return diags
