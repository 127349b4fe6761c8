"""`.well-known/security.txt` (RFC 9116, RELIABILITY row 35): Contact lines from the site settings, a
reproducible Expires (last content update + 365 days), a B607 warning 30 days before it passes."""

from __future__ import annotations

import datetime as dt

from conftest import FIXTURES, source_copy

from generator import pipeline
from generator.post.security_txt import expires, security_txt

MINI = source_copy(FIXTURES / "mini")  # analysing the fixture itself would write its cache into the source tree

def test_security_txt_has_contact_expires_and_canonical():
    site, _ = pipeline.analyse(MINI)
    assert site is not None
    text = security_txt(site) or ""
    assert "Contact: tel:0571-12345678\n" in text
    assert f"Expires: {expires(site).isoformat()}T00:00:00+08:00\n" in text
    assert "Canonical: https://example.gov.cn/zsgk/.well-known/security.txt\n" in text
    assert expires(site) == dt.date(2026, 1, 10)  # the latest `updated` (2025-01-10) + 365 days


def test_expiry_is_warned_about_30_days_ahead_and_after():
    project = MINI
    codes = {day: [d.code for d in pipeline.check(project, today=dt.date.fromisoformat(day)) if d.code == "B607"]
             for day in ("2025-12-10", "2025-12-12", "2026-02-01")}
    assert codes == {"2025-12-10": [], "2025-12-12": ["B607"], "2026-02-01": ["B607"]}


def test_a_site_without_a_usable_contact_gets_no_file():
    site, _ = pipeline.analyse(MINI)
    assert site is not None
    bare = site.config.model_copy(update={"contacts": [], "error_report_url": None})
    assert security_txt(type(site)(**{**site.__dict__, "config": bare})) is None
