"""Where a project stands (我的项目到哪一步了): its procedure's steps, which are done, which is open now,
and which is next.

A step is done when an announcement belongs to it (its `step`, or the default step of its kind), a
`progress` entry names it, the project's funds reached the required amount (a step about 资金), or a
period of it has ended. A step is open (进行中) while one of its periods runs on the content's as-of
day (the latest `updated` date: pages never read the clock): a registration window written on an
announcement (the first step named 登记 from the announcement's step on), a project period of a standard
(签约期限 → the first step named 签…, 搬迁期限 → 搬迁, 登记期限 → 登记), or the display period of a
step whose statutory limit is a minimum (预公告, 补偿安置公告, 征求意见: residents may object until it ends).

A step with a `condition` (听证, 补偿决定 …) only happens in some cases: it is never "the next step" and,
without a record, says when it happens. A step without a record before the last step with one evidently
happened: the site only lacks its notice ("已过这一步"). A step between the last recorded step
and a step open only by its period (签约期限 running while 评估 has no record) may be under way or done:
"待更新". The first unconditional step after the furthest done or open step is "next" while the project
is in progress.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..model.project import DEFAULT_STEPS, Announcement, Project
from .references import Site


@dataclass(frozen=True)
class Event:
    date: dt.date
    title: str
    announcement: Announcement | None = None


@dataclass(frozen=True)
class Window:
    """A period in which residents act at this step (登记期, 签约期限, 公告期)."""

    what: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class StepState:
    index: int
    step: Any  # model.procedure.Step
    state: str  # done / now / next / passed / unrecorded / conditional / future
    events: tuple[Event, ...]
    windows: tuple[Window, ...] = ()


@dataclass(frozen=True)
class Timeline:
    project: Project
    steps: tuple[StepState, ...]
    unplaced: tuple[Announcement, ...]  # announcements that belong to no step (审计结果, 其他公告 ...)
    as_of: dt.date | None = None

    @property
    def next_step(self) -> StepState | None:
        return next((s for s in self.steps if s.state == "next"), None)

    @property
    def open_steps(self) -> tuple[StepState, ...]:
        return tuple(s for s in self.steps if s.state == "now")

    @property
    def last_done(self) -> StepState | None:
        done = [s for s in self.steps if s.state in ("done", "now") and s.events]
        return done[-1] if done else None

    def reached(self, step_id: str) -> bool:
        """True when the project has a record at this step or at any later step."""
        last = self.last_done
        index = next((s.index for s in self.steps if s.step.id == step_id), None)
        return last is not None and index is not None and last.index >= index


# Plain words (issue 11): a step without a record is not "skipped", and one not reached is simply not yet.
STATE_LABELS = {"done": "已完成", "now": "进行中", "next": "下一步", "passed": "已过这一步",
                "unrecorded": "待更新", "conditional": "视情况", "future": "还没到"}
# A project period's name → the word of the step it belongs to (the first step whose title holds it).
PERIOD_WORDS = (("签", "签"), ("登记", "登记"), ("搬迁", "搬迁"), ("评估", "评估"))


def step_of(project: Project, announcement: Announcement) -> str | None:
    return announcement.step or DEFAULT_STEPS.get(project.regime, {}).get(announcement.kind)


def procedure_of(site: Site, project: Project) -> Any:
    """The project's procedure: the one it names, else the site's first procedure of its regime."""
    if project.procedure is not None:
        return site.by_id.get("procedures", {}).get(project.procedure)
    return next((p for p in site.of("procedures") if p.regime == project.regime), None)


def content_date(site: Site) -> dt.date:
    """The latest `updated` date in the content: the default 'as of' day, so pages never read the clock."""
    dates = [site.config.updated] + [i.updated for key in site.items for i in site.items[key]]
    return max(dates)


def timeline(site: Site, project: Project, as_of: dt.date | None = None) -> Timeline | None:
    procedure = procedure_of(site, project)
    if procedure is None:
        return None
    day = as_of or content_date(site)
    steps = list(procedure.steps)
    ids = [s.id for s in steps]
    events: dict[str, list[Event]] = {i: [] for i in ids}
    unplaced = []
    for a in project.announcements:
        step = step_of(project, a)
        if step in events:
            events[step].append(Event(a.display_start, a.title, a))
        else:
            unplaced.append(a)
    for p in project.progress:
        if p.step in events:
            events[p.step].append(Event(p.date, p.note or "", None))
    _funds_event(site, project, steps, events)
    events = {k: [e for e in v if e.date <= day] for k, v in events.items()}  # as of that day
    windows = _windows(site, project, steps)
    states = _states(steps, events, windows, day, project.status == "in_progress")
    return Timeline(project, tuple(states), tuple(unplaced), day)


def _states(steps: list[Any], events: dict[str, list[Event]], windows: dict[str, list[Window]],
            day: dt.date, in_progress: bool) -> list[StepState]:
    def kind(step: Any) -> str:
        own = windows[step.id]
        if any(w.start <= day <= w.end for w in own):
            return "now"
        if events[step.id] or any(w.end < day for w in own):
            return "done"
        return ""

    kinds = [kind(s) for s in steps]
    recorded = max((i for i, s in enumerate(steps) if kinds[i] == "done" or events[s.id]), default=-1)
    frontier = max((i for i, k in enumerate(kinds) if k), default=-1)
    states, have_next = [], False
    for i, step in enumerate(steps):
        state = kinds[i]
        if not state:
            if step.condition:
                state = "conditional"
            elif i < recorded:
                state = "passed"
            elif i < frontier:
                state = "unrecorded"
            elif in_progress and not have_next:
                state, have_next = "next", True
            else:
                state = "future"
        ordered = tuple(sorted(events[step.id], key=lambda e: (e.date, e.title)))
        states.append(StepState(i, step, state, ordered, tuple(sorted(windows[step.id], key=lambda w: w.start))))
    return states


def _first_step(steps: list[Any], word: str, start: int = 0) -> str | None:
    return next((s.id for s in steps[start:] if word in s.title), None)


def _windows(site: Site, project: Project, steps: list[Any]) -> dict[str, list[Window]]:
    """Every period of the project, on the step it belongs to."""
    found: dict[str, list[Window]] = {s.id: [] for s in steps}
    index = {s.id: i for i, s in enumerate(steps)}
    for a in project.announcements:
        step = step_of(project, a)
        if step is None or step not in index:
            continue
        own = steps[index[step]]
        if a.display_end is not None and own.time_limit is not None and own.time_limit.kind == "min":
            found[step].append(Window("公告期", a.display_start, a.display_end))
        if a.registration is not None:
            target = _first_step(steps, "登记", index[step])
            if target is not None:
                found[target].append(Window("登记期", a.registration.start, a.registration.end))
    for standard in site.of("compensation_standards"):
        for x in standard.project_periods:
            if x.project != project.id:
                continue
            target = next((t for word, title in PERIOD_WORDS if word in x.what
                           for t in [_first_step(steps, title)] if t is not None), None)
            if target is not None and all((w.start, w.end) != (x.start, x.end) for w in found[target]):
                found[target].append(Window(x.what, x.start, x.end))
    return found


def _funds_event(site: Site, project: Project, steps: list[Any], events: dict[str, list[Event]]) -> None:
    """The day the project's compensation funds were fully in place (足额到位), on the step about 资金."""
    funds = next((f for f in site.of("funds") if f.project == project.id), None)
    found = funds.funded() if funds else None
    target = _first_step(steps, "资金")
    if found is not None and target is not None:
        events[target].append(Event(found[1], "补偿资金足额到位", None))
