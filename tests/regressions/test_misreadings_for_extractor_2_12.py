"""Regression (issue 12, extractor 2.12): a misreading reviewers found in the
links of 2.9 (Manchester 2017 re-inspection), as an invented sentence of the
same shape: "Arrangements are well coordinated when children are stepped down
to early help from social care" left the link of the "when" clause *stated*.
A condition is a clause of its own, so that its shortfall does not judge the
main clause ("... works closely with schools, when capacity allows"); but where
the main clause names no body and judges "arrangements", its verdict is the
verdict on the link its condition states.
"""

from __future__ import annotations

from tests.fixtures.extract.support import extract_paragraph, link_qualities


def test_a_verdict_on_the_arrangements_judges_the_link_of_its_when_clause() -> None:
    x = extract_paragraph(
        "Arrangements are well coordinated when children are stepped down to early help from "
        "social care.",
        "local-authority",
    )
    qualities = link_qualities(x)
    assert qualities.get(("early-help", "works-with", "childrens-services")) == "effective", (
        qualities
    )


def test_a_when_clause_still_judges_nothing_before_it() -> None:
    # the condition's shortfall is no verdict on the link of the main clause
    x = extract_paragraph(
        "The virtual school works closely with schools, when capacity allows, despite "
        "limited resources.",
        "local-authority",
    )
    assert "effective" in link_qualities(x).values(), link_qualities(x)
