"""The site's navigation: a handful of section index pages; leaves are listed on those pages."""

from __future__ import annotations

from .links import page_path

NAV: tuple[tuple[str, str], ...] = (
    ("首页", page_path("")),
    ("征收项目", page_path("projects")),
    ("补偿款和审计", page_path("funds")),
    ("安置房", page_path("estates")),
    ("补偿标准", page_path("standards")),
    ("征收程序", page_path("procedures")),
    ("维权途径", page_path("remedies")),
    ("问答", page_path("faq")),
    ("政策文件", page_path("policies")),
    ("政策解读", page_path("interpretations")),
    ("术语", page_path("glossary")),
    ("咨询办理", page_path("contacts")),
    ("公开事项对照表", page_path("disclosure")),
    ("开放数据", page_path("data")),
)
