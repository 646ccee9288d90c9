"""The store projected into networkx: bodies as nodes, stated links as edges.

Node attributes: ``label``, ``body_type`` (key), ``type_label``, ``org_class``,
``authority`` (authority keys joined by ``;``), ``area``, ``alt_labels``
(``;``-joined). Edge attributes: ``kind``, ``kind_label``, ``quality``,
``link`` (IRI), ``evidence`` (paragraph numbers or block names, ``;``-joined),
``evidence_iris``, ``quote``. Values are plain strings (never lists or None)
so the graph survives GraphML and GEXF as it is.
"""

from __future__ import annotations

from typing import Any

from graph import iri, provenance
from graph.evidence import evidence_order
from graph.vocabulary import symmetric_link_kinds

#: one row per body: of several labels (the reader's and the curated layer's),
#: the first in code-point order, so that every engine names a body alike
_BODIES = """
SELECT ?body (MIN(STR(?bodyLabel)) AS ?label) (MIN(STR(?bodyType)) AS ?type)
       (MIN(STR(?bodyArea)) AS ?area) ?authFilterBody
       (GROUP_CONCAT(DISTINCT ?authKey; SEPARATOR=";") AS ?authorities)
       (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR=";") AS ?alts)
WHERE {
  ?body a sg:Body ; rdfs:label ?bodyLabel .
  OPTIONAL { ?body sg:bodyType ?bodyType }
  OPTIONAL { ?body sg:area ?bodyArea }
  OPTIONAL { ?body sg:authority ?auth . ?auth sg:area ?authArea .
             BIND(REPLACE(STR(?authArea), "^.*/", "") AS ?authKey) }
  OPTIONAL { ?body skos:altLabel ?alt }
  FILTER(?authFilter)
}
GROUP BY ?body ?authFilterBody
"""

#: a body type's label and ORG class (the first in code-point order of each)
_TYPES = """
SELECT ?type (MIN(STR(?label)) AS ?typeLabel) (MIN(STR(?class)) AS ?orgClass) WHERE {
  { SELECT DISTINCT ?type WHERE { ?body a sg:Body ; sg:bodyType ?type } }
  OPTIONAL { ?type skos:prefLabel ?label }
  OPTIONAL { ?type sg:orgClass ?class }
}
GROUP BY ?type
"""

_LINKS = """
SELECT ?link ?source ?target ?kind ?kindLabel ?quality ?authFilterBody
       (GROUP_CONCAT(DISTINCT STR(?ev); SEPARATOR=";") AS ?evidence)
       (GROUP_CONCAT(DISTINCT ?evLabel; SEPARATOR=";") AS ?evidenceLabels)
       (SAMPLE(?q) AS ?quote)
WHERE {
  ?link a sg:Link ; sg:source ?source ; sg:target ?target ; sg:linkKind ?kind ;
        sg:quality ?quality .
  OPTIONAL { ?kind skos:prefLabel ?kindLabel }
  OPTIONAL { ?link sg:evidence ?ev .
             OPTIONAL { ?ev sg:number ?n }
             BIND(COALESCE(STR(?n), REPLACE(STR(?ev), "^.*/block/", "")) AS ?evLabel) }
  OPTIONAL { ?link sg:quote ?q }
  FILTER(?authFilter)
}
GROUP BY ?link ?source ?target ?kind ?kindLabel ?quality ?authFilterBody
"""


# ?authFilterBody is projected only because pyoxigraph 0.5 substitutes a
# variable only when the SELECT clause names it.


def to_networkx(store: Any, authority: str | None = None) -> Any:
    """A ``networkx.MultiDiGraph`` of bodies and stated links.

    With ``authority`` (a name or key such as ``"bournemouth"``), only bodies
    serving that authority and links recorded for it."""
    import networkx as nx

    auth_filter = "true"
    bindings: dict[str, Any] = {}
    if authority:
        bindings["authFilterBody"] = iri.body(iri.authority_key(authority), "local-authority")
        auth_filter = "EXISTS { ?x sg:authority ?authFilterBody }"
    g = nx.MultiDiGraph()
    q_bodies = _BODIES.replace("?authFilter)", auth_filter.replace("?x", "?body") + ")")
    types = {r["type"]: r for r in store.select(_TYPES)}
    for r in store.select(q_bodies, bindings):
        of_type = types.get(r["type"]) or {}
        g.add_node(
            r["body"],
            label=r["label"],
            body_type=iri.concept_key(r["type"]) if r["type"] else "",
            type_label=of_type.get("typeLabel") or "",
            org_class=(of_type.get("orgClass") or "").rsplit("#", 1)[-1],
            area=iri.concept_key(r["area"]) if r["area"] else "",
            authority=r["authorities"] or "",
            alt_labels=r["alts"] or "",
        )
    q_links = _LINKS.replace("?authFilter)", auth_filter.replace("?x", "?link") + ")")
    rows = provenance.curated_wins(  # an extracted twin of a curated link is left out
        store.select(q_links, bindings),
        iri=lambda r: r["link"],
        ends=lambda r: (r["source"], iri.concept_key(r["kind"]), r["target"]),
        evidence=lambda r: (r["evidence"] or "").split(";"),
        symmetric=symmetric_link_kinds(),
    )
    for r in rows:
        s, t = r["source"], r["target"]
        if s not in g or t not in g:
            continue
        evidence = sorted((r["evidenceLabels"] or "").split(";"), key=evidence_order)
        g.add_edge(
            s,
            t,
            key=r["link"],
            link=r["link"],
            kind=iri.concept_key(r["kind"]),
            kind_label=r["kindLabel"] or iri.concept_key(r["kind"]),
            quality=iri.concept_key(r["quality"]),
            evidence=";".join(e for e in evidence if e),
            evidence_iris=r["evidence"] or "",
            quote=r["quote"] or "",
            how=provenance.how(r["link"]),
        )
    return g


NETWORK_FORMATS = ("graphml", "gexf")


def serialise_network(g: Any, fmt: str) -> bytes:
    """``g`` as GraphML or GEXF bytes, for Gephi, yEd or Cytoscape."""
    import io

    import networkx as nx

    from graph.errors import UnknownFormatError

    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buf)
    elif fmt == "gexf":
        nx.write_gexf(g, buf)
    else:
        raise UnknownFormatError(f"unknown network format {fmt!r}; use graphml or gexf")
    return buf.getvalue()
