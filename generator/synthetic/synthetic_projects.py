"""Synthetic projects (征收项目) with their announcements (公告), for `synthetic.py`.

A project follows its procedure: announcements of the kinds that fit its regime, in date order,
each displayed at least as long as the law asks (35 days cover every minimum, even when the last day is a holiday), decisions with the
remedies and land plans with registration and objection channels, so the synthetic site builds
without a warning. Titles start with （示例）: every project is invented.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .synthetic_text import Context, area_id, paragraph

Item = dict[str, Any]

LAND = (("pre-announcement", "征收土地预公告"), ("land-survey", "现状调查结果"), ("plan", "征地补偿安置公告"),
        ("hearing", "听证通知"), ("expropriation", "征收土地公告"), ("decision", "征地补偿安置决定"))
HOUSE = (("consultation", "征收补偿方案征求意见"), ("consultation-result", "征求意见情况及修改情况"),
         ("survey", "调查登记结果"), ("decision", "房屋征收决定"), ("appraiser", "评估机构选定结果"),
         ("appraisal", "分户初步评估结果"), ("compensation-decision", "补偿决定"))
DECISIONS = {"征收土地公告", "征地补偿安置决定", "房屋征收决定", "补偿决定"}
PURPOSES = ("修建连接道路", "扩建中心学校", "建设污水处理厂", "建设保障性住房", "实施老旧小区改造", "建设物流园区")
INTERESTS = ("基础设施", "公共事业", "基础设施", "保障性安居工程", "旧城区改建", "基础设施")
YEARS = tuple(range(2019, 2026))


def calendars() -> list[Item]:
    """Minimal holiday calendars for the years synthetic dates fall in (not the official arrangements)."""
    return [{"id": f"synthetic-{year}", "year": str(year), "source": f"合成测试数据：{year} 年（不是官方节假日安排）",
             "holidays": [{"name": "元旦", "start": f"{year}-01-01", "end": f"{year}-01-01"}],
             "updated": "2024-12-01"} for year in (*YEARS, YEARS[-1] + 1)]


def project(ctx: Context, i: int) -> Item:
    rng = ctx.rng
    index, town = ctx.town()
    villages = [ctx.names.village() for _ in range(rng.randint(1, 3))]
    land = rng.random() < 0.6
    kinds = LAND if land else HOUSE
    done = rng.randint(2, len(kinds))
    start = dt.date(rng.choice(YEARS[:-1]), rng.randint(1, 12), rng.randint(1, 28))
    purpose = rng.choice(range(len(PURPOSES)))
    announcements = _announcements(ctx, kinds[:done], start, villages[0], town)
    item: Item = {
        "id": f"project-{i + 1}", "title": f"（示例）{villages[0]}{PURPOSES[purpose]}项目",
        "sample": "true", "regime": "land_collective" if land else "house_state",
        "procedure": "land-collective" if land else "house-state", "area": area_id(index),
        "villages": villages, "scope": f"{villages[0]}东至村道，南至河堤，西至干渠，北至省道。",
        "purpose": f"{PURPOSES[purpose]}。", "public_interest": INTERESTS[purpose],
        "summary": paragraph(rng, villages[0], town, 1), "status": "completed" if done == len(kinds) else "in_progress",
        "announcements": announcements, "updated": announcements[-1]["display_start"],
    }
    if land and done > 4:
        approved = dt.date.fromisoformat(announcements[4]["date"]) - dt.timedelta(days=3)
        item["approval"] = {"authority": "示范省人民政府", "doc_number": f"示范地〔{approved.year}〕{i + 1}号",
                            "date": approved.isoformat(), "received": approved.isoformat()}
    return item


def _announcements(ctx: Context, kinds: tuple[tuple[str, str], ...], start: dt.date, village: str,
                   town: str) -> list[Item]:
    rng = ctx.rng
    out = []
    day = start
    for n, (ann_id, kind) in enumerate(kinds):
        end = day + dt.timedelta(days=rng.randint(35, 45))
        a: Item = {
            "id": ann_id, "kind": kind, "title": f"（示例）{village}{kind}", "doc_number": f"示范征〔{day.year}〕{n + 1}号",
            "issuer": f"{ctx.district.name}人民政府", "date": day.isoformat(), "display_start": day.isoformat(),
            "display_end": end.isoformat(), "summary": paragraph(rng, village, town, 1),
            "body": "\n\n".join(paragraph(rng, village, town, 3) for _ in range(rng.randint(2, 4))),
        }
        if kind == "征地补偿安置公告":
            a["registration"] = {"method": "持权属证明材料到村民委员会登记", "place": f"{village}村民委员会",
                                 "start": day.isoformat(), "end": end.isoformat()}
            a["objection"] = {"channel": f"{town}征收工作站（0561-0000000）", "deadline": end.isoformat()}
        if kind in DECISIONS:
            a["remedies"] = "不服的，可以在六十日内申请行政复议，或者在六个月内提起行政诉讼。"
        out.append(a)
        day = end + dt.timedelta(days=rng.randint(1, 20))
    return out
