"""Regenerate docs generated from the model and the code catalogue:
docs/content-guide.md and docs/diagnostics.md."""

from pathlib import Path

from generator.commands.guide import content_guide, diagnostics_catalogue

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "fixtures" / "mini"

(ROOT / "docs").mkdir(exist_ok=True)
(ROOT / "docs" / "content-guide.md").write_text(content_guide(EXAMPLES), encoding="utf-8")
(ROOT / "docs" / "diagnostics.md").write_text(diagnostics_catalogue(), encoding="utf-8")
print("updated docs/content-guide.md and docs/diagnostics.md")

from generator.commands.handbook import write as write_handbook  # noqa: E402

write_handbook(ROOT)
print("updated docs/编辑手册.md")
