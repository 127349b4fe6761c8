"""The site check's page scanner: on the pages we build it finds exactly what html.parser finds, and on
hostile markup it reports every load a browser would make (and some it would not), never fewer."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.post.sitecheck_scan import RESOURCE_ATTRS, external, scan_html


@dataclass
class Reference(HTMLParser):
    """The scanner this one replaced (html.parser), kept as the reference on ordinary pages."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for attr in RESOURCE_ATTRS.get(tag, ()):
            for part in values.get(attr, "").split(","):
                url = part.strip().split(" ")[0]
                if url and url.startswith(("http://", "https://", "//")):
                    self.external.append(f"<{tag} {attr}={url}>")
        if tag == "link" and values.get("href", "").startswith(("http://", "https://", "//")):
            if values.get("rel", "") not in ("canonical", "alternate"):
                self.external.append(f"<link rel={values.get('rel', '')} href={values['href']}>")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])


def reference(html: str) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    parser = Reference()
    parser.feed(html)
    return frozenset(parser.ids), tuple(parser.links), tuple(parser.external)


@pytest.mark.parametrize("fixture", ["mini_site", "bundled_site"])
def test_built_pages_scan_as_html_parser_reads_them(fixture: str, request: pytest.FixtureRequest):
    site: Path = request.getfixturevalue(fixture)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        scan = scan_html(html)
        assert (scan.ids, scan.links, scan.external) == reference(html), page
        assert scan.links, page


IMG = "https://cdn.example.com/x.png"
LOADED = [  # markup that makes a browser fetch from another host
    f'<IMG SRC="{IMG}">',
    f"<img src = '{IMG}' alt=x>",
    "<img src=//cdn.example.com/x.png>",
    f'<img\nalt="a"\n\tsrc=\n"{IMG}"\n>',
    '<img src="&#104;ttps://cdn.example.com/x.png">',
    '<img src="https&colon;//cdn.example.com/x.png">',
    f'<img src=" {IMG}">',
    '<img src="ht\ttps://cdn.example.com/x.png">',
    '<img src="\\\\cdn.example.com/x.png">',
    '<img src="/\\cdn.example.com/x.png">',
    '<script src="HTTPS://cdn.example.com/a.js"></script>',
    f'<img alt="a>b" src="{IMG}">',
    f'<img alt=\'x"y\' src="{IMG}">',
    f'<img src="local.png" src="{IMG}">',
    f'<img srcset="a.png 1x, {IMG} 2x">',
    f'<div style="background:url( \'{IMG}\' )">x</div>',
    f'<div STYLE="background-image: image-set(&quot;{IMG}&quot; 1x)">x</div>',
    '<style>@import "https://cdn.example.com/a.css";</style>',
    "<style>body { background: URL(//cdn.example.com/x.png) }</style>",
    f'<svg><style><img src="{IMG}"></style></svg>',
    f'<iframe srcdoc="<img src=&quot;{IMG}&quot;>"></iframe>',
    f'<svg><image href="{IMG}"/></svg>',
    '<svg><use xlink:href="https://cdn.example.com/s.svg#i"/></svg>',
    '<base href="https://cdn.example.com/">',
    f'<input type="image" src="{IMG}">',
    '<link rel="preload" as="font" href="https://cdn.example.com/f.woff2">',
    '<link rel="alternate stylesheet" href="https://cdn.example.com/a.css">',
    '<link href="https://cdn.example.com/a.css">',
    '<link rel="stylesheet" href="\thttps://cdn.example.com/a.css">',
    f"<p title='it's'><img src={IMG}></p>",
    f'<img alt="never closed src={IMG}>',
    f'<script src="{IMG}"',
    f"<script>document.write('<img src=\"{IMG}\">')</script>",
    f"<title><img src={IMG}></title>",
    f'<video poster="{IMG}"></video>',
    '<object data="https://cdn.example.com/o.swf"></object>',
    f'<image src="{IMG}">',
    '<svg><script href="https://cdn.example.com/a.js"></script></svg>',
    f'<table><tr><td background="{IMG}">x</td></tr></table>',
]
NOT_LOADED = [  # markup that does not fetch anything from another host
    f'<!-- <img src="{IMG}"> -->',
    '<!--[if IE]><script src="https://cdn.example.com/a.js"></script><![endif]-->',
    f"<!-- a -- > <img src={IMG}> -->",
    f'<p title="<img src={IMG}>">x</p>',
    f"<p>&lt;img src=\"{IMG}\"&gt; {IMG}</p>",
    '<a href="https://www.example.gov.cn/">a link is not a load</a>',
    '<link rel="canonical" href="https://www.example.gov.cn/zsgk/">',
    '<link rel="Alternate" hreflang="en" href="https://www.example.gov.cn/en/">',
    '<img src="data:image/png;base64,AAAA">',
    '<img src="../assets/images/x.png" srcset="../a.png 2x">',
    "<div style=\"background:url('../x.png')\">x</div>",
]


@pytest.mark.parametrize("html", LOADED)
def test_every_load_from_another_host_is_found(html: str):
    assert scan_html(f"<!doctype html><html><body>{html}</body></html>").external, html


@pytest.mark.parametrize("html", NOT_LOADED)
def test_markup_that_loads_nothing_outside_is_not_reported(html: str):
    assert scan_html(f"<!doctype html><html><body>{html}</body></html>").external == (), html


def test_ids_and_links_as_a_browser_reads_them():
    scan = scan_html(
        '<DIV ID="Main">x</DIV><a name=top></a><A HREF="../x/">x</A><a href="#a" href="#b">first wins</a>'
        '<a href="&#35;top">decoded</a><a href>empty</a><!-- <a href="../hidden/" id="hidden"> -->'
        "<script>var s = '<a href=\"../in-script/\" id=\"in-script\">';</script>"
        '<textarea><a href="../in-text/" id="in-text"></textarea><SCRIPT>x</script ><Style>y</STYLE><b Id=after>')
    assert scan.ids == {"Main", "top", "after"}
    assert scan.links == ("../x/", "#a", "#top")


def test_urls_are_read_as_a_browser_reads_them():
    assert external("//cdn.example.com/x") and external(" HTTP://x") and external("\\\\x/y") and external("h\ntt\tps://x")
    assert not external("/assets/x.png") and not external("x.png") and not external("data:,x")
    assert not external("mailto:a@example.gov.cn")
