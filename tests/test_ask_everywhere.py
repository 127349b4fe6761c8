"""Whom to ask, said the same way everywhere (issue 11 review, R17a and R20): the poster's 问谁 carries the
national hotlines and says plainly that a phone is still being verified; a sample contact is marked 示例
and never offers a tappable number."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline
from generator.model.reference import Contact
from generator.pages import derive_pages
from generator.pages.onward import _ask
from generator.pages.posters import poster_for


def test_the_poster_asks_like_the_page(tmp_path: Path) -> None:
    site, _ = pipeline.analyse(copy_project(FIXTURES / "other-district", tmp_path / "p"))
    assert site is not None
    (page,) = [p for p in derive_pages(site) if p.path == "projects/shiqiao-lane.md"]
    poster = poster_for(site, page)
    assert poster is not None
    ask = dict(poster.sections)["问谁"]
    assert "12345 政务服务便民热线" in ask and "12348 公共法律服务热线" in ask, ask
    assert "石桥街道办事处（电话还在核实）" in ask, ask  # the town office's phone is pending
    assert "西山区征收服务中心 电话 0999-7654321" in ask, ask


def test_a_sample_contact_is_marked_and_not_tappable(tmp_path: Path) -> None:
    fake = Contact.model_validate({"id": "center", "name": "某区征收中心", "purpose": "咨询",
                                   "phone": "0797-6612345", "sample": "true", "updated": "2026-11-20"})
    ask = _ask(fake, "projects/x.md")
    assert ask.sample and ask.tel == "" and ask.phone == ""
    assert "虚构" in ask.unverified
    project = copy_project(FIXTURES / "other-district", tmp_path / "p")
    center = project / "content/contacts/center.yml"
    center.write_text(center.read_text("utf-8").replace("updated:", "sample: true\nupdated:"), "utf-8")
    config = project / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace("sample_data: false", "sample_data: true"), "utf-8")
    site, _ = pipeline.analyse(project)
    assert site is not None
    (contacts,) = [p for p in derive_pages(site) if p.path == "contacts/index.md"]
    (entry,) = [e for e in contacts.context["entries"] if e["c"].id == "xishan-center"]
    assert entry["tel"] == ""
