"""Regression (issue 12, extractor 2.0): in the board's part of a report, the
chair's leadership of the board ("strong and effective leadership by the
independent chair", "Under the leadership of the independent Chair", "The
independent chair provides strong and credible leadership") and the board's
section 11 audits of the agencies ("A thorough section 11 process ensures that
partner agencies are discharging their statutory responsibilities") were no
links: seven and three missed links of extractor 1.9 on the development labels. The
rules find them (``every=True``) but are not emitted: see the last test.
Invented sentences."""

from __future__ import annotations

from graph.extract.links import Extraction
from tests.fixtures.extract.support import extract_paragraph, link_types


def _extract(text: str, part: str = "lscb") -> Extraction:
    return extract_paragraph(text, part, number=90, every=True)


def _with_quality(x: Extraction) -> set[tuple[str, str, str, str]]:
    types = {b.iri: b.body_type for b in x.bodies.values()}
    return {(types[k.source], k.kind, types[k.target], k.quality) for k in x.links}


def test_the_chairs_leadership_is_chairing_the_board() -> None:
    for text, quality in (
        ("The work is given direction by strong leadership by the independent chair.", "effective"),
        (
            "Under the leadership of the independent chair there has been a culture change.",
            "stated",
        ),
        ("The independent chair provides strong and credible leadership.", "effective"),
        ("Leadership from the independent chair has not been strong enough.", "weak"),
    ):
        found = _with_quality(_extract(text))
        assert ("lscb-chair", "chairs", "lscb", quality) in found, (text, found)


def test_a_chair_leading_something_else_does_not_chair_the_board_for_it() -> None:
    x = _extract(
        "The panel chair provides strong leadership to the adoption panel.", part="children"
    )
    assert ("lscb-chair", "chairs", "lscb") not in link_types(x), link_types(x)


def test_section_11_audits_are_the_boards_scrutiny_of_the_agencies() -> None:
    for text, quality in (
        (
            "A thorough and effective section 11 process ensures that agencies are "
            "discharging their statutory responsibilities.",
            "effective",
        ),
        ("Section 11 audits have not been completed since 2014.", "weak"),
    ):
        found = _with_quality(_extract(text))
        assert ("lscb", "scrutinises", "partner-agencies", quality) in found, (text, found)


def test_outside_the_boards_part_section_11_is_no_link() -> None:
    x = _extract("Schools complete section 11 audits well.", part="children")
    assert ("lscb", "scrutinises", "partner-agencies") not in link_types(x), link_types(x)


def test_these_rules_and_the_commissioned_rule_are_measured_but_not_emitted() -> None:
    # on the held-out reports they found no labelled link and cost precision
    # (bench/extract_results.md, extractor 2.0): a user's graph does not get them
    texts = [
        ("The independent chair provides strong and credible leadership.", "lscb"),
        ("Section 11 audits have not been completed since 2014.", "lscb"),
        (
            "Currently there are no commissioned services to carry out return interviews.",
            "children",
        ),
    ]
    held_back = {"chairs/leadership", "scrutinises/section-11", "commissions/commissioned"}
    for text, part in texts:
        every = extract_paragraph(text, part, number=90, every=True)
        shipped = extract_paragraph(text, part, number=90)
        assert {k.rule for k in every.links} & held_back, text
        assert not {k.rule for k in shipped.links} & held_back, text
