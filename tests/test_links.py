"""Relative links between pages (generator/pages/links.py) agree with posixpath on any page layout."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from generator.pages.links import page_url, relative, to_root

segment = st.sampled_from(["a", "b", "faq", "projects", "x-1", "index"])
path = st.lists(segment, min_size=0, max_size=3).map(lambda parts: "/".join([*parts, "index"]) + ".md"
                                                      if not parts or parts[-1] == "index"
                                                      else "/".join(parts) + ".md")


@given(path, path, st.sampled_from(["", "art-19"]))
def test_relative_matches_posixpath(a: str, b: str, anchor: str):
    here, there = page_url(a), page_url(b)
    expected = posixpath.relpath(there or ".", here or ".")
    expected = ("./" if expected == "." else expected + "/") + (f"#{anchor}" if anchor else "")
    assert relative(a, b, anchor) == expected


@given(path)
def test_the_root_is_reached_from_every_page(a: str):
    assert posixpath.normpath(posixpath.join(page_url(a), relative(a, "index.md"))) == "."
    assert relative(a, "index.md") == to_root(a)
