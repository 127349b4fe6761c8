"""The Page value: everything the emit stage needs to write one Markdown page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .links import page_url


@dataclass(frozen=True)
class Page:
    path: str  # e.g. policies/house-expropriation-regulation-2011.md
    title: str
    section: str  # Chinese section name (栏目), e.g. 政策文件
    kind: str  # content type key, or "index"/"home"
    description: str
    updated: dt.date
    template: str  # template file under generator/templates/pages/
    context: Mapping[str, Any] = field(default_factory=dict)
    sample: bool = False  # shows figures that are sample data
    areas: tuple[str, ...] = ()  # town/street names this page concerns (search filter)
    published: dt.date | None = None
    share_image: str = ""  # site-relative URL of the page's share image (its 一图读懂 PNG), "" for the site's
    change: str = ""  # what the current version changed, in plain words with old -> new figures (history.py)

    @property
    def url(self) -> str:
        return page_url(self.path)


def latest(dates: list[dt.date], fallback: dt.date) -> dt.date:
    return max(dates) if dates else fallback
