"""Regression (issue 12, extractor 1.6): four more development ILACS reports
labelled before the rules were changed (Hillingdon 2018, South
Gloucestershire 2019, Bournemouth, Christchurch and Poole 2025,
Northumberland 2024) and the three of 1.5 still missed links stated in
ways no rule read: cases "stepped up from early help to children's social
care"; an agency's view of its work with the council ("Cafcass and the court
are confident in the quality of work"); agencies "integrated into the MASH";
meetings "well attended by relevant professionals" (made an agency a member
of the council); "They" standing for the list the sentence before opened
with; "partners work well together". The sentences below are invented."""

from __future__ import annotations

from tests.fixtures.extract.support import extract_ilacs, link_types, type_pairs

_extract = extract_ilacs


def test_cases_stepping_up_join_early_help_and_social_care() -> None:
    x = _extract("Children's cases are appropriately stepped up from early help to social care.")
    assert frozenset({"early-help", "childrens-services"}) in type_pairs(x), link_types(x)
    # early help filled in when the sentence names only social care
    x = _extract("Effective step-up arrangements to children's social care work well.")
    assert frozenset({"early-help", "childrens-services"}) in type_pairs(x), link_types(x)


def test_a_name_that_says_step_up_is_no_step() -> None:
    x = _extract("The groups Talkers, Step Up and Stepping Out meet with children's social care.")
    assert frozenset({"early-help", "childrens-services"}) not in type_pairs(x), link_types(x)


def test_an_agencys_view_of_the_councils_work_is_a_working_link() -> None:
    x = _extract(
        "Cafcass and the police are confident in the quality of work done by the local authority."
    )
    pairs = type_pairs(x)
    assert frozenset({"cafcass", "local-authority"}) in pairs, link_types(x)
    assert frozenset({"police", "local-authority"}) in pairs, link_types(x)
    # each holds a view of the council's work, not of each other
    assert frozenset({"cafcass", "police"}) not in pairs, link_types(x)
    assert {k.quality for k in x.links} == {"effective"}, [k.quality for k in x.links]


def test_services_integrated_into_the_front_door_are_its_members() -> None:
    x = _extract("Early help services are integrated into the multi-agency safeguarding hub.")
    assert ("early-help", "member-of", "mash") in link_types(x), link_types(x)


def test_meetings_attended_by_agencies_make_no_agency_a_member_of_the_council() -> None:
    x = _extract(
        "Children's social care holds core groups, which are well attended by relevant "
        "professionals."
    )
    found = link_types(x)
    assert not [k for k in found if k[1] == "member-of" and k[2] == "childrens-services"], found


def test_they_stands_for_the_whole_list_before() -> None:
    x = _extract(
        "The lead member and the chief executive are ambitious for children. They meet "
        "regularly with the director of children's services."
    )
    found = link_types(x)
    assert ("lead-member", "works-with", "dcs") in found, found
    assert ("chief-executive", "works-with", "dcs") in found, found


def test_partners_working_together_work_with_the_council() -> None:
    x = _extract("In children's social care, partners work well together at core groups.")
    assert frozenset({"partner-agencies", "childrens-services"}) in type_pairs(x), link_types(x)
