"""Regression (issue 12, found while writing extractor 1.2): once the agent of
a passive became the whole list after "by", agents whose object was left
unnamed were linked to each other: "poor practice is not routinely challenged
by frontline managers or IROs" gave "frontline managers scrutinise the IRO
service"."""

from __future__ import annotations

from datetime import date

from graph import iri
from graph.extract.links import extract_links
from graph.reader.model import Report, TextUnit


def test_agents_of_one_passive_are_not_linked_to_each_other() -> None:
    text = (
        "Supervision lacks reflection, and poorer practice is not routinely challenged "
        "by frontline managers or independent reviewing officers."
    )
    unit = TextUnit(
        "paragraph", 9, text, section="local-authority/leadership", part="local-authority"
    )
    report = Report(
        "Northshire",
        iri.authority_key("Northshire"),
        "ilacs",
        date(2019, 8, 1),
        None,
        None,
        paragraphs=[unit],
    )
    x = extract_links(report)
    types = {b.iri: b.body_type for b in x.bodies.values()}
    pairs = {frozenset((types[k.source], types[k.target])) for k in x.links}
    assert frozenset(("service-manager", "iro-service")) not in pairs
