"""Regression (issue 14): the background warmer kept nothing for a store that
no writer had published a snapshot of (a store written before snapshots, or
whose snapshot folder was removed): it took "the reader opened the store
itself" for "a newer write was published" and stopped before its first
answer (and, looping to follow newer writes, would have spun for ever)."""

from __future__ import annotations

import shutil
from pathlib import Path

from graph.queries import cache, warm
from graph.queries.catalog import whole_store_queries
from graph.store.embedded import open_store
from graph.store.layout import SNAPSHOTS


def test_the_warmer_warms_a_store_without_a_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.bump_generation()
    shutil.rmtree(path / SNAPSHOTS)

    assert warm.warm(path) == len(whole_store_queries())
    reader = open_store(path, read_only=True)
    assert reader.opened == path  # no snapshot: the store itself
    assert cache.status(reader)["answers"] == len(whole_store_queries())
