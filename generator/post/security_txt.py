"""Post-processor: `.well-known/security.txt` (RFC 9116), so a person who finds a security problem on the
site knows whom to tell.

`Contact` lines come from the site settings (the 找错 address, then every e-mail address and telephone
number among `contacts`). `Expires` is required and must not lie in the past; it is the day the content
was last updated plus 365 days, so the file is reproducible (no clock) and a site left unedited for a
year says so. `expiry_diagnostics` warns (B607) when, on the day freshness is judged, it has passed or
is less than 30 days away. A site with no e-mail address, telephone number or 找错 address gets no file.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..diagnostics import Diagnostic, warning
from ..pages import Page
from ..rules.references import Site

PATH = ".well-known/security.txt"
VALID_DAYS = 365
WARN_DAYS = 30
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")


def last_update(site: Site) -> dt.date:
    """The latest `updated` date in the site settings and every item."""
    dates = [site.config.updated]
    for key in site.items:
        dates += [d for d in (getattr(item, "updated", None) for item in site.of(key)) if isinstance(d, dt.date)]
    return max(dates)


def expires(site: Site) -> dt.date:
    return last_update(site) + dt.timedelta(days=VALID_DAYS)


def contacts(site: Site) -> list[str]:
    found = [site.config.error_report_url] if site.config.error_report_url else []
    for channel in site.config.contacts:
        value = channel.value.strip()
        if _EMAIL.match(value):
            found.append(f"mailto:{value}")
        elif _PHONE.match(value):
            found.append("tel:" + re.sub(r"[ ()]", "", value))
    return found


def security_txt(site: Site) -> str | None:
    lines = [f"Contact: {c}" for c in contacts(site)]
    if not lines:
        return None
    base = site.config.base_url.rstrip("/") + "/"
    return "\n".join([f"# {site.config.name}：发现本站安全问题，请按下列方式告知（RFC 9116）", *lines,
                      f"Expires: {expires(site).isoformat()}T00:00:00+08:00", "Preferred-Languages: zh",
                      f"Canonical: {base}{PATH}"]) + "\n"


def write_security_txt(site: Site, pages: tuple[Page, ...], staged: Path) -> list[Diagnostic]:
    text = security_txt(site)
    if text is not None:
        (staged / PATH).parent.mkdir(parents=True, exist_ok=True)
        (staged / PATH).write_text(text, encoding="utf-8")
    return []


def expiry_diagnostics(site: Site, today: dt.date) -> list[Diagnostic]:
    left = (expires(site) - today).days
    if not contacts(site) or left >= WARN_DAYS:  # no contact: no file (docs/reliability-matrix.md row 35)
        return []
    what = f"已于 {expires(site).isoformat()} 过期" if left < 0 else f"将在 {left} 天后（{expires(site).isoformat()}）过期"
    return [warning("site_config.yml", 0, 0, "B607", f"security.txt {what}：它的有效期是内容最后更新日期加一年",
                    "核对内容后更新任意一条内容的 updated（或 site_config.yml 的 updated），重新构建。")]
