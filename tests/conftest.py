"""Shared fixtures. Tests never need the network or ../shared: everything they
read ships in the repository (data/, tests/fixtures/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM_PATH = Path("/usr/bin/chromium")


def pytest_configure(config: pytest.Config) -> None:
    """In CI the browser tests must run, not skip: without Debian's chromium the
    explorer and the server pages would go untested and the run would look green."""
    import os

    # no background warmer after the tests' writes (graph.queries.warm): it would
    # outlive the test that wrote and compete for the CPU; tests/queries/test_warm.py
    # turns it on where it is the subject
    os.environ["SGKG_WARM"] = "0"
    if os.environ.get("CI") and not CHROMIUM_PATH.exists():
        raise pytest.UsageError(
            "CI is set but /usr/bin/chromium is missing: the browser tests would be "
            "skipped (install it with apt-get install -y chromium)"
        )


def load_rdf(store: Any, path: Path) -> None:
    """Load an RDF file into ``store`` the way ``sgkg load`` does."""
    from graph.rdf.files import parse_file

    parsed = parse_file(str(path))
    for graph_iri, triples in parsed.graphs.items():
        store.replace_graph(graph_iri, triples, source=parsed.source)


@pytest.fixture(scope="session")
def bournemouth_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A store holding the seed report as the reader reads it (when the reader
    is present) and the curated Bournemouth 2014 layer. Session-scoped: build
    it once, and do not write to it."""
    from graph.resources import curated_dir, seed_report
    from graph.store.embedded import open_store

    path = tmp_path_factory.mktemp("bournemouth") / "store"
    with open_store(path) as store:
        _ingest_seed(store, seed_report())
        load_rdf(store, curated_dir() / "bournemouth-2014.ttl")
        yield store


def _ingest_seed(store: Any, report: Path) -> None:
    try:
        from graph.ingest import ingest_report  # the report reader (issue 3)
    except ImportError:
        return  # reader not there yet: the curated layer alone
    done = ingest_report(store, report)
    # this store is the reader's reading plus the curated layer; the link
    # extractor's reading is tested on stores of its own (tests/extract/)
    extracted = getattr(done, "extraction_graph_iri", "")
    if extracted:
        store.remove_graph(extracted)


def until_first_write(proc: Any, store_path: Path) -> float | None:
    """Wait until the process ``proc`` commits its first write to the store
    at ``store_path`` (seen as RocksDB's write-ahead log growing: a writer's
    open starts a new, empty log and every transaction appends to it), for
    timing a ``kill -9`` inside a write phase. Returns when it was seen
    (``time.perf_counter()``), or None if the process ended first."""
    import contextlib
    import time

    def logs() -> dict[str, int]:
        found = {}
        for p in store_path.glob("*.log"):
            with contextlib.suppress(FileNotFoundError):  # removed between glob and stat
                found[p.name] = p.stat().st_size
        return found

    before = logs()
    while proc.poll() is None:
        if any(size > before.get(n, 0) for n, size in logs().items() if n not in before):
            return time.perf_counter()
        time.sleep(0.001)
    return None
