"""Checks on compensation funds and resettlement housing, each reported at the line where it is written.

- D970: the 房屋征收决定 (条例第十二条) or the 征收土地公告 (实施条例第三十二条: funds 足额到位 before
  approval) is dated before the deposits reached the amount the plan requires;
- D971: a batch takes the money disbursed past what has been deposited by its date;
- D972: the plan's categories do not add up to `required`, or a category is disbursed beyond the plan;
- D973: a total differs from the sum of its parts (a batch's `total`, an estate's `total_units`, a size
  band's ready + under construction), always with exact decimals;
- D974: households paid > signed > total, or a batch's households more than the project's;
- D975: an allocation round offers more homes than the estate holds (built and not yet allocated);
- D976: under 先安置后拆迁, demolition recorded before the homes were delivered;
- R307 (warning): an estate marked delivered whose delivery date is later than the estate's own `updated`
  (the page would say "2027年6月30日已交房" of a date still to come).

(D977 house number with an amount, D978 unmasked account and D979 audit without text are raised by
the field types and models themselves.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..diagnostics import Diagnostic, error, warning
from ..model.funds import Funds
from ..model.housing import Estate, Resettlement
from ..model.project import AnnouncementKind, Project
from .references import Site

FUNDED_BEFORE = {AnnouncementKind.house_decision: "《国有土地上房屋征收与补偿条例》第十二条",
                 AnnouncementKind.land_expropriation: "《土地管理法实施条例》第三十二条"}


def money_diagnostics(site: Site) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    projects = site.by_id.get("projects", {})
    for funds in site.of("funds"):
        project = projects.get(funds.project)
        diags += _funded_first(site, funds, project) + _disbursed(site, funds) + _categories(site, funds)
        diags += _households(site, funds)
    for estate in site.of("estates"):
        diags += _estate(site, estate) + _delivered_ahead(site, estate)
    estates = site.by_id.get("estates", {})
    for r in site.of("resettlement"):
        diags += _resettle_first(site, r, estates)
    return diags


def _at(site: Site, key: str, item_id: str, *loc: object) -> tuple[str, int, int]:
    p = site.located[(key, item_id)].pos(*loc)
    return p.path, p.line, p.column


def decision_of(project: Project | None) -> tuple[str, dt.date, str] | None:
    """The earliest act that needs the money first: (what, its date, legal basis). For land, the
    approval (不得批准征收土地 without the funds) or, failing that, the 征收土地公告; for houses, the decision."""
    if project is None:
        return None
    found = [(a.date, a.kind.value, FUNDED_BEFORE[a.kind]) for a in project.announcements if a.kind in FUNDED_BEFORE]
    if project.approval is not None and project.regime == "land_collective":
        found.append((project.approval.date, "征地批准", FUNDED_BEFORE[AnnouncementKind.land_expropriation]))
    if not found:
        return None
    date, what, basis = min(found)
    return what, date, basis


def _funded_first(site: Site, funds: Funds, project: Project | None) -> list[Diagnostic]:
    decision = decision_of(project)
    if decision is None:
        return []
    what, date, basis = decision
    funded = funds.funded()
    if funded is not None and funded[1] <= date:
        return []
    if funded is None:
        where = _at(site, "funds", funds.id, "deposits") if funds.deposits else _at(site, "funds", funds.id, "required")
        return [error(*where, "D970", f"{what}已于 {date} 作出，但存入专户的资金累计 {funds.deposited} 元，"
                                      f"不足方案所需的 {funds.required} 元（{basis}）",
                      "补偿资金应在作出决定（批准征地）前足额到位、专户存储；请核对存入记录和所需资金。")]
    i, day = funded
    return [error(*_at(site, "funds", funds.id, "deposits", i, "date"), "D970",
                  f"{what}（{date}）早于补偿资金足额到位的 {day}（{basis}）",
                  "补偿资金应在作出决定（批准征地）前足额到位、专户存储；请核对存入日期和决定、批准日期。")]


def _disbursed(site: Site, funds: Funds) -> list[Diagnostic]:
    diags = []
    order = sorted(enumerate(funds.batches), key=lambda x: (x[1].date, x[0]))
    paid = Decimal(0)
    for i, batch in order:
        paid += batch.total
        there = sum((d.amount for d in funds.deposits if d.date <= batch.date), Decimal(0))
        if paid > there:
            diags.append(error(*_at(site, "funds", funds.id, "batches", i, "total"), "D971",
                               f"截至 {batch.date} 累计拨付 {paid} 元，超过同期存入专户的 {there} 元",
                               "拨出的钱不能多于存入专户的钱；请核对本批金额和存入记录。"))
            break
    return diags


def _categories(site: Site, funds: Funds) -> list[Diagnostic]:
    diags = []
    plan = {c.category: c.amount for c in funds.required_by_category}
    if funds.required_by_category:
        parts = sum(plan.values(), Decimal(0))
        if parts != funds.required:
            diags.append(error(*_at(site, "funds", funds.id, "required_by_category"), "D972",
                               f"所需资金各类别之和 {parts} 元，与所需资金总额 {funds.required} 元不符（相差 {abs(parts - funds.required)} 元）",
                               "请照方案核对每一类的金额和总额。"))
    spent: dict[str, Decimal] = {}
    for i, batch in enumerate(funds.batches):
        parts = sum((a.amount for a in batch.amounts), Decimal(0))
        if parts != batch.total:
            diags.append(error(*_at(site, "funds", funds.id, "batches", i, "total"), "D973",
                               f"拨付批次“{batch.id}”的合计 {batch.total} 元，与各类别之和 {parts} 元不符"
                               f"（相差 {abs(parts - batch.total)} 元）", "请照拨付单核对合计和每一类的金额。"))
        for j, a in enumerate(batch.amounts):
            spent[a.category] = spent.get(a.category, Decimal(0)) + a.amount
            if plan and spent[a.category] > plan.get(a.category, Decimal(0)):
                diags.append(error(*_at(site, "funds", funds.id, "batches", i, "amounts", j, "category"), "D972",
                                   f"“{a.category}”累计拨付 {spent[a.category]} 元，超过方案所列的 "
                                   f"{plan.get(a.category, Decimal(0))} 元", "请核对类别是否写错，或方案的分类金额。"))
                plan = {}  # one report per file is enough to find the mistake
    return diags


def _households(site: Site, funds: Funds) -> list[Diagnostic]:
    h = funds.households
    if h is None:
        return []
    if h.signed > h.total or h.paid > h.signed:
        field = "signed" if h.signed > h.total else "paid"
        return [error(*_at(site, "funds", funds.id, "households", field), "D974",
                      f"户数前后矛盾：涉及 {h.total} 户，已签约 {h.signed} 户，已领取补偿 {h.paid} 户",
                      "已签约户数不能多于涉及户数，已领取补偿的户数不能多于已签约户数。")]
    for i, batch in enumerate(funds.batches):
        if batch.households is not None and batch.households > h.total:
            return [error(*_at(site, "funds", funds.id, "batches", i, "households"), "D974",
                          f"拨付批次“{batch.id}”的领取户数 {batch.households} 户，多于项目涉及的 {h.total} 户",
                          "请核对户数。")]
    return []


def _estate(site: Site, estate: Estate) -> list[Diagnostic]:
    diags = []
    units = sum(b.units for b in estate.bands)
    if units != estate.total_units:
        diags.append(error(*_at(site, "estates", estate.id, "total_units"), "D973",
                           f"总套数 {estate.total_units} 套，与各面积段之和 {units} 套不符", "请照台账核对总套数和各面积段。"))
    for i, b in enumerate(estate.bands):
        if b.ready + b.under_construction != b.units:
            diags.append(error(*_at(site, "estates", estate.id, "bands", i, "units"), "D973",
                               f"面积段“{b.band}”共 {b.units} 套，但已建成 {b.ready} 套加在建 {b.under_construction} 套"
                               f"是 {b.ready + b.under_construction} 套", "已建成和在建的套数加起来应等于这一面积段的套数。"))
        if b.allocated > b.ready:
            diags.append(error(*_at(site, "estates", estate.id, "bands", i, "allocated"), "D975",
                               f"面积段“{b.band}”已分配 {b.allocated} 套，多于已建成的 {b.ready} 套",
                               "只有建成的房子才能分配；请核对已分配和已建成的套数。"))
    ready = sum(b.ready for b in estate.bands)
    offered = 0
    for i, r in sorted(enumerate(estate.rounds), key=lambda x: (x[1].date, x[0])):
        offered += r.homes
        if offered > ready:
            diags.append(error(*_at(site, "estates", estate.id, "rounds", i, "homes"), "D975",
                               f"选房批次“{r.id}”拿出 {r.homes} 套，各批累计 {offered} 套，超过小区已建成的 {ready} 套",
                               "每一批的房源不能超过小区建成、尚未分出的房子；请核对套数。"))
            break
    return diags


def _delivered_ahead(site: Site, estate: Estate) -> list[Diagnostic]:
    if not (estate.delivered and estate.delivery and estate.delivery > estate.updated):
        return []
    return [warning(*_at(site, "estates", estate.id, "delivered"), "R307",
                    f"安置房“{estate.name}”标为已交付（delivered: true），但交付日期 {estate.delivery} 晚于本条的更新日期 "
                    f"{estate.updated}，页面会说“{estate.delivery.year}年{estate.delivery.month}月{estate.delivery.day}日已交房”",
                    "还没交房的写 delivered: false，delivery 写计划交付日期；已经交房的，delivery 写实际交付日期，"
                    "updated 写修改的日期。")]


def _resettle_first(site: Site, r: Resettlement, estates: dict[str, Estate]) -> list[Diagnostic]:
    if not r.resettle_first or r.demolition_start is None:
        return []
    late = [e for e in (estates.get(x) for x in r.estates) if e is not None and
            (not e.delivered or e.delivery is None or e.delivery > r.demolition_start)]
    if not late:
        return []
    e = late[0]
    when = f"{e.delivery} 才交付" if e.delivered and e.delivery else "还没有交付"
    return [error(*_at(site, "resettlement", r.id, "demolition_start"), "D976",
                  f"本项目实行先安置后拆迁，但 {r.demolition_start} 就开始拆除，安置小区“{e.name}”{when}",
                  "先安置后拆迁：安置房交付后才能开始拆除；请核对拆除日期和小区交付日期。")]
