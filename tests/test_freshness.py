"""Freshness (RELIABILITY row 25): review dates past due and land prices older than three years are
warned about, judged on an explicit "today"; the 最近更新 page and the Atom feed list changes from
the content's own dates."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main
from generator.diagnostics import Severity
from generator.rules.freshness import add_years

ATOM = "{http://www.w3.org/2005/Atom}"
LAND_PRICE = """\
id: zone-price-2020
title: 示范区区片综合地价（示例）
category: land_zone_price
regime: land_collective
issuer: （示例）示范省人民政府
source:
  document: house-regulation
effective_from: 2020-03-01
status: current
sample: true
summary: 征收农村集体土地时，土地补偿费和安置补助费按区片综合地价计算。
what_it_means: 以下数字是示例。
what_i_can_do: 有疑问可以咨询。
by_when: 按公告执行。
zones:
  - id: zone-1
    name: 一级区片
    covers: [east]
    amount: "50000"
    unit: 元/亩
updated: 2020-03-01
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    p = copy_project(FIXTURES / "mini", tmp_path / "p")
    (p / "content" / "compensation_standards" / "zone-price-2020.yml").write_text(LAND_PRICE, encoding="utf-8")
    faq = p / "content" / "faq" / "questions.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("  updated: 2025-01-09", "  updated: 2025-01-09\n"
                                                           "  review_by: 2025-06-30", 1), encoding="utf-8")
    return p


def test_nothing_is_judged_without_a_day(project: Path):
    assert not [d for d in pipeline.check(project) if d.code.startswith("F")]


def test_review_warning_starts_the_day_after_review_by(project: Path):
    def review(day: dt.date) -> list:
        return [d for d in pipeline.check(project, today=day) if d.code == "F701"]

    assert review(dt.date(2025, 6, 30)) == [], "due today is not overdue"
    late = review(dt.date(2025, 7, 1))
    assert [(d.path, d.line, d.severity) for d in late] == [("content/faq/questions.yml", 9, Severity.WARNING)]
    assert "逾期 1 天" in late[0].message and "review_by" in late[0].hint


def test_land_price_older_than_three_years_is_flagged(project: Path):
    def land(day: dt.date) -> list:
        return [d for d in pipeline.check(project, today=day) if d.code == "F702"]

    assert land(dt.date(2023, 3, 1)) == [], "exactly three years is still in time"
    flagged = land(dt.date(2023, 3, 2))
    assert [(d.path, d.line) for d in flagged] == [("content/compensation_standards/zone-price-2020.yml", 8)]
    assert "土地管理法第四十八条" in flagged[0].hint and "2023-03-01" in flagged[0].message
    superseded = project / "content" / "compensation_standards" / "zone-price-2020.yml"
    superseded.write_text(LAND_PRICE.replace("status: current", "status: superseded"), encoding="utf-8")
    assert land(dt.date(2030, 1, 1)) == [], "only the current standard must be renewed"


def test_add_years_handles_leap_days():
    assert add_years(dt.date(2020, 2, 29), 3) == dt.date(2023, 2, 28)
    assert add_years(dt.date(2021, 3, 1), 3) == dt.date(2024, 3, 1)


def test_expired_current_standard_is_flagged(project: Path):
    path = project / "content" / "compensation_standards" / "zone-price-2020.yml"
    path.write_text(LAND_PRICE.replace("status: current", "effective_to: 2021-12-31\nstatus: current"), encoding="utf-8")
    found = [d for d in pipeline.check(project, today=dt.date(2022, 1, 1)) if d.code.startswith("F")]
    assert [(d.code, d.line) for d in found] == [("F703", 9)]


def test_cli_today_option_and_strict(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch):
    (project / "content" / "compensation_standards" / "zone-price-2020.yml").unlink()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert main(["check", "--root", str(project), "--today", "2025-01-10", "--strict"]) == 0
    assert main(["check", "--root", str(project), "--today", "2025-07-01"]) == 0, "warnings alone pass"
    assert "F701" in capsys.readouterr().err
    assert main(["check", "--root", str(project), "--today", "2025-07-01", "--strict"]) == 1
    for day, code in ((dt.datetime(2025, 7, 1, tzinfo=dt.UTC), 1), (dt.datetime(2025, 1, 10, tzinfo=dt.UTC), 0)):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
        assert main(["check", "--root", str(project), "--strict"]) == code, "SOURCE_DATE_EPOCH gives the default day"
    with pytest.raises(SystemExit) as exc:
        main(["check", "--root", str(project), "--today", "2025-13-01"])
    assert exc.value.code == 2


def test_recent_page_and_feed_come_from_content_dates(mini_site: Path):
    html = (mini_site / "recent" / "index.html").read_text(encoding="utf-8")
    assert "最近更新" in html and 'href="../feed.xml"' in html
    home = (mini_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="feed.xml"' in home
    feed = ET.parse(mini_site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    stamps = [e.findtext(f"{ATOM}updated") for e in entries]
    assert stamps == sorted(stamps, reverse=True) and stamps
    assert feed.findtext(f"{ATOM}updated") == stamps[0]
    assert all(s.endswith("T00:00:00+08:00") for s in stamps)
    for e in entries:
        link = e.find(f"{ATOM}link").get("href")
        assert link.startswith("https://example.gov.cn/zsgk/")
        rel = link.removeprefix("https://example.gov.cn/zsgk/")
        assert (mini_site / rel / "index.html").is_file(), f"feed links to a page that does not exist: {link}"
        assert e.findtext(f"{ATOM}title") in (mini_site / rel / "index.html").read_text(encoding="utf-8")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "过渡费给多久？" in titles and "最近更新" not in titles


def test_recent_page_lists_review_dates(project: Path):
    site, _ = pipeline.analyse(project)
    assert site is not None
    from generator.pages import derive_pages

    recent = next(p for p in derive_pages(site) if p.path == "recent/index.md")
    reviews = recent.context["reviews"]
    assert {"review_by": "2025-06-30", "title": "过渡费给多久？"}.items() <= reviews[0].items()
    assert reviews[0]["href"] == "../faq/transition-fee/"


def test_republication_restarts_the_three_years_without_changing_effective_from(project: Path):
    path = project / "content" / "compensation_standards" / "zone-price-2020.yml"
    path.write_text(LAND_PRICE.replace("status: current", "status: current\nrepublished:\n"
                                       "  - {date: 2023-02-20, doc_number: 皖政〔2023〕9号}"), encoding="utf-8")
    day = dt.date(2024, 1, 1)
    assert [d for d in pipeline.check(project, today=day) if d.code == "F702"] == []
    late = [d for d in pipeline.check(project, today=dt.date(2026, 2, 21)) if d.code == "F702"]
    assert len(late) == 1 and "2023-02-20 重新公布" in late[0].message and late[0].line == 11
