"""Resolve stage: ids are unique, every reference points at something, cited articles are quoted.

References are declared once, in the model, with `RefTo(...)` metadata and `Citation` values; this
stage walks every item generically, so a new content type is checked without new code here.
The result is `Site`, the immutable value every later stage reads.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..diagnostics import Diagnostic, error
from ..load.content import Content
from ..load.validation import Located
from ..model import CONTENT_TYPES, SiteConfig
from ..model.fields import Citation, RefTo
from ..model.policy import PolicyDocument
from ..model.site import Area, Village
from .national import NationalText, check_document, missing_article, national_text


@dataclass(frozen=True)
class Site:
    """The whole validated, resolved content: what derive stages read. Never mutated."""

    config: SiteConfig
    items: dict[str, tuple[Any, ...]]  # type key -> models, sorted by id
    by_id: dict[str, dict[str, Any]]  # type key -> id -> model
    located: dict[tuple[str, str], Located]  # (type key, id) -> the item with its source positions
    files: Mapping[str, bytes] = field(default_factory=dict)  # announcement attachments by path (load/attachments.py)

    @property
    def areas(self) -> dict[str, Area | Village]:
        """Towns and streets, and the villages under them, by id (a zone may cover either)."""
        return {a.id: a for a in self.config.areas} | {v.id: v for a in self.config.areas for v in a.villages}

    def place_names(self) -> tuple[str, ...]:
        """The search area filter, villages nested under their town: 渠沟镇, 渠沟镇 · 钟楼村, …"""
        return tuple(name for a in self.config.areas for name in (a.name, *(village_label(a, v) for v in a.villages)))

    def project_places(self, project: Any) -> tuple[str, ...]:
        """A project's entries of the area filter: its town, and each listed village it names."""
        town = next((a for a in self.config.areas if a.id == project.area), None)
        if town is None:
            return ()
        named = [v for v in town.villages if v.name in project.villages or v.id in project.villages]
        return (town.name, *(village_label(town, v) for v in named))

    def town_of(self, place_id: str) -> Area | None:
        """The town or street a place id names, or the one a village id belongs to."""
        return next((a for a in self.config.areas if a.id == place_id or place_id in {v.id for v in a.villages}),
                    None)

    def of(self, key: str) -> tuple[Any, ...]:
        return self.items.get(key, ())

    def document(self, doc_id: str) -> PolicyDocument:
        return self.by_id["policy_documents"][doc_id]

    @property
    def has_sample(self) -> bool:
        return self.config.sample_data or any(getattr(i, "sample", False) for k in self.items for i in self.items[k])


CONFIG_KEY = ("site_config", "site_config")


def village_label(town: Area, village: Village) -> str:
    return f"{town.name} · {village.name}"


def _ref_target(info: Any) -> str | None:
    for meta in info.metadata:
        if isinstance(meta, RefTo):
            return meta.target
    return _ref_in(info.annotation)


def _ref_in(annotation: Any) -> str | None:
    for meta in getattr(annotation, "__metadata__", ()) or ():
        if isinstance(meta, RefTo):
            return meta.target
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _ref_in(arg)
        if found:
            return found
    return None


def _may_hold_model(annotation: Any) -> bool:
    if annotation is Any or annotation is object:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(arg) for arg in getattr(annotation, "__args__", ()) or ())


@dataclass(frozen=True)
class _Fields:
    """What walking a model class needs, worked out once per class from its annotations."""

    refs: tuple[tuple[str, str, str], ...]  # (attribute, key as written, target type)
    nested: tuple[tuple[str, str], ...]  # (attribute, key) of the fields that may hold models


@functools.cache
def _fields(cls: type[BaseModel]) -> _Fields:
    refs, nested = [], []
    for name, info in cls.model_fields.items():
        key = info.alias or name
        target = _ref_target(info)
        if target is not None:
            refs.append((name, key, target))
        if _may_hold_model(info.annotation):
            nested.append((name, key))
    return _Fields(tuple(refs), tuple(nested))


def walk(model: BaseModel, loc: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], BaseModel]]:
    """Every nested model inside `model` (itself first, then depth first), with its location path."""
    found: list[tuple[tuple[object, ...], BaseModel]] = []
    _walk_into(model, loc, found)
    return iter(found)


def _walk_into(model: BaseModel, loc: tuple[object, ...], found: list[tuple[tuple[object, ...], BaseModel]]) -> None:
    found.append((loc, model))
    for name, key in _fields(type(model)).nested:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _walk_into(value, (*loc, key), found)
        elif isinstance(value, (list, tuple)):
            for i, element in enumerate(value):
                if isinstance(element, BaseModel):
                    _walk_into(element, (*loc, key, i), found)


def references(model: BaseModel) -> Iterator[tuple[tuple[object, ...], str, str]]:
    """(location, target type, id) for every RefTo-annotated value in `model` and its children."""
    for loc, sub in walk(model):
        for name, key, target in _fields(type(sub)).refs:
            value = getattr(sub, name)
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                for i, element in enumerate(value):
                    yield (*loc, key, i), target, element
            else:
                yield (*loc, key), target, value


def resolve(content: Content) -> tuple[Site, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    config = content.config.item
    by_id: dict[str, dict[str, Any]] = {}
    located_by_key: dict[tuple[str, str], Located] = {}
    for ctype in CONTENT_TYPES:
        seen: dict[str, Located] = {}
        table: dict[str, Any] = {}
        for located in content.of(ctype.key):
            item_id = located.item.id
            if item_id in seen:  # positions only for a diagnostic: finding them may parse the file again
                pos, first = located.pos("id"), seen[item_id].pos("id")
                diags.append(error(located.path, pos.line, pos.column, "R302",
                                   f"{ctype.label}标识“{item_id}”重复（已在 {first.path}:{first.line} 使用）",
                                   "每条内容的标识（id）必须唯一，请改用另一个标识。"))
                continue
            seen[item_id] = located
            table[item_id] = located.item
            located_by_key[(ctype.key, item_id)] = located
        by_id[ctype.key] = table
    area_ids = {a.id for a in config.areas} | {v.id for a in config.areas for v in a.villages}
    diags += _duplicate_places(content)
    documents = by_id["policy_documents"]
    articles = {doc_id: frozenset(a.number for a in doc.articles) for doc_id, doc in documents.items()}
    laws = {doc_id: national_text(doc) for doc_id, doc in documents.items()}
    for located in content.of("policy_documents"):
        diags.extend(check_document(located))
    for ctype in CONTENT_TYPES:
        for located in content.of(ctype.key):
            diags.extend(_check_item(located, documents, articles, by_id, area_ids, laws, content.unread))
    for ctype in CONTENT_TYPES:
        for located in content.of(ctype.key):
            if hasattr(located.item, "pending"):
                diags.extend(_check_pending(located))
    diags.extend(_check_sample(content))
    items = {key: tuple(sorted(table.values(), key=lambda m: m.id)) for key, table in by_id.items()}
    located_by_key[CONFIG_KEY] = content.config  # the site settings' positions, for rules about them
    return Site(config, items, by_id, located_by_key), diags


def _duplicate_places(content: Content) -> list[Diagnostic]:
    """R302 at the second town or village with an id already used, naming it and where it was first."""
    located, diags = content.config, []
    first: dict[str, tuple[str, int]] = {}
    for i, area in enumerate(located.item.areas):
        places: list[tuple[str, str, tuple[object, ...]]] = [(area.id, area.name, ("areas", i, "id"))]
        places += [(v.id, v.name, ("areas", i, "villages", j, "id")) for j, v in enumerate(area.villages)]
        for place_id, name, loc in places:
            pos = located.pos(*loc)
            if place_id not in first:
                first[place_id] = (name, pos.line)
                continue
            other, line = first[place_id]
            diags.append(error(located.path, pos.line, pos.column, "R302",
                               f"“{name}”的标识“{place_id}”与“{other}”（第 {line} 行）重复",
                               f"每个镇街、村（社区）的 id 必须全站唯一（区片可以覆盖镇街，也可以覆盖村），"
                               f"请给“{name}”改一个标识，如 {place_id}-2。"))
    return diags


def _article_unknown(located: Any, loc: tuple[object, ...], doc: PolicyDocument, number: int,
                     law: NationalText | None) -> Diagnostic:
    pos = located.pos(*loc, "article")
    if law is not None and number not in law.articles:
        return error(located.path, pos.line, pos.column, "R320", missing_article(law, number), "请改正条号。")
    return error(located.path, pos.line, pos.column, "R304",
                 f"引用了《{doc.title}》第 {number} 条，但该文件的引用条款（articles）中没有这一条",
                 "请在该政策文件的 articles 中逐字录入这一条，或改正条号。")


def _check_item(located: Any, documents: dict[str, PolicyDocument], articles: dict[str, frozenset[int]],
                by_id: dict[str, dict[str, Any]], area_ids: set[str],
                laws: dict[str, NationalText | None], unread: Mapping[str, frozenset[str]]) -> list[Diagnostic]:
    diags = []
    for loc, target, ref in references(located.item):
        known = area_ids if target == "areas" else by_id.get(target, {})
        if ref not in known and ref not in unread.get(target, ()):  # a file that failed to load: its error says why
            pos = located.pos(*loc)
            what = "镇街" if target == "areas" else next(t.label for t in CONTENT_TYPES if t.key == target)
            diags.append(error(located.path, pos.line, pos.column, "R303", f"引用了不存在的{what}“{ref}”",
                               f"请检查拼写，或先添加标识为“{ref}”的{what}。"))
    parts = list(walk(located.item))
    for loc, sub in parts:
        if isinstance(sub, Citation) and sub.article is not None and sub.document in documents:
            if sub.article not in articles[sub.document]:
                diags.append(_article_unknown(located, loc, documents[sub.document], sub.article,
                                              laws[sub.document]))
    item = located.item
    if hasattr(item, "source") and isinstance(item.source, Citation) and item.source.document in documents:
        for loc, sub in parts:
            article = getattr(sub, "article", None)
            if loc and not isinstance(sub, Citation) and isinstance(article, int):
                if article not in articles[item.source.document]:
                    diags.append(_article_unknown(located, loc, documents[item.source.document], article,
                                                  laws[item.source.document]))
    return diags


def _check_pending(located: Any) -> list[Diagnostic]:
    diags = []
    item = located.item
    for i, name in enumerate(item.pending):
        if name not in type(item).model_fields:
            pos = located.pos("pending", i)
            diags.append(error(located.path, pos.line, pos.column, "S214", f"待补充字段“{name}”不是本类型的字段",
                               "pending 中只能写本类型中可以留空的字段名，如 doc_number。"))
        elif getattr(item, name) is not None:
            pos = located.pos("pending", i)
            diags.append(error(located.path, pos.line, pos.column, "S214",
                               f"字段“{name}”已经填写，却仍列为待补充", "填好后请把它从 pending 中删除。"))
    return diags


def _check_sample(content: Content) -> list[Diagnostic]:
    if content.config.item.sample_data:
        return []
    diags = []
    for ctype in CONTENT_TYPES:
        for located in content.of(ctype.key):
            if getattr(located.item, "sample", False):
                pos = located.pos("sample")
                diags.append(error(located.path, pos.line, pos.column, "P502",
                                   "本条内容标为示例数据，但站点设置未声明含示例数据（sample_data）",
                                   "示例数据必须在全站显著标注：请在 site_config.yml 设 sample_data: true，或换成正式数据。"))
    return diags
