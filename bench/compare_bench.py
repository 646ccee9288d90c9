"""Time `sgkg changes`, `compare --neighbours` and the national matrix.

    python bench/compare_bench.py --store /tmp/sgkg-corpus --out bench/compare_results.md
    python bench/compare_bench.py --store /tmp/sgkg-corpus --synthetic /tmp/sgkg-synth \\
        --out bench/compare_results.md

``--store`` is a store holding the development corpus (``sgkg ingest --jobs 2
../shared/corpus/pdf/*.pdf``, then ``sgkg demo`` for the seed and its curated
layer); ``--synthetic`` the ~1M-triple store of ``bench/synthetic.py``. Each
measure is the library call with the store open read-only (median of
``--repeat`` after one unmeasured run), and the whole command in a new process
(``sgkg ... --format csv``, wall time, median of ``--repeat``).

Targets (issue 16): on the corpus store `changes` <= 0.5 s and the matrix <=
5 s; on the synthetic store the matrix <= 15 s and `changes` <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: no background warmer (graph/queries/warm.py) after the writes this script times
os.environ["SGKG_WARM"] = "0"

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(fn: Any, repeat: int) -> float:
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def fresh(store: Path, args: list[str], repeat: int) -> float:
    runs = []
    env = {**os.environ, "COLUMNS": "200"}
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "cli", "--store", str(store), *args],
            check=True,
            capture_output=True,
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
        )
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def served(store_path: Path, key: str) -> tuple[float, float]:
    """The changes page of ``key`` from ``sgkg serve`` (in-process client):
    the first request (a forked child computes it) and the next (kept)."""
    from starlette.testclient import TestClient

    from graph.serve import create_app

    with TestClient(create_app(store_path, timeout=30)) as client:
        times = []
        for _ in range(2):
            t = time.perf_counter()
            r = client.get(f"/changes/{key}")
            times.append(time.perf_counter() - t)
            assert r.status_code == 200, r.text[:300]
    return times[0], times[1]


def measure(store_path: Path, cases: dict[str, str], repeat: int) -> list[list[str]]:
    from graph.analysis.changes import changes
    from graph.analysis.compare import compare
    from graph.analysis.matrix import national_matrix
    from graph.store.embedded import open_store

    rows = []
    with open_store(store_path, read_only=True) as store:
        size = len(store)
        matrix = national_matrix(store)
        calls = {
            "changes": (lambda: changes(store, cases["changes"]), ["changes", cases["changes"]]),
            "compare --neighbours": (
                lambda: compare(store, [cases["compare"]], neighbours=True),
                ["compare", cases["compare"], "--neighbours"],
            ),
            "matrix": (lambda: national_matrix(store), ["matrix"]),
        }
        for name, (fn, args) in calls.items():
            lib = timed(fn, repeat)
            rows.append([name, " ".join(args), f"{lib:.3f}", ""])
    for row, (_name, (_fn, args)) in zip(rows, calls.items(), strict=True):
        row[3] = f"{fresh(store_path, [*args, '--format', 'csv'], repeat):.3f}"
    cold, warm = served(store_path, cases["changes"])
    rows.append(
        ["changes page (sgkg serve)", f"GET /changes/{cases['changes']}", f"{cold:.3f}",
         f"{warm:.3f} (kept)"]
    )  # fmt: skip
    detail = f"{size} triples; matrix {len(matrix.rows)} rows x {len(matrix.columns)} columns"
    return [[*r, detail] for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True, help="development-corpus store")
    ap.add_argument("--synthetic", type=Path, help="the 1M-triple synthetic store")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    from graph.tables import format_markdown

    sections = []
    corpus = measure(
        a.store,
        {
            "changes": "bournemouth-christchurch-and-poole",
            "compare": "bournemouth-christchurch-and-poole",
        },
        a.repeat,
    )
    sections.append(("Development corpus store", corpus))
    if a.synthetic:
        from graph.analysis.register import known_authorities
        from graph.store.embedded import open_store

        with open_store(a.synthetic, read_only=True) as store:
            first = sorted(known_authorities(store))[0]
        sections.append(
            (
                "Synthetic store",
                measure(a.synthetic, {"changes": first, "compare": first}, a.repeat),
            )
        )
    headers = ["measure", "command", "library (s)", "fresh process (s)", "store"]
    text = "\n\n".join(
        f"## {title}\n\n{format_markdown(headers, rows)}" for title, rows in sections
    )
    print(text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
