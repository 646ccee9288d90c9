"""Regression (issue 12, extractor 1.1): "the local authority's and partner
agencies' responses" made partner agencies a part of the local authority: the
possessive rule took "'s and" as "the council's" followed by what it owns."""

from __future__ import annotations

from tests.fixtures.extract.support import extract_paragraph


def test_two_owners_joined_by_and_own_nothing_of_each_other() -> None:
    text = "The local authority’s and partner agencies’ responses to radicalisation are thorough."
    x = extract_paragraph(text, "local-authority", number=4)
    assert not [k for k in x.links if k.kind == "part-of"]
