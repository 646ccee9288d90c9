"""Reading RDF files into named graphs, and writing the store back out."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph import iri
from graph import namespaces as ns
from graph.errors import InputFileError, RdfSyntaxError, UnknownFormatError

#: graphs the store maintains itself; loading a dump skips them
RESERVED_GRAPHS = frozenset({ns.ONTOLOGY_GRAPH, ns.CATALOG_GRAPH, ns.VIEWS_GRAPH})

#: suffix -> pyoxigraph format name
SUFFIX_FORMATS: dict[str, str] = {
    ".ttl": "TURTLE",
    ".turtle": "TURTLE",
    ".nt": "N_TRIPLES",
    ".ntriples": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".nquads": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".owl": "RDF_XML",
    ".xml": "RDF_XML",
}

#: names accepted by --input-format / --format
FORMAT_NAMES: dict[str, str] = {
    "ttl": "TURTLE",
    "turtle": "TURTLE",
    "nt": "N_TRIPLES",
    "ntriples": "N_TRIPLES",
    "nq": "N_QUADS",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "jsonld": "JSON_LD",
    "json-ld": "JSON_LD",
    "xml": "RDF_XML",
    "rdfxml": "RDF_XML",
}


def resolve_format(path: str, given: str | None) -> str:
    """The pyoxigraph format name for a file, from ``given`` or the suffix."""
    if given:
        name = FORMAT_NAMES.get(given.lower())
        if not name:
            known = ", ".join(sorted(FORMAT_NAMES))
            raise UnknownFormatError(f"unknown RDF format {given!r}; use one of: {known}")
        return name
    if path == "-":
        raise UnknownFormatError("reading stdin needs --input-format (e.g. --input-format ttl)")
    suffix = Path(path).suffix.lower()
    name = SUFFIX_FORMATS.get(suffix)
    if not name:
        known = ", ".join(sorted(SUFFIX_FORMATS))
        raise UnknownFormatError(
            f"{path}: cannot tell the RDF format from the suffix {suffix or '(none)'!r}; "
            f"use a known suffix ({known}) or --input-format"
        )
    return name


@dataclass
class ParsedFile:
    """An RDF file parsed in full, ready to be written graph by graph."""

    source: str
    graphs: dict[str, list[Any]]  # graph IRI -> triples

    @property
    def triple_count(self) -> int:
        return sum(len(t) for t in self.graphs.values())


def parse_file(
    path: str,
    fmt: str | None = None,
    stdin: io.BufferedReader | None = None,
    graph_iri: str | None = None,
) -> ParsedFile:
    """Parse an RDF file completely (nothing is written until it all parses).

    Triples of the file's default graph go to the file's own named graph
    (:func:`graph.iri.file_graph`, or ``graph_iri``); named graphs in TriG or
    N-Quads files keep their names."""
    import pyoxigraph as ox

    name = resolve_format(path, fmt)
    rdf_format = getattr(ox.RdfFormat, name)
    target = graph_iri or iri.file_graph(path)
    graphs: dict[str, list[Any]] = {}
    try:
        if path == "-":
            data = stdin.read() if stdin is not None else b""
            quads: Iterator[Any] = ox.parse(data, format=rdf_format, base_iri=target)
        else:
            p = Path(path)
            if not p.exists():
                raise InputFileError(f"{path}: no such file")
            if p.is_dir():
                raise InputFileError(f"{path}: is a directory; give RDF files")
            quads = ox.parse(path=str(p), format=rdf_format, base_iri=p.resolve().as_uri())
        for q in quads:
            g = q.graph_name
            key = target if isinstance(g, ox.DefaultGraph) else g.value
            if key in RESERVED_GRAPHS:
                continue  # the store keeps these itself (e.g. re-loading an export)
            graphs.setdefault(key, []).append(q.triple)
    except SyntaxError as err:
        where = ""
        if getattr(err, "lineno", None):
            where = f" line {err.lineno}, column {err.offset}"
        msg = getattr(err, "msg", None) or str(err)
        msg = msg.split(": ", 1)[-1] if msg.startswith("Parser error") else msg
        raise RdfSyntaxError(f"{path}:{where}: not valid {name.replace('_', '-')}: {msg}") from err
    except (OSError, UnicodeDecodeError) as err:
        raise InputFileError(f"{path}: cannot read: {err}") from err
    except ValueError as err:
        raise RdfSyntaxError(f"{path}: not valid {name}: {err}") from err
    if not graphs:
        graphs[target] = []
    return ParsedFile(source=path, graphs=graphs)


EXPORT_FORMATS = {
    "ttl": ("TURTLE", False),
    "nt": ("N_TRIPLES", False),
    "nq": ("N_QUADS", True),
    "trig": ("TRIG", True),
    "jsonld": ("JSON_LD", True),
}


def export(
    store: Any, fmt: str, out: io.BufferedWriter | io.BytesIO, graph_iri: str | None = None
) -> None:
    """Serialise the whole store (or one named graph) to ``out``.

    Triple formats (ttl, nt) get the union of the graphs; dataset formats keep
    graph names."""
    import pyoxigraph as ox

    if fmt not in EXPORT_FORMATS:
        raise UnknownFormatError(
            f"unknown export format {fmt!r}; use one of: " + ", ".join(EXPORT_FORMATS)
        )
    name, dataset = EXPORT_FORMATS[fmt]
    rdf_format = getattr(ox.RdfFormat, name)
    if graph_iri is not None and not store.has_graph(graph_iri):
        raise InputFileError(f"no named graph {graph_iri} in the store; see `sgkg stats`")
    quads = store.quads(graph_iri)
    if dataset:
        data: Any = quads
    else:
        seen = set()
        data = []
        for q in quads:
            t = q.triple
            if t not in seen:
                seen.add(t)
                data.append(t)
    kwargs: dict[str, Any] = {}
    if name in ("TURTLE", "TRIG"):
        kwargs["prefixes"] = ns.PREFIXES
    ox.serialize(data, out, format=rdf_format, **kwargs)
