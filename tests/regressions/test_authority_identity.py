"""Regressions (issues 13 and 18): one authority got different keys in
different years, the City of London was minted as ``london``, and every
council name without ASCII letters got the key "" (so one council's report
replaced another's)."""

from __future__ import annotations

import pytest

from graph import iri


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["Bristol City Council", "Bristol, City of", "Bristol"], "bristol"),
        (["Council of the Isles of Scilly", "Isles of Scilly"], "isles-of-scilly"),
        (["Medway Children's Services", "Medway Council"], "medway"),
        (["City of London", "London Corporation"], "city-of-london"),
        (["Bournemouth Borough Council", "bournemouth"], "bournemouth"),
        (["Bournemouth, Christchurch and Poole"], "bournemouth-christchurch-and-poole"),
    ],
)
def test_every_name_of_an_authority_gives_one_key(names: list[str], key: str) -> None:
    assert {iri.authority_key(n) for n in names} == {key}


def test_reports_of_one_authority_in_two_eras_share_the_authority() -> None:
    a = iri.report("Bristol City Council", "2014-07-10")
    b = iri.report("Bristol, City of", "2018-03-01")
    assert a.rsplit("/", 1)[0] == b.rsplit("/", 1)[0]


def test_names_without_ascii_letters_get_distinct_non_empty_keys() -> None:
    first, second = iri.authority_key("Ωμέγα"), iri.authority_key("Δέλτα")
    assert first and second and first != second
