"""Time `sgkg sparql` SELECTs in a fresh process on a ~1M-triple store.

    python bench/synthetic.py /tmp/sgkg-synth      # once
    python bench/sparql_bench.py /tmp/sgkg-synth

Each query runs as a new `sgkg` process (what a user waits for), five times;
the table gives the row count and the median wall time. Target: < 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: no background warmer (graph/queries/warm.py) after the writes this script times
os.environ["SGKG_WARM"] = "0"

QUERIES = {
    "weak or absent links of one authority, with evidence text": """
SELECT ?source ?kind ?target ?quality ?n ?text WHERE {
  ?l a sg:Link ; sg:authority ?a ; sg:quality ?quality ; sg:linkKind ?kind ;
     sg:source/rdfs:label ?source ; sg:target/rdfs:label ?target ; sg:evidence ?p .
  ?a rdfs:label "North Ashford Council" .
  ?p sg:number ?n ; sg:text ?text .
  FILTER(?quality IN (lq:weak, lq:absent))
} ORDER BY ?n""",
    "links by quality, all authorities (aggregate)": """
SELECT ?quality (COUNT(?l) AS ?links) WHERE {
  ?l a sg:Link ; sg:quality ?quality .
} GROUP BY ?quality ORDER BY DESC(?links)""",
    "judgements of every authority (join + OPTIONAL)": """
SELECT ?authority ?area ?grade ?published WHERE {
  ?j a sg:Judgement ; sg:report ?r ; sg:judgementArea/skos:prefLabel ?area ;
     sg:grade/skos:prefLabel ?grade .
  ?r sg:authority/rdfs:label ?authority .
  OPTIONAL { ?r dcterms:issued ?published }
} ORDER BY ?authority ?area""",
    "bodies with no evidenced reporting line (NOT EXISTS)": """
SELECT ?body ?label WHERE {
  ?body a sg:Body ; rdfs:label ?label .
  FILTER NOT EXISTS { ?body org:reportsTo|sg:accountableTo ?up }
}""",
    "paragraphs mentioning the Family Justice Board": """
SELECT ?report ?n WHERE {
  ?p sg:mentionsBodyType bt:family-justice-board ; sg:number ?n ; sg:report ?report .
} ORDER BY ?report ?n""",
}


def run(store: str, query: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "--store",
            store,
            "sparql",
            query,
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - t0
    rows = max(len(out.stdout.strip().splitlines()) - 1, 0)
    return elapsed, rows


def main() -> None:
    ap = argparse.ArgumentParser(description="fresh-process SPARQL latency")
    ap.add_argument("store")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print("| query | rows | median s (fresh process) | max s |")
    print("|---|---:|---:|---:|")
    for name, q in QUERIES.items():
        times, rows = [], 0
        for _ in range(args.repeat):
            t, rows = run(args.store, q)
            times.append(t)
        assert rows > 0, f"{name}: no rows"
        print(f"| {name} | {rows:,} | {statistics.median(times):.2f} | {max(times):.2f} |")


if __name__ == "__main__":
    main()
