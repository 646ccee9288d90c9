"""The answer cache after a write: warmed in the background, and one answer
never computed twice by two processes at once (graph.queries.warm, cache)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import cli
from graph.queries import cache, warm
from graph.queries.catalog import list_queries, load_query, run_named_query, warm_cache
from graph.resources import curated_dir
from graph.store.embedded import open_store

CURATED = curated_dir() / "bournemouth-2014.ttl"
WHOLE_STORE = [q.name for q in list_queries() if all(p.optional for p in q.params)]


def _sgkg(store: Path, *args: str, warm_on: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SGKG_WARM="1" if warm_on else "0")
    return subprocess.run(
        [sys.executable, "-c", "import cli; cli.main()", "--store", str(store), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _kept(store_path: Path) -> int:
    store = open_store(store_path, read_only=True)
    try:
        return cache.status(store)["answers"]
    finally:
        store.close()


def test_a_write_warms_every_whole_store_answer_in_the_background(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    done = _sgkg(store_path, "load", str(CURATED), warm_on=True)
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 90
    while _kept(store_path) < len(WHOLE_STORE) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _kept(store_path) == len(WHOLE_STORE)
    stats = _sgkg(store_path, "stats", warm_on=False)
    assert f"whole-store answers kept: {len(WHOLE_STORE)} of {len(WHOLE_STORE)}" in stats.stdout

    # the kept answers are the answers: the same rows as the query run anew
    store = open_store(store_path, read_only=True)
    for name in ("weak-links", "bodies"):
        _, kept = run_named_query(store, name)
        _, fresh = run_named_query(store, name, use_cache=False)
        assert kept.rows == fresh.rows and kept.rows


def test_without_warming_a_write_keeps_no_answer(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    done = _sgkg(store_path, "--no-warm", "load", str(CURATED), warm_on=True)
    assert done.returncode == 0, done.stderr
    time.sleep(1.0)  # time enough for a warmer to have kept its first answers
    assert _kept(store_path) == 0
    stats = _sgkg(store_path, "stats", warm_on=False)
    assert f"whole-store answers kept: 0 of {len(WHOLE_STORE)}" in stats.stdout
    assert "computed when first asked" in stats.stdout


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    monkeypatch.setenv("SGKG_WARM", "1")
    monkeypatch.setattr(warm, "start", lambda path: calls.append(path))
    return calls


def test_only_a_write_that_succeeded_starts_the_warmer(tmp_path: Path, started: list[Path]) -> None:
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", str(store), "load", str(CURATED)]).exit_code == 0
    assert started == [store]

    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <urn:x#> . :a :b", encoding="utf-8")
    assert runner.invoke(cli, ["--store", str(store), "load", str(bad)]).exit_code == 2
    assert runner.invoke(cli, ["--store", str(store), "query", "bodies"]).exit_code == 0
    assert started == [store]  # neither a failed write nor a read warms

    assert (
        runner.invoke(cli, ["--store", str(store), "--no-warm", "load", str(CURATED)]).exit_code
        == 0
    )
    assert started == [store]


def test_warming_stops_when_asked(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        store.bump_generation()
    store = open_store(tmp_path / "store", read_only=True)
    assert warm_cache(store, stop=lambda: True) == 0
    assert cache.status(store)["answers"] == 0


def _writes_during_second_ask(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from graph.queries import catalog

    asked: list[str] = []
    real = catalog.run_named_query

    def ask(store: Any, name: str, *args: Any, **kw: Any) -> Any:
        asked.append(name)
        if len(asked) == 2:  # a write lands while the warmer works
            with open_store(path) as writer:
                writer.bump_generation()
        return real(store, name, *args, **kw)

    monkeypatch.setattr(catalog, "run_named_query", ask)
    return asked


def test_the_warmer_computes_the_slowest_answers_first_and_stops_at_a_newer_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.bump_generation()
    (path / "sgkg-cache").mkdir()
    (path / "sgkg-cache" / warm.COSTS).write_text('{"reports": 9.0, "bodies": 5.0}')
    asked = _writes_during_second_ask(path, monkeypatch)
    assert warm.warm_once(path) == (2, True)
    assert asked == ["reports", "bodies"]
    costs = json.loads((path / "sgkg-cache" / warm.COSTS).read_text())
    assert set(costs) == {"reports", "bodies"} and costs["reports"] < 9.0  # measured again


def test_the_warmer_goes_on_to_the_newest_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.bump_generation()
    _writes_during_second_ask(path, monkeypatch)
    warm.warm(path)
    assert _kept(path) == len(WHOLE_STORE)  # every answer, at the generation after the write


def test_a_second_warmer_leaves_the_work_to_the_running_one(tmp_path: Path) -> None:
    import fcntl

    path = tmp_path / "store"
    with open_store(path) as store:
        store.bump_generation()
    lock = path / "sgkg-cache" / warm.WARM_LOCK
    lock.parent.mkdir()
    with open(lock, "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert warm.warm(path) == 0
    assert _kept(path) == 0
    assert warm.warm(path) == len(WHOLE_STORE)  # once the other has gone


_HOLDER = """
import sys, time
from graph.queries import cache
from graph.store.embedded import open_store
from graph.store.sparql import QueryResult
import pyoxigraph as ox
store = open_store(sys.argv[1], read_only=True)
with cache.computing(store, sys.argv[2], wait_s=30):
    open(sys.argv[3], "w").close()
    time.sleep(1.0)
    answer = QueryResult("select", ["x"], [[ox.Literal("from the other process")]])
    cache.put(store, sys.argv[2], answer)
"""


def test_an_ask_waits_for_the_same_answer_being_computed_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.bump_generation()
    store: Any = open_store(path, read_only=True)
    query = load_query("reports")
    key = cache.answer_key(query.text, {})
    holding = tmp_path / "holding"
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path), key, str(holding)])
    try:
        deadline = time.monotonic() + 60
        while not holding.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert holding.exists()
        _, result = run_named_query(store, "reports")
    finally:
        holder.wait(timeout=60)
    # the answer the other process kept, not one computed here beside it
    assert [[t.value for t in row] for row in result.rows] == [["from the other process"]]
