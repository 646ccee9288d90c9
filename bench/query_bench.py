"""Time every named query (data/queries/*.rq) on a national-sized store.

    python bench/query_bench.py --synthetic /tmp/sgkg-synth --corpus /tmp/sgkg-corpus
    python bench/query_bench.py --synthetic /tmp/sgkg-synth --out bench/query_results.md

Two stores, built when the folder does not exist yet:

* ``--synthetic``: the ~1M-triple store of ``bench/synthetic.py`` (150
  authorities in the project's own vocabulary);
* ``--corpus``: the 34 development-corpus reports read from their PDFs by
  the report reader (``--corpus-pdfs``, default ``../shared/corpus/pdf``),
  plus the seed report and the curated Bournemouth layer, so that the link
  questions have links to find.

Each query runs as a user runs it: names, not IRIs (``authority=north-ashford``,
``body=LSCB`` within that authority, ``topic=CSE``...), resolved and bound by
``graph.queries``. Two cases per query where it has optional parameters: one
authority (or one body) and, where that differs, the whole store.

* **fresh**: ``sgkg query NAME -p ... --format csv`` in a new process, wall
  time (interpreter start, imports, opening the store, lookup, query,
  printing); the median of ``--fresh`` runs. Run before any warm run, with
  no other handle on the store.
* **warm**: the same call to :func:`graph.queries.run_named_query` in one
  process with the store open; the median of ``--repeat`` runs after one
  unmeasured run.

Whole-store forms are answered from the store's precomputed views
(``graph/views.py``); for those the table also gives the query itself, warm,
and the cost of keeping the views (recomputing one authority, on a copy).
The stores must have no pending views (a finished writing session leaves
none).

Targets on the 1M-triple store: every query under 100 ms warm and under 1 s
fresh. An empty result is flagged: a benchmark of nothing proves nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARM_TARGET_MS = 100.0
FRESH_TARGET_S = 1.0


@dataclass
class Case:
    query: str
    params: dict[str, str]

    def label(self) -> str:
        return " ".join(f"{k}={v}" for k, v in self.params.items()) or "(whole store)"

    def cli_args(self) -> list[str]:
        args = ["query", self.query]
        for k, v in self.params.items():
            args += ["-p", f"{k}={v}"]
        return [*args, "--format", "csv"]


@dataclass
class Timing:
    case: Case
    rows: int
    warm_ms: float
    fresh_s: float
    from_views: bool = False
    direct_ms: float | None = None  # the query itself, warm, when views answered


def example_values(authority: str) -> dict[str, str]:
    """What a user would type for each parameter kind."""
    return {
        "authority": authority,
        "body": "LSCB",
        "body-type": "housing",
        "topic": "CSE",
        "judgement-area": "adoption",
        "link-kind": "reports to",
        "quality": "weak",
        "grade": "good",
        "text": "board",
    }


def cases_for(authority: str) -> list[Case]:
    """Per query: every parameter filled in (a body within the authority); the
    authority alone; the other filters without the authority (the whole store);
    and only the required parameters (the whole store). Cases that come out the
    same are run once."""
    from graph.queries.catalog import list_queries

    values = example_values(authority)
    cases: list[Case] = []
    for q in list_queries():
        full = {p.name: values[p.kind] for p in q.params}
        required = {p.name: values[p.kind] for p in q.params if not p.optional}
        if "authority" in full:
            if any(p.kind == "body" and not p.optional for p in q.params):
                # a body name only means one body within an authority: keep it
                required["authority"] = full["authority"]
            local = {**required, "authority": full["authority"]}
        else:
            local = full
        # the filters without an authority: "every weak link involving housing, nationally"
        national = {k: v for k, v in full.items() if k != "authority"}
        if any(p.kind == "body" for p in q.params):
            national = required
        for params in (full, local, national, required):
            if all(c.params != params or c.query != q.name for c in cases):
                cases.append(Case(q.name, params))
    return cases


# ---------------------------------------------------------------- building


def build_synthetic(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import synthetic

    counts = synthetic.build(path)
    print(f"built {path}: {counts['triples']:,} triples", file=sys.stderr)


def build_corpus(path: Path, pdfs: Path) -> None:
    from graph.ingest import ingest_files
    from graph.rdf.files import parse_file
    from graph.resources import curated_dir, seed_report
    from graph.store.embedded import open_store

    files = sorted(pdfs.glob("*.pdf"))
    if not files:
        raise SystemExit(f"no PDFs in {pdfs}")
    with open_store(path) as store:
        summary = ingest_files(store, [*files, seed_report()], jobs=2)
        for failed in summary.failed:
            print(f"failed: {failed}", file=sys.stderr)
        for ttl in sorted(curated_dir().glob("*.ttl")):
            parsed = parse_file(str(ttl))
            for graph_iri, triples in parsed.graphs.items():
                store.replace_graph(graph_iri, triples, source=parsed.source)
        print(
            f"built {path}: {len(summary.ingested)} reports, {len(store):,} triples",
            file=sys.stderr,
        )


# ---------------------------------------------------------------- timing


def time_fresh(store: Path, case: Case, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), "--store", str(store), *case.cli_args()],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def time_warm(store: object, case: Case, repeat: int, use_views: bool = True) -> tuple[int, float]:
    """Rows and median ms of ``repeat`` in-process runs after one unmeasured
    run; ``use_views=False`` times the query itself."""
    from graph.queries.catalog import run_named_query

    def once() -> int:
        _, result = run_named_query(store, case.query, case.params, use_views=use_views)
        return len(result.rows)

    rows = once()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        once()
        times.append(time.perf_counter() - t0)
    return rows, statistics.median(times) * 1000


def answered_from_views(store: object, case: Case) -> bool:
    from graph.queries import views
    from graph.queries.catalog import load_query, resolve_params

    query = load_query(case.query)
    bindings = resolve_params(store, query, case.params)
    return (
        views.applies(query, bindings) is not None
        and views.answer(store, query, bindings) is not None
    )


def time_refresh(path: Path, authorities: int) -> tuple[float, int]:
    """Median seconds to recompute the views of one authority (what each
    written report adds), on a copy of the store; and how many authorities."""
    import shutil
    import tempfile

    from graph.store.embedded import open_store

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(path, copy)
        from graph.queries import views

        store = open_store(copy)  # closed without finishing the refresh: a throw-away copy
        store.invalidate_views()
        total = len(views.pending(store))
        times = []
        for _ in range(min(authorities, total)):
            t0 = time.perf_counter()
            store.refresh_views(limit=1)
            times.append(time.perf_counter() - t0)
        store.close()
    return statistics.median(times), total


def refresh_line(path: Path, authorities: int) -> str:
    one, total = time_refresh(path, authorities)
    return (
        f"Keeping the views: recomputing one authority's whole-store answers (what "
        f"a write of one report adds) takes {one:.2f} s (median of {authorities}); "
        f"all {total} authorities about {one * total:.0f} s."
    )


def non_empty_cases(store: object, authority: str, tries: int = 20) -> list[Case]:
    """The cases of :func:`cases_for`; one that finds nothing for ``authority``
    is moved to the first other authority (of the first ``tries``) where it
    finds something, so that every timing is of a real answer."""
    from graph.queries.catalog import run_named_query, select_named

    others = [r["report"].split("/")[0] for r in select_named(store, "reports")]
    others = [a for a in dict.fromkeys(others) if a != authority][:tries]
    chosen = []

    def finds(case: Case) -> bool:
        return bool(run_named_query(store, case.query, case.params)[1].rows)

    for case in cases_for(authority):
        if "authority" in case.params and not finds(case):
            for other in others:
                moved = Case(case.query, {**case.params, "authority": other})
                if finds(moved):
                    case = moved
                    break
        chosen.append(case)
    return chosen


def bench_store(path: Path, authority: str, repeat: int, fresh: int) -> tuple[int, list[Timing]]:
    """The number of triples in the store and the timing of every case."""
    from graph.store.embedded import open_store

    with open_store(path, read_only=True) as store:
        cases = non_empty_cases(store, authority)
    fresh_s = {i: time_fresh(path, c, fresh) for i, c in enumerate(cases)}
    out = []
    with open_store(path, read_only=True) as store:
        from graph.queries import views

        if views.pending(store):
            raise SystemExit(f"{path}: {len(views.pending(store))} authorities' views pending")
        triples = len(store)
        for i, case in enumerate(cases):
            rows, warm = time_warm(store, case, repeat)
            timing = Timing(case, rows, warm, fresh_s[i])
            if answered_from_views(store, case):
                timing.from_views = True
                timing.direct_ms = time_warm(store, case, max(1, repeat // 2), use_views=False)[1]
            out.append(timing)
    return triples, out


def environment() -> str:
    import platform

    import pyoxigraph

    return (
        f"pyoxigraph {pyoxigraph.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs (shared with other work while measured)"
    )


def table(title: str, timings: list[Timing], targets: bool) -> str:
    lines = [
        f"### {title}",
        "",
        "| query | parameters | rows | warm median ms | fresh process median s "
        "| answered from | the query itself, warm ms |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for t in timings:
        rows = f"{t.rows:,}" if t.rows else "**0 (empty!)**"
        warm = f"{t.warm_ms:.1f}"
        fresh = f"{t.fresh_s:.2f}"
        if targets:
            warm += "" if t.warm_ms < WARM_TARGET_MS else " ✗"
            fresh += "" if t.fresh_s < FRESH_TARGET_S else " ✗"
        source = "views" if t.from_views else "query"
        direct = f"{t.direct_ms:.1f}" if t.direct_ms is not None else ""
        lines.append(
            f"| {t.case.query} | {t.case.label()} | {rows} | {warm} | {fresh} "
            f"| {source} | {direct} |"
        )
    if targets:
        over = [t for t in timings if t.warm_ms >= WARM_TARGET_MS or t.fresh_s >= FRESH_TARGET_S]
        lines += [
            "",
            f"Targets: warm < {WARM_TARGET_MS:.0f} ms and fresh < {FRESH_TARGET_S:.0f} s; "
            f"✗ marks a miss ({len(over)} of {len(timings)} cases).",
        ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description="time every named query")
    ap.add_argument("--synthetic", type=Path, help="1M-triple synthetic store (built if absent)")
    ap.add_argument("--authority", default="north-ashford", help="authority of the synthetic runs")
    ap.add_argument("--corpus", type=Path, help="store of the development corpus (built if absent)")
    ap.add_argument("--corpus-pdfs", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdf")
    ap.add_argument("--corpus-authority", default="bournemouth")
    ap.add_argument("--repeat", type=int, default=7, help="warm runs per case")
    ap.add_argument("--fresh", type=int, default=3, help="fresh-process runs per case")
    ap.add_argument("--refresh", type=int, default=10, help="authorities timed refreshing")
    ap.add_argument("--out", type=Path, help="also write the tables to this Markdown file")
    args = ap.parse_args()
    if not args.synthetic and not args.corpus:
        ap.error("give --synthetic and/or --corpus")

    parts = [
        "## Named queries",
        "",
        f"`python bench/query_bench.py`: {environment()}; warm = median of {args.repeat} "
        f"in-process runs, fresh = median of {args.fresh} `sgkg query` processes.",
        "",
    ]
    if args.corpus:
        if not args.corpus.exists():
            build_corpus(args.corpus, args.corpus_pdfs)
        triples, timings = bench_store(args.corpus, args.corpus_authority, args.repeat, args.fresh)
        title = f"Development corpus: 34 reports, the seed and its layer ({triples:,} triples)"
        parts += [table(title, timings, False), "", refresh_line(args.corpus, args.refresh), ""]
    if args.synthetic:
        if not args.synthetic.exists():
            build_synthetic(args.synthetic)
        triples, timings = bench_store(args.synthetic, args.authority, args.repeat, args.fresh)
        title = f"Synthetic national store: 150 authorities ({triples:,} triples)"
        parts += [table(title, timings, True), "", refresh_line(args.synthetic, args.refresh)]
    text = "\n".join(parts) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
