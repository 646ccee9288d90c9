"""Build RDF straight as pyoxigraph terms: no rdflib graph, no text round trip.

The reader's and the extractor's graphs are written into the store as they
are built. The spelling mirrors rdflib's (``Namespace``, ``g.add((s, p, o))``,
``Literal(value, lang=..., datatype=...)``) so the builders read as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from graph import namespaces as ns

XSD_DATE = ox.NamedNode(ns.XSD + "date")
XSD_DECIMAL = ox.NamedNode(ns.XSD + "decimal")
XSD_GYEAR = ox.NamedNode(ns.XSD + "gYear")
XSD_GYEARMONTH = ox.NamedNode(ns.XSD + "gYearMonth")


class Namespace:
    """``sg.Report`` and ``sg["Report"]`` give the IRI as a NamedNode."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return ox.NamedNode(self._base + name)

    def __getitem__(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(self._base + name)


def U(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def Literal(value: Any, *, lang: str | None = None, datatype: ox.NamedNode | None = None) -> Any:
    """A literal as rdflib would type it: a str plain (or tagged), an int
    xsd:integer, a float xsd:double; with ``datatype`` the lexical form."""
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype is not None:
        return ox.Literal(str(value), datatype=datatype)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ox.Literal(str(value))
    return ox.Literal(value)


class Triples:
    """A list of triples with rdflib's ``add`` spelling; duplicates kept once."""

    def __init__(self) -> None:
        self._seen: dict[ox.Triple, None] = {}

    def add(self, spo: tuple[Any, Any, Any]) -> None:
        self._seen[ox.Triple(*spo)] = None

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self._seen)

    def __len__(self) -> int:
        return len(self._seen)

    def ntriples(self) -> str:
        """N-Triples text (to hand the graph from a worker process to the writer)."""
        return ox.serialize(list(self._seen), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")

    def turtle(self) -> str:
        return ox.serialize(
            list(self._seen), format=ox.RdfFormat.TURTLE, prefixes=dict(ns.PREFIXES)
        ).decode("utf-8")
