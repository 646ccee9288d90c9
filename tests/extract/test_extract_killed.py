"""``kill -9`` during ``sgkg extract`` (issue 18): afterwards the store
opens, read-only and writable; each report's extraction graph is wholly the
old one or wholly the new one; the reports' own graphs are untouched; the
union default graph is the union of the named graphs; and the store takes
writes again.

``sgkg extract`` replaces one extraction graph per transaction, so a kill
between two of them leaves some graphs new and the rest old: that is allowed
(each graph is whole), a half-replaced graph is not. The old extraction
graphs carry a marker triple so that old and new can be told apart. The
writes come at the end of an extract, after every report is extracted, so
most kills are timed from the first write (seen as the store's write-ahead
log growing) to a point of the write phase measured on a clean run; every
fourth comes earlier, before any write.

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
from graph.resources import seed_report
from tests.conftest import until_first_write

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "fixtures" / "reports"
SYNTHETIC = REPORTS / "exampleshire-synthetic.txt"
KILL_TRIALS = int(os.environ.get("SGKG_KILL_TRIALS", "4"))  # 30 in bench/hostile_bench.sh
SGKG = [sys.executable, "-c", "from cli import main; main()"]
MARKER = "<https://example.org/old-extraction> <https://example.org/marks> "
REPORT_GRAPHS = "https://w3id.org/sgkg/graph/report/"
EXTRACTION_GRAPHS = "https://w3id.org/sgkg/graph/extraction/"

Graphs = dict[str, frozenset[str]]


def _reports(folder: Path, variants: int) -> list[Path]:
    text = SYNTHETIC.read_text(encoding="utf-8")
    files = [seed_report(), REPORTS / "kirklees-2019-ilacs.txt"]
    for n in range(variants):
        path = folder / f"example-{n:03d}.txt"
        path.write_text(text.replace("Exampleshire", f"Example{n:03d}shire"), encoding="utf-8")
        files.append(path)
    return files


def _graphs(store_path: Path, prefix: str, *, read_only: bool = False) -> Graphs:
    from graph.store.embedded import open_store

    with open_store(store_path, read_only=read_only) as s:
        return {
            g: frozenset(str(q.triple) for q in s.quads(g))
            for g in s.named_graphs()
            if g.startswith(prefix)
        }


def _union_is_the_union_of_the_graphs(store_path: Path) -> bool:
    import pyoxigraph as ox

    from graph import namespaces as ns
    from graph.store.embedded import open_store

    with open_store(store_path) as s:
        union = {str(q.triple) for q in s.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        named = {str(q.triple) for q in s.quads() if q.graph_name != ox.NamedNode(ns.CATALOG_GRAPH)}
    return union == named


def _mark_old(store_path: Path) -> None:
    """Give every extraction graph one extra triple: the 'old' version."""
    import pyoxigraph as ox

    from graph.store.embedded import open_store

    with open_store(store_path) as s:
        for g in [g for g in s.named_graphs() if g.startswith(EXTRACTION_GRAPHS)]:
            triples = [q.triple for q in s.quads(g)]
            marker = ox.parse(MARKER + f'"{g}" .', format=ox.RdfFormat.N_TRIPLES)
            s.replace_graph(g, [*triples, *(q.triple for q in marker)], source="old extraction")


@pytest.mark.slow
def test_kill_9_during_extract_leaves_each_extraction_graph_old_or_new(tmp_path: Path) -> None:
    template = tmp_path / "template"
    files = _reports(tmp_path, 8)
    r = CliRunner().invoke(cli, ["--store", str(template), "ingest", *map(str, files)])
    assert r.exit_code == 0, r.output
    _mark_old(template)
    reports = _graphs(template, REPORT_GRAPHS)
    old = _graphs(template, EXTRACTION_GRAPHS)
    assert len(reports) == len(old) == len(files)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    clean = tmp_path / "clean"
    subprocess.run(["cp", "-a", str(template), str(clean)], check=True)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*SGKG, "--store", str(clean), "extract"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL
    )
    first_write = until_first_write(proc, clean)
    assert proc.wait(timeout=120) == 0
    assert first_write is not None
    before_writing, write_phase = first_write - started, time.perf_counter() - first_write
    new = _graphs(clean, EXTRACTION_GRAPHS)
    assert set(new) == set(old) and all(new[g] != old[g] for g in old)

    rng = random.Random(18)
    outcomes = {"old": 0, "new": 0, "mixed": 0}
    for trial in range(KILL_TRIALS):
        path = tmp_path / f"trial-{trial}"
        subprocess.run(["cp", "-a", str(template), str(path)], check=True)
        proc = subprocess.Popen(
            [*SGKG, "--store", str(path), "extract"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if trial % 4 == 0:  # while starting and extracting, before any write
            time.sleep(before_writing * rng.random())
        elif until_first_write(proc, path) is not None:
            time.sleep(write_phase * (trial + rng.random()) / KILL_TRIALS)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)

        # a reader opens the last published snapshot: the store before the
        # extract, or after it when it was published before the kill
        seen = _graphs(path, EXTRACTION_GRAPHS, read_only=True)
        assert seen in (old, new), f"trial {trial}: a reader sees a half-done extract"
        # the next writer sees each extraction graph whole, old or new
        after = _graphs(path, EXTRACTION_GRAPHS)
        assert set(after) == set(old), f"trial {trial}: graphs missing or added"
        kinds = set()
        for g, triples in after.items():
            kind = "old" if triples == old[g] else "new" if triples == new[g] else None
            assert kind, f"trial {trial}: {g} is neither the old nor the new extraction"
            kinds.add(kind)
        outcomes[kinds.pop() if len(kinds) == 1 else "mixed"] += 1
        assert _graphs(path, REPORT_GRAPHS) == reports, f"trial {trial}: a report graph changed"
        assert _union_is_the_union_of_the_graphs(path), f"trial {trial}"
        if trial == KILL_TRIALS - 1:  # and the store takes writes again
            r = CliRunner().invoke(cli, ["--store", str(path), "extract"])
            assert r.exit_code == 0, r.output
            assert _graphs(path, EXTRACTION_GRAPHS) == new
        subprocess.run(["rm", "-rf", str(path)], check=True)

    out = os.environ.get("SGKG_BENCH_OUT")
    if out:
        line = {"check": "kill -9 during extract", "trials": KILL_TRIALS, "whole": KILL_TRIALS}
        line.update(outcomes)
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line) + "\n")
