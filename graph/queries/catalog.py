"""Named queries: one SPARQL file per question in ``data/queries/<name>.rq``.

A query file is plain SPARQL 1.1 that any endpoint can run. Its leading
comment lines starting with ``#+`` describe it (the grlc convention, extended
with typed parameters)::

    #+ summary: Links inspectors found weak or absent, with the paragraphs that say so
    #+ description: Longer text; a line starting "#+" and then spaces
    #+   continues the field above it.
    #+ param: authority (authority, optional) - only this local authority, e.g. bournemouth
    #+ param: body_type (body-type, optional) - only links with a body of this type at one end
    #+ example: sgkg query weak-links --param authority=bournemouth

A parameter ``name`` is the SPARQL variable ``?name``. Its kind says how a
value given on the command line becomes an RDF term:

* ``authority``: a local authority by name or key (``bournemouth``), or its IRI;
* ``body``: a body by label, acronym, type name or unique prefix (as
  ``sgkg show`` finds it), or its IRI;
* ``body-type``, ``topic``, ``link-kind``, ``quality``, ``grade``,
  ``judgement-area``: a concept of that SKOS scheme by key, label or acronym
  (a ``topic`` may also be a body type: paragraphs mention both);
* ``text``: a plain string.

Values are bound by the engine (pyoxigraph substitutions), never pasted into
the query text. Two rules follow from how pyoxigraph binds (SEP-0007):

* a parameter variable must appear in the SELECT clause (``sgkg query`` then
  hides those columns: they only echo the value given);
* an optional parameter is written so that, left unbound, it matches
  anything: ``FILTER EXISTS { ?link sg:authority ?authority }`` or
  ``COALESCE(?x = ?param, true)``. Do not use ``BOUND(?param)``: pyoxigraph
  0.5 reports a substituted variable as unbound inside ``BOUND``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import iri as iris
from graph import namespaces as ns
from graph.errors import (
    AmbiguousNameError,
    ParameterError,
    QueryError,
    UnknownNameError,
)
from graph.evidence import finding_quote, sort_labels
from graph.store.budget import Budget
from graph.store.embedded import GraphStore
from graph.store.sparql import QueryResult, run_query

#: parameter kind -> SKOS schemes searched for its value, in order
CONCEPT_KINDS: dict[str, tuple[str, ...]] = {
    "body-type": (ns.BODY_TYPE,),
    "topic": (ns.TOPIC, ns.BODY_TYPE),
    "link-kind": (ns.LINK_KIND,),
    "quality": (ns.LINK_QUALITY,),
    "grade": (ns.GRADE,),
    "judgement-area": (ns.JUDGEMENT_AREA,),
}
PARAM_KINDS = ("authority", "body", *CONCEPT_KINDS, "text")
#: result columns holding GROUP_CONCAT lists of evidence, which ``sgkg query`` puts in
#: paragraph order (SPARQL 1.1 has no ordered GROUP_CONCAT)
LIST_COLUMNS = ("paragraphs", "evidence")

# a field is "#+ key: value"; a line of "#+" and two or more spaces continues the field above
_FIELD = re.compile(r"^#\+ ?([A-Za-z][\w-]*)\s*:\s?(.*)$")
_CONTINUATION = re.compile(r"^#\+\s{2,}(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\(\s*(?P<kind>[\w-]+)\s*(?:,\s*(?P<opt>optional|required)\s*)?\)"
    r"\s*(?:[-–]\s*(?P<doc>.*))?$"
)
_IRI = re.compile(r"^(https?|urn|file):[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Param:
    """A declared parameter of a named query."""

    name: str
    kind: str
    optional: bool = False
    doc: str = ""

    def usage(self) -> str:
        """``authority=...`` (optional) - the local authority"""
        opt = ", optional" if self.optional else ""
        return f"{self.name}=<{self.kind}>{opt}" + (f": {self.doc}" if self.doc else "")


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its name, header fields and text."""

    name: str
    path: Path
    text: str
    summary: str
    description: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)

    def hidden(self) -> set[str]:
        """Columns ``sgkg query`` does not print: parameters echo the values given."""
        return {p.name for p in self.params}

    def param(self, name: str) -> Param | None:
        wanted = name.replace("-", "_")
        return next((p for p in self.params if p.name == wanted), None)


# ---------------------------------------------------------------- reading files


def queries_folder(folder: Path | None = None) -> Path:
    if folder is not None:
        return folder
    from graph.resources import queries_dir

    return queries_dir()


def parse_query_file(path: Path) -> NamedQuery:
    """Read one ``.rq`` file and its ``#+`` header.

    Raises :class:`QueryError` naming the file and line of a malformed header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"{path}: cannot read the query file: {err.strerror}") from err
    fields: dict[str, list[str]] = {}
    params: list[Param] = []
    examples: list[str] = []
    last: str | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header ends where the query starts
        if not stripped.startswith("#+"):
            last = None
            continue
        found = _FIELD.match(stripped)
        if found:
            key, value = found.group(1).lower(), found.group(2).strip()
            if key == "param":
                params.append(_parse_param(value, path, lineno))
            elif key == "example":
                examples.append(value)
            else:
                fields.setdefault(key, []).append(value)
            last = key
            continue
        more = _CONTINUATION.match(stripped)
        if more and last in ("summary", "description"):
            fields[last].append(more.group(1).strip())
            continue
        if more and last == "example":
            examples[-1] += " " + more.group(1).strip()
            continue
        raise QueryError(
            f"{path}, line {lineno}: cannot read header line {stripped!r}; "
            "write '#+ field: value' (summary, description, param, example)"
        )
    summary = " ".join(fields.get("summary", [])).strip()
    if not summary:
        raise QueryError(f"{path}: a named query needs a '#+ summary:' line")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{path}: a parameter is declared twice in {names}")
    for p in params:
        if not re.search(rf"\?{p.name}\b", text):
            raise QueryError(f"{path}: parameter {p.name!r} is declared but ?{p.name} is not used")
    return NamedQuery(
        name=path.stem,
        path=path,
        text=text,
        summary=summary,
        description=" ".join(fields.get("description", [])).strip(),
        params=tuple(params),
        examples=tuple(examples),
        fields={k: " ".join(v) for k, v in fields.items()},
    )


def _parse_param(value: str, path: Path, lineno: int) -> Param:
    found = _PARAM.match(value)
    if not found:
        raise QueryError(
            f"{path}, line {lineno}: cannot read parameter {value!r}; write "
            "'#+ param: name (kind[, optional]) - what it is', kind one of "
            + ", ".join(PARAM_KINDS)
        )
    kind = found.group("kind")
    if kind not in PARAM_KINDS:
        raise QueryError(
            f"{path}, line {lineno}: unknown parameter kind {kind!r}; use one of "
            + ", ".join(PARAM_KINDS)
        )
    return Param(
        name=found.group("name"),
        kind=kind,
        optional=found.group("opt") == "optional",
        doc=(found.group("doc") or "").strip(),
    )


def list_queries(folder: Path | None = None) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [parse_query_file(p) for p in sorted(queries_folder(folder).glob("*.rq"))]


def load_query(name: str, folder: Path | None = None) -> NamedQuery:
    """The named query ``name`` (with or without ``.rq``).

    Raises :class:`UnknownNameError` listing the available names."""
    base = queries_folder(folder)
    stem = name.removesuffix(".rq")
    path = base / f"{stem}.rq"
    if re.fullmatch(r"[\w-]+", stem) and path.is_file():
        return parse_query_file(path)
    available = sorted(p.stem for p in base.glob("*.rq"))
    close = difflib.get_close_matches(stem, available, n=3, cutoff=0.5)
    raise UnknownNameError(
        f"no named query called {name!r}; available: {', '.join(available)}",
        close,
    )


# ---------------------------------------------------------------- parameters


def parse_param_pairs(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["authority=bournemouth", "body=LSCB"]`` as a dict; a repeated key is an error."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key:
            raise ParameterError(
                f"--param {pair!r}: write it as KEY=VALUE, e.g. authority=bournemouth"
            )
        if key in out:
            raise ParameterError(f"--param {key} is given twice")
        out[key] = value.strip()
    return out


def resolve_params(store: Any, query: NamedQuery, given: dict[str, str]) -> dict[str, Any]:
    """Turn ``given`` (parameter name -> text) into RDF terms to bind.

    Raises :class:`ParameterError` for an unknown or missing parameter (listing
    the query's parameters) and :class:`UnknownNameError` when a value names
    nothing in the store."""
    import pyoxigraph as ox

    declared = {p.name: p for p in query.params}
    for key in given:
        if key.replace("-", "_") not in declared:
            raise ParameterError(
                f"query {query.name!r} has no parameter {key!r}; " + _describe_params(query)
            )
    missing = [p.name for p in query.params if not p.optional and not given.get(p.name)]
    if missing:
        raise ParameterError(
            f"query {query.name!r} needs --param {missing[0]}=...; " + _describe_params(query)
        )
    bound: dict[str, Any] = {}
    # the authority first: a body name is looked up within it
    ordered = sorted(query.params, key=lambda p: p.kind != "authority")
    authority_key: str | None = None
    for p in ordered:
        value = given.get(p.name, "")
        if not value:
            continue
        if p.kind == "authority":
            term = resolve_authority(store, value)
            authority_key = term.rsplit("/", 2)[-2]
            bound[p.name] = ox.NamedNode(term)
        elif p.kind == "body":
            bound[p.name] = ox.NamedNode(_resolve_body(store, value, authority_key))
        elif p.kind == "text":
            bound[p.name] = ox.Literal(value)
        else:
            bound[p.name] = ox.NamedNode(resolve_concept(store, value, p.kind))
    return bound


def describe_query(query: NamedQuery) -> str:
    """A plain-text page about one named query: what it answers, its
    parameters and examples (``sgkg query NAME --list``)."""
    import textwrap

    lines = [f"{query.name}: {query.summary}"]
    if query.description:
        lines += ["", *textwrap.wrap(query.description, 88)]
    lines += ["", "Parameters:" if query.params else "Parameters: none"]
    for p in query.params:
        need = "optional" if p.optional else "required"
        lines.append(f"  {p.name} ({p.kind}, {need})" + (f": {p.doc}" if p.doc else ""))
    if query.examples:
        lines += ["", "Examples:", *(f"  {e}" for e in query.examples)]
    lines += ["", f"SPARQL: {query.path}"]
    return "\n".join(lines)


def query_as_dict(query: NamedQuery) -> dict[str, Any]:
    """One named query as JSON: name, summary, description, parameters and
    examples (``sgkg query --list --format json``, the server's query pages)."""
    return {
        "name": query.name,
        "summary": query.summary,
        "description": query.description,
        "params": [p.__dict__ for p in query.params],
        "examples": list(query.examples),
    }


def _describe_params(query: NamedQuery) -> str:
    if not query.params:
        return "it takes no parameters"
    return "its parameters: " + "; ".join(p.usage() for p in query.params)


def expand_iri(value: str) -> str | None:
    """``value`` as a full IRI when it is one (or a prefixed name such as
    ``bt:housing`` in a project prefix), else None."""
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if _IRI.match(value):
        return value
    prefix, sep, local = value.partition(":")
    if sep and prefix in ns.PREFIXES and re.fullmatch(r"[\w.-]+", local):
        return ns.PREFIXES[prefix] + local
    return None


def _resolve_body(store: Any, value: str, authority_key: str | None) -> str:
    from graph.lookup import resolve_body

    full = expand_iri(value)
    if full is not None:
        if _is_body(store, full):
            return full
        raise UnknownNameError(f"no body has the IRI <{full}>")
    if authority_key:
        try:
            return resolve_body(store, value, authority=authority_key)
        except AmbiguousNameError:
            raise
        except UnknownNameError:
            # a body outside the authority (a Dorset board...) may still be meant
            return resolve_body(store, value)
    return resolve_body(store, value)


_ASK_BODY = "PREFIX sg: <https://w3id.org/sgkg/ontology#>\nASK { ?b a sg:Body }"
# a local authority is a body of that type, or what reports name as their authority
_ASK_AUTHORITY = """
PREFIX sg: <https://w3id.org/sgkg/ontology#>
PREFIX bt: <https://w3id.org/sgkg/vocab/body-type/>
ASK { { ?b sg:bodyType bt:local-authority } UNION { ?r a sg:Report ; sg:authority ?b } }
"""
_AUTHORITIES = """
PREFIX sg: <https://w3id.org/sgkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX bt: <https://w3id.org/sgkg/vocab/body-type/>
SELECT DISTINCT ?b ?label WHERE {
  { ?b sg:bodyType bt:local-authority } UNION { ?r a sg:Report ; sg:authority ?b }
  OPTIONAL { { ?b rdfs:label ?label } UNION { ?b skos:altLabel ?label } }
}
"""


def _is_body(store: Any, value: str) -> bool:
    return bool(store.query(_ASK_BODY, {"b": value}))


def resolve_authority(store: Any, value: str) -> str:
    """The IRI of the local authority body named ``value`` (a name such as
    "Bournemouth Borough Council", a key such as ``bournemouth``, or an IRI).

    Raises :class:`UnknownNameError` suggesting the authorities in the store."""
    full = expand_iri(value)
    key = iris.authority_key(value) if full is None else ""
    candidate = full or (iris.body(key, "local-authority") if key else "")
    if candidate and store.query(_ASK_AUTHORITY, {"b": candidate}):
        return candidate
    rows = store.select(_AUTHORITIES)
    known: dict[str, str] = {}
    for r in rows:
        known.setdefault(r["b"], r["label"] or r["b"])
    if full is not None:
        raise UnknownNameError(f"no local authority has the IRI <{full}>", _authority_hints(known))
    wanted = " ".join(value.split()).casefold()
    for pick in (
        lambda label: label.casefold() == wanted,
        lambda label: label.casefold().startswith(wanted),
    ):
        hits = {r["b"] for r in rows if wanted and r["label"] and pick(r["label"])}
        if len(hits) == 1:
            return hits.pop()
        if len(hits) > 1:
            raise AmbiguousNameError(
                f"{value!r} matches {len(hits)} local authorities; say which",
                sorted(known[h] for h in hits),
            )
    hints = _authority_hints(known)
    close = difflib.get_close_matches(key, hints, n=5, cutoff=0.5)
    raise UnknownNameError(f"no local authority called {value!r} in the store", close or hints[:10])


def _authority_hints(known: dict[str, str]) -> list[str]:
    return sorted(b.rsplit("/", 2)[-2] for b in known)


_CONCEPTS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?c ?label ?pref ?scheme WHERE {
  ?c skos:inScheme ?scheme .
  { ?c skos:prefLabel ?label BIND(true AS ?pref) }
  UNION { ?c skos:altLabel ?label BIND(false AS ?pref) }
}
"""


def resolve_concept(store: Any, value: str, kind: str) -> str:
    """The concept a parameter of ``kind`` names: by its key (``housing``),
    a label or acronym (case-insensitive), or a unique prefix of a preferred
    label; the schemes of :data:`CONCEPT_KINDS` are tried in order."""
    schemes = CONCEPT_KINDS[kind]
    full = expand_iri(value)
    wanted = " ".join(value.split()).casefold()
    suggestions: list[str] = []
    for base in schemes:
        rows = store.select(_CONCEPTS, {"scheme": base.rstrip("/")})
        if full is not None:
            if any(r["c"] == full for r in rows):
                return full
            continue
        by_key = {iris.concept_key(r["c"]): r["c"] for r in rows}
        slugged = iris.slug(value)
        if slugged in by_key:
            return by_key[slugged]
        for pick in (
            lambda r: r["label"].casefold() == wanted,
            lambda r: r["pref"] and r["label"].casefold().startswith(wanted),
        ):
            hits = {r["c"] for r in rows if wanted and pick(r)}
            if len(hits) == 1:
                return hits.pop()
            if len(hits) > 1:
                raise AmbiguousNameError(
                    f"{value!r} matches {len(hits)} {kind} terms; say which",
                    sorted(iris.concept_key(h) for h in hits),
                )
        suggestions += sorted(by_key)
    what = f"{kind} term" if full is None else f"{kind} term with the IRI <{full}>"
    close = difflib.get_close_matches(iris.slug(value), suggestions, n=5, cutoff=0.5)
    raise UnknownNameError(f"no {what} called {value!r}", close or suggestions[:12])


# ---------------------------------------------------------------- running


def run_named_query(
    store: GraphStore,
    name: str,
    given: dict[str, str] | None = None,
    folder: Path | None = None,
    *,
    use_cache: bool = True,
) -> tuple[NamedQuery, QueryResult]:
    """Run the named query ``name`` with ``given`` parameter values.

    Returns the query and a :class:`QueryResult` without the parameter
    columns (they only echo the values given). An answer already computed
    at the store's current write generation is read from the cache
    (:mod:`graph.queries.cache`); ``use_cache=False`` always runs the query."""
    from graph.queries import cache

    query = load_query(name, folder)
    bindings = resolve_params(store, query, given or {})
    if not use_cache:
        return query, _compute(store, query, bindings)
    key = cache.answer_key(query.text, bindings)
    kept = cache.get(store, key)
    if kept is not None:
        return query, kept
    # another process (the background warmer, a second terminal) may be computing
    # this very answer: wait for it, at most as long as the query may run
    with cache.computing(store, key, wait_s=Budget.from_environment().seconds):
        kept = cache.get(store, key)
        if kept is not None:
            return query, kept
        result = _compute(store, query, bindings)
        cache.put(store, key, result)
    return query, result


def _compute(store: GraphStore, query: NamedQuery, bindings: dict[str, Any]) -> QueryResult:
    try:
        return finish_result(query, run_query(store, query.text, bindings))
    except RuntimeError as err:  # pyoxigraph: a bound variable missing from SELECT
        raise QueryError(f"{query.path}: cannot bind its parameters: {err}") from err


def finish_result(query: NamedQuery, result: Any) -> Any:
    """A query's result as ``sgkg query`` prints it: parameter columns
    dropped, paragraph lists in paragraph order."""
    if result.kind != "select":
        return result
    hidden = query.hidden()
    keep = [i for i, v in enumerate(result.variables) if v not in hidden]
    lists = {i for i in keep if result.variables[i] in LIST_COLUMNS}
    result.variables = [result.variables[i] for i in keep]
    result.rows = [
        [_sorted_list(row[i]) if i in lists else row[i] for i in keep] for row in result.rows
    ]
    if "quote" in result.variables and "quality" in result.variables:
        # one quote per link: the sentence that states its quality (as everywhere)
        q, k = result.variables.index("quote"), result.variables.index("quality")
        for row in result.rows:
            if row[q] is not None and " | " in row[q].value:
                quality = row[k].value.lower() if row[k] is not None else ""
                row[q] = ox.Literal(finding_quote(row[q].value.split(" | "), quality))
    return result


def sort_evidence(text: str) -> str:
    """``"115, 108"`` as ``"108, 115"``: paragraph numbers in order, block names after."""
    return ", ".join(sort_labels(text.split(", ")))


def _sorted_list(term: Any) -> Any:
    import pyoxigraph as ox

    if not isinstance(term, ox.Literal) or ", " not in term.value:
        return term
    return ox.Literal(sort_evidence(term.value))


def select_named(
    store: Any, name: str, given: dict[str, str] | None = None, folder: Path | None = None
) -> list[dict[str, Any]]:
    """A named query's rows as dicts of plain Python values."""
    from graph.store.embedded import to_python

    _, result = run_named_query(store, name, given, folder)
    return [
        {v: to_python(t) for v, t in zip(result.variables, row, strict=True)} for row in result.rows
    ]


def select_named_bound(store: Any, name: str, bindings: dict[str, Any]) -> list[dict[str, Any]]:
    """A named query's rows with already-resolved terms (IRIs as ``str``) bound:
    for library callers such as :mod:`graph.show` that hold IRIs, not names."""
    query = load_query(name)
    return store.select(query.text, bindings)


def whole_store_queries() -> list[NamedQuery]:
    """The shipped named queries that need no parameter: the ones with a
    whole-store answer worth keeping ahead of the first ask."""
    return [q for q in list_queries() if all(p.optional for p in q.params)]


def whole_store_kept(store: GraphStore) -> tuple[int, int]:
    """(whole-store answers kept at the store's generation, whole-store queries):
    how warm the cache is for the questions asked without parameters."""
    from graph.queries import cache

    queries = whole_store_queries()
    kept = sum(1 for q in queries if cache.get(store, cache.answer_key(q.text, {})) is not None)
    return kept, len(queries)


def warm_cache(store: GraphStore, stop: Callable[[], bool] | None = None) -> int:
    """Compute and keep the whole-store answer of every shipped named query
    that needs no parameter (what a batch writer may do before it ends;
    :mod:`graph.queries.warm` does it after a write, slowest first). ``stop``
    is asked before each query: True ends the warming early. Returns how many
    answers were computed or found kept."""
    done = 0
    for query in whole_store_queries():
        if stop is not None and stop():
            break
        run_named_query(store, query.name)
        done += 1
    return done
