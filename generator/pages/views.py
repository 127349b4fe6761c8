"""View values handed to templates: every lookup is done here, so templates never look anything up."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model.fields import Article, Citation
from ..model.policy import PolicyDocument
from ..model.procedure import KIND_LABELS, UNIT_LABELS, TimeLimit
from ..model.standard import MODE_LABELS
from ..rules.references import Site
from .links import page_path, relative
from .text import amount_value, article_anchor, article_label, format_amount


@dataclass(frozen=True)
class CitationView:
    label: str  # 《国有土地上房屋征收与补偿条例》第十九条
    short: str  # 条例 第十九条 (doc number when known)
    href: str
    quote: str  # the article text, for the tap-to-read popover ("" if whole document)


@dataclass(frozen=True)
class FigureView:
    id: str
    name: str
    spec: str
    amount: str  # display, e.g. 1,350.00
    value: str  # exact machine value, e.g. 1350.00
    unit: str
    condition: str
    covers: str  # zone coverage (names), "" for items
    source: CitationView
    origin: str  # content/…yml:LINE, where this figure is written


_ARTICLE_INDEX: dict[int, tuple[PolicyDocument, dict[int, Article]]] = {}


def _articles(doc: PolicyDocument) -> dict[int, Article]:
    """A document's articles by number (documents are immutable; the entry keeps its document alive)."""
    entry = _ARTICLE_INDEX.get(id(doc))
    if entry is None or entry[0] is not doc:
        if len(_ARTICLE_INDEX) > 10_000:  # a long-running `serve` sees many builds' documents
            _ARTICLE_INDEX.clear()
        entry = _ARTICLE_INDEX[id(doc)] = (doc, {a.number: a for a in doc.articles})
    return entry[1]


def cite(site: Site, citation: Citation, from_path: str) -> CitationView:
    doc = site.document(citation.document)
    target = page_path("policies", doc.id)
    if citation.article is None:
        return CitationView(f"《{doc.title}》", doc.doc_number or doc.title, relative(from_path, target), "")
    art = _articles(doc)[citation.article]
    label = article_label(citation.article)
    return CitationView(f"《{doc.title}》{label}", f"{doc.doc_number or doc.title} {label}",
                        relative(from_path, target, article_anchor(citation.article)), art.text)


def time_limit_text(limit: TimeLimit) -> str:
    """The limit in words, with its declared basis kind (本中心做法, 待核实) when it is not the cited law's."""
    unit = UNIT_LABELS[limit.unit]
    kind = f"（{limit.basis_kind}）" if limit.basis_kind else ""
    if limit.kind == "within":
        return f"{limit.from_}起 {limit.value}{unit}内{kind}"
    return f"{KIND_LABELS[limit.kind]} {limit.value}{unit}（自{limit.from_}起算）{kind}"


def _condition(rate: object) -> str:
    """适用条件 as shown: the rate's own condition, then the compensation mode it is limited to (Rate.modes)."""
    condition = getattr(rate, "condition", None) or ""
    modes = getattr(rate, "modes", ())
    if not modes:
        return condition
    limited = "只适用于" + "、".join(MODE_LABELS[m] for m in modes)
    return f"{condition.rstrip('。')}；{limited}。" if condition else limited


def figure(site: Site, standard_key: tuple[str, str], rate: object, index_loc: tuple[object, ...],
           from_path: str) -> FigureView:
    standard = site.by_id[standard_key[0]][standard_key[1]]
    article = getattr(rate, "article", None) or standard.source.article
    source = cite(site, Citation(document=standard.source.document, article=article), from_path)
    located = site.located[standard_key]
    pos = located.pos(*index_loc, "amount")
    amount: Decimal = rate.amount  # type: ignore[attr-defined]
    covers = "、".join(site.areas[a].name for a in getattr(rate, "covers", ()))
    return FigureView(
        id=rate.id, name=rate.name, spec=rate.spec or "",  # type: ignore[attr-defined]
        amount=format_amount(amount), value=amount_value(amount), unit=rate.unit,  # type: ignore[attr-defined]
        condition=_condition(rate), covers=covers, source=source,
        origin=f"{pos.path}:{pos.line}",
    )
