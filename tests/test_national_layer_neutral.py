"""The national layer (generator/defaults/national) is the same for every district: it may not claim one
center's own practice (本中心做法) or name a district; what the law does not fix but the government's standard
disclosure catalogue asks is marked 政务公开目录 (issue 11 review: one district's practice showed on every site)."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.rules.basis import CATALOGUE, LOCAL

NATIONAL = Path(__file__).resolve().parents[1] / "generator" / "defaults" / "national"


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def test_the_national_layer_claims_no_center_of_its_own():
    texts = {p: _strings(yaml.safe_load(p.read_text("utf-8"))) for p in sorted(NATIONAL.rglob("*.yml"))}
    assert len(texts) >= 5
    found = [(p.name, t[:40]) for p, ts in texts.items() for t in ts
             if LOCAL in t or "本中心" in t or "杜集" in t or "淮北" in t]
    assert found == []
    assert any(CATALOGUE in t for ts in texts.values() for t in ts)  # the catalogue's limits are marked as such
