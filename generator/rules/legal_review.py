"""Legal review (法律顾问审核, 合法性审查) of the explanations residents rely on.

Each interpretation, FAQ answer and procedure records who reviewed it and when (`legal_review`),
with the fingerprint of the text reviewed: the SHA-256 of the item's content (everything but its
dates, former ids, the review itself and fields left at their default, so a field added to the model
keeps existing reviews), first 12 hex digits. Any edit changes the fingerprint,
so the review no longer applies and the page says 待审核 again. `--production` refuses
unreviewed or changed text (R326) unless the whole site is declared sample data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, error
from ..model import CONTENT_TYPES
from ..model.fields import LegallyReviewed
from .references import Site

NOT_TEXT = {"updated", "review_by", "former_ids", "legal_review"}


def fingerprint(item: Any) -> str:
    data = item.model_dump(mode="json", by_alias=True, exclude=NOT_TEXT, exclude_defaults=True)  # new fields keep reviews
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class ReviewState:
    reviewed: bool
    label: str  # what the page shows after 法律顾问审核：
    date: str  # ISO date of the review that applies, "" when none


def review_state(item: LegallyReviewed) -> ReviewState:
    review = item.legal_review
    if review is None:
        return ReviewState(False, "待审核", "")
    if review.text_hash != fingerprint(item):
        return ReviewState(False, f"待审核（{review.date.isoformat()} 审核后文字有改动）", "")
    return ReviewState(True, f"{review.date.isoformat()}，{review.reviewer}", review.date.isoformat())


def reviewable(site: Site) -> list[tuple[str, str, str, str, str]]:
    """(file, type label, id, fingerprint, state) of every item that needs a legal review (`gongkai review`)."""
    rows = []
    for ctype in CONTENT_TYPES:
        if issubclass(ctype.model, LegallyReviewed):
            for item in site.of(ctype.key):
                rows.append((site.located[(ctype.key, item.id)].path, ctype.label, item.id, fingerprint(item),
                             review_state(item).label))
    return rows


def legal_review_diagnostics(site: Site) -> list[Diagnostic]:
    """Production only: every reviewable item carries a review that matches its text (sample sites excepted)."""
    if site.config.sample_data:
        return []
    diags = []
    for ctype in CONTENT_TYPES:
        if not issubclass(ctype.model, LegallyReviewed):
            continue
        for item in site.of(ctype.key):
            if review_state(item).reviewed:
                continue
            located = site.located[(ctype.key, item.id)]
            pos = located.pos("legal_review") if item.legal_review else located.pos("id")
            what = "审核后文字有改动" if item.legal_review else "没有法律顾问审核记录"
            diags.append(error(pos.path, pos.line, pos.column, "R326",
                               f"{ctype.label}“{item.id}”{what}，正式发布前须经法律顾问审核（当前文字指纹 {fingerprint(item)}）",
                               "法律顾问审核通过后，写 legal_review: {reviewer: 审核人, date: 审核日期, "
                               f"text_hash: {fingerprint(item)}}}。"))
    return diags
