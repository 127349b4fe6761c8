"""Synthetic site projects for tests and benchmarks: a valid project of about N pages.

`write_project(dest, pages=N)` writes `site_config.yml` and `content/` with one YAML file per item,
so editing one file changes one item, as in a real project. The content is deterministic (a seeded
generator), in plain Chinese, with realistic page sizes; every item has a unique village name so a
search for it has exactly one right answer. The data is marked as sample data throughout.

The bulk of a real site is projects, each page carrying its announcements; policy documents,
interpretations, questions and compensation standards fill the rest. Types the model does not define
are skipped.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model import TYPES_BY_KEY
from . import synthetic_projects as sp
from . import synthetic_text as st
from .synthetic_text import District, area_id

Item = dict[str, Any]
DOC_COUNT_FIXED = 2  # the two national documents every item may cite
FIXED_PAGES = 38  # home, section indexes, glossary, contacts, procedures, remedies, search, estimator ...
# Share of the bulk pages per content type (projects and announcements when the model has them).
MIX: tuple[tuple[str, float], ...] = (
    ("projects", 0.60), ("faq", 0.18), ("policy_documents", 0.08), ("interpretations", 0.08),
    ("compensation_standards", 0.06),
)


@dataclass
class Plan:
    """How many items of each type a project of `pages` pages gets."""

    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def for_pages(cls, pages: int, available: set[str]) -> Plan:
        bulk = max(pages - FIXED_PAGES, 8)
        mix = [(key, share) for key, share in MIX if key in available]
        total = sum(share for _, share in mix)
        counts = {key: max(1, round(bulk * share / total)) for key, share in mix}
        return cls(counts)


def write_project(dest: Path, pages: int, seed: int = 0, district: District | None = None) -> Plan:
    """Write a valid site project of about `pages` pages under dest; returns the item counts."""
    district = district or District()
    rng = random.Random(f"{seed}-{district.id}")
    plan = Plan.for_pages(pages, set(TYPES_BY_KEY))
    dest.mkdir(parents=True, exist_ok=True)
    _dump(dest / "site_config.yml", _site_config(district))
    for key, items in _content(rng, district, plan):
        folder = dest / "content" / key
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            _dump(folder / f"{item['id']}.yml", item)
    return plan


def _dump(path: Path, data: Any) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")


def _site_config(d: District) -> Item:
    return {
        "name": f"{d.name}征收信息公开专栏", "short_name": f"{d.name}征收公开",
        "description": f"{d.name}土地和房屋征收的补偿标准、程序、项目公告和政策依据（合成测试数据）。",
        "district": f"{d.city}{d.name}", "sponsor": f"{d.city}{d.name}人民政府",
        "organiser": f"{d.name}征收中心", "base_url": f"https://example.gov.cn/{d.id}/",
        "contacts": [{"label": "咨询电话", "value": "0561-0000000"}],
        "areas": [{"id": area_id(i), "name": t, "kind": _area_kind(t)} for i, t in enumerate(d.towns)],
        "sample_data": "true", "updated": "2025-01-10",
    }


def _area_kind(name: str) -> str:
    return next((k for k in ("街道", "开发区", "镇", "乡") if name.endswith(k)), "镇")


def _content(rng: random.Random, d: District, plan: Plan) -> Iterator[tuple[str, list[Item]]]:
    names = st.Names(rng)
    docs = st.fixed_documents() + [st.local_document(rng, names, d, i) for i in
                                   range(plan.counts.get("policy_documents", 0))]
    yield "policy_documents", docs
    ctx = st.Context(rng=rng, names=names, district=d, documents=docs)
    builders: dict[str, Callable[[st.Context, int], Item]] = {
        "interpretations": st.interpretation, "faq": st.question, "compensation_standards": st.standard,
        "projects": sp.project,
    }
    for key, build in builders.items():
        if key in plan.counts:
            yield key, [build(ctx, i) for i in range(plan.counts[key])]
    yield "procedures", [st.procedure(ctx, "house_state"), st.procedure(ctx, "land_collective")]
    if "calendars" in TYPES_BY_KEY:
        yield "calendars", sp.calendars()
    yield "remedies", [st.remedy(ctx, "reconsideration", "行政复议", 60), st.remedy(ctx, "litigation", "行政诉讼", 6)]
    yield "glossary", st.terms(ctx)
    yield "contacts", [st.contact(ctx, i) for i in range(len(d.towns))]


CITY_DISTRICTS = (
    District("duji", "杜集区", "淮北市", ("石台镇", "段园镇", "朔里镇", "矿山集街道", "高岳街道", "杜集经济开发区")),
    District("xiangshan", "相山区", "淮北市", ("渠沟镇", "南黎街道", "东山街道", "西街道", "曲阳街道", "任圩街道")),
    District("lieshan", "烈山区", "淮北市", ("宋疃镇", "古饶镇", "烈山镇", "杨庄街道", "任楼街道", "百善镇")),
)


def write_city(dest: Path, pages_per_district: int, districts: tuple[District, ...] = CITY_DISTRICTS,
               seed: int = 0) -> None:
    """A city folder (city.yml) with one synthetic district project per district."""
    for d in districts:
        write_project(dest / d.id, pages_per_district, seed=seed, district=d)
    _dump(dest / "city.yml", {
        "name": f"{districts[0].city}征收信息公开（合成测试数据）", "short_name": f"{districts[0].city}征收公开",
        "description": "全市各区的征收补偿标准、程序、项目公告和政策依据（合成测试数据）。",
        "sponsor": f"{districts[0].city}人民政府", "base_url": "https://example.gov.cn/",
        "districts": [{"id": d.id, "path": d.id} for d in districts], "sample_data": "true", "updated": "2025-01-10",
    })
