"""Disclosure catalogue rows (公开事项): one row of the national 标准目录 that applies to the center.

A row says what must be disclosed (事项 and 要素), on what basis, how fast, where, to whom and how;
`published_in` says where this site fulfils it, so `generator/rules/compliance.py` can check the row
and the 公开事项对照表 page can show where each row is published and what is missing.

```yaml
id: house-national-policy
domain: house_state                 # land_collective / house_state / general
level1: 法规政策
level2: 国家层面法规政策
elements: [{text: 国有土地上房屋征收与补偿条例}, {text: 征地工作流程图, optional: true}]
basis: [{document: government-information-disclosure-regulation-2019, article: 26}]
time_limit: {kind: after_formation, value: 20, unit: working_days, text: 信息形成或者变更之日起20个工作日内}
publisher: 县（区、市）人民政府及房屋征收部门
channels: [{channel: 政府网站, mandatory: true}]
audience: all
mode: [proactive]
tier: [county]
sources: [P6, P7]                   # DOMAIN §0 ids of the catalogues the row was seen in
inferred: false                     # true: derived from statute, not seen in a published catalogue
published_in:
  - page: policies/house-expropriation-regulation-2011   # one page: <section>/<id>, or a section
  - type: policy_documents                              # every item of a type, filtered
    where: {level: normative_document}
  - announcement: 征收土地预公告                          # that announcement in every project
    covers: [1]                                         # element numbers this place publishes
  - offline: 在征收范围内张贴                              # published off this site
updated: 2026-11-20
```
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .fields import BASIS_KIND_HELP, BasisKind, Citation, Flag, Id, Reviewed, Strict, Text, describe, labelled
from .project import AnnouncementKind

Channel = Literal["政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点", "政务服务中心",
                  "便民服务站", "入户/现场", "社区/企事业单位/村公示栏(电子屏)", "精准推送", "征地信息公开平台", "其他"]
DOMAIN_LABELS = {"land_collective": "农村集体土地征收", "house_state": "国有土地上房屋征收与补偿", "general": "通用"}
Domain = Annotated[Literal["land_collective", "house_state", "general"], labelled(DOMAIN_LABELS)]
MODE_LABELS = {"proactive": "主动公开", "on_request": "依申请公开"}
Mode = Annotated[Literal["proactive", "on_request"], labelled(MODE_LABELS)]
TIER_LABELS = {"county": "县级", "township": "乡级", "village": "村级"}
Tier = Annotated[Literal["county", "township", "village"], labelled(TIER_LABELS)]
LIMIT_KIND_LABELS = {"after_formation": "形成或变更后", "after_application": "收到申请后", "at_event": "随事项",
                     "before_event": "事项前", "display_min": "公示期不少于"}
LimitKind = Annotated[Literal["after_formation", "after_application", "at_event", "before_event", "display_min"],
                      labelled(LIMIT_KIND_LABELS)]


class Element(Strict):
    """One content element (公开内容要素); optional ones are marked 〔*…〕 in the catalogue."""

    text: Text = describe("要素", "如 拟征收土地用途、位置和范围")
    optional: Flag = describe("可选", "目录中标〔*〕的可选要素为 true", default=False)


class DisclosureTimeLimit(Strict):
    """公开时限, e.g. 信息形成或者变更之日起20个工作日内."""

    kind: LimitKind = describe("类型", "after_formation 形成或变更后 / after_application 收到申请后 / at_event 随事项 / "
                                     "before_event 事项前 / display_min 公示期不少于")
    value: int | None = describe("数值", "天数或工作日数；随事项公开时不填", default=None, ge=1, le=3650)
    unit: Annotated[Literal["working_days", "days"], labelled({"working_days": "工作日", "days": "日"})] | None = describe("单位", "working_days 工作日 / days 日", default=None)
    text: Text = describe("原文", "目录中的时限原文")
    basis_kind: BasisKind | None = describe("依据类型", BASIS_KIND_HELP, default=None)


class ChannelUse(Strict):
    """公开渠道和载体: ■ mandatory, □ optional."""

    channel: Channel = describe("渠道", "政府网站、入户/现场、村公示栏等")
    mandatory: Flag = describe("必选", "目录中为 ■ 时为 true，□ 时为 false", default=True)


class Place(Strict):
    """Where the row is fulfilled: exactly one of page, type, announcement or offline."""

    page: Text | None = describe("页面", "<栏目>/<标识>（如 policies/land-administration-law-2019）或栏目（如 standards）",
                                 default=None)
    type: Text | None = describe("内容类型", "该类型的全部内容，如 policy_documents", default=None)
    where: dict[str, str] = describe("筛选", "按字段值筛选，如 {level: normative_document}；引用其他内容的字段可按被引用内容的字段筛选，"
                                      "如补偿资金按所属项目的征收类型 {project.regime: house_state}", default_factory=dict)
    announcement: AnnouncementKind | None = describe("公告类型", "各项目中这一类型的公告", default=None)
    offline: Text | None = describe("线下公开", "在本站以外公开的方式，如 在村公示栏张贴", default=None)
    covers: list[int] = describe("对应要素", "这一位置公开了哪几项要素（要素序号，从 1 起）；写了 covers 的行会逐项核对要素",
                                 default_factory=list)

    @model_validator(mode="after")
    def _exactly_one(self) -> Place:
        given = [v for v in (self.page, self.type, self.announcement, self.offline) if v is not None]
        if len(given) != 1:
            raise PydanticCustomError("D940", "公开位置必须且只能写 page、type、announcement、offline 中的一项")
        if self.where and self.type is None:
            raise PydanticCustomError("D940", "筛选（where）只能和内容类型（type）一起使用")
        return self


class DisclosureItem(Reviewed):
    """One row of the 标准目录 that applies to the center, with where the site fulfils it."""

    id: Id = describe("标识", "英文标识，用于对照表锚点")
    number: int | None = describe("序号", "在本站目录中的顺序（同一领域内从 1 起）", default=None, ge=1, le=999)
    domain: Domain = describe("领域", "land_collective 集体土地征收 / house_state 国有土地上房屋征收 / general 通用")
    level1: Text = describe("一级事项", "如 征地前期准备、法规政策")
    level2: Text | None = describe("二级事项", "如 拟征收土地告知", default=None)
    level3: Text | None = describe("三级事项", "部分目录有三级事项", default=None)
    elements: list[Element] = describe("公开内容（要素）", "逐项列出", min_length=1)
    basis: list[Citation] = describe("公开依据", "依据的政策文件和条款", min_length=1)
    basis_note: Text | None = describe("其他依据", "本站尚未收录的依据文件，如 建房〔2012〕84号", default=None)
    time_limit: DisclosureTimeLimit = describe("公开时限", "目录中的时限")
    publisher: Text = describe("公开主体", "如 县（区、市）人民政府及房屋征收部门")
    channels: list[ChannelUse] = describe("公开渠道和载体", "■ 必选、□ 可选", min_length=1)
    audience: Annotated[Literal["all", "specific"], labelled({"all": "全社会", "specific": "特定群体"})] = describe("公开对象", "all 全社会 / specific 特定群体")
    audience_note: Text | None = describe("特定群体", "如 征收范围内被征收房屋产权所有人", default=None)
    mode: list[Mode] = describe("公开方式", "proactive 主动 / on_request 依申请，可两者都有", min_length=1)
    tier: list[Tier] = describe("公开层级", "county 县级 / township 乡级 / village 村级", min_length=1)
    sources: list[Text] = describe("出处（编辑用）", "研究资料中看到该行的目录编号，如 P6；不在网页上显示", editor_only=True,
                                   default_factory=list)
    inferred: Flag = describe("推定", "未在已发布目录中见到、由法条推定的行为 true；页面标注“推定”", default=False)
    published_in: list[Place] = describe("本站公开位置", "本站在哪里公开这一事项", default_factory=list)
    note: Text | None = describe("编辑备注", "给编辑看的来源、推定或核实情况（如目录编号、研究记录）；不在网页上显示", editor_only=True,
                                    default=None)
    explanation: Text | None = describe(
        "公开说明", "给群众看的说明，显示在对照表这一行下面；不要写目录编号、研究记录等内部信息", default=None)

    @property
    def required_online(self) -> bool:
        """Proactive, and 政府网站 is a mandatory channel: the site must carry it (gaps fail --strict)."""
        return "proactive" in self.mode and any(c.channel == "政府网站" and c.mandatory for c in self.channels)
