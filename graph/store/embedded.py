"""The embedded store: pyoxigraph on disk, one named graph per loaded source.

Why pyoxigraph: it opens an on-disk store in milliseconds and answers SPARQL
1.1 natively, where rdflib would re-parse every file on every run (see the
README for the figures). rdflib stays where its API serves: building graphs,
SHACL through pySHACL, serialising.

Guarantees:

* the ontology, vocabularies, shapes and expectations are always present, in
  their own named graph, refreshed when the shipped files change;
* queries see the union of all named graphs as their default graph. The
  union is kept materialised, deduplicated, in the store's default graph
  (pyoxigraph's own ``use_default_graph_as_union`` is a bag: a triple held by
  two graphs would come back twice); every write maintains it in the same
  transaction;
* every write replaces a whole named graph in one transaction (a SPARQL
  update ``DROP SILENT GRAPH ... ; INSERT DATA ...``), so a failed or killed
  write leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph import namespaces as ns
from graph.errors import QueryError, StoreError, StoreLockedError

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph as ox
    import rdflib

STORE_ENV = "SGKG_STORE"


def default_store_path() -> Path:
    """``$SGKG_STORE``, else ``$XDG_DATA_HOME/sgkg/store``, else ``~/.local/share/sgkg/store``."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sgkg" / "store"


def _ontology_digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


@dataclass
class GraphStore:
    """A handle on the on-disk store. Use :func:`open_store` to get one."""

    path: Path
    read_only: bool = False
    _store: Any = field(default=None, repr=False)
    _union_flag: bool = field(default=False, repr=False)
    _views_dirty: bool = field(default=False, repr=False)

    # ------------------------------------------------------------ opening
    def _open(self) -> None:
        import pyoxigraph as ox

        try:
            if self.read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as err:
            text = str(err)
            if "lock" in text.lower():
                raise StoreLockedError(
                    f"the store {self.path} is in use by another sgkg process; "
                    "wait for it to finish (one writer at a time)"
                ) from err
            raise StoreError(f"cannot open the store {self.path}: {text}") from err

    @property
    def ox(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._store

    def ensure_union(self) -> None:
        """Materialise the union default graph in a store written before it
        was kept (done once; a read-only store falls back to the bag union)."""
        import pyoxigraph as ox

        cat = ox.NamedNode(ns.CATALOG_GRAPH)
        views = ox.NamedNode(ns.VIEWS_GRAPH)
        marker = ox.NamedNode(ns.SG + "unionMaterialised")
        if list(self._store.quads_for_pattern(cat, marker, None, cat)):
            self._union_flag = False
            return
        if self.read_only:
            self._union_flag = True
            return
        self._store.update(
            f"DROP SILENT DEFAULT ; "
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(?g != {cat} && ?g != {views}) }} ; "
            f'INSERT DATA {{ GRAPH {cat} {{ {cat} {marker} "true"^^<{ns.XSD}boolean> }} }}'
        )
        self._union_flag = False

    def ensure_ontology(self) -> bool:
        """Load (or refresh) the ontology graph if the shipped files changed.

        Returns True when it wrote."""
        import pyoxigraph as ox

        from graph.resources import ontology_files

        files = ontology_files()
        digest = _ontology_digest(files)
        g = ox.NamedNode(ns.ONTOLOGY_GRAPH)
        marker = ox.NamedNode(ns.SG + "ontologyDigest")
        current = list(self._store.quads_for_pattern(g, marker, None, g))
        if current and current[0].object.value == digest:
            return False
        if self.read_only:
            return False
        quads: list[ox.Quad] = []
        for f in files:
            for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE):
                quads.append(ox.Quad(q.subject, q.predicate, q.object, g))
        quads.append(ox.Quad(g, marker, ox.Literal(digest), g))
        dirty = self._views_dirty
        self.replace_graph(ns.ONTOLOGY_GRAPH, quads, record=False)
        # every answer is pending now, computed at the next writing session
        self._views_dirty = dirty
        return True

    def ensure_views(self) -> None:
        """Start the precomputed answers of a store that has none, or whose
        queries changed with an upgrade (they are computed when a writing
        session ends; until then answers come from the data)."""
        from graph.queries import views

        views.ensure(self)

    # ------------------------------------------------------------ reading
    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Any:
        """Run a read-only SPARQL query over the union of all graphs.

        ``bindings`` maps variable names to pyoxigraph terms (or IRIs as
        ``str``); they are substituted by the engine, never pasted into text.
        Raises :class:`QueryError` for syntax errors and for updates."""
        import pyoxigraph as ox

        subs = None
        if bindings:
            subs = {ox.Variable(k): _term(v) for k, v in bindings.items()}
        try:
            return self._store.query(
                sparql,
                use_default_graph_as_union=self._union_flag,
                substitutions=subs,
                prefixes=ns.PREFIXES,
            )
        except SyntaxError as err:
            raise QueryError(_explain_syntax_error(sparql, err)) from err
        except RuntimeError as err:  # e.g. a bound variable missing from the projection
            raise QueryError(f"cannot bind {', '.join(bindings or {})}: {err}") from err
        except OSError as err:  # pragma: no cover - disk failure
            raise StoreError(f"query failed reading the store: {err}") from err

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """A SELECT as a list of dicts of plain Python values (str, int, float...)."""
        result = self.query(sparql, bindings)
        names = [v.value for v in result.variables]
        rows = []
        for sol in result:
            rows.append({n: to_python(sol[n]) for n in names})
        return rows

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def has_graph(self, graph_iri: str) -> bool:
        import pyoxigraph as ox

        return self._store.contains_named_graph(ox.NamedNode(graph_iri))

    def quads(self, graph_iri: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph, or of every named graph (never the
        materialised union, which only repeats them)."""
        import pyoxigraph as ox

        if graph_iri:
            return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
        return (
            q
            for q in self._store.quads_for_pattern(None, None, None, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)
            and q.graph_name.value != ns.VIEWS_GRAPH
        )

    def __len__(self) -> int:
        """Quads in the named graphs (the materialised union is not counted)."""
        import pyoxigraph as ox

        union = sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        views = ox.NamedNode(ns.VIEWS_GRAPH)
        derived = sum(1 for _ in self._store.quads_for_pattern(None, None, None, views))
        return len(self._store) - union - derived

    def canonical_dump(self) -> str:
        """Every quad as sorted N-Quads lines: equal dumps mean equal stores."""
        return "\n".join(sorted(str(q) + " ." for q in self._store))

    # ------------------------------------------------------------ writing
    def replace_graph(
        self,
        graph_iri: str,
        data: Iterable[Any] | rdflib.Graph,
        *,
        source: str | None = None,
        record: bool = True,
    ) -> int:
        """Replace the named graph ``graph_iri`` with ``data`` in one transaction.

        ``data`` is an rdflib graph or an iterable of pyoxigraph triples/quads
        (their own graph name is ignored: everything goes into ``graph_iri``).
        With ``record``, the catalog graph notes the source and the time.
        Returns the number of triples written."""
        import pyoxigraph as ox

        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")
        from graph.queries import views

        g = ox.NamedNode(graph_iri)
        triples = list(_as_triples(data))
        lines = [f"{t.subject} {t.predicate} {t.object} ." for t in triples]
        cat = ox.NamedNode(ns.CATALOG_GRAPH)
        affected = views.affected_authorities(self, graph_iri, triples)
        parts = [_retract_from_union(g, cat), f"DROP SILENT GRAPH {g}"]
        if lines:
            parts.append("INSERT DATA { GRAPH " + str(g) + " {\n" + "\n".join(lines) + "\n} }")
            parts.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        # in the same transaction: the precomputed answers this write may change
        invalidate = views.invalidate_update(affected)
        if invalidate:
            parts.append(invalidate)
        if record:
            now = ox.Literal(
                datetime.now(UTC).replace(microsecond=0).isoformat(),
                datatype=ox.NamedNode(ns.XSD + "dateTime"),
            )
            meta = [
                f"{g} <{ns.RDF}type> <{ns.SG}LoadedGraph> .",
                f"{g} <{ns.DCTERMS}modified> {now} .",
                f"{g} <{ns.SG}tripleCount> {_integer(len(lines))} .",
            ]
            if source:
                meta.append(f"{g} <{ns.DCTERMS}source> {ox.Literal(source)} .")
            parts.append(f"DELETE WHERE {{ GRAPH {cat} {{ {g} ?p ?o }} }}")
            parts.append("INSERT DATA { GRAPH " + str(cat) + " {\n" + "\n".join(meta) + "\n} }")
        try:
            self._store.update(" ;\n".join(parts))
        except (OSError, SyntaxError) as err:
            raise StoreError(f"writing graph {graph_iri} failed: {err}") from err
        self._views_dirty = True
        return len(lines)

    def remove_graph(self, graph_iri: str) -> None:
        import pyoxigraph as ox

        from graph.queries import views

        g = ox.NamedNode(graph_iri)
        cat = ox.NamedNode(ns.CATALOG_GRAPH)
        affected = views.affected_authorities(self, graph_iri, [])
        invalidate = views.invalidate_update(affected)
        self._store.update(
            f"{_retract_from_union(g, cat)} ; DROP SILENT GRAPH {g} ; "
            f"DELETE WHERE {{ GRAPH {cat} {{ {g} ?p ?o }} }}"
            + (f" ; {invalidate}" if invalidate else "")
        )
        self._views_dirty = True

    def invalidate_views(self) -> None:
        """Mark every authority's precomputed answers pending: for bulk
        writers that bypass :meth:`replace_graph` (e.g. ``bench/synthetic.py``)."""
        from graph.queries import views

        self._store.update(views.invalidate_update(None))
        self._views_dirty = True

    def refresh_views(self, limit: int | None = None) -> int:
        """Compute the pending precomputed answers (see :mod:`graph.views`).

        Returns how many authorities were brought up to date."""
        from graph.queries import views

        done = views.refresh(self, limit)
        self._views_dirty = False
        return done

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        if self._store is not None:
            if not self.read_only:
                self._store.flush()
            del self._store
            self._store = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, exc_type: type | None, *exc: object) -> None:
        # a session that wrote brings the precomputed answers up to date, even
        # when it ends with an error (what it wrote is committed), unless interrupted
        try:
            if self._views_dirty and (exc_type is None or issubclass(exc_type, Exception)):
                self.refresh_views()
        finally:
            self.close()


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> GraphStore:
    """Open (creating if needed) the store at ``path`` (default: :func:`default_store_path`).

    Read-only opening falls back to a writable one when the store does not
    exist yet or the ontology must be refreshed; a writable opening falls
    back to read-only when ``read_only`` was asked and another process holds
    the lock."""
    p = Path(path).expanduser() if path else default_store_path()
    if read_only and p.exists():
        try:
            store = GraphStore(p, read_only=False)
            store._open()
            store.ensure_union()
            store.ensure_ontology()
            store.ensure_views()
            return store
        except StoreLockedError:
            store = GraphStore(p, read_only=True)
            store._open()
            store.ensure_union()
            return store
    store = GraphStore(p, read_only=False)
    store._open()
    store.ensure_union()
    store.ensure_ontology()
    store.ensure_views()
    return store


# ---------------------------------------------------------------- helpers


def _term(value: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    if isinstance(value, str):
        return ox.NamedNode(value)
    if isinstance(value, bool | int | float):
        return ox.Literal(value)
    raise TypeError(f"cannot bind {value!r}")


def _retract_from_union(g: Any, cat: Any) -> str:
    """SPARQL that takes out of the union default graph the triples of graph
    ``g`` that no other data graph holds (run before ``g`` is dropped)."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
        f"FILTER(?h != {g} && ?h != {cat} && ?h != <{ns.VIEWS_GRAPH}>) }} }}"
    )


def _integer(n: int) -> Any:
    import pyoxigraph as ox

    return ox.Literal(str(n), datatype=ox.NamedNode(ns.XSD + "integer"))


def to_python(term: Any) -> Any:
    """A pyoxigraph term as a plain value: IRIs and strings as ``str``,
    numbers as ``int``/``float``, booleans as ``bool``, dates as ISO text."""
    if term is None:
        return None
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        v = term.value
        try:
            if dt == ns.XSD + "integer" or dt.endswith(("#int", "#long", "#nonNegativeInteger")):
                return int(v)
            if dt in (ns.XSD + "decimal", ns.XSD + "double", ns.XSD + "float"):
                f = float(v)
                return int(f) if f.is_integer() and dt == ns.XSD + "decimal" else f
            if dt == ns.XSD + "boolean":
                return v == "true"
        except ValueError:
            return v
        return v
    return term.value


def _as_triples(data: Any) -> Iterator[Any]:
    import pyoxigraph as ox

    if hasattr(data, "serialize") and hasattr(data, "triples"):  # an rdflib graph
        nt = data.serialize(format="nt", encoding="utf-8")
        for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES):
            yield q.triple
        return
    for item in data:
        if isinstance(item, ox.Quad):
            yield item.triple
        else:
            yield item


def _explain_syntax_error(text: str, err: SyntaxError) -> str:
    import re

    msg = str(err)
    line = getattr(err, "lineno", None)
    col = getattr(err, "offset", None)
    found = re.search(r"error at (\d+):(\d+)", msg)
    if found and not line:
        line, col = int(found.group(1)), int(found.group(2))
    first = msg.splitlines()[0]
    if "expected one of" in first and len(first) > 110:
        first = first[:110].rsplit(",", 1)[0] + ", ...]"
    msg = first
    where = ""
    if line:
        lines = text.splitlines() or [""]
        src = lines[line - 1] if 0 < line <= len(lines) else ""
        pointer = " " * max((col or 1) - 1, 0) + "^"
        where = f"\n  {src}\n  {pointer}"
    return (
        f"SPARQL syntax error at line {line}, column {col}: {msg}{where}"
        if line
        else (f"SPARQL syntax error: {msg}")
    )
