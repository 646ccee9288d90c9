"""Read-only SPARQL over the store, and result formatting shared by
``sgkg sparql`` and ``sgkg query``."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph import namespaces as ns
from graph.errors import QueryError
from graph.store.budget import Budget, run_within
from graph.store.embedded import GraphStore
from graph.store.guard import looks_like_update, refuse_service
from graph.store.terms import decoder, encode
from graph.tables import format_delimited, format_rows

RESULT_FORMATS = ("table", "csv", "tsv", "json", "md")


@dataclass
class QueryResult:
    """What a query returned: a table, a boolean or triples."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)


def run_query(
    store: GraphStore,
    text: str,
    bindings: dict[str, Any] | None = None,
    budget: Budget | None = None,
) -> QueryResult:
    """Run a read-only query within a time and memory budget (default: from
    the environment, see :mod:`graph.store.budget`). Updates and ``SERVICE``
    are refused with :class:`QueryError`; a query over budget is stopped
    with :class:`QueryBudgetError`."""
    if looks_like_update(text):
        raise QueryError(
            "this is a SPARQL UPDATE; sgkg sparql is read-only. "
            "Use `sgkg load` or `sgkg ingest` to change the store."
        )
    refuse_service(text)

    def work() -> dict[str, Any]:
        try:
            result = store.query(text, bindings)
        except QueryError as err:
            # a query can fail to parse because it is an update written oddly
            if re.search(r"(?i)\b(INSERT|DELETE)\s+(DATA|WHERE|\{)", text):
                raise QueryError(
                    "this looks like a SPARQL UPDATE; sgkg sparql is read-only"
                ) from err
            raise
        if isinstance(result, ox.QueryBoolean):
            return {"kind": "ask", "boolean": bool(result)}
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            # labels, kinds and reports repeat from row to row: encode each term once
            seen: dict[Any, str | None] = {}

            def cell(term: Any) -> str | None:
                if term is None:
                    return None
                text = seen.get(term)
                if text is None:
                    text = seen[term] = encode(term)
                return text

            rows = [[cell(term) for term in sol] for sol in result]
            return {"kind": "select", "variables": names, "rows": rows}
        triples = [[encode(t.subject), encode(t.predicate), encode(t.object)] for t in result]
        return {"kind": "graph", "triples": triples}

    answer = run_within(work, budget or Budget.from_environment())
    decode = decoder()
    if answer["kind"] == "ask":
        return QueryResult(kind="ask", boolean=answer["boolean"])
    if answer["kind"] == "select":
        rows = [[decode(c) for c in row] for row in answer["rows"]]
        return QueryResult(kind="select", variables=answer["variables"], rows=rows)
    triples = [ox.Triple(*(decode(c) for c in t)) for t in answer["triples"]]
    return QueryResult(kind="graph", triples=triples)


def _plain(term: Any, short: bool) -> str:
    if term is None:
        return ""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return shorten(term.value) if short else term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def shorten(value: str) -> str:
    """``sg:Link`` for an IRI in a known namespace (longest match wins)."""
    best = ""
    for prefix, base in ns.PREFIXES.items():
        if value.startswith(base) and len(base) > len(best):
            best, found = base, prefix
    if best:
        local = value[len(best) :]
        if re.fullmatch(r"[A-Za-z0-9_.-]*", local) and not local.endswith("."):
            return f"{found}:{local}"
    return value


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result: SELECT/ASK as table, csv, tsv or SPARQL 1.1 JSON;
    CONSTRUCT/DESCRIBE as Turtle whatever ``fmt`` says."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "graph":
        return triples_to_turtle(result.triples)
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if fmt == "json":
        return json.dumps(_sparql_json(result), ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        rows = [[_plain(t, short=False) for t in row] for row in result.rows]
        return format_delimited(result.variables, rows, "," if fmt == "csv" else "\t")
    rows = [[_plain(t, short=True) for t in row] for row in result.rows]
    return format_rows(result.variables, rows, fmt)


def _sparql_json(result: QueryResult) -> dict[str, Any]:
    import pyoxigraph as ox

    bindings = []
    for row in result.rows:
        b: dict[str, Any] = {}
        for name, t in zip(result.variables, row, strict=True):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                b[name] = {"type": "uri", "value": t.value}
            elif isinstance(t, ox.BlankNode):
                b[name] = {"type": "bnode", "value": t.value}
            else:
                v: dict[str, Any] = {"type": "literal", "value": t.value}
                if t.language:
                    v["xml:lang"] = t.language
                elif t.datatype.value != ns.XSD + "string":
                    v["datatype"] = t.datatype.value
                b[name] = v
        bindings.append(b)
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def triples_to_turtle(triples: list[Any]) -> str:
    import pyoxigraph as ox

    buf = io.BytesIO()
    ox.serialize(triples, buf, format=ox.RdfFormat.TURTLE, prefixes=ns.PREFIXES)
    return buf.getvalue().decode("utf-8")
