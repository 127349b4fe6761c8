"""The handbook's part on the national layer (docs/编辑手册.md §一): what `national_layer: true` brings,
read from generator/defaults/national/ so the list of ids stays true; what only the district can write;
how the district reviews the layer's procedures; the work folder."""

from __future__ import annotations

from typing import Any

import yaml

from ..load.layers import LAYER_DIR


def _items(kind: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted((LAYER_DIR / kind).glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        found += data if isinstance(data, list) else [data]
    return found


def _documents() -> list[str]:
    rows = ["| 标识（引用时 `document:` 写这个） | 文件 | 简称 |", "|---|---|---|"]
    rows += [f"| `{d['id']}` | {d['title']} | {d.get('short_title') or ''} |" for d in _items("policy_documents")]
    return rows


def _calendars() -> list[str]:
    years = sorted(int(c["year"]) for c in _items("calendars"))
    last = years[-1]
    return [
        f"只录入到 {last} 年（{'、'.join(f'cn-{y}' for y in years)}）。{last + 1} 年及以后的安排要本区自己录入，"
        f"否则这一年的工作日期限只扣除周末（公告期提示 D913，页面写“节假日安排尚未录入”）。国务院办公厅每年发布"
        f"《关于{last + 1}年部分节假日安排的通知》后，在 `content/calendars/` 下新建 `cn-{last + 1}.yml`，照通知逐项抄录"
        f"（gongkai 不会替您猜放假日期）：",
        "",
        "```",
        f"id: cn-{last + 1}",
        f"year: {last + 1}",
        f"source: 国务院办公厅关于{last + 1}年部分节假日安排的通知（国办发明电〔{last}〕X号）",
        "holidays:",
        "  - {name: 假期名称, start: 放假第一天, end: 放假最后一天}   # 通知中的每一个假期一行，日期写成 YYYY-MM-DD",
        "workdays: []  # 方括号里写通知中调休上班的每一个周末日期，用逗号隔开",
        f"updated: {last}-12-01",
        "```",
    ]


def national_section() -> list[str]:
    procedures = "；".join(f"`{p['id']}` {p['title']}" for p in _items("procedures"))
    rows = {p.stem: len(yaml.safe_load(p.read_text("utf-8"))) for p in sorted((LAYER_DIR / "disclosure_items").glob("*.yml"))}
    return [
        "### 全国通用内容里有什么（自动生成）", "",
        "`national_layer: true` 带来的内容是 gongkai 自带的，不在本站的文件里；本站在同一类型下写了同一标识的内容，就替换通用的那一条。",
        "", "**政策文件**（法律、行政法规、司法解释，全文随 gongkai 提供）：", "", *_documents(), "",
        f"**征收程序**：{procedures}。", "",
        f"**术语表**：{len(_items('glossary'))} 条。**公开事项标准目录**："
        + "，".join(f"`{k}` {v} 行" for k, v in rows.items()) + "。", "",
        "**节假日安排**：" + _calendars()[0], *_calendars()[1:], "",
        "### 只有本区能写的内容", "",
        "通用内容只有全国都一样的法律、程序和目录。下面这些必须本区自己写，否则网站上对应的栏目是空的，居民找不到去哪里、找谁：", "",
        "- **维权途径**（`content/remedies/`）：行政复议、行政诉讼、申请复核评估等，每条写期限和 `bodies`"
        "（本区的复议机关、管辖法院，照公告落款写作出决定的机关）。每页底部的“不服怎么办”就链接到这里；",
        "- **咨询与办理**（`content/contacts/`）：征收中心和各镇街办理点的地址、电话、办公时间（暂时不清楚的写进 `pending`）；",
        "- 本区的补偿标准、征收项目和公告、本地政策文件和解读、问答、补偿资金、安置房。", "",
        "### 全国通用程序的法律顾问审核", "",
        "正式发布（`--production`）要求征收程序经法律顾问审核（R326）。全国通用的两套程序不是本站的文件，"
        "不要复制到 `content/` 下修改：法律顾问审核网站上这两页后，把审核记录写在 `site_config.yml` 中"
        "（`gongkai check --production` 报 R326 时给出整行，`gongkai review` 列出文字指纹）：", "",
        "```",
        "national_reviews:",
        "  - {type: procedures, id: house-state, reviewer: 某某律师事务所 王律师, date: 2026-12-01, text_hash: 0123456789ab}",
        "```", "",
        "gongkai 升级改了这段文字时，指纹不再相符，R326 会再次提示审核。", "",
        "### 工作目录 `.gongkai-build/`", "",
        "`gongkai check` 和 `gongkai build` 在站点目录下建 `.gongkai-build/`：缓存（让下次检查更快）和上次发布的金额"
        "（改了已公布的金额却没登记旧版本时报 B620）。它每次自动生成，不要提交到版本库（`gongkai init` 写的 `.gitignore` "
        "已经排除了它）；删掉也没关系，只是下次慢一些、本机的 B620 比较从头开始。CI 从头检出时没有它，用 "
        "`--previous <上次发布的站点>` 比较金额（见 docs/ci/README.md）。", "",
    ]
