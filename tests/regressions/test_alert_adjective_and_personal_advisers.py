"""Regression (issue 12, extractor 1.4), from unlabelled 2018-25 ILACS
reports: "The local authority and partners are alert and responsive to risks"
made the council share information with its partners ("alert" the adjective
read as the verb "to alert"); and personal advisers ("PAs work closely with
probation colleagues") were no body, so the council took their place."""

from __future__ import annotations

from datetime import date

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str) -> Extraction:
    return extract_paragraph(
        text, "local-authority", number=6, framework="ilacs", day=date(2022, 6, 1), every=True
    )


def test_alert_as_an_adjective_shares_nothing() -> None:
    x = _extract("The local authority and partners are alert and responsive to risks.")
    assert not [k for k in x.links if k.kind == "shares-information-with"], link_types(x)


def test_alert_as_a_verb_still_shares() -> None:
    x = _extract("The police alert the local authority to every missing child.")
    assert ("police", "shares-information-with", "local-authority") in link_types(x)


def test_personal_advisers_are_the_care_leavers_service() -> None:
    x = _extract("PAs work closely with probation colleagues to support young people.")
    assert ("care-leavers-service", "works-with", "probation") in link_types(x), link_types(x)
    x = _extract("Personal advisers work closely with housing.")
    assert ("care-leavers-service", "works-with", "housing") in link_types(x), link_types(x)


def test_pass_is_no_personal_adviser() -> None:
    x = _extract("The police pass information to the local authority.")
    assert ("police", "shares-information-with", "local-authority") in link_types(x)
