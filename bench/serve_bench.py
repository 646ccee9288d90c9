"""Benchmark of `sgkg serve` and of `--endpoint`, on loopback, bounded in time.

    python bench/serve_bench.py --store /tmp/corpus-store [--clients 50] [--seconds 30]

1. starts `sgkg serve` on a free port; warms it (every request of the mix
   once, four at a time, timed: the cold figures);
2. load: ``--clients`` threads, each with its own keep-alive connection,
   ask requests of the mix at random, back to back (no think time), for
   ``--seconds``: latency percentiles, requests per second, errors;
3. the same load while one more client sends a deliberately heavy query
   (a triple cross join) that runs into the server's time limit, again and
   again: the heavy query's answers (503 expected) and the others' p95;
4. `--endpoint` overhead: starts `oxigraph serve` (the `oxigraph` package) on
   a free port, `sgkg publish`es the store to it, and times every named
   query's examples in-process through the embedded store and through the
   endpoint (no answer cache either way): median per query, and the difference.

The mix: for every authority, weak-links, reports and judgements (named
queries), the gap register (JSON), the explorer's page data and `show LSCB`;
plus the list of authorities. Requests that do not answer 200 when warming
(e.g. an ILACS-era authority without an LSCB) are left out of the mix.
Prints Markdown for bench/serve_results.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

#: no background warmer (graph/queries/warm.py) after the writes this script times
os.environ["SGKG_WARM"] = "0"

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    r.read()
    return r.status, time.perf_counter() - started


def the_mix(base: str) -> list[str]:
    import json

    with urllib.request.urlopen(base + "/api/authorities", timeout=120) as r:
        keys = [a["key"] for a in json.load(r)]
    paths = ["/api/authorities"]
    for k in keys:
        a = urllib.parse.quote(k)
        paths += [
            f"/api/queries/weak-links?authority={a}",
            f"/api/queries/reports?authority={a}",
            f"/api/queries/judgements?authority={a}",
            f"/api/gaps?authority={a}",
            f"/api/explorer/{a}",
            f"/api/show/LSCB?authority={a}",
        ]
    return paths


def warm(host: str, port: int, paths: list[str]) -> tuple[list[str], list[float]]:
    ok: list[str] = []
    times: list[float] = []
    lock = threading.Lock()

    def one(path: str) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        status, took = get(conn, path)
        conn.close()
        with lock:
            if status == 200:
                ok.append(path)
                times.append(took)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, paths))
    return ok, times


def load(
    host: str, port: int, paths: list[str], clients: int, seconds: float, heavy: bool = False
) -> dict[str, object]:
    stop = time.monotonic() + seconds
    lat: list[float] = []
    errors: list[str] = []
    heavy_answers: list[tuple[int, float]] = []
    lock = threading.Lock()

    def client(seed: int) -> None:
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection(host, port, timeout=60)
        mine: list[float] = []
        while time.monotonic() < stop:
            path = rnd.choice(paths)
            try:
                status, took = get(conn, path)
            except (OSError, http.client.HTTPException) as err:
                with lock:
                    errors.append(f"{path}: {err}")
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=60)
                continue
            if status != 200:
                with lock:
                    errors.append(f"{path}: HTTP {status}")
            mine.append(took)
        conn.close()
        with lock:
            lat.extend(mine)

    def heavy_client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=60)
        q = "/sparql?" + urllib.parse.urlencode({"query": HEAVY})
        while time.monotonic() < stop:
            heavy_answers.append(get(conn, q))
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    if heavy:
        threads.append(threading.Thread(target=heavy_client))
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    return {
        "requests": len(lat),
        "rps": len(lat) / wall,
        "p50": pct(lat, 50),
        "p95": pct(lat, 95),
        "p99": pct(lat, 99),
        "max": max(lat) if lat else float("nan"),
        "errors": errors,
        "heavy": heavy_answers,
    }


def endpoint_overhead(store: Path, repeats: int) -> list[tuple[str, float, float]]:
    from graph.errors import SgkgError
    from graph.queries.catalog import list_queries, parse_param_pairs, run_named_query
    from graph.store.embedded import open_store
    from graph.store.remote import open_remote, publish

    binary = shutil.which("oxigraph")
    if binary is None:
        print("(no oxigraph binary: pip install oxigraph; --endpoint overhead skipped)")
        return []
    folder = Path(tempfile.mkdtemp(prefix="sgkg-bench-oxigraph-"))
    port = free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_for(url + "?query=ASK%7B%7D")
        with open_store(store, read_only=True) as local:
            t = time.perf_counter()
            publish(local, f"http://127.0.0.1:{port}/store")
            print(f"published the store to Oxigraph in {time.perf_counter() - t:.1f} s")
            remote = open_remote(url)
            cases = []
            for q in list_queries():
                for ex in q.examples:
                    words = shlex.split(ex)
                    pairs = [words[i + 1] for i, w in enumerate(words) if w in ("-p", "--param")]
                    cases.append((q.name, parse_param_pairs(pairs)))
            out = []
            for name, given in cases:
                label = name + "".join(f" {k}={v}" for k, v in given.items())
                try:  # an example written for Bournemouth may name an ambiguous body here
                    run_named_query(local, name, given, use_cache=False)
                except SgkgError as err:
                    print(f"(left out {label}: {str(err).splitlines()[0]})")
                    continue
                times = {}
                for which, st in (("embedded", local), ("endpoint", remote)):
                    runs = []
                    for _ in range(repeats):
                        t = time.perf_counter()
                        run_named_query(st, name, given, use_cache=False)
                        runs.append(time.perf_counter() - t)
                    times[which] = statistics.median(runs)
                out.append((label, times["embedded"], times["endpoint"]))
            return out
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--timeout", type=float, default=10, help="the server's time limit")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--skip-endpoint", action="store_true")
    args = ap.parse_args()

    port = free_port()
    host = "127.0.0.1"
    base = f"http://{host}:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cli",
            "--store",
            str(args.store),
            "serve",
            "--port",
            str(port),
            "--timeout",
            str(args.timeout),
        ],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    try:
        wait_for(base + "/api/status")
        paths = the_mix(base)
        t = time.monotonic()
        ok, cold = warm(host, port, paths)
        print(f"## sgkg serve on {args.store}\n")
        print(
            f"Mix: {len(ok)} requests ({len(paths) - len(ok)} of {len(paths)} left out: "
            f"not 200). Warming (4 at a time, cold): {time.monotonic() - t:.1f} s; "
            f"per request p50 {pct(cold, 50) * 1000:.0f} ms, p95 {pct(cold, 95) * 1000:.0f} ms, "
            f"max {max(cold) * 1000:.0f} ms.\n"
        )
        print("| run | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, heavy in (
            ("named queries and page data", False),
            ("same, with a heavy query", True),
        ):
            r = load(host, port, ok, args.clients, args.seconds, heavy)
            print(
                f"| {name} | {args.clients} | {r['requests']} | {r['rps']:.0f} | "
                f"{r['p50'] * 1000:.1f} | {r['p95'] * 1000:.1f} | {r['p99'] * 1000:.1f} | "
                f"{r['max'] * 1000:.0f} | {len(r['errors'])} |"
            )
            if r["errors"]:
                print("\nerrors (first 5):", *r["errors"][:5], sep="\n  ")
            if heavy:
                answers = r["heavy"]
                codes = sorted({s for s, _ in answers})
                took = [x for _, x in answers]
                heavy_line = (
                    f"\nHeavy query: {len(answers)} sent, answered HTTP {codes} after "
                    f"{min(took):.1f}-{max(took):.1f} s (limit {args.timeout:g} s)."
                )
        print(heavy_line)
    finally:
        server.terminate()
        server.wait(10)

    if not args.skip_endpoint:
        rows = endpoint_overhead(args.store, args.repeats)
        if rows:
            print("\n## --endpoint overhead (Oxigraph server on loopback vs embedded)\n")
            print(f"Median of {args.repeats} runs, in-process, answer cache off.\n")
            print("| named query | embedded ms | endpoint ms | overhead ms |")
            print("|---|---:|---:|---:|")
            for label, a, b in rows:
                print(f"| {label} | {a * 1000:.1f} | {b * 1000:.1f} | {(b - a) * 1000:+.1f} |")
            worst = max(b - a for _, a, b in rows)
            mean = statistics.mean(b - a for _, a, b in rows)
            print(f"\nOverhead: mean {mean * 1000:+.1f} ms, worst {worst * 1000:+.1f} ms.")


if __name__ == "__main__":
    main()
