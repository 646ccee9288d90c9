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
    names = body_names(store)
    if authority:
        key = iris.authority_key(authority)
        auth_iri = iris.body(key, "local-authority")
        allowed = {
            r["b"]
            for r in store.select("SELECT ?b ?a WHERE { ?b sg:authority ?a }", {"a": auth_iri})
        } | {auth_iri}
        names = [n for n in names if n.iri in allowed]
    if any(n.iri == name for n in names):
        return name
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
                f"{name!r} matches {len(hits)} bodies; say which", _describe(hits)
            )
    labels = sorted({n.label for n in names} | {n.name for n in names if n.name.isupper()})
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.5)
    if not close:
        close = [lab for lab in labels if wanted[:4] in lab.casefold()][:5]
    raise UnknownNameError(f"no body called {name!r} in the store", close)
