"""Projects and announcements: statutory minimums reported at their line, personal data rejected,
timelines ("我的项目到哪一步了") and the by-town index on the built site."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import REPO, copy_project, source_copy

from generator import pipeline
from generator.commands.cli import main
from generator.diagnostics import Severity
from generator.pages import project_pages
from generator.rules.references import Site
from generator.rules.timeline import timeline

HEAD = """id: test-project
title: （示例）测试项目
sample: true
regime: {regime}
area: duanyuan
scope: 测试范围
purpose: 测试目的
public_interest: 基础设施
summary: 测试
status: in_progress
{extra}announcements:
"""
TAIL = "updated: 2026-11-20\n"


def announcement(aid: str, kind: str, start: str, end: str | None, **more: str) -> str:
    lines = [f"  - id: {aid}", f"    kind: {kind}", f"    title: 测试{kind}", "    doc_number: 示例〔2025〕1号",
             "    issuer: 淮北市杜集区人民政府", f"    date: {start}", f"    display_start: {start}"]
    if end:
        lines.append(f"    display_end: {end}")
    lines.append("    summary: 测试")
    lines += [f"    {k}: {v}" for k, v in more.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(REPO, tmp_path_factory.mktemp("projects") / "p")


def check_file(project: Path, text: str) -> list:
    target = project / "content" / "projects" / "test-project.yml"
    target.write_text(text, encoding="utf-8")
    try:
        diags = pipeline.check(project)
    finally:
        target.unlink()
    return [d for d in diags if d.path == "content/projects/test-project.yml"]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_short_display_periods_are_reported_at_their_line(project: Path):
    text = HEAD.format(regime="land_collective", extra="") + "".join([
        announcement("pre-short", "征收土地预公告", "2025-03-03", "2025-03-14"),  # 9 working days
        announcement("pre-ok", "征收土地预公告", "2025-03-03", "2025-03-17"),  # 10 working days
        announcement("plan-short", "征地补偿安置公告", "2025-04-21", "2025-05-20"),  # 29 days
        announcement("plan-ok", "征地补偿安置公告", "2025-04-21", "2025-05-21",
                      registration="{method: 持证登记, place: 村委会, start: 2025-04-21, end: 2025-05-21}",
                      objection="{channel: 村委会}"),
    ]) + TAIL
    diags = [d for d in check_file(project, text) if d.code == "D910"]
    assert [(d.line, d.severity) for d in diags] == [
        (line_of(text, "display_end: 2025-03-14"), Severity.ERROR),
        (line_of(text, "display_end: 2025-05-20"), Severity.ERROR)]
    assert "公告期只有 9 个工作日，少于法定的 10 个工作日" in diags[0].message
    assert "《土地管理法实施条例》第二十六条" in diags[0].message
    assert "2025-03-17" in diags[0].hint
    assert "只有 29 日，少于法定的 30 日" in diags[1].message


def test_consultation_period_and_approval_deadline(project: Path):
    approval = "approval: {authority: 安徽省人民政府, date: 2025-09-10, received: 2025-09-12}\n"
    text = HEAD.format(regime="land_collective", extra=approval) + "".join([
        announcement("late", "征收土地公告", "2025-10-13", None, remedies="可以申请行政复议"),
    ]) + TAIL
    diags = check_file(project, text)
    late = [d for d in diags if d.code == "D911"]
    assert len(late) == 1 and late[0].line == line_of(text, "display_start: 2025-10-13")
    assert "第 17 个工作日" in late[0].message and "2025-10-10" in late[0].hint
    house = HEAD.format(regime="house_state", extra="") + announcement(
        "c", "征收补偿方案征求意见", "2025-06-03", "2025-07-02") + TAIL
    assert [d.code for d in check_file(project, house)] == ["D910"]


def test_personal_data_is_rejected_with_its_line(project: Path):
    text = HEAD.format(regime="land_collective", extra="") + announcement(
        "pre", "征收土地预公告", "2025-03-03", "2025-03-17", body="户主张三 补偿款 120000元，电话 13905611234") + TAIL
    diags = check_file(project, text)
    assert [d.code for d in diags] == ["D920"]
    assert diags[0].line == line_of(text, "body:")
    assert "个人信息" in diags[0].message and "手机号码" in diags[0].message
    assert "13905611234" not in diags[0].message


def test_structural_problems_each_have_a_code(project: Path):
    text = HEAD.format(regime="house_state", extra="").replace("（示例）", "") + "".join([
        announcement("wrong-kind", "征收土地预公告", "2025-03-03", "2025-03-17"),
        announcement("backwards", "房屋征收决定", "2025-03-03", "2025-03-01", remedies="可以复议"),
        announcement("bad-step", "补偿决定", "2025-03-03", None, step="no-such-step", remedies="可以复议"),
        announcement("future", "征收补偿方案征求意见", "2031-03-03", "2031-04-03"),
    ]) + TAIL
    found = {(d.code, d.line) for d in check_file(project, text)}
    assert ("D921", line_of(text, "title: 测试项目")) in found
    assert ("D915", line_of(text, "kind: 征收土地预公告")) in found
    assert ("D912", line_of(text, "display_end: 2025-03-01")) in found
    assert ("D914", line_of(text, "step: no-such-step")) in found
    assert ("D913", line_of(text, "display_end: 2031-04-03")) in found


def bundled(site_root: Path) -> Site:
    site, diags = pipeline.analyse(site_root)
    assert site is not None, diags
    return site


def test_bundled_sample_projects_are_marked_and_clean():
    site, diags = pipeline.analyse(source_copy(REPO))
    assert site is not None
    assert not [d for d in diags if d.path.startswith("content/projects/")]
    projects = site.of("projects")
    assert 2 <= len(projects) <= 3
    assert all(p.sample and p.title.startswith("（示例）") for p in projects)


def test_timeline_marks_done_and_next_steps():
    site = bundled(source_copy(REPO))
    line = timeline(site, site.by_id["projects"]["sample-duanyuan-logistics-road"])
    assert line is not None
    states = {s.step.id: s.state for s in line.steps}
    assert states["pre-announcement"] == "done" and states["expropriation-announcement"] == "done"
    assert states["hearing"] == "conditional"  # only if a majority objects: never announced as the next step
    assert states["compensation-decision"] == "conditional"
    assert line.next_step is not None and line.next_step.step.id == "implementation"
    early = timeline(site, site.by_id["projects"]["sample-shitai-school"])
    assert early is not None and early.next_step is not None and early.next_step.step.id == "land-survey"


def test_a_step_open_now_reads_in_progress_with_its_last_day():
    """R1: while the 征地补偿安置公告's registration window runs, 补偿登记 is 进行中 (not 还没到), with its last
    day; the conditional 听证 between them is never the next step; once the window closed, the step is done."""
    site = bundled(source_copy(REPO))
    p = site.by_id["projects"]["sample-duanyuan-logistics-road"]
    line = timeline(site, p, dt.date(2025, 5, 1))
    assert line is not None
    states = {s.step.id: s for s in line.steps}
    assert states["plan-announcement"].state == "now"  # display period: objections until 2025-05-23
    assert states["compensation-registration"].state == "now"
    assert [(w.what, w.end) for w in states["compensation-registration"].windows] == [("登记期", dt.date(2025, 5, 30))]
    assert states["hearing"].state == "conditional"
    assert line.next_step is not None and line.next_step.step.id == "agreement"
    later = timeline(site, p, dt.date(2025, 6, 5))
    assert later is not None
    assert {s.step.id: s.state for s in later.steps}["compensation-registration"] == "done"
    page = project_pages._step(site, line, states["compensation-registration"], "projects/x/", "procedures/y/")
    assert page["label"] == "进行中" and page["last_day"] == dt.date(2025, 5, 30)


def test_the_date_under_the_last_announcement_is_the_recorded_end():
    """R2: the next step's window uses the display end the editor recorded (2025-05-23), not a second
    date counted from the statutory minimum (30 days from 2025-04-21 = 2025-05-21)."""
    site = bundled(source_copy(REPO))
    p = site.by_id["projects"]["sample-duanyuan-logistics-road"]
    # as of 2025-05-25, had the announcement no registration window and nothing recorded after it
    bare = p.model_copy(update={"announcements": [a.model_copy(update={"registration": None}) for a in p.announcements],
                                "progress": [x for x in p.progress if x.date <= dt.date(2025, 4, 21)]})
    line = timeline(site, bare, dt.date(2025, 5, 25))
    assert line is not None and line.next_step is not None
    text = project_pages._window(site, line, line.next_step)
    assert "公告期到 2025-05-23" in text and "2025-05-21" not in text and "至少到" not in text, text
    during = timeline(site, p, dt.date(2025, 5, 26))  # registration still open: its last day
    assert during is not None and during.next_step is not None
    assert "“补偿登记”进行中，最后一天是 2025-05-30" in project_pages._window(site, during, during.next_step)


def test_steps_that_evidently_happened_are_not_unrecorded():
    """R10: a step with no notice before a recorded one is 已过这一步; the step about 资金 is done when the
    project's funds are fully in place; the 听证 sentence appears only on conditional steps."""
    site = bundled(source_copy(REPO))
    for p in site.of("projects"):
        line = timeline(site, p)
        assert line is not None
        last = line.last_done
        for s in line.steps:
            if last and s.index < last.index and not s.events and not s.step.condition:
                assert s.state in ("passed", "done"), (p.id, s.step.id, s.state)
            if "听证" in (s.step.condition or ""):
                assert s.state in ("conditional", "done")
        funds = next((f for f in site.of("funds") if f.project == p.id), None)
        if funds is not None and funds.funded() is not None:
            money = next((s for s in line.steps if "资金" in s.step.title), None)
            assert money is None or money.state == "done", p.id


def test_built_project_pages(bundled_site: Path):
    index = (bundled_site / "projects" / "index.html").read_text(encoding="utf-8")
    for town in ("段园镇", "石台镇", "高岳街道", "朔里镇"):  # each town is a heading of the index
        assert re.search(rf"<h2 id=\"[^\"]+\">{town}\s*<", index), town
    assert index.index("段园镇") < index.index("（示例）段园镇物流园")
    page = (bundled_site / "projects" / "sample-duanyuan-logistics-road" / "index.html").read_text(encoding="utf-8")
    assert "我的项目到哪一步了" in page and "示例项目" in page
    assert 'class="gk-timeline__step gk-timeline__step--next"' in page
    assert 'id="pre-announcement"' in page and 'href="#pre-announcement"' in page
    assert "法定不少于 10 个工作日" in page
    assert "没有公告记录" not in page and "没有人申请听证" not in page  # R10
    house = (bundled_site / "projects" / "sample-gaoyue-old-district" / "index.html").read_text(encoding="utf-8")
    # R14: 复议 (60日) and 诉讼 (6个月) count calendar days: no "weekends deducted" note, but how it is counted
    assert "只扣除了周末" not in house and "顺延到假期后的第一个工作日" in house


def test_report_json_lists_projects_announcements(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["report", "--root", str(source_copy(REPO)), "--format", "json", "--as-of", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "\"projects/sample-duanyuan-logistics-road/#pre-announcement\"" in out


def test_next_step_also_names_a_conditional_step_that_may_come_first():
    """段园: most households signed, a few did not; 补偿安置决定 (only for them) is conditional, so 下一步 names
    the unconditional step and says the conditional one may come before it, with when it happens."""
    from generator.emit.emit import render_pages
    from generator.pages.derive import derive_pages

    site, _ = pipeline.analyse(source_copy(REPO))
    assert site is not None
    page = next(p for p in derive_pages(site) if p.path == "projects/sample-duanyuan-logistics-road.md")
    assert [m["title"] for m in page.context["maybe_first"]] == ["征地补偿安置决定"]
    text = render_pages((page,))[page.path]
    line = next(ln for ln in text.splitlines() if ln.startswith("**下一步：**"))
    assert "在这之前视情况可能还有：" in line and "征地补偿安置决定" in line and "没有签订" in line and "。）" not in line
