"""Expropriation projects (征收项目) and their announcements (公告).

One file per project under `content/projects/`, announcements nested in it, in any order:

```yaml
id: sample-duanyuan-logistics          # used in the URL: projects/<id>/
title: （示例）段园镇物流园道路工程集体土地征收项目
sample: true                           # invented project: the site marks it 示例
regime: land_collective                # or house_state
procedure: land-collective             # optional: the procedure whose steps make the timeline
area: duanyuan                         # a town/street id from site_config.yml areas
villages: [（示例）东湖村]
scope: 东至……，南至……（四至）
purpose: 修建物流园区连接道路
public_interest: 基础设施
summary: 一句话说明
status: in_progress                    # in_progress / completed / suspended
approval: {authority: 安徽省人民政府, doc_number: 皖政地〔2025〕1号, date: 2025-06-10, received: 2025-06-12}
progress: [{step: land-survey, date: 2025-03-20}]   # steps done without an announcement
announcements:
  - id: pre-announcement
    kind: 征收土地预公告
    title: ……征收土地预公告
    doc_number: 杜政征预〔2025〕1号
    issuer: 淮北市杜集区人民政府
    date: 2025-03-03                   # 落款日期
    display_start: 2025-03-03          # 公告（公示）期起
    display_end: 2025-03-17            # 公告（公示）期止
    summary: 一句话说明
updated: 2025-03-18
```

Text fields are checked for one household's personal data (ID numbers, mobile numbers, bank
cards, names with amounts): such text is rejected (D920). Statutory display minimums and the
approval deadline are checked in `generator/rules/project_rules.py`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from .fields import Date, Flag, Id, MarkdownText, RefTo, Reviewed, Strict, Text, describe, labelled
from .privacy import personal_data


def no_personal_data(value: object) -> object:
    """Runs before the shared text checks (a BeforeValidator), so one message names every kind of
    personal data in a project's text (mobiles included), not only what every text field refuses."""
    if not isinstance(value, str):
        return value  # the text type reports it
    found = personal_data(value)
    if found:
        first = found[0]
        raise PydanticCustomError(
            "D920", "含有个人信息（{kind}：{text}），不得在网站公开",
            {"kind": "、".join(sorted({f.kind for f in found})), "text": first.text})
    return value


PublicText = Annotated[Text, BeforeValidator(no_personal_data)]
PublicMarkdown = Annotated[MarkdownText, BeforeValidator(no_personal_data)]


class AnnouncementKind(StrEnum):
    """The statutory announcement types (DOMAIN §7.8)."""

    land_pre = "征收土地预公告"
    land_survey = "现状调查结果"
    land_plan = "征地补偿安置公告"
    hearing_notice = "听证通知"
    hearing_result = "听证结果"
    land_expropriation = "征收土地公告"
    land_decision = "征地补偿安置决定"
    house_consultation = "征收补偿方案征求意见"
    house_consultation_result = "征求意见情况及修改情况"
    house_decision = "房屋征收决定"
    house_suspension = "暂停办理通知"
    house_survey = "调查登记结果"
    house_appraiser = "评估机构选定结果"
    house_appraisal = "分户初步评估结果"
    house_compensation_decision = "补偿决定"
    house_compensation = "分户补偿情况"
    audit = "审计结果"
    other = "其他公告"


LAND_ONLY = {AnnouncementKind.land_pre, AnnouncementKind.land_survey, AnnouncementKind.land_plan,
             AnnouncementKind.land_expropriation, AnnouncementKind.land_decision}
HOUSE_ONLY = {AnnouncementKind.house_consultation, AnnouncementKind.house_consultation_result,
              AnnouncementKind.house_decision, AnnouncementKind.house_suspension, AnnouncementKind.house_survey,
              AnnouncementKind.house_appraiser, AnnouncementKind.house_appraisal,
              AnnouncementKind.house_compensation_decision, AnnouncementKind.house_compensation}

# The procedure step an announcement belongs to when `step` is not written (ids of the bundled
# procedures content/procedures/land-collective.yml and house-state.yml).
DEFAULT_STEPS: dict[str, dict[AnnouncementKind, str]] = {
    "land_collective": {
        AnnouncementKind.land_pre: "pre-announcement",
        AnnouncementKind.land_survey: "land-survey",
        AnnouncementKind.land_plan: "plan-announcement",
        AnnouncementKind.hearing_notice: "hearing",
        AnnouncementKind.hearing_result: "hearing",
        AnnouncementKind.land_expropriation: "expropriation-announcement",
        AnnouncementKind.land_decision: "compensation-decision",
    },
    "house_state": {
        AnnouncementKind.house_consultation: "public-consultation",
        AnnouncementKind.house_consultation_result: "publish-revisions",
        AnnouncementKind.hearing_notice: "hearing",
        AnnouncementKind.hearing_result: "hearing",
        AnnouncementKind.house_survey: "survey-registration",
        AnnouncementKind.house_suspension: "suspend-procedures",
        AnnouncementKind.house_decision: "decision-announcement",
        AnnouncementKind.house_appraiser: "choose-appraiser",
        AnnouncementKind.house_appraisal: "appraisal",
        AnnouncementKind.house_compensation_decision: "compensation-decision",
    },
}

REGIME_LABELS = {"land_collective": "集体土地征收", "house_state": "国有土地上房屋征收"}
Regime = Annotated[Literal["land_collective", "house_state"], labelled(REGIME_LABELS)]
PublicInterest = Literal["国防和外交", "基础设施", "公共事业", "保障性安居工程", "成片开发", "旧城区改建", "其他公共利益"]
STATUS_LABELS = {"in_progress": "进行中", "completed": "已完成", "suspended": "已暂停"}
Status = Annotated[Literal["in_progress", "completed", "suspended"], labelled(STATUS_LABELS)]


class Registration(Strict):
    """补偿登记 (land: the 征地补偿安置公告 must say how and by when to register, 实施条例 第二十八条)."""

    method: PublicText = describe("登记方式", "如 持不动产权属证明材料到村委会登记")
    place: PublicText = describe("登记地点", "如 （示例）东湖村村民委员会")
    start: Date = describe("登记开始", "登记期第一天")
    end: Date = describe("登记截止", "登记期最后一天")


class Objection(Strict):
    """异议反馈渠道: where and until when residents can object."""

    channel: PublicText = describe("反馈渠道", "地址、办公电话（座机）或邮箱；不得写个人手机号")
    deadline: Date | None = describe("截止日期", "提出异议的最后一天", default=None)


class Approval(Strict):
    """The approval of the land expropriation (征地批准文件), for the 征收土地公告 deadline."""

    authority: Text = describe("批准机关", "如 安徽省人民政府")
    doc_number: Text | None = describe("批准文号", "如 皖政地〔2025〕100号", default=None)
    date: Date = describe("批准日期", "批准文件的日期")
    received: Date | None = describe("收到日期", "收到批准文件的日期；不填时按批准日期起算（更严格）", default=None)
    use: PublicText | None = describe("批准用途", "批准的土地用途", default=None)


class ProgressEntry(Strict):
    """A step done without an announcement of its own (e.g. 现状调查, 社会稳定风险评估)."""

    step: Id = describe("步骤", "所属程序中步骤的标识，如 land-survey")
    date: Date = describe("日期", "完成或开始的日期")
    note: PublicText | None = describe("说明", "一句话说明，不得含个人信息", default=None)


ATTACHMENT_TYPES = {".pdf": "PDF", ".jpg": "JPG", ".jpeg": "JPG", ".png": "PNG"}


class Attachment(Strict):
    """A scan or file posted with an announcement, kept in the project's folder and published as is."""

    title: PublicText = describe("附件名称", "如 征收范围图（扫描件）")
    file: Text = describe("文件", "项目文件夹里的文件路径，如 content/projects/项目标识/files/2025-01-notice.pdf；"
                          "只收 PDF、JPG、PNG")


class Announcement(Strict):
    """One announcement (公告) of a project, as posted."""

    id: Id = describe("标识", "本项目内唯一，用于网页锚点，如 pre-announcement")
    kind: AnnouncementKind = describe("公告类型", "征收土地预公告、征地补偿安置公告、征收土地公告、征地补偿安置决定、"
                                      "征收补偿方案征求意见、房屋征收决定、补偿决定等（见内容指南）")
    title: PublicText = describe("标题", "公告标题，照录")
    doc_number: Text | None = describe("文号", "如 杜政征预〔2025〕1号；没有文号时留空并在 pending 中列出", default=None)
    index_no: Text | None = describe("索引号", "政府信息公开平台上这份公告的索引号，照录", default=None)
    issuer: Text = describe("发布机关", "如 某某市某某区人民政府")
    date: Date = describe("落款日期", "公告落款（成文）日期")
    display_start: Date = describe("公告期起", "张贴或网上发布的第一天")
    display_end: Date | None = describe("公告期止", "公告（公示、征求意见）期最后一天；决定类公告可不填", default=None)
    step: Id | None = describe("所属步骤", "所属程序中步骤的标识；不填时按公告类型自动对应", default=None)
    summary: PublicText = describe("一句话看懂", "用一句大白话说明这份公告讲什么")
    body: PublicMarkdown | None = describe("正文摘要", "公告要点，可用简单 Markdown；不得含分户信息", default=None)
    full_text: PublicMarkdown | None = describe(
        "公告全文", "公告正文全文，照录，可用简单 Markdown；不得含分户信息。不填时页面只显示摘要并请居民到公告栏查看",
        default=None)
    attachments: list[Attachment] = describe("附件", "公告的附件（扫描件、图片），每项写 title 和 file",
                                             default_factory=list)
    registration: Registration | None = describe("补偿登记", "征地补偿安置公告须写明登记方式和期限", default=None)
    objection: Objection | None = describe("异议渠道", "提出异议的渠道和期限", default=None)
    remedies: PublicText | None = describe("救济途径", "决定类公告须写明申请行政复议、提起行政诉讼的权利", default=None)
    official_url: Text | None = describe("原文地址", "政府网站上的公告原文地址", default=None)
    pending: list[Literal["doc_number", "display_end", "official_url"]] = describe(
        "待补充字段", "尚未取得的字段名，页面显示为“待补充”", default_factory=list)


class Project(Reviewed):
    """An expropriation project (征收项目) and the announcements made for it."""

    id: Id = describe("标识", "英文标识，用于网址")
    title: PublicText = describe("项目名称", "示例项目须以“（示例）”开头")
    sample: Flag = describe("示例数据", "虚构的演示项目必须为 true；页面将显著标注“示例”", default=False)
    regime: Regime = describe("征收类型", "land_collective 集体土地征收 / house_state 国有土地上房屋征收")
    procedure: Annotated[Id, RefTo("procedures")] | None = describe(
        "适用程序", "征收程序的标识，如 land-collective；不填时用本站同一征收类型的程序", default=None)
    area: Annotated[Id, RefTo("areas")] = describe("所在镇街", "site_config.yml 中镇街的标识")
    villages: list[PublicText] = describe("村（社区）", "涉及的村或社区", default_factory=list)
    scope: PublicText = describe("征收范围", "四至或范围描述")
    purpose: PublicText = describe("征收目的", "建设什么、为什么征收")
    public_interest: PublicInterest = describe("公共利益类别", "国防和外交 / 基础设施 / 公共事业 / 保障性安居工程 / "
                                             "成片开发 / 旧城区改建 / 其他公共利益（土地管理法第四十五条、条例第八条）")
    summary: PublicText = describe("一句话看懂", "项目的一句话概括")
    status: Status = describe("状态", "in_progress 进行中 / completed 已完成 / suspended 已暂停")
    approval: Approval | None = describe("征地批准", "集体土地征收的批准文件（征收土地公告据此计算期限）", default=None)
    progress: list[ProgressEntry] = describe("其他进展", "没有单独公告的已完成步骤", default_factory=list)
    announcements: list[Announcement] = describe("公告", "本项目的各项公告", default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Project:
        ids = [a.id for a in self.announcements]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise PydanticCustomError("R301", "本项目内公告标识重复：{ids}", {"ids": "、".join(dupes)})
        return self
