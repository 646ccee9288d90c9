"""Regression (issue 12, extractor 2.3): five misreadings found by reading the
links extractor 2.2 gave for two re-inspection reports nobody has labelled
(Manchester 2017 and Somerset 2018), each written here as an invented sentence
of the same shape:

* "the local authority's data shows ... a reduction in referrals to social
  care" was an information-sharing link: a count of referrals is a statistic;
* "Although the virtual school holds schools rigorously to account ..., PEPs do
  not always ..." took the shortfall of the main clause, which is about another
  topic, so the rigorous link was *weak*;
* "... requires a stronger, dedicated focus" was praise (*effective*);
* "commissioning posts" and "the alignment of the placements team to the
  commissioning service" were a commissioning link;
* "the leaving care council" was not recognised, so its good links with the
  corporate parenting board were given to the council.
"""

from __future__ import annotations

from graph.extract.bodies import find_mentions
from graph.extract.quality import judge
from tests.fixtures.extract.support import (
    extract_paragraph,
    link_qualities,
    link_types,
)


def test_a_count_of_referrals_is_no_information_sharing() -> None:
    x = extract_paragraph(
        "The local authority's data shows that early help has contributed to a reduction "
        "in referrals to social care.",
        "local-authority",
        every=True,
    )
    assert not any(kind == "shares-information-with" for _, kind, _ in link_types(x))


def test_referrals_between_bodies_are_still_information_sharing() -> None:
    x = extract_paragraph(
        "Schools make appropriate referrals to children's social care.",
        "local-authority",
        every=True,
    )
    assert ("schools", "shares-information-with", "childrens-services") in link_types(x)


def test_a_concession_keeps_its_praise_when_the_main_clause_is_another_topic() -> None:
    x = extract_paragraph(
        "Although the virtual school holds schools rigorously to account for how funding is "
        "spent, personal education plans do not always set clear targets.",
        "local-authority",
        every=True,
    )
    qualities = link_qualities(x)
    pair = [q for (s, _, t), q in qualities.items() if {s, t} == {"virtual-school", "schools"}]
    assert pair == ["effective"], qualities


def test_a_concession_still_takes_a_main_clause_that_speaks_of_it() -> None:
    x = extract_paragraph(
        "Although there is a protocol in place detailing how the LSCB will work with the "
        "Health and Wellbeing Board, it is difficult to see how this has supported the "
        "priorities of the board.",
    )
    qualities = link_qualities(x)
    assert qualities.get(("lscb", "works-with", "hwb")) == "weak", qualities


def test_requiring_a_stronger_focus_is_no_praise() -> None:
    verdict = judge(
        "Work done with providers to stimulate the market requires a stronger, dedicated focus."
    )
    assert verdict.quality == "weak", verdict
    assert judge("Links with health need a sharper focus.").quality == "weak"
    assert judge("Strong links with health are in place.").quality == "effective"


def test_commissioning_posts_and_a_commissioning_service_commission_nothing() -> None:
    x = extract_paragraph(
        "The local authority has invested in additional senior commissioning posts and aligned "
        "the placements team to the commissioning service.",
        "local-authority",
        every=True,
    )
    assert not any(kind == "commissions" for _, kind, _ in link_types(x)), link_types(x)


def test_commissioning_as_a_verb_still_commissions() -> None:
    x = extract_paragraph(
        "The local authority commissions the NSPCC to deliver return home interviews.",
        "local-authority",
        every=True,
    )
    assert ("local-authority", "commissions", "voluntary-sector") in link_types(x)


def test_a_leaving_care_council_is_a_children_in_care_council() -> None:
    found = {
        (m.text, m.body_type) for m in find_mentions("Somerset has a lively leaving care council.")
    }
    assert ("leaving care council", "children-in-care-council") in found, found
    x = extract_paragraph(
        "Northshire has a lively leaving care council, which has good links with the corporate "
        "parenting board.",
        "local-authority",
        every=True,
    )
    types = link_types(x)
    assert ("children-in-care-council", "works-with", "corporate-parenting-panel") in types, types
    assert ("local-authority", "works-with", "corporate-parenting-panel") not in types, types
