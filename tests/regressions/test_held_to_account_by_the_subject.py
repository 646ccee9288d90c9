"""Regression (issue 12, extractor 1.2): "The board closely monitors the local
authority's 'Prevent' duty and holds agencies and the Community Safety
Partnership (CSP) to account for ..." gave "CSP accountable to the local
authority": the holder was taken from the object of the verb before ("the
local authority's"), not the sentence's subject. A second verb after "and"
shares the clause's subject: the bodies held to account are accountable to
the board."""

from __future__ import annotations

from tests.fixtures.extract.support import end_types, extract_paragraph


def test_the_bodies_held_to_account_answer_to_the_subject() -> None:
    text = (
        "The board closely monitors the council's 'Prevent' work and holds partner "
        "agencies and the Community Safety Partnership to account for its delivery."
    )
    x = extract_paragraph(text, "lscb", number=12)
    types = end_types(x)
    account = {(types[k.source], types[k.target]) for k in x.links if k.kind == "accountable-to"}
    assert ("csp", "lscb") in account, account
    assert ("partner-agencies", "lscb") in account, account
    assert not [p for p in account if p[1] == "local-authority"], account
