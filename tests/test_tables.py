"""Every table on a page is made ready for stacked cards at one point, the emit stage (emit/tables.py):
columns no row fills are dropped, data cells named by their column, roles explicit (issue 11)."""

from __future__ import annotations

from generator.emit.tables import card_tables

RATES = """## 补偿项目

<div class="gk-table" role="region" aria-label="补偿项目" tabindex="0">
<table class="gk-figures">
<thead><tr><th scope="col">项目</th><th scope="col">规格</th><th scope="col">金额</th><th scope="col">适用条件</th></tr></thead>
<tbody>
<tr id="rate-a"><th scope="row">搬迁费</th><td></td><td class="gk-amount">1,200.50</td><td></td></tr>
<tr id="rate-b"><th scope="row">临时安置费</th><td>按面积</td><td class="gk-amount">12.10</td><td> </td></tr>
</tbody>
</table>
</div>

正文"""


def test_a_column_no_row_fills_is_dropped_with_its_header_and_cells_name_their_column():
    out = card_tables(RATES)
    assert "适用条件" not in out and out.count("<td") == 4
    assert '<td data-label="规格" role="cell"></td>' in out  # one row fills 规格: the column stays
    assert '<td class="gk-amount" data-label="金额" role="cell">12.10</td>' in out
    assert '<th scope="row" role="rowheader">搬迁费</th>' in out
    assert '<th scope="col" role="columnheader">项目</th>' in out
    assert '<table class="gk-figures" role="table">' in out and out.count('role="rowgroup"') == 2
    assert out.count('role="row"') == 3
    assert out.startswith("## 补偿项目\n\n") and out.endswith("</div>\n\n正文")  # nothing else touched
    assert out.count("\n") == RATES.count("\n")  # Markdown's HTML blocks keep their lines


def test_a_spanning_footer_cell_shrinks_and_keeps_one_of_its_columns():
    table = ('<table><thead><tr><th>项目</th><th>单价</th><th>数量</th><th>金额（元）</th><th>备注</th></tr></thead>'
             '<tbody><tr><th>搬迁费</th><td></td><td></td><td>1.00</td><td></td></tr></tbody>'
             '<tfoot><tr><th colspan="3">合计</th><td data-total>1.00</td><td></td></tr></tfoot></table>')
    out = card_tables(table)
    assert "单价" not in out and "数量" not in out and "备注" not in out
    assert '<th role="rowheader">合计</th>' in out  # colspan 3 -> 1: the attribute goes
    assert '<td data-total data-label="金额（元）" role="cell">1.00</td>' in out


def test_row_spans_keep_later_cells_under_their_own_column():
    table = ('<table><thead><tr><th>项目</th><th>档次</th><th>金额</th></tr></thead><tbody>'
             '<tr><th rowspan="2">住宅</th><td>一档</td><td>1</td></tr><tr><td>二档</td><td>2</td></tr></tbody></table>')
    out = card_tables(table)
    assert '<td data-label="档次" role="cell">二档</td><td data-label="金额" role="cell">2</td>' in out


def test_label_value_tables_are_marked_and_what_the_template_wrote_is_kept():
    table = ('<table class="gk-docmeta"><caption>文件信息</caption><tbody>'
             '<tr><th scope="row">文号</th><td class="gk-pending">待补充</td></tr></tbody></table>')
    out = card_tables(table)
    assert out.startswith('<table class="gk-docmeta" role="table" data-pairs>')
    assert "data-label" not in out and '<td class="gk-pending" role="cell">待补充</td>' in out
    assert card_tables(out) == out
    written = '<table role="grid"><thead><tr><th>甲 &amp; 乙</th></tr></thead><tbody><tr><td data-label="x">1</td></tr></tbody></table>'
    assert '<table role="grid">' in card_tables(written) and '<td data-label="x" role="cell">1</td>' in card_tables(written)
    labelled = card_tables(written.replace(' data-label="x"', ""))
    assert '<td data-label="甲 &amp; 乙" role="cell">1</td>' in labelled  # the header's text, escaped once


def test_pages_without_tables_are_returned_as_they_are_and_output_is_stable():
    text = "# 标题\n\n<p>没有表格</p>\n"
    assert card_tables(text) is text
    assert card_tables(RATES) == card_tables(RATES) and card_tables(card_tables(RATES)) == card_tables(RATES)
