"""RDF terms as short strings and back: how answers cross a process boundary
(:mod:`graph.store.budget`) and how the query cache keeps them on disk.

``<iri``, ``_blank``, ``"plain text``, ``@lang text``, ``^datatype text``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from graph import namespaces as ns


def encode(term: Any) -> str | None:
    """A pyoxigraph term (or None) as a short string."""
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


def literal_json(literal: Any) -> dict[str, str]:
    """A pyoxigraph literal in the SPARQL 1.1 JSON results form (a plain
    ``xsd:string`` carries no datatype)."""
    out = {"type": "literal", "value": literal.value}
    if literal.language:
        out["xml:lang"] = literal.language
    elif literal.datatype.value != ns.XSD + "string":
        out["datatype"] = literal.datatype.value
    return out


def decoder() -> Callable[[str | None], Any]:
    """A decoding function that makes each distinct term once."""
    seen: dict[str, Any] = {}

    def decode(cell: str | None) -> Any:
        if cell is None:
            return None
        term = seen.get(cell)
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
        seen[cell] = term
        return term

    return decode
