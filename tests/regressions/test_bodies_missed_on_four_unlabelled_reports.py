"""Regression (issue 12, extractor 2.4): bodies the recogniser missed, mistyped
or invented, found by a reviewer who checked every body named in the
leadership and LSCB sections of four reports nobody has labelled (Sheffield
2014, Peterborough 2015, Leicestershire 2017, Kensington and Chelsea 2016:
1,174 mentions, 163 missed, 75 mistyped, 11 not bodies). Only the patterns the
reviewer judged safe are here, each as invented sentences:

* "Board members", "LSCB partners", "LSCB representatives" were the board
  itself, not its member agencies; "the LSCB sub-group" was the board;
* lower-case panels, forums and committees ("a new risk management panel", "the
  case review sub-committee") were not bodies at all;
* "a purposeful service reorganisation", "a suitably qualified team manager",
  "the inspection team" were teams;
* "the First Response Service" was a unit (it is the front door), "the Safer
  Peterborough Partnership" a board (the community safety partnership), "the
  violence against women group", "the independent review service", "the
  Child and Family Court Advisory and Support Service", "partner
  organisations", "voluntary services", "the judge", "the leader of the
  council" and "the adult board" were not known.
"""

from __future__ import annotations

import pytest

from graph.extract.bodies import find_mentions


def _found(sentence: str, lscb: bool = False) -> set[tuple[str, str]]:
    return {(m.text, m.body_type) for m in find_mentions(sentence, lscb_context=lscb)}


@pytest.mark.parametrize(
    ("sentence", "name", "body_type"),
    [
        ("Board members regularly scrutinise data.", "Board members", "partner-agencies"),
        ("LSCB partners attend training.", "LSCB partners", "partner-agencies"),
        ("Key LSCB representatives attend.", "LSCB representatives", "partner-agencies"),
        ("The LSCB sub-group reviews cases.", "LSCB sub-group", "lscb-subgroup"),
    ],
)
def test_the_board_s_members_are_not_the_board(sentence: str, name: str, body_type: str) -> None:
    found = _found(sentence, lscb=True)
    assert (name, body_type) in found, found
    assert not any(t == "lscb" for _, t in found), found


@pytest.mark.parametrize(
    ("sentence", "name", "body_type", "lscb"),
    [
        ("A risk management panel meets weekly.", "risk management panel", "board", False),
        (
            "The fostering and permanence panel is chaired well.",
            "fostering and permanence panel",
            "fostering-panel",
            False,
        ),
        (
            "Young people attend a leaving care forum.",
            "leaving care forum",
            "children-in-care-council",
            False,
        ),
        (
            "The case review sub-committee ensures learning.",
            "case review sub-committee",
            "lscb-subgroup",
            True,
        ),
    ],
)
def test_lower_case_panels_forums_and_committees(
    sentence: str, name: str, body_type: str, lscb: bool
) -> None:
    found = _found(sentence, lscb=lscb)
    assert (name, body_type) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "A purposeful service reorganisation has taken place.",
        "Each case has a suitably qualified team manager.",
        "The inspection team saw good practice.",
        "Families receive a prompt service.",
    ],
)
def test_words_that_are_no_team_or_service(sentence: str) -> None:
    assert not any(t == "unit" for _, t in _found(sentence)), _found(sentence)


@pytest.mark.parametrize(
    ("sentence", "name", "body_type"),
    [
        ("The First Response Service takes all contacts.", "First Response Service", "front-door"),
        (
            "The Safer Northshire Partnership Board meets.",
            "Safer Northshire Partnership Board",
            "csp",
        ),
        (
            "It reports to the violence against women group.",
            "violence against women group",
            "domestic-abuse-board",
        ),
        (
            "Plans are reviewed by the independent review service.",
            "independent review service",
            "iro-service",
        ),
        (
            "The Child and Family Court Advisory and Support Service is engaged.",
            "Child and Family Court Advisory and Support Service",
            "cafcass",
        ),
        ("Partner organisations contribute.", "Partner organisations", "partner-agencies"),
        ("Voluntary services are represented.", "Voluntary services", "voluntary-sector"),
        ("Managers meet the judge monthly.", "the judge", "family-court"),
        ("The leader of the council is briefed.", "leader of the council", "leader"),
        ("The chair also chairs the adult board.", "adult board", "safeguarding-adults-board"),
    ],
)
def test_names_now_known(sentence: str, name: str, body_type: str) -> None:
    found = _found(sentence)
    assert (name, body_type) in found, found
