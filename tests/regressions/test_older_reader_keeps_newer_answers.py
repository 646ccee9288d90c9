"""Regression (issue 14): a reader still on an older snapshot that kept an
answer removed every kept answer of the newer generation.

Keeping an answer pruned every other generation's folder, newer ones
included. A long-lived reader (``sgkg serve``, a notebook, the background
warmer) answering after a write would then throw away the answers the
current generation had already kept, and the next ask paid the whole query
again. Only older generations may be pruned."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.queries import cache
from graph.store.embedded import open_store
from graph.store.sparql import QueryResult


def _answer(text: str) -> QueryResult:
    return QueryResult(kind="select", variables=["x"], rows=[[ox.Literal(text)]])


def test_an_older_generation_answer_leaves_the_newer_answers_kept(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.bump_generation()
    old_reader = open_store(path, read_only=True)  # sees the generation before the write
    with open_store(path) as store:
        store.bump_generation()
    new_reader = open_store(path, read_only=True)
    assert new_reader.generation() == old_reader.generation() + 1

    assert cache.put(new_reader, "newer", _answer("newer"))
    assert cache.put(old_reader, "older", _answer("older"))

    kept = cache.get(new_reader, "newer")
    assert kept is not None and kept.rows[0][0].value == "newer"


def test_a_newer_answer_prunes_the_older_generation(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.bump_generation()
    old_reader = open_store(path, read_only=True)
    assert cache.put(old_reader, "older", _answer("older"))
    with open_store(path) as store:
        store.bump_generation()
    new_reader = open_store(path, read_only=True)
    assert cache.put(new_reader, "newer", _answer("newer"))

    assert cache.get(old_reader, "older") is None  # its folder went with the newer answer
