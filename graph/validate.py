"""Validation of the store (``sgkg validate``): SHACL with pySHACL, and the
quotes checked against the text they cite.

SHACL says each link has evidence; it cannot say the evidence says what the
link claims. So every ``sg:quote`` must occur, whitespace-normalised, in the
text of one of the units its node cites (``sg:evidence``): a quote invented
for a forged finding, or mistyped in a curated layer, is a violation. The
quote problems join pySHACL's results, in its report graph too."""

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
    problems = check_quotes(store)
    if problems:
        _add_quote_results(results, problems)
        conforms = False
    labels = data
    return ValidationReport(
        conforms=bool(conforms), violations=_violations(results, labels), results_graph=results
    )


@dataclass
class QuoteProblem:
    node: str  # the link (or other node) that quotes
    quote: str
    message: str


_QUOTES = """
SELECT ?node ?quote ?unit ?number ?text WHERE {
  ?node sg:quote ?quote .
  OPTIONAL { ?node sg:evidence ?unit .
    OPTIONAL { ?unit sg:number ?number } OPTIONAL { ?unit sg:text ?text } }
}
"""


def check_quotes(store: Any) -> list[QuoteProblem]:
    """Every ``sg:quote`` that does not occur, whitespace-normalised, in the
    text of any unit its node cites as ``sg:evidence``."""
    from graph.evidence import cite, short_quote, unit_label

    cited: dict[tuple[str, str], dict[str, str | None]] = {}
    for row in store.select(_QUOTES):
        units = cited.setdefault((row["node"], row["quote"]), {})
        if row["unit"] is not None:
            label = unit_label(row["unit"], row["number"])
            if row["text"] is not None or label not in units:
                units[label] = row["text"]
    problems = []
    for (node, quote), units in sorted(cited.items()):
        wanted = _normalise(quote)
        texts = [t for t in units.values() if t is not None]
        if any(wanted in _normalise(t) for t in texts):
            continue
        shown = short_quote(quote, 80)
        if not units:
            message = f'Quotes "{shown}" but cites no evidence to find it in (sg:evidence).'
        elif not texts:
            message = (
                f'Quotes "{shown}" from {cite(units)}, whose text is not in the store '
                "(is its report ingested?)."
            )
        else:
            message = f'The quote "{shown}" is not in the text of {cite(units)}, which it cites.'
        problems.append(QuoteProblem(node=node, quote=quote, message=message))
    return problems


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _add_quote_results(results: Any, problems: list[QuoteProblem]) -> None:
    """Add the quote problems to pySHACL's report graph as validation results."""
    from rdflib import BNode, Literal, Namespace, URIRef
    from rdflib.namespace import RDF

    sh = Namespace(ns.SH)
    report = next(iter(results.subjects(RDF.type, sh.ValidationReport)), None)
    if report is not None:
        results.set((report, sh.conforms, Literal(False)))
    for p in problems:
        r = BNode()
        if report is not None:
            results.add((report, sh.result, r))
        results.add((r, RDF.type, sh.ValidationResult))
        results.add((r, sh.focusNode, URIRef(p.node)))
        results.add((r, sh.resultPath, URIRef(ns.SG + "quote")))
        results.add((r, sh.value, Literal(p.quote)))
        results.add((r, sh.resultMessage, Literal(p.message)))
        results.add((r, sh.resultSeverity, sh.Violation))
        results.add((r, sh.sourceShape, URIRef(ns.SG + "quote")))


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
