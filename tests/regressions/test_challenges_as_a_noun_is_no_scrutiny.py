"""Regression (issue 12, extractor 1.4): "challenges" as a plural noun made
scrutiny links. From "The chief executive, lead member and the leadership team
are aware of the challenges faced in ..." (a 2023 ILACS report) 1.3.1 said
the chief executive scrutinises the lead member and the team. "The challenges
faced", "the main challenges they face" are difficulties, not a challenge to
anyone; the verb ("the board challenges the police") is still scrutiny."""

from __future__ import annotations

from datetime import date

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str) -> Extraction:
    return extract_paragraph(
        text, "local-authority", number=7, framework="ilacs", day=date(2022, 6, 1), every=True
    )


def test_the_challenges_faced_scrutinise_no_one() -> None:
    x = _extract(
        "The chief executive, lead member and the senior leadership team are aware of the "
        "challenges faced in keeping children safe."
    )
    assert not [k for k in link_types(x) if k[1] == "scrutinises"], link_types(x)


def test_the_main_challenges_they_face_scrutinise_no_one() -> None:
    x = _extract("The director of children's services knows the main challenges the police face.")
    assert not [k for k in link_types(x) if k[1] == "scrutinises"], link_types(x)


def test_the_verb_still_scrutinises() -> None:
    x = _extract("The lead member challenges the police about children who go missing.")
    assert ("lead-member", "scrutinises", "police") in link_types(x)
