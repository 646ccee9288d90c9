"""The general rules of extractor 1.2, each on a short paragraph written for
the purpose (``tests/fixtures/extract/general-rules.txt``, no report's
wording): abbreviations a report defines, lists after "between", boards the
sentence names together, sub-groups and roles named in lower case, the chair
as a sentence's subject, implied ends, pronouns, need-for-improvement and
quoted names, and the confidence a link carries."""

from __future__ import annotations

from datetime import date

import pytest

from graph.extract.bodies import defined_abbreviations
from graph.extract.links import Extraction, confidence
from tests.fixtures.extract.support import (
    end_types,
    extract_paragraph,
    fixture_paragraphs,
    link_types,
    type_pairs,
)


def paragraphs() -> dict[str, tuple[str, str]]:
    """id -> (part, text) of every fixture paragraph."""
    return fixture_paragraphs("general-rules.txt")


def extract(
    key: str, *, framework: str = "sif-lscb", published: date = date(2016, 6, 1)
) -> Extraction:
    part, text = paragraphs()[key]
    return extract_paragraph(text, part, number=7, framework=framework, day=published)


def links_of(x: Extraction) -> set[tuple[str, str, str, str]]:
    """(source type, kind, target type, quality) of every link."""
    types = end_types(x)
    return {(types[k.source], k.kind, types[k.target], k.quality) for k in x.links}


# ------------------------------------------------------------ report's own names


def test_an_abbreviation_the_report_defines_names_its_body_afterwards() -> None:
    x = extract("abbreviation")
    das = [b for b in x.bodies.values() if b.label == "Duty and Assessment Service"]
    assert das and "DAS" in das[0].names
    assert ("police", "shares-information-with", "unit", "stated") in links_of(x) or any(
        k.kind == "shares-information-with" for k in x.links
    )


def test_an_abbreviation_must_spell_the_name_it_follows() -> None:
    found = defined_abbreviations(
        [
            "the Duty and Assessment Service (DAS) screens",
            "the Children in Care Council (CiCC) meets",
            "independent reviewing officers (IROs) challenge",
            "Children wait too long (Recommendation).",
            "The Children's Advocacy Network (Cafcass) is a made-up name.",
        ]
    )
    assert found["DAS"] == ("unit", "Duty and Assessment Service")
    assert found["CiCC"][0] == "children-in-care-council"
    assert found["IROs"][0] == "iro-service"
    assert "Recommendation" not in found and "Cafcass" not in found


# ------------------------------------------------------------ lists and boards


def test_links_between_a_list_join_every_pair() -> None:
    assert type_pairs(extract("between-list")) >= {
        frozenset(("hwb", "lscb")),
        frozenset(("hwb", "safeguarding-adults-board")),
        frozenset(("lscb", "safeguarding-adults-board")),
    }


def test_between_x_and_a_and_b_joins_x_with_each() -> None:
    got = type_pairs(extract("between-first"))
    assert frozenset(("lscb", "hwb")) in got and frozenset(("lscb", "csp")) in got
    assert frozenset(("hwb", "csp")) not in got


def test_sitting_on_all_three_boards_is_a_membership_of_each() -> None:
    got = link_types(extract("all-boards"))
    assert {("dcs", "member-of", b) for b in ("hwb", "lscb", "safeguarding-adults-board")} <= got


def test_sub_groups_and_roles_named_in_lower_case() -> None:
    x = extract("lower-case-groups")
    labels = {b.label for b in x.bodies.values()}
    assert {"Learning and improvement group", "Business manager"} <= labels
    got = link_types(x)
    assert ("post", "member-of", "lscb-subgroup") in got
    assert ("lscb-subgroup", "sub-group-of", "lscb") in got


# ------------------------------------------------------------ implied ends


def test_the_chair_as_the_subject_of_a_sentence_about_the_board_chairs_it() -> None:
    assert ("lscb-chair", "chairs", "lscb", "effective") in links_of(extract("chair-subject"))


def test_the_chair_in_the_board_section_is_the_board_chair() -> None:
    got = link_types(extract("chair-implied"))
    assert ("lscb-chair", "reports-to", "chief-executive") in got


def test_attending_board_meetings_is_membership_of_the_section_board() -> None:
    assert ("probation", "member-of", "lscb", "absent") in links_of(
        extract("attend-board-meetings")
    )


def test_a_trigger_word_inside_a_name_states_no_link() -> None:
    got = link_types(extract("trigger-in-name"))
    assert not any(k == "member-of" for _, k, _ in got)


def test_scrutiny_by_the_panel_has_the_panel_as_its_agent() -> None:
    got = links_of(extract("noun-agent"))
    assert ("scrutiny-committee", "scrutinises", "front-door", "weak") in got


def test_agents_of_a_passive_are_not_linked_to_each_other() -> None:
    # what they challenge is left unnamed: when unsure, no link
    assert frozenset(("service-manager", "iro-service")) not in type_pairs(
        extract("passive-agents")
    )


def test_they_stands_for_the_subject_of_the_sentence_before() -> None:
    got = link_types(extract("pronoun"))
    assert ("health", "works-with", "police") in got


def test_a_service_a_paragraph_opens_with_is_the_subject_of_its_subjectless_sentences() -> None:
    got = type_pairs(extract("paragraph-topic"))
    assert frozenset(("virtual-school", "partner-agencies")) in got


# ------------------------------------------------------------ quality


def test_better_links_are_required_is_a_weak_link() -> None:
    got = links_of(extract("better-links-needed"))
    assert ("lscb", "works-with", "corporate-parenting-panel", "weak") in got


def test_a_quoted_name_is_no_praise() -> None:
    got = links_of(extract("quoted-name"))
    assert ("police", "shares-information-with", "local-authority", "stated") in got


def test_what_a_challenge_is_about_does_not_judge_the_challenge() -> None:
    got = links_of(extract("about-topic"))
    assert ("lscb", "scrutinises", "local-authority", "effective") in got
    assert not any(k == "works-with" for _, k, _, _ in got)


def test_two_owners_joined_by_and_own_nothing_of_each_other() -> None:
    assert not extract("coordinated-possessive").links


# ------------------------------------------------------------ 2019 on


def test_the_partnership_and_its_three_safeguarding_partners() -> None:
    x = extract("partnership-2019", framework="ilacs", published=date(2021, 3, 1))
    types = {b.body_type for b in x.bodies.values()}
    assert {"safeguarding-partnership", "local-authority", "police", "ccg"} <= types
    got = link_types(x)
    assert ("independent-scrutineer", "scrutinises", "safeguarding-partnership") in got


# ------------------------------------------------------------ confidence


def test_confidence_follows_the_rules_record_and_is_lower_for_filled_in_ends() -> None:
    assert confidence("member-of/implicit") > confidence("post-in/possessive")
    assert confidence("works-with/verb/implied") < confidence("works-with/verb")
    assert all(0 < confidence(rule) < 1 for rule in ("works-with/verb", "no-such-rule"))


@pytest.mark.parametrize("key", sorted(paragraphs()))
def test_every_link_quotes_its_sentence_and_cites_its_paragraph(key: str) -> None:
    _, text = paragraphs()[key]
    for link in extract(key).links:
        if link.kind == "serves":
            continue
        assert link.paragraphs == [7]
        assert all(q in text for q in link.quotes)
