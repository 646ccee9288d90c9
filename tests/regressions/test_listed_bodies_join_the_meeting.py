"""Regression (issue 12, extractor 1.2): "A ... meeting links the chair of A,
B, C and D" joined A, B, C and D to each other (as chairs). The list is the
meeting's membership: each listed body is a member of the meeting, and no
link is stated between two of them."""

from __future__ import annotations

from datetime import date

from graph import iri
from graph.extract.links import extract_links
from graph.reader.model import Report, TextUnit


def test_a_meeting_that_links_bodies_has_them_as_members() -> None:
    text = (
        "A quarterly strategic leaders forum brings together the director of children's "
        "services, the Safeguarding Adults Board and the Community Safety Partnership."
    )
    unit = TextUnit("paragraph", 5, text, section="lscb/findings", part="lscb")
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
    types = {b.iri: b.body_type for b in x.bodies.values()}
    labels = {b.iri: b.label for b in x.bodies.values()}
    links = {(types[k.source], k.kind, types[k.target]) for k in x.links}
    for end in ("dcs", "safeguarding-adults-board", "csp"):
        assert (end, "member-of", "board") in links, links
    assert all("forum" in labels[k.target].lower() for k in x.links), links
