"""Stage 2, resolve and rules: typed models -> the frozen `Site` (ids unique, references resolved) plus
publishing, compliance, project, freshness and plain-language diagnostics. Pure: no disk, no clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .ask_links import unlinked_asks as unlinked_asks
    from .basis import basis_diagnostics as basis_diagnostics
    from .compliance import compliance_diagnostics as compliance_diagnostics
    from .figure_history import unrecorded_changes as unrecorded_changes
    from .freshness import freshness_diagnostics as freshness_diagnostics
    from .help_rules import help_diagnostics as help_diagnostics
    from .legal_review import unknown_national_reviews as unknown_national_reviews
    from .places import period_diagnostics as period_diagnostics
    from .places import place_diagnostics as place_diagnostics
    from .plain_language import plain_language_diagnostics as plain_language_diagnostics
    from .project_rules import missing_procedures as missing_procedures
    from .public_text import internal_notes as internal_notes
    from .references import Site as Site
    from .references import resolve as resolve
    from .rules import production_rules as production_rules
    from .rules import sample_claims as sample_claims
    from .stale_dates import stale_summaries as stale_summaries
    from .step_periods import step_period_diagnostics as step_period_diagnostics
    from .summary_rules import summary_diagnostics as summary_diagnostics
    from .traditional import traditional_diagnostics as traditional_diagnostics

__all__, __getattr__ = exports(__name__, __file__)
