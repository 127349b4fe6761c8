"""The site itself (`site_config.yml`): who publishes it, where, and the footer a government site carries."""

from __future__ import annotations

from typing import Literal

from .fields import Date, Flag, Id, LegalReview, Strict, Text, Url, describe


class Village(Strict):
    """A village (村) or community (社区) of a town: zones may cover it, projects name it."""

    id: Id = describe("标识", "英文或拼音标识，如 donghu；全站唯一（不能与镇街或其他村重名）")
    name: Text = describe("名称", "如 东湖村、石桥社区")


class Area(Strict):
    """A town (镇) or street (街道) of the district; projects, zones and contacts refer to it by id."""

    id: Id = describe("标识", "英文或拼音标识，如 duanyuan")
    name: Text = describe("名称", "如 某某镇")
    kind: Literal["镇", "街道", "乡", "社区", "村", "开发区"] = describe("类别", "镇、街道、乡等")
    villages: list[Village] = describe("村（社区）", "本镇街下辖的村、社区；区片可以覆盖到村，项目写的村要在这里列出",
                                       default_factory=list)


class ContactChannel(Strict):
    """A way to reach the sponsor organisation."""

    label: Text = describe("名称", "如 咨询电话、办公地址")
    value: Text = describe("内容", "电话号码、地址或邮箱，原样显示")


class NotApplicable(Strict):
    """A row of the national catalogue that does not apply to this district, and why."""

    item: Id = describe("目录行", "公开事项（disclosure_items）的标识")
    reason: Text = describe("理由", "为什么本区不适用，如 本区没有集体土地征收")


class NationalReview(LegalReview):
    """The district's legal review of an item of the national layer, which is not a file of the district's."""

    type: Id = describe("内容类型", "全国通用内容的类型，如 procedures（征收程序）")
    id: Id = describe("标识", "全国通用内容的标识，如 house-state；gongkai review 会列出")


class SiteConfig(Strict):
    """Site-wide settings: name, sponsor, address and the footer items of a government site."""

    name: Text = describe("站点名称", "完整名称，如 某某区征收信息公开专栏")
    short_name: Text = describe("简称", "用于页面标题的简短名称（微信分享时显示），建议 10 字以内")
    description: Text = describe("站点简介", "一两句话说明本站内容")
    district: Text = describe("行政区", "如 某某市某某区")
    sponsor: Text = describe("主办单位", "如 某某市某某区人民政府")
    organiser: Text | None = describe("承办单位", "如 某某区征收中心", default=None)
    base_url: Url = describe("站点地址", "站点对外发布的完整地址（含子路径），以 / 结尾，如 https://www.example.gov.cn/zsgk/")
    site_id_code: Text | None = describe("网站标识码", "由上级部门核发，不得自拟；未取得时留空", default=None)
    icp_no: Text | None = describe("ICP备案号", "如 皖ICP备xxxxxxxx号；未取得时留空", default=None)
    psb_no: Text | None = describe("公安备案号", "如 皖公网安备 xxxxxxxxxxxxxx号；未取得时留空", default=None)
    error_report_url: Url | None = describe("我为政府网站找错", "找错入口地址", default=None)
    parent_portal_url: Url | None = describe("上级门户", "所属政府门户网站地址", default=None)
    contacts: list[ContactChannel] = describe(
        "联系方式", "页脚另外显示的联系方式（如咨询邮箱）；征收中心的地址、电话、办公时间自动取自 content/contacts/，不必重复",
        default_factory=list)
    areas: list[Area] = describe("镇街", "辖区内的镇、街道，供补偿片区、项目和联系点引用", min_length=1)
    national_layer: Flag = describe("全国通用内容", "为 true 时自动带上全国通用的法律法规、征收程序、节假日安排和术语表"
                                    "（gongkai init 默认打开）；本站同标识的内容会替换通用的那一条", default=False)
    not_applicable: list[NotApplicable] = describe(
        "不适用的目录行", "全国通用目录中本区不适用的行：写标识和理由；对照表显示为“不适用”并写明理由", default_factory=list)
    national_reviews: list[NationalReview] = describe(
        "全国通用内容的法律顾问审核", "全国通用的征收程序等没有本站的文件可写 legal_review：本区法律顾问审核后在这里登记"
        "（类型、标识、审核人、日期、文字指纹）；gongkai 升级改了这段文字时指纹不再相符，要重新审核", default_factory=list)
    sample_data: Flag = describe("含示例数据", "为 true 时全站显示“示例数据”提示；正式发布前必须改为 false", default=False)
    language: Literal["zh-CN"] = describe("语言", "固定为 zh-CN", default="zh-CN")
    updated: Date = describe("更新日期", "站点设置最后修改日期")
