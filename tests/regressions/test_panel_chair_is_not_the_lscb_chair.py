"""Regression (issue 12, extractor 1.2): "The adoption panel is appropriately
constituted and chaired by an experienced independent chair" gave "LSCB chair
chairs Adoption panel": any "independent chair" was taken for the LSCB's.
A panel's independent chair is the panel's own chair (a post), unless the
sentence names the LSCB."""

from __future__ import annotations

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str, part: str) -> Extraction:
    return extract_paragraph(text, part, number=9)


def test_a_panels_independent_chair_is_the_panels_own() -> None:
    x = _extract(
        "The fostering panel is well run and chaired by a skilled independent chair.",
        "local-authority",
    )
    assert not [b for b in x.bodies.values() if b.body_type == "lscb-chair"]
    assert ("post", "chairs", "fostering-panel") in link_types(x)
    chair = next(b for b in x.bodies.values() if b.body_type == "post")
    assert "fostering panel" in chair.label.lower()


def test_in_the_board_part_too_unless_the_sentence_names_the_board() -> None:
    x = _extract("The Serious Case Review Panel is chaired by an independent chair.", "lscb")
    assert not [b for b in x.bodies.values() if b.body_type == "lscb-chair"]
    x = _extract("The LSCB is chaired by an independent chair.", "lscb")
    assert ("lscb-chair", "chairs", "lscb") in link_types(x)
