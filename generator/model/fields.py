"""Field types shared by every content type: exact decimals, strict dates, safe text, ids.

Each type converts the *string* the editor typed (see yamlsource) and raises a
`PydanticCustomError` whose type is a diagnostic code, so validation maps errors to codes directly.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from . import markup
from .privacy import household_data

ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2099, 12, 31)  # timestamps of the built files must fit 32 bits
MONEY_RE = re.compile(r"^\d{1,12}(?:\.\d{1,2})?$", re.ASCII)  # ASCII: \d would accept full-width digits
QUANTITY_RE = re.compile(r"^\d{1,12}(?:\.\d{1,4})?$", re.ASCII)
# Raw HTML, entities, script URLs, and event-handler attributes: Markdown's attr_list would turn
# `[链接](#a){ onmouseover=x() }` into a live handler, so `on…=` is refused anywhere in editor text.
_HTML_RE = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#|javascript\s*:|vbscript\s*:|(?<![a-z0-9_-])(?:data|file)\s*:|"
                      r"!\[[^\]]*\]\(\s*<?\s*(?:https?:)?//|(?<![a-z0-9_-])on[a-z]+\s*=",
                      re.IGNORECASE)
_HTML_HINT_RE = re.compile(r"[<&:!=]")  # each of _HTML_RE's alternatives holds one of these: a cheap first look
_URL_RE = re.compile(r"^(https?://[^\s<>\"']+|/[^\s<>\"']*)$")


class Strict(BaseModel):
    """Base for every content model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


PLACEHOLDER_RE = re.compile(r"^\s*TODO\b")  # what `gongkai new` writes into fields still to be filled


def _must_be_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("S203", "应为{what}，但这里写的是列表或多行结构", {"what": what})
    if PLACEHOLDER_RE.match(value):
        raise PydanticCustomError("S215", "仍是待填写的占位内容“{value}”，请填写真实内容", {"value": value[:40]})
    return value


def parse_id(value: Any) -> str:
    text = _must_be_str(value, "标识（id）")
    if not ID_RE.match(text):
        raise PydanticCustomError(
            "S208", "标识“{value}”不合规：只能用小写英文字母、数字和连字符，且不以连字符开头或结尾",
            {"value": text})
    return text


def parse_date(value: Any) -> dt.date:
    text = _must_be_str(value, "日期")
    m = DATE_RE.match(text.strip())
    if not m:
        raise PydanticCustomError("S204", "日期“{value}”格式不对，应写成 YYYY-MM-DD，例如 2024-03-01",
                                  {"value": text})
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise PydanticCustomError("S204", "日期“{value}”不存在（请检查月份和日）", {"value": text}) from None
    if not FIRST_DATE <= day <= LAST_DATE:  # 9999-12-31 would pass here and break the build far from this line
        raise PydanticCustomError("S204", "日期“{value}”超出合理范围（{first} 至 {last}），多半是年份写错了",
                                  {"value": text, "first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat(),
                                   "hint_text": "请核对年份，写成 2024-03-01 这样的真实日期。"})
    return day


_HOW_TO_WRITE = {"金额": "金额只写阿拉伯数字，最多两位小数，不写单位和逗号，如 1350.00。",
                 "数量": "数量只写阿拉伯数字，最多四位小数，不写单位和逗号，如 120.5。"}


def _parse_decimal(value: Any, pattern: re.Pattern[str], places: int, what: str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    text = _must_be_str(value, "数字")
    stripped = text.strip()
    how = _HOW_TO_WRITE[what]
    if stripped.startswith("-"):
        raise PydanticCustomError("S206", "{what}必须为正数（当前为“{value}”）",
                                  {"what": what, "value": text, "hint_text": f"{what}必须大于 0。"})
    if not pattern.match(stripped):
        if any("\uff10" <= ch <= "\uff19" for ch in stripped):
            hint = "含有全角数字"
        elif "," in stripped or "，" in stripped:
            hint = "不要写千位分隔符"
        elif re.match(r"^\d+\.\d+$", stripped):
            hint = f"最多保留 {places} 位小数"
        else:
            hint = "只能写阿拉伯数字和小数点"
        raise PydanticCustomError("S205", "“{value}”不是有效的{what}（{hint}）",
                                  {"value": text, "what": what, "hint": hint, "hint_text": how})
    try:
        return Decimal(stripped)
    except InvalidOperation:  # pragma: no cover - the regex already guarantees a decimal
        raise PydanticCustomError("S205", "“{value}”不是有效的数字", {"value": text, "hint_text": how}) from None


def parse_money(value: Any) -> Decimal:
    amount = _parse_decimal(value, MONEY_RE, 2, "金额")
    if amount <= 0:
        raise PydanticCustomError("S206", "金额必须为正数（当前为“{value}”）", {"value": str(value)})
    return amount


def parse_quantity(value: Any) -> Decimal:
    return _parse_decimal(value, QUANTITY_RE, 4, "数量")


def check_text(value: Any, markdown: bool = False) -> str:
    text = _must_be_str(value, "文字")
    m = _HTML_RE.search(text) if _HTML_HINT_RE.search(text) else None
    if m:
        raise PydanticCustomError(
            "H401", "文字中含有不允许的 HTML、脚本或外部资源（“{found}”）",
            {"found": text[m.start(): m.start() + 20]})
    if '"' in text:  # mkdocs' theme templates do not escape: a " in a title would end an attribute
        raise PydanticCustomError("H402", "文字中含有英文双引号（\"），请改用中文引号“”", {})
    _check_markup(text, markdown)
    found = household_data(text)
    if found:
        raise PydanticCustomError("D920", "含有个人信息（{kind}：{text}），不得在网站公开",
                                  {"kind": "、".join(sorted({f.kind for f in found})), "text": found[0].text})
    return text


def _check_markup(text: str, markdown: bool) -> None:
    """Editor text gives only the markup its field allows (model/markup.py)."""
    braces = markup.attr_list_syntax(text)
    if braces:
        raise PydanticCustomError("H405", "文字中的“{found}”会被当作给网页元素加属性的写法，不允许使用",
                                  {"found": braces})
    if markdown:
        problem = markup.markdown_problem(text)
        if problem:
            raise PydanticCustomError("H404", "这段 Markdown 会生成不允许的网页内容：{what}", {"what": problem})
        return
    problem = markup.plain_problem(text)
    if problem:
        raise PydanticCustomError("H403", "这是普通文字字段，不支持 Markdown 排版，其中的{what}会改变显示", {"what": problem})


def check_markdown(value: Any) -> str:
    return check_text(value, markdown=True)


def check_url(value: Any) -> str:
    text = _must_be_str(value, "网址")
    if not _URL_RE.match(text):
        raise PydanticCustomError("S209", "网址“{value}”无效：应以 https:// 或 http:// 开头", {"value": text})
    return text


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _must_be_str(value, "是/否")
    if text in ("true", "是"):
        return True
    if text in ("false", "否"):
        return False
    raise PydanticCustomError("S203", "“{value}”不是有效的是/否值，请写 true 或 false", {"value": text})


# Choice code -> Chinese label, for every choice an editor types (filled as the models are defined,
# then constant): messages show both, and an editor may type either.
LABELS: dict[str, str] = {}


def labelled(labels: dict[str, str]) -> Any:
    """Validator metadata for a choice field: the Chinese label is accepted as well as the code."""
    LABELS.update({str(code): label for code, label in labels.items()})
    by_label = {label: str(code) for code, label in labels.items()}

    def to_code(value: Any) -> Any:
        return by_label.get(value.strip(), value) if isinstance(value, str) else value

    accepted = tuple(dict.fromkeys([*map(str, labels), *labels.values()]))
    return BeforeValidator(to_code, json_schema_input_type=Literal[accepted])  # the editor's schema offers both


Id = Annotated[str, BeforeValidator(parse_id)]
Date = Annotated[dt.date, BeforeValidator(parse_date)]
Money = Annotated[Decimal, BeforeValidator(parse_money)]
Quantity = Annotated[Decimal, BeforeValidator(parse_quantity)]
Text = Annotated[str, BeforeValidator(check_text), AfterValidator(str.strip)]
MarkdownText = Annotated[str, BeforeValidator(check_markdown), AfterValidator(str.strip)]  # simple Markdown allowed
Url = Annotated[str, BeforeValidator(check_url)]
Flag = Annotated[bool, BeforeValidator(parse_bool)]


def describe(title: str, description: str = "", editor_only: bool = False, **kwargs: Any) -> Any:
    """A field with its Chinese label (title) and description, used by schema and content guide.
    `editor_only`: for editors (sources, research notes): never on a page, never in the open data."""
    if editor_only:
        kwargs["json_schema_extra"] = {"editor_only": True}
    return Field(title=title, description=description, **kwargs)


def is_editor_only(info: Any) -> bool:
    """Whether a model field (pydantic FieldInfo) was declared `editor_only`."""
    extra = getattr(info, "json_schema_extra", None)
    return isinstance(extra, dict) and extra.get("editor_only") is True


class RefTo:
    """Field metadata: the value is the id of an item of another content type (or "areas")."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __repr__(self) -> str:
        return f"RefTo({self.target!r})"


class Citation(Strict):
    """A reference to a policy document, optionally to one article of it."""

    document: Annotated[Id, RefTo("policy_documents")] = describe("文件", "被引用的政策文件的标识（id）")
    article: int | None = describe("条", "条款序号（阿拉伯数字，如 19 表示第十九条）", default=None, ge=1, le=999)


class Article(Strict):
    """One article of a policy document, quoted exactly."""

    number: int = describe("条号", "条款序号（阿拉伯数字，如 19 表示第十九条）", ge=1, le=999)
    text: Text = describe("原文", "条款原文，逐字照录，不得改写")


class Reviewed(Strict):
    """Dates every item carries: when it was last updated, and optionally when to review it."""

    sample: Flag = describe("示例内容", "文字或数字是虚构的演示内容时必须为 true：页面显著标注“示例”，"
                            "正式发布（--production）时拒绝构建", default=False)
    updated: Date = describe("更新日期", "本条内容最后一次修改的日期（页面显示的“更新日期”取自此处）")
    review_by: Date | None = describe("复核期限", "到期前应复核本条内容是否仍然准确", default=None)
    former_ids: list[Id] = describe("曾用标识", "本条内容以前用过的标识（id）；改标识后写在这里，旧网址会自动跳转到新网址",
                                    default_factory=list)


BasisKind = Literal["本中心做法", "政务公开目录", "待核实"]
BASIS_KIND_HELP = ("期限或金额不是所引条文规定的时填写：本中心做法（本中心自己的做法，不是法律规定）、"
                   "政务公开目录（国家基层政务公开标准目录的要求，不是法律条文）或 待核实；"
                   "页面会照样显示。不填时，数字必须出现在所引条文中")


class LegalReview(Strict):
    """法律顾问审核 of one item's resident-facing text, tied to that text by its fingerprint."""

    reviewer: Text = describe("审核人", "出具意见的法律顾问，如 某某律师事务所 王律师")
    date: Date = describe("审核日期", "法律顾问出具意见的日期")
    text_hash: Text = describe("文字指纹", "审核时这条内容文字的指纹（gongkai check --production 报 R326 时给出的 12 位）；"
                                        "文字一改指纹就不符，页面回到“待审核”")


class LegallyReviewed(Reviewed):
    """Resident-facing legal explanations (解读、问答、程序): reviewed by the center's legal adviser."""

    legal_review: LegalReview | None = describe("法律顾问审核", "合法性审查记录；没有或文字已改时页面显示“待审核”，"
                                                "正式发布（非示例站点）时不允许", default=None)
