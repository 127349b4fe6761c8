"""Reference content: questions (问答), glossary terms (术语), remedies (维权途径) and contacts (咨询与办理)."""

from __future__ import annotations

from typing import Annotated, Literal

from .fields import Citation, Flag, Id, LegallyReviewed, MarkdownText, RefTo, Reviewed, Strict, Text, describe
from .procedure import TimeLimit

Topic = Literal["补偿标准", "征收程序", "安置", "评估", "维权", "信息公开", "其他"]


class Question(LegallyReviewed):
    """A frequently asked question (问答) with a plain answer."""

    id: Id = describe("标识", "英文标识，用于网页锚点")
    question: Text = describe("问题", "用群众的话提问")
    answer: MarkdownText = describe("回答", "大白话回答；可用简单 Markdown（列表、加粗、链接），不得含 HTML")
    topic: Topic = describe("主题", "补偿标准 / 征收程序 / 安置 / 评估 / 维权 / 信息公开 / 其他")
    basis: list[Citation] = describe("依据", "回答所依据的条款", default_factory=list)


class Term(Reviewed):
    """A glossary term (术语) with aliases residents use and a plain gloss."""

    id: Id = describe("标识", "英文标识，用于网页锚点")
    term: Text = describe("术语", "法律或文件中的正式说法")
    aliases: list[Text] = describe("俗称", "群众常用的其他叫法，如 过渡费、拆迁", default_factory=list)
    gloss: Text = describe("白话解释", "一两句大白话")
    basis: list[Citation] = describe("出处", "定义或使用该术语的条款", default_factory=list)
    local: Flag = describe("地方用语", "仅本地文件使用的说法（如 先安置后拆迁）为 true", default=False)


class RemedyBody(Strict):
    """Who hears this remedy against one authority's decisions (复议机关 or 法院), as the district names it."""

    acts_of: Text = describe("作出决定的机关", "照公告落款写，如 某某市某某区人民政府")
    body: Text = describe("受理机关", "复议机关或人民法院，如 某某市人民政府、某某市中级人民法院")


class Remedy(Reviewed):
    """A remedy (维权途径): reconsideration, litigation, information request."""

    id: Id = describe("标识", "英文标识，用于网址")
    name: Text = describe("名称", "如 行政复议")
    summary: Text = describe("一句话看懂", "什么时候用这个办法")
    applies_to: list[Text] = describe("适用情形", "对哪些行为可以用", min_length=1)
    deadline: TimeLimit = describe("期限", "必须在多长时间内提出")
    where: Text = describe("向谁提出", "受理机关")
    how: list[Text] = describe("怎么办", "步骤和方式", min_length=1)
    basis: list[Citation] = describe("法律依据", "相关条款", min_length=1)
    bodies: list[RemedyBody] = describe(
        "本地受理机关", "按作出决定的机关写明向谁提出；项目公告下会据此写出机关名称和估算的最后一天", default_factory=list)


class Contact(Reviewed):
    """A place or line to ask or get things done (咨询与办理)."""

    id: Id = describe("标识", "英文标识")
    name: Text = describe("单位名称", "如 某某区征收中心")
    purpose: Text = describe("可以办理", "能咨询或办理什么")
    address: Text | None = describe("地址", "办公地址", default=None)
    phone: Text | None = describe("电话", "原样显示，如 0561-0000000", default=None)
    hours: Text | None = describe("办公时间", "如 工作日 8:30-12:00", default=None)
    area: Annotated[Id, RefTo("areas")] | None = describe("所在镇街", "site_config.yml 中镇街的标识", default=None)
    pending: list[Literal["address", "phone", "hours"]] = describe("待补充字段", "尚未核实的字段", default_factory=list)
