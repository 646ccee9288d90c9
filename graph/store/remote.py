"""A store that is any SPARQL 1.1 Protocol endpoint.

:class:`RemoteStore` answers the same read interface as the embedded
:class:`graph.store.embedded.GraphStore` (``query``, ``select``,
``generation``, ``named_graphs``, ``has_graph``, ``quads``), so every read
command (``sparql``, ``query``, ``show``, ``gaps``, ``path``,
``accountability``, ``rank``, ``viz``, ``export``) runs unchanged against
Oxigraph server, Fuseki, GraphDB, Virtuoso or Neptune with ``--endpoint URL``
(or ``SGKG_ENDPOINT``). :func:`publish` loads an embedded store into a server
that accepts writes, with the SPARQL 1.1 Graph Store Protocol.

What the embedded store does for a query, done here in text:

* the project's prefixes are declared (a query sent to a server carries
  the ``PREFIX`` lines it does not declare itself);
* bound values (``bindings``) are substituted as pyoxigraph's substitutions
  do (SEP-0007): every use of the variable in the query body becomes the
  term, written with N-Triples escaping, never pasted from user text; a bare
  variable in a ``SELECT``, ``GROUP BY`` or ``ORDER BY`` clause is left (it
  is then unbound: a constant group key) and its value is put back into
  each answer row, as the embedded engine reports it;
* the default graph is expected to be the union of the named graphs:
  :func:`publish` writes it that way, or configure the server to do so
  (Oxigraph ``--union-default-graph`` with ``publish --no-default-graph``).

Credentials come only from the environment (``SGKG_ENDPOINT_TOKEN`` for a
bearer token, else ``SGKG_ENDPOINT_USER`` and ``SGKG_ENDPOINT_PASSWORD``), are
sent only to the endpoint's own host, and are never part of a message.
Answers from a server are not kept in the query cache: a server sgkg does not
own can change without raising the store's write generation.
"""

from __future__ import annotations

import base64
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import __version__
from graph import namespaces as ns
from graph.errors import QueryBudgetError, QueryError, StoreError, UserError
from graph.store.guard import refuse_service

ENDPOINT_ENV = "SGKG_ENDPOINT"
USER_ENV = "SGKG_ENDPOINT_USER"
PASSWORD_ENV = "SGKG_ENDPOINT_PASSWORD"
TOKEN_ENV = "SGKG_ENDPOINT_TOKEN"

_RESULTS_JSON = "application/sparql-results+json"
_ACCEPT = f"{_RESULTS_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8"


class EndpointError(StoreError):
    """The endpoint could not be reached, or refused to answer (exit 1)."""


def check_url(url: str) -> str:
    """An http(s) URL without credentials in it (they belong in the environment)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(f"--endpoint must be an http:// or https:// URL, not {safe_url(url)!r}")
    if parts.username or parts.password:
        raise UserError(
            "the endpoint URL carries credentials; give them in the environment instead "
            f"({TOKEN_ENV}, or {USER_ENV} and {PASSWORD_ENV}), never on the command line"
        )
    return url


def safe_url(url: str) -> str:
    """``url`` with any user information removed (for messages)."""
    parts = urllib.parse.urlsplit(url)
    if "@" in parts.netloc:
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
    return urllib.parse.urlunsplit(parts)


def _auth_header() -> dict[str, str]:
    token = os.environ.get(TOKEN_ENV)
    if token:
        return {"Authorization": f"Bearer {token}"}
    user = os.environ.get(USER_ENV)
    if user is not None:
        pair = f"{user}:{os.environ.get(PASSWORD_ENV, '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def _timeout() -> float:
    from graph.store.budget import Budget

    return Budget.from_environment().seconds


def http(
    method: str,
    url: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float | None = None,
) -> tuple[str, bytes]:
    """One HTTP request; returns (content type, body). Every failure is an
    :class:`EndpointError` naming the URL and the reason on one line (a 400
    is a :class:`QueryError`: the server's parser refused the query)."""
    sent = {"User-Agent": f"sgkg/{__version__}", **_auth_header(), **(headers or {})}
    request = urllib.request.Request(url, data=data, method=method, headers=sent)
    where = safe_url(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout or _timeout()) as response:
            return response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        body = _first_line(err.read())
        if err.code == 400:
            raise QueryError(f"the SPARQL endpoint {where} refused the query: {body}") from None
        if err.code in (401, 403):
            raise EndpointError(
                f"the SPARQL endpoint {where} refused access (HTTP {err.code}); set "
                f"{TOKEN_ENV}, or {USER_ENV} and {PASSWORD_ENV}, in the environment"
            ) from None
        raise EndpointError(
            f"the SPARQL endpoint {where} answered HTTP {err.code} {err.reason}"
            + (f": {body}" if body else "")
        ) from None
    except TimeoutError:
        raise QueryBudgetError(
            f"the SPARQL endpoint {where} did not answer within {timeout or _timeout():g} s; "
            "raise the budget with --timeout or SGKG_QUERY_SECONDS"
        ) from None
    except urllib.error.URLError as err:
        reason = err.reason
        text = getattr(reason, "strerror", None) or str(reason)
        raise EndpointError(f"cannot reach the SPARQL endpoint {where}: {text}") from None
    except (OSError, ValueError) as err:  # a reset connection, a malformed answer
        raise EndpointError(f"cannot reach the SPARQL endpoint {where}: {err}") from None


def _first_line(body: bytes, width: int = 300) -> str:
    text = body.decode("utf-8", "replace").strip()
    line = " ".join(text.split())
    return line[:width] + ("..." if len(line) > width else "")


# ---------------------------------------------------------------- query text

#: what the rewriter reads one at a time: text that hides nothing (strings,
#: IRIs, comments), variables, prefixed names, words and brackets
_TOKENS = re.compile(
    r"""(?P<skip>\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
    r"""|<[^<>"{}|^`\\\s]*>|\#[^\n]*)"""
    r"|(?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)"
    r"|(?P<pname>[A-Za-z_][\w.-]*:[\w.%-]*|:[\w.%-]*)"
    r"|(?P<word>[A-Za-z_]\w*)"
    r"|(?P<open>[({])|(?P<close>[)}])"
)
#: keywords that end a SELECT, GROUP BY or ORDER BY clause
_CLAUSE_END = {"WHERE", "FROM", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"}


def term_text(value: Any) -> str:
    """A bound value as SPARQL text: a pyoxigraph term in N-Triples form, a
    ``str`` as an IRI, a number or boolean as a typed literal."""
    import pyoxigraph as ox

    if isinstance(value, ox.NamedNode | ox.Literal):
        return str(value)
    if isinstance(value, ox.BlankNode):
        raise QueryError("a blank node cannot be bound in a query sent to a SPARQL endpoint")
    if isinstance(value, str):
        return str(ox.NamedNode(value))
    if isinstance(value, bool | int | float):
        return str(ox.Literal(value))
    raise TypeError(f"cannot bind {value!r}")


def substitute(text: str, bindings: dict[str, Any] | None) -> str:
    """``text`` with every bound variable of its body replaced by its term.

    A bare variable in a ``SELECT`` projection, ``GROUP BY`` or ``ORDER BY``
    (outside brackets) and the name after ``AS`` stay: those name columns,
    they do not use the value."""
    if not bindings:
        return text
    terms = {name: term_text(v) for name, v in bindings.items()}
    out: list[str] = []
    pos = 0
    clause = False  # in a SELECT / GROUP BY / ORDER BY clause
    depth = 0  # brackets opened inside that clause
    after_as = False
    prev_word = ""
    for m in _TOKENS.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "word":
            word = tok.upper()
            if word == "SELECT" or (word == "BY" and prev_word in ("GROUP", "ORDER")):
                clause, depth = True, 0
            elif clause and depth == 0 and word in _CLAUSE_END:
                clause = False
            after_as = word == "AS"
            prev_word = word
            continue
        if kind == "open":
            if clause:
                if tok == "{" and depth == 0:
                    clause = False
                else:
                    depth += 1
        elif kind == "close":
            if clause:
                if depth == 0:
                    clause = False
                else:
                    depth -= 1
        elif kind == "var":
            name = tok[1:]
            keep = after_as or (clause and depth == 0)
            if name in terms and not keep:
                out.append(text[pos : m.start()])
                out.append(terms[name])
                pos = m.end()
        after_as = False
        if kind != "skip":
            prev_word = ""
    out.append(text[pos:])
    return "".join(out)


def with_prefixes(text: str) -> str:
    """``text`` with a ``PREFIX`` for each project prefix it does not declare."""
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w.-]*):", text)}
    lines = [
        f"PREFIX {p}: <{base}>" for p, base in ns.PREFIXES.items() if p.lower() not in declared
    ]
    # on the query's first line, so the server's line numbers in a syntax error stay right
    return " ".join([*lines, text]) if lines else text


def _term_json(text: str) -> dict[str, str]:
    """SPARQL JSON of a term written in N-Triples form."""
    import pyoxigraph as ox

    from graph.store.terms import literal_json

    if text.startswith("<"):
        return {"type": "uri", "value": text[1:-1]}
    literal = next(iter(ox.parse(f"<x:s> <x:p> {text} .", format=ox.RdfFormat.N_TRIPLES))).object
    return literal_json(literal)


# ---------------------------------------------------------------- the store


@dataclass
class RemoteStore:
    """A read-only store that is a SPARQL 1.1 Protocol endpoint."""

    url: str
    read_only: bool = True
    timeout: float | None = None
    _version: str | None = field(default=None, repr=False)

    @property
    def path(self) -> str:
        return safe_url(self.url)

    @property
    def cache_dir(self) -> Path:
        """A folder that can never be made: the query cache keeps nothing for
        a server (its data can change without a new generation)."""
        return Path(os.devnull) / "sgkg-cache"

    def ask_endpoint(self, sparql: str) -> tuple[str, bytes]:
        data = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        return http(
            "POST",
            self.url,
            data=data,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": _ACCEPT,
            },
            timeout=self.timeout,
        )

    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Any:
        """Run a read-only query on the endpoint; returns what pyoxigraph's
        ``Store.query`` returns (solutions, a boolean or triples)."""
        import pyoxigraph as ox

        from graph.store.guard import looks_like_update

        refuse_service(sparql)
        if looks_like_update(sparql):
            raise QueryError("this is a SPARQL UPDATE; queries sent to an endpoint are read-only")
        text = with_prefixes(substitute(sparql, bindings))
        ctype, body = self.ask_endpoint(text)
        mime = ctype.split(";")[0].strip().lower()
        try:
            if mime in (_RESULTS_JSON, "application/json"):
                doc = json.loads(body)
                if bindings and "results" in doc:
                    _fill_bound(doc, {k: term_text(v) for k, v in bindings.items()})
                return ox.parse_query_results(
                    json.dumps(doc).encode("utf-8"), format=ox.QueryResultsFormat.JSON
                )
            if mime in ("application/sparql-results+xml", "application/xml"):
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
            fmt = ox.RdfFormat.from_media_type(mime) if mime else None
            if fmt is None:
                raise EndpointError(
                    f"the SPARQL endpoint {self.path} answered in {mime or 'no media type'}, "
                    "which sgkg does not read"
                )
            return [q.triple for q in ox.parse(body, format=fmt)]
        except (SyntaxError, ValueError) as err:
            raise EndpointError(
                f"the SPARQL endpoint {self.path} sent an answer sgkg cannot read: {err}"
            ) from None

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """A SELECT as a list of dicts of plain Python values (as the embedded store)."""
        from graph.store.embedded import to_python

        result = self.query(sparql, bindings)
        names = [v.value for v in result.variables]
        return [{n: to_python(sol[n]) for n in names} for sol in result]

    def generation(self) -> int:
        """The write generation of a store published by sgkg (0 for other data)."""
        rows = self.select(
            f"SELECT ?n WHERE {{ GRAPH <{ns.CATALOG_GRAPH}> "
            f"{{ <{ns.CATALOG_GRAPH}> <{ns.SG}generation> ?n }} }} LIMIT 1"
        )
        try:
            return int(rows[0]["n"]) if rows else 0
        except (TypeError, ValueError):
            return 0

    def named_graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"] for r in rows)

    def has_graph(self, graph_iri: str) -> bool:
        import pyoxigraph as ox

        g = ox.NamedNode(graph_iri)
        return bool(self.query(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}"))

    def quads(self, graph_iri: str | None = None) -> Iterator[Any]:
        """The quads of one named graph, or of every named graph."""
        import pyoxigraph as ox

        if graph_iri:
            g = ox.NamedNode(graph_iri)
            result = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
            return (ox.Quad(r["s"], r["p"], r["o"], g) for r in result)
        result = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        return (ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in result)

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    def flush(self) -> None:
        return None

    def close(self) -> None:
        return None

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fill_bound(doc: dict[str, Any], terms: dict[str, str]) -> None:
    """Put the bound values back into the rows of projected variables that
    came back unbound (they were left in the projection, see :func:`substitute`)."""
    names = [v for v in doc.get("head", {}).get("vars", []) if v in terms]
    if not names:
        return
    values = {n: _term_json(terms[n]) for n in names}
    for row in doc["results"].get("bindings", []):
        for n in names:
            row.setdefault(n, values[n])


def open_remote(url: str, timeout: float | None = None) -> RemoteStore:
    """A :class:`RemoteStore` on ``url`` (checked: http(s), no credentials in it)."""
    return RemoteStore(check_url(url), timeout=timeout)


# ---------------------------------------------------------------- publishing


@dataclass
class Published:
    """What :func:`publish` wrote: triples per graph (``""`` is the default graph)."""

    graph_store: str
    graphs: dict[str, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        return sum(n for g, n in self.graphs.items() if g)


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL beside a query endpoint, where a server
    lays them out as Oxigraph does (``/query`` and ``/store``)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.path.rstrip("/").endswith("/query"):
        path = parts.path.rstrip("/")[: -len("query")] + "store"
        return urllib.parse.urlunsplit(parts._replace(path=path, query=""))
    raise UserError(
        f"cannot tell the Graph Store Protocol URL of {safe_url(endpoint)}; give it with "
        "--graph-store (Oxigraph: .../store, Fuseki: .../DATASET/data, "
        "GraphDB: .../repositories/REPO/rdf-graphs/service)"
    )


def publish(
    store: Any, graph_store: str, *, default_graph: bool = True, on_graph: Any = None
) -> Published:
    """PUT every named graph of the embedded ``store`` to the Graph Store
    Protocol endpoint ``graph_store`` (each replaces the server's graph of
    that name), then, with ``default_graph``, the deduplicated union of them
    as the server's default graph, which is what sgkg's queries read."""
    import io

    import pyoxigraph as ox

    check_url(graph_store)
    done = Published(safe_url(graph_store))
    targets: list[tuple[str, Any]] = [(g, store.quads(g)) for g in store.named_graphs()]
    if default_graph:
        targets.append(("", store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    sep = "&" if "?" in graph_store else "?"
    for graph_iri, quads in targets:
        buf = io.BytesIO()
        triples = [q.triple for q in quads]
        ox.serialize(triples, buf, format=ox.RdfFormat.N_TRIPLES)
        target = (
            f"{graph_store}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"
            if graph_iri
            else f"{graph_store}{sep}default"
        )
        http(
            "PUT",
            target,
            data=buf.getvalue(),
            headers={"Content-Type": "application/n-triples"},
            timeout=max(_timeout(), 300.0),
        )
        done.graphs[graph_iri] = len(triples)
        if on_graph is not None:
            on_graph(graph_iri, len(triples))
    return done
