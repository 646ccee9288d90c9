"""Regression (issue 15): in the Bournemouth register a weak link (children's
services report to the LSCB, paras 113 and 116) was quoted with a sentence of
praise from para 113, while ``weak-links`` quoted the weakness of para 116.
The quote must state the link's quality, chosen the same way everywhere."""

from __future__ import annotations

from typing import Any

from graph.analysis.register import gap_register
from graph.evidence import finding_quote
from graph.queries.catalog import select_named


def test_the_register_and_weak_links_quote_the_weakness(bournemouth_store: Any) -> None:
    reg = gap_register(bournemouth_store, "bournemouth")
    row = next(
        g
        for g in reg.gaps
        if g.link_kind == "reports-to" and "113" in g.evidence and "116" in g.evidence
    )
    assert "does not" in row.quote
    listed = [
        r
        for r in select_named(bournemouth_store, "weak-links", {"authority": "bournemouth"})
        if r["kind"] == "reports to" and r["paragraphs"] == "113, 116"
    ]
    assert listed and {r["quote"] for r in listed} == {row.quote}


def test_a_weak_link_is_quoted_by_its_weakness_not_the_praise_beside_it() -> None:
    praise = "The Board has a good understanding of the needs of children in care."
    weakness = "The Board does not currently receive reports about children placed out of area."
    assert finding_quote([praise, weakness], "weak") == weakness
    assert finding_quote([praise, weakness], "effective") == praise
