"""What the server's forked child does for a request: call one library
function on the store and return plain, JSON-able data (terms encoded as
:mod:`graph.store.terms` does). Nothing here formats HTML or knows HTTP."""

from __future__ import annotations

from typing import Any

from graph.store.terms import encode


def sparql(store: Any, text: str, max_rows: int) -> dict[str, Any]:
    """A read-only query: a table, a boolean or triples, at most ``max_rows``."""
    import pyoxigraph as ox

    from graph.errors import QueryError
    from graph.store.guard import looks_like_update

    if looks_like_update(text):
        raise QueryError("this is a SPARQL UPDATE; this endpoint is read-only")
    result = store.query(text)
    if isinstance(result, ox.QueryBoolean):
        return {"kind": "ask", "boolean": bool(result)}
    truncated = False
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows: list[list[str | None]] = []
        for sol in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append([encode(sol[n]) for n in names])
        return {"kind": "select", "variables": names, "rows": rows, "truncated": truncated}
    triples: list[list[str | None]] = []
    for t in result:
        if len(triples) >= max_rows:
            truncated = True
            break
        triples.append([encode(t.subject), encode(t.predicate), encode(t.object)])
    return {"kind": "graph", "triples": triples, "truncated": truncated}


def named_query(
    store: Any, name: str, given: tuple[tuple[str, str], ...], max_rows: int
) -> dict[str, Any]:
    """A named query's answer as ``sgkg query`` gives it (parameter columns
    hidden, evidence in paragraph order), from the answer cache when kept.
    ``given`` holds (parameter, value) pairs."""
    from graph.queries.catalog import run_named_query

    query, result = run_named_query(store, name, dict(given))
    rows = [[encode(c) for c in row] for row in result.rows[:max_rows]]
    return {
        "name": query.name,
        "summary": query.summary,
        "variables": result.variables,
        "rows": rows,
        "truncated": len(result.rows) > max_rows,
    }


def show(store: Any, name: str, authority: str | None) -> dict[str, Any]:
    from graph.queries.show import show_body

    return show_body(store, name, authority=authority).as_dict()


def gaps(store: Any, authority: str | None, source: str | None, fmt: str) -> Any:
    """The gap register as JSON data (``fmt`` json) or its printable HTML document."""
    import json

    from graph.analysis.register import gap_register
    from graph.analysis.register_render import render

    register = gap_register(store, authority)
    if source:
        register.gaps = register.by_source(source)
    text = render(register, fmt)
    return json.loads(text) if fmt == "json" else text


def explorer(store: Any, authority: str, focus: str | None, only: str | None, fmt: str) -> Any:
    """One authority's explorer: the self-contained page, or the data it draws."""
    from graph.explorer.page import explorer_page

    page = explorer_page(store, authority, focus, 1, only)
    if fmt == "json":
        return page.data()
    from graph.iri import authority_key
    from graph.serve.pages import authority_links

    return page.html(links=authority_links(authority_key(authority), "explorer"))


def changes(
    store: Any,
    authority: str,
    since: str | None,
    until: str | None,
    aspects: tuple[str, ...],
    unchanged: bool,
) -> dict[str, Any]:
    """What changed between consecutive inspections, as ``sgkg changes
    --format json`` gives it (``aspects`` empty: every kind of change)."""
    from graph.analysis.changes import ASPECTS
    from graph.analysis.changes import changes as find_changes

    found = find_changes(store, authority, since, until, aspects or ASPECTS, unchanged)
    return found.as_dict()


def timeline(store: Any, authority: str) -> str:
    """The timeline page (``sgkg timeline``), with links back to the server's
    pages for the authority."""
    from graph.analysis.changes import changes as find_changes
    from graph.explorer.timeline import timeline_page
    from graph.serve.pages import authority_links

    found = find_changes(store, authority)
    return timeline_page(found, links=authority_links(found.authority, "timeline"))


_AUTHORITY_LINKS = """
SELECT ?la (COUNT(DISTINCT ?link) AS ?links) (COUNT(DISTINCT ?weak) AS ?weak_or_absent)
WHERE {
  ?la sg:bodyType bt:local-authority .
  OPTIONAL {
    ?link sg:authority ?la ; sg:quality ?q .
    BIND(IF(?q IN (lq:weak, lq:absent), ?link, ?unbound) AS ?weak)
  }
}
GROUP BY ?la
"""


def authorities(store: Any) -> list[dict[str, Any]]:
    """Every authority the store holds: key, name, its reports with their
    headline grades, and how many links and weak or absent links it has."""
    from graph import namespaces as ns
    from graph.analysis.register import known_authorities
    from graph.queries.catalog import select_named

    known = known_authorities(store)
    out: dict[str, dict[str, Any]] = {
        key: {"key": key, "name": label, "reports": [], "links": 0, "weak_or_absent": 0}
        for key, label in known.items()
    }
    for r in select_named(store, "reports"):
        key = str(r.get("report") or "").split("/")[0]
        entry = out.get(key)
        if entry is None:
            continue
        entry["reports"].append(
            {
                "published": r.get("published"),
                "inspected": r.get("inspected"),
                "framework": r.get("framework"),
                "overall": r.get("overall"),
                "lscb": r.get("lscb"),
            }
        )
    for r in store.select(_AUTHORITY_LINKS):
        entry = out.get(str(r["la"]).removeprefix(ns.ID + "body/").split("/", 1)[0])
        if entry is not None:
            entry["links"] += int(r["links"] or 0)
            entry["weak_or_absent"] += int(r["weak_or_absent"] or 0)
    return sorted(out.values(), key=lambda e: e["name"].lower())
