"""Documentation is part of the change: generated docs are current, every content type and every
diagnostic code is documented, and the README starts with the two commands."""

from __future__ import annotations

from conftest import FIXTURES, REPO

from generator.codes import CODES
from generator.commands.guide import content_guide, diagnostics_catalogue
from generator.model import CONTENT_TYPES


def test_content_guide_is_current():
    committed = (REPO / "docs" / "content-guide.md").read_text(encoding="utf-8")
    assert committed == content_guide(FIXTURES / "mini"), "run scripts/update_docs.py"


def test_diagnostics_catalogue_is_current():
    committed = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    assert committed == diagnostics_catalogue(), "run scripts/update_docs.py"


def test_every_content_type_and_field_is_documented():
    guide = (REPO / "docs" / "content-guide.md").read_text(encoding="utf-8")
    for ctype in CONTENT_TYPES:
        assert f"`content/{ctype.key}/`" in guide
        for name, info in ctype.model.model_fields.items():
            assert f"`{info.alias or name}`" in guide
            assert info.title, f"{ctype.key}.{name} has no Chinese label"
            assert info.description, f"{ctype.key}.{name} has no description"


def test_every_code_is_documented():
    catalogue = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    for code in CODES:
        assert f"| {code} |" in catalogue


def test_readme_starts_with_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("```bash"): readme.index("```", readme.index("```bash") + 7)]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip()]
    assert commands[:2] == ["bash scripts/build.sh", "bash scripts/test.sh"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci
