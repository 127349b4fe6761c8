"""`gongkai init` makes a new district's project that checks; villages belong to towns (D922)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.commands.cli import main
from generator.pages import derive_pages


def _errors(diags: list) -> list:
    return [d for d in diags if d.severity.value == "error"]


def test_init_writes_a_project_that_checks_with_the_national_layer(tmp_path: Path) -> None:
    site = tmp_path / "xiangshan"
    assert main(["init", str(site), "--district", "淮北市相山区", "--today", "2026-12-01",
                 "--town", "相南街道=东湖社区,西湖社区", "--town", "渠沟镇"]) == 0
    text = (site / "site_config.yml").read_text("utf-8")
    assert "name: 相山区征收信息公开专栏" in text and "id: xiangnan" in text and "{id: donghu, name: 东湖社区}" in text
    loaded, diags = pipeline.analyse(site)
    assert loaded is not None and _errors(diags) == [], diags
    assert {p.id for p in loaded.of("procedures")} == {"land-collective", "house-state"}
    assert len(loaded.of("glossary")) > 50 and not [d for d in diags if d.code == "D952"]
    assert main(["init", str(site), "--district", "淮北市相山区"]) == 2  # never over an existing site
    refused = pipeline.check(site, production=True)
    assert [(d.path, d.line) for d in refused if d.code == "P520"] == [("site_config.yml", 8)]
    production = {d.code for d in refused}
    # the address is a placeholder; the district's lawyer reviews procedures; remedies' bodies and contacts missing
    assert production == {"P520", "R326", "D966", "D967"}


def test_a_new_district_gets_the_national_remedies_and_is_told_whom_they_lack(tmp_path: Path) -> None:
    """R8: 行政复议 and 行政诉讼 come with the national layer (periods and articles of national law); the
    district is warned that they name no body (D966) and that it has no contact (D967). A remedy of its
    own with the same name replaces the layer's, whatever its id."""
    site = tmp_path / "s"
    assert main(["init", str(site), "--district", "赣州市南康区", "--today", "2026-12-01", "--town", "唐江镇"]) == 0
    loaded, diags = pipeline.analyse(site)
    assert loaded is not None
    names = {r.name: r for r in loaded.of("remedies")}
    assert {"行政复议", "行政诉讼"} <= set(names)
    assert (names["行政复议"].deadline.value, names["行政复议"].deadline.unit) == (60, "days")
    assert (names["行政诉讼"].deadline.value, names["行政诉讼"].deadline.unit) == (6, "months")
    assert not any("杜集" in r.where or "淮北" in r.where or r.bodies for r in names.values())
    warned = sorted((d.code, d.path) for d in diags if d.code in ("D966", "D967"))
    assert warned == [("D966", "site_config.yml"), ("D966", "site_config.yml"), ("D967", "site_config.yml")]
    own = site / "content/remedies/reconsideration.yml"
    own.parent.mkdir(parents=True, exist_ok=True)
    layer = Path(pipeline.__file__).parent / "defaults/national/remedies/administrative-reconsideration.yml"
    own.write_text(layer.read_text("utf-8").replace("id: administrative-reconsideration", "id: reconsideration")
                   .replace("updated:", "bodies:\n  - {acts_of: 赣州市南康区人民政府, body: 赣州市人民政府}\nupdated:"),
                   "utf-8")
    loaded, diags = pipeline.analyse(site)
    assert loaded is not None
    assert [r.id for r in loaded.of("remedies") if r.name == "行政复议"] == ["reconsideration"]
    assert [d.message for d in diags if d.code == "D966"] == [
        "维权途径“行政诉讼”没有写明向谁提出（bodies），页面说不出赣州市南康区作出的决定由哪个机关受理"]


def test_init_ids_are_unique_and_villages_split_on_chinese_commas(tmp_path: Path) -> None:
    """东山街道 and its 东山社区 slug alike; an IME types ， and 、 between villages: the project still checks."""
    site = tmp_path / "nankang"
    assert main(["init", str(site), "--district", "赣州市南康区", "--today", "2026-12-01",
                 "--town", "东山街道=东山社区,新华社区", "--town", "龙岭镇=龙岭村，石门村、大塘村"]) == 0
    text = (site / "site_config.yml").read_text("utf-8")
    assert "id: dongshan\n" in text and "{id: dongshan-2, name: 东山社区}" in text
    assert "{id: longling-2, name: 龙岭村}" in text and "{id: shimen, name: 石门村}" in text
    assert "{id: datang, name: 大塘村}" in text
    loaded, diags = pipeline.analyse(site)
    assert loaded is not None and _errors(diags) == [], diags


def test_a_district_item_replaces_the_layer_item_with_the_same_id(tmp_path: Path) -> None:
    site = tmp_path / "s"
    assert main(["init", str(site), "--district", "淮北市相山区", "--today", "2026-12-01", "--town", "渠沟镇"]) == 0
    layer = Path(pipeline.__file__).parent / "defaults/national/procedures/house-state.yml"
    own = site / "content/procedures/house-state.yml"
    own.write_text(layer.read_text("utf-8").replace("title: ", "title: 本区", 1), "utf-8")
    loaded, _ = pipeline.analyse(site)
    assert loaded is not None
    (house,) = [p for p in loaded.of("procedures") if p.id == "house-state"]
    assert house.title.startswith("本区")


def test_villages_belong_to_towns_and_nest_under_them_on_the_index(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    config = project / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace(
        "    name: 石桥街道\n    kind: 街道\n",
        "    name: 石桥街道\n    kind: 街道\n    villages:\n      - {id: shiqiao-sq, name: 石桥社区}\n").replace(
        "    name: 桃源镇\n    kind: 镇\n",
        "    name: 桃源镇\n    kind: 镇\n    villages:\n      - {id: taoyuan-c, name: 桃源村}\n"), "utf-8")
    loaded, diags = pipeline.analyse(project)
    assert loaded is not None and not [d for d in diags if d.code == "D922"]
    (index,) = [p for p in derive_pages(loaded) if p.path == "projects/index.md"]
    (town,) = [t for t in index.context["towns"] if t["id"] == "shiqiao"]
    assert [v["name"] for v in town["villages"]] == ["石桥社区"] and town["projects"] == []
    file = project / "content/projects/shiqiao-lane.yml"
    file.write_text(file.read_text("utf-8").replace("villages: [石桥社区]", "villages: [桃源村]"), "utf-8")
    (diag,) = [d for d in pipeline.check(project) if d.code == "D922"]
    assert diag.line == 6 and "它属于“桃源镇”" in diag.message


def test_the_national_layer_is_what_the_bundled_content_gives(tmp_path: Path) -> None:
    import importlib.util
    script = Path(__file__).resolve().parent.parent / "scripts" / "update_national_layer.py"
    spec = importlib.util.spec_from_file_location("update_national_layer", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.stale(tmp_path / "layer") == [], "run scripts/update_national_layer.py and commit"


def test_an_empty_district_fails_the_strict_report_until_rows_are_published_or_not_applicable(tmp_path: Path) -> None:
    from generator.rules.compliance import assess
    site = tmp_path / "s"
    assert main(["init", str(site), "--district", "淮北市相山区", "--today", "2026-12-01", "--town", "渠沟镇"]) == 0
    assert main(["report", "--strict", "--root", str(site)]) == 1
    loaded, _ = pipeline.analyse(site)
    assert loaded is not None
    before = assess(loaded)
    failing = [r.item.id for r in before.rows if r.failing]
    assert "house-funds" in failing and len(before.rows) >= 15
    config = site / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace(
        "sample_data: false", "not_applicable:\n  - {item: house-funds, reason: 本区没有国有土地上房屋征收项目}\n"
        "sample_data: false"), "utf-8")
    loaded, diags = pipeline.analyse(site)
    assert loaded is not None and not [d for d in diags if d.severity.value == "error"]
    (row,) = [r for r in assess(loaded).rows if r.item.id == "house-funds"]
    assert (row.state, row.failing, row.offline) == ("不适用", False, ("不适用：本区没有国有土地上房屋征收项目",))


def test_a_reward_period_is_tied_to_the_project_it_applies_to(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    standard = project / "content/compensation_standards/xishan-relocation.yml"
    assert "{project: shiqiao-lane, what: 签约期限, start: 2026-04-02, end: 2026-05-29}" in standard.read_text("utf-8")
    standard.write_text(standard.read_text("utf-8").replace("end: 2026-05-29", "end: 2026-05-01"), "utf-8")
    loaded, diags = pipeline.analyse(project)
    assert loaded is not None and not [d for d in diags if d.code in ("D924", "R303")]
    (page,) = [p for p in derive_pages(loaded) if p.path == "standards/xishan-relocation.md"]
    assert page.context["periods"] == [{"title": "石桥老巷改建房屋征收项目", "href": "../../projects/shiqiao-lane/",
                                        "what": "签约期限", "start": "2026-04-02", "end": "2026-05-01"}]
    (shiqiao,) = [p for p in derive_pages(loaded) if p.path == "projects/shiqiao-lane.md"]
    assert [x["what"] for x in shiqiao.context["periods"]] == ["签约期限"]
    standard.write_text(standard.read_text("utf-8").replace("end: 2026-05-01", "end: 2026-03-01"), "utf-8")
    (diag,) = [d for d in pipeline.check(project) if d.code == "D924"]
    assert "签约期限的止（2026-03-01）早于起（2026-04-02）" in diag.message
