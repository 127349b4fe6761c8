"""Publishing rules that apply on top of the model: e.g. no sample data in a production build."""

from __future__ import annotations

from ..diagnostics import Diagnostic, error
from ..model import CONTENT_TYPES
from .legal_review import legal_review_diagnostics
from .references import Site


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
    return diags + legal_review_diagnostics(site)


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
    if site.config.base_url == INIT_URL:
        diags.append(error("site_config.yml", 0, 0, "P520", f"站点地址仍是 gongkai init 写入的示例地址 {INIT_URL}",
                           "把 site_config.yml 中的 base_url 改为站点的实际地址（以 / 结尾）。"))
    for area in site.config.areas:
        if area.name == INIT_TOWN:
            diags.append(error("site_config.yml", 0, 0, "P520", f"镇街“{INIT_TOWN}”是 gongkai init 写入的占位，尚未换成本区的镇街",
                               "在 site_config.yml 的 areas 中写上本区的镇、街道，删除这一项。"))
    return diags
