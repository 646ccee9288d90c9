"""Regression (issue 12, extractor 2.10): misreadings two reviewers found in
every link 2.9 gave for four unlabelled reports (Surrey 2015 SIF, Manchester
2017 re-inspection, Leeds 2015, St Helens 2015: 132 links, 59 right), each as
an invented sentence of the same shape:

* "the chair of the Northshire Safeguarding Children Board" was the board, not
  its chair;
* "Board partners value the strong challenge ..." had the partners
  scrutinising the board: whoever values, welcomes or receives the challenge is
  the one challenged;
* "the board's priorities have led to improvements in re-commissioning early
  help and CAMHS" had the board commissioning services: a safeguarding board
  commissions reviews, authors and training, not the services its partners
  commission.
"""

from __future__ import annotations

from tests.fixtures.extract.support import extract_paragraph, link_types


def test_the_chair_of_a_named_board_is_its_chair() -> None:
    x = extract_paragraph(
        "Regular meetings between the chief executive and the chair of the Northshire "
        "Safeguarding Children Board facilitate shared responsibility.",
        "local-authority",
    )
    got = link_types(x)
    assert ("chief-executive", "works-with", "lscb-chair") in got, got
    assert not [k for k in got if "lscb" in (k[0], k[2])], got


def test_the_chair_of_the_lscb_is_still_its_chair() -> None:
    got = link_types(
        extract_paragraph(
            "Regular meetings between the chief executive and the chair of the LSCB "
            "facilitate shared responsibility.",
            "local-authority",
        )
    )
    assert ("chief-executive", "works-with", "lscb-chair") in got, got


def test_who_values_the_challenge_is_challenged() -> None:
    got = link_types(
        extract_paragraph("Board partners value the robust challenge provided at Board meetings.")
    )
    assert ("lscb", "scrutinises", "partner-agencies") in got, got
    assert ("partner-agencies", "scrutinises", "lscb") not in got, got


def test_who_welcomes_the_challenge_from_a_body_is_challenged_by_it() -> None:
    got = link_types(extract_paragraph("Agencies welcome the strong challenge from the LSCB."))
    assert ("lscb", "scrutinises", "partner-agencies") in got, got
    assert ("partner-agencies", "scrutinises", "lscb") not in got, got


def test_who_challenges_is_still_the_challenger() -> None:
    got = link_types(extract_paragraph("The LSCB robustly challenges partner agencies."))
    assert ("lscb", "scrutinises", "partner-agencies") in got, got


def test_a_board_commissions_no_service_of_its_partners() -> None:
    got = link_types(
        extract_paragraph(
            "The board's priorities have led to improvements in re-commissioning early help "
            "services and tier two CAMHS."
        )
    )
    assert not [k for k in got if k[1] == "commissions"], got


def test_a_board_still_commissions_a_provider() -> None:
    got = link_types(
        extract_paragraph(
            "The LSCB commissioned an independent author from a voluntary sector organisation."
        )
    )
    assert ("lscb", "commissions", "voluntary-sector") in got, got


def test_the_chair_of_a_named_board_keeps_the_board_s_abbreviation() -> None:
    x = extract_paragraph(
        "Meetings between the chief executive and the chair of the Northshire Safeguarding "
        "Children Board (NSCB) give independent oversight.",
        "local-authority",
    )
    got = link_types(x)
    assert ("chief-executive", "works-with", "lscb-chair") in got, got
    assert not [k for k in got if "lscb" in (k[0], k[2])], got
