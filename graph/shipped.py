"""The data that ships with sgkg: the seed report and the curated layers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.resources import curated_dir, seed_report


@dataclass
class ShippedLoad:
    report: Any  # graph.ingest.Ingested
    layers: dict[str, int]  # curated file name -> triples


def load_shipped(store: Any) -> ShippedLoad:
    """Ingest the seed report (Bournemouth 2014) and load every curated layer
    in ``data/curated`` into ``store``; each replaces its own graph, so running
    it again changes nothing."""
    from graph.ingest import ingest_report
    from graph.rdf.files import parse_file

    report = ingest_report(store, seed_report())
    layers: dict[str, int] = {}
    for path in sorted(curated_dir().glob("*.ttl")):
        parsed = parse_file(str(path), graph_iri=_layer_graph(path.name))
        for graph_iri, triples in parsed.graphs.items():
            store.replace_graph(graph_iri, triples, source=f"sgkg:data/curated/{path.name}")
        layers[path.name] = parsed.triple_count
    return ShippedLoad(report=report, layers=layers)


def _layer_graph(name: str) -> str:
    """Shipped layers get a stable graph name, wherever sgkg is installed."""
    from graph.namespaces import GRAPHS

    return f"{GRAPHS}curated/{name.removesuffix('.ttl')}"
