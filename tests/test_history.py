"""History that cannot be hidden: a changed rate becomes a new version, the old one stays published
(已失效, linking to the current one), 最近更新 and the feed say old -> new, and an unrecorded change is
refused (B620)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.pages.history import versions
from scripts import page_weight

RECORDED = """effective_from: 2026-03-01
changes: 搬迁费上调。
versions:
  - effective_from: 2025-01-01
    changes: 首次发布。
    amounts: {moving: "1200.50"}
updated: 2026-02-20"""


def test_a_changed_rate_is_a_new_version_and_an_unrecorded_one_is_refused(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    out = project / "site"
    assert pipeline.build(project, out).published
    standard = project / "content" / "compensation_standards" / "relocation.yml"
    text = standard.read_text(encoding="utf-8")
    changed = text.replace("amount: 1200.50", "amount: 1350.00")
    standard.write_text(changed, encoding="utf-8")

    refused = pipeline.build(project, out)
    assert not refused.published
    assert {d.code for d in refused.diagnostics} == {"B620"}
    b620 = refused.diagnostics[0]
    assert b620.path.endswith("relocation.yml") and b620.line == changed.splitlines().index("    amount: 1350.00") + 1
    assert "1,200.50" in b620.message and "1,350.00" in b620.message
    assert "1200.50" in (out / "data" / "compensation-items.csv").read_text(encoding="utf-8-sig"), "site untouched"

    standard.write_text(changed.replace("effective_from: 2025-01-01", "").replace("updated: 2025-01-08", RECORDED),
                        encoding="utf-8")
    result = pipeline.build(project, out)
    assert result.published, "\n".join(d.format() for d in result.diagnostics)
    change = "搬迁费 1,200.50 → 1,350.00 元/户，自 2026-03-01 起"
    current = (out / "standards" / "relocation" / "index.html").read_text(encoding="utf-8")
    assert change in current and 'href="2025-01-01/"' in current and "修订记录" in current
    old = (out / "standards" / "relocation" / "2025-01-01" / "index.html").read_text(encoding="utf-8")
    assert "已失效" in old and '<data value="1200.50">1,200.50</data>' in old and 'href="../"' in old
    assert "执行到 2026-02-28" in old
    earlier = page_weight.weigh(out, out / "standards" / "relocation" / "2025-01-01" / "index.html",
                                page_weight.site_path(out))
    assert earlier.kind == "standards/<page>/<version>" and earlier.total <= page_weight.BUDGET  # page budget
    recent = (out / "recent" / "index.html").read_text(encoding="utf-8")
    assert change in recent
    assert change in (out / "feed.xml").read_text(encoding="utf-8")
    assert "1350.00" in (out / "data" / "compensation-items.csv").read_text(encoding="utf-8-sig")
    changes = (out / "data" / "compensation-changes.csv").read_text(encoding="utf-8-sig").splitlines()
    assert changes[1] == "relocation,moving,搬迁费,1200.50,1350.00,元/户,2026-03-01,搬迁费上调。"
    assert pipeline.build(project, out).published, "the recorded version is now what was published"


def test_versions_rebuild_every_figure(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    site, _ = pipeline.analyse(project)
    assert site is not None
    s = site.by_id["compensation_standards"]["relocation"]
    assert versions(s) == ()
    from generator.model.versions import EarlierVersion

    older = [EarlierVersion(effective_from="2023-01-01", changes="首次发布", amounts={"moving": "1000.00", "zone-1": "500"}),
             EarlierVersion(effective_from="2024-01-01", changes="搬迁费上调", amounts={"moving": "1100.00"})]
    s2 = s.model_copy(update={"versions": older, "changes": "搬迁费再次上调"})
    found = versions(s2)
    assert [str(v.amounts["moving"]) for v in found] == ["1000.00", "1100.00", "1200.50"]
    assert [str(v.amounts["zone-1"]) for v in found] == ["500", "571", "571"]
    assert [c.text for c in found[1].figure_changes] == ["一级区片 500.00 → 571.00 元/亩，自 2024-01-01 起",
                                                        "搬迁费 1,000.00 → 1,100.00 元/户，自 2024-01-01 起"]
    assert str(found[0].effective_to) == "2023-12-31" and found[-1].current
