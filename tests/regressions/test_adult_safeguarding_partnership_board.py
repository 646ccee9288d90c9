"""Regression (issue 12, extractor 1.1): "the Adult Safeguarding Partnership
Board" was read as a safeguarding partnership ("and the Adult Safeguarding
Partnership") followed by a bare "Board", so a link with the adults' board
became a link with a children's partnership that the report never named."""

from __future__ import annotations

from graph.extract.bodies import find_mentions


def test_an_adults_partnership_board_is_the_safeguarding_adults_board() -> None:
    sentence = (
        "Governance arrangements between the board and the Adult Safeguarding "
        "Partnership Board are appropriate."
    )
    found = [(m.text, m.body_type) for m in find_mentions(sentence, lscb_context=True)]
    assert ("Adult Safeguarding Partnership Board", "safeguarding-adults-board") in found
    assert not any(t == "safeguarding-partnership" for _, t in found)
