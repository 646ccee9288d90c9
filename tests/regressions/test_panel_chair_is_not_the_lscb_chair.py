"""Regression (issue 12, extractor 1.2): "The adoption panel is appropriately
constituted and chaired by an experienced independent chair" gave "LSCB chair
chairs Adoption panel": any "independent chair" was taken for the LSCB's.
A panel's independent chair is the panel's own chair (a post), unless the
sentence names the LSCB."""

from __future__ import annotations

from datetime import date

from graph import iri
from graph.extract.links import Extraction, extract_links
from graph.reader.model import Report, TextUnit


def _extract(text: str, part: str) -> Extraction:
    unit = TextUnit("paragraph", 9, text, section=f"{part}/findings", part=part)
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


def test_a_panels_independent_chair_is_the_panels_own() -> None:
    x = _extract(
        "The fostering panel is well run and chaired by a skilled independent chair.",
        "local-authority",
    )
    assert not [b for b in x.bodies.values() if b.body_type == "lscb-chair"]
    assert ("post", "chairs", "fostering-panel") in _links(x)
    chair = next(b for b in x.bodies.values() if b.body_type == "post")
    assert "fostering panel" in chair.label.lower()


def test_in_the_board_part_too_unless_the_sentence_names_the_board() -> None:
    x = _extract("The Serious Case Review Panel is chaired by an independent chair.", "lscb")
    assert not [b for b in x.bodies.values() if b.body_type == "lscb-chair"]
    x = _extract("The LSCB is chaired by an independent chair.", "lscb")
    assert ("lscb-chair", "chairs", "lscb") in _links(x)
