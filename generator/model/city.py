"""A city folder (`city.yml`): several district site projects published under one address.

```yaml
name: 淮北市征收信息公开
short_name: 淮北征收公开
description: 全市各区的征收补偿标准、程序、项目公告和政策依据。
sponsor: 淮北市人民政府
base_url: https://www.example.gov.cn/zsgk/
districts:
  - id: duji            # the district's folder in the published site: <base_url>duji/
    path: duji          # its site project (site_config.yml + content/), relative to city.yml
updated: 2025-01-10
```
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from .fields import Date, Flag, Strict, Text, Url, describe, parse_id
from .site import ContactChannel

# Names the city site itself uses at its root: a district cannot be published under them.
RESERVED = frozenset({"assets", "search", "404.html", "sitemap.xml", "index.html"})


def _district_id(value: Any) -> str:
    text = parse_id(value)
    if text in RESERVED:
        raise PydanticCustomError("S208", "标识“{value}”已被全市站点自身使用，不能作为区县的网址目录", {"value": text})
    return text


class CityDistrict(Strict):
    """One district of the city: where its site project is, and where it is published."""

    id: Annotated[str, BeforeValidator(_district_id)] = describe("标识", "区县在网址中的目录名，如 duji")
    path: Text = describe("项目目录", "区县站点项目（含 site_config.yml 和 content/）的目录，相对于 city.yml")


class CityConfig(Strict):
    """City-wide settings: the city index page, the city-wide search and the districts built under it."""

    name: Text = describe("站点名称", "完整名称，如 某某市征收信息公开")
    short_name: Text = describe("简称", "用于页面标题的简短名称")
    description: Text = describe("站点简介", "一两句话说明本站内容")
    sponsor: Text = describe("主办单位", "如 某某市人民政府")
    organiser: Text | None = describe("承办单位", "如 某某市征收办公室", default=None)
    base_url: Url = describe("站点地址", "全市站点对外发布的完整地址，以 / 结尾；各区县发布在其下的 <id>/ 目录")
    contacts: list[ContactChannel] = describe("联系方式", "页脚显示的联系方式", default_factory=list)
    districts: list[CityDistrict] = describe("区县", "按显示顺序列出各区县站点", min_length=1)
    sample_data: Flag = describe("含示例数据", "任一区县含示例数据时应为 true", default=False)
    updated: Date = describe("更新日期", "本文件最后修改日期")

    @model_validator(mode="after")
    def _unique(self) -> CityConfig:
        ids = [d.id for d in self.districts]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise PydanticCustomError("R302", "区县标识重复：{ids}", {"ids": "、".join(dupes)})
        return self


# Values the renderer's settings need and the city has none of (the footer shows them only when set).
RENDERER_DEFAULTS: dict[str, Any] = {"site_id_code": None, "icp_no": None, "psb_no": None,
                                     "error_report_url": None, "parent_portal_url": None}
