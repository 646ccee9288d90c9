"""The two eras of the statutory reference model: the LSCB era
(``ontology/expectations.ttl``) and the multi-agency safeguarding arrangements
era (``ontology/expectations-partnerships.ttl``). Every expectation names its
source and the period it was in force, and the periods keep the eras apart."""

from __future__ import annotations

from datetime import date

import pytest
import rdflib
from rdflib import RDF, RDFS, Namespace, URIRef

from graph.resources import ontology_dir

SG = Namespace("https://w3id.org/sgkg/ontology#")
EXP = Namespace("https://w3id.org/sgkg/id/expectation/")

#: partnership-era expectations that begin after 1 June 2022
LATER_STARTS = {
    EXP["safeguarding-partner-icb"]: date(2022, 7, 1),
    EXP["child-death-review-partner-icb"]: date(2022, 7, 1),
    EXP["hwb-member-icb"]: date(2022, 7, 1),
    EXP["partnership-education-strategic"]: date(2023, 12, 15),
    EXP["lead-safeguarding-partner-chief-executive"]: date(2023, 12, 15),
    EXP["delegated-safeguarding-partners"]: date(2023, 12, 15),
    EXP["partnership-yearly-report"]: date(2023, 12, 15),
}


@pytest.fixture(scope="module")
def model() -> rdflib.Graph:
    g = rdflib.Graph()
    for name in (
        "safeguarding.ttl",
        "vocabularies.ttl",
        "vocabularies-partnerships.ttl",
        "expectations.ttl",
        "expectations-partnerships.ttl",
    ):
        g.parse(ontology_dir() / name, format="turtle")
    return g


def _declared(name: str) -> set[URIRef]:
    """Expectations declared (typed sg:Expectation) in one ontology file."""
    g = rdflib.Graph().parse(ontology_dir() / name, format="turtle")
    return {s for s in g.subjects(RDF.type, SG.Expectation) if isinstance(s, URIRef)}


@pytest.fixture(scope="module")
def lscb_era() -> set[URIRef]:
    return _declared("expectations.ttl")


@pytest.fixture(scope="module")
def partnership_era() -> set[URIRef]:
    return _declared("expectations-partnerships.ttl")


def _day(g: rdflib.Graph, e: URIRef, prop: URIRef) -> date | None:
    value = g.value(e, prop)
    return None if value is None else value.toPython()


def in_force(g: rdflib.Graph, e: URIRef, day: date) -> bool:
    """The period is half-open: from sg:inForceFrom, until (not on) sg:inForceUntil."""
    start, end = _day(g, e, SG.inForceFrom), _day(g, e, SG.inForceUntil)
    assert start is not None, e
    return start <= day and (end is None or day < end)


def test_the_eras_are_separate_and_substantial(
    lscb_era: set[URIRef], partnership_era: set[URIRef]
) -> None:
    assert len(lscb_era) >= 20
    assert len(partnership_era) >= 20
    assert not lscb_era & partnership_era


def test_every_expectation_has_a_source_and_a_start(model: rdflib.Graph) -> None:
    expectations = set(model.subjects(RDF.type, SG.Expectation))
    assert expectations
    for e in expectations:
        assert model.value(e, RDFS.label) is not None, e
        assert model.value(e, RDFS.comment) is not None, e
        assert str(model.value(e, SG.statutorySource) or "").strip(), e
        start = _day(model, e, SG.inForceFrom)
        assert isinstance(start, date), e
        end = _day(model, e, SG.inForceUntil)
        assert end is None or (isinstance(end, date) and start < end), e


def test_only_expectations_are_dated(model: rdflib.Graph) -> None:
    """A date on a misspelt IRI would leave the real expectation undated."""
    expectations = set(model.subjects(RDF.type, SG.Expectation))
    for prop in (SG.inForceFrom, SG.inForceUntil):
        assert set(model.subjects(prop, None)) <= expectations


def test_mid_2022_is_the_partnership_era(
    model: rdflib.Graph, lscb_era: set[URIRef], partnership_era: set[URIRef]
) -> None:
    day = date(2022, 6, 1)
    assert not [e for e in lscb_era if in_force(model, e, day)]
    later = {e for e in partnership_era if (_day(model, e, SG.inForceFrom) or date.min) > day}
    assert later == set(LATER_STARTS)
    assert all(in_force(model, e, day) for e in partnership_era - later)


def test_mid_2014_is_the_lscb_era(
    model: rdflib.Graph, lscb_era: set[URIRef], partnership_era: set[URIRef]
) -> None:
    day = date(2014, 6, 30)
    assert all(in_force(model, e, day) for e in lscb_era)
    assert not [e for e in partnership_era if in_force(model, e, day)]


def test_later_starts(model: rdflib.Graph) -> None:
    for e, start in LATER_STARTS.items():
        assert _day(model, e, SG.inForceFrom) == start, e


def test_the_icb_takes_over_from_the_ccg(model: rdflib.Graph) -> None:
    switch = date(2022, 7, 1)
    icb, ccg = EXP["safeguarding-partner-icb"], EXP["safeguarding-partner-ccg"]
    assert _day(model, icb, SG.inForceFrom) == switch
    assert _day(model, ccg, SG.inForceUntil) == switch
    assert in_force(model, ccg, date(2022, 6, 30)) and not in_force(model, icb, date(2022, 6, 30))
    assert in_force(model, icb, switch) and not in_force(model, ccg, switch)
    bt = Namespace("https://w3id.org/sgkg/vocab/body-type/")
    assert model.value(icb, SG.expectedBodyType) == bt.icb
    assert (bt.icb, SG.succeeds, bt.ccg) in model


def test_the_lscb_era_ends_when_every_area_had_moved(
    model: rdflib.Graph, lscb_era: set[URIRef]
) -> None:
    assert {_day(model, e, SG.inForceUntil) for e in lscb_era} == {date(2019, 9, 29)}
    assert _day(model, EXP["lscb-exists"], SG.inForceFrom) == date(2006, 4, 1)
