"""The site check over a whole site: each kind of broken link is named, and a warm cache (page facts
kept by file identity and by content) gives exactly what a cold one gives, also when a change to one
page breaks a link on another page whose facts come from the cache."""

from __future__ import annotations

import os
import posixpath
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.post import sitecheck

FAQ = "faq/transition-fee/index.html"
POLICY = "policies/house-regulation/index.html"


def replace(page: Path, old: str, new: str) -> None:
    """Change a staged page as the build does: a new file put in its place, never written through."""
    html = page.read_text(encoding="utf-8")
    assert old in html
    part = page.with_name(page.name + ".part")
    part.write_text(html.replace(old, new, 1), encoding="utf-8")
    os.replace(part, page)


def messages(diags: list) -> list[str]:
    return [f"{d.path} {d.code} {d.message}" for d in diags]


@pytest.fixture
def site(mini_site: Path, tmp_path: Path) -> Path:
    return shutil.copytree(mini_site, tmp_path / "site", copy_function=os.link)


def test_each_kind_of_broken_link_is_named(site: Path):
    assert sitecheck.check_site(site) == []
    links = ('<a href="../../policies/house-regulation/#art-999">anchor</a>'
             '<a href="../../no-such-page/">page</a><a href="../../../../outside/">outside</a>'
             '<a href="/zsgk/faq/">absolute</a><a href="#nowhere">own anchor</a>'
             '<a href=" ../../glossary/#expropriation ">spaces</a><a href="../../glossary">folder</a>'
             '<a href="../../feed.xml">file</a><a href="../../%E6%97%A0/">encoded</a>'
             '<a href="mailto:a@example.gov.cn">mail</a><a href="https://www.example.gov.cn/x/">other site</a>')
    replace(site / FAQ, "</article>", links + "</article>")
    found = messages(sitecheck.check_site(site))
    problems = ["../../policies/house-regulation/#art-999（锚点 #art-999 不存在）",
                "../../no-such-page/（页面不存在）", "../../../../outside/（指向站点之外）",
                "/zsgk/faq/（页面不存在）", "#nowhere（锚点 #nowhere 不存在）", "../../%E6%97%A0/（页面不存在）"]
    assert found == [f"{FAQ} B603 站内链接失效：{p}" for p in problems]


def test_an_encoded_anchor_matches_its_id(site: Path):
    replace(site / FAQ, "</article>", '<a href="../../policies/house-regulation/#%E7%AC%AC%E5%8D%81%E6%9D%A1">x</a>'
                                      "</article>")
    assert sitecheck.check_site(site) == []


def test_warm_equals_cold_when_pages_change(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    cache = tmp_path / "cache"
    assert sitecheck.check_site(site, cache) == []
    scanned: list[str] = []
    real = sitecheck.file_facts

    def counting(jobs: list[tuple[str, str]]) -> list[object]:
        scanned.extend(rel for rel, _ in jobs)
        return real(jobs)

    monkeypatch.setattr(sitecheck, "fan_out", lambda task, jobs: counting(jobs))
    assert sitecheck.check_site(site, cache) == [] and scanned == []
    replace(site / POLICY, 'id="art-22"', 'id="art-22-moved"')  # breaks the FAQ's link, not the FAQ
    replace(site / "faq/index.html", "</article>", '<img src="https://cdn.example.com/x.png"></article>')
    warm = sitecheck.check_site(site, cache)
    assert sorted(scanned) == ["faq/index.html", POLICY], "only the changed pages are read again"
    assert warm == sitecheck.check_site(site, tmp_path / "cold-cache") == sitecheck.check_site(site)
    found = messages(warm)
    assert found[0] == "faq/index.html B602 页面从外部网站加载资源：<img src=https://cdn.example.com/x.png>"
    assert f"{FAQ} B603 站内链接失效：../../policies/house-regulation/#art-22（锚点 #art-22 不存在）" in found
    assert all("#art-22（锚点 #art-22 不存在）" in m for m in found[1:])
    scanned.clear()
    (site / "glossary" / "index.html").unlink()
    warm = sitecheck.check_site(site, cache)
    assert scanned == [] and warm == sitecheck.check_site(site)
    assert f"{FAQ} B603 站内链接失效：../../glossary/#expropriation（页面不存在）" in messages(warm)


def test_a_page_rendered_again_into_the_same_bytes_is_not_scanned(site: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch):
    cache = tmp_path / "cache"
    sitecheck.check_site(site, cache)
    replace(site / FAQ, "</html>", "</html>")  # a new file, the same bytes
    monkeypatch.setattr(sitecheck, "fan_out", lambda task, jobs: pytest.fail(f"scanned {jobs}") if jobs else [])
    assert sitecheck.check_site(site, cache) == []


def reference_need(rel: str, href: str) -> sitecheck.Need | None:
    """What a link needs, by posixpath and urllib alone (the quick path must agree)."""
    href = href.strip(" \t\n\r\f")
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    if not parts.path:
        return (rel, None, unquote(parts.fragment))
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
    return (sitecheck.OUTSIDE, False, "") if target.startswith("..") else \
        (target, parts.path.endswith("/"), unquote(parts.fragment))


def test_links_resolve_as_posixpath_resolves_them():
    hrefs = ["x", "x/", "../", "../../", "../../../", "../../../../x/", "./", ".", "..", "../..", "../x/./y",
             "../x//y/", "/abs/", "x/../y", "a.b/", "../.hidden/", "./x", "..x/", "x..", "#f", "?q", "../x/#a%20b",
             "%2E%2E/", "../%E6%97%A0/", " ../y/ ", "mailto:x", "https://x/y", "//x/y", "../../x.html#top"]
    for rel in ("index.html", "404.html", "faq/index.html", "faq/q-1/index.html", "a/b/c/d.html"):
        assert sitecheck.needs_of(rel, hrefs) == {n for h in hrefs if (n := reference_need(rel, h))}, rel
        for href in hrefs:
            assert sitecheck.need(rel, href) == reference_need(rel, href), (rel, href)


def test_with_coarse_timestamps_a_page_is_known_by_its_bytes_only(site: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    policy = site / POLICY
    replace(policy, "</html>", "</html>")  # this copy's own file, so it may be written in place below
    os.utime(policy, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))  # whole seconds, as on FAT
    assert sitecheck.check_site(site, cache) == []
    html = policy.read_text(encoding="utf-8")
    policy.write_text(html.replace('id="art-22"', 'id="art-99"', 1), encoding="utf-8")  # same size, same inode
    os.utime(policy, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert any("#art-22（锚点 #art-22 不存在）" in m for m in messages(sitecheck.check_site(site, cache)))
