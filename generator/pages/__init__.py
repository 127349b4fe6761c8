"""Derive stage: the resolved Site -> the list of pages to publish (renderer-independent values).

Exports are lazy (`generator.exports`), so importing one helper module of this package (`pages.links`,
used by the rules) does not import every page module, and no import circle runs through here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exports

if TYPE_CHECKING:
    from .contact_links import footer_ask as footer_ask
    from .contact_links import link_contacts as link_contacts
    from .derive import derive_pages as derive_pages
    from .glossary_inline import explain_terms as explain_terms
    from .navigation import NAV as NAV
    from .onward import onward_diagnostics as onward_diagnostics
    from .page import Page as Page
    from .search_page import best_bet_diagnostics as best_bet_diagnostics

__all__, __getattr__ = exports(__name__, __file__)
