"""`gongkai estimate --standard ID --input FILE`: a situation file (YAML or JSON) -> a breakdown.

The file has the shape of a worked example without its title:

    lines:
      brick-concrete: {平方米: "120"}
    shared:
      月: "6"

It is read with the same positioned loader as the content, so problems point at file:line. Quantities
are read as a phone keyboard types them (１２０, 120平方米, 120 ㎡, a final 。), by the same rules as the
browser form (typed_input).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, error, has_errors
from ..load.validation import validate_node
from ..load.yamlsource import parse
from ..model.standard import Situation
from ..pages.links import page_path
from ..rules.references import Site
from .breakdown import Breakdown, estimate, problems
from .calculator import applies, calculator_for
from .typed_input import tidy_situation


def estimate_file(site: Site, standard_id: str, path: str, data: bytes) -> tuple[Breakdown | None, list[Diagnostic]]:
    standard = site.by_id["compensation_standards"].get(standard_id)
    if standard is None or not applies(standard):
        known = "、".join(s.id for s in site.of("compensation_standards") if applies(s))
        return None, [error(path, 0, 0, "R303", f"没有可以估算的补偿标准“{standard_id}”",
                            f"可以估算的标准：{known or '无'}")]
    root, diags = parse(path, data)
    if root is None or has_errors(diags):
        return None, diags
    wrong = tidy_situation(root, path)  # 120平方米, １２０, a final 。: read as the browser form reads them
    if wrong:
        return None, diags + wrong
    located, found = validate_node(Situation, path, root)
    diags += found
    if located is None or has_errors(found):
        return None, diags
    calc = calculator_for(site, standard, page_path("standards", standard.id))
    for loc, message in problems(calc, located.item):
        pos = located.pos(*loc)
        diags.append(error(path, pos.line, pos.column, "R305", message,
                           "只能写本标准中的区片或项目标识，数量的单位要与金额单位一致。"))
    if has_errors(diags):
        return None, diags
    return estimate(calc, located.item), diags
