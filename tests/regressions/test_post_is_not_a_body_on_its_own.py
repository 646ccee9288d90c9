"""Regression (issue 12, extractor 1.1): the body-type vocabulary's label
"post" matched the word in running text, so "when taking up her post" named a
body (a post of the council) that could then take part in links."""

from __future__ import annotations

from graph.extract.bodies import find_mentions


def test_the_word_post_names_no_body() -> None:
    sentence = "The DCS built on these foundations when taking up her post in December."
    assert [m.body_type for m in find_mentions(sentence)] == ["dcs"]
