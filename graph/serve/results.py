"""SPARQL 1.1 results and graphs in the formats the Protocol names, chosen by
the request's ``Accept`` header (or a ``format`` parameter).

SELECT and ASK: SPARQL Results JSON (the default), XML, CSV and TSV.
CONSTRUCT and DESCRIBE: Turtle (the default), JSON-LD and N-Triples.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph import namespaces as ns
from graph.store.terms import decoder, literal_json

RESULTS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPHS = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
#: the media type sent for each format
MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "html": "text/html; charset=utf-8",
}
#: ``format=`` short names a browser link or curl may use instead of Accept
SHORT = {
    "json": "json",
    "xml": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "ttl": "turtle",
    "turtle": "turtle",
    "jsonld": "jsonld",
    "nt": "nt",
    "html": "html",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (ties keep their order)."""
    ranges = []
    for i, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, i))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def choose(accept: str | None, kind: str, html_ok: bool = False) -> str | None:
    """The format to answer a ``kind`` ("select", "ask", "graph") result in,
    or None when the client accepts none of them (406)."""
    table = GRAPHS if kind == "graph" else RESULTS
    default = "turtle" if kind == "graph" else "json"
    for media, _q in parse_accept(accept):
        if media == "text/html" and html_ok:
            return "html"
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            if media == "text/*":
                return "turtle" if kind == "graph" else "csv"
            return default
    return None


def _term_json(t: Any) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    return literal_json(t)


def decode_rows(answer: dict[str, Any]) -> list[list[Any]]:
    decode = decoder()
    return [[decode(c) for c in row] for row in answer.get("rows", [])]


def serialise(answer: dict[str, Any], fmt: str) -> bytes:
    """An answer of :func:`graph.serve.work.sparql` in ``fmt``."""
    if answer["kind"] == "graph":
        decode = decoder()
        triples = [ox.Triple(*(decode(c) for c in t)) for t in answer["triples"]]
        buf = io.BytesIO()
        if fmt == "jsonld":
            ox.serialize(triples, buf, format=ox.RdfFormat.JSON_LD)
        elif fmt == "nt":
            ox.serialize(triples, buf, format=ox.RdfFormat.N_TRIPLES)
        else:
            ox.serialize(triples, buf, format=ox.RdfFormat.TURTLE, prefixes=ns.PREFIXES)
        return buf.getvalue()
    if answer["kind"] == "ask":
        value = bool(answer["boolean"])
        if fmt == "xml":
            return (
                '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n"
            ).encode()
        if fmt in ("csv", "tsv"):
            return (
                ("_askResult\n" if fmt == "csv" else "?_askResult\n")
                + ("true\n" if value else "false\n")
            ).encode()
        return json.dumps({"head": {}, "boolean": value}).encode()
    names = answer["variables"]
    rows = decode_rows(answer)
    if fmt == "json":
        bindings = [
            {n: _term_json(t) for n, t in zip(names, row, strict=True) if t is not None}
            for row in rows
        ]
        doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "csv":  # SPARQL 1.1 CSV: plain values, CRLF line ends
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for row in rows:
            w.writerow(["" if t is None else t.value for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":  # SPARQL 1.1 TSV: terms in Turtle/N-Triples syntax
        lines = ["\t".join("?" + n for n in names)]
        for row in rows:
            lines.append("\t".join("" if t is None else str(t) for t in row))
        return ("\n".join(lines) + "\n").encode("utf-8")
    return _xml(names, rows).encode("utf-8")


def _xml(names: list[str], rows: list[list[Any]]) -> str:
    out = [
        '<?xml version="1.0"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>" + "".join(f"<variable name={quoteattr(n)}/>" for n in names) + "</head>",
        "<results>",
    ]
    for row in rows:
        cells = []
        for n, t in zip(names, row, strict=True):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                inner = f"<uri>{escape(t.value)}</uri>"
            elif isinstance(t, ox.BlankNode):
                inner = f"<bnode>{escape(t.value)}</bnode>"
            elif t.language:
                inner = f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
            elif t.datatype.value != ns.XSD + "string":
                inner = (
                    f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
                )
            else:
                inner = f"<literal>{escape(t.value)}</literal>"
            cells.append(f"<binding name={quoteattr(n)}>{inner}</binding>")
        out.append("<result>" + "".join(cells) + "</result>")
    out += ["</results>", "</sparql>", ""]
    return "\n".join(out)
