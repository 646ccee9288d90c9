"""Regression (issue 12, extractor 1.1): a trigger word inside a body's name
made a link: "the lead member of children's services and the scrutiny panel"
gave "elected members are members of the scrutiny panel" (the "member of" of
"lead member of"), and "Scrutiny Committee" could trigger scrutiny."""

from __future__ import annotations

from datetime import date

from graph import iri
from graph.extract.links import extract_links
from graph.reader.model import Report, TextUnit


def test_member_of_inside_lead_member_of_is_no_membership() -> None:
    text = (
        "The rigour of scrutiny arrangements by elected members is limited by the wide "
        "remits held by the lead member of children's services and the scrutiny panel."
    )
    unit = TextUnit(
        "paragraph", 3, text, section="local-authority/findings", part="local-authority"
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
    x = extract_links(report)
    assert not [k for k in x.links if k.kind == "member-of"]
