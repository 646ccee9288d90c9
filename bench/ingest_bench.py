"""Batch ingest of the development corpus: PDF to committed store.

    python bench/ingest_bench.py [--corpus ../shared/corpus] [--out bench/ingest_results.md]

Runs ``ingest_files`` in one process over every corpus PDF, four ways (one
process or ``--jobs 2``; with the link extraction or without it, as the issue's
reading target excludes extraction), each into a fresh store, and notes:
the wall time of the batch, the median and maximum interval between two
reports being committed (what one report costs in a batch), and the peak
memory of the writer and of its workers (VmHWM; workers are separate
processes). The extraction alone is timed by ``sgkg extract`` over the store.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: no background warmer (graph/queries/warm.py) after the writes this script times
os.environ["SGKG_WARM"] = "0"
sys.path.insert(0, str(ROOT))

CLI = [sys.executable, "-c", "from cli import main; main()"]

RUN = """
import json, resource, sys, time
from graph.store.embedded import open_store
from graph.ingest import ingest_files
paths = sys.argv[4:]
stamps = []
t0 = time.perf_counter()
with open_store(sys.argv[1]) as s:
    summary = ingest_files(s, paths, jobs=int(sys.argv[2]), extract=sys.argv[3] == "1",
                           on_done=lambda p: stamps.append(time.perf_counter()))
wall = time.perf_counter() - t0
hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0].split()[1]
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "stamps": [t - t0 for t in stamps], "ok": len(summary.ingested),
                  "failed": len(summary.failed), "writer_kb": int(hwm), "worker_kb": kids}))
"""


def one(store: Path, pdfs: list[str], jobs: int, extract: bool) -> dict:
    import json

    out = subprocess.run(
        [sys.executable, "-c", RUN, str(store), str(jobs), "1" if extract else "0", *pdfs],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    pdfs = sorted(str(p) for p in (args.corpus / "pdf").glob("*.pdf"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            for extract in (False, True):
                store = Path(tmp) / f"store-{jobs}-{extract}"
                r = one(store, pdfs, jobs, extract)
                gaps = [b - a for a, b in zip([0.0, *r["stamps"]], r["stamps"], strict=False)]
                rows.append(
                    [
                        jobs,
                        "yes" if extract else "no",
                        f"{r['ok']} read, {r['failed']} refused",
                        f"{r['wall']:.1f}",
                        f"{statistics.median(gaps):.3f}",
                        f"{max(gaps):.2f}",
                        f"{r['wall'] / len(pdfs):.3f}",
                        f"{r['writer_kb'] / 1024:.0f}",
                        f"{r['worker_kb'] / 1024:.0f}",
                    ]
                )
                print(rows[-1], file=sys.stderr)
        store = Path(tmp) / "store-1-False"
        t = time.perf_counter()
        subprocess.run(
            [*CLI, "--store", str(store), "extract"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        extract_s = time.perf_counter() - t
    head = [
        "jobs",
        "links extracted",
        "reports",
        "batch s",
        "median s between commits",
        "max s",
        "s per report (batch / reports)",
        "writer peak MB",
        "largest worker peak MB",
    ]
    lines = [
        "# Batch ingest: measured figures",
        "",
        f"Written by `python bench/ingest_bench.py` on {len(pdfs)} development-corpus PDFs, "
        f"{platform.machine()}, {sys.version.split()[0]}, 2 cores (shared). Each run is one "
        "process and a fresh store; the interval between two reports being committed is "
        "what one report costs in a batch (the first includes the start of the workers).",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(str(c) for c in row) + " |" for row in rows),
        "",
        f"`sgkg extract` over the store of all {len(pdfs)} reports (re-extracting from stored "
        f"paragraphs, fresh process): {extract_s:.1f} s.",
        "",
    ]
    text = "\n".join(lines)
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
