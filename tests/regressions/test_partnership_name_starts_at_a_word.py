"""Regression (issue 12, extractor 1.1): in "the local children's safeguarding
partnership" the partnership was found as "s safeguarding partnership", a name
that starts inside the word "children's" (one word of any kind was allowed in
front, and the apostrophe ended it)."""

from __future__ import annotations

from graph.extract.bodies import find_mentions


def test_the_partnership_is_named_from_a_word_boundary() -> None:
    sentence = "The local children’s safeguarding partnership arrangements strengthen governance."
    names = [m.text for m in find_mentions(sentence) if m.body_type == "safeguarding-partnership"]
    assert names == ["local children’s safeguarding partnership"]
