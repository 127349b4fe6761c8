"""Synthetic items for `synthetic.py`: plain-Chinese text from a seeded generator, one dict per item.

Every value is a string, exactly as an editor would type it in YAML. Documents, laws and figures are
invented (the titles say 示范) and the site is marked as sample data, so nothing here can be
mistaken for a real standard.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

Item = dict[str, Any]


@dataclass(frozen=True)
class District:
    """Who publishes the synthetic site: used for names, areas and ids (a city has several)."""

    id: str = "shifan"
    name: str = "示范区"
    city: str = "示范市"
    towns: tuple[str, ...] = ("东湖镇", "西山镇", "南塘街道", "北岗街道", "青石镇", "柳溪乡")


def area_id(index: int) -> str:
    return f"area-{index + 1}"



SENTENCES = (
    "征收部门在{village}召开征收补偿政策宣讲会，逐户发放告知书，现场解答群众提出的问题。",
    "被征收人对房屋面积认定有异议的，可以在公示期内向{town}征收工作组书面提出，工作组应当在{n}个工作日内答复（本中心做法）。",
    "评估机构由被征收人在规定时间内协商选定；协商不成的，采取摇号、抽签等随机方式确定，并现场公证。",
    "补偿款项实行专户存储、专款专用，签约后{n}日内足额支付到被征收人本人账户，不得截留、挪用（本中心做法）。",
    "选择房屋产权调换的，安置房交付前，征收部门按月支付临时安置费，过渡期限自搬迁之日起计算。",
    "{village}涉及集体土地{n}亩、住宅{n2}户，土地现状、权属和地上附着物情况已经调查确认并签字。",
    "群众可以到{town}便民服务中心查阅征收补偿方案、调查结果和分户补偿情况，也可以拨打咨询电话。",
    "对征收补偿决定不服的，可以在六十日内申请行政复议，也可以在六个月内向人民法院提起行政诉讼（待核实）。",
    "征收范围内不得新建、扩建、改建房屋和改变房屋用途，违反规定实施的部分不予补偿。",
    "青苗和地上附着物按照现行标准据实补偿，清点结果在村务公开栏张贴不少于{n}日（本中心做法）。",
    "搬迁奖励按照签约和腾房的先后顺序发放，具体标准在补偿方案中载明，不搞暗箱操作。",
    "社会保障费用按照规定足额纳入征地补偿安置费用，符合条件的被征地农民纳入相应养老保险。",
    "住房困难家庭经审核符合条件的，优先给予住房保障，保障情况在{village}公示。",
    "征收工作全过程接受纪检监察机关和群众监督，举报电话在公告中一并公布。",
    "听证会由{town}人民政府组织，被征收人可以委托代理人参加，并对补偿方案发表意见。",
    "分户补偿结果在{village}村务公开栏和本专栏同步公布，公布期间群众可以查阅和提出异议。",
    "评估报告送达后，被征收人对评估结果有异议的，可以在{n}日内申请复核评估（本中心做法）。",
    "周转用房由征收部门提供，周转期间的水电、物业费用按照补偿方案的约定承担。",
)
TOPICS = ("补偿标准", "征收程序", "安置", "评估", "维权", "信息公开", "其他")
QUESTIONS = (
    "{village}的房子被征收，{what}怎么算？", "{village}的{what}什么时候发？",
    "对{village}的{what}有异议，去哪里反映？", "{village}征收中{what}由谁负责？",
)
WHATS = ("搬迁费", "临时安置费", "房屋补偿款", "青苗补偿", "评估结果", "安置房面积", "搬迁奖励", "社保费用")
_SYLLABLES = "柳杨桃李梅竹松柏荷兰桂枫槐榆桑梨杏枣茶麦稻禾丰和安宁平康乐福寿康泰兴旺盛隆嘉瑞祥德仁义礼信"
_SUFFIXES = ("村", "庄", "坳", "湾", "圩", "集", "岗", "洼")


class Names:
    """Unique village names, so each page carries one place name found nowhere else."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def village(self) -> str:
        while True:
            length = self.rng.choice((2, 2, 3))
            name = "".join(self.rng.choice(_SYLLABLES) for _ in range(length)) + self.rng.choice(_SUFFIXES)
            if name not in self.used:
                self.used.add(name)
                return name


@dataclass
class Context:
    rng: random.Random
    names: Names
    district: District
    documents: list[Item]

    def town(self) -> tuple[int, str]:
        index = self.rng.randrange(len(self.district.towns))
        return index, self.district.towns[index]

    def cite(self) -> Item:
        doc = self.rng.choice(self.documents)
        return {"document": doc["id"], "article": str(self.rng.choice(doc["articles"])["number"])}


def paragraph(rng: random.Random, village: str, town: str, sentences: int) -> str:
    picked = rng.sample(SENTENCES, min(sentences, len(SENTENCES)))
    return "".join(s.format(village=village, town=town, n=rng.randint(3, 90), n2=rng.randint(10, 400))
                   for s in picked)


def date(rng: random.Random, year_from: int = 2019) -> str:
    return f"{rng.randint(year_from, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _articles(rng: random.Random, village: str, town: str, count: int) -> list[Item]:
    return [{"number": str(n), "text": paragraph(rng, village, town, 3)} for n in range(1, count + 1)]


def fixed_documents() -> list[Item]:
    rng = random.Random("fixed-documents")
    return [_document("house-regulation", "示范房屋征收与补偿条例", "示范国务院", "departmental_rule",
                      _articles(rng, "示范村", "示范镇", 30)),
            _document("land-law", "示范土地管理法", "示范全国人民代表大会常务委员会", "departmental_rule",
                      _articles(rng, "示范村", "示范镇", 60))]


def _document(doc_id: str, title: str, issuer: str, level: str, articles: list[Item], **more: str) -> Item:
    return {
        "id": doc_id, "title": title, "issuer": issuer, "level": level, "validity": "有效",
        "summary": f"《{title}》规定征收怎么决定、怎么补偿（合成测试数据）。",
        "what_it_means": "房屋或土地在征收范围内的，按本文件确定补偿。",
        "what_i_can_do": "对征收决定或补偿决定不服的，可以申请行政复议或者提起行政诉讼。",
        "by_when": "无固定期限", "pending": ["official_url", "index_no"], "articles": articles,
        "updated": "2024-12-01", **more,
    }


def local_document(rng: random.Random, names: Names, d: District, i: int) -> Item:
    village = names.village()
    _, town = d.towns[i % len(d.towns)], d.towns[i % len(d.towns)]
    year = rng.randint(2015, 2024)
    title = f"关于{village}片区征收补偿安置工作的实施意见（{year}）"
    doc = _document(f"local-doc-{i + 1}", title, f"{d.name}人民政府办公室", "normative_document",
                    _articles(rng, village, town, rng.randint(3, 6)),
                    doc_number=f"{d.name[:1]}政办〔{year}〕{i + 1}号", written_date=date(rng),
                    published_date=date(rng, 2024), effective_date=date(rng, 2024))
    doc["pending"] = ["official_url", "index_no"]
    doc["updated"] = date(rng, 2024)
    return doc


def interpretation(ctx: Context, i: int) -> Item:
    rng, village = ctx.rng, ctx.names.village()
    local = [d for d in ctx.documents if d["level"] == "normative_document"] or ctx.documents
    doc = local[i % len(local)]  # every local document gets its interpretation (三同步)
    _, town = ctx.town()
    return {
        "id": f"interpretation-{i + 1}", "title": f"《{doc['title']}》解读：{village}怎么补",
        "document": doc["id"], "kind": "文字解读", "interpreter": f"{ctx.district.name}征收中心",
        "published_date": doc.get("published_date") or date(rng, 2023), "summary": paragraph(rng, village, town, 1),
        "sections": [{"heading": h, "body": paragraph(rng, village, town, 4)} for h in ("背景依据", "主要内容", "注意事项")],
        "questions": [{"question": f"{village}的{w}怎么算？", "answer": paragraph(rng, village, town, 2)}
                      for w in rng.sample(WHATS, 2)],
        "updated": date(rng, 2024),
    }


def question(ctx: Context, i: int) -> Item:
    rng, village = ctx.rng, ctx.names.village()
    _, town = ctx.town()
    text = rng.choice(QUESTIONS).format(village=village, what=rng.choice(WHATS))
    answer = "\n\n".join(paragraph(rng, village, town, 3) for _ in range(3))
    return {"id": f"question-{i + 1}", "question": text, "answer": answer, "topic": rng.choice(TOPICS),
            "basis": [ctx.cite()], "updated": date(rng, 2024)}


def standard(ctx: Context, i: int) -> Item:
    rng, village = ctx.rng, ctx.names.village()
    index, town = ctx.town()
    items = [{"id": f"item-{n + 1}", "name": f"{rng.choice(WHATS)}（{n + 1}类）",
              "amount": f"{rng.randint(10, 99999)}.{rng.randint(0, 99):02d}", "unit": rng.choice(("元/户", "元/平方米", "元/亩"))}
             for n in range(rng.randint(3, 8))]
    return {
        "id": f"standard-{i + 1}", "title": f"{village}片区征收补偿标准（示例）", "category": "relocation",
        "regime": "both", "issuer": f"（示例）{ctx.district.name}人民政府", "source": ctx.cite(),
        "effective_from": date(rng, 2022), "status": "current", "sample": "true",
        "summary": f"{village}片区的补偿标准（示例数据）。", "what_it_means": paragraph(rng, village, town, 2),
        "what_i_can_do": paragraph(rng, village, town, 1), "by_when": "按补偿协议约定的期限支付。",
        "conditions": [paragraph(rng, village, town, 1)], "items": items,
        "zones": [{"id": "zone-1", "name": f"{town}区片", "covers": [area_id(index)], "amount": "52000.00",
                   "unit": "元/亩"}],
        "updated": date(rng, 2024),
    }


LAND_STEPS = ("pre-announcement", "land-survey", "plan-announcement", "hearing", "expropriation-announcement",
              "compensation-decision")
HOUSE_STEPS = ("public-consultation", "publish-revisions", "hearing", "survey-registration", "suspend-procedures",
               "decision-announcement", "choose-appraiser", "appraisal", "compensation-decision")


def procedure(ctx: Context, regime: str) -> Item:
    """A procedure whose step ids are those announcements map to (model.project.DEFAULT_STEPS)."""
    rng = ctx.rng
    village, (_, town) = ctx.names.village(), ctx.town()
    land = regime == "land_collective"
    title = "集体土地征收程序" if land else "国有土地上房屋征收程序"
    steps = [{
        "id": step_id, "title": f"第{n + 1}步", "actor": f"{ctx.district.name}人民政府",
        "summary": paragraph(rng, village, town, 1), "what_happens": paragraph(rng, village, town, 3),
        # at most 25 days (the same draw, capped): announcements display 35-45 days, so none is shorter than its
        # step's minimum (D965), holiday roll-over included
        "time_limit": {"kind": "min", "value": str(min(rng.randint(5, 60), 25)), "unit": "days", "from": "公告发布之日",
                       "basis": ctx.cite(), "basis_kind": "本中心做法"},
        "basis": [ctx.cite()], "what_i_can_do": [paragraph(rng, village, town, 1)], "by_when": "公告规定的期限内。",
    } for n, step_id in enumerate(LAND_STEPS if land else HOUSE_STEPS)]
    return {"id": "land-collective" if land else "house-state", "title": title, "regime": regime,
            "summary": "先公告、再调查、定方案、听意见，最后签协议。", "what_it_means": paragraph(rng, village, town, 2),
            "basis": [ctx.cite()], "steps": steps, "updated": "2024-12-01"}


def remedy(ctx: Context, remedy_id: str, name: str, months_or_days: int) -> Item:
    rng = ctx.rng
    village, (_, town) = ctx.names.village(), ctx.town()
    unit = "days" if months_or_days > 12 else "months"
    return {"id": remedy_id, "name": name, "summary": paragraph(rng, village, town, 1),
            "applies_to": ["征收决定", "补偿决定"],
            "deadline": {"kind": "within", "value": str(months_or_days), "unit": unit, "from": "知道该行为之日",
                         "basis": ctx.cite(), "basis_kind": "待核实"},
            "where": "作出决定的机关的上一级机关或者人民法院。", "how": [paragraph(rng, village, town, 1)],
            "basis": [ctx.cite()], "bodies": [{"acts_of": f"{ctx.district.name}人民政府",
                                                "body": "示范市人民政府" if unit == "days" else "示范市中级人民法院"}],
            "updated": "2024-12-01"}


def terms(ctx: Context) -> list[Item]:
    """A gloss for every statutory term the plain-language lint knows, so no page lacks one."""
    from ..rules.plain_language import LEGAL_TERMS

    rng = ctx.rng
    names = sorted(set(LEGAL_TERMS) | set(WHATS))
    return [{"id": f"term-{n + 1}", "term": name, "gloss": paragraph(rng, "本村", "本镇", 1), "basis": [ctx.cite()],
             "updated": "2024-12-01"} for n, name in enumerate(names)]


def contact(ctx: Context, index: int) -> Item:
    town = ctx.district.towns[index]
    return {"id": f"contact-{index + 1}", "name": f"{town}征收工作站", "purpose": "政策咨询、补偿协议办理",
            "address": f"{town}人民路{index + 1}号", "phone": f"0561-00000{index:02d}", "hours": "工作日 8:30-12:00",
            "area": area_id(index), "updated": "2024-12-01"}
