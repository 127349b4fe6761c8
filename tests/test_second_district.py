"""Done-when test of issue 13: a second district built from `gongkai init` plus content written only from
the editors' handbook (its example files, docs/编辑手册.md), villages under towns. The clean site builds
(the one build here); then ten fault families are each planted twice in it, and one `check` reports every
one at its line, and `--production` refuses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import pipeline
from generator.commands.cli import main
from generator.commands.handbook import examples, handbook

TODAY = dt.date(2025, 6, 10)
PROJECT = "content/projects/sample-qugou-road.yml"
PRE = "content/projects/sample-qugou-road/announcements/pre-announcement.yml"
PLAN = "content/projects/sample-qugou-road/announcements/plan-announcement.yml"
ZONES = "content/compensation_standards/sample-land-zone-price.yml"
ZONES_OLD = "content/compensation_standards/sample-land-zone-price-2021.yml"
DOC_1 = "content/policy_documents/xiangshan-relocation-measures.yml"
DOC_2 = "content/policy_documents/xiangshan-reward-measures.yml"
LOCAL_DOC = """id: {id}
title: {title}
doc_number: 相政办〔2025〕{n}号
issuer: 淮北市相山区人民政府办公室
level: 规范性文件
written_date: 2025-04-01
published_date: 2025-04-03
effective_date: 2025-05-01
validity: 有效
summary: 规定本区征收工作中的有关做法。
what_it_means: 本区征收工作按这个文件办理。
what_i_can_do: 对文件有疑问，可以到区征收服务中心咨询。
by_when: 自施行日期起执行。
updated: 2025-05-01
"""


def _write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, "utf-8")


def _edit(root: Path, path: str, old: str, new: str) -> int:
    """Replace `old` (once) in the file; the 1-based line of the edit."""
    text = (root / path).read_text("utf-8")
    assert old in text, (path, old)
    line = text[: text.index(old)].count("\n") + 1
    (root / path).write_text(text.replace(old, new, 1), "utf-8")
    return line


def _district(tmp_path: Path) -> Path:
    root = tmp_path / "xiangshan"
    assert main(["init", str(root), "--district", "淮北市相山区", "--today", "2025-05-01",
                 "--town", "相南街道=东湖社区,西湖社区", "--town", "渠沟镇=钟楼村,大庄村"]) == 0
    files = examples(handbook())
    assert {PROJECT, PRE, PLAN, ZONES} <= set(files)
    for path, text in files.items():
        _write(root, path, text)
    _edit(root, "site_config.yml", "sample_data: false", "sample_data: true")  # the handbook's step 5
    _edit(root, "site_config.yml", "https://www.example.gov.cn/zhengshou/", "https://www.xiangshan.example/zs/")
    return root


def test_a_district_written_from_the_handbook_builds(tmp_path: Path) -> None:
    root = _district(tmp_path)
    result = pipeline.build(root, root / "site", today=TODAY)
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    index = (root / "site" / "projects" / "index.html").read_text("utf-8")
    assert index.index("渠沟镇") < index.index("钟楼村") < index.index("渠沟镇产业园道路")
    search = (root / "site" / "search" / "index.html").read_text("utf-8")
    # the area filter nests villages under their town: the town, then the village chosen within it
    assert '<option value="渠沟镇">' in search
    assert '<option value="渠沟镇 · 钟楼村" data-town="渠沟镇">钟楼村</option>' in search
    loaded, _ = pipeline.analyse(root)
    assert loaded is not None
    (project,) = loaded.of("projects")
    assert loaded.project_places(project) == ("渠沟镇", "渠沟镇 · 钟楼村")


def _plant(root: Path) -> set[tuple[str, str, int]]:
    """Ten fault families, each twice; the (code, file, line) each must be reported at."""
    _write(root, ZONES_OLD, (root / ZONES).read_text("utf-8").replace("id: sample-land-zone-price", "id: sample-zone-2021")
           .replace("effective_from: 2024-01-01", "effective_from: 2021-01-01"))
    for n, doc in enumerate(("xiangshan-relocation-measures", "xiangshan-reward-measures"), start=1):
        _write(root, f"content/policy_documents/{doc}.yml", LOCAL_DOC.format(id=doc, n=n, title=f"相山区征收工作办法{n}"))
    e = _edit
    return {
        # unknown fields (S201): first, as they add lines
        ("S201", PROJECT, e(root, PROJECT, "status: 进行中", "approvel: 待批\nstatus: 进行中")),
        ("S201", PRE, e(root, PRE, "issuer:", "offical_url: https://www.xiangshan.example/a\nissuer:")),
        # personal data (D920), twice, next to a short display period (D910) in the same file
        ("D920", PROJECT, e(root, PROJECT, "purpose: 修建产业园连接道路。", "purpose: 被征收人张建国，补偿金额386500.00元。")),
        ("D920", PRE, e(root, PRE, "summary: 区政府准备", "summary: 户主欧阳建国补偿款386500元。区政府准备")),
        ("D910", PRE, e(root, PRE, "display_end: 2025-03-17", "display_end: 2025-03-10")),
        ("D910", PLAN, e(root, PLAN, "display_end: 2025-06-06", "display_end: 2025-05-20")),
        # a malformed amount (S205) twice, next to articles that do not exist (R320) in the same standard
        ("S205", ZONES, e(root, ZONES, 'amount: "60000.00"', 'amount: "60,000.00"')),
        ("S205", ZONES, e(root, ZONES, 'amount: "52000.00"', 'amount: "５２０００"')),
        ("R320", ZONES, e(root, ZONES, "  article: 48", "  article: 99")),
        ("R320", ZONES_OLD, e(root, ZONES_OLD, "  article: 48", "  article: 199")),
        # YAML syntax (Y101): unclosed quotes, reported where they open
        ("Y101", PROJECT, e(root, PROJECT, "scope: 东至", "scope: \"东至")),
        ("Y101", PLAN, e(root, PLAN, "doc_number: 相政征补", "doc_number: '相政征补")),
        # impossible dates (S204)
        ("S204", PROJECT, e(root, PROJECT, "updated: 2025-05-06", "updated: 2025-02-30")),
        ("S204", PLAN, e(root, PLAN, "date: 2025-05-05", "date: 2025-04-31")),
        # villages that are not the town's (D922)
        ("D922", PROJECT, e(root, PROJECT, "villages: [钟楼村]", "villages: [钟楼村, 东湖社区, 新河村]")),
        # land prices more than three years old (F702)
        ("F702", ZONES, e(root, ZONES, "effective_from: 2024-01-01", "effective_from: 2021-06-01")),
        ("F702", ZONES_OLD, _line(root, ZONES_OLD, "effective_from:")),
        # the district's own normative documents without 解读 (D901)
        ("D901", DOC_1, _line(root, DOC_1, "id:")),
        ("D901", DOC_2, _line(root, DOC_2, "id:")),
    } | {("D922", PROJECT, _line(root, PROJECT, "villages:"))}


def _line(root: Path, path: str, text: str) -> int:
    body = (root / path).read_text("utf-8")
    return body[: body.index(text)].count("\n") + 1


def test_every_planted_fault_is_reported_at_its_line_and_production_refuses(tmp_path: Path) -> None:
    root = _district(tmp_path)
    planted = _plant(root)
    found = pipeline.check(root, today=TODAY)
    at = {(d.code, d.path, d.line) for d in found}
    assert planted - at == set(), "\n".join(d.format() for d in found)
    assert sum(1 for d in found if d.code == "D922" and d.path == PROJECT) == 2
    # the rules the law makes mandatory are warnings in a normal check, errors under --production
    assert {d.severity.value for d in found if d.code in ("F702", "D901")} == {"warning"}
    refused = pipeline.check(root, production=True, today=TODAY)
    errors = {(d.code, d.path, d.line) for d in refused if d.severity.value == "error"}
    assert {p for p in planted if p[0] in ("F702", "D901")} <= errors, errors
    assert ("P501", PROJECT) in {(d.code, d.path) for d in refused}


def test_the_committed_handbook_is_current() -> None:
    committed = Path(__file__).resolve().parent.parent / "docs" / "编辑手册.md"
    assert committed.read_text("utf-8") == handbook(), "run scripts/update_docs.py and commit docs/编辑手册.md"
