"""SHACL validation of the store with pySHACL (``sgkg validate``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph import namespaces as ns


@dataclass
class Violation:
    focus: str
    focus_label: str
    path: str
    message: str
    severity: str
    shape: str


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation]
    results_graph: Any  # rdflib.Graph of the SHACL validation report


def store_as_rdflib(store: Any, include_ontology: bool = False) -> Any:
    """The union of the store's data graphs as one rdflib graph."""
    import pyoxigraph as ox
    import rdflib

    triples = []
    for q in store.quads():
        if not include_ontology and q.graph_name.value in (ns.ONTOLOGY_GRAPH, ns.CATALOG_GRAPH):
            continue
        triples.append(q.triple)
    g = rdflib.Graph()
    if triples:
        import io

        buf = io.BytesIO()
        ox.serialize(triples, buf, format=ox.RdfFormat.N_TRIPLES)
        g.parse(data=buf.getvalue(), format="nt")
    return g


def validate_store(store: Any) -> ValidationReport:
    """Run ``ontology/shapes.ttl`` over every data graph, with the ontology
    and vocabularies as the ontology graph (so subclasses and concepts resolve)."""
    import rdflib
    from pyshacl import validate

    from graph.resources import ontology_files, shapes_file

    data = store_as_rdflib(store)
    shapes = rdflib.Graph().parse(shapes_file(), format="turtle")
    ont = rdflib.Graph()
    for f in ontology_files():
        if f.name != "shapes.ttl":
            ont.parse(f, format="turtle")
    # The vocabularies are part of the data SHACL sees: sh:class skos:Concept
    # and sh:class sg:TextUnit need the concepts' types and the subclass axioms
    # (pySHACL only mixes ont_graph in when it runs inference).
    data += ont
    conforms, results, _text = validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True
    )
    labels = data
    return ValidationReport(
        conforms=bool(conforms), violations=_violations(results, labels), results_graph=results
    )


def _describe(node: Any, labels: Any) -> str:
    """A readable name for a focus node: its label, or for an unlabelled link
    'link <source label> -kind-> <target label>'."""
    from rdflib import RDFS, Namespace

    from graph.store.sparql import shorten

    sg = Namespace(ns.SG)
    label = labels.value(node, RDFS.label)
    if label:
        return str(label)
    src, kind, tgt = (labels.value(node, sg[p]) for p in ("source", "linkKind", "target"))
    if src is None and tgt is None:
        return shorten(str(node))

    def name(x: Any) -> str:
        return str(labels.value(x, RDFS.label) or shorten(str(x))) if x is not None else "?"

    kind_name = str(kind).rsplit("/", 1)[-1] if kind is not None else "link"
    return f"link {name(src)} -{kind_name}-> {name(tgt)} ({shorten(str(node))})"


def _violations(results: Any, labels: Any) -> list[Violation]:
    from rdflib import Namespace

    from graph.store.sparql import shorten

    sh = Namespace(ns.SH)
    out = []
    for r in results.subjects(sh.resultMessage, None, unique=True):
        focus = results.value(r, sh.focusNode)
        path = results.value(r, sh.resultPath)
        sev = results.value(r, sh.resultSeverity)
        out.append(
            Violation(
                focus=str(focus),
                focus_label=_describe(focus, labels) if focus is not None else "",
                path=shorten(str(path)) if path is not None else "",
                message=str(results.value(r, sh.resultMessage)),
                severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                shape=str(results.value(r, sh.sourceShape)),
            )
        )
    out.sort(key=lambda v: (v.focus_label, v.path, v.message))
    return out
