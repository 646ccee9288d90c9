"""Time every named query (data/queries/*.rq) on a national-sized store, with
the query cache (:mod:`graph.queries.cache`) and without it.

    python bench/query_bench.py --synthetic /tmp/sgkg-synth --out bench/query_results.md
    python bench/query_bench.py --synthetic /tmp/sgkg-synth --ingest 3 \\
        --old-tree /tmp/old --old-synthetic /tmp/sgkg-synth-old --out bench/query_results.md

Stores, built when the folder does not exist yet:

* ``--synthetic``: the ~1M-triple store of ``bench/synthetic.py`` (150
  authorities in the project's own vocabulary);
* ``--corpus``: the development-corpus reports read from their PDFs by the
  report reader (``--corpus-pdfs``, default ``../shared/corpus/pdf``), plus the
  seed report and the curated layers, so that the link questions have links.

Each query runs as a user runs it: names, not IRIs (``authority=north-ashford``,
``body=LSCB`` within that authority, ``topic=CSE``...), resolved and bound by
``graph.queries``. Per query: every parameter filled in, the authority alone,
the filters without the authority and only the required parameters (the
*whole-store* forms: no authority, no body), each once.

What is timed, per case:

* **cache**: :func:`graph.queries.catalog.run_named_query` answered from the
  cache, in one process with the store open read-only (median of ``--repeat``
  after one unmeasured run);
* **query**: the query itself, warm (``use_cache=False``: resolving the names,
  the forked child of :mod:`graph.store.budget`, the engine, decoding), median
  of at most ``--repeat`` runs and at most ``--case-seconds`` of them; with the
  CPU seconds it took (this process and its children), which other work on a
  shared machine does not inflate;
* **after a write**: the first ask once the store was written. A writer
  replaces a one-triple graph (``urn:bench:touch``), which bumps the write
  generation, and closes (publishing the snapshot readers open); a new reader
  then asks every case once, each a cache miss. Median of ``--after-write``
  rounds;
* **fresh**: ``sgkg query NAME -p ... --format csv`` in a new process, wall
  time (interpreter start, imports, opening the snapshot, names, the answer,
  printing), with the answer in the cache (median of ``--fresh`` runs), and as
  the first ask after a write (``--fresh-after-write`` rounds).

Then the cost of :func:`graph.queries.catalog.warm_cache` after a write (what a batch
writer may spend before it ends), and with ``--ingest N``: ``sgkg ingest`` of
the seed report into an empty store and into a copy of the synthetic store
(median of N, wall time, the process as a user runs it), and the same with the
code of an older checkout (``--old-tree``, run with ``PYTHONPATH``) on its own
synthetic store (``--old-synthetic``, built by that checkout's
``bench/synthetic.py``).

The touch graph is removed again at the end, so the store keeps its data (its
generation moves on). Targets on the 1M-triple store (issue 14): a whole-store
query <= 100 ms from the cache and <= 2.5 s as the first ask after a write;
ingesting one report no slower than before. An empty result is flagged: a
benchmark of nothing proves nothing. Each query runs under the time budget
``--timeout`` (a query over it is reported, not waited for).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: no background warmer (graph/queries/warm.py) after the writes this script times
os.environ["SGKG_WARM"] = "0"
sys.path.insert(0, str(ROOT))

CACHE_TARGET_MS = 100.0
AFTER_WRITE_TARGET_S = 2.5
TOUCH_GRAPH = "urn:bench:touch"


@dataclass
class Case:
    query: str
    params: dict[str, str]

    def label(self) -> str:
        return " ".join(f"{k}={v}" for k, v in self.params.items()) or "(whole store)"

    def whole_store(self) -> bool:
        """No authority and no body: the answer spans the whole store."""
        return "authority" not in self.params and not any(
            k in ("body", "board") for k in self.params
        )

    def cli_args(self) -> list[str]:
        args = ["query", self.query]
        for k, v in self.params.items():
            args += ["-p", f"{k}={v}"]
        return [*args, "--format", "csv"]


@dataclass
class Timing:
    case: Case
    rows: int = 0
    cache_ms: float = float("nan")
    query_ms: float = float("nan")
    query_runs: int = 0
    query_cpu_s: float = float("nan")
    after_write_s: list[float] = field(default_factory=list)
    after_write_cpu_s: list[float] = field(default_factory=list)
    fresh_s: float = float("nan")
    fresh_after_write_s: list[float] = field(default_factory=list)
    failed: str = ""

    def after_write(self) -> float:
        return statistics.median(self.after_write_s) if self.after_write_s else float("nan")

    def after_write_cpu(self) -> float:
        return statistics.median(self.after_write_cpu_s) if self.after_write_cpu_s else float("nan")

    def fresh_after_write(self) -> float:
        if not self.fresh_after_write_s:
            return float("nan")
        return statistics.median(self.fresh_after_write_s)


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


def copy_store(src: Path, dst: Path) -> None:
    """A private copy of a closed store, made as a RocksDB checkpoint is: the
    immutable table files hard-linked, the rest copied (seconds, not minutes).
    The readers' snapshots and the answer cache stay behind."""

    def link_or_copy(a: str, b: str) -> None:
        if a.endswith(".sst"):
            try:
                os.link(a, b)
                return
            except OSError:
                pass
        shutil.copy2(a, b)

    shutil.copytree(
        src,
        dst,
        ignore=shutil.ignore_patterns("sgkg-snapshots", "sgkg-cache", "LOCK"),
        copy_function=link_or_copy,
    )


# ---------------------------------------------------------------- timing


def _cpu() -> float:
    """CPU seconds of this process and of its waited-for children (the forked
    query children, the ``sgkg`` processes)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """``fn()``, its wall seconds and its CPU seconds."""
    c0, t0 = _cpu(), time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0, _cpu() - c0


def ask(store: Any, case: Case, use_cache: bool = True) -> int:
    from graph.queries.catalog import run_named_query

    _, result = run_named_query(store, case.query, case.params, use_cache=use_cache)
    return len(result.rows)


def sgkg_command(old_tree: Path | None = None) -> tuple[list[str], dict[str, str]]:
    """How to start ``sgkg``: this checkout, or an older one by ``PYTHONPATH``."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if old_tree is None:
        return [sys.executable, str(ROOT / "cli.py")], env
    env["PYTHONPATH"] = str(old_tree)
    return [sys.executable, str(old_tree / "cli.py")], env


def run_sgkg(store: Path, args: list[str], old_tree: Path | None = None) -> float:
    """Wall seconds of one ``sgkg --store STORE ARGS`` process (which must succeed)."""
    cmd, env = sgkg_command(old_tree)
    t0 = time.perf_counter()
    done = subprocess.run(
        [*cmd, "--store", str(store), *args], capture_output=True, env=env, cwd=ROOT
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(
            f"sgkg {' '.join(args)} failed ({done.returncode}): "
            + done.stderr.decode("utf-8", "replace")[-500:]
        )
    return elapsed


def touch(path: Path, round_no: int) -> None:
    """One tiny write, as a writer makes it: the generation moves on and
    closing publishes the snapshot readers open."""
    import pyoxigraph as ox

    from graph import namespaces as ns
    from graph.store.embedded import open_store

    with open_store(path) as store:
        store.replace_graph(
            TOUCH_GRAPH,
            [
                ox.Triple(
                    ox.NamedNode(TOUCH_GRAPH),
                    ox.NamedNode(ns.RDFS + "comment"),
                    ox.Literal(f"benchmark write {round_no} at {time.time():.3f}"),
                )
            ],
        )


def untouch(path: Path) -> None:
    from graph.store.embedded import open_store

    with open_store(path) as store:
        if store.has_graph(TOUCH_GRAPH):
            store.remove_graph(TOUCH_GRAPH)


def non_empty_cases(store: Any, authority: str, tries: int = 20) -> list[Case]:
    """The cases of :func:`cases_for`; one that finds nothing for ``authority``
    is moved to the first other authority (of the first ``tries``) where it
    finds something, so that every timing is of a real answer."""
    from graph.queries.catalog import select_named

    others = [r["report"].split("/")[0] for r in select_named(store, "reports")]
    others = [a for a in dict.fromkeys(others) if a != authority][:tries]
    chosen = []

    def finds(case: Case) -> bool:
        try:
            return bool(ask(store, case))
        except Exception:  # over budget: timed (and reported) later
            return True

    for case in cases_for(authority):
        if "authority" in case.params and not finds(case):
            for other in others:
                moved = Case(case.query, {**case.params, "authority": other})
                if finds(moved):
                    case = moved
                    break
        chosen.append(case)
    return chosen


def _say(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def bench_store(path: Path, authority: str, opts: argparse.Namespace) -> tuple[dict, list[Timing]]:
    """Facts about the store and the timing of every case."""
    from graph.queries import catalog
    from graph.store.embedded import open_store

    only = set(opts.only or [])
    with open_store(path, read_only=True) as store:
        facts = {"triples": len(store), "generation": store.generation()}
        _say(f"{path}: {facts['triples']:,} triples; choosing cases (fills the cache)")
        cases = [c for c in non_empty_cases(store, authority) if not only or c.query in only]
    timings = [Timing(c) for c in cases]

    # in-process, the store open read-only: from the cache, then the query itself
    with open_store(path, read_only=True) as store:
        for t in timings:
            try:
                t.rows = ask(store, t.case)  # the answer is kept (if it was not already)
                times = [timed(lambda t=t: ask(store, t.case))[1] for _ in range(opts.repeat)]
                t.cache_ms = statistics.median(times) * 1000
                runs: list[tuple[float, float]] = []
                spent = 0.0
                while len(runs) < opts.repeat and (not runs or spent < opts.case_seconds):
                    _, wall, cpu = timed(lambda t=t: ask(store, t.case, use_cache=False))
                    runs.append((wall, cpu))
                    spent += wall
                t.query_ms = statistics.median(w for w, _ in runs) * 1000
                t.query_cpu_s = statistics.median(c for _, c in runs)
                t.query_runs = len(runs)
            except Exception as err:  # over budget
                t.failed = str(err).splitlines()[0]
            _say(
                f"  {t.case.query} {t.case.label()}: {t.rows} rows, cache {t.cache_ms:.1f} ms, "
                f"query {t.query_ms:.0f} ms ({t.query_cpu_s:.2f} s CPU) {t.failed}"
            )

    # fresh processes with the answer in the cache
    for t in timings:
        if t.failed:
            continue
        t.fresh_s = statistics.median(run_sgkg(path, t.case.cli_args()) for _ in range(opts.fresh))

    # the first ask after a write, in a new reader
    for r in range(opts.after_write):
        touch(path, r)
        with open_store(path, read_only=True) as store:
            for t in timings:
                if t.failed:
                    continue
                _, wall, cpu = timed(lambda t=t: ask(store, t.case))
                t.after_write_s.append(wall)
                t.after_write_cpu_s.append(cpu)
        _say(f"  after-write round {r + 1} done")

    # the first ask after a write, in a new process
    for r in range(opts.fresh_after_write):
        touch(path, 100 + r)
        for t in timings:
            if not t.failed:
                t.fresh_after_write_s.append(run_sgkg(path, t.case.cli_args()))
        _say(f"  fresh after-write round {r + 1} done")

    # what warming the cache costs a batch writer, after its writes
    warm_s = []
    for r in range(opts.warm_rounds):
        touch(path, 200 + r)
        with open_store(path) as store:
            count, wall, _ = timed(lambda store=store: catalog.warm_cache(store))
            warm_s.append(wall)
        facts["warmed"] = count
    facts["warm_s"] = warm_s
    untouch(path)
    with open_store(path, read_only=True) as store:
        facts["generation_after"] = store.generation()
    return facts, timings


# ---------------------------------------------------------------- ingesting


def bench_ingest(
    synthetic: Path, runs: int, old_tree: Path | None, old_synthetic: Path | None
) -> list[tuple[str, list[float]]]:
    """``sgkg ingest`` of the seed report, wall seconds of each run, into an
    empty store and into a private copy of the synthetic store; with this
    checkout and, when given, with an older one."""
    from graph.resources import seed_report

    seed = str(seed_report())
    out = []
    variants: list[tuple[str, Path | None, Path]] = [("this checkout", None, synthetic)]
    if old_tree is not None:
        if old_synthetic is None or not old_synthetic.exists():
            raise SystemExit("--old-tree needs --old-synthetic: a store built by that checkout")
        variants.append((f"`{_describe_tree(old_tree)}`", old_tree, old_synthetic))
    for name, tree, big in variants:
        empty, full = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory(dir=synthetic.parent) as tmp:
                empty.append(run_sgkg(Path(tmp) / "store", ["ingest", seed], tree))
            with tempfile.TemporaryDirectory(dir=synthetic.parent) as tmp:
                copy_store(big, Path(tmp) / "store")
                full.append(run_sgkg(Path(tmp) / "store", ["ingest", seed], tree))
        out.append((f"{name}, into an empty store", empty))
        out.append((f"{name}, into the 1M-triple store", full))
        _say(f"  ingest {name}: empty {empty}, 1M {full}")
    return out


def _describe_tree(tree: Path) -> str:
    done = subprocess.run(
        ["git", "-C", str(tree), "log", "-1", "--format=%h"], capture_output=True, text=True
    )
    return done.stdout.strip() or str(tree)


# ---------------------------------------------------------------- report


def environment() -> str:
    import platform

    import pyoxigraph

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; pyoxigraph {pyoxigraph.__version__}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs shared with other work "
        f"(load average {load} when the report was written)"
    )


def disk_size(path: Path) -> str:
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and "sgkg-snapshots" not in p.parts:
            total += p.stat().st_size
    return f"{total / 2**20:,.0f} MB"


def _ms(x: float) -> str:
    return "" if x != x else f"{x:,.1f}"


def _s(x: float) -> str:
    return "" if x != x else f"{x:.2f}"


def table(title: str, timings: list[Timing], targets: bool, opts: argparse.Namespace) -> str:
    lines = [
        f"### {title}",
        "",
        "| query | parameters | rows | from the cache, ms | the query itself, ms "
        "| its CPU s | first ask after a write, s | its CPU s | fresh process, s "
        "| fresh process after a write, s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in timings:
        label = t.case.label()
        if t.case.whole_store() and label != "(whole store)":
            label += " (whole store)"
        if t.failed:
            lines.append(f"| {t.case.query} | {label} | | | {t.failed} | | | | | |")
            continue
        rows = f"{t.rows:,}" if t.rows else "**0 (empty!)**"
        cache_ms = _ms(t.cache_ms)
        after = _s(t.after_write())
        if targets and t.case.whole_store():
            cache_ms += "" if t.cache_ms <= CACHE_TARGET_MS else " ✗"
            after += "" if t.after_write() <= AFTER_WRITE_TARGET_S else " ✗"
        lines.append(
            f"| {t.case.query} | {label} | {rows} | {cache_ms} | {_ms(t.query_ms)} "
            f"| {_s(t.query_cpu_s)} | {after} | {_s(t.after_write_cpu())} | {_s(t.fresh_s)} "
            f"| {_s(t.fresh_after_write())} |"
        )
    if targets:
        whole = [t for t in timings if t.case.whole_store()]
        slow_cache = [t for t in whole if t.failed or t.cache_ms > CACHE_TARGET_MS]
        slow_first = [t for t in whole if t.failed or t.after_write() > AFTER_WRITE_TARGET_S]
        lines += [
            "",
            f"Targets for the {len(whole)} whole-store cases: from the cache <= "
            f"{CACHE_TARGET_MS:.0f} ms ({len(whole) - len(slow_cache)} met), first ask after "
            f"a write <= {AFTER_WRITE_TARGET_S} s ({len(whole) - len(slow_first)} met); "
            "✗ marks a miss.",
        ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description="time every named query")
    ap.add_argument("--synthetic", type=Path, help="1M-triple synthetic store (built if absent)")
    ap.add_argument("--authority", default="north-ashford", help="authority of the synthetic runs")
    ap.add_argument("--corpus", type=Path, help="store of the development corpus (built if absent)")
    ap.add_argument("--corpus-pdfs", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdf")
    ap.add_argument("--corpus-authority", default="bournemouth")
    ap.add_argument("--only", nargs="*", help="only these named queries")
    ap.add_argument("--repeat", type=int, default=5, help="in-process runs per case")
    ap.add_argument(
        "--case-seconds", type=float, default=10.0, help="stop repeating a query after this long"
    )
    ap.add_argument("--after-write", type=int, default=3, help="rounds of first asks after a write")
    ap.add_argument("--fresh", type=int, default=3, help="fresh processes per case (cache filled)")
    ap.add_argument("--fresh-after-write", type=int, default=1, help="rounds of fresh first asks")
    ap.add_argument("--warm-rounds", type=int, default=1, help="times catalog.warm_cache is timed")
    ap.add_argument("--ingest", type=int, default=0, help="time `sgkg ingest` of the seed N times")
    ap.add_argument("--old-tree", type=Path, help="an older checkout to compare ingest with")
    ap.add_argument("--old-synthetic", type=Path, help="the synthetic store the old checkout built")
    ap.add_argument("--timeout", type=float, default=120.0, help="time budget of one query, s")
    ap.add_argument("--out", type=Path, help="also write the report to this Markdown file")
    opts = ap.parse_args()
    if not opts.synthetic and not opts.corpus:
        ap.error("give --synthetic and/or --corpus")
    os.environ["SGKG_QUERY_SECONDS"] = str(opts.timeout)  # here and in the sgkg processes
    started = time.perf_counter()

    parts = [
        "## Named queries",
        "",
        f"`python bench/query_bench.py`: {environment()}. In-process figures are medians of "
        f"{opts.repeat} runs (the query itself: at most {opts.case_seconds:g} s of runs); the "
        f"first ask after a write is the median of {opts.after_write} rounds; fresh processes "
        f"are medians of {opts.fresh} runs with the answer cached and of "
        f"{opts.fresh_after_write} after a write. CPU seconds count this process and its "
        "children (the forked query child): load from other work does not inflate them.",
        "",
    ]
    stores: list[tuple[str, Path, str, bool]] = []
    if opts.corpus:
        if not opts.corpus.exists():
            build_corpus(opts.corpus, opts.corpus_pdfs)
        stores.append(("Development corpus", opts.corpus, opts.corpus_authority, False))
    if opts.synthetic:
        if not opts.synthetic.exists():
            build_synthetic(opts.synthetic)
        stores.append(
            ("Synthetic national store, 150 authorities", opts.synthetic, opts.authority, True)
        )
    for title, path, authority, targets in stores:
        facts, timings = bench_store(path, authority, opts)
        head = (
            f"{title} ({facts['triples']:,} triples, {disk_size(path)} on disk, "
            f"generation {facts['generation']} to {facts['generation_after']})"
        )
        parts += [table(head, timings, targets, opts), ""]
        warm = ", ".join(f"{s:.1f} s" for s in facts["warm_s"])
        parts += [
            f"`catalog.warm_cache` after a write (the {facts.get('warmed', 0)} parameterless or "
            f"optional-parameter queries, whole-store answers computed and kept): {warm}.",
            "",
        ]
    if opts.ingest and opts.synthetic:
        results = bench_ingest(opts.synthetic, opts.ingest, opts.old_tree, opts.old_synthetic)
        parts += [
            "### `sgkg ingest` of the seed report",
            "",
            "Wall time of the whole process (start, reading, writing and closing: publishing "
            "the readers' snapshot now, recomputing the authority's views in the older code), "
            f"{opts.ingest} runs each, each into a new store or a new copy of the synthetic "
            "store.",
            "",
            "| code, store | median s | runs s |",
            "|---|---:|---|",
        ]
        for name, runs in results:
            parts.append(
                f"| {name} | {statistics.median(runs):.2f} | "
                + ", ".join(f"{r:.2f}" for r in runs)
                + " |"
            )
        parts.append("")
    parts.append(f"The benchmark took {(time.perf_counter() - started) / 60:.0f} minutes.")
    text = "\n".join(parts) + "\n"
    print(text)
    if opts.out:
        opts.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
