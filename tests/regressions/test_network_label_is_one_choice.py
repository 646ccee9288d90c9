"""Bug: a body with two labels (the reader's and the curated layer's) was named
in `rank`, `export --format graphml` and the explorer's network by whichever
row graph.analysis.network met last, and SPARQL leaves row order to the
engine: the embedded store and an Oxigraph server named the same body
differently. The label is one deterministic choice, whatever the row order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import load_rdf

BOARD = "https://w3id.org/sgkg/id/body/testshire/lscb"

TWO_LABELS = """
@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix lk: <https://w3id.org/sgkg/vocab/link-kind/> .
@prefix lq: <https://w3id.org/sgkg/vocab/link-quality/> .

<https://w3id.org/sgkg/id/body/testshire/lscb> a sg:Body ; sg:bodyType bt:lscb ;
    rdfs:label "Testshire Safeguarding Children Board"@en , "Testshire LSCB"@en ;
    sg:authority <https://w3id.org/sgkg/id/body/testshire/local-authority> .
<https://w3id.org/sgkg/id/body/testshire/local-authority> a sg:Body ;
    sg:bodyType bt:local-authority ; rdfs:label "Testshire County Council"@en ;
    sg:authority <https://w3id.org/sgkg/id/body/testshire/local-authority> .
<https://w3id.org/sgkg/id/link/t1> a sg:Link ;
    sg:source <https://w3id.org/sgkg/id/body/testshire/local-authority> ;
    sg:target <https://w3id.org/sgkg/id/body/testshire/lscb> ;
    sg:linkKind lk:member-of ; sg:quality lq:effective .
"""


class RowsReversed:
    """The same store, its SELECT rows in the opposite order (as another
    engine may return them)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return list(reversed(self.store.select(sparql, bindings)))


def test_a_body_with_two_labels_is_named_the_same_whatever_the_row_order(tmp_path: Path) -> None:
    from graph.analysis.network import to_networkx
    from graph.store.embedded import open_store

    data = tmp_path / "two-labels.ttl"
    data.write_text(TWO_LABELS, encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        load_rdf(store, data)
        names = {to_networkx(s).nodes[BOARD]["label"] for s in (store, RowsReversed(store))}
    assert names == {"Testshire LSCB"}  # the first in code-point order
