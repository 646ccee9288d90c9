"""Regression (issue 12, extractor 1.1): "the local authority's and partner
agencies' responses" made partner agencies a part of the local authority: the
possessive rule took "'s and" as "the council's" followed by what it owns."""

from __future__ import annotations

from datetime import date

from graph import iri
from graph.extract.links import extract_links
from graph.reader.model import Report, TextUnit


def test_two_owners_joined_by_and_own_nothing_of_each_other() -> None:
    text = "The local authority’s and partner agencies’ responses to radicalisation are thorough."
    unit = TextUnit(
        "paragraph", 4, text, section="local-authority/findings", part="local-authority"
    )
    report = Report(
        "Northshire",
        iri.authority_key("Northshire"),
        "sif-lscb",
        date(2016, 1, 1),
        None,
        None,
        paragraphs=[unit],
    )
    assert not [k for k in extract_links(report).links if k.kind == "part-of"]
