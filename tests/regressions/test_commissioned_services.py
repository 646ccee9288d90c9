"""Regression (issue 12, extractor 2.0): the council's commissioning named only by
its result ("externally commissioned placements", "a recently recommissioned
service", "no commissioned services to carry out return home interviews") was
no link, while the labellers of six development reports wrote 23 links
"local authority commissions independent providers" from such sentences: the
most frequent missed link of extractor 1.9. The rule finds them (``every=True``)
but its links are not emitted: on the held-out reports it cost precision
(tests/regressions/test_board_chair_and_section_11.py checks that). Invented
sentences."""

from __future__ import annotations

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str, part: str = "children") -> Extraction:
    return extract_paragraph(text, part, number=40, every=True)


def _commissions(x: Extraction) -> list[tuple[str, str]]:
    types = {b.iri: b.body_type for b in x.bodies.values()}
    return [
        (types[k.source], k.quality)
        for k in x.links
        if k.kind == "commissions" and types[k.target] == "independent-providers"
    ]


def test_commissioned_placements_are_commissioned_by_the_council() -> None:
    x = _extract(
        "The local authority closely monitors the quality of externally commissioned "
        "placements and does not place children in provision that is not good enough."
    )
    assert [s for s, _ in _commissions(x)] == ["local-authority"], link_types(x)


def test_the_quality_is_the_clause_that_names_the_commissioned_service() -> None:
    x = _extract("Currently there are no commissioned services to carry out return interviews.")
    assert _commissions(x) == [("local-authority", "absent")], link_types(x)
    x = _extract(
        "A recently recommissioned service to undertake return interviews is improving timeliness."
    )
    assert [q for _, q in _commissions(x)] == ["developing"], link_types(x)
    x = _extract(
        "Children have good access to a range of commissioned therapeutic services, "
        "although waiting times for the emotional health service remain too long."
    )
    assert [q for _, q in _commissions(x)] == ["effective"], link_types(x)


def test_commissioning_that_is_no_provider_is_no_link() -> None:
    for text in (
        # the board's commissioning of a review, not the council's of a provider
        "The board commissioned an independent review of its training.",
        # a person, not a provider
        "Commissioning managers attend the panel.",
        # a report, a plan: documents
        "A commissioned audit of return interviews found weaknesses.",
    ):
        x = _extract(text)
        assert not _commissions(x), (text, link_types(x))


def test_in_the_boards_part_commissioned_training_is_no_council_link() -> None:
    x = _extract("Partners value the commissioned multi-agency training services.", part="lscb")
    assert not _commissions(x), link_types(x)


def test_a_service_named_inside_is_what_is_commissioned() -> None:
    x = _extract("The local authority has recommissioned its advocacy service.")
    types = {b.iri: b.body_type for b in x.bodies.values()}
    found = {(types[k.source], types[k.target]) for k in x.links if k.kind == "commissions"}
    assert ("local-authority", "advocacy") in found, link_types(x)
