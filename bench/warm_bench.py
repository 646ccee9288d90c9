"""The first whole-store ask after ``sgkg load``, with the background warmer.

A write voids every kept answer (graph/queries/cache.py); a command that wrote
then starts graph/queries/warm.py, which computes the whole-store answers in a
detached process. This script measures what a user sees:

* ``sgkg load`` of a one-triple file (a new generation), wall time;
* how long after it the warmer has kept every whole-store answer;
* ``sgkg query NAME --format csv`` in a new process, started ``D`` seconds
  after the load returned, for each delay of ``--delays`` (0 is "at once":
  the ask then waits for the warmer's answer or computes its own, never both),
  and the same with ``sgkg --no-warm load`` (every first ask computes).

    python bench/warm_bench.py /tmp/sgkg-synth-b --queries weak-links bodies --rounds 3

The store is written (a graph ``urn:bench:warm`` is replaced each round and
removed at the end). Medians of ``--rounds``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GRAPH = "urn:bench:warm"


def sgkg(store: Path, *args: str, warm: bool = True) -> float:
    env = {**os.environ, "SGKG_WARM": "1" if warm else "0"}
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "--store", str(store), *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"sgkg {' '.join(args)}: {done.stderr.decode()[-400:]}")
    return time.perf_counter() - t0


def kept(store: Path) -> int:
    from graph.queries import cache
    from graph.store.embedded import open_store

    s = open_store(store, read_only=True)
    try:
        return cache.status(s)["answers"]
    finally:
        s.close()


def whole_store_count() -> int:
    from graph.queries.catalog import list_queries

    return sum(1 for q in list_queries() if all(p.optional for p in q.params))


def write(store: Path, folder: Path, round_no: int, warm: bool) -> float:
    f = folder / f"touch-{round_no}.nt"
    f.write_text(
        f'<{GRAPH}> <http://www.w3.org/2000/01/rdf-schema#comment> "warm bench {round_no}" .\n',
        encoding="utf-8",
    )
    args = ["load", str(f), "--graph", GRAPH]
    return sgkg(store, *args, warm=warm) if warm else sgkg(store, "--no-warm", *args, warm=False)


def wait_all_kept(store: Path, since: float, want: int, limit: float = 300.0) -> float:
    while kept(store) < want:
        if time.perf_counter() - since > limit:
            return float("nan")
        time.sleep(0.1)
    return time.perf_counter() - since


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--queries", nargs="+", default=["weak-links", "bodies"])
    ap.add_argument("--delays", nargs="+", type=float, default=[0.0, 5.0, 15.0])
    ap.add_argument("--rounds", type=int, default=3)
    opts = ap.parse_args()
    want = whole_store_count()
    loads: list[float] = []
    all_kept: list[float] = []
    asks: dict[tuple[str, str], list[float]] = {}
    r = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _ in range(opts.rounds):
            for q in opts.queries:  # without warming: the ask computes
                r += 1
                write(opts.store, folder, r, warm=False)
                asks.setdefault((q, "no warmer"), []).append(
                    sgkg(opts.store, "query", q, "--format", "csv")
                )
            for delay in opts.delays:
                for q in opts.queries:
                    r += 1
                    t0 = time.perf_counter()
                    loads.append(write(opts.store, folder, r, warm=True))
                    t_end = time.perf_counter()
                    time.sleep(max(0.0, delay - (time.perf_counter() - t_end)))
                    label = f"{delay:g} s after"
                    asks.setdefault((q, label), []).append(
                        sgkg(opts.store, "query", q, "--format", "csv")
                    )
                    all_kept.append(wait_all_kept(opts.store, t0, want))
            print(f"round done ({r} writes)", file=sys.stderr, flush=True)
        sgkg(
            opts.store,
            "--no-warm",
            "load",
            str(folder / "touch-1.nt"),
            "--graph",
            GRAPH,
            warm=False,
        )
    from graph.store.embedded import open_store

    with open_store(opts.store) as s:
        s.remove_graph(GRAPH)

    print(
        f"`sgkg load` of one triple (warming on): median {statistics.median(loads):.2f} s "
        f"({len(loads)} runs); every whole-store answer ({want}) kept "
        f"{statistics.median(all_kept):.1f} s after the load started "
        f"(median; range {min(all_kept):.1f}-{max(all_kept):.1f} s).\n"
    )
    print("| query (whole store) | asked | median s | runs s |")
    print("|---|---|---:|---|")
    for (q, label), times in asks.items():
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"| {q} | {label} | {statistics.median(times):.2f} | {runs} |")


if __name__ == "__main__":
    main()
