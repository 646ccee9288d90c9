"""Regression (issue 12, extractor 1.2): "chairs" inside a noun phrase made
chairs links. From a paragraph like "A productive inter-boards' chairs
meeting ... links the chair of LSCB, chief executive of the local authority,
HWB, ASB and CSP" the extractor said "LSCB chairs HWB", "LSCB chairs CSP",
"LSCB chairs SAB" and "Chief Executive chairs LSCB". A "chairs meeting",
"conference chairs" or "panel chairs" is a noun: no one chairs anything, and
the bodies the meeting links are its members, not each other's chairs."""

from __future__ import annotations

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str, part: str = "lscb") -> Extraction:
    return extract_paragraph(text, part, number=4)


def test_a_chairs_meeting_chairs_nothing() -> None:
    x = _extract(
        "A useful joint chairs meeting links the chair of the LSCB, the chief executive of "
        "the council, the Health and Wellbeing Board and the Community Safety Partnership."
    )
    links = link_types(x)
    assert not [k for k in links if k[1] == "chairs"], links
    # the bodies listed are joined to the meeting, never to each other
    meeting = [b for b in x.bodies.values() if "chairs meeting" in b.label.lower()]
    assert meeting and meeting[0].body_type == "board"
    for end in ("lscb-chair", "chief-executive", "hwb", "csp"):
        assert (end, "member-of", "board") in links, links
    # "the chief executive of the council" is a post in it; nothing else joins two of them
    assert not [k for k in links if k[1] not in ("member-of", "post-in")], links


def test_chairs_as_a_plural_noun_in_a_list_is_no_link() -> None:
    x = _extract(
        "The quality of challenge by conference chairs and fostering panel chairs is variable.",
        part="local-authority",
    )
    assert not [k for k in x.links if k.kind == "chairs"]


def test_the_verb_still_makes_a_chairs_link() -> None:
    x = _extract("The lead member chairs the corporate parenting board.", part="local-authority")
    assert ("lead-member", "chairs", "corporate-parenting-panel") in link_types(x)
