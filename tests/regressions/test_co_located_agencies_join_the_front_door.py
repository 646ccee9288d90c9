"""Regression (issue 12, extractor 1.4): agencies co-located in the front
door were made partners of the council. "Children's needs are identified
within the MASH. The co-location of police, housing and probation staff
enables timely checks." gave "the local authority works with the police"
(the council's side filled in from context); the paragraph says the agencies
sit in the MASH, so each is a member of it."""

from __future__ import annotations

from datetime import date

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str) -> Extraction:
    return extract_paragraph(
        text, "local-authority", number=3, framework="ilacs", day=date(2022, 6, 1), every=True
    )


def test_co_located_agencies_are_members_of_the_mash_named_before() -> None:
    x = _extract(
        "Children's needs are identified promptly within the MASH. The co-location of "
        "police, housing and probation staff enables timely checks."
    )
    links = link_types(x)
    for agency in ("police", "housing", "probation"):
        assert (agency, "member-of", "mash") in links, links
    assert not [k for k in links if k[1] == "works-with"], links


def test_agencies_co_located_in_the_mash_of_the_same_sentence() -> None:
    x = _extract("The police and housing are co-located in the MASH, which helps decisions.")
    links = link_types(x)
    assert ("police", "member-of", "mash") in links, links
    assert ("housing", "member-of", "mash") in links, links


def test_without_a_front_door_co_location_stays_joint_work() -> None:
    x = _extract("The youth offending service is co-located with the police.")
    assert ("yot", "works-with", "police") in link_types(x) or (
        "police",
        "works-with",
        "yot",
    ) in link_types(x)


def test_the_co_located_list_does_not_share_information_with_itself() -> None:
    x = _extract(
        "Children's needs are identified within the MASH. The co-location of police, "
        "health and housing enables timely information-sharing."
    )
    links = link_types(x)
    assert not [k for k in links if k[1] == "shares-information-with"], links
    assert ("health", "member-of", "mash") in links, links
