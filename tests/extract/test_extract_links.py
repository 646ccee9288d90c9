"""The link extractor on sentences written for the purpose: negation, hedging,
contrast, direction, and the board under the names reports give it."""

from __future__ import annotations

from datetime import date

import pytest

from graph import iri
from graph.extract.bodies import find_mentions
from graph.extract.links import Extraction, extract_links
from graph.extract.quality import clauses, judge
from graph.reader.model import Report, TextUnit


def report(
    *paragraphs: str,
    part: str = "lscb",
    authority: str = "Sunderland",
    framework: str = "sif-lscb",
    published: date = date(2015, 6, 1),
) -> Report:
    units = [
        TextUnit("paragraph", n, text, section=f"{part}/findings", part=part)
        for n, text in enumerate(paragraphs, start=1)
    ]
    return Report(
        authority, iri.authority_key(authority), framework, published, None, None, paragraphs=units
    )


def links_of(x: Extraction) -> set[tuple[str, str, str, str]]:
    """(source type, kind, target type, quality) of every link."""
    types = {b.iri: b.body_type for b in x.bodies.values()}
    return {(types[k.source], k.kind, types[k.target], k.quality) for k in x.links}


def pairs(x: Extraction) -> dict[frozenset[str], str]:
    """{pair of body types: quality}."""
    types = {b.iri: b.body_type for b in x.bodies.values()}
    return {frozenset((types[k.source], types[k.target])): k.quality for k in x.links}


# ---------------------------------------------------------------- quality words


@pytest.mark.parametrize(
    ("text", "quality"),
    [
        ("There is no strategic representation from housing.", "absent"),
        ("Housing is not represented on the board.", "absent"),
        ("The arrangements are not yet embedded.", "weak"),
        ("The board does not sufficiently influence the HWB.", "weak"),
        ("Consistent representation from schools is a shortfall.", "weak"),
        ("Engagement has been minimal.", "weak"),
        ("Links are limited.", "weak"),
        ("Its role is unclear.", "weak"),
        ("The links are not effective.", "weak"),
        ("The panel was recently established.", "developing"),
        ("Relationships are improving.", "developing"),
        ("The board is well attended.", "effective"),
        ("The board receives reports from the LADO.", "stated"),
    ],
)
def test_quality_words(text: str, quality: str) -> None:
    assert judge(text).quality == quality


def test_praise_under_negation_is_weakness() -> None:
    assert judge("there is no clear link between the boards").quality == "weak"
    assert judge("the link is not as strong as it could be").quality == "weak"


def test_a_fronted_concession_is_its_own_clause() -> None:
    sentence = "While almost all partners are involved, there is no representation from housing."
    first, second = clauses(sentence)
    assert sentence[first.start : first.end].startswith("While")
    assert first.concessive
    assert "housing" in sentence[second.start : second.end]


# ---------------------------------------------------------------- links


def test_absent_member_and_praised_partners_in_one_sentence() -> None:
    x = extract_links(
        report(
            "While almost all key partners are actively involved in the work of the board, "
            "there is no strategic representation from housing in Sunderland."
        )
    )
    found = pairs(x)
    assert found[frozenset(("housing", "lscb"))] == "absent"
    assert found[frozenset(("partner-agencies", "lscb"))] == "effective"


def test_a_later_hedge_naming_one_end_wins_over_praise() -> None:
    x = extract_links(
        report(
            "It has appropriate links and protocols with the Children's Trust and the Health and "
            "Wellbeing Board, although safeguarding children has not been a regular agenda item at "
            "the HWBB."
        )
    )
    found = pairs(x)
    assert found[frozenset(("lscb", "childrens-trust-board"))] == "effective"
    assert found[frozenset(("lscb", "hwb"))] == "weak"


def test_although_clause_takes_the_main_clause_verdict() -> None:
    x = extract_links(
        report(
            "Although there is a protocol in place detailing how the LSCB will work with the "
            "Health and Wellbeing Board, it is difficult to see how this has supported the "
            "scrutiny of services."
        )
    )
    assert pairs(x)[frozenset(("lscb", "hwb"))] == "weak"


def test_subjectless_links_in_the_lscb_section_are_the_boards() -> None:
    x = extract_links(
        report(
            "Links with the local Family Justice Board, the strategic management board for the "
            "Multi Agency Public Protection Arrangements (MAPPA) and the local community safety "
            "partnership are not sufficiently well developed."
        )
    )
    assert {
        ("lscb", "works-with", "family-justice-board", "weak"),
        ("lscb", "works-with", "mappa-smb", "weak"),
        ("lscb", "works-with", "csp", "weak"),
    } <= links_of(x)


def test_the_quote_is_the_sentence_with_the_finding_not_its_neighbour() -> None:
    x = extract_links(
        report(
            "The board is well led. Housing is not represented on the board. Schools are engaged."
        )
    )
    housing = next(k for k in x.links if "housing" in k.source)
    assert housing.quality == "absent"
    assert housing.quotes == ["Housing is not represented on the board."]
    assert housing.paragraphs == [1]


# ---------------------------------------------------------------- direction


def test_passive_chair_points_from_the_chair_to_the_board() -> None:
    x = extract_links(report("The LSCB is chaired by an independent chair."))
    assert ("lscb-chair", "chairs", "lscb", "stated") in links_of(x)


def test_receiving_reports_points_to_the_receiver() -> None:
    x = extract_links(report("The board receives regular reports from the LADO."))
    assert ("lado", "reports-to", "lscb", "stated") in links_of(x)


def test_holding_to_account_points_from_the_held_to_the_holder() -> None:
    x = extract_links(
        report("This makes it difficult for the chief executive to hold the chair to account.")
    )
    assert ("lscb-chair", "accountable-to", "chief-executive", "weak") in links_of(x)


def test_membership_points_to_the_board() -> None:
    x = extract_links(report("Leicestershire Police is a particularly vigorous partner."))
    assert ("police", "member-of", "lscb", "effective") in links_of(x)


# ---------------------------------------------------------------- the board's names


@pytest.mark.parametrize(
    "name",
    ["BSCB", "the LSCB", "Sunderland Safeguarding Children Board", "The board", "The Board"],
)
def test_the_board_under_its_local_names_is_one_body(name: str) -> None:
    x = extract_links(report(f"{name} has strong links with the Health and Wellbeing Board."))
    lscb = iri.body("sunderland", "lscb")
    assert any(k.source == lscb and k.quality == "effective" for k in x.links), x.links
    assert x.bodies[lscb].label == "Sunderland Local Safeguarding Children Board"


def test_a_joint_board_is_minted_once_under_its_joint_area() -> None:
    x = extract_links(
        report(
            "The LSCB has strong links with the Health and Wellbeing Board.",
            authority="Bournemouth",
        )
    )
    assert iri.body("bournemouth-and-poole", "lscb") in x.bodies
    assert iri.body("bournemouth-and-poole", "hwb") in x.bodies


def test_the_board_outside_the_lscb_section_is_the_board_named_before() -> None:
    x = extract_links(
        report(
            "The recently established Improvement Board meets monthly. The Board has strong links "
            "with the Health and Wellbeing Board.",
            part="local-authority",
        )
    )
    improvement = iri.body("sunderland", "board", "Improvement Board")
    assert any(k.source == improvement for k in x.links), x.links


def test_mentions_keep_the_printed_name() -> None:
    found = find_mentions("Lancashire Constabulary and the clinical commissioning groups attend.")
    assert [(m.text, m.body_type) for m in found] == [
        ("Lancashire Constabulary", "police"),
        ("clinical commissioning groups", "ccg"),
    ]


def test_2019_reports_name_the_partnership_and_its_three_partners() -> None:
    x = extract_links(
        report(
            "The safeguarding partnership works effectively with schools.",
            part="local-authority",
            framework="ilacs",
            published=date(2023, 3, 1),
        )
    )
    types = {b.body_type for b in x.bodies.values()}
    assert {"safeguarding-partnership", "local-authority", "police", "icb"} <= types


def test_a_report_that_names_no_link_gives_a_note_not_an_error() -> None:
    x = extract_links(report("Children are seen promptly.", part="local-authority"))
    assert x.links == []
    assert len(x.notes) == 1 and "no partnership links" in x.notes[0]
