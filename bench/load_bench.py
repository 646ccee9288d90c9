"""Time ``sgkg load`` of a 1M-triple N-Triples file into a fresh store.

Targets (issue 18): <= 20 s and <= 1.5 GB peak RSS, with the load atomic
(the file is checked in full, staged, committed by a journal and applied in
batches: a kill at any moment leaves the graph old or new, see
``graph/store/staged.py``). The atomicity is not traded for speed.

    python bench/load_bench.py                       # 1M triples, 3 runs
    python bench/load_bench.py --triples 200000 --runs 1 --out /tmp/load.md

Each run is a fresh ``sgkg load`` process (wall time and the peak resident
memory of the process and anything it starts, from ``wait4``); then one run
of the same steps in a child process with a timer on each phase (checking
the file, staging and committing, applying into the graph and the union,
the catalog and generation, publishing the readers' snapshot).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: no background warmer (graph/queries/warm.py) after the writes this script times
os.environ["SGKG_WARM"] = "0"
TARGET_S = 20.0
TARGET_MB = 1536.0
EX = "https://example.org/national/"

PHASES = r"""
import json, sys, time
from graph.rdf.files import check_files, load_checked
from graph.store.embedded import open_store
from graph.store import staged

marks = {}
real_apply, real_journal = staged._apply, staged._write_journal
def timed(name, fn):
    def run(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            marks[name] = marks.get(name, 0) + time.perf_counter() - t
    return run
staged._empty_graph = timed("empty the target graph", staged._empty_graph)
staged._bulk_insert = timed("bulk load into the graph and the union", staged._bulk_insert)
staged._count = timed("count the graph", staged._count)
staged._move_into = timed("move the spool into staging (fsync)", staged._move_into)
staged._write_journal = timed("commit the journal (fsync)", staged._write_journal)

t0 = time.perf_counter()
store = open_store(sys.argv[1])
marks["open a new store (ontology loaded)"] = time.perf_counter() - t0
t = time.perf_counter()
checked = check_files([sys.argv[2]])
marks["check: copy and parse the file in full"] = time.perf_counter() - t
t = time.perf_counter()
load_checked(store, checked)
marks["write (staged, committed, applied)"] = time.perf_counter() - t
t = time.perf_counter()
store.close()
marks["close: publish the readers' snapshot"] = time.perf_counter() - t
marks["total"] = time.perf_counter() - t0
print(json.dumps(marks))
"""


def make_ntriples(path: Path, triples: int, seed: int = 14) -> int:
    """An N-Triples file of ``triples`` lines shaped like an exported store:
    bodies with types, labels and areas, links with a source, target,
    quality and evidence, paragraphs with their text. Returns its bytes."""
    rng = random.Random(seed)
    words = (
        "the board partnership safeguarding children families council police health "
        "probation schools leaders scrutiny arrangements effective weak improving"
    ).split()
    sg = "https://w3id.org/sgkg/ontology#"
    rdfs_label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    qualities = ["strong", "adequate", "developing", "weak", "absent"]
    written = 0
    with open(path, "w", encoding="utf-8") as fh:
        n = 0
        while written < triples:
            body, link, para = f"<{EX}body/{n}>", f"<{EX}link/{n}>", f"<{EX}para/{n}>"
            other = f"<{EX}body/{rng.randrange(n + 1)}>"
            text = " ".join(rng.choice(words) for _ in range(rng.randrange(12, 60)))
            lines = [
                f"{body} {rdf_type} <{sg}Body> .",
                f'{body} {rdfs_label} "Body {n} of area {n % 150}"@en .',
                f"{body} <{sg}area> <{EX}area/{n % 150}> .",
                f"{link} {rdf_type} <{sg}Link> .",
                f"{link} <{sg}source> {body} .",
                f"{link} <{sg}target> {other} .",
                f"{link} <{sg}quality> <{EX}quality/{rng.choice(qualities)}> .",
                f"{link} <{sg}evidence> {para} .",
                f'{para} <{sg}number> "{n % 200}"^^<http://www.w3.org/2001/XMLSchema#integer> .',
                f'{para} <{sg}text> "{text}" .',
            ]
            lines = lines[: triples - written]
            fh.write("\n".join(lines) + "\n")
            written += len(lines)
            n += 1
    return path.stat().st_size


def run_load(store: Path, data: Path) -> tuple[float, float, float, int, str]:
    """One ``sgkg load`` process: (wall s, CPU s, peak RSS MB, exit code, stderr)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from cli import main; main()"]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--store", str(store), "load", str(data)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, err


def run_phases(store: Path, data: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PHASES, str(store), str(data)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def check_store(store: Path, triples: int) -> None:
    from graph.store.embedded import open_store

    with open_store(store, read_only=True) as s:
        graphs = [g for g in s.named_graphs() if g.startswith("file:")]
        counted = sum(1 for _ in s.quads(graphs[0])) if graphs else 0
    if counted != triples:
        raise SystemExit(f"the store holds {counted:,} triples of the file, not {triples:,}")


def environment() -> str:
    import pyoxigraph

    return (
        f"pyoxigraph {pyoxigraph.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs shared with other workers while measured"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3, help="fresh `sgkg load` processes")
    ap.add_argument("--work", type=Path, help="folder for the file and stores (default: a tmp dir)")
    ap.add_argument("--out", type=Path, help="also write the report to this Markdown file")
    opts = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="sgkg-load-bench-", dir=opts.work) as tmp:
        work = Path(tmp)
        data = work / "national.nt"
        t = time.perf_counter()
        size = make_ntriples(data, opts.triples)
        print(
            f"wrote {data}: {opts.triples:,} triples, {size / 2**20:.0f} MB "
            f"in {time.perf_counter() - t:.1f} s",
            flush=True,
        )
        runs = []
        for r in range(opts.runs):
            store = work / f"store-{r}"
            wall, cpu, mb, code, err = run_load(store, data)
            if code != 0:
                raise SystemExit(f"sgkg load failed (exit {code}): {err}")
            check_store(store, opts.triples)
            runs.append((wall, cpu, mb))
            print(f"  run {r + 1}: {wall:.1f} s, {cpu:.1f} s CPU, {mb:.0f} MB", flush=True)
            subprocess.run(["rm", "-rf", str(store)], check=True)
        phases = run_phases(work / "store-phases", data)

    wall = statistics.median(w for w, _, _ in runs)
    cpu = statistics.median(c for _, c, _ in runs)
    peak = max(m for _, _, m in runs)
    ok_s = "met" if wall <= TARGET_S else "**missed**"
    ok_mb = "met" if peak <= TARGET_MB else "**missed**"
    lines = [
        "# `sgkg load` of a 1M-triple file: measured figures",
        "",
        f"`python bench/load_bench.py --triples {opts.triples}`: {environment()}. "
        f"The file: {opts.triples:,} N-Triples lines, {size / 2**20:.0f} MB, shaped like an "
        "exported store (bodies, links, paragraphs with text). Each run is a fresh "
        "`sgkg load` process into a new store; CPU is its user and system time (all its "
        "threads: the bulk loader runs two), peak RSS its `ru_maxrss`.",
        "",
        "| runs | median wall s | runs s | median CPU s | peak RSS MB | target s | target MB |",
        "|---:|---:|---|---:|---:|---|---|",
        f"| {len(runs)} | {wall:.1f} | {', '.join(f'{w:.1f}' for w, _, _ in runs)} | "
        f"{cpu:.1f} | {peak:.0f} | <= {TARGET_S:.0f}: {ok_s} | <= {TARGET_MB:.0f}: {ok_mb} |",
        "",
        "Where the time goes (one run of the same steps, each phase timed):",
        "",
        "| phase | s |",
        "|---|---:|",
    ]
    for name, seconds in phases.items():
        lines.append(f"| {name} | {seconds:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if opts.out:
        opts.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
