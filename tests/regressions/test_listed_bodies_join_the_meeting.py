"""Regression (issue 12, extractor 1.2): "A ... meeting links the chair of A,
B, C and D" joined A, B, C and D to each other (as chairs). The list is the
meeting's membership: each listed body is a member of the meeting, and no
link is stated between two of them."""

from __future__ import annotations

from tests.fixtures.extract.support import extract_paragraph, link_types


def test_a_meeting_that_links_bodies_has_them_as_members() -> None:
    text = (
        "A quarterly strategic leaders forum brings together the director of children's "
        "services, the Safeguarding Adults Board and the Community Safety Partnership."
    )
    x = extract_paragraph(text, "lscb", number=5)
    labels = {b.iri: b.label for b in x.bodies.values()}
    links = link_types(x)
    for end in ("dcs", "safeguarding-adults-board", "csp"):
        assert (end, "member-of", "board") in links, links
    assert all("forum" in labels[k.target].lower() for k in x.links), links
