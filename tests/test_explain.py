"""Plain-language explainers in the generator: inline glossary terms, the plain-language lint, the
step-by-step procedure page with its SVG flow diagram, the glossary order, and the golden pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project
from explain_project import PROJECT, explain_site
from golden_pages import GOLDEN

from generator.commands.cli import main
from generator.emit.emit import environment
from generator.pages import derive_pages
from generator.pages.flowchart import flowchart, short_limit, wrap
from generator.pages.glossary_inline import Glossary, _environment, annotate
from generator.pipeline import markdown_files
from generator.rules.plain_language import MAX_SENTENCE, plain_language_diagnostics, sentence_length

FRONT = '---\ntitle: "征收"\n---\n\n'


def explained(markdown: str, path: str = "faq/x.md") -> str:
    return annotate(path, markdown, Glossary.of(explain_site().of("glossary")), _environment())


def links(text: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="gk-term" href="([^"]+)" data-term="[^"]*" data-gloss="[^"]*">([^<]+)</a>', text)


def test_first_occurrence_per_page_becomes_an_inline_explanation():
    # Once per page (issue 11): 征收 underlined on every section read as noise.
    text = explained(FRONT + "# 征收\n\n征收要给补偿，征收要公开。\n\n## 第二节 { #b }\n\n再说征收。\n")
    assert links(text) == [("../../glossary/#expropriation", "征收")]
    assert text.startswith(FRONT) and "# 征收\n" in text and "## 第二节 { #b }" in text


def test_aliases_and_longest_terms_win():
    text = explained("过渡费给多久？被征收人可以选房屋产权调换。")
    assert links(text) == [("../../glossary/#temporary-resettlement-fee", "过渡费"),
                           ("../../glossary/#expropriated-person", "被征收人"),
                           ("../../glossary/#property-swap", "房屋产权调换")]
    assert 'data-term="临时安置费"' in text and 'data-gloss="安置房交付前自行租房过渡的补贴。"' in text


@pytest.mark.parametrize("markup", [
    '<a class="gk-cite" href="x/" data-quote="征收补偿方案">《条例》</a>',
    "<h2>征收</h2>", "<th>征收</th>", "[征收](../x/)", "`征收`", '<p title="征收">', "{ #征收 }",
    '<svg role="img"><text>征收</text></svg>', "<label>征收</label>",
    "依据《国有土地上房屋征收与补偿条例》", '<table class="gk-docmeta"><tr><td>征收中心</td></tr></table>', '<dl class="gk-meta"><dd>征收</dd></dl>',
])
def test_terms_are_never_put_inside_links_headings_attributes_or_code(markup):
    assert explained(markup) == markup


def test_glossary_page_is_left_alone_and_html_is_escaped():
    site = explain_site()
    files = markdown_files(site, derive_pages(site))
    assert 'class="gk-term"' not in files["glossary/index.md"]
    assert 'class="gk-term"' in files["standards/house.md"]
    assert all("<a class=\"gk-term\"" not in line for line in files["standards/house.md"].splitlines()
               if line.startswith("#"))


def test_glossary_is_ordered_by_pinyin():
    site = explain_site()
    page = markdown_files(site, derive_pages(site))["glossary/index.md"]
    order = re.findall(r'<dt id="([^"]+)">', page)
    assert order == ["relocation-fee", "expropriated-person", "compensation-decision", "compensation-agreement",
                     "property-swap", "expropriation-decision", "public-interest", "cash-compensation",
                     "temporary-resettlement-fee", "administrative-reconsideration", "administrative-litigation",
                     "expropriation", "compensation-plan", "interim-housing"]


def test_sentence_length_ignores_punctuation_and_counts_titles_as_one_unit():
    assert sentence_length("被征收人，可以申请行政复议。") == 12
    assert sentence_length("《国有土地上房屋征收与补偿条例》第十九条") == 2 + 4


def _project_with(tmp_path: Path, path: str, old: str, new: str) -> Path:
    project = copy_project(PROJECT, tmp_path / "p")
    target = project / path
    target.write_text(target.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return project


def test_lint_warns_on_long_sentences_and_fails_only_under_strict(tmp_path: Path, capsys):
    long = "被征收人" + "对补偿有疑问的可以先向征收中心咨询" * 5 + "。"
    project = _project_with(tmp_path, "content/compensation_standards/house.yml",
                            "what_i_can_do: 核对结构和面积。", f"what_i_can_do: {long}")
    assert main(["check", "--root", str(project)]) == 0
    assert main(["check", "--root", str(project), "--strict"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"content/compensation_standards/house.yml:\d+:\d+: 警告 D951 句子太长（\d+ 字）", err)
    assert sentence_length(long) > MAX_SENTENCE


def test_lint_finds_legal_terms_without_glossary_entry_and_typed_examples(tmp_path: Path):
    from generator import pipeline

    project = _project_with(tmp_path, "content/compensation_standards/land.yml", "what_it_means: 面积乘以区片价格。",
                            "what_it_means: 申请强制执行前要催告。举例：2 亩按 52000.00 元/亩计算，共 104000.00 元。")
    site, diags = pipeline.analyse(project)
    assert site is not None
    found = sorted((d.code, d.message) for d in plain_language_diagnostics(site))
    assert ("D952", "用了法律术语“强制执行”，但术语表中没有它") in found
    assert ("D952", "用了法律术语“催告”，但术语表中没有它") in found
    assert any(code == "D953" for code, _ in found)
    # the typed total (104000.00 元) is no rate of the standard: also unbased (R323)
    assert {d.code for d in diags} == {"D952", "D953", "R323"} and all(d.line > 0 for d in diags)


def test_the_fixture_and_mini_projects_are_lint_clean():
    assert plain_language_diagnostics(explain_site()) == []


def test_flowchart_lays_out_every_step_with_its_time_limit():
    procedure = explain_site().by_id["procedures"]["house"]
    flow = flowchart(procedure)
    assert [b.number for b in flow.boxes] == [1, 2, 3]
    assert flow.boxes[0].limit == "不少于 30日" and flow.boxes[1].limit == ""
    assert len(flow.arrows) == 2 and all(a < b for a, b in flow.arrows)
    assert flow.height == flow.boxes[-1].bottom + 10
    assert "第1步 征收补偿方案征求意见（不少于 30日）" in flow.label
    assert wrap("国有土地上房屋征收补偿方案征求意见和论证", 8) == ("国有土地上房屋征", "收补偿方案征求意", "见和论证")
    assert wrap("第590号令ABC", 4) == ("第590", "号令", "ABC")  # digit and letter runs stay whole
    assert short_limit(None) == ""


def test_procedure_page_is_step_by_step_with_inline_svg():
    site = explain_site()
    page = markdown_files(site, derive_pages(site))["procedures/house.md"]
    assert page.count('<li class="gk-step"') == 3
    assert '<svg class="gk-flow__svg"' in page and 'role="img"' in page and "<script" not in page
    for title in ("征收补偿方案征求意见", "作出房屋征收决定并公告", "签订补偿协议"):
        assert f"</span> {title}</h2>" in page
    for label in ("谁来做", "法定期限", "法律依据"):
        assert page.count(f"<dt>{label}</dt>") == 3
    assert page.count("**我能做什么**") == 3 and page.count("**要带什么**") == 2
    assert '下一步：<a href="#decision">第 2 步' in page


def test_golden_pages_show_summaries_terms_citations_and_steps():
    standard = (GOLDEN / "standards" / "relocation.md").read_text(encoding="utf-8")
    assert "**一句话看懂：**" in standard and "**我能做什么：**" in standard and "**什么时候：**" in standard
    assert '<a class="gk-term" href="../../glossary/#relocation-fee" data-term="搬迁费"' in standard
    assert '<a class="gk-cite" href="../../policies/house-regulation/#art-22" data-quote="因征收房屋造成搬迁的' in standard
    assert "## 计算举例 { #examples }" in standard and 'data-total data-label="金额（元）" role="cell">1,142.00<' in standard
    procedure = (GOLDEN / "procedures" / "house.md").read_text(encoding="utf-8")
    assert '<span class="gk-step__number">第 1 步</span>' in procedure and "**我能做什么**" in procedure
    assert "<svg" in procedure


def test_templates_used_here_start_with_what_they_receive():
    env = environment()
    for name in ("estimator.md.j2", "estimators_index.md.j2", "_estimate.md.j2", "_flowchart.svg.j2",
                 "procedure.md.j2"):
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        assert source.startswith("{#-") and "Receives:" in source.splitlines()[0], name

