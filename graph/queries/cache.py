"""Answers of named queries kept on disk, correct by construction.

An answer is kept under a key made of the query's text, its bound values,
sgkg's version and the store's write *generation* (:meth:`GraphStore.generation`),
which every write raises by one in the same transaction as the data. A
written store has a new generation, so no kept answer can be read for it:
there is no rule about which write changes which answer, and nothing for a
query author to declare. Answers are filled when first asked (and, after a
batch, by :mod:`graph.queries.warm`), kept as JSON files in ``<store>/sgkg-cache/<generation>/``
(derived data: deleting the folder only costs speed), and answers of older
generations are removed when a newer one is kept. A process computing an
answer holds a lock on it (:func:`computing`), so a second process asking for
the same answer waits for it rather than running the same query again.

Readers keep answers too: the cache is a plain folder beside the database,
not part of it, so filling it never needs the store's write lock. Where the
folder cannot be written (a read-only mount), answers are simply not kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph import __version__
from graph.store.embedded import GraphStore
from graph.store.sparql import QueryResult
from graph.store.terms import decoder, encode

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no waiting, each process computes
    fcntl = None  # type: ignore[assignment]


#: how often a process waiting for another's answer looks again
LOCK_POLL_S = 0.05


def answer_key(text: str, bindings: dict[str, Any]) -> str:
    """A digest of the query text, its bindings and sgkg's version."""
    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(b"\0" + text.encode())
    for name in sorted(bindings):
        h.update(f"\0{name}={_term_text(bindings[name])}".encode())
    return h.hexdigest()[:32]


def _folder(store: GraphStore) -> Path:
    return store.cache_dir / f"{store.generation():08d}"


def get(store: GraphStore, key: str) -> QueryResult | None:
    """The kept answer for ``key`` at the store's generation, or None."""
    path = _folder(store) / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    decode = decoder()
    return QueryResult(
        kind="select",
        variables=data["variables"],
        rows=[[decode(cell) for cell in row] for row in data["rows"]],
    )


def put(store: GraphStore, key: str, result: QueryResult) -> bool:
    """Keep a SELECT answer; returns False when it could not be kept."""
    if result.kind != "select":
        return False
    folder = _folder(store)
    data = {"variables": result.variables, "rows": [[encode(c) for c in r] for r in result.rows]}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        return False
    _prune(store.cache_dir, keep=folder.name)
    return True


def _prune(root: Path, keep: str) -> None:
    """Remove the answers of older generations (best effort). Newer ones stay:
    a reader still on an older snapshot must not throw away what readers of
    the current generation kept."""
    with contextlib.suppress(OSError):
        for old in root.iterdir():
            if old.is_dir() and old.name.isdigit() and int(old.name) < int(keep):
                shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def computing(store: GraphStore, key: str, wait_s: float) -> Iterator[None]:
    """Held while this process computes the answer for ``key``: another process
    asking for the same answer meanwhile waits here (at most ``wait_s``) and
    then finds it kept, instead of running the same query beside it. So the
    background warmer and a user's ask never pay one query twice, and the ask
    waits no longer than the query would take it.

    Best effort: where the cache folder cannot be written, or the lock is not
    released in time, the caller computes the answer itself."""
    if fcntl is None:
        yield
        return
    folder = _folder(store)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / f".{key}.lock", "a+b")  # noqa: SIM115 - held across the yield
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    break  # compute it anyway
                time.sleep(LOCK_POLL_S)
        yield
    finally:
        handle.close()  # releases the lock


def status(store: GraphStore) -> dict[str, int]:
    """The store's generation and how many answers are kept for it."""
    folder = _folder(store)
    kept = len(list(folder.glob("*.json"))) if folder.is_dir() else 0
    return {"generation": store.generation(), "answers": kept}


def _term_text(value: Any) -> str:
    return str(value)
