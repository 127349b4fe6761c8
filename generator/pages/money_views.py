"""Money and homes in plain words: the block on each project page and the figures the funds, audit and
estate pages share. Exact figures only (`text.format_amount` never rounds); dates as 2026年5月8日."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..model.funds import CATEGORIES, Funds
from ..model.housing import Estate
from ..model.project import Project
from ..rules.money_status import ProjectMoney, project_money
from ..rules.references import Site
from .links import page_path, relative
from .text import amount_value, format_amount


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def money(amount: Decimal) -> dict[str, str]:
    """An exact amount for a template: shown with separators, machine value for <data>."""
    return {"text": format_amount(amount), "value": amount_value(amount)}


def funds_sentence(f: Funds) -> str:
    """补偿款已全部存入专户（2026年5月8日）；已有 132 户中的 120 户领取补偿."""
    funded = f.funded()
    if funded is not None:
        words = f"补偿款已全部存入专户（{cn_date(funded[1])}）"
    elif f.deposits:
        missing = f.required - f.deposited
        words = f"补偿款已存入专户 {format_amount(f.deposited)} 元，还差 {format_amount(missing)} 元未到位"
    else:
        words = "补偿款还没有存入专户"
    if f.households is not None:
        h = f.households
        words += f"；已有 {h.total} 户中的 {h.paid} 户领取补偿"
    return words


def estate_sentence(e: Estate) -> str:
    ready = sum(b.ready for b in e.bands)
    allocated = sum(b.allocated for b in e.bands)
    if e.delivered and e.delivery:
        when = f"{cn_date(e.delivery)}已交房"
    elif e.delivery:
        when = f"计划{cn_date(e.delivery)}交房"
    else:
        when = "交房日期待定"
    return f"{e.name}共 {e.total_units} 套，已建成 {ready} 套，已分配 {allocated} 套，{when}"


def progress(m: ProjectMoney, here: str) -> list[dict[str, str]]:
    """足额到位 → 拨付 → 审计, each done / now / todo with one line of words."""
    f = m.funds
    funded = m.funded
    steps = [{"title": "足额到位", "state": "done" if funded else ("now" if f and f.deposits else "todo"),
              "text": f"{cn_date(funded)} 存足 {format_amount(f.required)} 元" if f and funded else
              (f"已存入 {format_amount(f.deposited)} 元，需 {format_amount(f.required)} 元" if f else "尚未公布"),
              "href": ""}]
    paid = f.disbursed if f else Decimal(0)
    if f and f.batches:
        state = "done" if paid >= f.required else "now"
        text = f"已拨付 {len(f.batches)} 批，共 {format_amount(paid)} 元"
    else:
        state, text = "todo", "还没有拨付"
    steps.append({"title": "拨付", "state": state, "text": text, "href": ""})
    if m.audits:
        a = m.audits[0]
        steps.append({"title": "审计", "state": "done", "text": f"{cn_date(a.date)} {a.issuer}公布审计结果",
                      "href": relative(here, page_path("audits", a.id))})
    else:
        steps.append({"title": "审计", "state": "todo", "text": "还没有审计结果", "href": ""})
    return steps


STATE_LABELS = {"done": "已完成", "now": "进行中", "todo": "未开始"}


def project_money_view(site: Site, project: Project, here: str) -> dict[str, Any] | None:
    """The context of `_project_money.md.j2`, or None when nothing about money or homes is recorded."""
    m = project_money(site, project)
    if m.funds is None and not m.audits and m.resettlement is None and not m.estates:
        return None
    f = m.funds
    steps = [{**s, "label": STATE_LABELS[s["state"]]} for s in progress(m, here)]
    return {
        "funds": ({"sentence": funds_sentence(f), "source": f.source, "source_url": f.source_url or "",
                   "href": relative(here, page_path("funds", f.id)), "sample": f.sample} if f else None),
        "steps": steps,
        "audits": [{"title": a.title, "date": a.date.isoformat(), "href": relative(here, page_path("audits", a.id))}
                   for a in m.audits],
        "homes": [{"sentence": estate_sentence(e), "source": e.source, "sample": e.sample,
                   "href": relative(here, page_path("estates", e.id))} for e in m.estates],
        "resettle_first": _resettle_first(m),
        "unpublished": bool(m.decision) and f is None,
    }


def _resettle_first(m: ProjectMoney) -> str:
    """Whether 先安置后拆迁 applies and holds, in words (a demolition before delivery is D976, never shown)."""
    r = m.resettlement
    if r is None or not r.resettle_first:
        return ""
    words = "本项目实行先安置后拆迁：安置房交房以后才开始拆除"
    delivered = [e.delivery for e in m.estates if e.delivered and e.delivery and e.id in r.estates]
    if r.demolition_start is None:
        return words + "，目前还没有开始拆除"
    if delivered:
        return words + f"；安置房{cn_date(max(delivered))}交房，{cn_date(r.demolition_start)}开始拆除，做到了先安置后拆迁"
    return words + f"；{cn_date(r.demolition_start)}开始拆除"


def category_columns(f: Funds) -> list[str]:
    """The categories used by this project's plan or batches, in the statutory order."""
    used = {c.category for c in f.required_by_category} | {a.category for b in f.batches for a in b.amounts}
    return [c for c in CATEGORIES if c in used]
