"""Counts for ``sgkg stats``."""

from __future__ import annotations

from typing import Any

from graph import namespaces as ns

_CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class .
  FILTER(STRSTARTS(STR(?class), STR(sg:)))
} GROUP BY ?class ORDER BY DESC(?n) ?class
"""

# the retired views graph of stores written by sgkg 0.1 only repeats the data: not listed
_GRAPHS = f"""
SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ns.VIEWS_GRAPH}>) }}
GROUP BY ?g ORDER BY ?g
"""


def store_stats(store: Any) -> dict[str, Any]:
    """Triples, named graphs with their sizes and sources, entities per sg:
    class, and the store's write generation."""

    sources = {
        r["g"]: r["src"]
        for r in store.select(
            "SELECT ?g ?src WHERE { GRAPH ?c { ?g dcterms:source ?src } }".replace(
                "?c", f"<{ns.CATALOG_GRAPH}>"
            )
        )
    }
    graphs = [
        {"graph": r["g"], "triples": r["n"], "source": sources.get(r["g"], "")}
        for r in store.select(_GRAPHS)
    ]
    classes = [
        {"class": r["class"].replace(ns.SG, "sg:"), "count": r["n"]} for r in store.select(_CLASSES)
    ]
    return {
        "triples": len(store),
        "graphs": graphs,
        "classes": classes,
        "generation": store.generation(),
    }
