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
* every write replaces whole named graphs atomically, so a failed or killed
  write leaves the store as it was or finished: a small one in one
  transaction (a SPARQL update ``DROP SILENT GRAPH ... ; INSERT DATA ...``),
  a big one (``sgkg load``, or more than :data:`SMALL_WRITE` triples) staged
  on disk and committed by a journal (:mod:`graph.store.staged`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph import namespaces as ns
from graph.errors import QueryError, StoreError, StoreLockedError, StoreMissingError
from graph.store.guard import refuse_service
from graph.store.layout import _BUMP_GENERATION, _GENERATION, SNAPSHOTS, current_snapshot

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


#: sgkg's own folders inside the store directory (RocksDB ignores them)
CACHE = "sgkg-cache"
#: snapshots superseded longer ago than this are removed by the next writer
#: (a reader opened on one keeps working; long-lived readers reopen on change)
SNAPSHOT_GRACE_SECONDS = 3600
#: a read that meets a store being created or compacted is retried this often
READ_RETRIES = 5
#: writes of more triples than this go through a staged write
#: (:mod:`graph.store.staged`): one SPARQL update holds its whole text and every
#: change in memory, several GB for a million triples
SMALL_WRITE = 50_000


@dataclass
class GraphStore:
    """A handle on the on-disk store. Use :func:`open_store` to get one.

    A writable handle holds the store's lock. A read-only handle never does:
    it opens the snapshot that the last writer published (see
    :meth:`publish_snapshot`), so readers and a writer can run at once and a
    reader never meets a half-written store."""

    path: Path
    read_only: bool = False
    _store: Any = field(default=None, repr=False)
    _union_flag: bool = field(default=False, repr=False)
    _wrote: bool = field(default=False, repr=False)
    #: a committed staged write is not applied yet: publishing would show it half done
    _unfinished: bool = field(default=False, repr=False)
    #: the folder actually opened (the store, or a snapshot of it)
    opened: Path | None = None

    # ------------------------------------------------------------ opening
    def _open(self) -> None:
        import pyoxigraph as ox

        try:
            if self.read_only:
                self.opened = current_snapshot(self.path) or self.path
                self._store = _open_read_only(self.opened)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.opened = self.path
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as err:  # RocksDB reports corruption as RuntimeError
            text = str(err)
            if "lock" in text.lower():
                raise StoreLockedError(
                    f"the store {self.path} is in use by another sgkg process; "
                    "wait for it to finish (one writer at a time)"
                ) from err
            unfinished = "column family not found" in text.lower() or "MANIFEST" in text
            if self.read_only and self.opened == self.path and unfinished:
                # no writer has published this store yet: its creation was
                # stopped (kill -9) or is still going on
                raise StoreError(
                    f"the store {self.path} is not completely created (the command that "
                    "created it was stopped, or is still running): the next sgkg command "
                    f"that writes (`sgkg load`, `sgkg ingest`) finishes it ({text})"
                ) from err
            raise StoreError(f"cannot open the store {self.path}: {text}") from err

    @property
    def wrote(self) -> bool:
        """True once this handle has changed the store (a reader never does)."""
        return self._wrote

    @property
    def ox(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._store

    @property
    def cache_dir(self) -> Path:
        """Where the query layer may keep answers (derived data, safe to delete)."""
        return self.path / CACHE

    def ensure_union(self) -> None:
        """Materialise the union default graph in a store written before it
        was kept (done once; a read-only store falls back to the bag union)."""
        import pyoxigraph as ox

        cat = ox.NamedNode(ns.CATALOG_GRAPH)
        marker = ox.NamedNode(ns.SG + "unionMaterialised")
        if list(self._store.quads_for_pattern(cat, marker, None, cat)):
            self._union_flag = False
            return
        if self.read_only:
            self._union_flag = True
            return
        self._store.update(
            f"DROP SILENT DEFAULT ; "
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {cat}) }} ; "
            f'INSERT DATA {{ GRAPH {cat} {{ {cat} {marker} "true"^^<{ns.XSD}boolean> }} }} ; '
            + _BUMP_GENERATION
        )
        self._union_flag = False
        self._wrote = True

    def ensure_ontology(self) -> bool:
        """Load (or refresh) the ontology graph if the shipped files changed.

        Only a writable handle does this; returns True when it wrote."""
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
        self.replace_graph(ns.ONTOLOGY_GRAPH, quads, record=False)
        return True

    def drop_retired_views(self) -> None:
        """Stores written by sgkg 0.1 kept precomputed answers in a graph of
        their own; the query cache replaced it (done once, on a write)."""
        if self.has_graph(ns.VIEWS_GRAPH):
            self.remove_graph(ns.VIEWS_GRAPH)

    # ------------------------------------------------------------ reading
    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Any:
        """Run a read-only SPARQL query over the union of all graphs.

        ``bindings`` maps variable names to pyoxigraph terms (or IRIs as
        ``str``); they are substituted by the engine, never pasted into text.
        Raises :class:`QueryError` for syntax errors and for updates."""
        import pyoxigraph as ox

        refuse_service(sparql)
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

    def generation(self) -> int:
        """How many writes the store has seen: every write adds one in its own
        transaction, so an answer computed at generation N is valid exactly
        while the generation is N."""
        import pyoxigraph as ox

        cat = ox.NamedNode(ns.CATALOG_GRAPH)
        found = list(self._store.quads_for_pattern(cat, ox.NamedNode(_GENERATION), None, cat))
        return int(found[0].object.value) if found else 0

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
        )

    def __len__(self) -> int:
        """Quads in the named graphs (the materialised union is not counted)."""
        import pyoxigraph as ox

        union = sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return len(self._store) - union

    def canonical_dump(self) -> str:
        """Every quad as sorted N-Quads lines: equal dumps mean equal stores."""
        return "\n".join(sorted(str(q) + " ." for q in self._store))

    # ------------------------------------------------------------ writing
    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")

    def replace_graph(
        self,
        graph_iri: str,
        data: Iterable[Any] | rdflib.Graph,
        *,
        source: str | None = None,
        record: bool = True,
    ) -> int:
        """Replace the named graph ``graph_iri`` with ``data``, atomically.

        ``data`` is an rdflib graph or an iterable of pyoxigraph triples/quads
        (their own graph name is ignored: everything goes into ``graph_iri``).
        With ``record``, the catalog graph notes the source and the time.
        Up to :data:`SMALL_WRITE` triples this is one transaction; more are
        staged on disk and committed by a journal. Returns the number of
        triples written."""
        import pyoxigraph as ox

        self._require_writable()
        g = ox.NamedNode(graph_iri)
        triples = list(_as_triples(data))
        if len(triples) > SMALL_WRITE:
            return self._replace_staged(graph_iri, triples, source=source, record=record)
        lines = [f"{t.subject} {t.predicate} {t.object} ." for t in triples]
        cat = ox.NamedNode(ns.CATALOG_GRAPH)
        parts = [_retract_from_union(g, cat), f"DROP SILENT GRAPH {g}"]
        if lines:
            parts.append("INSERT DATA { GRAPH " + str(g) + " {\n" + "\n".join(lines) + "\n} }")
            parts.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
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
        # in the same transaction: every cached answer of the previous generation is void
        parts.append(_BUMP_GENERATION)
        try:
            self._store.update(" ;\n".join(parts))
        except (OSError, SyntaxError) as err:
            raise StoreError(f"writing graph {graph_iri} failed: {err}") from err
        self._wrote = True
        return len(lines)

    def _replace_staged(
        self, graph_iri: str, triples: list[Any], *, source: str | None, record: bool
    ) -> int:
        import tempfile

        import pyoxigraph as ox

        from graph.store import staged

        folder = staged.staging_dir(self)
        folder.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".nt", delete=False) as fh:
            path = Path(fh.name)
            ox.serialize(triples, fh, format=ox.RdfFormat.N_TRIPLES)
        blank = any(isinstance(x, ox.BlankNode) for t in triples for x in (t.subject, t.object))
        item = staged.StagedInput(path, "N_TRIPLES", graph_iri, native=not blank)
        counts = staged.write_graphs(self, [item], {graph_iri: source}, record=record)
        return counts[graph_iri]

    def write_staged(
        self,
        inputs: Iterable[Any],
        sources: dict[str, str | None],
        *,
        remove: Iterable[str] = (),
    ) -> dict[str, int]:
        """Replace every graph of ``sources`` (graph IRI -> source for the
        catalog) with what the checked RDF files ``inputs``
        (:class:`graph.store.staged.StagedInput`) hold for it, and remove the
        graphs of ``remove``, as one atomic write of any size. The files are
        moved into the store. Returns the triples of each graph written."""
        from graph.store import staged

        return staged.write_graphs(self, inputs, sources, remove=remove)

    def remove_graph(self, graph_iri: str) -> None:
        import itertools

        import pyoxigraph as ox

        self._require_writable()
        g = ox.NamedNode(graph_iri)
        quads = self._store.quads_for_pattern(None, None, None, g)
        if sum(1 for _ in itertools.islice(quads, SMALL_WRITE + 1)) > SMALL_WRITE:
            from graph.store import staged

            staged.write_graphs(self, [], {}, remove=[graph_iri])
            return
        cat = ox.NamedNode(ns.CATALOG_GRAPH)
        self._store.update(
            f"{_retract_from_union(g, cat)} ; DROP SILENT GRAPH {g} ; "
            f"DELETE WHERE {{ GRAPH {cat} {{ {g} ?p ?o }} }} ; {_BUMP_GENERATION}"
        )
        self._wrote = True

    def bump_generation(self) -> None:
        """Count a write made around :meth:`replace_graph` (e.g. a bulk load
        in ``bench/synthetic.py``), so no cached answer outlives it."""
        self._require_writable()
        self._store.update(_BUMP_GENERATION)
        self._wrote = True

    def publish_snapshot(self) -> Path:
        """Publish the store as it is now for readers: a RocksDB checkpoint
        (hard links, milliseconds) under ``sgkg-snapshots/``, then an atomic
        switch of the ``CURRENT`` pointer. Old snapshots are removed once
        superseded for :data:`SNAPSHOT_GRACE_SECONDS` (the last two are kept)."""
        import time
        import uuid

        self._require_writable()
        self._store.flush()
        folder = self.path / SNAPSHOTS
        folder.mkdir(exist_ok=True)
        name = f"{self.generation():08d}-{uuid.uuid4().hex[:8]}"
        target = folder / name
        try:
            self._store.backup(str(target))
            pointer = folder / f".CURRENT.{os.getpid()}"
            pointer.write_text(name + "\n", encoding="utf-8")
            os.replace(pointer, folder / "CURRENT")
        except OSError as err:
            raise StoreError(
                f"cannot publish a snapshot of {self.path} for readers: {err}"
            ) from err
        now = time.time()
        olds = sorted(
            (p for p in folder.iterdir() if p.is_dir() and p.name != name),
            key=lambda p: p.stat().st_mtime,
        )
        for old in olds[:-1]:
            if now - old.stat().st_mtime > SNAPSHOT_GRACE_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
        return target

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        """Close the handle; a writer that wrote (or whose store has no
        snapshot yet) publishes a snapshot for readers first."""
        if self._store is not None:
            try:
                if not self.read_only and not self._unfinished:
                    if self._wrote or current_snapshot(self.path) is None:
                        self.publish_snapshot()
                    self._store.flush()
            except OSError as err:  # e.g. the disk filled after the last write
                raise StoreError(
                    f"the writes are in the store {self.path}, but publishing them for "
                    f"readers failed: {err}; readers see the store as it was until the "
                    "next write publishes"
                ) from err
            finally:
                del self._store
                self._store = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, exc_type: type | None, *exc: object) -> None:
        self.close()


def _open_read_only(folder: Path) -> Any:
    """``Store.read_only`` with a few retries: a store without a snapshot can
    be met mid-write or mid-creation (RocksDB then reports its MANIFEST as
    corrupt, or a column family as missing)."""
    import time

    import pyoxigraph as ox

    for attempt in range(READ_RETRIES):
        try:
            return ox.Store.read_only(str(folder))
        except (OSError, RuntimeError) as err:
            if attempt == READ_RETRIES - 1 or "lock" in str(err).lower():
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def store_exists(path: Path) -> bool:
    """True when ``path`` holds an sgkg store (a RocksDB folder)."""
    return (path / "CURRENT").is_file()


#: what RocksDB (and sgkg) write in a new store's folder before ``CURRENT``
_CREATION_FILES = re.compile(
    r"LOCK|LOG(\.old\.\d+)?|IDENTITY|\d+\.(dbtmp|log|sst)|(MANIFEST|OPTIONS)-\d+(\.dbtmp)?|sgkg-.*"
)


def _creation_stopped(path: Path) -> bool:
    """True when ``path`` holds only what a store's creation writes before
    ``CURRENT``: a writer killed then left it, and the next one may finish it."""
    return all(_CREATION_FILES.fullmatch(p.name) for p in path.iterdir())


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the store at ``path`` (default: :func:`default_store_path`).

    Writable: created if missing; holds the lock; brings the union and the
    ontology up to date. Read-only: never takes the lock and never writes;
    a store that does not exist is a :class:`StoreMissingError` (exit 2)."""
    p = Path(path).expanduser() if path else default_store_path()
    if read_only:
        if not store_exists(p):
            raise StoreMissingError(
                f"no sgkg store at {p}; create one with `sgkg ingest`, `sgkg load` or "
                "`sgkg demo`, or point --store (or SGKG_STORE) at an existing one"
            )
        store = GraphStore(p, read_only=True)
        store._open()
        store.ensure_union()
        return store
    if p.is_dir() and any(p.iterdir()) and not store_exists(p) and not _creation_stopped(p):
        raise StoreMissingError(
            f"{p} is a folder that is not an sgkg store; choose an empty or new folder for --store"
        )
    store = GraphStore(p, read_only=False)
    store._open()
    from graph.store.staged import finish_interrupted

    try:  # a write a killed process committed is finished before anything else
        finish_interrupted(store)
    except BaseException:
        store._unfinished = True
        store.close()
        raise
    store.ensure_union()
    store.ensure_ontology()
    store.drop_retired_views()
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
        f"FILTER(?h != {g} && ?h != {cat}) }} }}"
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
