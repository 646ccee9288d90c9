"""Regression (issue 12, extractor 2.1): three ways the quality of a link was
misjudged on the development labels.

* A word of change beside praise of the link made it "developing": "The LSCB
  works well with the family justice board ... new" and "Productive working
  relationships ... have improved timeliness" were labelled effective (14 such
  disagreements under 2.0).
* "as well as" and "well-being" counted as praise: "The business manager sits
  on the strategic group as well as all sub-groups" became effective.
* Shortfalls worded as frequency or proportion were no weakness: "occur
  rarely", "too many inappropriate referrals", "not always well recorded",
  "in a minority of cases", "needs to demonstrate more effectiveness".
Invented sentences."""

from __future__ import annotations

import pytest

from graph.extract.quality import judge


@pytest.mark.parametrize(
    "text",
    [
        "The virtual school works very well with foster carers on emerging topics.",
        "Productive working relationships with Cafcass have improved the timeliness of cases.",
        "The authority has a good reputation with the judges, who report recent improvements.",
        "The virtual school has developed increasingly purposeful, effective links with schools.",
    ],
)
def test_a_change_word_beside_praise_of_the_link_is_effective(text: str) -> None:
    assert judge(text).quality == "effective", judge(text)


@pytest.mark.parametrize(
    "text",
    [
        "A new protocol with the police has been agreed.",
        "Links with adult services are developing well.",
        "The panel is beginning to work effectively with schools.",
    ],
)
def test_a_link_still_developing_stays_developing(text: str) -> None:
    assert judge(text).quality == "developing", judge(text)


@pytest.mark.parametrize(
    "text",
    [
        "The business manager sits on the strategic group as well as all sub-groups.",
        "The health and well-being board is chaired by the lead member.",
        "The health and well being board receives the annual report.",
    ],
)
def test_as_well_as_and_well_being_are_no_praise(text: str) -> None:
    assert judge(text).quality == "stated", judge(text)


def test_working_well_is_still_praise() -> None:
    assert judge("The LSCB works well with the health and wellbeing board.").quality == "effective"


@pytest.mark.parametrize(
    "text",
    [
        "Face-to-face strategy meetings which involve other agencies occur rarely.",
        "Children's services continue to receive too many inappropriate referrals from partners.",
        "Discussions with the police are not always well recorded.",
        "Health colleagues are consulted in a minority of cases.",
        "The committee needs to demonstrate more effectiveness in holding partners to account.",
    ],
)
def test_shortfalls_of_frequency_and_proportion_are_weak(text: str) -> None:
    assert judge(text).quality == "weak", judge(text)
