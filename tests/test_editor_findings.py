"""What a new district's editor runs into (review s2, findings R4-R19): a fresh `gongkai init` site, then
one edit at a time."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("init") / "nankang"
    assert main(["init", str(site), "--district", "赣州市南康区", "--today", "2026-12-01",
                 "--town", "唐江镇=卢屋村,幸福村", "--town", "龙岭镇=龙岭村,石门村"]) == 0
    return site


def _copy(fresh: Path, dest: Path) -> Path:
    return copy_project(fresh, dest / "site")


def _codes(diags: list, code: str) -> list:
    return [d for d in diags if d.code == code]


def test_national_procedures_are_reviewed_in_site_config(fresh: Path, tmp_path: Path) -> None:
    site = _copy(fresh, tmp_path)
    refused = _codes(pipeline.check(site, production=True), "R326")
    assert {d.path for d in refused} == {"site_config.yml"}  # never national/…: not a file of the editor's
    assert all("national_reviews" in d.hint and "不要把它复制到 content/" in d.hint for d in refused)
    hashes = dict(re.findall(r"id: ([a-z-]+), reviewer: 审核人, date: 审核日期, text_hash: ([0-9a-f]{12})", " ".join(d.hint for d in refused)))
    assert set(hashes) == {"house-state", "land-collective"}
    config = site / "site_config.yml"
    base = config.read_text("utf-8")
    entry = "  - {{type: procedures, id: {}, reviewer: 某律师事务所 王律师, date: 2026-12-01, text_hash: {}}}\n"
    config.write_text(base + "national_reviews:\n" + "".join(entry.format(i, h) for i, h in sorted(hashes.items())), "utf-8")
    assert _codes(pipeline.check(site, production=True), "R326") == []
    loaded, _ = pipeline.analyse(site)
    assert loaded is not None and loaded.by_id["procedures"]["house-state"].legal_review.reviewer == "某律师事务所 王律师"
    changed = base + "national_reviews:\n" + entry.format("house-state", "000000000000") + entry.format("house-stat", "0" * 12)
    config.write_text(changed, "utf-8")
    diags = pipeline.check(site, production=True)
    stale = [d for d in _codes(diags, "R326") if "house-state" in d.message]
    assert stale and "升级后文字有改动" in stale[0].message and stale[0].line == changed.splitlines().index(entry.format("house-state", "000000000000").rstrip()) + 1
    assert [d.line for d in _codes(diags, "R306")] == [len(changed.splitlines())]


MINI_REMEDY = Path(__file__).resolve().parent / "fixtures" / "mini" / "content" / "remedies" / "reconsideration.yml"


def test_production_refuses_what_is_marked_unverified(fresh: Path, tmp_path: Path) -> None:
    site = _copy(fresh, tmp_path)
    remedy = MINI_REMEDY.read_text("utf-8").replace("house-regulation", "house-expropriation-regulation-2011")
    remedy = remedy.replace("summary: 对征收决定或补偿决定不服，可以请上级机关复查。", "summary: 一般在收到决定后10日内提出（待核实）。")
    (site / "content" / "remedies").mkdir(parents=True, exist_ok=True)
    (site / "content" / "remedies" / "reconsideration.yml").write_text(remedy, "utf-8")
    assert _codes(pipeline.check(site), "P509") == []  # a draft may say so; only publishing refuses it
    found = _codes(pipeline.check(site, production=True), "P509")
    lines = remedy.splitlines()
    assert [(d.path, d.line) for d in found] == [
        ("content/remedies/reconsideration.yml", next(i for i, t in enumerate(lines, 1) if t.startswith("summary"))),
        ("content/remedies/reconsideration.yml", next(i for i, t in enumerate(lines, 1) if "basis_kind" in t))]
    assert "10日内提出（待核实）" in found[0].message and all(d.severity.value == "error" for d in found)


def test_duplicate_place_id_is_named_at_its_own_line(fresh: Path, tmp_path: Path) -> None:
    site = _copy(fresh, tmp_path)
    config = site / "site_config.yml"
    text = config.read_text("utf-8").replace("{id: longling-2, name: 龙岭村}", "{id: longling, name: 龙岭村}")
    config.write_text(text, "utf-8")
    [dup] = _codes(pipeline.check(site), "R302")
    assert dup.line == next(i for i, t in enumerate(text.splitlines(), 1) if "龙岭村" in t)
    assert "“longling”" in dup.message and "龙岭镇" in dup.message and "第 " in dup.message


def test_init_keeps_the_work_folder_out_of_git(fresh: Path) -> None:
    ignored = (fresh / ".gitignore").read_text("utf-8").splitlines()
    assert ".gongkai-build/" in ignored and "site/" in ignored


def test_published_figures_are_compared_from_a_copy_of_the_published_site(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")  # a fresh clone: no .gongkai-build/
    previous = tmp_path / "live" / "data"
    previous.mkdir(parents=True)
    row = {"compensation_standard_id": "relocation", "position": 1, "id": "moving", "name": "搬迁费",
           "amount": "1100.50", "unit": "元/户"}
    (previous / "compensation-items.json").write_text(json.dumps([row], ensure_ascii=False), "utf-8")
    assert _codes(pipeline.check(project), "B620") == []
    [changed] = _codes(pipeline.check(project, previous=tmp_path / "live"), "B620")
    assert changed.path == "content/compensation_standards/relocation.yml" and "1,100.50" in changed.message
    assert main(["check", "--root", str(project), "--previous", str(tmp_path / "live")]) == 1
    assert [d.code for d in pipeline.check(project, previous=tmp_path / "nothing")] == ["P510"]


def test_full_width_space_indentation_is_one_clear_message(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    faq = project / "content" / "faq" / "questions.yml"
    text = faq.read_text("utf-8").replace("  topic: 安置\n", "\u3000\u3000topic: 安置\n", 1)
    text = text.replace("  answer: ", "  answer: |\n    \u3000\u3000征收部门说明：\n    ", 1)  # a paragraph indent in text is fine
    faq.write_text(text, "utf-8")
    diags = pipeline.check(project)
    line = text.splitlines().index("\u3000\u3000topic: 安置") + 1
    assert [(d.code, d.line, d.message) for d in diags] == [("S216", line, f"第 {line} 行用了全角空格缩进，请改成半角空格")]


ANNOUNCEMENT = """id: hearing
kind: 征收补偿方案征求意见
step: consultation
title: 东镇老街改建房屋征收补偿方案（修改稿）
doc_number: 示政〔2025〕2号
issuer: 示范区人民政府
date: 2025-01-07
display_start: 2025-01-07
display_end: 2025-02-07
summary: 补偿方案修改稿。
"""


@pytest.mark.parametrize(("rel", "old", "new", "first"), [
    ("estates/east-garden.yml", "delivered: true", "delivered: no", "S203"),
    ("projects/east-old-street.yml", "status: in_progress", "status: in_progress\nsummary: 又写了一次。", "Y102"),
    ("projects/east-old-street.yml", "villages: [老街社区]", "villages: 老街社区、新街社区", "S203"),
])
def test_an_item_that_failed_to_load_is_not_reported_missing(tmp_path: Path, rel: str, old: str, new: str,
                                                             first: str) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    folder = project / "content" / "projects" / "east-old-street" / "announcements"
    folder.mkdir(parents=True)
    (folder / "hearing.yml").write_text(ANNOUNCEMENT, "utf-8")
    assert [d for d in pipeline.check(project) if d.severity.value == "error"] == []
    path = project / "content" / rel
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    errors = [d for d in pipeline.check(project) if d.severity.value == "error"]
    assert [(d.code, d.path) for d in errors] == [(first, f"content/{rel}")]  # no R303 "does not exist"


DECISION_ROW = """- id: house-decision
  number: 2
  domain: house_state
  level1: 征收
  level2: 房屋征收决定
  elements:
    - text: 房屋征收决定公告
  basis:
    - document: house-regulation
      article: 10
  time_limit: {kind: at_event, text: 作出决定后及时公告}
  publisher: 示范区人民政府
  channels:
    - channel: 政府网站
  audience: all
  mode: [proactive]
  tier: [county]
  published_in:
    - announcement: 房屋征收决定
  explanation: 房屋征收决定作出后要公告。本站在征收项目的页面登载这份公告。
  updated: 2025-01-08
"""


def test_report_strict_does_not_fail_for_a_step_no_project_has_reached(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")  # its only project is at 征求意见
    rows = project / "content" / "disclosure_items" / "rows.yml"
    rows.write_text(rows.read_text("utf-8") + DECISION_ROW, "utf-8")
    assert main(["report", "--strict", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert "[未到] 国有土地上房屋征收与补偿：征收 / 房屋征收决定" in out
    assert "未到：还没有项目进行到“房屋征收决定”这一步" in out and "缺失：" not in out


SAMPLE_MEASURES = """id: east-measures
title: （示例）示范区征收补偿办法
doc_number: 示例示府发〔2025〕8号
issuer: （示例）非官方文件，未经任何机关发布
level: normative_document
written_date: 2025-01-01
published_date: 2025-01-05
effective_date: 2025-01-05
validity: 有效
sample: true
summary: 规定示范区征收房屋时各项补偿按什么标准给。
what_it_means: 您家的房子被征收，按这份办法算补偿。
what_i_can_do: 有疑问可以到征收中心查阅原文件。
by_when: 无固定期限。
pending: [official_url, index_no]
updated: 2025-01-05
"""


def test_a_sample_normative_document_is_the_site_s_own_for_three_sync(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")  # a sample names no real issuer (R327)
    (project / "content" / "policy_documents" / "east-measures.yml").write_text(SAMPLE_MEASURES, "utf-8")
    main(["report", "--root", str(project)])
    out = capsys.readouterr().out
    assert "[缺解读] 《（示例）示范区征收补偿办法》" in out and "（没有本地规范性文件" not in out


def test_an_estate_delivered_in_the_future_is_a_warning(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    estate = project / "content" / "estates" / "east-garden.yml"
    text = estate.read_text("utf-8").replace("delivery: 2024-12-20", "delivery: 2027-06-30")
    estate.write_text(text, "utf-8")
    [found] = _codes(pipeline.check(project), "R307")
    assert found.severity.value == "warning" and found.line == text.splitlines().index("delivered: true") + 1
    assert "2027年6月30日已交房" in found.message
    estate.write_text(text.replace("delivered: true", "delivered: false"), "utf-8")
    assert _codes(pipeline.check(project), "R307") == []


DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_handbook_says_what_the_national_layer_holds_and_what_the_district_writes() -> None:
    handbook = (DOCS / "编辑手册.md").read_text("utf-8")
    layer = Path(__file__).resolve().parent.parent / "generator" / "defaults" / "national"
    for path in (layer / "policy_documents").glob("*.yml"):
        assert f"| `{path.stem}` |" in handbook  # the ids to cite, listed where an editor looks
    years = sorted(int(p.stem.removeprefix("cn-")) for p in (layer / "calendars").glob("cn-*.yml"))
    assert f"只录入到 {years[-1]} 年" in handbook and f"cn-{years[-1] + 1}.yml" in handbook
    assert "**维权途径**（`content/remedies/`）" in handbook and "`bodies`" in handbook
    assert "national_reviews:" in handbook and "### 工作目录 `.gongkai-build/`" in handbook


def test_content_guide_names_what_editors_may_write() -> None:
    guide = (DOCS / "content-guide.md").read_text("utf-8")
    assert "crops 或 青苗补偿" in guide and "reward 或 奖励与补助" in guide and "crops 青苗 /" not in guide
    assert "`contacts/<标识>/`" not in guide and "每条在 `contacts/#<标识>`" in guide
    assert "次 要有按次的项目（如 元/户·次、元/次）" in guide


def test_new_templates_carry_no_real_district(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    for kind in ("policy_documents", "remedies", "contacts", "projects", "compensation_standards"):
        assert main(["new", kind, f"x-{kind.replace('_', '-')}", "--root", str(project)]) == 0
        text = (project / "content" / kind / f"x-{kind.replace('_', '-')}.yml").read_text("utf-8")
        assert not any(name in text for name in ("杜集", "淮北", "段园")), kind
