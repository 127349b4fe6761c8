"""Audit results (审计结果): the audit office's reports on compensation funds, one file each under
`content/audits/`, linked from the projects they cover.

《国有土地上房屋征收与补偿条例》第二十九条: 审计机关 supervises the management and use of the
compensation funds and publishes the audit results. The page shows what was found in plain words and
the full text or the official attachment.

```yaml
id: sample-duji-audit-2025
title: （示例）杜集区2025年度征收补偿资金管理使用情况审计结果公告
sample: true
issuer: （示例）淮北市杜集区审计局
doc_number: 示例审〔2026〕3号
date: 2026-03-20
period: 2025年1月至12月
projects: [sample-gaoyue-old-district]
findings: 补偿款都存入了专户，按批拨付；发现 1 笔临时安置费晚发了 12 天，已整改。
rectification: 已于2026年4月补发并建立按月核对制度。
full_text: |
  （示例）……审计结果全文……
official_url: https://www.example.gov.cn/audit/2026-3.html
updated: 2026-03-25
```
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .fields import Date, Flag, Id, RefTo, Reviewed, Text, Url, describe
from .household import MoneyMarkdown, MoneyText


class AuditReport(Reviewed):
    """One audit report (审计结果) on compensation funds, covering one or more projects."""

    id: Id = describe("标识", "英文标识，用于网址")
    title: MoneyText = describe("标题", "审计结果公告的标题，照录；示例须以“（示例）”开头")
    sample: Flag = describe("示例数据", "虚构的演示内容必须为 true；页面标注“示例”", default=False)
    issuer: Text = describe("审计机关", "如 某某市某某区审计局")
    doc_number: Text | None = describe("文号", "如 杜审〔2026〕3号；尚未取得时写入 pending", default=None)
    date: Date = describe("日期", "审计报告（结果公告）的日期")
    period: Text | None = describe("审计期间", "审计覆盖的资金期间，如 2025年1月至12月", default=None)
    projects: list[Annotated[Id, RefTo("projects")]] = describe("涉及项目", "审计覆盖的征收项目的标识", min_length=1)
    findings: MoneyText = describe("审计发现（大白话）", "用一两句大白话说明审计查了什么、发现了什么问题")
    rectification: MoneyText | None = describe("整改情况", "问题整改到了哪一步", default=None)
    full_text: MoneyMarkdown | None = describe("全文", "审计结果全文，可用简单 Markdown；不得含分户信息", default=None)
    attachment: Url | None = describe("原文附件", "审计结果原件（PDF 等）的地址", default=None)
    official_url: Url | None = describe("原文地址", "审计机关网站上的原文地址", default=None)
    pending: list[Literal["doc_number", "official_url"]] = describe(
        "待补充字段", "尚未取得的字段名，页面显示为“待补充”", default_factory=list)

    @model_validator(mode="after")
    def _has_text(self) -> AuditReport:
        if self.full_text is None and self.attachment is None:
            raise PydanticCustomError("D979", "审计结果须有全文（full_text）或原文附件（attachment），群众才能核对")
        return self
