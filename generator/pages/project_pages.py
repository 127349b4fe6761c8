"""Pages for projects (征收项目): each project's timeline (我的项目到哪一步了) and announcements,
and the section index listing projects by town (镇街)."""

from __future__ import annotations

from typing import Any

from ..model.project import STATUS_LABELS, Announcement, Project
from ..model.standard import REGIME_LABELS
from ..rules.project_rules import MINIMUMS, UNIT_TEXT, site_calendar
from ..rules.references import Site
from ..rules.remedy_dates import counting_text, last_day, remedy_dates
from ..rules.timeline import STATE_LABELS, StepState, Timeline, Window, content_date, procedure_of, timeline
from .attachments import attachment_views
from .links import page_path, relative
from .money_views import project_money_view
from .page import Page, latest
from .text import iso_date
from .views import time_limit_text

SECTION = "projects"
LABEL = "征收项目"
PENDING = "待补充"


def project_pages(site: Site) -> list[Page]:
    projects: tuple[Project, ...] = site.of(SECTION)
    day = content_date(site)
    lines = {p.id: timeline(site, p, day) for p in projects}
    pages = [_project_page(site, p, lines[p.id]) for p in projects]
    index_path = page_path(SECTION)
    towns = []
    for area in site.config.areas:
        members = sorted((p for p in projects if p.area == area.id), key=lambda p: (p.status != "in_progress", p.title))
        listed = {v.name: v for v in area.villages} | {v.id: v for v in area.villages}
        villages = [{"id": v.id, "name": v.name, "projects": [
            _entry(index_path, p, lines[p.id]) for p in members if any(listed.get(n) is v for n in p.villages)]}
            for v in area.villages]
        towns.append({"id": area.id, "name": area.name, "villages": [v for v in villages if v["projects"]],
                      "projects": [_entry(index_path, p, lines[p.id]) for p in members
                                   if not any(n in listed for n in p.villages)]})
    pages.append(Page(path=index_path, title=LABEL, section=LABEL, kind="index",
                      description="按镇（街道）查看征收项目：项目到了哪一步、发布了哪些公告、下一步是什么。",
                      updated=latest([p.updated for p in projects], site.config.updated),
                      template="projects_index.md.j2", context={"towns": towns, "count": len(projects)},
                      sample=any(p.sample for p in projects)))
    return pages


def _entry(index_path: str, p: Project, line: Timeline | None) -> dict[str, Any]:
    last = line.last_done if line else None
    nxt = line.next_step if line else None
    now = line.open_steps if line else ()
    return {"title": p.title, "href": relative(index_path, page_path(SECTION, p.id)), "summary": p.summary,
            "regime": REGIME_LABELS[p.regime], "status": STATUS_LABELS[p.status], "sample": p.sample,
            "last": last.step.title if last else "", "next": nxt.step.title if nxt else "",
            "now": "、".join(s.step.title for s in now),
            "maybe": "、".join(s["title"] for s in _maybe_first([{"title": s.step.title, "state": s.state}
                                                               for s in (line.steps if line else ())]))}


def _maybe_first(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Conditional steps between where the project stands and its next step: they may come first (a
    补偿安置决定 for the few who did not sign), so the summary's 下一步 names them too."""
    at = max((i for i, s in enumerate(steps) if s["state"] in ("done", "now")), default=-1)
    nxt = next((i for i, s in enumerate(steps) if s["state"] == "next"), len(steps))
    return [s for s in steps[at + 1:nxt] if s["state"] == "conditional"]


def _project_page(site: Site, p: Project, line: Timeline | None) -> Page:
    path = page_path(SECTION, p.id)
    procedure = procedure_of(site, p)
    procedure_path = page_path("procedures", procedure.id) if procedure else page_path("procedures")
    steps = [_step(site, line, s, path, procedure_path) for s in line.steps] if line else []
    announcements = sorted(p.announcements, key=lambda a: (a.display_start, a.id))
    area = site.areas[p.area].name
    context = {
        "p": p, "area": area, "regime": REGIME_LABELS[p.regime], "status": STATUS_LABELS[p.status],
        "steps": steps, "procedure_href": relative(path, procedure_path),
        "next": next((s for s in steps if s["state"] == "next"), None),
        "maybe_first": _maybe_first(steps),
        "now": [s for s in steps if s["state"] == "now"],
        "announcements": [{**_announcement(a), "files": attachment_views(site, a), "disagree": _disagree(site, path, p, a)} for a in announcements],
        "approval": _approval(p),
        "money": project_money_view(site, p, path),
        "periods": [{"title": s.title, "href": relative(path, page_path("standards", s.id)), "what": x.what,
                     "start": x.start.isoformat(), "end": x.end.isoformat()}
                    for s in site.of("compensation_standards") for x in s.project_periods if x.project == p.id],
    }
    return Page(path=path, title=p.title, section=LABEL, kind=SECTION, description=p.summary, updated=p.updated,
                template="project.md.j2", context=context, sample=p.sample, areas=site.project_places(p) or (area,),
                published=announcements[0].display_start if announcements else None)


def _approval(p: Project) -> dict[str, str] | None:
    if p.approval is None:
        return None
    a = p.approval
    return {"authority": a.authority, "doc_number": a.doc_number or PENDING, "date": a.date.isoformat(),
            "received": iso_date(a.received), "use": a.use or ""}


def _announcement(a: Announcement) -> dict[str, Any]:
    rule = MINIMUMS.get(a.kind)
    minimum = f"法定不少于 {rule.value} {UNIT_TEXT[rule.unit]}（{rule.basis}）" if rule else ""
    end = iso_date(a.display_end) or (PENDING if "display_end" in a.pending else "")
    return {"a": a, "kind": a.kind.value, "doc_number": a.doc_number or PENDING, "date": a.date.isoformat(),
            "start": a.display_start.isoformat(), "end": end, "minimum": minimum,
            "registration": ({"method": a.registration.method, "place": a.registration.place,
                              "start": a.registration.start.isoformat(), "end": a.registration.end.isoformat()}
                             if a.registration else None),
            "objection": ({"channel": a.objection.channel, "deadline": iso_date(a.objection.deadline)}
                          if a.objection else None)}


# --- issue 11, journey 2 (what is open now, what comes next, and when) --------------------------------------
WINDOW_WORDS = {"min": "至少到", "max": "最晚到", "within": "最晚到"}


def _step(site: Site, line: Timeline, s: StepState, path: str, procedure_path: str) -> dict[str, Any]:
    return {"number": s.index + 1, "title": s.step.title, "state": s.state, "label": STATE_LABELS[s.state],
            "href": relative(path, procedure_path, s.step.id), "summary": s.step.summary,
            "condition": s.step.condition or "",
            "events": [{"date": e.date.isoformat(), "title": e.title,
                        "href": f"#{e.announcement.id}" if e.announcement else ""} for e in s.events],
            "periods": [_period(w, line.as_of) for w in s.windows],
            "last_day": max((w.end for w in s.windows if line.as_of and w.start <= line.as_of <= w.end),
                            default=None),
            "window": _window(site, line, s) if s.state == "next" else ""}


def _period(w: Window, as_of: Any) -> dict[str, str]:
    if as_of is not None and w.end < as_of:
        when = "已结束"
    elif as_of is not None and w.start > as_of:
        when = "还没开始"
    else:
        when = f"最后一天是 {w.end.isoformat()}"
    return {"what": w.what, "start": w.start.isoformat(), "end": w.end.isoformat(), "when": when}


def _window(site: Site, line: Timeline, s: Any) -> str:
    """When the next step can come: after the last day of what is open now; else after the end of the last
    step's own display period (the end the editor recorded, or the statutory minimum counted from its
    announcement); and the next step's own statutory limit in words (its starting day is an event the site
    does not know yet)."""
    parts = []
    before = [x for x in line.steps if x.index < s.index]
    open_now = [x for x in before if x.state == "now" and x.windows]
    last = line.last_done
    if open_now:
        x = open_now[-1]
        end = max(w.end for w in x.windows)
        parts.append(f"“{x.step.title}”进行中，最后一天是 {end.isoformat()}；下一步一般在这之后进行。")
    elif last and last.events and last.step.time_limit is not None and last.step.time_limit.kind == "min":
        own = last.step.time_limit
        recorded = last.events[-1].announcement.display_end if last.events[-1].announcement else None
        if recorded is not None:
            parts.append(f"上一步“{last.step.title}”的公告期到 {recorded.isoformat()}"
                         f"（法定{time_limit_text(own)}）；下一步一般在这之后进行。")
        else:
            parts.append(f"上一步“{last.step.title}”" + _dated(site, own, last.events[-1].date, "从它的日期")
                         + "下一步一般在这之后进行。")
    if s.step.time_limit is not None:
        parts.append(f"这一步的法定期限：{time_limit_text(s.step.time_limit)}。")
    return "".join(parts) or "法律没有规定这一步的期限；有新的公告时，本页会更新。"


def _dated(site: Site, limit: Any, start: Any, since: str) -> str:
    end, missing = last_day(site_calendar(site), start, limit.value, limit.unit)
    note = "（节假日安排尚未录入，只扣除了周末）" if missing and limit.unit == "working_days" else ""
    return (f"法定期限：{time_limit_text(limit)}。{since} {start.isoformat()} 推算，"
            f"{WINDOW_WORDS[limit.kind]} {end.isoformat()}{note}；实际以公告为准。")


# --- issue 11, journey 4 (不服怎么办 under a decision announcement) -------------------------------------
def _disagree(site: Site, path: str, p: Project, a: Announcement) -> dict[str, Any] | None:
    """What to do about a decision: each remedy with who hears it and the estimated last day, and for
    house projects the appraisal review step (复核/鉴定)."""
    dates = remedy_dates(site_calendar(site), site.of("remedies"), a)
    if not dates:
        return None
    procedure = procedure_of(site, p)
    review = next((s for s in procedure.steps if "复核" in s.title), None) if procedure else None
    return {
        "remedies": [{"name": d.remedy.name, "href": relative(path, page_path("remedies", d.remedy.id)),
                      "body": d.body, "last_day": d.last_day.isoformat(), "start": d.start.isoformat(),
                      "period": time_limit_text(d.remedy.deadline), "estimate": d.estimate,
                      "counting": counting_text(d.remedy.deadline),
                      "weekends_only": bool(d.missing_years) and d.remedy.deadline.unit == "working_days"}
                     for d in dates],
        "review": ({"title": review.title, "href": relative(path, page_path("procedures", procedure.id), review.id)}
                   if review and procedure else None),
    }
