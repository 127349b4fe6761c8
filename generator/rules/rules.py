"""Publishing rules that apply on top of the model: e.g. no sample data in a production build."""

from __future__ import annotations

import re

from pydantic import BaseModel

from ..diagnostics import Diagnostic, error
from ..model import CONTENT_TYPES
from .legal_review import legal_review_diagnostics
from .references import CONFIG_KEY, Site
from .unverified import unverified_diagnostics


def production_rules(site: Site) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    if site.config.sample_data:
        diags.append(error("site_config.yml", 0, 0, "P501", "正式发布（--production）时站点仍声明含示例数据（sample_data: true）",
                           "换成正式数据后，把 sample_data 改为 false。"))
    diags += _placeholders(site)
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            if getattr(item, "sample", False):
                pos = site.located[(ctype.key, item.id)].pos("sample")
                diags.append(error(pos.path, pos.line, pos.column, "P501",
                                   f"正式发布时不允许示例数据：{ctype.label}“{item.id}”仍标为 sample: true",
                                   "请换成有文号和日期的正式数据，并删除 sample: true。"))
            else:
                diags += _looks_like_sample(site, ctype.key, ctype.label, item)
    if not site.config.sample_data:  # init's placeholder address is P520's
        marks = [m for m in _sample_marks(site.config, ()) if not (m.startswith("base_url") and site.config.base_url == INIT_URL)]
        diags += [error("site_config.yml", 0, 0, "P501", f"站点设置看起来是示例：{what}", _SAMPLE_HINT) for what in marks[:1]]
    return diags + legal_review_diagnostics(site) + unverified_diagnostics(site)


# Sample data without its flag: `sample: true` removed, the text still says what it is. One rule for every
# content type, so a type added later is covered too: an id like `east-sample`, a title-like field
# saying 示例, any text marked （示例）, or a reserved example domain (RFC 2606) in a URL.
_SAMPLE_ID = re.compile(r"(?:^|-)(?:sample|samples|example|demo|dummy|test|fake)(?:-|$)")
_SAMPLE_TITLE = re.compile(r"示例|样例|演示|虚构|假数据|测试数据|sample|example|lorem ipsum", re.IGNORECASE)
_SAMPLE_MARK = re.compile(r"[（(【\[]\s*(?:示例|样例|演示|虚构|sample|example)\s*[）)】\]]|[是为作]示例|示例(?:数据|数字|内容)|"
                          r"演示(?:数据|用)|仅作演示|虚构的", re.IGNORECASE)
_SAMPLE_URL = re.compile(r"^https?://(?:[^/]*\.)?example\.(?:com|org|net|gov\.cn|cn)(?:[:/]|$)|\.(?:test|example|invalid)(?:[:/]|$)",
                         re.IGNORECASE)
_TITLE_FIELDS = frozenset({"title", "name", "short_name", "question", "term", "issuer", "doc_number", "sponsor",
                           "organiser", "authority"})
_SAMPLE_HINT = "如确是正式数据，请改掉“示例”等字样；示例数据不能正式发布（--production）。"


def _sample_marks(value: object, loc: tuple[object, ...]) -> list[str]:
    """Where (field path and text) `value`, a model or a value in it, looks like sample data."""
    if isinstance(value, BaseModel):
        found: list[str] = []
        for name in type(value).model_fields:
            found += _sample_marks(getattr(value, name), (*loc, name))
        return found
    if isinstance(value, (list, tuple)):
        return [m for i, v in enumerate(value) for m in _sample_marks(v, (*loc, i))]
    if not isinstance(value, str) or not loc:
        return []
    field = str(next((part for part in reversed(loc) if isinstance(part, str)), ""))
    if (field == "id" and _SAMPLE_ID.search(value)) or (field in _TITLE_FIELDS and _SAMPLE_TITLE.search(value)) \
            or _SAMPLE_MARK.search(value) or _SAMPLE_URL.search(value):
        return [f"{'.'.join(map(str, loc))}：“{value[:40]}”"]
    return []


def _looks_like_sample(site: Site, key: str, label: str, item: BaseModel) -> list[Diagnostic]:
    marks = _sample_marks(item, ())
    if not marks:
        return []
    field = marks[0].split("：", 1)[0].split(".")
    pos = site.located[(key, getattr(item, "id", ""))].pos(*(int(p) if p.isdigit() else p for p in field))
    return [error(pos.path, pos.line, pos.column, "P501",
                  f"正式发布时不允许示例数据：{label}“{getattr(item, 'id', '')}”没有标 sample: true，但 {marks[0]} 看起来是示例",
                  _SAMPLE_HINT)]


SAMPLE_ISSUER = "（示例）"


def sample_claims(site: Site) -> list[Diagnostic]:
    """A sample standard's figures are invented: it may not name a real issuer (R327). Its page never shows a
    施行日期 or 现行 (pages/standard_pages.py)."""
    diags = []
    for s in site.of("compensation_standards"):
        if s.sample and not s.issuer.startswith(SAMPLE_ISSUER):
            pos = site.located[("compensation_standards", s.id)].pos("issuer")
            diags.append(error(pos.path, pos.line, pos.column, "R327",
                               f"示例标准的制定机关写成了“{s.issuer}”：示例数字不能署真实机关的名义",
                               f"示例标准的制定机关以“{SAMPLE_ISSUER}”开头，如 （示例）非官方数字，未经任何机关发布。"))
    return diags


# What `gongkai init` writes where it cannot know the answer (commands/init.py); kept here as text so
# the core does not import the command.
INIT_URL = "https://www.example.gov.cn/zhengshou/"
INIT_TOWN = "待填写镇街"


def _placeholders(site: Site) -> list[Diagnostic]:
    diags = []
    config = site.located.get(CONFIG_KEY)

    def at(*loc: object) -> tuple[int, int]:
        pos = config.pos(*loc) if config is not None else None
        return (pos.line, pos.column) if pos else (0, 0)

    if site.config.base_url == INIT_URL:
        diags.append(error("site_config.yml", *at("base_url"), "P520", f"站点地址仍是 gongkai init 写入的示例地址 {INIT_URL}",
                           "把 site_config.yml 中的 base_url 改为站点的实际地址（以 / 结尾）。"))
    for i, area in enumerate(site.config.areas):
        if area.name == INIT_TOWN:
            diags.append(error("site_config.yml", *at("areas", i, "name"), "P520",
                               f"镇街“{INIT_TOWN}”是 gongkai init 写入的占位，尚未换成本区的镇街",
                               "在 site_config.yml 的 areas 中写上本区的镇、街道，删除这一项。"))
    return diags
