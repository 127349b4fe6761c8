"""The personal-data detector: flags one household's private data, never 文号, dates or landlines."""

from __future__ import annotations

import pytest

from generator.model.privacy import id_checksum_ok, luhn_ok, personal_data


def kinds(text: str) -> list[str]:
    return [f.kind for f in personal_data(text)]


def test_id_checksum_follows_gb11643():
    assert id_checksum_ok("11010519491231002X")
    assert not id_checksum_ok("110105194912310021")


@pytest.mark.parametrize("text", [
    "身份证号 11010519491231002X",
    "身份证号：110105 19491231 002x",
    "（11010519491231002X）",
])
def test_valid_id_numbers_are_found(text: str):
    assert kinds(text) == ["身份证号码"]


def test_id_with_wrong_check_digit_is_still_an_id_but_impossible_birth_date_is_not():
    assert kinds("编号 110105194912310021") == ["身份证号码"]
    assert "身份证号码" not in kinds("编号 110105194913310028")


@pytest.mark.parametrize("text", [
    "被征收人张建国的房屋补偿金额为386500.00元", "被征收人张建国，补偿金额386500.00元", "户主欧阳建国补偿款386500元",
    "村民王五补偿38.65万元", "被征收人（户主）李秀英应得补偿款人民币386500元", "张建国户补偿款386500元",
    "产权人：诸葛亮，货币补偿叁拾捌万陆仟伍佰元整", "给赵四发放奖励5000元",
])
def test_names_near_amounts_in_any_phrasing_are_found(text: str):
    assert kinds(text) == ["姓名和金额"]


@pytest.mark.parametrize("text", [
    "被征收人应当在签约期内签约的，给予奖励5000元/户", "村民小组补偿款共计120万元", "被征收人选择货币补偿的，另给予搬迁费1500元",
    "村民于2025年3月领取补偿款12万元", "被征收人对补偿决定不服的，可以依法申请行政复议；搬迁费每户3000元",
])
def test_role_words_without_a_name_are_not_flagged(text: str):
    assert kinds(text) == []


@pytest.mark.parametrize("text", ["联系电话13905611234", "手机：139 0561 1234", "手机 139-0561-1234",
                                  "+8613905611234", "电话:15855555555。"])
def test_mobile_numbers_are_found(text: str):
    assert kinds(text) == ["手机号码"]


def test_bank_cards_need_the_luhn_check():
    assert luhn_ok("6222021234567894") and not luhn_ok("6222021234567893")
    assert kinds("开户行卡号 6222 0212 3456 7894") == ["银行卡号"]
    assert kinds("开户行卡号 6222021234567893") == []


@pytest.mark.parametrize("text", [
    "张三 补偿款 123,456.00元", "1. 陈某 86000元", "李某某：12.5万元", "补偿给王小明12万元", "| 赵四 | 3000元 |",
    "欧阳娜娜 合计 8000元",
])
def test_names_with_amounts_are_found(text: str):
    assert kinds(text) == ["姓名和金额"]


def test_household_labels_with_a_name_are_found():
    assert kinds("户主：李某某") == ["住户姓名"]
    assert kinds("被征收人: 王小明") == ["住户姓名"]


@pytest.mark.parametrize("text", [
    "杜政〔2024〕12号", "皖政地〔2025〕100号", "2024-03-01 公告", "20240301", "公告期 2025年3月3日至3月17日",
    "咨询电话 0561-3012345", "索引号 11340602MB1234567X/2024-00012", "王家村补偿款共计120万元", "安置费 3000元",
    "高岳街道 12万元", "段园镇补偿120万元", "安置费每户3000元", "搬迁费 1500元/户", "共收到书面意见 86 条，采纳 31 条",
    "被征收人可以申请行政复议", "金额 5000元", "张楼 2025年", "面积约 6.3 公顷",
])
def test_ordinary_announcement_text_is_not_flagged(text: str):
    assert kinds(text) == []


def test_findings_are_masked_and_ordered():
    found = personal_data("户主：张三，电话13905611234，身份证11010519491231002X")
    assert [f.kind for f in found] == ["住户姓名", "手机号码", "身份证号码"]
    assert all("1391" not in f.text and "0519491231" not in f.text for f in found)


def test_figures_script_reports_no_false_alarm_and_full_recall(capsys: pytest.CaptureFixture[str]):
    import importlib.util
    from pathlib import Path
    script = Path(__file__).resolve().parent.parent / "scripts" / "privacy_figures.py"
    spec = importlib.util.spec_from_file_location("privacy_figures", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([]) == 0
    out = capsys.readouterr().out
    assert " 0 false alarms" in out and "(100.0 %)" in out and "0/200 flagged" in out
