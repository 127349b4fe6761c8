"""Search: tokens (Python and the browser agree), index files, page text, and the search page in Chromium
(no search data before searching, WeChat user agent, sub-path, no JavaScript, safe snippets)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, WECHAT_UA, copy_project, serve_dir

from generator import pipeline
from generator.post.search import index
from generator.post.search.encoding import decode_postings, decode_varints, postings_text, varint
from generator.post.search.extract import PageText, page_text
from generator.post.search.postings import Doc, entry
from generator.post.search.tokens import bucket, keys_of_run, normalise, query_keys, query_terms, runs

SAMPLES = ["国务院令第５９０号", "《国有土地上房屋征收与补偿条例》第十九条", "ＡＢＣ 过渡费，临时安置费！", "第 590 号",
           "杜政办〔2024〕1号", "𠀀𠀁字", "①②", "   ", "Ｘ光·检查—结果", "拆迁款多少钱", "不同意补偿怎么办", "住哪里", "吗",
           "钱什么时候到", "俺家老房子咋赔的", "２０２５年的审计", "请问一下我们村哪个项目到哪一步了"]


def test_normalise_drops_spaces_and_breaks_at_punctuation():
    assert normalise("第 ５９０ 号") == "第590号"
    assert runs("《条例》第十九条，过渡费") == ["条例", "第十九条", "过渡费"]
    assert query_keys("过渡费") == ["过渡", "渡费"] and query_keys("房") == ["房"]


def test_every_character_and_bigram_of_a_run_is_a_key():
    """What makes every substring of two or more characters findable: the index holds each bigram."""
    assert list(keys_of_run("过渡费")) == ["过", "过渡", "渡", "渡费", "费"]
    assert all(k in set(keys_of_run("临时安置费")) for k in query_keys("安置费"))


def test_encodings_round_trip():
    for n in (0, 1, 31, 32, 1023, 1024, 10**6):
        assert decode_varints(varint(n)) == [n]
    sparse = [(0, 5, 0), (3, 63, 2), (2999, 1, 40)]
    assert decode_postings(postings_text(sparse, 3000)) == sparse
    many = [(i, 50, 1) for i in range(0, 3000, 2)]
    packed = postings_text(many, 3000)
    assert packed.startswith("!") and len(packed) <= 1001
    assert [d for d, _, _ in decode_postings(packed)] == [d for d, _, _ in many]
    rich = postings_text([(i, 50, 3) for i in range(0, 90, 2)], 90)
    assert rich.startswith("~") and decode_postings(rich)[0] == (0, 50, 3)


def test_page_text_is_the_article_without_furniture():
    html = ("<html><nav>导航栏目</nav><article><h1>过渡费给多久</h1><p class='gk-updated'>更新日期</p><h2>依据</h2>"
            "<p>临时安置费<br>按月支付</p><details class='gk-qr'><p>扫描二维码</p></details>"
            "<div data-search='skip'>不要索引</div><p class='gk-back'>返回</p></article><footer>主办单位</footer></html>")
    text = page_text(html)
    assert text is not None
    assert text.title == "过渡费给多久" and text.headings == ("依据",)
    assert text.blocks == ("依据", "临时安置费", "按月支付")
    assert page_text("<html><body>没有正文</body></html>") is None


def test_page_text_skips_script_and_style_bodies_and_comments():
    assert page_text("<article><p>甲<script>if (a<b) { x = '</p><p>乙'; }</script>丙</p><p>丁 &amp; 戊</p></article>") == \
        PageText("", (), ("甲丙", "丁 & 戊"))
    assert page_text("<article><SCRIPT>x<p>藏</p></SCRIPT><p>见</p><script/><p>也见</p><!-- <p>注释</p> -->"
                     "<style>没有结束 <p>不见</p></article>") == PageText("", (), ("见", "也见"))
    assert page_text("<article><h1>题</h1><p>一</p></article><p>正文之外</p><article><p>第二篇</p></article>") == \
        PageText("题", (), ("一",)), "the first article ends the walk"


@pytest.fixture(scope="module")
def mini_copy(mini_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini site published under a sub-path: <root>/zsgk/."""
    root = tmp_path_factory.mktemp("subpath")
    shutil.copytree(mini_site, root / "zsgk")
    return root


def test_index_files_are_few_content_named_and_deterministic(mini_site: Path, tmp_path: Path):
    meta = json.loads((mini_site / "search/data/meta.json").read_text(encoding="utf-8"))
    assert meta["n"] >= 10 and meta["syn"], "glossary aliases become synonyms"
    files = sorted(p.name for p in (mini_site / "search/data").iterdir() if p.name != "meta.json")
    assert files == sorted({f for kind in ("keys", "pages") for f, _ in meta[kind]["files"]})
    assert len(files) <= 6, "a small site's index is a handful of files"
    for name in files:
        assert name == index.name((mini_site / "search/data" / name).read_bytes())
    again = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert pipeline.build(again, again / "site").published
    assert (again / "site/search/data/meta.json").read_bytes() == (mini_site / "search/data/meta.json").read_bytes()


def test_browser_tokens_match_python(browser, mini_site: Path):
    page = browser.new_page()
    page.goto(serve_dir(mini_site) + "search/")
    for text in SAMPLES:
        js = page.evaluate("t => window.gkSearchTokens.queryTerms(t)", text)
        assert js == query_terms(text), text
        for term in js:
            assert page.evaluate("t => window.gkSearchTokens.keysOf(t)", term) == query_keys(term)
            for key in query_keys(term):
                assert page.evaluate("k => window.gkSearchTokens.bucket(k)", key) == bucket(key)
    page.close()


def test_page_view_downloads_no_search_data_and_header_box_finds(browser, mini_copy: Path):
    base = serve_dir(mini_copy) + "zsgk/"
    ctx = browser.new_context(user_agent=WECHAT_UA, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = ctx.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(base + "faq/transition-fee/", wait_until="networkidle")
    assert not [u for u in urls if "/search/" in u or "gk-search" in u and u.endswith(".js")]
    page.fill("#gk-searchbar-q", "过渡费")
    page.press("#gk-searchbar-q", "Enter")
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
    assert page.url.startswith(base + "search/?q=")
    first = page.locator(".gk-search-result").first
    assert "过渡" in first.locator("mark").first.inner_text() or first.locator("a").inner_text().startswith("过渡费")
    first.locator("a").click()
    page.wait_for_load_state()
    assert page.url.startswith(base) and page.locator("h1").inner_text()
    ctx.close()


def test_synonym_and_filters(browser, mini_site: Path):
    page = browser.new_page()
    page.goto(serve_dir(mini_site) + "search/")
    page.evaluate("() => window.gkSearch('被拆迁人')")
    assert page.locator(".gk-search-result mark", has_text="被征收人").count() >= 1
    page.evaluate("() => window.gkSearch('临时安置费', {type: '问答'})")
    sections = page.locator(".gk-search-result__section").all_inner_texts()
    assert sections and set(sections) == {"问答"}
    page.close()


def test_snippets_are_text_not_html(browser, mini_site: Path, tmp_path: Path):
    text = PageText("", (), ("<b>过渡费</b>",))
    doc = Doc("x/", "<img src=x onerror=alert(1)>", "问答", (), entry("<img src=x onerror=alert(1)>", text))
    for rel, data in index.build_index([doc], {}, index.Facets(("问答",), ())).items():
        (tmp_path / rel.rsplit("/", 1)[-1]).write_bytes(data)
    page = browser.new_page()
    page.route("**/search/data/*", lambda route: route.fulfill(path=tmp_path / route.request.url.rsplit("/", 1)[-1]))
    page.goto(serve_dir(mini_site) + "search/?q=过渡费")
    page.wait_for_function("document.documentElement.getAttribute('data-gk-search') === 'done'")
    assert page.locator(".gk-search-result img, .gk-search-result b").count() == 0
    assert "<img" in page.locator(".gk-search-result a").first.inner_text()
    assert "<b>过渡费</b>" in page.locator(".gk-search-snippet").first.inner_text()
    page.close()


def test_without_javascript_the_box_leads_to_the_section_pages(browser, mini_site: Path):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(serve_dir(mini_site) + "faq/")
    page.fill("#gk-searchbar-q", "过渡费")
    page.press("#gk-searchbar-q", "Enter")
    page.wait_for_load_state()
    assert "/search/?q=" in page.url
    assert page.locator(".gk-search-nojs").is_visible()
    links = page.locator("#gk-search-browse a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "../standards/" in links and "../faq/" in links
    ctx.close()


def test_missing_page_and_shared_alias_are_reported(tmp_path: Path, mini_site: Path):
    from generator.pages import derive_pages
    from generator.post.search import documents
    from generator.post.search.synonyms import synonyms

    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    terms = project / "content/glossary/terms.yml"
    terms.write_text(terms.read_text(encoding="utf-8") + "- id: x-dup\n  term: 周转用房\n  aliases: [过渡费]\n"
                     "  gloss: 安置房交付前住的房子。\n  updated: 2025-01-01\n", encoding="utf-8")
    site, diags = pipeline.analyse(project)
    assert site is not None, [d.format() for d in diags]
    _, found = synonyms(site)
    assert found and {d.code for d in found} == {"Q802"} and found[0].line > 0
    _, missing = documents(derive_pages(site), tmp_path / "empty")
    assert missing and {d.code for d in missing} == {"Q801"}
