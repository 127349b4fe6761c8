"""Compliance with the disclosure catalogue (公开事项对照表) and with 三同步.

`assess(site, as_of)` maps every catalogue row (`disclosure_items`) to the pages that fulfil it
(its `published_in` places), with the date each was last updated, and lists gaps (missing) and
late items. The 对照表 page and `gongkai report` both print this one value.

Rules:
- A row is **required online** when it is proactive (主动) and 政府网站 is a mandatory (■) channel.
  A required row with a gap or a late item fails `gongkai report --strict`.
- A place `announcement: <kind>` expects that announcement in every project of a regime the kind
  applies to, once the project has reached the kind's step (or a later one). Conditional kinds
  (hearings, decisions for the few who did not sign, suspension notices) are never expected. A row
  whose step (or funds step) no project of its regime has reached yet is 未到, not missing.
- Late: the row or a page it points to is past its `review_by`; an announcement was posted after
  the row's time limit from its date (落款); a 征收土地公告 is (or would be) later than 15 working days
  after the approval was received.
- 三同步: a **local normative document** is a policy document of level normative_document, valid
  (有效), whose issuer contains the district's own name (the last unit of `site_config.district`,
  e.g. 杜集区 in 淮北市杜集区). Each must have an interpretation (`document:` pointing at it);
  one missing is warning D901, one published after its document is warning D902."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from ..diagnostics import Diagnostic, error, warning
from ..model import TYPES_BY_KEY
from ..model.disclosure import DisclosureItem, Place
from ..model.policy import Level, PolicyDocument, Validity
from ..model.project import DEFAULT_STEPS, AnnouncementKind, Project
from ..pages.links import page_path
from .money_rules import money_diagnostics
from .money_status import evidence_title, money_findings
from .place_filter import filter_problem, matches, project_filter
from .project_rules import APPROVAL_LIMIT, approval_start, project_diagnostics, site_calendar
from .references import Site
from .timeline import content_date, timeline
from .workdays import Calendar, period_end

SINGLE_PAGE_TYPES = {"glossary", "contacts", "resettlement"}  # one page for the whole type
NO_PAGE_TYPES = {"calendars", "disclosure_items"}
CONDITIONAL = {AnnouncementKind.hearing_notice, AnnouncementKind.hearing_result, AnnouncementKind.land_decision,
               AnnouncementKind.house_compensation_decision, AnnouncementKind.house_suspension,
               AnnouncementKind.other}
_DISTRICT_RE = re.compile(r"([^省市州盟]+(?:区|县|旗|市))$")


@dataclass(frozen=True)
class Evidence:
    title: str
    path: str  # page path, e.g. policies/x.md
    anchor: str
    updated: dt.date


@dataclass(frozen=True)
class RowStatus:
    item: DisclosureItem
    evidence: tuple[Evidence, ...]
    offline: tuple[str, ...]
    gaps: tuple[str, ...]
    late: tuple[str, ...]
    state: str
    waiting: tuple[str, ...] = ()  # places no project has reached yet: 未到, not missing

    @property
    def failing(self) -> bool:
        return self.item.required_online and bool(self.gaps or self.late)

    @property
    def updated(self) -> dt.date | None:
        return max((e.updated for e in self.evidence), default=None)


@dataclass(frozen=True)
class SyncStatus:
    document: PolicyDocument
    interpretations: tuple[Any, ...]

    @property
    def ok(self) -> bool:
        return bool(self.interpretations)


@dataclass(frozen=True)
class Report:
    as_of: dt.date
    rows: tuple[RowStatus, ...]
    sync: tuple[SyncStatus, ...]

    @property
    def failures(self) -> int:
        return sum(1 for r in self.rows if r.failing) + sum(1 for s in self.sync if not s.ok)


def district_name(district: str) -> str:
    m = _DISTRICT_RE.search(district)
    return m.group(1) if m else district


def local_normative(site: Site, doc: PolicyDocument) -> bool:
    """A valid normative document issued in the district; a sample one names no real issuer (R327), so it counts."""
    return (doc.level == Level.normative_document and doc.validity == Validity.valid
            and (district_name(site.config.district) in doc.issuer or doc.sample))


def sync_status(site: Site) -> tuple[SyncStatus, ...]:
    docs = [d for d in site.of("policy_documents") if local_normative(site, d)]
    by_document: dict[str, list[Any]] = {}
    for i in site.of("interpretations"):
        by_document.setdefault(i.document, []).append(i)
    return tuple(SyncStatus(d, tuple(by_document.get(d.id, ()))) for d in docs)


def sync_diagnostics(site: Site) -> list[Diagnostic]:
    diags = []
    for s in sync_status(site):
        doc = s.document
        if not s.ok:
            p = site.located[("policy_documents", doc.id)].pos("id")
            diags.append(warning(p.path, p.line, p.column, "D901",
                                 f"本地规范性文件《{doc.title}》没有政策解读（三同步：文件与解读同步起草、同步审签、同步发布）",
                                 f"在 content/interpretations/ 中添加一篇解读，写 document: {doc.id}。"))
        for i in s.interpretations:
            if doc.published_date and i.published_date and i.published_date > doc.published_date:
                p = site.located[("interpretations", i.id)].pos("published_date")
                diags.append(warning(p.path, p.line, p.column, "D902",
                                     f"解读“{i.title}”（{i.published_date}）晚于文件发布日期（{doc.published_date}），未同步发布",
                                     "三同步要求解读与文件同时发布；请核对两个日期。"))
    return diags


def place_diagnostics(site: Site) -> list[Diagnostic]:
    """Check-time errors for places that cannot be resolved (unknown page, type or field)."""
    diags = []
    for row in site.of("disclosure_items"):
        located = site.located[("disclosure_items", row.id)]
        for i, place in enumerate(row.published_in):
            problem = _place_problem(site, place) or _covers_problem(row, place)
            if problem:
                p = located.pos("published_in", i)
                diags.append(error(p.path, p.line, p.column, "D941", problem,
                                   "page 写成 栏目/标识（如 policies/land-administration-law-2019）或栏目名；"
                                   "type 写内容类型文件夹名；where 只能用该类型已有的字段。"))
    return diags


def _covers_problem(row: DisclosureItem, place: Place) -> str:
    wrong = [n for n in place.covers if not 1 <= n <= len(row.elements)]
    return f"要素序号 {wrong[0]} 超出范围（本行共 {len(row.elements)} 项要素）" if wrong else ""


def _place_problem(site: Site, place: Place) -> str:
    if place.page is not None:
        return "" if _page(site, place.page) else f"公开位置“{place.page}”不是本站的页面"
    if place.type is not None:
        ctype = TYPES_BY_KEY.get(place.type)
        if ctype is None or place.type in NO_PAGE_TYPES:
            return f"“{place.type}”不是有页面的内容类型"
        return filter_problem(place.type, place.where)
    return ""


def _page(site: Site, ref: str) -> Evidence | None:
    section, _, item_id = ref.partition("/")
    ctype = next((t for t in TYPES_BY_KEY.values() if t.section == section), None)
    if ctype is None or ctype.key in NO_PAGE_TYPES:
        return None
    items = site.of(ctype.key)
    if not item_id:
        if not items:
            return None
        return Evidence(ctype.label, page_path(section), "", max(i.updated for i in items))
    item = site.by_id.get(ctype.key, {}).get(item_id)
    if item is None:
        return None
    return _evidence(ctype.key, item)


def _evidence(key: str, item: Any) -> Evidence:
    section = TYPES_BY_KEY[key].section
    title = getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "term", None) or item.id
    if key in SINGLE_PAGE_TYPES:
        return Evidence(str(title), page_path(section), item.id, item.updated)
    return Evidence(str(title), page_path(section, item.id), "", item.updated)


def assess(site: Site, as_of: dt.date | None = None) -> Report:
    day = as_of or content_date(site)
    calendar = site_calendar(site)
    rows = tuple(_row(site, row, day, calendar) for row in site.of("disclosure_items"))
    order = {"land_collective": 0, "house_state": 1, "general": 2}
    rows = tuple(sorted(rows, key=lambda r: (order[r.item.domain], r.item.number or 999, r.item.id)))
    return Report(day, rows, sync_status(site))


def _row(site: Site, row: DisclosureItem, day: dt.date, calendar: Calendar) -> RowStatus:
    reason = next((n.reason for n in site.config.not_applicable if n.item == row.id), None)
    if reason is not None:  # site_config.yml not_applicable: the district says why, nothing is missing
        return RowStatus(row, (), (f"不适用：{reason}",), (), (), "不适用")
    evidence: list[Evidence] = []
    offline, gaps, late, waiting = [], [], [], []
    covered: set[int] = set()
    for place in row.published_in:
        found: list[Evidence] = []
        not_yet = _not_yet(site, place)
        if not_yet:
            waiting.append(not_yet)
            covered.update(place.covers)  # its elements are not due either
        elif place.offline is not None:
            offline.append(place.offline)
            covered.update(place.covers)
        elif place.page is not None:
            page = _page(site, place.page)
            found = [page] if page else []
            gaps += [] if page else [f"页面“{place.page}”不存在"]
        elif place.type is not None:
            items = [i for i in site.of(place.type) if matches(site, i, place.where)]
            found = [replace(e, title=evidence_title(site, place.type, i) or e.title)
                     for e, i in ((_evidence(place.type, i), i) for i in items)]
            if not items:
                gaps.append(f"本站还没有{TYPES_BY_KEY[place.type].label}" + ("（符合筛选条件的）" if place.where else ""))
            late += [f"{_evidence(place.type, i).title} 已过复核期限（{i.review_by}）" for i in items
                     if i.review_by and i.review_by < day]
            more_gaps, more_late = money_findings(site, place.type, day, project_filter(place.where))
            gaps += more_gaps
            late += more_late
        elif place.announcement is not None:
            found, g, lt = _announcements(site, row, place.announcement, day, calendar)
            gaps += g
            late += lt
        evidence += found
        covered.update(place.covers if found else ())
    gaps += _uncovered(row, covered)
    if row.review_by and row.review_by < day:
        late.append(f"本行目录已过复核期限（{row.review_by}）")
    if row.required_online and not evidence and not gaps and not waiting:
        gaps.append("本站没有公开这一事项")
    state = "未到" if waiting and not (evidence or gaps or late) and "proactive" in row.mode else \
        _state(row, evidence, offline, gaps, late)
    return RowStatus(row, tuple(evidence), tuple(offline), tuple(gaps), tuple(late), state,
                     () if evidence else tuple(waiting))


# Funds are in place (足额到位) before this step: a land project before it applies for approval, a house
# project before the expropriation decision (条例第十二条).
FUNDS_STEPS = {"land_collective": "approval", "house_state": "risk-and-funds"}


def _not_yet(site: Site, place: Place) -> str:
    """Why a place is not due yet ("" when it is): an announcement (or funds) no project of its regime has
    reached the step of, and nothing published for it yet. Conditional announcements are never due."""
    if place.announcement is not None:
        kind = place.announcement
        projects = [p for p in site.of("projects") if kind in DEFAULT_STEPS.get(p.regime, {})]
        if kind in CONDITIONAL or not projects or any(a.kind == kind for p in projects for a in p.announcements):
            return ""  # never due; no project of its regime at all (a gap: not_applicable says why); or published
        if any(_expected(site, p, kind) for p in projects):
            return ""
        return f"还没有项目进行到“{kind.value}”这一步"
    if place.type == "funds" and not place.offline:
        regime = project_filter(place.where).get("regime")
        projects = [p for p in site.of("projects") if regime in (None, p.regime)]
        if not projects or any(matches(site, f, place.where) for f in site.of("funds")):
            return ""
        if any(_reached(site, p, FUNDS_STEPS.get(p.regime, "")) or _funds_due_by_record(p) for p in projects):
            return ""
        return "还没有项目进行到补偿资金足额到位这一步"
    return ""


# Made only once funds are in (条例第十二条; 实施条例第三十二条): owed even where a procedure has no funds step.
FUNDS_BEFORE = {"land_collective": {AnnouncementKind.land_expropriation, AnnouncementKind.land_decision},
                "house_state": {AnnouncementKind.house_decision, AnnouncementKind.house_compensation_decision}}


def _funds_due_by_record(project: Project) -> bool:
    return any(a.kind in FUNDS_BEFORE.get(project.regime, ()) for a in project.announcements)


def _reached(site: Site, project: Project, step: str) -> bool:
    line = timeline(site, project)
    return line is not None and line.reached(step)


def _uncovered(row: DisclosureItem, covered: set[int]) -> list[str]:
    """Elements no place with content covers, when the row maps places to elements (`covers`)."""
    if not any(p.covers for p in row.published_in):
        return []
    return [f"要素“{e.text}”未在本站公开" for n, e in enumerate(row.elements, start=1)
            if n not in covered and not e.optional]


def _state(row: DisclosureItem, evidence: list[Evidence], offline: list[str], gaps: list[str],
           late: list[str]) -> str:
    if "proactive" not in row.mode:
        return "依申请公开"
    if gaps:
        return "部分缺失" if evidence else "未公开"
    if late:
        return "逾期"
    if evidence:
        return "已公开"
    return "线下公开" if offline else "未公开"


def _announcements(site: Site, row: DisclosureItem, kind: AnnouncementKind, day: dt.date,
                   calendar: Calendar) -> tuple[list[Evidence], list[str], list[str]]:
    evidence, gaps, late = [], [], []
    limit = row.time_limit
    for project in site.of("projects"):
        found = [a for a in project.announcements if a.kind == kind]
        for a in found:
            evidence.append(Evidence(a.title, page_path("projects", project.id), a.id, project.updated))
            if limit.kind == "after_formation" and limit.value and limit.unit:
                end = period_end(calendar, a.date, limit.value, limit.unit).end
                if a.display_start > end:
                    late.append(f"《{a.title}》落款 {a.date}，{a.display_start} 才发布，超过“{limit.text}”")
        if kind == AnnouncementKind.land_expropriation:
            late += _approval_late(project, found, day, calendar)
        if not found and kind not in CONDITIONAL and _expected(site, project, kind):
            gaps.append(f"项目“{project.title}”已进行到或越过这一步，但没有{kind.value}")
    return evidence, gaps, late


def _expected(site: Site, project: Project, kind: AnnouncementKind) -> bool:
    line = timeline(site, project)
    step = DEFAULT_STEPS.get(project.regime, {}).get(kind)
    if line is None or step is None:
        return False
    return line.reached(step)


def _approval_late(project: Project, found: list[Any], day: dt.date, calendar: Calendar) -> list[str]:
    if project.approval is None:
        return []
    deadline = period_end(calendar, approval_start(project), APPROVAL_LIMIT.value, APPROVAL_LIMIT.unit).end
    if found and min(a.display_start for a in found) > deadline:
        return [f"项目“{project.title}”的征收土地公告晚于 {deadline}（{APPROVAL_LIMIT.basis}）"]
    if not found and day > deadline:
        return [f"项目“{project.title}”已于 {project.approval.date} 获批，{deadline} 前应发布征收土地公告，至今未发布"]
    return []


def compliance_diagnostics(site: Site) -> list[Diagnostic]:
    """Everything `gongkai check` reports for projects, the catalogue and 三同步 (D9xx)."""
    return project_diagnostics(site) + place_diagnostics(site) + sync_diagnostics(site) + money_diagnostics(site)
