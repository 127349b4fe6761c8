"""Editors' tooling: committed JSON Schemas are current and accept every real content file (read the
way an editor's YAML extension reads it); `gongkai new` scaffolds a file whose placeholders fail
clearly at their own lines and which passes once they are filled."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import FIXTURES, REPO, copy_project

from generator import pipeline
from generator.commands.cli import main
from generator.commands.scaffold import scaffold
from generator.commands.schema_export import schemas, stale_schemas
from generator.model import CONTENT_TYPES

SCHEMAS = REPO / "schemas"


class Yaml12Loader(yaml.SafeLoader):
    """Scalars typed like YAML 1.2 (yaml-language-server): dates stay text, only true/false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schemas_are_current():
    assert stale_schemas(SCHEMAS) == [], "run `gongkai schema --out schemas` and commit schemas/"
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(schemas())


@pytest.mark.parametrize("project", [REPO, FIXTURES / "mini"], ids=["bundled", "mini"])
def test_every_content_file_matches_its_schema(project: Path):
    checked = 0
    for ctype in CONTENT_TYPES:
        validator = _validator(f"{ctype.key}.schema.json")
        for file in sorted((project / "content" / ctype.key).glob("*.yml")):
            data = yaml.load(file.read_text(encoding="utf-8"), Loader=Yaml12Loader)  # noqa: S506
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
            assert errors == [], f"{file.relative_to(project)}: {errors[:3]}"
            checked += 1
    config = yaml.load((project / "site_config.yml").read_text(encoding="utf-8"), Loader=Yaml12Loader)  # noqa: S506
    assert list(_validator("site_config.schema.json").iter_errors(config)) == []
    assert checked >= 8


def test_schema_catches_a_misspelt_field_and_carries_chinese_labels():
    validator = _validator("faq.schema.json")
    item = {"id": "x", "question": "问？", "answer": "答。", "topic": "安置", "updated": "2025-01-01", "topc": "安置"}
    assert any("topc" in e.message for e in validator.iter_errors(item))
    question = json.loads((SCHEMAS / "faq.schema.json").read_text(encoding="utf-8"))["$defs"]["Question"]
    assert question["properties"]["question"]["title"] == "问题"
    assert question["properties"]["former_ids"]["title"] == "曾用标识"


def test_schema_command_writes_and_checks(tmp_path: Path):
    out = tmp_path / "schemas"
    assert main(["schema", "--out", str(out), "--check"]) == 1
    assert main(["schema", "--out", str(out)]) == 0
    assert main(["schema", "--out", str(out), "--check"]) == 0
    (out / "faq.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--out", str(out), "--check"]) == 1


@pytest.mark.parametrize("ctype", [t.key for t in CONTENT_TYPES])
def test_scaffold_fails_only_at_its_placeholders(ctype: str, tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert main(["new", ctype, "brand-new", "--root", str(project)]) == 0
    path = project / "content" / ctype / "brand-new.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [d for d in pipeline.check(project) if d.path == f"content/{ctype}/brand-new.yml"]
    assert found, "a scaffold must not pass before it is filled"
    for d in found:
        assert d.code in ("S215", "S210", "S203"), d.format()
        assert "TODO" in lines[d.line - 1], f"{d.format()} is not at a placeholder"
    assert "S215" in {d.code for d in found}
    assert main(["new", ctype, "brand-new", "--root", str(project)]) == 2, "never overwrites"


def test_filled_scaffold_passes(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    text = scaffold("faq", "appraisal-objection")
    for value in ("对评估结果有异议怎么办？", "可以向征收中心书面提出意见。", "评估", "2025-01-09"):
        text = text.replace(": TODO", f": {value}", 1)
    assert ": TODO" not in text
    (project / "content" / "faq" / "appraisal-objection.yml").write_text(text, encoding="utf-8")
    assert [d.format() for d in pipeline.check(project)] == []


def test_new_refuses_unknown_type_and_bad_id(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert main(["new", "news", "x", "--root", str(project)]) == 2
    assert main(["new", "faq", "Bad_Id", "--root", str(project)]) == 2
