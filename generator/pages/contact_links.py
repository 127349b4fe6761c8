"""Every mention of a contact in running text links to its entry on the contacts page (issue 11).

"可以向区征收中心咨询" told the resident whom to ask but not how: the name now links to that contact's
entry (address, phone, hours, or plainly that they are still being verified, with the hotlines). The
names are derived from the contacts, never typed: each contact's `name`, and for the district-level
contacts (no `area`, or the organiser) also the short form residents read in the district's own text,
the name without the district's place name ("杜集区征收中心" → "区征收中心", "西山县征收办" → "县征收办").
A sentence that sends the resident to ask someone who is not a contact (向有关部门反映, 向所在镇（街道）咨询)
gets that phrase linked to the contacts page, so every 向…咨询 leads somewhere, in any district.

Runs on the emitted Markdown before glossary terms are explained (a linked name is then left alone),
with the same reading of the Markdown as glossary_inline: front matter, headings, links, code, tags and
their attributes, summaries, labels and the onward block are never touched; neither is the contacts page
itself. B635 (rules/ask_links.unlinked_asks) fails the build on a sentence that
still says 向…咨询 without a link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..model.reference import Contact
from ..rules.references import Site
from .glossary_inline import _CLASS, _FRONT_MATTER, _SKIP, _TOKEN
from .links import page_path, page_url, relative
from .onward import HOTLINES, tel_url

CONTACTS_PATH = page_path("contacts")
# Links are fine in table and list headers (unlike tap-to-open glossary buttons); the onward block has its own.
SKIP_TAGS = _SKIP - {"th", "dt", "caption", "figcaption"}
SKIP_CLASSES = {"gk-onward"}
# 向…咨询 whose "…" names no contact (有关部门, 所在镇（街道）): that phrase links to the contacts page.
ASK = re.compile(r"(?P<lead>向)(?P<who>[^，。；：！？,.;:!?\n<>\[\]()*_`{}|]{1,24}?)(?P<verb>咨询|反映|询问)")
_NOT_AFTER_PLACE = "(?<![省市州盟区县旗镇乡])"
_PLACE = re.compile(r"^(?:.{1,8}?[省市州盟])?(?P<own>.{1,8}?[区县市旗])$")  # 淮北市杜集区 -> 杜集区


def short_names(district: str, name: str) -> tuple[str, ...]:
    """The name without the district's own place name, as the district's text writes it: for 杜集区征收中心
    in 淮北市杜集区, ("区征收中心", "征收中心")."""
    m = _PLACE.match(district)
    own = m.group("own") if m else ""
    for prefix in sorted({own, district} - {""}, key=len, reverse=True):
        rest = name[len(prefix):]
        if name.startswith(prefix) and len(rest) >= 4:
            return (prefix[-1] + rest, rest)
    return ()


def surfaces(site: Site) -> dict[str, str]:
    """Every written form of a contact -> its id (the first contact wins a shared form)."""
    organiser = site.config.organiser or ""
    found: dict[str, str] = {}
    contacts: tuple[Contact, ...] = site.of("contacts")
    for c in contacts:
        forms = [c.name]
        if c.area is None or c.name == organiser:
            forms += short_names(site.config.district, c.name)
        for form in forms:
            if len(form) >= 3:
                found.setdefault(form, c.id)
    return found


@dataclass(frozen=True)
class Linker:
    by_surface: Mapping[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, site: Site) -> Linker:
        found = surfaces(site)
        full = {c.name for c in site.of("contacts")}
        ordered = sorted(found, key=lambda s: (-len(s), s))
        # a document title in 《》 is matched whole and left alone (a name inside a title is not a contact);
        # a short form never matches right after a place's level (市征收中心 is the city's, not this district's)
        pattern = re.compile("《[^》\n]*》|" + "|".join(("" if s in full else _NOT_AFTER_PLACE) + re.escape(s)
                                                          for s in ordered)) if ordered else None
        return cls(found, pattern)


def link_page(path: str, markdown: str, linker: Linker) -> str:
    """The page's Markdown with every contact name in running text linked to its entry."""
    pattern = linker.pattern
    if (pattern is None or not pattern.search(markdown)) and not ASK.search(markdown):
        return markdown

    def name(m: re.Match[str]) -> str:
        text = m.group(0)
        if text.startswith("《"):
            return text
        return f'<a class="gk-contact-link" href="{relative(path, CONTACTS_PATH, linker.by_surface[text])}">{text}</a>'

    def ask(m: re.Match[str]) -> str:
        who = m.group("who")
        if pattern is not None and pattern.search(who):
            return m.group(0)  # names a contact: linked by `name`
        return f'{m.group("lead")}<a class="gk-contact-link" href="{relative(path, CONTACTS_PATH)}">{who}</a>{m.group("verb")}'

    def segment(text: str) -> str:
        text = ASK.sub(ask, text)
        return pattern.sub(name, text) if pattern is not None else text

    front = _FRONT_MATTER.match(markdown)
    pos = front.end() if front else 0
    out = [markdown[:pos]]
    skipping: list[str] = []
    for m in _TOKEN.finditer(markdown, pos):
        text = markdown[pos:m.start()]
        out += [text if skipping else segment(text), m.group(0)]
        if m.lastgroup == "tag":
            _tag(skipping, m.group("tag"), m.group("name").lower())
        pos = m.end()
    tail = markdown[pos:]
    out.append(tail if skipping else segment(tail))
    return "".join(out)


def _tag(skipping: list[str], raw: str, name: str) -> None:
    if raw[1] == "/":
        if name in skipping:
            del skipping[len(skipping) - 1 - skipping[::-1].index(name):]
    elif not raw.endswith("/>") and (name in SKIP_TAGS or ("gk-" in raw and _skipped_class(raw))):
        skipping.append(name)


def _skipped_class(raw: str) -> bool:
    m = _CLASS.search(raw)
    return bool(m and SKIP_CLASSES & set(m.group(1).split()))


def link_contacts(site: Site, files: Mapping[str, str]) -> dict[str, str]:
    """Link contact names on every emitted page but the contacts page itself."""
    linker = Linker.of(site)
    return {path: (text if path == CONTACTS_PATH or not path.endswith(".md") else link_page(path, text, linker))
            for path, text in files.items()}


def center(site: Site) -> Contact | None:
    """The district's own contact: the organiser by name, else the first contact without an area."""
    contacts: tuple[Contact, ...] = site.of("contacts")
    organiser = site.config.organiser or ""
    return (next((c for c in contacts if c.name == organiser), None)
            or next((c for c in contacts if c.area is None), None))


def footer_ask(site: Site) -> dict[str, object]:
    """What the footer of every page says about whom to ask: the center's own entry (only its verified
    address, phone and hours; the rest said plainly to be still verified) and the national hotlines."""
    c = center(site)
    hotlines = [{"number": h.number, "name": h.name, "tel": f"tel:{h.number}"} for h in HOTLINES]
    if c is None:
        return {"name": "", "href": page_url(CONTACTS_PATH), "fields": [], "unverified": "", "hotlines": hotlines}
    fields, missing = [], []
    for label, key in (("地址", "address"), ("电话", "phone"), ("办公时间", "hours")):
        value = getattr(c, key)
        if value is None or key in c.pending:
            missing.append(label)
        else:
            fields.append({"label": label, "value": value, "tel": tel_url(value) if key == "phone" else ""})
    return {"name": c.name, "href": page_url(CONTACTS_PATH) + f"#{c.id}", "fields": fields,
            "unverified": f"{'、'.join(missing)}正在核实" if missing else "", "hotlines": hotlines}
