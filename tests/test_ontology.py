"""The ontology, vocabularies and shapes: they load, close under OWL-RL, are
fully labelled, and the shapes accept good links and reject bad ones."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, Namespace

from graph.resources import ontology_dir, ontology_files, shapes_file

SG = Namespace("https://w3id.org/sgkg/ontology#")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    for f in ontology_files():
        g.parse(f, format="turtle")
    return g


def test_every_ontology_file_parses() -> None:
    names = {f.name for f in ontology_files()}
    assert {"safeguarding.ttl", "vocabularies.ttl", "shapes.ttl"} <= names
    for f in ontology_files():
        assert len(rdflib.Graph().parse(f, format="turtle")) > 0, f


def test_every_class_and_property_has_label_and_comment(ontology: rdflib.Graph) -> None:
    g = rdflib.Graph().parse(ontology_dir() / "safeguarding.ttl")
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        terms |= {s for s in g.subjects(RDF.type, kind) if str(s).startswith(str(SG))}
    assert len(terms) > 60
    unlabelled = [t for t in terms if g.value(t, RDFS.label) is None]
    uncommented = [t for t in terms if g.value(t, RDFS.comment) is None]
    assert unlabelled == []
    assert uncommented == []


def test_survives_owl_rl_closure(ontology: rdflib.Graph) -> None:
    import owlrl

    g = rdflib.Graph()
    g += ontology
    before = len(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert len(g) > before
    # the closure keeps the subclass chain the queries rely on
    assert (SG.Paragraph, RDFS.subClassOf, SG.TextUnit) in g
    assert (SG.Recommendation, RDFS.subClassOf, SG.ListItem) in g


def test_body_types_carry_acronyms(ontology: rdflib.Graph) -> None:
    bt = Namespace("https://w3id.org/sgkg/vocab/body-type/")
    alts = {str(a) for a in ontology.objects(bt.lscb, SKOS.altLabel)}
    assert "LSCB" in alts
    assert str(ontology.value(bt.lscb, SKOS.prefLabel)) == "Local Safeguarding Children Board"
    # every body type names the ORG class its bodies take
    for concept in ontology.subjects(SKOS.inScheme, rdflib.URIRef(str(bt).rstrip("/"))):
        assert ontology.value(concept, SG.orgClass) is not None, concept


def test_link_quality_scheme_has_the_five_found_values(ontology: rdflib.Graph) -> None:
    lq = Namespace("https://w3id.org/sgkg/vocab/link-quality/")
    for key in ("effective", "developing", "weak", "absent", "stated"):
        assert (lq[key], RDF.type, SKOS.Concept) in ontology
    # the gap-only value is documented as never describing a stated link
    assert ontology.value(lq["not-evidenced"], SKOS.scopeNote) is not None


def test_expectation_gap_is_not_a_link(ontology: rdflib.Graph) -> None:
    assert (SG.ExpectationGap, RDFS.subClassOf, SG.Link) not in ontology
    assert ontology.value(SG.ExpectationGap, RDFS.comment) is not None


LINK = """
@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix lk: <https://w3id.org/sgkg/vocab/link-kind/> .
@prefix lq: <https://w3id.org/sgkg/vocab/link-quality/> .
@prefix ex: <https://example.org/> .
ex:r a sg:Report .
ex:p a sg:Paragraph ; sg:report ex:r ; sg:number 112 ; sg:text "No housing on the board." .
ex:lscb a sg:Body, org:OrganizationalCollaboration ; rdfs:label "LSCB" ; sg:bodyType bt:lscb .
ex:housing a sg:Body ; rdfs:label "Housing" ; sg:bodyType bt:housing .
ex:link a sg:Link ; sg:linkKind lk:member-of ; sg:quality lq:absent ;
    sg:source ex:housing ; sg:target ex:lscb EVIDENCE .
"""


def _conforms(data: str) -> tuple[bool, str]:
    from pyshacl import validate

    ont = rdflib.Graph()
    for f in ontology_files():
        if f != shapes_file():
            ont.parse(f)
    g = rdflib.Graph().parse(data=data, format="turtle")
    g += ont
    conforms, _, text = validate(g, shacl_graph=rdflib.Graph().parse(shapes_file()))
    return bool(conforms), text


def test_shapes_accept_a_link_with_evidence() -> None:
    ok, text = _conforms(LINK.replace("EVIDENCE", "; sg:evidence ex:p"))
    assert ok, text


def test_shapes_reject_a_link_without_evidence() -> None:
    ok, text = _conforms(LINK.replace("EVIDENCE", ""))
    assert not ok
    assert "evidence" in text


def test_shapes_reject_a_link_with_a_gap_only_quality() -> None:
    data = LINK.replace("EVIDENCE", "; sg:evidence ex:p").replace("lq:absent", "lq:not-evidenced")
    ok, text = _conforms(data)
    assert not ok
    assert "quality" in text


def test_shapes_require_a_gap_to_name_its_source() -> None:
    gap = """
@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix lk: <https://w3id.org/sgkg/vocab/link-kind/> .
@prefix ex: <https://example.org/> .
ex:lscb a sg:Body ; rdfs:label "LSCB" ; sg:bodyType bt:lscb .
ex:gap a sg:ExpectationGap ; sg:subject ex:lscb ; sg:expectedBodyType bt:cafcass ;
    sg:expectedLinkKind lk:member-of SOURCE .
"""
    ok, text = _conforms(gap.replace("SOURCE", ""))
    assert not ok and "statutory source" in text
    ok, text = _conforms(gap.replace("SOURCE", '; sg:statutorySource "Children Act 2004, s13(3)"'))
    assert ok, text


def test_shapes_require_judgement_grade() -> None:
    j = """
@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix area: <https://w3id.org/sgkg/vocab/judgement-area/> .
@prefix grade: <https://w3id.org/sgkg/vocab/grade/> .
@prefix ex: <https://example.org/> .
ex:r a sg:Report .
ex:j a sg:Judgement ; sg:report ex:r ; sg:judgementArea area:adoption GRADE .
"""
    assert not _conforms(j.replace("GRADE", ""))[0]
    assert _conforms(j.replace("GRADE", "; sg:grade grade:not-judged"))[0]
