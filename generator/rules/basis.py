"""Every period or amount residents read has a basis: the cited article says it, or the text says
it is the center's own practice or still to be verified.

A plain-language field (`plain_language.PLAIN_FIELDS`) is cut into statements at 。！？； and line
ends. A statement may end with a visible basis mark, shown to residents as written:

- `（依据：《标题》第十条）` (several articles: `第十条、第十一条`; several documents: `；`), where the
  title is a policy document's 标题, 简称 (`short_title`) or 文号: a law's or a local document's article;
- `（本中心做法）`: the center's own practice, not a legal rule;
- `（政务公开目录）`: required by the government's standard disclosure catalogue, not by a law's article
  (the national layer's rows, true for every district);
- `（待核实）`: not yet verified.

A number with a unit (日/天, 个工作日, 个月, 年, %, 元; digits or Chinese numerals) in a statement
must appear, with the same unit, in the text of an article the statement rests on: the articles its
mark names, or, without a mark, the citations of the part that holds the field (a step's basis and
time limit, an answer's basis, ...), a policy document's own articles (the whole shipped text for a
national law), an interpretation's document, a standard's own rates. The qualifier is kept: 不少于
stays 不少于 and 以内 stays 以内 (R325). A mark that names no known document or article is R324; an
unbased number is R323. R323 and R325 are errors under `--production`, warnings otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..diagnostics import Diagnostic, error, warning
from ..model import CONTENT_TYPES
from ..model.disclosure import DisclosureTimeLimit
from ..model.fields import Citation
from ..model.policy import PolicyDocument
from ..model.procedure import TimeLimit
from .national import national_text
from .plain_language import plain_texts
from .references import Site, walk

LOCAL, CATALOGUE, UNVERIFIED = "本中心做法", "政务公开目录", "待核实"
_MARK = re.compile(r"（(?:(本中心做法|政务公开目录|待核实)|依据：([^（）]*))）")
_REF = re.compile(r"《([^》]+)》((?:第[零一二三四五六七八九十百]+条、?)*)|([^《》；、\s]+号)((?:第[零一二三四五六七八九十百]+条、?)*)")
_ARTICLE = re.compile(r"第([零一二三四五六七八九十百]+)条")
_STATEMENT_END = re.compile(r"(?<=[。！？；\n])")
_NUMBER = r"(\d+(?:\.\d+)?万?|[零一二两三四五六七八九十百千万]+)"
_QUANTITY = re.compile(_NUMBER + r"\s*(个工作日|工作日|个月|日|天|年|%|％|元)")
_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年")
_MIN = re.compile(r"(不少于|不得少于|至少|不低于|不得低于)[^，。；、]{0,4}$")
_MAX = re.compile(r"(不超过|不得超过|最长|最多)[^，。；、]{0,4}$")
_WITHIN = re.compile(r"^\s*(内|以内|之内)")
_UNITS = {"天": "日", "工作日": "个工作日", "％": "%"}
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str
    qualifier: str | None  # "min", "max" or None
    text: str


def chinese_value(text: str) -> int | None:
    """二十 -> 20, 一百零五 -> 105, 两 -> 2; None when `text` is not a numeral (e.g. 万 alone)."""
    total, section, digit, seen = 0, 0, 0, False
    for ch in text:
        if ch in _DIGITS:
            digit, seen = _DIGITS[ch], True
        elif ch in "十百千":
            section += (digit or (1 if ch == "十" else 0)) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit, seen = 0, seen or ch == "十"
        elif ch == "万":
            total, section, digit = (section + digit) * 10000, 0, 0
    return total + section + digit if seen else None


def quantities(text: str) -> Iterator[Quantity]:
    """Every number with a unit in `text`, dates and ordinals (第三年) left out."""
    masked = _DATE.sub(lambda m: "\0" * len(m.group()), text)
    for m in _QUANTITY.finditer(masked):
        raw, unit = m.group(1), _UNITS.get(m.group(2), m.group(2))
        if m.start() and masked[m.start() - 1] in "第每同之单唯哪这那某\0":
            continue
        if raw[0].isdigit():
            value = Decimal(raw.rstrip("万")) * (10000 if raw.endswith("万") else 1)
        else:
            number = chinese_value(raw)
            if number is None:
                continue
            value = Decimal(number)
        before, after = masked[max(0, m.start() - 8): m.start()], masked[m.end(): m.end() + 3]
        qualifier = "min" if _MIN.search(before) else "max" if (_MAX.search(before) or _WITHIN.match(after)) else None
        yield Quantity(value.normalize(), unit, qualifier, m.group())


def statements(text: str) -> list[str]:
    """`text` cut after 。！？； and line ends; a basis mark opening a piece belongs to the one before."""
    parts: list[str] = []
    for piece in _STATEMENT_END.split(text):
        if parts and piece.lstrip().startswith("（") and _MARK.match(piece.lstrip()):
            mark = _MARK.match(piece.lstrip())
            assert mark is not None
            parts[-1] += mark.group()
            piece = piece.lstrip()[mark.end():]
        if piece.strip():
            parts.append(piece)
    return parts


class Basis:
    """Article texts of a site's documents, by citation and by the name written in a mark."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.by_name: dict[str, PolicyDocument] = {}
        for doc in site.of("policy_documents"):
            for name in (doc.doc_number, getattr(doc, "short_title", None), doc.title):
                if name:
                    self.by_name[name] = doc

    def article(self, doc: PolicyDocument, number: int) -> str | None:
        law = national_text(doc)
        if law is not None:
            return law.articles.get(number)
        return next((a.text for a in doc.articles if a.number == number), None)

    def whole(self, doc: PolicyDocument) -> list[str]:
        law = national_text(doc)
        return list(law.articles.values()) if law is not None else [a.text for a in doc.articles]

    def cited(self, citation: Citation) -> list[str]:
        doc = self.site.by_id["policy_documents"].get(citation.document)
        if doc is None or citation.article is None:
            return []
        text = self.article(doc, citation.article)
        return [text] if text is not None else []

    def marked(self, mark: str) -> tuple[list[str], list[str]]:
        """(article texts, problems) for the inside of a （依据：…） mark."""
        texts, problems = [], []
        for ref in filter(None, (r.strip() for r in mark.split("；"))):
            m = _REF.fullmatch(ref)
            name, arts = (m.group(1) or m.group(3), m.group(2) or m.group(4) or "") if m else (ref, "")
            doc = self.by_name.get(name)
            if m is None or doc is None:
                problems.append(f"依据“{ref}”中的文件找不到（请写政策文件的标题、简称或文号，放在《》中）")
                continue
            numbers = [chinese_value(a) or 0 for a in _ARTICLE.findall(arts)]
            if not numbers:
                problems.append(f"依据“{ref}”没有写条号（如 第十条）")
            for number in numbers:
                text = self.article(doc, number)
                if text is None:
                    problems.append(f"《{doc.title}》第 {number} 条找不到（本地文件须先在 articles 中录入这一条）")
                else:
                    texts.append(text)
        return texts, problems


def _implicit(basis: Basis, key: str, item: Any, loc: tuple[object, ...]) -> tuple[list[str], set[Decimal]]:
    """Article texts and own amounts a statement at `loc` rests on when it carries no mark."""
    holder = item
    for sub_loc, sub in walk(item):
        if loc[:len(sub_loc)] == sub_loc and any(isinstance(s, Citation) for _, s in walk(sub)):
            holder = sub
    texts = [t for _, s in walk(holder) if isinstance(s, Citation) for t in basis.cited(s)]
    amounts: set[Decimal] = set()
    if key == "policy_documents":
        texts += basis.whole(item)
    elif key == "interpretations" and item.document in basis.site.by_id["policy_documents"]:
        texts += basis.whole(basis.site.document(item.document))
    elif key == "compensation_standards":
        amounts = {r.amount.normalize() for r in (*item.zones, *item.items)}
    return texts, amounts


def _found(q: Quantity, texts: list[str], amounts: set[Decimal]) -> str:
    """"ok", "qualifier" (the number is there with another qualifier) or "missing"."""
    if q.unit == "元" and q.value in amounts:
        return "ok"
    same = [a for t in texts for a in quantities(t) if a.value == q.value and a.unit == q.unit]
    if any(a.qualifier == q.qualifier for a in same):
        return "ok"
    return "qualifier" if same else "missing"


def check_statement(basis: Basis, statement: str, implicit: tuple[list[str], set[Decimal]]) -> Iterator[tuple[str, str]]:
    """(code, message) for each problem of one statement."""
    marks = list(_MARK.finditer(statement))
    if any(m.group(1) for m in marks):
        return
    texts, amounts = implicit
    if marks:
        texts, amounts = [], set()
        for m in marks:
            found, problems = basis.marked(m.group(2))
            texts += found
            yield from (("R324", p) for p in problems)
    for q in quantities(_MARK.sub("", statement)):
        result = _found(q, texts, amounts)
        if result == "missing":
            yield "R323", f"“{q.text}”在所依据的条文中找不到：“{statement.strip()[:40]}”"
        elif result == "qualifier":
            yield "R325", f"“{q.text}”的限定词与条文不一致（条文中的“不少于”“以内”等要照写）：“{statement.strip()[:40]}”"


HINTS = {
    "R323": "在句末注明依据：（依据：《文件标题》第X条），数字要与条文一致；本中心自己的做法写（本中心做法），"
            "尚未核实的写（待核实）。",
    "R324": "依据写成（依据：《文件标题》第十条），文件标题、简称或文号要与政策文件一致。",
    "R325": "照写条文中的“不少于”“不得超过”“以内”等，不要改变期限的意思。",
}


_UNIT_WORDS = {"days": "日", "working_days": "个工作日", "months": "个月", "years": "年"}
_KIND_QUALIFIER = {"min": "min", "max": "max", "within": "max"}


def _time_limits(basis: Basis, item: Any) -> Iterator[tuple[tuple[object, ...], Quantity, list[str]]]:
    """(location, the period, the article texts it must be in) for each structured time limit without
    a declared basis kind: a procedure step's or a remedy's (its own basis), a disclosure row's (the row's)."""
    for loc, sub in walk(item):
        if isinstance(sub, TimeLimit) and sub.basis_kind is None:
            q = Quantity(Decimal(sub.value), _UNIT_WORDS[sub.unit], _KIND_QUALIFIER[sub.kind], "")
            yield loc, q, basis.cited(sub.basis)
        elif isinstance(sub, DisclosureTimeLimit) and sub.basis_kind is None and sub.value and sub.unit:
            q = Quantity(Decimal(sub.value), _UNIT_WORDS[sub.unit], None, "")
            yield loc, q, [t for c in item.basis for t in basis.cited(c)]


def _time_limit_diagnostics(basis: Basis, located: Any, production: bool) -> Iterator[Diagnostic]:
    for loc, q, texts in _time_limits(basis, located.item):
        same = [a for t in texts for a in quantities(t) if a.value == q.value and a.unit == q.unit]
        if same and (q.qualifier is None or any(a.qualifier == q.qualifier for a in same)):
            continue
        code = "R325" if same else "R323"
        pos = located.pos(*loc, "value")
        words = f"{q.value}{q.unit}"
        message = (f"期限“{words}”的类型与所引条文不一致" if same
                   else f"期限“{words}”在所引条文中找不到")
        make = error if production else warning
        yield make(pos.path, pos.line, pos.column, code, message,
                   "改正期限或所引条款；期限是本中心做法或尚未核实的，写 basis_kind: 本中心做法 或 basis_kind: 待核实。")


def basis_diagnostics(site: Site, production: bool) -> list[Diagnostic]:
    basis = Basis(site)
    diags: list[Diagnostic] = []
    for ctype in CONTENT_TYPES:
        for item in site.of(ctype.key):
            located = site.located[(ctype.key, item.id)]
            diags.extend(_time_limit_diagnostics(basis, located, production))
            for loc, text in plain_texts(item):
                implicit = _implicit(basis, ctype.key, item, loc)
                for statement in statements(text):
                    for code, message in check_statement(basis, statement, implicit):
                        pos = located.pos(*loc)
                        make = error if production or code == "R324" else warning
                        diags.append(make(pos.path, pos.line, pos.column, code, message, HINTS[code]))
    return diags
