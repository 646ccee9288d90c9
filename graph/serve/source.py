"""The store behind the server, and the one way work reaches it.

Every request's work runs in a child process forked by
:func:`graph.store.budget.run_within`, the same time and memory budget as
the command line: a heavy query is killed at its limit and never holds the
server. The server process itself opens the read-only snapshot and forks;
it runs no query, so a child is never forked while another thread of the
server is inside the database.

The snapshot a writer publishes (``STORE/sgkg-snapshots/CURRENT``) is read
on every request (one small file): when a CLI write has published a new
one, the next request opens it. Its name starts with the store's write
generation, so it also keys the server's answer cache: a kept answer can
never outlive the data it was computed from.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.store.budget import Budget, run_within


@dataclass
class Source:
    """The embedded store at ``path`` or the SPARQL endpoint at ``endpoint``."""

    path: Path | None = None
    endpoint: str | None = None
    budget: Budget = field(default_factory=Budget)
    _store: Any = field(default=None, repr=False)
    _key: str | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def describe(self) -> str:
        if self.endpoint:
            from graph.store.remote import safe_url

            return safe_url(self.endpoint)
        return str(self.path)

    def _pointer(self) -> str:
        from graph.store.embedded import current_snapshot

        assert self.path is not None
        snap = current_snapshot(self.path)
        return snap.name if snap is not None else "store"

    def current(self) -> tuple[str | None, Any]:
        """(key, store): the key names the data the store holds (``None`` for
        an endpoint, whose data can change under us: nothing is kept)."""
        if self.endpoint:
            if self._store is None:
                from graph.store.remote import open_remote

                self._store = open_remote(self.endpoint, timeout=self.budget.seconds)
            return None, self._store
        key = self._pointer()
        if key != self._key or self._store is None:
            with self._lock:
                if key != self._key or self._store is None:
                    from graph.store.embedded import open_store

                    # the old handle is not closed: a child forked from it may
                    # still be reading; it goes when the last reference does
                    self._store = open_store(self.path, read_only=True)
                    self._key = key
        return self._key, self._store

    def generation(self, key: str | None) -> int | None:
        """The write generation a snapshot key names."""
        if key and key[:8].isdigit():
            return int(key[:8])
        return None

    def run(self, store: Any, work: Callable[..., Any], *args: Any) -> Any:
        """``work(store, *args)`` in a forked child within the budget; its
        (JSON-able) value, or the :class:`graph.errors.SgkgError` it raised."""
        return run_within(lambda: work(store, *args), self.budget, what="the request")
