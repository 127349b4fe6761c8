"""Policy documents (政策依据) and their interpretations (政策解读)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .fields import (
    Article,
    Date,
    Id,
    LegallyReviewed,
    MarkdownText,
    RefTo,
    Reviewed,
    Strict,
    Text,
    Url,
    describe,
    labelled,
)
from .versions import EarlierVersion, changes_field, check_versions, versions_field


class Level(StrEnum):
    law = "law"
    administrative_regulation = "administrative_regulation"
    judicial_interpretation = "judicial_interpretation"
    departmental_rule = "departmental_rule"
    provincial_rule = "provincial_rule"
    normative_document = "normative_document"
    internal_rule = "internal_rule"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    Level.law: "法律",
    Level.administrative_regulation: "行政法规",
    Level.judicial_interpretation: "司法解释",
    Level.departmental_rule: "部门规章",
    Level.provincial_rule: "地方政府规章",
    Level.normative_document: "规范性文件",
    Level.internal_rule: "工作制度",
}


class Validity(StrEnum):
    valid = "有效"
    expired = "失效"
    repealed = "废止"
    amended = "已修订"


PENDABLE = ("doc_number", "written_date", "published_date", "effective_date", "official_url", "index_no")


class PolicyDocument(Reviewed):
    """A law, regulation, rule or normative document the site cites (政策依据)."""

    id: Id = describe("标识", "英文标识，用于网址，如 house-expropriation-regulation-2011")
    title: Text = describe("标题", "文件全称，不含书名号")
    short_title: Text | None = describe("简称", "白话说明中注明依据时可用的简称，如 征收条例：（依据：《征收条例》第十条）", default=None)
    doc_number: Text | None = describe("文号", "如 国务院令第590号、杜政办〔2024〕1号", default=None)
    issuer: Text = describe("发文机关", "如 国务院、某某区人民政府办公室")
    level: Annotated[Level, labelled(LEVEL_LABELS)] = describe("效力层级", "law 法律 / administrative_regulation 行政法规 / judicial_interpretation 司法解释 / "
                         "departmental_rule 部门规章 / provincial_rule 地方政府规章 / normative_document 规范性文件 / "
                         "internal_rule 工作制度")
    written_date: Date | None = describe("成文日期", "文件落款日期", default=None)
    published_date: Date | None = describe("发布日期", "公布日期", default=None)
    effective_date: Date | None = describe("施行日期", "开始施行的日期", default=None)
    validity: Validity = describe("有效性", "有效 / 失效 / 废止 / 已修订")
    superseded_by: Annotated[Id, RefTo("policy_documents")] | None = describe("被何文件取代", "取代本文件的政策文件标识", default=None)
    index_no: Text | None = describe("索引号", "照抄政府信息公开平台上的索引号，不要自拟", default=None)
    subject: Text | None = describe("主题分类", "如 城乡建设、环境保护\\房屋征收", default=None)
    official_url: Url | None = describe("原文地址", "权威发布页面的网址", default=None)
    summary: Text = describe("一句话看懂", "用一句大白话说明这份文件管什么")
    what_it_means: Text = describe("对我意味着什么", "这份文件和群众有什么关系")
    what_i_can_do: Text = describe("我能做什么", "群众依据这份文件可以做什么")
    by_when: Text = describe("什么时候", "要注意的期限；没有期限时写明“无固定期限”")
    known: Text | None = describe("已知情况", "对尚未取得原文的文件，说明目前已知的情况和来源", default=None)
    pending: list[str] = describe("待补充字段", "尚未取得的字段名（如 doc_number），页面显示为“待补充”", default_factory=list)
    articles: list[Article] = describe("引用条款", "本站引用的条款，逐字照录。国家法律、行政法规、司法解释的原文随生成器提供（按标题或文号对应），"
                                     "所录条号必须存在、文字必须与原文一致；本地文件的条款由编辑录入", default_factory=list)
    changes: Text | None = changes_field()
    versions: list[EarlierVersion] = versions_field()

    @model_validator(mode="after")
    def _unique_articles(self) -> PolicyDocument:
        numbers = [a.number for a in self.articles]
        dupes = sorted({n for n in numbers if numbers.count(n) > 1})
        if dupes:
            raise PydanticCustomError("R301", "同一文件的引用条款中条号重复：第 {numbers} 条",
                                      {"numbers": "、".join(map(str, dupes))})
        check_versions(self.effective_date, self.changes, self.versions)
        return self


class InterpretationSection(Strict):
    heading: Text = describe("小标题", "如 背景依据、主要内容、注意事项")
    body: MarkdownText = describe("正文", "可用 Markdown 简单排版（列表、加粗、链接），不得含 HTML")


class QuestionAnswer(Strict):
    question: Text = describe("问", "群众常问的问题")
    answer: Text = describe("答", "大白话回答")


class Interpretation(LegallyReviewed):
    """A policy interpretation (政策解读), published with its document (三同步)."""

    id: Id = describe("标识", "英文标识，用于网址")
    title: Text = describe("标题", "如 《……办法》政策解读")
    document: Annotated[Id, RefTo("policy_documents")] = describe("所解读的文件", "政策文件的标识（id）")
    kind: Text = describe("解读形式", "如 文字解读、图解、问答、案例")
    interpreter: Text = describe("解读单位", "谁起草、谁解读")
    published_date: Date | None = describe("发布日期", "解读发布日期", default=None)
    summary: Text = describe("一句话看懂", "用一句大白话概括")
    sections: list[InterpretationSection] = describe("解读正文", "分节的解读内容", default_factory=list)
    questions: list[QuestionAnswer] = describe("一问一答", "问答形式的解读", default_factory=list)
    pending: list[str] = describe("待补充字段", "尚未取得的字段名", default_factory=list)
