"""The content model: one definition per content type, the single source of truth.

`CONTENT_TYPES` lists every type kept in `content/`: its folder, its model and its Chinese name.
Validation, JSON Schemas, the editors' content guide and test data all come from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .audit import AuditReport
from .calendar import WorkdayCalendar
from .disclosure import DisclosureItem
from .fields import Strict
from .funds import Funds
from .housing import AllocationRule, Estate, Resettlement
from .policy import Interpretation, PolicyDocument
from .procedure import Procedure
from .project import Project
from .reference import Contact, Question, Remedy, Term
from .search import BestBet
from .site import SiteConfig
from .standard import CompensationStandard


@dataclass(frozen=True)
class ContentType:
    key: str  # glossary identifier, also the folder name under content/
    model: type[Strict]
    label: str  # Chinese name
    section: str  # URL section


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("policy_documents", PolicyDocument, "政策文件", "policies"),
    ContentType("interpretations", Interpretation, "政策解读", "interpretations"),
    ContentType("compensation_standards", CompensationStandard, "补偿标准", "standards"),
    ContentType("procedures", Procedure, "征收程序", "procedures"),
    ContentType("faq", Question, "问答", "faq"),
    ContentType("glossary", Term, "术语", "glossary"),
    ContentType("remedies", Remedy, "维权途径", "remedies"),
    ContentType("contacts", Contact, "咨询与办理", "contacts"),
    ContentType("projects", Project, "征收项目", "projects"),
    ContentType("disclosure_items", DisclosureItem, "公开事项", "disclosure"),
    ContentType("calendars", WorkdayCalendar, "节假日安排", "calendars"),
    ContentType("funds", Funds, "补偿资金", "funds"),
    ContentType("audits", AuditReport, "审计结果", "audits"),
    ContentType("estates", Estate, "安置房", "estates"),
    ContentType("allocation_rules", AllocationRule, "安置房分配规则", "allocation"),
    ContentType("resettlement", Resettlement, "项目安置", "resettlement"),
    ContentType("best_bets", BestBet, "搜索推荐", "search"),
)

TYPES_BY_KEY = {t.key: t for t in CONTENT_TYPES}

__all__ = [
    "CONTENT_TYPES", "TYPES_BY_KEY", "ContentType", "SiteConfig", "PolicyDocument", "Interpretation",
    "CompensationStandard", "Procedure", "Question", "Term", "Remedy", "Contact",
    "Project", "DisclosureItem", "WorkdayCalendar", "BestBet", "Funds", "AuditReport", "Estate", "AllocationRule",
    "Resettlement",
]
