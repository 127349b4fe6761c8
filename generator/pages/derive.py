"""`derive_pages`: the resolved Site -> every page to publish, in path order."""

from __future__ import annotations

from ..rules.references import Site
from .disclosure_pages import disclosure_pages
from .estimator_pages import estimator_pages
from .funds_pages import audit_pages, funds_pages
from .home import home_page
from .housing_pages import estate_pages
from .onward import attach_onward
from .open_data import open_data_page
from .page import Page
from .policy_pages import interpretation_pages, policy_pages
from .posters import with_posters
from .procedure_pages import procedure_pages
from .project_pages import project_pages
from .recent_page import recent_page
from .reference_pages import contact_pages, faq_pages, glossary_pages, remedy_pages
from .search_page import search_page
from .standard_pages import standard_pages


def derive_pages(site: Site) -> tuple[Page, ...]:
    pages: list[Page] = []
    for derive in (standard_pages, procedure_pages, policy_pages, interpretation_pages, faq_pages,
                   glossary_pages, remedy_pages, contact_pages, project_pages, disclosure_pages,
                   funds_pages, audit_pages, estate_pages):
        pages.extend(derive(site))
    pages.insert(0, home_page(site, tuple(pages)))
    pages.append(recent_page(site, tuple(pages)))
    pages.append(open_data_page(site))  # data files, not news: kept out of recent lists
    pages.extend(estimator_pages(site))  # tools, not news: kept out of the home page's recent list
    pages.append(search_page(site, tuple(pages)))  # last: not a content page, not in recent lists
    return tuple(sorted(with_posters(site, list(attach_onward(site, pages))), key=lambda p: p.path))
