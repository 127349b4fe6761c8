"""Compensation standards (补偿标准): rates by zone or item, each traced to its source article."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from .fields import (
    Citation,
    Date,
    Flag,
    Id,
    Money,
    Quantity,
    RefTo,
    Reviewed,
    Strict,
    Text,
    check_text,
    describe,
    labelled,
)
from .versions import EarlierVersion, changes_field, check_versions, versions_field

_UNIT_RE = re.compile(r"^元/[\u4e00-\u9fff·（）()A-Za-z0-9²]{1,12}$")


def _check_unit(value: Any) -> str:
    text = check_text(value)
    if not _UNIT_RE.match(text):
        raise PydanticCustomError("S207", "单位“{value}”不合规：应写成 元/亩、元/平方米、元/月、元/户、元/株 等形式",
                                  {"value": text})
    return text


Unit = Annotated[str, BeforeValidator(_check_unit)]


class Category(StrEnum):
    land_zone_price = "land_zone_price"
    crops = "crops"
    attachments = "attachments"
    house = "house"
    relocation = "relocation"
    temporary_resettlement = "temporary_resettlement"
    reward = "reward"
    business_loss = "business_loss"
    social_security = "social_security"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    Category.land_zone_price: "区片综合地价",
    Category.crops: "青苗补偿",
    Category.attachments: "地上附着物补偿",
    Category.house: "房屋补偿",
    Category.relocation: "搬迁费",
    Category.temporary_resettlement: "临时安置费",
    Category.reward: "奖励与补助",
    Category.business_loss: "停产停业损失",
    Category.social_security: "社会保障",
}

REGIME_LABELS = {"land_collective": "集体土地征收", "house_state": "国有土地上房屋征收", "both": "集体土地与国有土地"}
Regime = Annotated[Literal["land_collective", "house_state", "both"], labelled(REGIME_LABELS)]
MODE_LABELS = {"monetary": "货币补偿", "property_swap": "产权调换"}
Mode = Annotated[Literal["monetary", "property_swap"], labelled(MODE_LABELS)]
HOUSEHOLD_REGIMES = {"land_collective": ("集体土地", "集体土地征收"), "house_state": ("国有土地", "国有土地上房屋征收")}
STATUS_LABELS = {"current": "现行", "superseded": "已被取代", "repealed": "已废止"}


class Rate(Strict):
    """One figure of a standard: an item (青苗, a structure type, a fee) with its amount and unit."""

    id: Id = describe("标识", "本标准内唯一的英文标识，用于网页锚点和估算")
    name: Text = describe("项目", "如 砖混结构、小麦、机井")
    spec: Text | None = describe("规格", "如 胸径 10 厘米以下", default=None)
    amount: Money = describe("金额", "精确到分的正数，只写数字，如 1350.00")
    unit: Unit = describe("单位", "如 元/亩、元/平方米、元/月、元/户、元/株")
    condition: Text | None = describe("适用条件", "什么情况下适用", default=None)
    article: int | None = describe("依据条款", "若与本标准的依据条款不同，写出条号", default=None, ge=1, le=999)
    minimum_for: Id | None = describe(
        "保底对象", "本项是另一项的最低标准（按那一项计算不足本项金额的，补足差额）时，写那一项的标识；"
        "估算时本项显示为“按最低标准补足”", default=None)
    modes: list[Mode] = describe(
        "适用补偿方式", "只在某种补偿方式下适用时写明：monetary 货币补偿 / property_swap 产权调换"
        "（如 临时安置费只给选择产权调换的）；不写表示两种方式都适用。户的估算按所选方式去掉不适用的项目",
        default_factory=list)


class Zone(Rate):
    """A 区片 of the 区片综合地价: the towns and streets it covers and its price."""

    name: Text = describe("区片名称", "如 一类区片")

    covers: Annotated[list[Id], RefTo("areas")] = describe("覆盖镇街或村", "site_config.yml 中镇街或村（社区）的标识", min_length=1)


class Situation(Strict):
    """A resident's situation for the compensation estimator: how much of each figure applies."""

    lines: dict[Id, dict[Text, Quantity]] = describe(
        "各项数量", "区片或补偿项目的标识 → {计量单位: 数量}，如 brick-concrete: {平方米: \"120\"}；"
        "元/户 的项目写 户: \"1\" 表示本户适用", default_factory=dict)
    shared: dict[Text, Quantity] = describe(
        "共用数量", "各项共用的时间数量，如 月: \"6\"（过渡月数）、次: \"2\"（搬迁次数）；只能写本标准某一项单位里有的："
        "月 要有按月的项目（如 元/平方米·月），次 要有按次的项目（如 元/户·次、元/次），只有 元/户 时不能写 次（R305）",
        default_factory=dict)


class Example(Situation):
    """A worked example shown on the standard page; its amounts are computed at build time, never typed."""

    title: Text = describe("举例说明", "如 砖混结构住宅 120 平方米")


def _household_regime(value: Any) -> Any:
    if isinstance(value, str):
        for code, labels in HOUSEHOLD_REGIMES.items():
            if value.strip() in labels:
                return code
    return value


class Household(Strict):
    """A household for `gongkai estimate --household`: its regime and, per standard, its situation."""

    regime: Annotated[Literal["land_collective", "house_state"], BeforeValidator(_household_regime)] = describe(
        "征收类型", "集体土地（land_collective）或 国有土地（house_state）")
    compensation_mode: Mode | None = describe(
        "补偿方式", "货币补偿（monetary）或 产权调换（property_swap）；不写则列出两种方式都可能有的项目", default=None)
    standards: dict[Id, Situation] = describe(
        "各补偿标准", "补偿标准的标识 → 与 gongkai estimate --input 相同的 lines、shared", default_factory=dict)


class Republication(Strict):
    """The same prices published again (土地管理法第四十八条: 调整或者重新公布), effective_from unchanged."""

    date: Date = describe("重新公布日期", "重新公布的日期")
    doc_number: Text | None = describe("文号", "重新公布文件的文号", default=None)


class ProjectPeriod(Strict):
    """The period of one project in which a standard applies, e.g. 签约奖励 for signing within the
    project's 签约期限 (条例第十七条: 补助和奖励); checked against the project (D924)."""

    project: Annotated[Id, RefTo("projects")] = describe("项目", "适用的征收项目的标识")
    start: Date = describe("起", "期限第一天，如 签约期开始")
    end: Date = describe("止", "期限最后一天，如 签约期截止")
    what: Text = describe("期限名称", "如 签约期限、搬迁期限")


class CompensationStandard(Reviewed):
    """A compensation standard (补偿标准) with its rates and source."""

    id: Id = describe("标识", "英文标识，用于网址")
    title: Text = describe("标题", "如 某某区集体土地上房屋补偿标准")
    category: Annotated[Category, labelled(CATEGORY_LABELS)] = describe("类别", "写英文标识或中文名称（中文要写全）：" + " / ".join(
        f"{c.value} 或 {label}" for c, label in CATEGORY_LABELS.items()))
    regime: Regime = describe("适用征收类型", "land_collective 集体土地 / house_state 国有土地上房屋 / both 两者")
    issuer: Text = describe("制定机关", "如 安徽省人民政府")
    source: Citation = describe("依据", "规定本标准的政策文件和条款")
    effective_from: Date = describe("施行日期", "开始执行的日期")
    effective_to: Date | None = describe("截止日期", "停止执行的日期", default=None)
    status: Annotated[Literal["current", "superseded", "repealed"], labelled(STATUS_LABELS)] = describe("状态", "current 现行 / superseded 已被取代 / repealed 已废止")
    project_periods: list[ProjectPeriod] = describe(
        "适用项目和期限", "奖励等只在某个项目的某段期限内适用时，逐个项目写明（如 签约期限内签约的给予奖励）",
        default_factory=list)
    republished: list[Republication] = describe(
        "重新公布", "价格不变、重新公布的记录（日期和文号）；区片综合地价三年期限从最近一次公布起算", default_factory=list)
    supersedes: Annotated[Id, RefTo("compensation_standards")] | None = describe("取代的标准", "被本标准取代的旧标准标识", default=None)
    sample: Flag = describe("示例数据", "数字不是官方数字时必须为 true；页面将显著标注“示例数据”", default=False)
    summary: Text = describe("一句话看懂", "用一句大白话说明这个标准管什么")
    what_it_means: Text = describe("对我意味着什么", "群众怎么理解这些数字")
    what_i_can_do: Text = describe("我能做什么", "对数字有疑问时可以怎么办")
    by_when: Text = describe("什么时候", "要注意的期限，如 签约期限、复核申请期限")
    conditions: list[Text] = describe("适用条件", "逐条写出", default_factory=list)
    zones: list[Zone] = describe("区片", "区片综合地价的各个区片", default_factory=list)
    items: list[Rate] = describe("补偿项目", "逐项列出金额", default_factory=list)
    estimator: Flag = describe("提供估算", "为 false 时不生成补偿估算页面（如无法按数量计算的标准）", default=True)
    examples: list[Example] = describe("计算举例", "页面上的计算举例：只写情形和数量，金额由系统按本标准计算",
                                       default_factory=list)
    changes: Text | None = changes_field()
    versions: list[EarlierVersion] = versions_field()

    @model_validator(mode="after")
    def _has_figures(self) -> CompensationStandard:
        if not self.zones and not self.items:
            raise PydanticCustomError("S202", "补偿标准至少要有一个区片（zones）或补偿项目（items）")
        ids = [r.id for r in [*self.zones, *self.items]]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise PydanticCustomError("R301", "本标准内项目标识重复：{ids}", {"ids": "、".join(dupes)})
        for rate in [*self.zones, *self.items]:
            if rate.minimum_for is not None and (rate.minimum_for == rate.id or rate.minimum_for not in ids):
                raise PydanticCustomError("R303", "项目“{id}”的保底对象“{target}”不是本标准中的另一个项目",
                                          {"id": rate.id, "target": rate.minimum_for})
        check_versions(self.effective_from, self.changes, self.versions, frozenset(ids))
        return self
