"""Search index layout: the directory in meta.json finds every key record, head and text window (read
here in Python exactly as gk-search.js reads them); content-named files, so an edit to one page changes
one page file; the work cache never changes a byte and reads only changed pages; range requests in
Chromium fetch small pieces and give the same results as a server that ignores them."""

from __future__ import annotations

import json
import shutil
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, serve_dir

from generator import pipeline
from generator.pages import derive_pages
from generator.post.search import documents, index, search_index
from generator.post.search.encoding import decode_postings, decode_varints
from generator.post.search.extract import PageText
from generator.post.search.postings import WINDOW, Doc, entry
from generator.post.search.tokens import bucket

FACETS = index.Facets(("问答", "政策解读"), ("甲镇", "乙镇"))


def make_docs(count: int, edited: int = -1) -> list[Doc]:
    docs = []
    for i in range(count):
        body = f"第{i}号页面正文，征收补偿与临时安置费的说明。" * (3 + i % 40) + f"独有词{i:04d}在末尾。"
        if i == edited:
            body += "新加一句话。"
        text = PageText(f"标题{i}", (f"小标题{i % 7}",), (f"小标题{i % 7}", body))
        docs.append(Doc(f"faq/p-{i:04d}/", f"标题{i}", ("问答", "政策解读")[i % 2], (("甲镇", "乙镇")[i % 2],),
                        entry(f"标题{i}", text)))
    return docs


class Reader:
    """The browser's reading of the index files (gk-search.js loadMeta, loadSlot, loadResult)."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = {rel.rsplit("/", 1)[-1]: data for rel, data in files.items()}
        self.meta = json.loads(self.files["meta.json"])

    def key(self, key: str) -> str | None:
        keys = self.meta["keys"]
        starts = list(accumulate(decode_varints(keys["dir"])))
        slot = bisect_right(starts, bucket(key)) - 1
        data = self.located(keys["files"], [0] * len(starts), decode_varints(keys["len"]), slot)[1].decode()
        found = dict(line.split(" ", 1) for line in data.splitlines())
        return found.get(key)

    def located(self, files: list[list[object]], heads: list[int], lengths: list[int], item: int) -> tuple[bytes, bytes]:
        """(head, body) of item `item` of files listed as [[name, item count]]."""
        first = 0
        for name, count in files:
            assert isinstance(name, str) and isinstance(count, int)
            if item < first + count:
                at = sum(heads[j] + lengths[j] for j in range(first, item))
                data = self.files[name]
                return data[at: at + heads[item]], data[at + heads[item]: at + heads[item] + lengths[item]]
            first += count
        raise IndexError(item)

    def page(self, doc: int) -> tuple[list[str], bytes]:
        pages = self.meta["pages"]
        head, text = self.located(pages["files"], decode_varints(pages["head"]), decode_varints(pages["len"]), doc)
        return json.loads(head), text


@pytest.fixture
def small_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index, "FILE_BYTES", 4096)
    monkeypatch.setattr(index, "SLOT_BYTES", 256)


def test_the_directory_finds_every_key_head_and_window(small_files: None):
    docs = make_docs(300)
    files = index.build_index(docs, {}, FACETS)
    reader = Reader(files)
    ordered = index.order_docs(docs, FACETS)
    assert len(decode_varints(reader.meta["keys"]["dir"])) > 16 and len(reader.meta["keys"]["files"]) > 1
    assert len(reader.meta["pages"]["files"]) > 5
    for doc_id, doc in enumerate(ordered):
        head, text = reader.page(doc_id)
        assert head == [doc.url, doc.title, doc.section] and text == doc.entry.text
    for doc_id in (0, 137, 299):
        unique = ordered[doc_id].url[-5:-1]
        postings = decode_postings(reader.key("词" + unique[0]) or "")
        assert doc_id in [d for d, _, _ in postings]
        for key in (f"{unique[2]}{unique[3]}", "独有"):
            found = {d: part for d, _, part in decode_postings(reader.key(key) or "")}
            assert doc_id in found
        window = {d: part for d, _, part in decode_postings(reader.key("独有") or "")}[doc_id]
        text = reader.page(doc_id)[1]
        assert window * WINDOW <= text.index("独有".encode()) < (window + 1) * WINDOW, "the key's first window"
    assert reader.key("没有的词") is None


def test_names_are_content_hashes_and_an_edit_changes_one_page_file(small_files: None):
    before = index.build_index(make_docs(300), {}, FACETS)
    again = index.build_index(make_docs(300), {}, FACETS)
    assert again == before, "the same pages give the same bytes"
    after = index.build_index(make_docs(300, edited=150), {}, FACETS)
    for data_files in (before, after):
        for rel, data in data_files.items():
            assert rel == "search/data/meta.json" or rel == f"search/data/{index.name(data)}"
    pages_of = {name for rel in (before, after) for name, _ in Reader(rel).meta["pages"]["files"]}
    changed = set(before) ^ set(after)
    assert len(changed & {f"search/data/{n}" for n in pages_of}) == 2, "one page file replaced by one"


@pytest.fixture(scope="module")
def mini_project(tmp_path_factory: pytest.TempPathFactory, mini_site: Path) -> tuple[Path, Path]:
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("search-cache") / "p")
    site_dir = project.parent / "site"
    shutil.copytree(mini_site, site_dir)
    shutil.rmtree(site_dir / "search" / "data")
    return project, site_dir


def index_tree(project: Path, site_dir: Path, cache: Path | None) -> dict[str, bytes]:
    site, diags = pipeline.analyse(project)
    assert site is not None, diags
    shutil.rmtree(site_dir / "search" / "data", ignore_errors=True)
    assert not search_index(site, derive_pages(site), site_dir, cache)
    return {str(p.relative_to(site_dir)): p.read_bytes() for p in sorted((site_dir / "search").rglob("*"))
            if p.is_file()}


def test_warm_cache_reads_only_the_changed_page_and_equals_a_cold_build(
        mini_project: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project, site_dir = mini_project
    cache = tmp_path / "cache"
    cold = index_tree(project, site_dir, cache)
    page = site_dir / "faq/transition-fee/index.html"
    html = page.read_text(encoding="utf-8")
    page.unlink()  # the staging rule: a new file, never a rewrite of a staged one
    page.write_text(html.replace("</article>", "<p>新增的独特说明文字</p></article>", 1), encoding="utf-8")
    read: list[int] = []

    def counting(task: str, items: list[object], *args: object, **kwargs: object) -> list[object]:
        read.append(len(items))
        from generator.parallel.fanout import task_function
        return task_function(task)(list(items))

    monkeypatch.setattr("generator.post.search.entries.fan_out", counting)
    warm = index_tree(project, site_dir, cache)
    assert read == [1], "only the edited page is read again"
    assert warm == index_tree(project, site_dir, None), "the cache never changes a byte"
    assert warm != cold and warm["search/data/meta.json"] != cold["search/data/meta.json"]
    site, _ = pipeline.analyse(project)
    assert site is not None
    docs, _ = documents(derive_pages(site), site_dir, cache)
    found = Reader({k: v for k, v in warm.items()}).key("独特")
    assert found and len(decode_postings(found)) == 1 and len(docs) > 10


def test_range_requests_fetch_small_pieces_and_find_the_same(browser, mini_site: Path):
    from scripts.bench_search import serve

    def search(base: str, q: str) -> tuple[list[str], list[str], list[tuple[int, int]]]:
        ctx = browser.new_context()  # an empty HTTP cache (Chromium answers ranges from a cached whole file)
        page = ctx.new_page()
        got: list[tuple[int, int]] = []
        page.on("response", lambda r: got.append((r.status, len(r.body()))) if "/search/data/" in r.url
                and not r.url.endswith("meta.json") else None)
        page.goto(base + "search/?q=" + q)
        page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
        hrefs = page.eval_on_selector_all(".gk-search-result a", "els => els.map(e => e.getAttribute('href'))")
        snippets = page.locator(".gk-search-snippet").all_inner_texts()
        ctx.close()
        return hrefs, snippets, got

    for q in ("过渡费", "评估", "被拆迁人"):
        ranged = search(serve(mini_site), q)
        whole = search(serve_dir(mini_site), q)
        assert ranged[0] and ranged[:2] == whole[:2], q
        assert {status for status, _ in ranged[2]} == {206}
        assert max(size for _, size in ranged[2]) <= 2048, ranged[2]
        assert 200 in {status for status, _ in whole[2]}, "that server sends whole files"
