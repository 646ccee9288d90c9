"""Regression (issue 12, extractor 1.4): in ILACS reports "senior managers"
are the council's children's services leadership, and the council's own
workforce is not its own partner. "Senior managers have re-established
relationships with partners ..., while repairing fractured relationships
between social workers and senior managers" (a 2019 ILACS report) gave
"service manager works with partner agencies" (the hand labels name senior
managers as children's services, 5 rows of 5) and "social workers work with
senior managers"."""

from __future__ import annotations

from datetime import date

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str) -> Extraction:
    return extract_paragraph(
        text, "local-authority", number=12, framework="ilacs", day=date(2019, 6, 1), every=True
    )


def test_senior_managers_are_childrens_services() -> None:
    x = _extract("Senior managers have rebuilt strong relationships with the police.")
    assert ("childrens-services", "works-with", "police") in link_types(x), link_types(x)


def test_relationships_between_staff_and_managers_are_no_link() -> None:
    x = _extract(
        "Leaders are repairing fractured relationships between social workers and senior managers."
    )
    assert not [k for k in x.links if k.kind == "works-with"], link_types(x)


def test_a_partner_between_them_still_links() -> None:
    x = _extract("Relationships between social workers and the police are strong.")
    assert ("social-work-team", "works-with", "police") in link_types(x), link_types(x)


def test_social_workers_and_personal_advisers_are_one_workforce() -> None:
    x = _extract("Social workers work closely with personal advisers to plan for care leavers.")
    assert not [k for k in x.links if k.kind == "works-with"], link_types(x)
