"""Regression (issue 12, extractor 1.1): the "well" of a quoted name ("'safe and
well' checks") was read as praise, so a link the sentence only states came out
effective."""

from __future__ import annotations

from graph.extract.quality import judge


def test_a_short_quoted_name_judges_nothing() -> None:
    assert judge("The police undertake 'safe and well' checks and notify the council.").quality == (
        "stated"
    )
    assert judge("The police undertake ‘safe and well’ checks and notify the council.").quality == (
        "stated"
    )
    # praise outside the quotes still counts
    assert judge("The 'front door' works well with the police.").quality == "effective"
