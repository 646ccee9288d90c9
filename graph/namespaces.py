"""Namespace IRIs used across the project, as plain strings (cheap to import)."""

from __future__ import annotations

BASE = "https://w3id.org/sgkg/"
SG = BASE + "ontology#"
ID = BASE + "id/"
VOCAB = BASE + "vocab/"
GRAPHS = BASE + "graph/"

ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"
QB = "http://purl.org/linked-data/cube#"

#: concept scheme namespaces (one per SKOS scheme in ontology/vocabularies.ttl)
BODY_TYPE = VOCAB + "body-type/"
LINK_KIND = VOCAB + "link-kind/"
LINK_QUALITY = VOCAB + "link-quality/"
GRADE = VOCAB + "grade/"
JUDGEMENT_AREA = VOCAB + "judgement-area/"
FRAMEWORK = VOCAB + "framework/"
TOPIC = VOCAB + "topic/"
MEASURE = VOCAB + "measure/"
LIST_KIND = VOCAB + "list-kind/"

#: named graph that always holds the ontology, vocabularies, shapes and expectations
ONTOLOGY_GRAPH = GRAPHS + "ontology"
#: named graph recording what was loaded from where (source, hash, time)
CATALOG_GRAPH = GRAPHS + "catalog"
#: retired: where stores written by sgkg 0.1 kept precomputed answers (dropped on the first write)
VIEWS_GRAPH = GRAPHS + "views"

PREFIXES: dict[str, str] = {
    "sg": SG,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "bt": BODY_TYPE,
    "lk": LINK_KIND,
    "lq": LINK_QUALITY,
    "grade": GRADE,
    "area": JUDGEMENT_AREA,
    "fw": FRAMEWORK,
    "topic": TOPIC,
    "measure": MEASURE,
    "lkind": LIST_KIND,
}


def sparql_prologue() -> str:
    """PREFIX lines for every project prefix, for queries written in code."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
