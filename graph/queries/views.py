"""Precomputed answers of named queries over the whole store ("views").

A named query asked for one authority is fast: the authority drives the
join. Asked for the whole store, the same query has to join every link or
paragraph of every authority, and pyoxigraph needs about 20 µs per result
row for that (2.3 s for the 14,527 weak links of a 150-authority store).
Whole-store answers are therefore kept ready, one *partition* per query and
authority, in the store's own graph :data:`VIEWS_GRAPH`:

* a partition is the named query's answer with ``?authority`` bound (and its
  other optional parameters unbound), already in the form ``sgkg query``
  prints: parameter columns dropped, paragraph lists in order. A required
  parameter of a closed vocabulary (the ``topic`` of ``topic-paragraphs``)
  is left unbound while computing, and the answer split by its value;
* the whole-store answer is the merge of the partitions by the query's first
  ``ORDER BY`` column (a report or an authority key, so authorities do not
  interleave); it equals the query run over the whole store, which the tests
  check for every such query;
* every write (:meth:`graph.store.GraphStore.replace_graph` and
  ``remove_graph``) marks, *in the same transaction*, the authorities whose
  answers it may change as pending and drops their partitions; a write of
  data that is not about any authority (the ontology, vocabularies) marks
  every authority. A pending authority's partition is computed from the data
  when asked (about 20 ms), so an answer is never stale, only slower;
* :func:`refresh` recomputes the pending partitions, one transaction per
  authority; the store does it when a writing session ends.

A query can have views when it has an optional ``authority`` parameter that
it binds by a triple pattern, and its first ``ORDER BY`` key is a column it
prints. The views graph is not part of the union default graph, not
exported and not validated: it only repeats what the data says.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph import namespaces as ns

#: the graph holding views; never part of the union default graph
VIEWS_GRAPH = ns.VIEWS_GRAPH
VIEW = ns.BASE + "view/"
#: bump when the stored form of a partition changes
FORMAT = "1"

_PENDING = ns.SG + "viewPending"
_VERSION = ns.SG + "viewVersion"
_PARTITION = ns.SG + "viewPartition"
_ROWS = ns.SG + "viewRows"
_FOR = ns.SG + "viewAuthority"
_AUTHORITY = ns.SG + "authority"
_REPORT_ANCHOR = re.compile(re.escape(ns.ID) + r"report/[^/]+/[^/]+")
_ORDER = re.compile(r"\bORDER\s+BY\s+(?:(ASC|DESC)\s*\(\s*)?\?(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class ViewSpec:
    """How one named query is kept as views."""

    name: str
    splits: tuple[str, ...]  # required parameters left unbound and split on
    optional: tuple[str, ...]  # optional parameters other than the authority
    order_column: str  # the first ORDER BY variable (a printed column)
    descending: bool
    row: str | None = None  # what a row is about (#+ row:), kept for facets
    facets: tuple[str, ...] = ()  # optional parameters answered by filtering rows


def spec_for(query: Any) -> ViewSpec | None:
    """The view layout of a :class:`graph.queries.NamedQuery`, or None when
    it cannot have views."""
    params = {p.name: p for p in query.params}
    authority = params.get("authority")
    if authority is None or authority.kind != "authority" or not authority.optional:
        return None
    if not re.search(r"\?authority\s*[;.]|sg:authority\s+\?authority\b", query.text):
        return None
    order = _ORDER.search(query.text)
    if not order or order.group(2) in params:
        return None
    splits, optional = [], []
    for p in query.params:
        if p.name == "authority":
            continue
        if p.optional:
            optional.append(p.name)
        elif p.kind in ("authority", "body", "text"):
            return None  # an open-ended required value: nothing to precompute
        else:
            splits.append(p.name)
    return ViewSpec(
        name=query.name,
        splits=tuple(splits),
        optional=tuple(optional),
        order_column=order.group(2),
        descending=(order.group(1) or "").upper() == "DESC",
        row=query.row if query.facets else None,
        facets=tuple(name for name in optional if name in query.facets),
    )


@lru_cache(maxsize=1)
def view_specs() -> tuple[tuple[Any, ViewSpec], ...]:
    """The shipped named queries that have views, with their layout (read
    once per process: the shipped files do not change under it)."""
    from graph.queries.catalog import list_queries

    out = []
    for q in list_queries():
        spec = spec_for(q)
        if spec is not None:
            out.append((q, spec))
    return tuple(out)


@lru_cache(maxsize=1)
def version() -> str:
    """Changes whenever a shipped view query or the stored format changes."""
    h = hashlib.sha256(FORMAT.encode())
    for q, _ in view_specs():
        h.update(q.name.encode() + b"\0" + q.text.encode() + b"\0")
    return h.hexdigest()[:16]


def _view_node(name: str, split_values: Iterable[Any] = ()) -> str:
    parts = [name]
    for term in split_values:
        parts.append(hashlib.sha256(str(term).encode()).hexdigest()[:16])
    return VIEW + "/".join(parts)


def _partition_node(view: str, authority: str) -> str:
    return f"{view}/{hashlib.sha256(authority.encode()).hexdigest()[:16]}"


# ---------------------------------------------------------------- cells


def _encode(term: Any) -> str | None:
    """A term as a short string: ``<iri``, ``"text``, ``@lang text``, ``^datatype text``."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return "<" + term.value
    if isinstance(term, ox.BlankNode):
        return "_" + term.value
    if term.language:
        return f"@{term.language} {term.value}"
    if term.datatype.value == ns.XSD + "string":
        return '"' + term.value
    return f"^{term.datatype.value} {term.value}"


def _decoder() -> Any:
    import pyoxigraph as ox

    cache: dict[str, Any] = {}

    def decode(cell: str | None) -> Any:
        if cell is None:
            return None
        term = cache.get(cell)
        if term is not None:
            return term
        tag, rest = cell[0], cell[1:]
        if tag == '"':
            term = ox.Literal(rest)
        elif tag == "<":
            term = ox.NamedNode(rest)
        elif tag == "@":
            lang, _, value = rest.partition(" ")
            term = ox.Literal(value, language=lang)
        elif tag == "^":
            datatype, _, value = rest.partition(" ")
            term = ox.Literal(value, datatype=ox.NamedNode(datatype))
        else:
            term = ox.BlankNode(rest)
        cache[cell] = term
        return term

    return decode


# ---------------------------------------------------------------- invalidation


def affected_authorities(store: Any, graph_iri: str, new_triples: list[Any]) -> set[str] | None:
    """The authorities whose answers a write of ``graph_iri`` may change
    (its old content and ``new_triples``), or None for every authority.

    An answer for an authority reads its reports (and everything under their
    IRIs), its links and bodies, and the labels of vocabulary terms. So a write
    is about the authorities that its ``id/`` resources (or, for a resource
    under a report, that report) are ``sg:authority`` of, before or after the
    write; a write that describes anything outside ``id/`` (a vocabulary
    term, the ontology) may change every answer."""
    import pyoxigraph as ox

    anchors: set[str] = set()
    found: set[str] = set()
    old = store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
    for t in (*new_triples, *old):
        s, o = t.subject, t.object
        if isinstance(s, ox.NamedNode):
            if not s.value.startswith(ns.ID):
                if not s.value.startswith(ns.GRAPHS):  # a graph's own description is harmless
                    return None
            else:
                anchors.add(s.value)
        if isinstance(o, ox.NamedNode) and o.value.startswith(ns.ID):
            anchors.add(o.value)
            if t.predicate.value == _AUTHORITY:
                found.add(o.value)
    if not anchors:
        return None
    authority = ox.NamedNode(_AUTHORITY)
    default = ox.DefaultGraph()
    # a paragraph, judgement or list item is about the authority of its report
    reports = {m.group(0) for a in anchors if (m := _REPORT_ANCHOR.match(a))}
    for anchor in {a for a in anchors if not _REPORT_ANCHOR.match(a)} | reports:
        for q in store.ox.quads_for_pattern(ox.NamedNode(anchor), authority, None, default):
            found.add(q.object.value)
    return found


def invalidate_update(authorities: set[str] | None) -> str:
    """SPARQL update operations, run in the writing transaction after the
    data changed: drop the partitions of ``authorities`` (None: all) and mark
    them pending."""
    g = f"<{VIEWS_GRAPH}>"
    if authorities is None:
        return (
            f"DELETE {{ GRAPH {g} {{ ?p ?x ?y }} }}"
            f" WHERE {{ GRAPH {g} {{ ?p <{_FOR}> ?a ; ?x ?y }} }} ;"
            f" DELETE {{ GRAPH {g} {{ ?v <{_PARTITION}> ?p }} }}"
            f" WHERE {{ GRAPH {g} {{ ?v <{_PARTITION}> ?p }} }} ;"
            f" INSERT {{ GRAPH {g} {{ ?a <{_PENDING}> true }} }}"
            f" WHERE {{ SELECT DISTINCT ?a {{ ?x <{_AUTHORITY}> ?a FILTER(isIRI(?a)) }} }}"
        )
    if not authorities:
        return ""
    values = " ".join(f"<{a}>" for a in sorted(authorities))
    return (
        f"DELETE {{ GRAPH {g} {{ ?v <{_PARTITION}> ?p . ?p ?x ?y }} }}"
        f" WHERE {{ VALUES ?a {{ {values} }} GRAPH {g} {{ ?p <{_FOR}> ?a ; ?x ?y ."
        f" ?v <{_PARTITION}> ?p }} }} ;"
        f" INSERT DATA {{ GRAPH {g} {{ "
        + " ".join(f"<{a}> <{_PENDING}> true ." for a in sorted(authorities))
        + " } }"
    )


def ensure(store: Any) -> bool:
    """Start (or restart, after an upgrade changed a query) the views of a
    writable store: every authority pending. Returns True when it wrote."""
    if usable(store) or store.read_only:
        return False
    g = f"<{VIEWS_GRAPH}>"
    store.ox.update(
        f"DROP SILENT GRAPH {g} ; "
        f'INSERT DATA {{ GRAPH {g} {{ {g} <{_VERSION}> "{version()}" }} }} ; '
        + invalidate_update(None)
    )
    return True


def usable(store: Any) -> bool:
    """True when the store's views are of this version of the queries."""
    import pyoxigraph as ox

    g = ox.NamedNode(VIEWS_GRAPH)
    marks = list(store.ox.quads_for_pattern(g, ox.NamedNode(_VERSION), None, g))
    return bool(marks) and marks[0].object.value == version()


def status(store: Any) -> dict[str, Any]:
    """How many authorities have their partitions, how many are pending, and
    whether the views are of this version (``sgkg stats``)."""
    import pyoxigraph as ox

    g = ox.NamedNode(VIEWS_GRAPH)
    ready = {q.object.value for q in store.ox.quads_for_pattern(None, ox.NamedNode(_FOR), None, g)}
    return {"ready": len(ready), "pending": len(pending(store)), "usable": usable(store)}


def pending(store: Any) -> list[str]:
    """Authorities whose partitions are not computed yet."""
    import pyoxigraph as ox

    g = ox.NamedNode(VIEWS_GRAPH)
    quads = store.ox.quads_for_pattern(None, ox.NamedNode(_PENDING), None, g)
    return sorted(q.subject.value for q in quads)


# ---------------------------------------------------------------- computing


def _compute(store: Any, query: Any, spec: ViewSpec, authority: str, split_bound: dict) -> Any:
    """The partition(s) of one authority in printed form:
    ``{split values: (variables, rows, row nodes or None)}``."""
    import pyoxigraph as ox

    from graph.queries.catalog import finish_result
    from graph.store.sparql import run_query

    bindings: dict[str, Any] = {"authority": ox.NamedNode(authority), **split_bound}
    raw = run_query(store, query.text, bindings)
    positions = [raw.variables.index(s) for s in spec.splits]
    keys = [tuple(row[i] for i in positions) for row in raw.rows]
    nodes = [row[raw.variables.index(spec.row)] for row in raw.rows] if spec.row else None
    finished = finish_result(query, raw)  # same rows, same order, printed columns
    groups: dict[tuple, tuple[list, list]] = {}
    for i, row in enumerate(finished.rows):
        rows, kept = groups.setdefault(keys[i], ([], []))
        rows.append(row)
        if nodes is not None:
            kept.append(nodes[i])
    if not groups:
        groups[()] = ([], [])
    return {
        key: (finished.variables, rows, kept if nodes is not None else None)
        for key, (rows, kept) in groups.items()
    }


def refresh(store: Any, limit: int | None = None) -> int:
    """Compute the partitions of pending authorities (at most ``limit``), one
    transaction per authority. Returns how many authorities were done."""
    import pyoxigraph as ox

    if store.read_only or not usable(store):
        return 0
    g = f"<{VIEWS_GRAPH}>"
    specs = view_specs()
    done = 0
    for authority in pending(store):
        if limit is not None and done >= limit:
            break
        lines = []
        for query, spec in specs:
            parts = _compute(store, query, spec, authority, {})
            for key, (variables, rows, nodes) in parts.items():
                if spec.splits and not rows:
                    continue
                view = _view_node(spec.name, key)
                part = _partition_node(view, authority)
                data: dict[str, Any] = {
                    "v": variables,
                    "r": [[_encode(c) for c in row] for row in rows],
                }
                if nodes is not None:
                    data["n"] = [_encode(n) for n in nodes]
                payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                lines.append(f"<{view}> <{_PARTITION}> <{part}> .")
                lines.append(f"<{part}> <{_FOR}> <{authority}> .")
                lines.append(f"<{part}> <{_ROWS}> {ox.Literal(payload)} .")
        store.ox.update(
            f"DELETE WHERE {{ GRAPH {g} {{ <{authority}> <{_PENDING}> ?x }} }} ; "
            f"DELETE {{ GRAPH {g} {{ ?v <{_PARTITION}> ?p . ?p ?x ?y }} }}"
            f" WHERE {{ GRAPH {g} {{ ?p <{_FOR}> <{authority}> ; ?x ?y ."
            f" ?v <{_PARTITION}> ?p }} }} ;"
            f" INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} }"
        )
        done += 1
    return done


# ---------------------------------------------------------------- answering


def applies(query: Any, bindings: dict[str, Any]) -> ViewSpec | None:
    """The view layout to answer ``query`` with ``bindings`` from views: a
    whole-store question (no authority), its optional filters only those that
    have a facet."""
    if "authority" in bindings:
        return None
    spec = spec_for(query)
    if spec is None:
        return None
    if any(name in bindings and name not in spec.facets for name in spec.optional):
        return None
    if any(name not in bindings for name in spec.splits):
        return None
    return spec


def answer(store: Any, query: Any, bindings: dict[str, Any]) -> Any | None:
    """The whole-store answer of ``query`` from its partitions (pending ones
    computed now), as a finished :class:`graph.sparql.QueryResult`; None when
    views cannot answer it (then run the query itself)."""
    import pyoxigraph as ox

    from graph.queries.catalog import folder_is_shipped
    from graph.store.sparql import QueryResult

    spec = applies(query, bindings)
    if spec is None or not folder_is_shipped(query) or not usable(store):
        return None
    g = ox.NamedNode(VIEWS_GRAPH)
    split_values = [bindings[s] for s in spec.splits]
    view = ox.NamedNode(_view_node(spec.name, split_values))
    rows_p = ox.NamedNode(_ROWS)
    filters = {name: bindings[name] for name in spec.facets if name in bindings}
    keep = _facet_rows(store, query, spec, filters) if filters else None
    decode = _decoder()
    variables: list[str] | None = None
    partitions: list[list[list[Any]]] = []
    for q in store.ox.quads_for_pattern(view, ox.NamedNode(_PARTITION), None, g):
        for r in store.ox.quads_for_pattern(q.object, rows_p, None, g):
            data = json.loads(r.object.value)
            variables = data["v"]
            if keep is None:
                partitions.append([[decode(c) for c in row] for row in data["r"]])
            else:
                chosen = [
                    [decode(c) for c in row]
                    for row, node in zip(data["r"], data["n"], strict=True)
                    if node in keep
                ]
                partitions.append(chosen)
    split_bound = dict(zip(spec.splits, split_values, strict=True))
    for authority in pending(store):
        parts = _compute(store, query, spec, authority, {**split_bound, **filters})
        for vars_, rows, _ in parts.values():
            variables = variables or vars_
            if rows:
                partitions.append(rows)
    if variables is None:
        # no authority has any data: the query itself answers (quickly)
        return None
    col = variables.index(spec.order_column)
    rows = list(_merge(partitions, col, spec.descending))
    return QueryResult(kind="select", variables=variables, rows=rows)


def _facet_rows(store: Any, query: Any, spec: ViewSpec, filters: dict[str, Any]) -> set[str]:
    """The rows (their ``#+ row:`` node, encoded as in a partition) that the
    given optional parameters keep, by each one's ``#+ facet:`` pattern."""
    keep: set[str] | None = None
    for name, value in filters.items():
        text = (
            _prologue(query.text)
            + f"SELECT DISTINCT ?{spec.row} ?{name} WHERE {{ {query.facets[name]} }}"
        )
        result = store.query(text, {name: value})
        found = {_encode(sol[spec.row]) for sol in result}
        keep = found if keep is None else keep & found
    return keep or set()


def _prologue(text: str) -> str:
    """The PREFIX lines of a query."""
    return "".join(m.group(0) + "\n" for m in re.finditer(r"(?im)^\s*PREFIX\s+\S*\s*<[^>]*>", text))


def _merge(partitions: list[list[list[Any]]], col: int, descending: bool) -> Iterator[list[Any]]:
    """Merge sorted partitions by one column as SPARQL orders it (unbound first)."""

    def key(row: list[Any]) -> tuple[int, str]:
        term = row[col]
        return (0, "") if term is None else (1, term.value)

    if len(partitions) == 1:
        return iter(partitions[0])
    return heapq.merge(*partitions, key=key, reverse=descending)
