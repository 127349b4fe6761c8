"""Resettlement housing (安置房): estates, the allocation rules, and each project's resettlement.

Three types, each in its own folder:

- `content/estates/<id>.yml`: one estate (安置房小区) with its stock by size band and its allocation
  rounds (选房批次);
- `content/allocation_rules/<id>.yml`: how homes are allocated, from the district's measures
  (《杜集区存量安置房管理办法（暂行）》, a `policy_documents` item);
- `content/resettlement/<id>.yml`: per project, whether 先安置后拆迁 applies, which estates house
  its households and when demolition started; the check (D976) is that the homes were ready first.

```yaml
# content/estates/sample-gaoyue-garden.yml
id: sample-gaoyue-garden
name: （示例）高岳安置小区
sample: true
area: gaoyue
location: （示例）高岳街道示例五路北侧
buildings: 6
total_units: 480
bands:                                  # units by size band: ready + under construction = units
  - {band: 60平方米左右, units: 160, ready: 160, under_construction: 0, allocated: 96}
delivery: 2025-06-30                     # 交付日期 (planned until delivered: true)
delivered: true
rounds:
  - id: round-1
    date: 2025-09-15
    rule: sample-duji-stock-housing
    projects: [sample-gaoyue-old-district]
    eligible_households: 96
    homes: 96
    method: 按签约顺序
    order_posted: 选房顺序号在（示例）红旗社区居委会公示栏张贴
source: 区征收中心安置房台账（2026年5月）
updated: 2026-05-10
```
"""

from __future__ import annotations

from typing import Annotated, Literal

from .fields import Date, Flag, Id, RefTo, Reviewed, Strict, Text, describe
from .household import MoneyText

Method = Literal["抽签", "按签约顺序"]


class SizeBand(Strict):
    """Units of one size band (户型面积段)."""

    band: Text = describe("户型面积段", "如 60平方米左右、90平方米左右")
    units: int = describe("套数", "这一面积段的总套数", ge=0, le=100_000)
    ready: int = describe("已建成", "已建成、可以交付的套数", ge=0, le=100_000)
    under_construction: int = describe("在建", "还在建设的套数", ge=0, le=100_000)
    allocated: int = describe("已分配", "已经分配给被征收户的套数", ge=0, le=100_000)


class AllocationRound(Strict):
    """One allocation round (选房批次) in an estate."""

    id: Id = describe("标识", "本小区内唯一，如 round-1")
    date: Date = describe("选房日期", "选房（分配）的日期")
    rule: Annotated[Id, RefTo("allocation_rules")] | None = describe("分配规则", "所依据的分配规则的标识", default=None)
    projects: list[Annotated[Id, RefTo("projects")]] = describe("涉及项目", "参加本轮选房的项目", default_factory=list)
    eligible_households: int = describe("符合条件户数", "本轮有资格选房的户数", ge=0, le=100_000)
    homes: int = describe("提供房源套数", "本轮拿出来选的套数；不能超过小区已建成的房源", ge=0, le=100_000)
    method: Method = describe("选房方式", "抽签 / 按签约顺序")
    order_posted: MoneyText = describe("选房顺序公示地点", "选房顺序号在哪里张贴（线下），如 社区居委会公示栏；本站不公布名单")
    note: MoneyText | None = describe("说明", "不得含分户信息", default=None)


class Estate(Reviewed):
    """A resettlement estate (安置房小区): its stock, delivery and allocation rounds."""

    id: Id = describe("标识", "英文标识，用于网址")
    name: MoneyText = describe("小区名称", "示例须以“（示例）”开头")
    sample: Flag = describe("示例数据", "虚构的演示内容必须为 true；页面标注“示例”", default=False)
    area: Annotated[Id, RefTo("areas")] = describe("所在镇街", "site_config.yml 中镇街的标识")
    location: MoneyText = describe("位置", "路名、四至或参照物")
    buildings: int = describe("楼栋数", "小区的楼栋数", ge=0, le=1000)
    total_units: int = describe("总套数", "照录台账的总套数；须等于各面积段之和", ge=0, le=100_000)
    bands: list[SizeBand] = describe("户型面积段", "按面积段列出套数、已建成、在建、已分配", min_length=1)
    delivery: Date | None = describe("交付日期", "已交付的写实际交付日期，未交付的写计划交付日期", default=None)
    delivered: Flag = describe("已交付", "房屋已经交付（可以入住）为 true", default=False)
    rounds: list[AllocationRound] = describe("选房批次", "每一轮选房", default_factory=list)
    source: MoneyText = describe("数据来源", "如 区征收中心安置房台账（2026年5月）")
    note: MoneyText | None = describe("说明", "不得含分户信息", default=None)


class AllocationRule(Reviewed):
    """How resettlement homes are allocated (安置房分配规则), from the district's measures."""

    id: Id = describe("标识", "英文标识，用于网址")
    title: MoneyText = describe("名称", "如 存量安置房分配程序")
    sample: Flag = describe("示例数据", "规则内容是演示用的示例时为 true", default=False)
    document: Annotated[Id, RefTo("policy_documents")] = describe(
        "依据文件", "规定分配程序的政策文件，如 duji-resettlement-housing-measures")
    summary: MoneyText = describe("一句话看懂", "用一句大白话说明怎么分房")
    eligibility: list[MoneyText] = describe("谁能分", "分配条件，逐条写", min_length=1)
    steps: list[MoneyText] = describe("分配步骤", "从公布房源到选房、签约的步骤，逐条写", min_length=1)
    methods: list[Method] = describe("选房方式", "抽签 / 按签约顺序", min_length=1)
    where_posted: MoneyText = describe("名单和顺序公示", "房源、名单、选房顺序在哪里公示（线下）")


class Resettlement(Reviewed):
    """A project's resettlement (项目安置): 先安置后拆迁 and the estates that house its households."""

    id: Id = describe("标识", "英文标识，通常与项目标识相同")
    project: Annotated[Id, RefTo("projects")] = describe("征收项目", "项目的标识")
    sample: Flag = describe("示例数据", "演示用的示例时为 true", default=False)
    resettle_first: Flag = describe("先安置后拆迁", "本项目实行“先安置后拆迁”（安置房交付后才开始拆除）为 true")
    basis: Annotated[Id, RefTo("policy_documents")] | None = describe(
        "依据文件", "规定先安置后拆迁的文件，如 duji-resettlement-before-demolition-notice", default=None)
    estates: list[Annotated[Id, RefTo("estates")]] = describe("安置小区", "本项目被征收户安置到哪些小区", default_factory=list)
    households: int | None = describe("产权调换户数", "选择房屋产权调换（要安置房）的户数", default=None, ge=0, le=1_000_000)
    demolition_start: Date | None = describe("开始拆除日期", "第一栋房屋开始拆除的日期；还没拆就不填", default=None)
    note: MoneyText | None = describe("说明", "不得含分户信息", default=None)
