"""Procedures (征收程序): ordered statutory steps with actors, time limits and what residents can do."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .fields import (
    BASIS_KIND_HELP,
    BasisKind,
    Citation,
    Date,
    Id,
    LegallyReviewed,
    Strict,
    Text,
    describe,
    labelled,
)
from .versions import EarlierVersion, changes_field, check_versions, versions_field

UNIT_LABELS = {"days": "日", "working_days": "个工作日", "months": "个月", "years": "年"}
TimeUnit = Annotated[Literal["days", "working_days", "months", "years"],
                     labelled({**UNIT_LABELS, "working_days": "工作日", "months": "月"})]
KIND_LABELS = {"min": "不少于", "max": "不超过", "within": "以内"}


class TimeLimit(Strict):
    """A statutory time limit, e.g. at least 30 days, within 15 working days."""

    kind: Annotated[Literal["min", "max", "within"], labelled(KIND_LABELS)] = describe("类型", "min 不少于 / max 不超过 / within 在……以内")
    value: int = describe("数值", "天数、工作日数或月数", ge=1, le=10000)
    unit: TimeUnit = describe("单位", "days 日 / working_days 工作日 / months 月 / years 年")
    from_: Text = describe("起算", "从什么时候开始计算，如 公告发布之日", alias="from")
    basis: Citation = describe("法律依据", "规定该期限的文件和条款")
    basis_kind: BasisKind | None = describe("依据类型", BASIS_KIND_HELP, default=None)


class Step(Strict):
    """One step of a procedure."""

    id: Id = describe("标识", "步骤的英文标识，用于网页锚点")
    title: Text = describe("步骤名称", "使用法定名称，如 征收土地预公告")
    actor: Text = describe("谁来做", "如 县级以上地方人民政府、被征收人")
    summary: Text = describe("一句话看懂", "这一步是什么")
    what_happens: Text = describe("做什么", "这一步具体发生什么")
    time_limit: TimeLimit | None = describe("法定时限", "法律规定的期限（如有）", default=None)
    condition: Text | None = describe(
        "什么情况下才有", "只在特定情况下才有的步骤（如听证、补偿决定）写明什么情况下才有，写成一句完整的话，"
        "如 如果多数被征地的村民认为补偿安置方案不合法，政府会组织听证。项目页面不会把这种步骤说成“下一步”", default=None)
    basis: list[Citation] = describe("法律依据", "规定这一步的条款", min_length=1)
    what_i_can_do: list[Text] = describe("我能做什么", "群众在这一步可以或应当做的事", min_length=1)
    by_when: Text = describe("什么时候", "群众要注意的期限；没有期限时写明")
    what_to_bring: list[Text] = describe("要带什么", "需要准备的材料", default_factory=list)


class Procedure(LegallyReviewed):
    """A statutory procedure for one regime."""

    id: Id = describe("标识", "英文标识，用于网址")
    title: Text = describe("标题", "如 集体土地征收程序")
    regime: Annotated[Literal["land_collective", "house_state"],
                      labelled({"land_collective": "集体土地征收", "house_state": "国有土地上房屋征收"})] = describe("征收类型", "land_collective 集体土地 / house_state 国有土地上房屋")
    summary: Text = describe("一句话看懂", "整个程序的一句话概括")
    what_it_means: Text = describe("对我意味着什么", "群众需要知道的要点")
    basis: list[Citation] = describe("法律依据", "本程序依据的主要文件", min_length=1)
    steps: list[Step] = describe("步骤", "按先后顺序排列", min_length=1)
    effective_from: Date | None = describe("施行日期", "现行版本开始执行的日期；有修订记录时必填", default=None)
    changes: Text | None = changes_field()
    versions: list[EarlierVersion] = versions_field()

    @model_validator(mode="after")
    def _unique_steps(self) -> Procedure:
        ids = [s.id for s in self.steps]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise PydanticCustomError("R301", "本程序内步骤标识重复：{ids}", {"ids": "、".join(dupes)})
        check_versions(self.effective_from, self.changes, self.versions)
        return self
