"""What the store's readers and writers agree on, below both: where the
published snapshots are, and the write generation every write bumps in its
own transaction (:mod:`graph.store.embedded`, :mod:`graph.store.staged`)."""

from __future__ import annotations

from pathlib import Path

from graph import namespaces as ns

#: the folder of read-only snapshots a writer publishes at close (CURRENT names the latest)
SNAPSHOTS = "sgkg-snapshots"


def current_snapshot(path: Path) -> Path | None:
    """The snapshot readers should open, or None when no writer published one."""
    pointer = path / SNAPSHOTS / "CURRENT"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    snap = path / SNAPSHOTS / name
    return snap if name and (snap / "CURRENT").is_file() else None


_GENERATION = ns.SG + "generation"
#: SPARQL that adds one to the store's write generation (kept in the catalog graph)
_BUMP_GENERATION = (
    f"DELETE {{ GRAPH <{ns.CATALOG_GRAPH}> {{ <{ns.CATALOG_GRAPH}> <{_GENERATION}> ?n }} }} "
    f"INSERT {{ GRAPH <{ns.CATALOG_GRAPH}> {{ <{ns.CATALOG_GRAPH}> <{_GENERATION}> ?next }} }} "
    f"WHERE {{ OPTIONAL {{ GRAPH <{ns.CATALOG_GRAPH}> "
    f"{{ <{ns.CATALOG_GRAPH}> <{_GENERATION}> ?n }} }} BIND(COALESCE(?n, 0) + 1 AS ?next) }}"
)
