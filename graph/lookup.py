"""Finding a body by name: label, acronym (skos:altLabel), body-type label or
a unique prefix, case-insensitive. Used by ``show``, ``query --param``,
``path``, ``accountability`` and ``viz --focus``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from graph.errors import AmbiguousNameError, UnknownNameError

_NAMES = """
SELECT ?body ?label ?name ?authLabel WHERE {
  ?body a sg:Body ; rdfs:label ?label .
  { ?body rdfs:label ?name } UNION { ?body skos:altLabel ?name }
  UNION { ?body sg:bodyType ?t . ?t skos:prefLabel|skos:altLabel ?name }
  OPTIONAL { ?body sg:authority/rdfs:label ?authLabel }
}
"""


# Candidates for a name, found by the store with the name bound (?w, lower-cased):
# bodies whose label contains it, or whose acronym or type name equals it. The
# Python rules of resolve_body then pick among these few rows, so a lookup costs
# a few indexed passes instead of fetching every name of a national store.
# (Written as separate small queries: pyoxigraph plans one big UNION badly.)
_BY_LABEL = """
SELECT ?body ?label ?name ?w WHERE {
  ?body rdfs:label ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), ?w))
  ?body a sg:Body .
  BIND(?label AS ?name)
}
"""
_BY_ACRONYM = """
SELECT ?body ?label ?name ?w WHERE {
  ?body skos:altLabel ?name .
  FILTER(LCASE(STR(?name)) = ?w)
  ?body a sg:Body ; rdfs:label ?label .
}
"""
_TYPES_CALLED = """
SELECT DISTINCT ?t ?name ?w WHERE {
  ?t skos:inScheme <https://w3id.org/sgkg/vocab/body-type> .
  { ?t skos:prefLabel ?name } UNION { ?t skos:altLabel ?name }
  FILTER(LCASE(STR(?name)) = ?w)
}
"""
_BY_TYPE = "SELECT ?body ?label ?t WHERE { ?body sg:bodyType ?t . ?body rdfs:label ?label }"
# within one authority: its bodies drive the search (the authority itself is added apart).
# sg:bodyType marks a body here: "?body a sg:Body" would make pyoxigraph start from every body
_SCOPED = """
SELECT ?body ?label ?name ?a WHERE {
  ?body sg:authority ?a .
  ?body sg:bodyType ?anyType ; rdfs:label ?label .
  { ?body rdfs:label ?name } UNION { ?body skos:altLabel ?name }
  UNION { ?body sg:bodyType ?t . ?t skos:prefLabel ?name }
  UNION { ?body sg:bodyType ?t . ?t skos:altLabel ?name }
}
"""
_SCOPED_MATCHING = _SCOPED.replace(
    "SELECT ?body ?label ?name ?a WHERE {", "SELECT ?body ?label ?name ?a ?w WHERE {"
).replace("\n}\n", "\n  FILTER(CONTAINS(LCASE(STR(?label)), ?w) || LCASE(STR(?name)) = ?w)\n}\n")
_NAMES_OF = """
SELECT ?body ?label ?name WHERE {
  ?body a sg:Body ; rdfs:label ?label .
  { ?body rdfs:label ?name } UNION { ?body skos:altLabel ?name }
  UNION { ?body sg:bodyType ?t . ?t skos:prefLabel ?name }
  UNION { ?body sg:bodyType ?t . ?t skos:altLabel ?name }
}
"""
_AUTHORITY_LABELS = """
SELECT ?body ?authLabel WHERE { ?body sg:authority ?auth . ?auth rdfs:label ?authLabel }
"""
_IS_BODY = "ASK { ?body a sg:Body }"


@dataclass(frozen=True)
class BodyName:
    iri: str
    label: str
    name: str  # the name that matched (label, acronym or type label)
    authority: str


def body_names(store: Any) -> list[BodyName]:
    """Every (body, name) pair the store knows."""
    return [
        BodyName(r["body"], r["label"], r["name"], r["authLabel"] or "")
        for r in store.select(_NAMES)
    ]


def _describe(bodies: dict[str, BodyName]) -> list[str]:
    return sorted(
        f"{b.label}" + (f" ({b.authority})" if b.authority and b.authority != b.label else "")
        for b in bodies.values()
    )


def resolve_body(store: Any, name: str, authority: str | None = None) -> str:
    """The IRI of the one body called ``name``.

    An IRI is returned as it is when a body has it. Otherwise: an exact label
    or acronym match wins, then a body-type name, then a unique prefix of a
    label. Raises :class:`AmbiguousNameError` listing the candidates, or
    :class:`UnknownNameError` suggesting the closest names."""
    from graph import iri as iris

    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise UnknownNameError("an empty name matches no body")
    if ":" in name and _is_iri(name) and store.query(_IS_BODY, {"body": name}):
        return name
    if authority:
        authority_iri = iris.body(iris.authority_key(authority), "local-authority")
        names = _scoped_names(store, authority_iri, " ".join(name.split()).lower())
    else:
        names = _candidates(store, " ".join(name.split()).lower())
    # exact label or acronym
    for pick in (
        lambda n: n.label.casefold() == wanted,
        lambda n: n.name.casefold() == wanted and n.name != n.label,
        lambda n: n.label.casefold().startswith(wanted),
        lambda n: wanted in n.label.casefold(),
    ):
        hits = {n.iri: n for n in names if pick(n)}
        if len(hits) == 1:
            return next(iter(hits))
        if len(hits) > 1:
            # a body-type name shared by several bodies: prefer bodies whose own
            # label or acronym matched
            own = {
                i: n
                for i, n in hits.items()
                if n.label.casefold() == wanted or n.name.casefold() == wanted
            }
            if len(own) == 1:
                return next(iter(own))
            raise AmbiguousNameError(
                f"{name!r} matches {len(hits)} bodies; say which",
                _describe(_with_authorities(store, hits)),
            )
    # nothing matched: suggest the closest of all the names (within the authority)
    names = _scoped_names(store, authority_iri) if authority else body_names(store)
    labels = sorted({n.label for n in names} | {n.name for n in names if n.name.isupper()})
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.5)
    if not close:
        close = [lab for lab in labels if wanted[:4] in lab.casefold()][:5]
    if authority:
        key = iris.authority_key(authority)
        raise UnknownNameError(
            f"no body called {name!r} among the bodies recorded for {_authority_label(key)}; "
            f"list them with: sgkg query bodies -p authority={key}",
            close,
        )
    raise UnknownNameError(f"no body called {name!r} in the store", close)


def _authority_label(key: str) -> str:
    """The register's name of authority ``key`` (the key itself if unknown)."""
    from graph.authorities import load_register

    register = load_register()
    return register.by_key(key).label if key in register else key


def _rows_to_names(rows: list[dict[str, Any]]) -> list[BodyName]:
    return [BodyName(r["body"], r["label"], r["name"], "") for r in rows]


def _candidates(store: Any, wanted: str) -> list[BodyName]:
    """Bodies whose label contains ``wanted`` or whose acronym or type name is it."""
    w = {"w": _literal(wanted)}
    names = _rows_to_names(store.select(_BY_LABEL, w)) + _rows_to_names(
        store.select(_BY_ACRONYM, w)
    )
    for concept in store.select(_TYPES_CALLED, w):
        for r in store.select(_BY_TYPE, {"t": concept["t"]}):
            names.append(BodyName(r["body"], r["label"], concept["name"], ""))
    return names


def _scoped_names(store: Any, authority_iri: str, wanted: str | None = None) -> list[BodyName]:
    """The names of the bodies serving one authority, and of the authority itself:
    all of them, or those that could match ``wanted`` (lower-cased)."""
    if wanted is None:
        names = _rows_to_names(store.select(_SCOPED, {"a": authority_iri}))
    else:
        bindings = {"a": authority_iri, "w": _literal(wanted)}
        names = _rows_to_names(store.select(_SCOPED_MATCHING, bindings))
    own = _rows_to_names(store.select(_NAMES_OF, {"body": authority_iri}))
    if wanted is not None:
        own = [n for n in own if wanted in n.label.lower() or n.name.lower() == wanted]
    return names + [n for n in own if n not in names]


def _with_authorities(store: Any, hits: dict[str, BodyName]) -> dict[str, BodyName]:
    """The same bodies, each with the label of (one of) the authorities it serves."""
    out = {}
    for iri, n in hits.items():
        rows = store.select(_AUTHORITY_LABELS, {"body": iri})
        labels = sorted({r["authLabel"] for r in rows})
        out[iri] = BodyName(n.iri, n.label, n.name, ", ".join(labels))
    return out


def _is_iri(value: str) -> bool:
    return value.split(":", 1)[0] in ("http", "https", "urn", "file") and " " not in value


def _literal(value: str) -> Any:
    import pyoxigraph as ox

    return ox.Literal(value)
