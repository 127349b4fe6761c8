"""The editors' content guide and the diagnostics catalogue, generated from the model and the codes.

`docs/content-guide.md` and `docs/diagnostics.md` are written by `scripts/update_docs.py`; a test
fails when the committed files differ from what this module produces.
"""

from __future__ import annotations

import inspect
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..codes import CODES, MANDATORY, severity_label
from ..model import CONTENT_TYPES, SiteConfig
from ..rules.basis import CATALOGUE, LOCAL, UNVERIFIED

_TYPE_NAMES = {str: "文字", int: "整数", bool: "true/false"}


def _describe_type(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        base = args[0]
        meta = " ".join(type(m).__name__ for m in annotation.__metadata__)
        if "parse_date" in repr(annotation.__metadata__):
            return "日期 YYYY-MM-DD"
        if "parse_money" in repr(annotation.__metadata__):
            return "金额（正数，最多两位小数）"
        if "parse_id" in repr(annotation.__metadata__):
            return "标识（小写字母、数字、连字符）"
        if "check_url" in repr(annotation.__metadata__):
            return "网址"
        if "parse_bool" in repr(annotation.__metadata__):
            return "true/false"
        del meta
        return _describe_type(base)
    if origin in (typing.Union, types.UnionType):
        return " 或 ".join(_describe_type(a) for a in args)
    if origin is list:
        return f"列表：{_describe_type(args[0])}"
    if origin is typing.Literal:
        return "可选：" + " / ".join(str(a) for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "可选：" + " / ".join(str(m.value) for m in annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"结构：{annotation.__name__}"
    return _TYPE_NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _nested(annotation: Any) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found.extend(_nested(arg))
    return found


def _field_rows(model: type[BaseModel]) -> list[str]:
    rows = ["| 字段 | 名称 | 必填 | 写法 | 说明 |", "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        required = "是" if info.is_required() else "否"
        rows.append(f"| `{key}` | {info.title or ''} | {required} | {_describe_type(_annotation(info))} | "
                    f"{(info.description or '').replace('|', '/')} |")
    return rows


def _annotation(info: FieldInfo) -> Any:
    if info.metadata:
        return typing.Annotated[(info.annotation, *info.metadata)]  # type: ignore[valid-type]
    return info.annotation


def _model_section(model: type[BaseModel], level: int, seen: set[type[BaseModel]]) -> list[str]:
    seen.add(model)
    lines = [f"{'#' * level} {model.__name__}", "", inspect.cleandoc(model.__doc__ or ""), "", *_field_rows(model), ""]
    for info in model.model_fields.values():
        for sub in _nested(info.annotation):
            if sub not in seen:
                lines += _model_section(sub, level + 1, seen)
    return lines


def content_guide(examples: Path | None = None) -> str:
    lines = [
        "# 内容编写指南（content guide）",
        "",
        "本文件由 `scripts/update_docs.py` 根据内容模型（generator/model/）自动生成，请勿手工修改。",
        "",
        "站点项目的结构：根目录下的 `site_config.yml`（站点设置），以及 `content/<类型>/` 下的 YAML 文件。",
        "一个文件可以写一条内容（键值结构），也可以写多条（以“- ”开头的列表）。",
        "",
        "各类型后面的“示例”取自一个虚构的小站点（示范区），其中引用的 `house-regulation` 等是它自己录入的政策文件。"
        "本站引用国家法律法规时，`document:` 写全国通用内容的标识（如 `house-expropriation-regulation-2011`），"
        "全部标识见 docs/编辑手册.md“全国通用内容里有什么”。",
        "",
        "通用规则：",
        "",
        "- 所有值都按原样读取为文字，再按字段要求转换：`0571` 不会变成 377，`12.10` 不会变成 12.1，`no` 不会变成 false。",
        "- 日期写成 `2024-03-01`；金额只写数字，最多两位小数，如 `1350.00`；不要写千位分隔符、单位或全角数字。",
        "- 不允许 Tab 缩进、重复的字段、锚点和别名（`&`、`*`）、标签（`!!`），也不允许 HTML 和脚本。",
        "- 引用政策文件的条款写成 `{document: 文件标识, article: 条号}`；被引用的条款必须在该文件的 `articles` 中逐字录入。",
        "- 不知道的信息不要编：政策文件和联系方式可以把字段名写进 `pending`（待补充），页面会显示“待补充”。",
        "- 示例数据必须写 `sample: true`，页面会显著标注“示例数据”；正式发布（`--production`）时不允许任何示例数据。",
        "- 国家法律、行政法规、司法解释的原文随生成器提供（按标题或文号对应）：引用或录入不存在的条号（R320）、"
        "录入的文字与原文不一致（R321）都是错误。",
        "",
        "## 注明依据",
        "",
        "白话说明（一句话看懂、对我意味着什么、我能做什么、什么时候、回答、解释等）中的每一个期限或金额"
        "（日、天、个工作日、个月、年、%、元），都必须能在所依据的条文中找到，条文写“不少于”“以内”的，白话也要照写（R323、R325）。"
        "一句话的依据写在句末标点前，群众在页面上能看到：",
        "",
        "- `（依据：《简称》第十条）`：法律法规或本地文件的某一条；《》中写政策文件的标题、简称（`short_title`）或文号，"
        "几条写成 `第十条、第十一条`，几个文件用“；”隔开（R324：写法有误）；",
        f"- `（{LOCAL}）`：本中心自己的做法，不是法律规定；",
        f"- `（{CATALOGUE}）`：国家基层政务公开标准目录的要求，不是法律条文（全国通用内容用它，不写本中心做法）；",
        f"- `（{UNVERIFIED}）`：还没有核实。",
        "",
        "不写依据时，数字要出现在这一条内容（或这一步）的 `basis` 所引条文中；政策文件的说明看它自己的条文，"
        "解读看所解读的文件，补偿标准看它自己的金额。结构化的期限（`time_limit`、`deadline`）不是条文规定的，"
        f"写 `basis_kind: {LOCAL}` 或 `basis_kind: {UNVERIFIED}`，页面会照样显示。",
        "",
        "正式发布（`--production`）时：找不到依据又没有标明的数字是错误（R323、R325）；"
        f"标为（{UNVERIFIED}）或写 `basis_kind: {UNVERIFIED}` 的也是错误（P509，指出文件和行）——居民会按网站上的期限办事，"
        f"没核实的期限不能当作正式内容发布：核实后写明依据，或确是本中心做法的改标（{LOCAL}）。编辑备注（`note` 等不上网页的字段）不受限制。",
        "",
        "## 法律顾问审核",
        "",
        "政策解读、问答和征收程序在正式发布前要经法律顾问审核（合法性审查）。审核通过后写：",
        "",
        "```yaml",
        "legal_review:",
        "  reviewer: 某某律师事务所 王律师",
        "  date: 2026-12-01",
        "  text_hash: 0123456789ab   # `gongkai review` 列出的文字指纹（R326 也会给出）",
        "```",
        "",
        "文字指纹随文字而变：审核后再改文字，页面回到“法律顾问审核：待审核”，正式发布时报 R326，需要重新审核。"
        "整站声明为示例数据（`sample_data: true`）时不检查。",
        "",
        "全国通用的征收程序（`national_layer: true` 带来的 house-state、land-collective）不是本站的文件，"
        "不要复制到 content/ 下改写。本区法律顾问审核网站上这两页后，把审核记录写在本站的 `site_config.yml` 中"
        "（`gongkai check --production` 报 R326 时会给出整行）：",
        "",
        "```yaml",
        "national_reviews:",
        "  - {type: procedures, id: house-state, reviewer: 某某律师事务所 王律师, date: 2026-12-01, text_hash: 0123456789ab}",
        "```",
        "",
        "gongkai 升级后如果改了这段文字，指纹不再相符，R326 会再次提示审核。",
        "",
        "## 站点设置 site_config.yml",
        "",
    ]
    lines += _model_section(SiteConfig, 3, set())
    lines += ["## 内容类型", ""]
    for ctype in CONTENT_TYPES:
        lines += [f"### {ctype.label}（`content/{ctype.key}/`）", "", _address(ctype.key, ctype.section), ""]
        lines += _model_section(ctype.model, 4, set())
        if examples is not None:
            sample = _example(examples, ctype.key)
            if sample:
                lines += ["示例：", "", "```yaml", sample.rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


ONE_PAGE = {"glossary", "contacts", "disclosure_items", "resettlement"}  # one page, each item at its anchor


def _address(key: str, section: str) -> str:
    """Where this type's items are published (pages/: which types have a page of their own)."""
    if key == "best_bets":
        return "网址：没有自己的页面（搜索这些词时，把指定的页面排在最前面）。"
    if key == "calendars":
        return f"网址：全部年份在一个页面上，`{section}/#year-<年份>`。"
    if key in ONE_PAGE:
        return f"网址：全部在一个页面上，每条在 `{section}/#<标识>`（没有单独的页面）。"
    return f"网址：`{section}/<标识>/`"


def _example(examples: Path, key: str) -> str:
    folder = examples / "content" / key
    files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    return files[0].read_text(encoding="utf-8") if files else ""


def diagnostics_catalogue() -> str:
    lines = ["# 诊断代码目录（diagnostics）", "",
             "本文件由 `scripts/update_docs.py` 根据 generator/codes.py 自动生成，请勿手工修改。",
             "每个代码在 tests/fixtures/diagnostics/ 下都有一个能触发它的示例。", "",
             "## 严重程度", "",
             "错误会使检查失败、构建不发布；警告照常显示，普通构建继续。"
             "法律规定必须做到的规则，普通构建中是警告（便于边改边看），"
             "正式发布（`--production`）时一律是错误，不能发布：", "",
             "| 代码 | 名称 | 依据 |", "|---|---|---|"]
    for code, basis in sorted(MANDATORY.items()):
        lines.append(f"| {code} | {CODES[code][0]} | {basis} |")
    lines += ["", "`gongkai build --strict` 把所有警告都当作错误。", "", "## 代码一览", "",
              "| 代码 | 名称 | 严重程度 | 说明 |", "|---|---|---|---|"]
    for code, (title, explanation) in sorted(CODES.items()):
        lines.append(f"| {code} | {title} | {severity_label(code)} | {explanation} |")
    return "\n".join(lines) + "\n"
