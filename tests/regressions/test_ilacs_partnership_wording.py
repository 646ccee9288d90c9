"""Regression (issue 12, extractor 1.4): the 2019+ ILACS wording of
partnership links made no link. "The director has developed stronger
strategic arrangements with partner agencies", "has engaged constructively
with neighbouring authorities" and "The adoption panel provides effective
quality assurance to the local authority" (a 2023 ILACS report) were missed:
"the director" alone was no body, "arrangements with" and "engaged with" were
no triggers, and "quality assurance to" no scrutiny."""

from __future__ import annotations

from tests.fixtures.extract.support import extract_ilacs, link_types

_extract = extract_ilacs


def test_strategic_arrangements_with_partners() -> None:
    x = _extract("The director has developed stronger strategic arrangements with the police.")
    assert ("dcs", "works-with", "police") in link_types(x), link_types(x)
    assert {k.quality for k in x.links} == {"effective"}


def test_engaged_constructively_with() -> None:
    x = _extract("The director has engaged constructively with neighbouring authorities.")
    assert ("dcs", "works-with", "neighbouring-authority") in link_types(x), link_types(x)


def test_quality_assurance_to_is_scrutiny() -> None:
    x = _extract("The adoption panel provides effective quality assurance to the local authority.")
    assert ("adoption-panel", "scrutinises", "local-authority") in link_types(x), link_types(x)


def test_the_director_of_public_health_is_not_the_dcs() -> None:
    x = _extract("The director of public health works closely with the police.")
    assert not [k for k in link_types(x) if "dcs" in (k[0], k[2])], link_types(x)


def test_routinely_is_praise_and_not_routinely_a_weakness() -> None:
    x = _extract("The improvement board routinely scrutinises the work of the police.")
    assert {k.quality for k in x.links if k.kind == "scrutinises"} == {"effective"}
    x = _extract("The improvement board does not routinely scrutinise the work of the police.")
    assert {k.quality for k in x.links if k.kind == "scrutinises"} == {"weak"}
