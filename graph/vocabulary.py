"""The ontology and vocabularies as Python needs them, read once.

One home for what the rest of sgkg used to hard-code: the labels of each
SKOS scheme (for finding mentions), which link kinds are symmetric (their
direct property is an ``owl:SymmetricProperty`` in the ontology), and the
families of body types (``skos:broader`` in the vocabulary: police,
probation and the NHS bodies are narrower than "partner agencies", so a
report speaking of "partners" in general stands for each of them).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import pyoxigraph as ox

from graph import namespaces as ns
from graph.resources import ontology_files

_PREF = ns.SKOS + "prefLabel"
_ALT = ns.SKOS + "altLabel"
_BROADER = ns.SKOS + "broader"
_TYPE = ns.RDF + "type"
_SYMMETRIC = "http://www.w3.org/2002/07/owl#SymmetricProperty"
_DIRECT = ns.SG + "directProperty"


@lru_cache(maxsize=1)
def _triples() -> tuple[tuple[str, str, str], ...]:
    """Every triple of the shipped ontology files, as plain strings."""
    out = []
    for path in ontology_files():
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            out.append((t.subject.value, t.predicate.value, t.object.value))
    return tuple(out)


def _key(iri: str, base: str) -> str | None:
    return iri[len(base) :] if iri.startswith(base) else None


@lru_cache(maxsize=8)
def scheme_labels(base: str) -> dict[str, list[str]]:
    """{concept key: [prefLabel and altLabels]} for concepts under ``base``
    (e.g. :data:`graph.namespaces.BODY_TYPE`)."""
    labels: dict[str, list[str]] = defaultdict(list)
    for s, p, o in _triples():
        if p in (_PREF, _ALT):
            key = _key(s, base)
            if key:
                labels[key].append(o)
    return dict(labels)


def pref_labels(base: str) -> dict[str, str]:
    """{concept key: its skos:prefLabel} for concepts under ``base``."""
    out: dict[str, str] = {}
    for s, p, o in _triples():
        key = _key(s, base) if p == _PREF else None
        if key and key not in out:
            out[key] = o
    return out


@lru_cache(maxsize=1)
def symmetric_link_kinds() -> frozenset[str]:
    """Keys of the link kinds whose direct property is symmetric
    (works with, joint arrangement with, shares a plan with)."""
    symmetric = {s for s, p, o in _triples() if p == _TYPE and o == _SYMMETRIC}
    return frozenset(
        key
        for s, p, o in _triples()
        if p == _DIRECT and o in symmetric and (key := _key(s, ns.LINK_KIND))
    )


@lru_cache(maxsize=1)
def body_type_families() -> dict[str, frozenset[str]]:
    """{body type: every narrower body type, transitively} from ``skos:broader``."""
    narrower: dict[str, set[str]] = defaultdict(set)
    for s, p, o in _triples():
        if p == _BROADER:
            child, parent = _key(s, ns.BODY_TYPE), _key(o, ns.BODY_TYPE)
            if child and parent:
                narrower[parent].add(child)

    def below(key: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found: set[str] = set()
        for child in narrower.get(key, ()):
            if child not in seen:
                found |= {child} | below(child, seen | {key})
        return found

    return {key: frozenset(below(key)) for key in narrower}
