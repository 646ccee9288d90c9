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

# the views graph only repeats the data (precomputed answers): not listed
_GRAPHS = f"""
SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ns.VIEWS_GRAPH}>) }}
GROUP BY ?g ORDER BY ?g
"""


def store_stats(store: Any) -> dict[str, Any]:
    """Triples, named graphs with their sizes and sources, entities per sg:
    class, and the state of the precomputed whole-store answers."""
    from graph.queries import views

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
        "views": views.status(store),
    }
