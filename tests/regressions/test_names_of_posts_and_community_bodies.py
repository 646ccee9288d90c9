"""Regression (issue 12, extractors 2.0 and 2.2): bodies the reports name that the
recogniser did not know, so no link could reach them: "the reviewing officers"
(the IRO service), "the assistant director" (a service manager), "the agency
decision maker" and "child protection chairs" (posts), "the NSPCC" and
"community organisations" (the voluntary sector), "street pastors" and
"mosques" (faith groups), "GPs" (health), "commissioners" (commissioning).
Invented sentences."""

from __future__ import annotations

import pytest

from graph.extract.bodies import find_mentions
from tests.fixtures.extract.support import extract_paragraph, link_types


@pytest.mark.parametrize(
    ("sentence", "name", "body_type"),
    [
        ("The reviewing officers challenge drift in plans.", "reviewing officers", "iro-service"),
        (
            "A weekly panel is chaired by the assistant director.",
            "assistant director",
            "service-manager",
        ),
        ("The head of service meets the police monthly.", "head of service", "service-manager"),
        ("The agency decision maker reviews every plan.", "agency decision maker", "post"),
        ("Child protection chairs escalate concerns.", "Child protection chairs", "post"),
        ("The NSPCC delivers training for the board.", "NSPCC", "voluntary-sector"),
        (
            "Community organisations attend the forum.",
            "Community organisations",
            "voluntary-sector",
        ),
        ("Street pastors and mosques receive training.", "Street pastors", "faith-groups"),
        ("GPs rarely attend conferences.", "GPs", "health"),
        ("Commissioners meet providers quarterly.", "Commissioners", "commissioning"),
    ],
)
def test_the_name_is_a_body_of_its_type(sentence: str, name: str, body_type: str) -> None:
    found = {(m.text, m.body_type) for m in find_mentions(sentence)}
    assert (name, body_type) in found, found


def test_links_now_reach_them() -> None:
    x = extract_paragraph("GPs are not represented on the board.", "lscb", number=20)
    assert ("health", "member-of", "lscb") in link_types(x), link_types(x)
    x = extract_paragraph("The LSCB has good links with GPs and the NSPCC.", "lscb", number=20)
    assert ("lscb", "works-with", "voluntary-sector") in link_types(x), link_types(x)
