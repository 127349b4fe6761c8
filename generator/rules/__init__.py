"""Stage 2, resolve and rules: typed models -> the frozen `Site` (ids unique, references resolved) plus
publishing, compliance, project, freshness and plain-language diagnostics. Pure: no disk, no clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .basis import basis_diagnostics
    from .compliance import compliance_diagnostics
    from .figure_history import unrecorded_changes
    from .freshness import freshness_diagnostics
    from .places import period_diagnostics, place_diagnostics
    from .plain_language import plain_language_diagnostics
    from .project_rules import missing_procedures
    from .references import Site, resolve
    from .rules import production_rules, sample_claims
    from .summary_rules import summary_diagnostics

__all__ = [
    "summary_diagnostics",
    "place_diagnostics", "period_diagnostics",
    "basis_diagnostics", "sample_claims",
    "unrecorded_changes",
    "Site", "compliance_diagnostics", "freshness_diagnostics", "missing_procedures",
    "plain_language_diagnostics", "production_rules", "resolve",
]
__getattr__ = exports(__name__, {
    "summary_diagnostics": ".summary_rules",
    "basis_diagnostics": ".basis",
    "compliance_diagnostics": ".compliance",
    "unrecorded_changes": ".figure_history",
    "freshness_diagnostics": ".freshness",
    "place_diagnostics": ".places",
    "period_diagnostics": ".places",
    "plain_language_diagnostics": ".plain_language",
    "missing_procedures": ".project_rules",
    "Site": ".references",
    "resolve": ".references",
    "production_rules": ".rules",
    "sample_claims": ".rules",
})
