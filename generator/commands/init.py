"""`gongkai init DIR --district 淮北市相山区`: a new district's site project that checks and builds.

It writes `site_config.yml` for the district (its towns and streets from `--town`, each optionally
with its villages: `--town 相南街道=东湖社区,西湖社区`), switches on the national layer (laws,
procedures, calendars and glossary shared by every district: load/layers.py) and creates every content
folder, empty: the site's pages then say which sections have nothing yet. What init cannot know
(the site's address, the towns when none were given) is written as a placeholder that a normal build
accepts and `--production` refuses (P520). Nothing here reads the clock: the caller passes the date.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypinyin import lazy_pinyin

from ..model import CONTENT_TYPES
from ..rules.rules import INIT_TOWN as PLACEHOLDER_TOWN
from ..rules.rules import INIT_URL as PLACEHOLDER_URL

_KINDS = ("街道", "开发区", "社区", "镇", "乡", "村")


def short_name(district: str) -> str:
    """淮北市相山区 -> 相山区 (the last unit of the name)."""
    m = re.search(r"[^省市州盟]+(?:区|县|市|旗)$", district)
    return m.group(0) if m else district


def slug(name: str) -> str:
    """相南街道 -> xiangnan: pinyin of the name without its kind."""
    stem = name
    for kind in _KINDS:
        if stem.endswith(kind) and len(stem) > len(kind):
            stem = stem[: -len(kind)]
            break
    text = re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(stem)).lower()).strip("-")
    return text or "area"


def _kind(name: str) -> str:
    return next((k for k in _KINDS if name.endswith(k)), "镇")


def _areas(towns: list[str]) -> list[str]:
    if not towns:
        return ["  # 请把下面这一项换成本区的镇、街道（每个一项）；正式发布时不允许保留“待填写镇街”。",
                f"  - id: town\n    name: {PLACEHOLDER_TOWN}\n    kind: 镇"]
    lines: list[str] = []
    seen: set[str] = set()
    for town in towns:
        name, _, villages = town.partition("=")
        lines.append(f"  - id: {_unique(slug(name), seen)}\n    name: {name.strip()}\n    kind: {_kind(name.strip())}")
        names = [v.strip() for v in re.split(r"[,，、]", villages) if v.strip()]  # an IME types ， and 、
        if names:
            lines.append("    villages:")
            lines += [f"      - {{id: {_unique(slug(v), seen)}, name: {v}}}" for v in names]
    return lines


def _unique(ident: str, seen: set[str]) -> str:
    """Ids are unique across towns and villages (东山街道 and its 东山社区 are both `dongshan`)."""
    candidate, n = ident, 2
    while candidate in seen:
        candidate, n = f"{ident}-{n}", n + 1
    seen.add(candidate)
    return candidate


def site_config(district: str, towns: list[str], today: dt.date) -> str:
    short = short_name(district)
    lines = [
        f"# {short}征收信息公开专栏的站点设置（由 gongkai init 生成；字段说明见 docs/编辑手册.md）",
        f"name: {short}征收信息公开专栏",
        f"short_name: {short}征收公开",
        f"description: 公开{short}房屋和土地征收的政策、补偿标准、征收程序和项目公告。",
        f"district: {district}",
        f"sponsor: {district}人民政府",
        "# 正式发布前改为站点的实际地址（以 / 结尾）；保留示例地址时 --production 拒绝发布。",
        f"base_url: {PLACEHOLDER_URL}",
        "contacts: []",
        "areas:",
        *_areas(towns),
        "# 自动带上全国通用的法律法规、征收程序、节假日安排和术语表；本站同标识的内容会替换它们。",
        "national_layer: true",
        "sample_data: false",
        f"updated: {today.isoformat()}",
    ]
    return "\n".join(lines) + "\n"


GITIGNORE = """# gongkai 的工作目录：缓存和本机上次发布的金额（B620 用），每次构建自动生成，不要提交。
# CI 从头检出时没有它：用 gongkai check/build --previous <上次发布的站点> 比较金额（见 docs/ci/README.md）。
.gongkai-build/
# gongkai build 默认的输出目录（发布的网站），不要提交
site/
"""


def init_project(target: Path, district: str, towns: list[str], today: dt.date) -> list[Path]:
    """Create the project; raises FileExistsError if `target` already holds a site."""
    config = target / "site_config.yml"
    if config.exists():
        raise FileExistsError(config)
    target.mkdir(parents=True, exist_ok=True)
    config.write_text(site_config(district, towns, today), encoding="utf-8")
    ignore = target / ".gitignore"
    if not ignore.exists():
        ignore.write_text(GITIGNORE, encoding="utf-8")
    written = [config, ignore]
    for ctype in CONTENT_TYPES:
        folder = target / "content" / ctype.key
        folder.mkdir(parents=True, exist_ok=True)
        written.append(folder)
    return written
