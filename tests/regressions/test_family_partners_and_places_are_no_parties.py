"""Regression (issue 12, extractor 1.4): two wrong pairs for works-with,
seen on unlabelled 2022-23 ILACS reports. "Social workers do well at engaging
... fathers and male partners as well as mothers" made the mothers' partners a
partner agency; "relationships with health and police partners in the MASH"
made the MASH, where the partners sit, a partner of the council too."""

from __future__ import annotations

from datetime import date

from graph.extract.bodies import find_mentions
from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str) -> Extraction:
    return extract_paragraph(
        text, "local-authority", number=5, framework="ilacs", day=date(2022, 6, 1), every=True
    )


def test_a_mothers_partner_is_no_partner_agency() -> None:
    sentence = "Social workers engage well with fathers and male partners as well as mothers."
    assert not [m for m in find_mentions(sentence) if m.body_type == "partner-agencies"]
    assert not _extract(sentence).links


def test_partners_of_the_council_still_are() -> None:
    sentence = "Social workers engage well with partners to plan for children."
    assert [m.body_type for m in find_mentions(sentence)] == [
        "social-work-team",
        "partner-agencies",
    ]


def test_the_place_after_the_partners_is_no_party() -> None:
    x = _extract("Social workers have constructive relationships with police partners in the MASH.")
    links = link_types(x)
    assert ("social-work-team", "works-with", "police") in links, links
    # the MASH is where the police sit (since 1.5 a member-of link, as the labels have
    # it), never the social workers' partner in the working relationship
    assert not [k for k in links if "mash" in (k[0], k[2]) and k[1] != "member-of"], links
