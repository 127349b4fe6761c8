"""A rebuild patches the previous build's index (generator/search/update.py): the patch of one posting
list equals encoding the changed list; a rebuild after edits equals a build without any cache, takes
the patch path when the pages are the same ones, links the unchanged data files, and merges every page
again when a page is added or removed."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from generator.post.search import build as search_build
from generator.post.search import update
from generator.post.search.build import IndexBuild
from generator.post.search.encoding import RICH_PAGES, dense_size, encode, patch, sparse_values
from generator.post.search.index import DATA_DIR, Facets, Head

FACETS = Facets(("问答", "政策解读"), ("甲镇", "乙镇"))
WORDS = ["征收", "补偿", "安置", "评估", "听证", "期限", "房屋", "土地", "公告", "协议"]


def posting(doc: int, weight: int, part: int) -> int:
    return doc << 22 | weight << 16 | part


@pytest.mark.parametrize("pages", [40, RICH_PAGES + 200])
def test_a_patch_equals_encoding_the_changed_list(pages: int):
    rng = random.Random(pages)
    for share in (0.02, 0.2, 0.5, 0.9):
        docs = sorted(rng.sample(range(pages), max(1, int(pages * share))))
        values = [posting(d, rng.randint(1, 63), rng.randint(0, 40)) for d in docs]
        text = encode(values, pages)
        for _ in range(20):
            doc = rng.randrange(pages)
            new = None if rng.random() < 0.4 else posting(doc, rng.randint(1, 63), rng.randint(0, 40))
            changed = sorted([v for v in values if v >> 22 != doc] + ([new] if new is not None else []))
            got = patch(text, pages, doc, new)
            if got is None:  # only a dense list turning sparse may not be patched
                assert text[0] in "~!" and len(changed) * 3 <= dense_size(pages)
            else:
                assert got == (encode(changed, pages) if changed else "")
    assert sparse_values(encode([posting(3, 9, 2), posting(70, 1, 0)], 1000)) == [posting(3, 9, 2), posting(70, 1, 0)]


def write_page(site: Path, url: str, title: str, body: str) -> None:
    path = site / url / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()  # the staging rule: a new file, never a rewrite
    path.write_text(f"<html><nav>导航</nav><article><h1>{title}</h1><h2>说明</h2><p>{body}</p></article></html>",
                    encoding="utf-8")


def make_site(site: Path, count: int) -> list[Head]:
    heads = []
    for i in range(count):
        url, title = f"faq/q{i:03d}/", f"第{i}个问题"
        words = "".join(WORDS[(i + k) % len(WORDS)] for k in range(1 + i % 7))
        write_page(site, url, title, f"{words}，编号{i:03d}的说明。" * (1 + i % 5))
        heads.append(Head(url, title, ("问答", "政策解读")[i % 2], (("甲镇", "乙镇")[i % 2],), 1.0))
    return sorted(heads, key=lambda h: (FACETS.sections.index(h.section), h.url))


def index_bytes(site: Path, heads: list[Head], cache: Path | None) -> dict[str, bytes]:
    shutil.rmtree(site / "search", ignore_errors=True)
    assert IndexBuild(site, cache, heads, {}).run({"过渡费": ["临时安置费"]}, FACETS) == []
    return {p.name: p.read_bytes() for p in sorted((site / DATA_DIR).iterdir())}


def test_a_rebuild_patches_the_index_and_equals_a_build_without_cache(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):
    site, cache = tmp_path / "site", tmp_path / "cache"
    heads = make_site(site, 60)
    index_bytes(site, heads, cache)
    write_page(site, heads[5].url, heads[5].title, "全新的内容：独有词语。")  # keys appear and vanish
    write_page(site, heads[40].url, heads[40].title, "征收补偿" * 30)
    write_page(site, heads[12].url, heads[12].title, "")  # nothing but the title
    heads[7] = heads[7]._replace(title="改过的标题")

    def no_full_merge(*args: object) -> None:
        raise AssertionError("the patch path merges no page")

    with monkeypatch.context() as m:
        m.setattr(search_build, "full_layout", no_full_merge)
        warm = index_bytes(site, heads, cache)
    linked = [p for p in (site / DATA_DIR).iterdir() if p.name != "meta.json" and p.stat().st_nlink > 1]
    assert len(linked) == len(warm) - 1, "every data file is linked from the file cache"
    assert warm == index_bytes(site, heads, None)
    assert warm == index_bytes(site, heads, cache), "nothing changed: the same bytes again"


def test_an_added_or_removed_page_merges_every_page_again(tmp_path: Path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    heads = make_site(site, 30)
    index_bytes(site, heads, cache)
    state = update.load(cache / "search-index.pickle", IndexBuild(site, cache, heads, {}).version)
    assert state is not None and not update.same_pages(state, heads[1:])
    assert index_bytes(site, heads[1:], cache) == index_bytes(site, heads[1:], None)
    write_page(site, "faq/zz-new/", "新问题", "新增的问答。")
    more = sorted([*heads, Head("faq/zz-new/", "新问题", "问答", (), 1.0)],
                  key=lambda h: (FACETS.sections.index(h.section), h.url))
    assert index_bytes(site, more, cache) == index_bytes(site, more, None)


def test_a_file_missing_from_the_cache_merges_every_page_again(tmp_path: Path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    heads = make_site(site, 30)
    index_bytes(site, heads, cache)
    for kept in (cache / "search-data").rglob("*.bin"):
        kept.unlink()
    write_page(site, heads[3].url, heads[3].title, "改过的说明。")
    assert index_bytes(site, heads, cache) == index_bytes(site, heads, None)
