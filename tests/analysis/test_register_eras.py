"""The gap register applies the expectations in force at the inspection
date: an ILACS report of 2022 is weighed against the safeguarding
partnership duties (with their sources), not against the LSCB model."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.analysis.register import gap_register
from graph.store.embedded import open_store

TTL = """@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix fw: <https://w3id.org/sgkg/vocab/framework/> .
@prefix n: <https://w3id.org/sgkg/id/body/newtown/> .
<https://w3id.org/sgkg/id/report/newtown/2022-06-01> a sg:Report ;
    sg:authority n:local-authority ; sg:framework fw:ilacs .
<https://w3id.org/sgkg/id/report/newtown/2022-06-01/para/1> a sg:Paragraph ; sg:number 1 ;
    sg:report <https://w3id.org/sgkg/id/report/newtown/2022-06-01> ;
    sg:text "The Newtown Safeguarding Children Partnership is well led." ;
    sg:mentionsBodyType bt:safeguarding-partnership .
n:local-authority a sg:Body ; rdfs:label "Newtown Council" ;
    sg:bodyType bt:local-authority ; sg:authority n:local-authority .
n:safeguarding-partnership a sg:Body ; rdfs:label "Newtown Safeguarding Children Partnership" ;
    sg:bodyType bt:safeguarding-partnership ; sg:authority n:local-authority .
"""


@pytest.fixture()
def newtown(tmp_path: Path):
    import rdflib

    g = rdflib.Graph().parse(data=TTL, format="turtle")
    with open_store(tmp_path / "store") as store:
        store.replace_graph("urn:test:newtown", g)
        yield store


def test_a_2022_ilacs_report_is_weighed_against_the_partnership_duties(newtown) -> None:
    reg = gap_register(newtown, "newtown")
    expected = [g for g in reg.gaps if g.source == "expected"]
    assert expected, "the partnership duties apply to a 2022 report"
    sources = {g.statutory_source for g in expected}
    assert any("s16E" in s for s in sources)
    # in July 2022 the integrated care board replaced the clinical commissioning group,
    # so a report inspected in June 2022 is held to the CCG duty and not yet the ICB one
    types = {g.missing_body_type for g in expected}
    assert "ccg" in types and "icb" not in types
    # nothing of the LSCB era
    assert "lscb" not in types and not any("s13" in s for s in sources)
