"""Regression (issue 12, extractor 1.2): "chairs" inside a noun phrase made
chairs links. From a paragraph like "A productive inter-boards' chairs
meeting ... links the chair of LSCB, chief executive of the local authority,
HWB, ASB and CSP" the extractor said "LSCB chairs HWB", "LSCB chairs CSP",
"LSCB chairs SAB" and "Chief Executive chairs LSCB". A "chairs meeting",
"conference chairs" or "panel chairs" is a noun: no one chairs anything, and
the bodies the meeting links are its members, not each other's chairs."""

from __future__ import annotations

from datetime import date

from graph import iri
from graph.extract.links import Extraction, extract_links
from graph.reader.model import Report, TextUnit


def _extract(text: str, part: str = "lscb") -> Extraction:
    unit = TextUnit("paragraph", 4, text, section=f"{part}/findings", part=part)
    report = Report(
        "Northshire",
        iri.authority_key("Northshire"),
        "sif-lscb",
        date(2016, 1, 1),
        None,
        None,
        paragraphs=[unit],
    )
    return extract_links(report)


def _links(x: Extraction) -> set[tuple[str, str, str]]:
    types = {b.iri: b.body_type for b in x.bodies.values()}
    return {(types[k.source], k.kind, types[k.target]) for k in x.links}


def test_a_chairs_meeting_chairs_nothing() -> None:
    x = _extract(
        "A useful joint chairs meeting links the chair of the LSCB, the chief executive of "
        "the council, the Health and Wellbeing Board and the Community Safety Partnership."
    )
    links = _links(x)
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
    assert ("lead-member", "chairs", "corporate-parenting-panel") in _links(x)
