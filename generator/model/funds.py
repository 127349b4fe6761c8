"""Compensation funds of a project (补偿资金): aggregates only, one file per project under
`content/funds/`.

The law requires the money before the decision: 《国有土地上房屋征收与补偿条例》第十二条
(足额到位、专户存储、专款专用 before the 房屋征收决定), 《土地管理法实施条例》第三十二条 (land
compensation, resettlement subsidies, houses, crops and social security funds 足额到位 before approval);
the center's own rule is a joint review (联合审核) of every disbursement. Nothing here names a household:
the 分户补偿情况 is posted inside the expropriation area only.

```yaml
id: sample-gaoyue-old-district          # usually the project's id
project: sample-gaoyue-old-district
sample: true                            # sample figures: the page says 示例
required: 52800000.00                   # 方案所需补偿资金（元）
required_basis: 征收补偿方案测算
required_by_category:                   # optional; must add up to `required`
  - {category: 住宅, amount: 46000000.00}
account: {bank: 示例银行杜集支行, account: 3406****8821, name: 征收补偿资金专户}
deposits:                               # 存入专户，按日期
  - {date: 2025-08-08, amount: 52800000.00}
batches:                                # 拨付批次
  - id: 2025-q4
    date: 2025-11-28
    period: 2025年第四季度
    total: 30500000.00
    amounts: [{category: 住宅, amount: 28000000.00}, {category: 奖励, amount: 2500000.00}]
    households: 70
    review: {departments: [区财政局, 区审计局, 区自然资源局], meeting_date: 2025-11-20}
households: {total: 132, signed: 126, paid: 120, as_of: 2026-05-08}
source: 区财政局征收补偿资金专户对账单（2026年5月8日）
updated: 2026-05-10
```
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from .fields import Date, Flag, Id, Money, RefTo, Reviewed, Strict, Text, Url, _must_be_str, describe
from .household import MoneyText

Category = Literal["土地补偿费", "安置补助费", "住宅", "青苗和附着物", "社会保障费用", "奖励", "临时安置费"]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
_MASKED_RE = re.compile(r"^[0-9]{0,6}[*＊]{3,}[0-9]{0,4}$")


def masked_account(value: Any) -> str:
    """A 专户 account number with its middle hidden (3406****8821): never the whole number."""
    text = _must_be_str(value, "账号").strip().replace(" ", "")
    if not _MASKED_RE.match(text):
        raise PydanticCustomError(
            "D978", "专户账号“{value}”没有遮盖：只写开头至多 6 位和末尾至多 4 位，中间用 **** 代替",
            {"value": text[:4] + "…" if len(text) > 4 else text})
    return text


MaskedAccount = Annotated[str, BeforeValidator(masked_account)]


class CategoryAmount(Strict):
    """An amount of one compensation category (费用类别)."""

    category: Category = describe("费用类别", "土地补偿费 / 安置补助费 / 住宅 / 青苗和附着物 / 社会保障费用 / 奖励 / 临时安置费")
    amount: Money = describe("金额（元）", "精确到分，如 28000000.00")


class Account(Strict):
    """The dedicated account (专户): bank and masked number are enough."""

    bank: Text = describe("开户银行", "如 某银行某某支行")
    account: MaskedAccount = describe("账号（遮盖）", "只写开头和末尾几位，中间用 **** 代替，如 3406****8821")
    name: Text | None = describe("户名", "如 某某区征收补偿资金专户", default=None)


class Deposit(Strict):
    """Money paid into the dedicated account."""

    date: Date = describe("存入日期", "资金到账日期")
    amount: Money = describe("存入金额（元）", "本次存入专户的金额")
    note: MoneyText | None = describe("说明", "如 区财政拨入；不得含分户信息", default=None)


class Review(Strict):
    """The joint review of a disbursement batch (资金拨付联合审核)."""

    departments: list[Text] = describe("参加审核的部门", "如 区财政局、区审计局、区农业农村水利局、区自然资源局", min_length=1)
    meeting_date: Date = describe("审核会议日期", "联合审计小组会议的日期")
    meeting: Text | None = describe("会议名称", "如 2025年第4次征收补偿资金联合审计小组会议", default=None)


class Batch(Strict):
    """One disbursement batch (拨付批次), by category."""

    id: Id = describe("标识", "本项目内唯一，如 2025-q4")
    date: Date = describe("拨付日期", "资金从专户拨出的日期")
    period: Text = describe("期间", "如 2025年第四季度")
    total: Money = describe("本批合计（元）", "照录拨付单的合计数；须等于各类别之和")
    amounts: list[CategoryAmount] = describe("分类金额", "本批按费用类别的金额", min_length=1)
    households: int | None = describe("领取户数", "本批领取补偿的户数", default=None, ge=0, le=1_000_000)
    review: Review = describe("联合审核", "哪些部门、哪天开会审核了这一批")


class Households(Strict):
    """Households signed and paid (户数), aggregates only."""

    total: int = describe("涉及户数", "征收范围内被征收（被征地）户数", ge=1, le=1_000_000)
    signed: int = describe("已签约户数", "已签订补偿协议的户数", ge=0, le=1_000_000)
    paid: int = describe("已领取补偿户数", "已领取补偿款的户数", ge=0, le=1_000_000)
    as_of: Date = describe("统计日期", "户数截至哪一天")


class Funds(Reviewed):
    """A project's compensation funds (补偿资金): required, deposited, disbursed, reviewed."""

    id: Id = describe("标识", "英文标识，用于网址，通常与项目标识相同")
    project: Annotated[Id, RefTo("projects")] = describe("征收项目", "项目的标识")
    sample: Flag = describe("示例数据", "金额是演示用的示例时必须为 true；页面标注“示例”", default=False)
    required: Money = describe("方案所需补偿资金（元）", "经批准的征收补偿方案（或征地补偿安置方案）测算的补偿资金总额")
    required_basis: MoneyText = describe("所需资金依据", "如 征收补偿方案测算、征地补偿安置方案")
    required_by_category: list[CategoryAmount] = describe(
        "所需资金分类", "可选；写了就必须加起来等于所需资金总额", default_factory=list)
    account: Account = describe("专户", "专户存储：开户银行和遮盖后的账号")
    deposits: list[Deposit] = describe("存入专户", "每次存入的日期和金额；累计达到所需资金之日即“足额到位”", default_factory=list)
    batches: list[Batch] = describe("拨付批次", "每一批拨付的日期、期间、分类金额和联合审核", default_factory=list)
    households: Households | None = describe("户数", "涉及、已签约、已领取补偿的户数（只写总数）", default=None)
    source: MoneyText = describe("数据来源", "如 区财政局征收补偿资金专户对账单（2026年5月8日）")
    source_url: Url | None = describe("来源网址", "来源文件在政府网站上的地址", default=None)
    note: MoneyText | None = describe("说明", "需要向群众说明的情况；不得含分户信息", default=None)

    @property
    def title(self) -> str:
        """What the 公开事项对照表 calls this item."""
        return f"补偿资金（项目 {self.project}）"

    @property
    def deposited(self) -> Decimal:
        return sum((d.amount for d in self.deposits), Decimal(0))

    @property
    def disbursed(self) -> Decimal:
        return sum((b.total for b in self.batches), Decimal(0))

    def funded(self) -> tuple[int, dt.date] | None:
        """(index of the deposit, its date) when the deposits first reached `required` (足额到位), else None."""
        total = Decimal(0)
        for i, d in sorted(enumerate(self.deposits), key=lambda x: (x[1].date, x[0])):
            total += d.amount
            if total >= self.required:
                return i, d.date
        return None
