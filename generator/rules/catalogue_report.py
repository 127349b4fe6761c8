"""`gongkai report`: the 公开事项对照表 as plain text or JSON (the same value the page shows)."""

from __future__ import annotations

import json
from typing import Any

from ..model.disclosure import DOMAIN_LABELS, MODE_LABELS
from ..pages.links import page_url
from .compliance import Report, RowStatus

STATES = ("已公开", "部分缺失", "未公开", "逾期", "线下公开", "未到", "依申请公开", "不适用")


def row_title(row: RowStatus) -> str:
    item = row.item
    return " / ".join(x for x in (item.level1, item.level2, item.level3) if x)


def summary(report: Report) -> dict[str, int]:
    counts = {state: sum(1 for r in report.rows if r.state == state) for state in STATES}
    counts["合计"] = len(report.rows)
    counts["必选项未达标"] = sum(1 for r in report.rows if r.failing)
    counts["缺解读"] = sum(1 for s in report.sync if not s.ok)
    return counts


def as_text(report: Report) -> str:
    lines = [f"公开事项对照表（截至 {report.as_of.isoformat()}）", ""]
    for row in report.rows:
        flag = "（必选）" if row.item.required_online else ""
        inferred = "（推定）" if row.item.inferred else ""
        lines.append(f"[{row.state}] {DOMAIN_LABELS[row.item.domain]}：{row_title(row)}{flag}{inferred}  ({row.item.id})")
        for e in row.evidence:
            url = page_url(e.path) + (f"#{e.anchor}" if e.anchor else "")
            lines.append(f"    公开位置：{e.title}  /{url}  更新 {e.updated.isoformat()}")
        for o in row.offline:
            lines.append(f"    线下公开：{o}")
        for w in row.waiting:
            lines.append(f"    未到：{w}")
        for g in row.gaps:
            lines.append(f"    缺失：{g}")
        for late in row.late:
            lines.append(f"    逾期：{late}")
    lines += ["", "三同步（本地规范性文件须同步发布政策解读）"]
    if not report.sync:
        lines.append("    （没有本地规范性文件：有效的规范性文件、制定机关含本区名称的才算）")
    for s in report.sync:
        mark = "有解读" if s.ok else "缺解读"
        lines.append(f"[{mark}] 《{s.document.title}》  ({s.document.id})")
    counts = summary(report)
    lines += ["", "合计：" + "，".join(f"{k} {v}" for k, v in counts.items())]
    return "\n".join(lines) + "\n"


def as_data(report: Report) -> dict[str, Any]:
    return {
        "as_of": report.as_of.isoformat(),
        "rows": [_row(r) for r in report.rows],
        "sync": [{"document": s.document.id, "title": s.document.title, "ok": s.ok,
                  "interpretations": [i.id for i in s.interpretations]} for s in report.sync],
        "summary": summary(report),
        "failures": report.failures,
    }


def _row(row: RowStatus) -> dict[str, Any]:
    item = row.item
    return {
        "id": item.id, "domain": item.domain, "level1": item.level1, "level2": item.level2,
        "level3": item.level3, "mode": [MODE_LABELS[m] for m in item.mode], "required": item.required_online,
        "inferred": item.inferred, "state": row.state, "failing": row.failing,
        "updated": row.updated.isoformat() if row.updated else None,
        "published": [{"title": e.title, "url": page_url(e.path) + (f"#{e.anchor}" if e.anchor else ""),
                       "updated": e.updated.isoformat()} for e in row.evidence],
        "offline": list(row.offline), "gaps": list(row.gaps), "late": list(row.late),
    }


def as_json(report: Report) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"
