"""Pages for compensation funds (补偿资金) and audit results (审计结果), with their section indexes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model.audit import AuditReport
from ..model.funds import Funds
from ..rules.money_status import project_money
from ..rules.references import Site
from .links import page_path, relative
from .money_views import STATE_LABELS, category_columns, cn_date, funds_sentence, money, progress
from .page import Page, latest

FUNDS, AUDITS = "funds", "audits"
SECTION_LABEL = "补偿款和审计"  # the navigation entry: also the search filter's 类型
AUDITS_LABEL = "审计结果"
PENDING = "待补充"


def funds_pages(site: Site) -> list[Page]:
    funds: tuple[Funds, ...] = site.of("funds")
    projects = site.by_id.get("projects", {})
    pages = [_funds_page(site, f) for f in funds]
    index = page_path(FUNDS)
    rows = [{"title": projects[f.project].title, "sentence": funds_sentence(f), "sample": f.sample,
             "href": relative(index, page_path(FUNDS, f.id))} for f in sorted(funds, key=lambda f: f.project)]
    pages.append(Page(path=index, title="补偿款到位了吗", section=SECTION_LABEL, kind="index",
                      description="每个征收项目的补偿款：是否足额存入专户、拨付了多少、谁审核的、审计结果。",
                      updated=latest([f.updated for f in funds], site.config.updated), template="funds_index.md.j2",
                      context={"rows": rows, "audits_href": relative(index, page_path(AUDITS)),
                               "estates_href": relative(index, page_path("estates"))},
                      sample=any(f.sample for f in funds)))
    return pages


def _funds_page(site: Site, f: Funds) -> Page:
    path = page_path(FUNDS, f.id)
    project = site.by_id["projects"][f.project]
    m = project_money(site, project)
    columns = category_columns(f)
    plan = {c.category: c.amount for c in f.required_by_category}
    batches = []
    for b in sorted(f.batches, key=lambda b: (b.date, b.id)):
        by = {a.category: Decimal(0) for a in b.amounts}
        for a in b.amounts:
            by[a.category] += a.amount
        batches.append({"b": b, "date": b.date.isoformat(), "total": money(b.total),
                        "cells": [money(by[c]) if c in by else None for c in columns],
                        "departments": "、".join(b.review.departments), "meeting": b.review.meeting_date.isoformat()})
    context = {
        "f": f, "project": {"title": project.title, "href": relative(path, page_path("projects", project.id))},
        "sentence": funds_sentence(f),
        "steps": [{**s, "label": STATE_LABELS[s["state"]]} for s in progress(m, path)],
        "required": money(f.required), "deposited": money(f.deposited), "disbursed": money(f.disbursed),
        "plan": [{"category": c, "amount": money(plan[c])} for c in columns if c in plan],
        "deposits": [{"date": d.date.isoformat(), "amount": money(d.amount), "note": d.note or ""}
                     for d in sorted(f.deposits, key=lambda d: d.date)],
        "columns": columns, "batches": batches,
        "households": f.households, "households_as_of": cn_date(f.households.as_of) if f.households else "",
        "audits": [{"title": a.title, "date": a.date.isoformat(), "href": relative(path, page_path(AUDITS, a.id))}
                   for a in m.audits],
    }
    return Page(path=path, title=f"{project.title}：补偿资金", section=SECTION_LABEL, kind=FUNDS,
                description=funds_sentence(f), updated=f.updated, template="funds.md.j2", context=context,
                sample=f.sample, areas=(site.areas[project.area].name,))


def audit_pages(site: Site) -> list[Page]:
    audits: tuple[AuditReport, ...] = site.of("audits")
    pages = [_audit_page(site, a) for a in audits]
    index = page_path(AUDITS)
    rows = [{"title": a.title, "date": a.date.isoformat(), "issuer": a.issuer, "findings": a.findings,
             "sample": a.sample, "href": relative(index, page_path(AUDITS, a.id))}
            for a in sorted(audits, key=lambda a: (a.date, a.id), reverse=True)]
    pages.append(Page(path=index, title=AUDITS_LABEL, section=SECTION_LABEL, kind="index",
                      description="审计机关对征收补偿资金管理和使用情况的审计结果（国有土地上房屋征收与补偿条例第二十九条）。",
                      updated=latest([a.updated for a in audits], site.config.updated), template="audits_index.md.j2",
                      context={"rows": rows, "funds_href": relative(index, page_path(FUNDS))},
                      sample=any(a.sample for a in audits)))
    return pages


def _audit_page(site: Site, a: AuditReport) -> Page:
    path = page_path(AUDITS, a.id)
    projects = site.by_id.get("projects", {})
    covered = [projects[p] for p in a.projects if p in projects]
    context: dict[str, Any] = {
        "a": a, "date": a.date.isoformat(), "doc_number": a.doc_number or PENDING,
        "projects": [{"title": p.title, "href": relative(path, page_path("projects", p.id))} for p in covered],
    }
    return Page(path=path, title=a.title, section=SECTION_LABEL, kind=AUDITS, description=a.findings,
                updated=a.updated, template="audit.md.j2", context=context, sample=a.sample,
                areas=tuple(sorted({site.areas[p.area].name for p in covered})), published=a.date)
