"""``kill -9`` during a batch ``sgkg ingest`` (issue 18), in trials spread
over the writes into an empty store (timed from the first one), every fourth
into a new store, while it is being created: afterwards the store
opens, every report graph and extraction graph there is equal to the same
graph of a clean rebuild (whole or absent, never half written), the union
default graph is the union of the named graphs, and ingesting the batch
again gives exactly the clean store.

``SGKG_KILL_TRIALS`` sets the number of trials (30 in
``bench/hostile_bench.sh``); with ``SGKG_BENCH_OUT`` set, the outcomes are
appended to that file as one JSON line.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.errors import StoreError
from graph.resources import seed_report
from tests.conftest import until_first_write

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "tests" / "fixtures" / "reports" / "exampleshire-synthetic.txt"
KILL_TRIALS = int(os.environ.get("SGKG_KILL_TRIALS", "4"))  # 30 in bench/hostile_bench.sh
SGKG = [sys.executable, "-c", "from cli import main; main()"]
DATA_GRAPHS = ("https://w3id.org/sgkg/graph/report/", "https://w3id.org/sgkg/graph/extraction/")

Graphs = dict[str, frozenset[str]]


def _reports(folder: Path, variants: int) -> list[Path]:
    text = SYNTHETIC.read_text(encoding="utf-8")
    files = [seed_report()]
    for n in range(variants):
        path = folder / f"example-{n:03d}.txt"
        path.write_text(text.replace("Exampleshire", f"Example{n:03d}shire"), encoding="utf-8")
        files.append(path)
    return files


def _state(store_path: Path) -> tuple[Graphs, bool]:
    """(the data graphs, whether the union is the union of the named graphs),
    as the next writer sees the store."""
    import pyoxigraph as ox

    from graph import namespaces as ns
    from graph.store.embedded import open_store

    with open_store(store_path) as s:
        graphs = {
            g: frozenset(str(q.triple) for q in s.quads(g))
            for g in s.named_graphs()
            if g.startswith(DATA_GRAPHS)
        }
        union = {str(q.triple) for q in s.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        catalog = ox.NamedNode(ns.CATALOG_GRAPH)
        named = {str(q.triple) for q in s.quads() if q.graph_name != catalog}
    return graphs, union == named


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_every_graph_as_a_clean_rebuild_or_absent(
    tmp_path: Path,
) -> None:
    from graph.store.embedded import open_store, store_exists

    files = [str(f) for f in _reports(tmp_path, 4)]
    clean_path = tmp_path / "clean"
    r = CliRunner().invoke(cli, ["--store", str(clean_path), "ingest", *files])
    assert r.exit_code == 0, r.output
    clean, whole = _state(clean_path)
    assert whole and len(clean) == 2 * len(files)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def start(path: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [*SGKG, "--store", str(path), "ingest", *files],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    # an empty store (the ontology in it), so that the first write seen is a report's
    template = tmp_path / "template"
    open_store(template).close()
    timing = tmp_path / "timing"
    subprocess.run(["cp", "-a", str(template), str(timing)], check=True)
    started = time.perf_counter()
    proc = start(timing)
    first_write = until_first_write(proc, timing)
    assert proc.wait(timeout=120) == 0 and first_write is not None
    before_writing, write_phase = first_write - started, time.perf_counter() - first_write

    rng = random.Random(18)
    present = []  # graphs found after each trial
    for trial in range(KILL_TRIALS):
        path = tmp_path / f"trial-{trial}"
        if trial % 4 == 0:  # into a new store, while starting or creating it
            proc = start(path)
            time.sleep(before_writing * rng.random())
        else:
            subprocess.run(["cp", "-a", str(template), str(path)], check=True)
            proc = start(path)
            if until_first_write(proc, path) is not None:
                time.sleep(write_phase * (trial + rng.random()) / KILL_TRIALS)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)

        if store_exists(path):  # a reader opens what was last published, or is told
            try:  # the store's creation was stopped
                with open_store(path, read_only=True) as s:
                    s.named_graphs()
            except StoreError as err:
                assert "not completely created" in str(err), err
        graphs, whole = _state(path)
        assert whole, f"trial {trial}: the union is not the union of the graphs"
        for g, triples in graphs.items():
            assert triples == clean[g], f"trial {trial}: {g} differs from a clean rebuild"
        present.append(len(graphs))
        if trial == KILL_TRIALS - 1:  # the batch again gives exactly the clean store
            r = CliRunner().invoke(cli, ["--store", str(path), "ingest", *files])
            assert r.exit_code == 0, r.output
            assert _state(path) == (clean, True)
        subprocess.run(["rm", "-rf", str(path)], check=True)

    out = os.environ.get("SGKG_BENCH_OUT")
    if out:
        line = {
            "check": "kill -9 during ingest",
            "trials": KILL_TRIALS,
            "whole": KILL_TRIALS,
            "graphs of a full batch": len(clean),
            "graphs present after each kill": present,
        }
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line) + "\n")
