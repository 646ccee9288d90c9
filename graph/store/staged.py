"""Writes of whole named graphs too big for one transaction: staged on disk,
committed by a journal, applied in batches, finished after a crash.

pyoxigraph gives a Python caller no transaction it can hold open across
calls, and one SPARQL update that writes a million triples needs several GB
and minutes here (5.3 GB and 199 s to move a staged graph of 1M triples into
place by one update; the way below loads 1M triples in 25-35 s and 930 MB,
``bench/load_results.md``). So a big write is made atomic the way
a database makes a redo log atomic:

1. **stage**: the new content, already parsed and checked in full by the
   caller, is moved into ``sgkg-staging/`` in the store's folder. Nothing in
   the store has changed; a process killed now leaves the store as it was
   (the next writer removes the stray files).
2. **commit**: a journal ``<id>.json`` naming the staged files and the
   graphs they replace is written and renamed into place (fsync'd). From this
   instant the write has happened: it will be finished whatever follows.
3. **apply**: each target graph is emptied in batches (its triples leave the
   union unless another graph holds them); the staged files are bulk-loaded
   into their graphs and into the union; then one small transaction records
   the graphs in the catalog, notes the journal as applied and bumps the
   write generation.
4. the journal and its files are removed.

Applying is idempotent, so a write interrupted in step 3 (``kill -9``, a full
disk, Ctrl-C) is finished by the next writable open (:func:`finish_interrupted`)
before anything else happens. Readers never see a half-applied write: they
open the snapshot a writer publishes when it closes, and a writer whose
apply did not finish does not publish.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from graph import namespaces as ns
from graph.errors import StoreError
from graph.store.layout import _BUMP_GENERATION, current_snapshot


class GraphStore(Protocol):
    """What a staged write needs of the store (:class:`graph.store.embedded.GraphStore`
    is one); spelled here so this module sits below the store, not beside it."""

    path: Path
    ox: Any
    _unfinished: Any
    _wrote: bool

    def _require_writable(self) -> None: ...

    def publish_snapshot(self) -> Path: ...


#: sgkg's folder of staged writes inside the store directory (RocksDB ignores it)
STAGING = "sgkg-staging"
#: quads of a graph deleted per transaction when it is emptied (memory stays flat)
CLEAR_BATCH = 50_000
#: triples handed to the bulk loader at once (about 300 MB at the peak)
INSERT_BATCH = 100_000
#: formats whose triples the bulk loader can put into a named graph itself
_TRIPLE_FORMATS = frozenset({"N_TRIPLES", "TURTLE", "RDF_XML"})
_APPLIED = ns.SG + "appliedWrite"


@dataclass(frozen=True)
class StagedInput:
    """An RDF file, parsed and checked in full, to be written into the store.

    Triples of the file's default graph go to ``default_graph``; quads of a
    named graph keep its name, except those in ``skip_graphs``. ``native``
    says the file may be parsed twice by the bulk loader (once into its graph,
    once into the union) with the same result: a triples file with no blank
    node (the loader names them afresh on every parse). Otherwise it is parsed
    once, in Python, and each quad written to its graph and to the union."""

    path: Path
    format: str  # a pyoxigraph RdfFormat name
    default_graph: str
    base_iri: str | None = None
    skip_graphs: frozenset[str] = frozenset()
    native: bool = False


@dataclass
class Journal:
    """What a committed write does: every field is needed to finish it."""

    id: str
    modified: str
    record: bool
    graphs: dict[str, str | None]  # graph written -> its source for the catalog
    remove: list[str] = field(default_factory=list)  # graphs removed
    files: list[dict[str, Any]] = field(default_factory=list)

    def targets(self) -> list[str]:
        return sorted(set(self.graphs) | set(self.remove))


def staging_dir(store: GraphStore) -> Path:
    return store.path / STAGING


def write_graphs(
    store: GraphStore,
    inputs: Iterable[StagedInput],
    sources: dict[str, str | None],
    *,
    remove: Iterable[str] = (),
    record: bool = True,
) -> dict[str, int]:
    """Replace each graph of ``sources`` with what ``inputs`` hold for it
    (a graph no input fills is left empty), and remove the graphs of
    ``remove``, all as one write. The input files are moved into the store
    (they must not be used afterwards). Returns the triples of each graph."""
    store._require_writable()
    inputs = list(inputs)
    folder = staging_dir(store)
    write_id = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    files: list[dict[str, Any]] = []
    journal = Journal(
        id=write_id,
        modified=datetime.now(UTC).replace(microsecond=0).isoformat(),
        record=record,
        graphs=dict(sources),
        remove=sorted(set(remove) - set(sources)),
        files=files,
    )
    committed = False
    try:
        folder.mkdir(exist_ok=True)
        for n, item in enumerate(inputs):
            name = f"{write_id}-{n}.rdf"
            _move_into(item.path, folder / name)
            files.append(
                {
                    "file": name,
                    "format": item.format,
                    "default_graph": item.default_graph,
                    "base_iri": item.base_iri,
                    "skip_graphs": sorted(item.skip_graphs),
                    "native": item.native,
                }
            )
        if current_snapshot(store.path) is None:
            # readers of a store with no snapshot open the store itself:
            # give them the state before this write to open instead
            store.publish_snapshot()
        _write_journal(folder, journal)
        committed = True
        store._unfinished = True  # until applied, close() must not publish
        counts = _apply(store, journal)
        store._unfinished = False
        _remove_files(folder, journal)
        return counts
    except (OSError, SyntaxError, ValueError) as err:
        if committed:
            raise StoreError(
                f"the write of {', '.join(journal.targets())} was committed but could "
                f"not be finished ({err}); readers still see the store as it was, and "
                "the next sgkg command that writes will finish it"
            ) from err
        raise StoreError(f"cannot stage the write in {folder}: {err}") from err
    finally:
        if not committed:
            for f in files:
                (folder / f["file"]).unlink(missing_ok=True)


def finish_interrupted(store: GraphStore) -> list[str]:
    """Finish every committed write a killed process left (in commit order)
    and delete uncommitted staged files. Run by every writable open before
    anything else; returns the graphs written."""
    folder = staging_dir(store)
    if not folder.is_dir():
        return []
    done: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            journal = Journal(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError) as err:
            raise StoreError(
                f"{path}: an interrupted write's journal cannot be read ({err}); "
                "delete the file to give that write up"
            ) from err
        missing = [f["file"] for f in journal.files if not (folder / f["file"]).is_file()]
        if missing and not _applied(store, journal.id):
            raise StoreError(
                f"{path}: an interrupted write of {', '.join(journal.targets())} cannot "
                f"be finished: its staged file {missing[0]} is gone; delete {path.name} "
                "to give that write up"
            )
        store._unfinished = True
        try:
            _apply(store, journal)
        except (OSError, SyntaxError, ValueError) as err:
            raise StoreError(
                f"cannot finish the interrupted write of {', '.join(journal.targets())}: {err}"
            ) from err
        store._unfinished = False
        _remove_files(folder, journal)
        done += journal.targets()
    for stray in folder.iterdir():  # staged but never committed
        if stray.is_file():
            stray.unlink(missing_ok=True)
    return done


# ---------------------------------------------------------------- applying


def _apply(store: GraphStore, journal: Journal) -> dict[str, int]:
    import pyoxigraph as ox

    oxs = store.ox
    targets = journal.targets()
    if _applied(store, journal.id):
        return {g: _count(oxs, g) for g in journal.graphs}
    for g in targets:
        _empty_graph(oxs, g)
    folder = staging_dir(store)
    for f in journal.files:
        _bulk_insert(oxs, folder / f["file"], f)
    counts = {g: _count(oxs, g) for g in journal.graphs}
    cat = ox.NamedNode(ns.CATALOG_GRAPH)
    parts = []
    for g_iri in targets:
        g = ox.NamedNode(g_iri)
        if not counts.get(g_iri):
            parts.append(f"DROP SILENT GRAPH {g}")
        if journal.record:
            parts.append(f"DELETE WHERE {{ GRAPH {cat} {{ {g} ?p ?o }} }}")
        if journal.record and g_iri in journal.graphs:
            modified = ox.Literal(journal.modified, datatype=ox.NamedNode(ns.XSD + "dateTime"))
            count = ox.Literal(str(counts[g_iri]), datatype=ox.NamedNode(ns.XSD + "integer"))
            meta = [
                f"{g} <{ns.RDF}type> <{ns.SG}LoadedGraph> .",
                f"{g} <{ns.DCTERMS}modified> {modified} .",
                f"{g} <{ns.SG}tripleCount> {count} .",
            ]
            source = journal.graphs[g_iri]
            if source:
                meta.append(f"{g} <{ns.DCTERMS}source> {ox.Literal(source)} .")
            parts.append(f"INSERT DATA {{ GRAPH {cat} {{ {' '.join(meta)} }} }}")
    applied = ox.Literal(journal.id)
    parts.append(f"DELETE WHERE {{ GRAPH {cat} {{ {cat} <{_APPLIED}> ?w }} }}")
    parts.append(f"INSERT DATA {{ GRAPH {cat} {{ {cat} <{_APPLIED}> {applied} }} }}")
    # the one transaction that makes the write count: catalog, applied mark, generation
    parts.append(_BUMP_GENERATION)
    oxs.update(" ;\n".join(parts))
    store._wrote = True
    return counts


def _empty_graph(oxs: Any, graph_iri: str) -> None:
    """Delete a graph's quads in batches; each batch takes its triples out of
    the union in the same transaction unless another data graph holds them.
    Safe to repeat after an interruption."""
    import pyoxigraph as ox

    g = ox.NamedNode(graph_iri)
    cat = ox.NamedNode(ns.CATALOG_GRAPH)
    batch = (
        f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} ?s ?p ?union }} WHERE {{ "
        f"{{ SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }} LIMIT {CLEAR_BATCH} }} "
        f"BIND(IF(EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {g} && ?h != {cat}) }}, "
        f"?held, ?o) AS ?union) }}"
    )
    while next(iter(oxs.quads_for_pattern(None, None, None, g)), None) is not None:
        oxs.update(batch)


def _bulk_insert(oxs: Any, path: Path, spec: dict[str, Any]) -> None:
    """Load one staged file into its graphs and the union with the bulk
    loader (no transaction: safe because the graphs were emptied first and
    the whole apply is repeated after an interruption)."""
    import pyoxigraph as ox

    fmt = getattr(ox.RdfFormat, spec["format"])
    target = ox.NamedNode(spec["default_graph"])
    base = spec.get("base_iri")
    if spec.get("native") and spec["format"] in _TRIPLE_FORMATS:
        for into in (target, ox.DefaultGraph()):
            oxs.bulk_load(path=str(path), format=fmt, base_iri=base, to_graph=into, lenient=True)
        return
    batch: list[Any] = []
    for quad in _mapped(path, fmt, base, target, frozenset(spec.get("skip_graphs", ()))):
        batch.append(quad)
        batch.append(ox.Quad(quad.subject, quad.predicate, quad.object))
        if len(batch) >= 2 * INSERT_BATCH:
            oxs.bulk_extend(batch)
            batch = []
    if batch:
        oxs.bulk_extend(batch)


def _mapped(
    path: Path, fmt: Any, base: str | None, target: Any, skip: frozenset[str]
) -> Iterator[Any]:
    import pyoxigraph as ox

    # blank nodes renamed: two files' _:b0 are different nodes (the RDF merge)
    quads = ox.parse(
        path=str(path), format=fmt, base_iri=base, lenient=True, rename_blank_nodes=True
    )
    for q in quads:
        g = q.graph_name
        if isinstance(g, ox.DefaultGraph):
            yield ox.Quad(q.subject, q.predicate, q.object, target)
        elif g.value not in skip:
            yield q


def _count(oxs: Any, graph_iri: str) -> int:
    import pyoxigraph as ox

    g = ox.NamedNode(graph_iri)
    rows = oxs.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


def _applied(store: GraphStore, write_id: str) -> bool:
    import pyoxigraph as ox

    cat = ox.NamedNode(ns.CATALOG_GRAPH)
    marks = store.ox.quads_for_pattern(cat, ox.NamedNode(_APPLIED), ox.Literal(write_id), cat)
    return next(iter(marks), None) is not None


# ---------------------------------------------------------------- files


def _move_into(source: Path, target: Path) -> None:
    """Move a file into the staging folder (a copy when it lies on another
    file system), then make it durable: the journal will point at it."""
    try:
        os.replace(source, target)
    except OSError:
        import shutil

        shutil.copyfile(source, target)
        source.unlink(missing_ok=True)
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())


def _write_journal(folder: Path, journal: Journal) -> None:
    """The commit point: the journal appears whole, by rename, or not at all."""
    tmp = folder / f"{journal.id}.json.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(journal.__dict__, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / f"{journal.id}.json")
    _fsync_dir(folder)


def _remove_files(folder: Path, journal: Journal) -> None:
    (folder / f"{journal.id}.json").unlink(missing_ok=True)
    for f in journal.files:
        (folder / f["file"]).unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
