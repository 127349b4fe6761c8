"""Pages for procedures (征收程序): step-by-step, with time limits and their legal basis."""

from __future__ import annotations

from ..model.procedure import Procedure
from ..model.standard import REGIME_LABELS
from ..rules.legal_review import review_state
from ..rules.references import Site
from .flowchart import flowchart
from .history import history_rows, latest_change
from .links import page_path, relative
from .page import Page, latest
from .views import cite, time_limit_text

SECTION = "procedures"
LABEL = "征收程序"


def procedure_pages(site: Site) -> list[Page]:
    procedures: tuple[Procedure, ...] = site.of("procedures")
    pages = [_procedure_page(site, p) for p in procedures]
    index_path = page_path(SECTION)
    entries = [{"title": p.title, "href": relative(index_path, page_path(SECTION, p.id)), "summary": p.summary,
                "regime": REGIME_LABELS[p.regime], "steps": len(p.steps)} for p in procedures]
    pages.append(Page(path=index_path, title=LABEL, section=LABEL, kind="index",
                      description="集体土地征收和国有土地上房屋征收的法定步骤、期限和群众能做的事。",
                      updated=latest([p.updated for p in procedures], site.config.updated),
                      template="procedures_index.md.j2", context={"procedures": entries}))
    return pages


def _procedure_page(site: Site, p: Procedure) -> Page:
    path = page_path(SECTION, p.id)
    steps = []
    for number, step in enumerate(p.steps, start=1):
        steps.append({
            "number": number,
            "step": step,
            "time_limit": time_limit_text(step.time_limit) if step.time_limit else "",
            "time_limit_basis": cite(site, step.time_limit.basis, path) if step.time_limit else None,
            "basis": [cite(site, c, path) for c in step.basis],
        })
    context = {"p": p, "regime": REGIME_LABELS[p.regime], "basis": [cite(site, c, path) for c in p.basis],
               "steps": steps, "flow": flowchart(p), "history": history_rows(p, path, SECTION),
               "review": review_state(p)}
    return Page(path=path, title=p.title, section=LABEL, kind="procedures", description=p.summary,
                updated=p.updated, template="procedure.md.j2", context=context, change=latest_change(p))
