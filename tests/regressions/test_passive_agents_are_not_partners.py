"""Regression (issue 12, found while writing extractor 1.2): once the agent of
a passive became the whole list after "by", agents whose object was left
unnamed were linked to each other: "poor practice is not routinely challenged
by frontline managers or IROs" gave "frontline managers scrutinise the IRO
service"."""

from __future__ import annotations

from datetime import date

from tests.fixtures.extract.support import extract_paragraph, type_pairs


def test_agents_of_one_passive_are_not_linked_to_each_other() -> None:
    text = (
        "Supervision lacks reflection, and poorer practice is not routinely challenged "
        "by frontline managers or independent reviewing officers."
    )
    x = extract_paragraph(
        text,
        "local-authority",
        number=9,
        section="local-authority/leadership",
        framework="ilacs",
        day=date(2019, 8, 1),
    )
    pairs = type_pairs(x)
    assert frozenset(("service-manager", "iro-service")) not in pairs
