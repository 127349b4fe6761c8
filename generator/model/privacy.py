"""Personal-data detector: text about projects must never carry one household's private data.

Every editor text of every content type gets `household_data` (ID and bank card numbers, a name near
an amount: fields.check_text); project and announcement text also gets `personal_data` (mobiles,
household labels: model/project.PublicText). Announcements go on the open web; per-household results are for the people concerned only
(DOMAIN §7.8: publish aggregates online, 分户 detail through 入户/现场). This module finds, with
regular expressions and checksums, what must not be published:

- 18-character resident ID numbers: 17 digits and a digit or X whose birth date is plausible,
  with or without spaces, *whatever the check character* (a mistyped number is still someone's);
- mobile numbers 1[3-9]xxxxxxxxx (optionally +86, optionally split 3-4-4 by spaces or hyphens);
- bank card numbers: 16-19 digits (optionally in groups of 4) that pass the Luhn check;
- a person's name near an amount of money, in any phrasing of one sentence: after a role word
  (“被征收人张建国的房屋补偿金额为386500.00元”, “户主欧阳建国补偿款386500元”), or standing alone
  next to the amount (“张三 补偿款 12.5万元”, “李某某：86000元”);
- a household label with a name (“户主：李某某”).

Numbers inside a longer run of digits or letters are not looked at, so 文号 (杜政〔2024〕12号),
dates (2024-03-01, 20240301), landlines (0561-3012345) and index numbers are not flagged.
`scripts/privacy_figures.py` measures precision on the bundled site and recall on generated phrasings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID_RE = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5}[ ]?\d{8}[ ]?\d{3}[0-9Xx])(?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<![0-9A-Za-z+])(?:\+?86[- ]?)?(1[3-9]\d(?:\d{8}|[- ]\d{4}[- ]\d{4}))(?![0-9A-Za-z])")
_CARD_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?)(?![0-9A-Za-z])")

_DIGITS4_RE = re.compile(r"\d{4}")  # every ID, mobile and card number has four digits in a row
_DIGITS16_RE = re.compile(r"\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}")  # cheap pre-filter: 16+ digits in a row
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# The most common single-character surnames and the usual compound ones.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
            "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
            "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
            "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
            "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
                     "令狐", "夏侯", "端木", "西门", "南宫", "百里", "呼延", "澹台")
# Words that stand where a person is named, e.g. 被征收人张建国.
ROLE_WORDS = ("被征收人", "被征地农户", "被征地农民", "被拆迁人", "被征收户", "户主", "村民", "居民", "产权人",
              "权利人", "承租人", "所有权人", "使用权人", "农户", "住户", "业主", "申请人", "当事人", "姓名", "户名",
              "收款人", "领款人")
_GIVEN = r"(?:某某|某|[\u4e00-\u9fff]{1,2})"
_NAME = rf"(?:{'|'.join(COMPOUND_SURNAMES)}|[{SURNAMES}]){_GIVEN}"
# A given name never starts with a function word: 被征收人应当…, 村民于…, 户主和… are not names.
_NOT_GIVEN = set("当该在按于以可须得将已未不的了是为与及或并且对向从自由经因如若所把被让给比等均都同也还另即"
                 "签选申提领享获办取需要持凭收补征房土地集村镇街区县市乡组内外中个名人户方面时期间前后")
# Words that start with a surname character but are not names.
_NOT_NAMES = ("安置", "金额", "费用", "方式", "方案", "时间", "单价", "余额", "房屋", "程序", "任务", "文件", "周转",
              "高于", "低于", "于", "合计", "总计", "计", "万元", "平方", "全部", "全额", "全体", "应补", "华东",
              "成交", "成本", "明细", "和", "向", "共", "项目", "解释", "申请", "应当", "应该", "应在", "应按",
              "时限", "管理", "连同", "单位", "党委", "车辆", "有关", "查询", "司法", "明确", "商业", "师生", "万平")
_PLACE_END = tuple("村庄楼镇街道区县市乡组集湖园路山河桥圩店营寨屯坊巷港塘沟岗")
_UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿一二三四五六七八九十百千两"
_AMOUNT = (rf"(?:(?:人民币|¥|￥)\s*\d[\d,，]*(?:\.\d+)?\s*(?:万元|元)?|\d[\d,，]*(?:\.\d+)?\s*(?:万元|元)"
           rf"|[{_UPPER_DIGITS}]{{2,}}(?:元|圆)(?:整)?)")
_AMOUNT_RE = re.compile(_AMOUNT)
_SEP = r"[ \t:：,，、|]*"
_ROLE_NAME_RE = re.compile(rf"(?:{'|'.join(ROLE_WORDS)})(?:[ \t:：为是]|（[^）]{{0,8}}）)*({_NAME})"
                           rf"|(?:付给|发给|支付给|补偿给|给|向)({_NAME})")
# A name standing alone: at a boundary, then the amount close by.
_NAME_AMOUNT_RE = re.compile(
    rf"(?:^|(?<=[\s:：,，、;；|（(“\"\d.给向与付]))({_NAME}){_SEP}(?:户|家|同志|先生|女士)?(?:的)?{_SEP}"
    rf"(?:补偿款|补偿金额|补偿费|补偿|应补偿|安置费|奖励|金额|合计|共计|应得|领取|获得)?(?:为|是)?{_SEP}({_AMOUNT})",
    re.MULTILINE)
_HOUSEHOLD_LABEL_RE = re.compile(rf"(?:户主|被征收人|被征地农户|产权人|权利人|承租人|姓名)[ \t]*[:：][ \t]*({_NAME})")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_AMOUNT_HINT_RE = re.compile(r"[元圆¥￥]|人民币")  # every amount _AMOUNT matches holds one of these
_WINDOW = 60  # characters after a role-word name in which an amount makes it one household's data


@dataclass(frozen=True)
class Finding:
    kind: str  # Chinese name of what was found, e.g. 身份证号码
    text: str  # the matched text, masked for display
    start: int


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999 check character of an 18-character resident ID number."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def _plausible_birth(number: str) -> bool:
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mask(text: str) -> str:
    """Keep the first and last characters so editors can find the value, hide the rest."""
    compact = text.strip()
    if len(compact) <= 2:
        return compact[:1] + "*"
    keep = 3 if len(compact) > 8 else 1
    return compact[:keep] + "*" * (len(compact) - 2 * keep) + compact[-keep:]


def _ids(text: str) -> list[Finding]:
    """Every ID-shaped number: a wrong check character is a typing slip, not a reason to publish."""
    found = []
    for m in _ID_RE.finditer(text):
        number = m.group(1).replace(" ", "")
        if _plausible_birth(number):
            found.append(Finding("身份证号码", mask(number), m.start(1)))
    return found


def is_name(name: str) -> bool:
    """Whether a surname followed by one or two characters can be a person's name."""
    surname = next((c for c in COMPOUND_SURNAMES if name.startswith(c)), name[:1])
    given = name[len(surname):]
    if not given or given[0] in _NOT_GIVEN or any(name.startswith(w) for w in _NOT_NAMES):
        return False
    return given.startswith("某") or not name.endswith(_PLACE_END)


def _trim(name: str) -> str:
    """张建国的 / 王五补偿: a two-character given name whose second character starts the next word."""
    if len(name) >= 3 and not name.endswith("某") and name[-1] in _NOT_GIVEN:
        return name[:-1]
    return name


def _sentence_after(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    return text[start: min(end.start() if end else len(text), start + _WINDOW)]


def _role_names(text: str) -> list[Finding]:
    found = []
    for m in _ROLE_NAME_RE.finditer(text):
        group = 1 if m.group(1) else 2
        name = _trim(m.group(group))
        if not is_name(name):
            continue
        amount = _AMOUNT_RE.search(_sentence_after(text, m.end(group)))
        if amount:
            found.append(Finding("姓名和金额", f"{name[0]}** {amount.group(0).strip()}", m.start(group)))
    return found


def _names(text: str) -> list[Finding]:
    found = _role_names(text) if any(w in text for w in (*ROLE_WORDS, "给", "向")) else []
    taken = {f.start for f in found}
    for m in _NAME_AMOUNT_RE.finditer(text) if "元" in text or "¥" in text or "￥" in text else ():
        name = _trim(m.group(1))
        if m.start(1) in taken or not is_name(name):
            continue
        found.append(Finding("姓名和金额", f"{name[0]}** {m.group(2)}", m.start(1)))
        taken.add(m.start(1))
    for m in _HOUSEHOLD_LABEL_RE.finditer(text) if ":" in text or "：" in text else ():
        name = m.group(1)
        if m.start(1) not in taken and is_name(name):
            found.append(Finding("住户姓名", f"{name[0]}**", m.start(1)))
    return found


def identity_numbers(text: str) -> list[Finding]:
    """ID and bank card numbers only: never right on any page (mobiles and names may be, e.g. a hotline)."""
    return [f for f in personal_data(text) if f.kind in ("身份证号码", "银行卡号")] if _DIGITS16_RE.search(text) else []


def household_data(text: str) -> list[Finding]:
    """What no editor text of any content type may hold: ID and bank card numbers, and a person's name
    near an amount (one household's compensation). Mobiles and a bare 户主：name stay allowed outside
    projects (an official hotline, a worked example's label)."""
    found = identity_numbers(text)
    if _AMOUNT_HINT_RE.search(text):
        found += [f for f in _names(text) if f.kind == "姓名和金额"]
    return sorted(found, key=lambda f: (f.start, f.kind))


def _numbers(text: str) -> list[Finding]:
    found = _ids(text)
    taken = {f.start for f in found}
    for m in _MOBILE_RE.finditer(text):
        found.append(Finding("手机号码", mask(re.sub(r"[- ]", "", m.group(1))), m.start(1)))
    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"[- ]", "", m.group(1))
        if m.start(1) not in taken and 16 <= len(digits) <= 19 and luhn_ok(digits):
            found.append(Finding("银行卡号", mask(digits), m.start(1)))
    return found


def personal_data(text: str) -> list[Finding]:
    """Everything in `text` that looks like one person's private data, in text order."""
    found = _numbers(text) if _DIGITS4_RE.search(text) else []
    found.extend(_names(text))
    return sorted(found, key=lambda f: (f.start, f.kind))
