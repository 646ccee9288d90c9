"""An :class:`~graph.extract.links.Extraction` as triples, in a named graph of its own.

Identity (what the lead may want to move into :mod:`graph.iri`):

* the extraction graph of a report: ``graph/extraction/{authority}/{published}``,
  e.g. ``https://w3id.org/sgkg/graph/extraction/bournemouth/2014-06-30``, beside
  the reader's ``graph/report/...`` (so "one report graph per report" still
  holds), and ``sgkg extract`` replaces exactly that graph, never the reader's;
* the extraction activity: ``{report}/extraction/{extractor}``, one per
  report and extractor, named on every link by ``prov:wasGeneratedBy``;
* an extracted link: ``id/link/extracted/{hash}`` of the extractor, the
  report, source, kind, target and quality. The extractor and the report are
  in the hash, so the links of the 2014 and the 2022 report stay apart, and
  the path differs from the curated layers' ``id/link/{hash}``
  (:func:`graph.iri.link`), so an extracted link never takes a curated link's
  IRI. The quality is in it too: the same link judged differently in two
  paragraphs is two findings, each with its own quote.

Bodies are the shared nodes of :func:`graph.iri.body`: an extracted body and
the reader's or a curated layer's body of the same area and type are one
node. No plain ``org:memberOf``-style triple is written for an extracted
link: the link node, with its provenance, is the only statement, so nothing
extracted can pass for curated.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from graph import iri
from graph import namespaces as ns
from graph.rdf.build import XSD_DECIMAL, Literal, Namespace, Triples, U

if TYPE_CHECKING:  # pragma: no cover
    from graph.extract.links import Extraction


EXTRACTION_GRAPHS = ns.GRAPHS + "extraction/"


def extraction_graph(report_iri: str) -> str:
    """The named graph holding what the extractor found in one report."""
    return EXTRACTION_GRAPHS + report_iri.removeprefix(f"{ns.ID}report/")


def is_extraction_graph(graph_iri: str) -> bool:
    return graph_iri.startswith(EXTRACTION_GRAPHS)


def activity(report_iri: str, extractor: str) -> str:
    return f"{report_iri}/extraction/{iri.slug(extractor)}"


def extracted_link(
    extractor: str, report_iri: str, source: str, kind: str, target: str, quality: str
) -> str:
    parts = (extractor, report_iri, source, iri.concept_key(kind), target, quality)
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{ns.ID}link/extracted/{digest}"


def extraction_triples(x: Extraction) -> Triples:
    """The triples of one report's extraction, ready for ``store.replace_graph``
    (built as pyoxigraph terms, :mod:`graph.rdf.build`)."""
    from graph.extract.bodies import body_types
    from graph.extract.links import EXTRACTOR, VERSION

    sg = Namespace(ns.SG)
    prov = Namespace(ns.PROV)
    rdf, rdfs, skos = Namespace(ns.RDF), Namespace(ns.RDFS), Namespace(ns.SKOS)
    g = Triples()
    R = U(x.report_iri)
    la = U(iri.body(x.authority_key, "local-authority"))
    run = U(activity(x.report_iri, EXTRACTOR))
    g.add((run, rdf.type, sg.Extraction))
    g.add((run, rdf.type, prov.Activity))
    g.add((run, rdfs.label, Literal(f"{EXTRACTOR} {VERSION} extraction of {x.report_iri}")))
    g.add((run, sg.extractor, Literal(EXTRACTOR)))
    g.add((run, sg.extractorVersion, Literal(VERSION)))
    g.add((run, sg.method, Literal("rule")))
    g.add((run, prov.used, R))
    g.add((run, sg.authority, la))
    for note in x.notes:
        g.add((run, rdfs.comment, Literal(note)))

    types = body_types()
    for body in x.bodies.values():
        node = U(body.iri)
        g.add((node, rdf.type, sg.Body))
        g.add((node, rdf.type, U(types[body.body_type].org_class)))
        g.add((node, rdfs.label, Literal(body.label, lang="en")))
        g.add((node, sg.bodyType, U(iri.body_type(body.body_type))))
        g.add((node, sg.area, U(iri.area(body.area))))
        if not body.own:  # another area's council or board: its own authority
            g.add((node, sg.authority, U(iri.body(body.area, "local-authority"))))
        else:
            if body.area != x.authority_key:  # a joint body: its area includes this one's
                area = U(iri.area(body.area))
                g.add((area, rdf.type, sg.Area))
                g.add((area, sg.includesArea, U(iri.area(x.authority_key))))
            g.add((node, sg.authority, la))
        for name in body.names:
            if (name != body.label and len(name.split()) > 1) or name.isupper():
                g.add((node, skos.altLabel, Literal(name, lang="en")))

    for link in x.links:
        node = U(
            extracted_link(
                EXTRACTOR, x.report_iri, link.source, link.kind, link.target, link.quality
            )
        )
        g.add((node, rdf.type, sg.Link))
        g.add((node, sg.linkKind, U(iri.link_kind(link.kind))))
        g.add((node, sg.quality, U(iri.link_quality(link.quality))))
        g.add((node, sg.source, U(link.source)))
        g.add((node, sg.target, U(link.target)))
        g.add((node, sg.authority, la))
        for p in link.paragraphs:
            g.add((node, sg.evidence, U(iri.paragraph(x.report_iri, p))))
        for quote in link.quotes:
            g.add((node, sg.quote, Literal(quote)))
        g.add((node, prov.wasGeneratedBy, run))
        g.add((node, sg.method, Literal("rule")))
        g.add((node, sg.rule, Literal(link.rule)))
        g.add((node, sg.confidence, Literal(f"{link.confidence:.2f}", datatype=XSD_DECIMAL)))
        if link.cue:
            g.add((node, rdfs.comment, Literal(f"quality from the words '{link.cue}'")))
    return g
