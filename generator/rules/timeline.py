"""Where a project stands (我的项目到哪一步了): its procedure's steps, which are done and which is next.

A step is done when an announcement belongs to it (its `step`, or the default step of its kind)
or a `progress` entry names it. Steps before the last done step that have no record are shown as
"没有公告记录" (not applicable, e.g. no hearing was requested, or not recorded yet); the step after the
last done one is "next" while the project is in progress.
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
class StepState:
    index: int
    step: Any  # model.procedure.Step
    state: str  # done / next / skipped / future
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Timeline:
    project: Project
    steps: tuple[StepState, ...]
    unplaced: tuple[Announcement, ...]  # announcements that belong to no step (审计结果, 其他公告 ...)

    @property
    def next_step(self) -> StepState | None:
        return next((s for s in self.steps if s.state == "next"), None)

    @property
    def last_done(self) -> StepState | None:
        done = [s for s in self.steps if s.state == "done"]
        return done[-1] if done else None

    def reached(self, step_id: str) -> bool:
        """True when the project has a record at this step or at any later step."""
        last = self.last_done
        index = next((s.index for s in self.steps if s.step.id == step_id), None)
        return last is not None and index is not None and last.index >= index


# Plain words (issue 11): a step without a record is not "skipped", and one not reached is simply not yet.
STATE_LABELS = {"done": "已完成", "next": "下一步", "skipped": "没有公告记录", "future": "还没到"}


def step_of(project: Project, announcement: Announcement) -> str | None:
    return announcement.step or DEFAULT_STEPS.get(project.regime, {}).get(announcement.kind)


def procedure_of(site: Site, project: Project) -> Any:
    """The project's procedure: the one it names, else the site's first procedure of its regime."""
    if project.procedure is not None:
        return site.by_id.get("procedures", {}).get(project.procedure)
    return next((p for p in site.of("procedures") if p.regime == project.regime), None)


def timeline(site: Site, project: Project) -> Timeline | None:
    procedure = procedure_of(site, project)
    if procedure is None:
        return None
    ids = [s.id for s in procedure.steps]
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
    done = [i for i, s in enumerate(ids) if events[s]]
    last = done[-1] if done else -1
    states = []
    for i, step in enumerate(procedure.steps):
        if events[step.id]:
            state = "done"
        elif i < last:
            state = "skipped"
        elif i == last + 1 and project.status == "in_progress":
            state = "next"
        else:
            state = "future"
        ordered = tuple(sorted(events[step.id], key=lambda e: (e.date, e.title)))
        states.append(StepState(i, step, state, ordered))
    return Timeline(project, tuple(states), tuple(unplaced))
