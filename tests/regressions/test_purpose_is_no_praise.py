"""Bug: "there is no opportunity to challenge the contribution of housing
providers to ensure that children are kept safe" (the seed, para 112) gave an
extracted link LSCB -works with- housing judged *effective*, "from the words
'ensure'": a purpose ("to ensure that") was read as praise, and "no
opportunity" was not read as a weakness."""

from __future__ import annotations

import pytest

from graph.extract.quality import judge


def test_no_opportunity_to_challenge_is_a_weakness() -> None:
    said = (
        "As a result, there is no opportunity to challenge the contribution of housing "
        "providers to ensure that children are kept safe."
    )
    assert judge(said).quality in ("weak", "absent")


@pytest.mark.parametrize(
    "said",
    [
        "The board works with schools to ensure that children are safe.",
        "Partners need to ensure that the plan is followed.",
    ],
)
def test_a_purpose_is_not_praise(said: str) -> None:
    assert judge(said).quality != "effective"


def test_ensuring_as_the_verb_is_still_praise() -> None:
    assert judge("The chair ensures that partners are held to account.").quality == "effective"
