"""Read-only SPARQL over the store, and result formatting shared by
``sgkg sparql`` and ``sgkg query``."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from graph import namespaces as ns
from graph.errors import QueryError
from graph.tables import format_delimited, format_rows

RESULT_FORMATS = ("table", "csv", "tsv", "json", "md")

_UPDATE_WORDS = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE | re.MULTILINE
)


@dataclass
class QueryResult:
    """What a query returned: a table, a boolean or triples."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)


def _strip_prologue_and_comments(text: str) -> str:
    lines = []
    for line in text.splitlines():
        line = re.sub(r"#.*$", "", line) if "<" not in line else line
        lines.append(line)
    body = "\n".join(lines)
    return re.sub(r"(?is)^\s*((PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", body)


def looks_like_update(text: str) -> bool:
    """True when the text is a SPARQL UPDATE (checked before it reaches the store)."""
    return bool(_UPDATE_WORDS.match(_strip_prologue_and_comments(text)))


def run_query(store: Any, text: str, bindings: dict[str, Any] | None = None) -> QueryResult:
    """Run a read-only query. Updates are refused with :class:`QueryError`."""
    import pyoxigraph as ox

    if looks_like_update(text):
        raise QueryError(
            "this is a SPARQL UPDATE; sgkg sparql is read-only. "
            "Use `sgkg load` or `sgkg ingest` to change the store."
        )
    try:
        result = store.query(text, bindings)
    except QueryError as err:
        # a query can fail to parse because it is an update written oddly
        if re.search(r"(?i)\b(INSERT|DELETE)\s+(DATA|WHERE|\{)", text):
            raise QueryError("this looks like a SPARQL UPDATE; sgkg sparql is read-only") from err
        raise
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [[sol[n] for n in names] for sol in result]
        return QueryResult(kind="select", variables=names, rows=rows)
    return QueryResult(kind="graph", triples=list(result))


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
