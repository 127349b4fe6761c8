"""ID and bank card numbers are refused in every content type, not only in projects (an FAQ's worked
example, an interpretation's case); mobiles stay allowed outside projects (an official hotline)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, copy_project

from generator import pipeline


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_identity_numbers_are_refused_outside_projects(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    content = project / "content"
    _edit(content / "faq/faq.yml", "就给两次。", "就给两次。例如张三（身份证 11010519491231002X）领了3000元。")
    _edit(content / "interpretations/qinghe-measures-qa.yml", "申请复核评估。", "申请复核评估，补偿款打到 6222 0212 3456 7894 卡上。")
    _edit(content / "contacts/center.yml", "phone: 0999-7654321", "phone: 13912345678")
    found = sorted((d.path, d.line, d.message) for d in pipeline.check(project) if d.code == "D920")
    assert [(p, line) for p, line, _ in found] == [("content/faq/faq.yml", 3),
                                                   ("content/interpretations/qinghe-measures-qa.yml", 15)], found
    assert "身份证号码" in found[0][2] and "11010519491231002X" not in found[0][2]
    assert "银行卡号" in found[1][2]


def test_name_near_amount_is_refused_in_every_content_type(tmp_path: Path) -> None:
    """Issue 13: a person's name near an amount is one household's data in an FAQ answer or a standard's
    text too, not only in project text; reported at the line of the text, once."""
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    content = project / "content"
    leak = "户主欧阳建国补偿款386500元。"
    _edit(content / "faq/faq.yml", "就给两次。", "就给两次。" + leak)
    _edit(content / "compensation_standards/xishan-relocation.yml", "按户按次算，", "按户按次算，" + leak)
    found = sorted((d.path, d.line, d.message) for d in pipeline.check(project) if d.code == "D920")
    assert [(p, line) for p, line, _ in found] == [("content/compensation_standards/xishan-relocation.yml", 12),
                                                   ("content/faq/faq.yml", 3)], found
    for _, _, message in found:
        assert "姓名和金额" in message and "欧阳建国" not in message


def test_rules_without_a_person_stay_allowed_everywhere(tmp_path: Path) -> None:
    """The same text without a name, and a bare 户主 label without an amount, are not personal data."""
    project = copy_project(FIXTURES / "other-district", tmp_path / "project")
    content = project / "content"
    _edit(content / "faq/faq.yml", "就给两次。", "就给两次。户主按期搬迁的，奖励386500元；欧阳村补偿款共计386500元。")
    assert [d for d in pipeline.check(project) if d.code == "D920"] == []
