"""The Chinese editors' handbook (docs/编辑手册.md): recipes written here, reference parts generated
from the model, the procedures of the national layer, the statutory minimums and the code catalogue,
so the handbook cannot drift from what `gongkai check` accepts. Every YAML example whose first line is
`# 文件：<path>` is a real file: tests/test_second_district.py writes them into a `gongkai init`
project and checks it, so the recipes stay true."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ..codes import CODES, MANDATORY, WARNINGS
from ..load.layers import LAYER_DIR
from ..model import CONTENT_TYPES, SiteConfig
from ..model.fields import LABELS
from ..model.project import DEFAULT_STEPS, Announcement, AnnouncementKind
from ..rules.project_rules import MINIMUMS, UNIT_TEXT
from .handbook_national import national_section

INTRO = """# 编辑手册

本手册写给区县征收中心负责网站内容的同事：不需要懂编程，照着做就能在一个下午建好本区的征收信息公开专栏，
并且不会在不知情时发布违法或泄露个人信息的内容。带“（自动生成）”的小节由程序根据内容模型生成，
与 `gongkai check` 的要求始终一致。本文件由 `scripts/update_docs.py` 生成，请勿手工修改（改
`generator/commands/handbook.py`）。

**两条命令管全部：** 写完内容运行 `gongkai check`（检查，列出全部问题和所在行），没有错误后运行
`gongkai build`（生成网站）。正式上线用 `gongkai build --production`：示例内容、占位内容和法律规定必须
做到而没有做到的事项，都会被拒绝。

内容都写在 YAML 文件里：每行 `字段名: 值`，冒号后面有一个空格；缩进只用空格；列表每项以 `- ` 开头。
可选值写英文代码或中文名称都可以（见最后一节“可选值一览”）。
"""

RECIPE_SITE = """## 一、新开一个区县站点

1. 在终端运行（镇街写在 `--town` 后面，下辖的村、社区写在等号后面，用逗号或顿号分开；每个镇街写一次 `--town`）：

   ```
   gongkai init xiangshan --district 淮北市相山区 --town 相南街道=东湖社区,西湖社区 --town 渠沟镇=钟楼村,大庄村
   cd xiangshan
   gongkai check
   ```

2. `init` 生成 `site_config.yml` 和空的内容目录 `content/`，并打开“全国通用内容”（`national_layer: true`）：
   国家法律法规、两套法定征收程序、节假日安排、术语表和公开事项标准目录不用自己录入，本区写了同一标识的内容
   就替换通用的那一条。目录中本区确实不适用的行，在 `site_config.yml` 中写明理由（不能删除）：

   ```
   not_applicable:
     - {item: house-funds, reason: 本区没有国有土地上房屋征收项目}
   ```

   `gongkai report --strict` 列出目录每一行在本站哪里公开、缺什么；新站点什么都没发布时它会失败，这是正常的。
   已有项目、但还没有哪个项目进行到的步骤（如项目还在征地补偿安置公告阶段时的征收土地公告、补偿资金）显示“未到”，不算缺失，不会让它失败。
3. 打开 `site_config.yml`，把 `base_url` 改为站点的实际地址；取得网站标识码、备案号后填上。
   保留 init 写入的示例地址或“待填写镇街”时，`--production` 会拒绝发布（P520）。
4. 各栏目暂时没有内容时，网站会写明“暂无”；先发布项目和公告，再逐步补齐政策文件、解读和问答。
5. 练习时写的虚构内容要标 `sample: true`，并在 `site_config.yml` 写 `sample_data: true`；
   正式发布前换成有文号和日期的正式内容。

### 站点设置的字段（自动生成）

"""

RECIPE_AREA = """## 二、新增一个镇街或村

在 `site_config.yml` 的 `areas` 下加一项；村、社区写在所属镇街的 `villages` 下。标识（id）全站唯一，
用拼音小写，如 `zhonglou`：

```yaml
areas:
  - id: xiangnan
    name: 相南街道
    kind: 街道
    villages:
      - {id: donghu, name: 东湖社区}
      - {id: xihu, name: 西湖社区}
  - id: qugou
    name: 渠沟镇
    kind: 镇
    villages:
      - {id: zhonglou, name: 钟楼村}
      - {id: dazhuang, name: 大庄村}
```

- 项目的 `area` 写镇街的标识，`villages` 写村的名称；村不在这个镇街的名单里会报 D922。
- 区片综合地价的 `covers` 可以写镇街，也可以写村的标识。
- 征收项目栏目按镇街列出项目，写了村的项目列在村的小标题下。
"""

RECIPE_ANNOUNCEMENT = """## 三、发布一条征收公告

每个项目一个文件 `content/projects/项目标识.yml`；项目的每份公告一个文件，放在
`content/projects/项目标识/announcements/` 下，两位同事同时发公告也不会改到同一个文件。

1. 新项目：照下面的样子写项目文件（练习用的虚构项目，名称以“（示例）”开头）：

```yaml
# 文件：content/projects/sample-qugou-road.yml
id: sample-qugou-road
title: （示例）渠沟镇产业园道路工程集体土地征收项目
sample: true
regime: 集体土地征收
area: qugou
villages: [钟楼村]
scope: 东至产业园一路，南至钟楼村村道，西至渠沟河，北至大庄村界。
purpose: 修建产业园连接道路。
public_interest: 基础设施
summary: 征地补偿安置公告已发布，请在登记期内办理补偿登记。
status: 进行中
updated: 2025-05-06
```

2. 新公告：运行 `gongkai new announcement --project sample-qugou-road pre-announcement`，
   生成的文件中每个 TODO 换成公告上的内容：

```yaml
# 文件：content/projects/sample-qugou-road/announcements/pre-announcement.yml
id: pre-announcement
kind: 征收土地预公告
step: pre-announcement
title: （示例）渠沟镇产业园道路工程征收土地预公告
doc_number: 相政征预〔2025〕1号
issuer: 淮北市相山区人民政府
date: 2025-03-03
display_start: 2025-03-03
display_end: 2025-03-17
summary: 区政府准备征收钟楼村部分集体土地修建道路，公告期内不要在范围内抢栽抢建。
```

```yaml
# 文件：content/projects/sample-qugou-road/announcements/plan-announcement.yml
id: plan-announcement
kind: 征地补偿安置公告
step: plan-announcement
title: （示例）渠沟镇产业园道路工程征地补偿安置公告
doc_number: 相政征补〔2025〕1号
issuer: 淮北市相山区人民政府
date: 2025-05-05
display_start: 2025-05-06
display_end: 2025-06-06
summary: 公布补偿安置方案，请在登记期内办理补偿登记，对方案有意见可以提出。
registration:
  method: 持不动产权属证明材料到村民委员会登记
  place: 钟楼村村民委员会
  start: 2025-05-06
  end: 2025-06-06
objection:
  channel: 相山区征收服务中心（书面意见可邮寄或当面递交）
  deadline: 2025-06-06
```

3. 写公告时注意：
   - `display_start`、`display_end` 是公告期的第一天和最后一天，检查会按法律算够天数（见下表），不够报 D910；
   - 公告里**不写任何一户的信息**：姓名和金额、身份证号、手机号、银行卡号都会报 D920，分户结果只在征收范围内向被征收人公布；
   - `step` 写下表“所属步骤”中的标识；
   - 发布新公告后，同时改项目的 `summary`（一句话看懂）和 `updated`，写明到了哪一步；还写着已经过去的步骤会报 D923。
   - 公告全文照录在 `full_text:` 里（可用段落、加粗、列表，写法同问答的回答）；不录全文时，页面只显示
     一句话看懂，并请居民到公告栏查看原件。
   - 扫描件、图片作附件：文件放进 `content/projects/项目标识/files/`，在公告里写
     `attachments:`，每项 `title`（附件名称）和 `file`（如 `content/projects/sample-qugou-road/files/2025-05-plan.pdf`）。
     只收 PDF、JPG、PNG，每个不超过 20 MB；网页上列出类型、大小和 SHA-256 校验值，居民下载后可以核对。
     找不到文件报 D960，文件不在本项目文件夹里报 D961，太大报 D962，类型不对报 D963。

### 公告类型、法定公告期和所属步骤（自动生成）

"""

RECIPE_STANDARD = """## 四、调整补偿标准

补偿标准一个文件一个，放在 `content/compensation_standards/`。金额只写数字（如 `"60000.00"`），
不写逗号和单位；每个标准都要写明依据的文件和条款。练习用的示例标准，制定机关也要以“（示例）”开头，
不能署真实机关的名义。

```yaml
# 文件：content/compensation_standards/sample-land-zone-price.yml
id: sample-land-zone-price
title: （示例）相山区征地区片综合地价
category: 区片综合地价
regime: 集体土地征收
issuer: （示例）非官方数字，未经任何机关发布
source:
  document: land-administration-law-2019
  article: 48
effective_from: 2024-01-01
status: 现行
sample: true
summary: 征收农用地时，土地补偿费和安置补助费按所在区片的价格计算。
what_it_means: 先看土地在哪个区片，再看这个区片的价格。
what_i_can_do: 对区片划分有疑问，可以到区征收服务中心查阅原文件。
by_when: 以征地补偿安置公告载明的期限为准。
zones:
  - id: zone-1
    name: 一类区片
    amount: "60000.00"
    unit: 元/亩
    covers: [xiangnan]
  - id: zone-2
    name: 二类区片
    amount: "52000.00"
    unit: 元/亩
    covers: [zhonglou, dazhuang]
updated: 2025-05-01
```

- **标准调整了**：新建一个文件（新的标识和施行日期），写 `supersedes: 旧标准的标识`；把旧标准的
  `status` 改为 `已被取代`。旧网址保留，页面会注明被哪个标准取代。
- **价格没变、只是重新公布**：在原标准里记下重新公布的日期和文号，施行日期不改：

  ```yaml
  republished:
    - {date: 2026-12-20, doc_number: 皖政〔2026〕9号}
  ```

  区片综合地价至少每三年调整或重新公布一次（土地管理法第四十八条），从最近一次公布算起超过三年报 F702，
  正式发布时是错误。
- **奖励只在某个项目的某段期限内有**（如签约期限内签约的给予奖励）：在奖励标准中逐个项目写明，
  页面会列出适用的项目和期限，期限止早于起、征收类型与项目不符时报 D924：

  ```
  project_periods:
    - {project: sample-qugou-road, what: 签约期限, start: 2025-07-01, end: 2025-07-31}
  ```
- 页面上的计算举例不要手写，写在 `examples` 里由系统按标准计算（见 docs/content-guide.md）。
"""

RECIPE_ERRORS = """## 五、处理检查报错

`gongkai check` 一次列出**全部**问题：一个文件里的一处错误（哪怕是 YAML 格式错误）不会挡住同一文件、
同一项目里其他问题的检查。每条的格式是：

```
content/projects/sample-qugou-road.yml:10:10: 错误 D920 含有个人信息（姓名和金额：张** 386500元），不得在网站公开
    提示：……
```

即“文件:行:列: 严重程度 代码 说明”，下一行是改法。做法：

1. 从上往下改，每改几处运行一次 `gongkai check`；
2. 看不懂的代码，查 docs/diagnostics.md（每个代码都有说明）；
3. 引号没有闭合时，报错指向引号开始的那一行，并说明一直到哪一行都没有配对的引号；
4. 错误必须改完才能生成网站；警告照常生成，但下表中的警告在正式发布（`--production`）时也是错误。

### 正式发布时必须改正的警告（自动生成）

"""

ENDING = """## 七、还想知道更多

- 每种内容的全部字段：docs/content-guide.md（自动生成）；
- 每个检查代码的含义：docs/diagnostics.md（自动生成）；
- 在文本编辑器里获得字段提示：打开 `schemas/` 下对应的 JSON Schema（`gongkai new` 生成的文件第一行已经写好）。
"""


def _field_rows(model: type[BaseModel]) -> list[str]:
    rows = ["| 字段 | 名称 | 必填 | 说明 |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        rows.append(f"| `{key}` | {info.title or ''} | {'是' if info.is_required() else ''} | {info.description or ''} |")
    return rows


def _step_titles() -> dict[str, dict[str, str]]:
    """regime -> step id -> title, from the national layer's procedures."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted((LAYER_DIR / "procedures").glob("*.yml")):
        data: Any = yaml.safe_load(path.read_text("utf-8"))
        found[data["regime"]] = {s["id"]: s["title"] for s in data["steps"]}
    return found


def _kinds() -> list[str]:
    steps = _step_titles()
    rows = ["| 公告类型（kind） | 适用 | 法定公告期 | 所属步骤（step） |", "|---|---|---|---|"]
    for kind in AnnouncementKind:
        rule = MINIMUMS.get(kind)
        period = f"不少于 {rule.value} {UNIT_TEXT[rule.unit]}（{rule.basis}）" if rule else ""
        regimes = [r for r in ("land_collective", "house_state") if kind in DEFAULT_STEPS[r]]
        where = "、".join(LABELS[r] for r in regimes) or "两类都可"
        step = "；".join(f"`{DEFAULT_STEPS[r][kind]}`（{steps.get(r, {}).get(DEFAULT_STEPS[r][kind], '')}）"
                        for r in regimes) or "按项目写 step"
        rows.append(f"| {kind.value} | {where} | {period} | {step} |")
    return rows


def _procedure_steps() -> list[str]:
    lines = ["### 两套法定程序的步骤（自动生成）", ""]
    for regime, steps in _step_titles().items():
        lines.append(f"**{LABELS.get(regime, regime)}**：" + "；".join(f"`{i}` {t}" for i, t in steps.items()))
        lines.append("")
    return lines


def _policy() -> list[str]:
    rows = ["| 代码 | 名称 | 依据 |", "|---|---|---|"]
    rows += [f"| {code} | {CODES[code][0]} | {basis} |" for code, basis in sorted(MANDATORY.items())]
    return rows


def _families() -> list[str]:
    names = {"Y": "文件格式", "S": "字段写法", "R": "引用和依据", "H": "不安全的文字", "P": "发布",
             "B": "生成网站", "F": "过期", "Q": "搜索", "D": "公开要求和项目"}
    lines = ["## 六、检查代码一览（自动生成）", "", "| 代码 | 名称 | 类别 | 严重程度 |", "|---|---|---|---|"]
    for code, (title, _) in sorted(CODES.items()):
        level = "警告（正式发布时为错误）" if code in MANDATORY else "警告" if code in WARNINGS else "错误"
        lines.append(f"| {code} | {title} | {names.get(code[0], '')} | {level} |")
    return lines


def _choices() -> list[str]:
    lines = ["## 八、可选值一览（自动生成）", "", "写英文代码或中文名称都可以。", "",
             "| 代码 | 中文名称 |", "|---|---|"]
    lines += [f"| `{code}` | {label} |" for code, label in sorted(LABELS.items())]
    lines += ["", "内容类型（content 下的文件夹）：" + "、".join(f"`{t.key}` {t.label}" for t in CONTENT_TYPES)]
    return lines


def handbook() -> str:
    parts = [INTRO, RECIPE_SITE, *_field_rows(SiteConfig), "", *national_section(), RECIPE_AREA, RECIPE_ANNOUNCEMENT, *_kinds(), "",
             *_procedure_steps(), "### 公告的字段（自动生成）", "", *_field_rows(Announcement), "",
             RECIPE_STANDARD, RECIPE_ERRORS, *_policy(), "", *_families(), "", ENDING, *_choices()]
    return "\n".join(parts) + "\n"


def examples(text: str) -> dict[str, str]:
    """The example files of the handbook: path -> YAML (blocks whose first line is `# 文件：<path>`)."""
    found = {}
    for block in text.split("```yaml\n")[1:]:
        body = block.split("```", 1)[0]
        first, _, rest = body.partition("\n")
        if first.startswith("# 文件："):
            found[first.removeprefix("# 文件：").strip()] = rest
    return found


def write(root: Path) -> Path:
    target = root / "docs" / "编辑手册.md"
    target.write_text(handbook(), encoding="utf-8")
    return target
