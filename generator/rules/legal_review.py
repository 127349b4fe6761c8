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
from ..load.layers import PREFIX
from ..model import CONTENT_TYPES
from ..model.fields import LegallyReviewed
from .references import CONFIG_KEY, Site

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
            if located.path.startswith(PREFIX):
                diags.append(_national_unreviewed(site, ctype.key, ctype.label, item))
                continue
            pos = located.pos("legal_review") if item.legal_review else located.pos("id")
            what = "审核后文字有改动" if item.legal_review else "没有法律顾问审核记录"
            diags.append(error(pos.path, pos.line, pos.column, "R326",
                               f"{ctype.label}“{item.id}”{what}，正式发布前须经法律顾问审核（当前文字指纹 {fingerprint(item)}）",
                               "法律顾问审核通过后，写 legal_review: {reviewer: 审核人, date: 审核日期, "
                               f"text_hash: {fingerprint(item)}}}。"))
    return diags


def _national_unreviewed(site: Site, key: str, label: str, item: Any) -> Diagnostic:
    """R326 for an item of the national layer: it has no file in the district's project, so the review is
    recorded in site_config.yml (`national_reviews`), and the diagnostic points there."""
    config = site.located[CONFIG_KEY]
    reviews = site.config.national_reviews
    index = next((i for i, r in enumerate(reviews) if (r.type, r.id) == (key, item.id)), None)
    pos = config.pos("national_reviews", index) if index is not None else config.pos(
        "national_reviews" if reviews else "national_layer")
    what = "gongkai 升级后文字有改动，原审核不再适用" if index is not None else "还没有本区法律顾问的审核记录"
    entry = (f"{{type: {key}, id: {item.id}, reviewer: 审核人, date: 审核日期, text_hash: {fingerprint(item)}}}")
    where = (f"把 site_config.yml 的 national_reviews 中这一条改为 {entry}" if index is not None else
             f"在本站的 site_config.yml 的 national_reviews 下加一条 - {entry}" if reviews else
             f"在本站的 site_config.yml 中加一行 national_reviews: [{entry}]")
    return error(config.path, pos.line, pos.column, "R326",
                 f"全国通用的{label}“{item.id}”（gongkai 自带，不是本站的文件）{what}，正式发布前须经本区法律顾问审核"
                 f"（当前文字指纹 {fingerprint(item)}）",
                 f"这是法律规定的程序，文字由 gongkai 随国家法律提供，但它以本站名义发布：请法律顾问审核网站上的这一页，"
                 f"通过后{where}。不要把它复制到 content/ 下。")


def unknown_national_reviews(site: Site) -> list[Diagnostic]:
    """R306: a review in national_reviews that names no item of the national layer (a typo, or the district
    replaced that item with its own, which carries its own legal_review)."""
    config = site.located[CONFIG_KEY]
    diags = []
    for i, review in enumerate(site.config.national_reviews):
        located = site.located.get((review.type, review.id))
        if located is not None and located.path.startswith(PREFIX):
            continue
        pos = config.pos("national_reviews", i)
        why = ("本站自己的内容替换了它，请把审核写在那个文件的 legal_review 中" if located is not None
               else "请检查类型和标识（gongkai review 列出全部需要审核的内容）")
        diags.append(error(config.path, pos.line, pos.column, "R306",
                           f"national_reviews 中的“{review.type}/{review.id}”不是全国通用内容", f"{why}，然后删除这一条。"))
    return diags
