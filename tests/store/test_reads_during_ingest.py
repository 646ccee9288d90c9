"""100 reads while a batch ingest writes (issue 18, point 5): none fails,
none prints a traceback, and none sees a report half written.

Before readers opened a published snapshot, 2 of 69 reads made during an
ingest crashed with "Corruption: ... MANIFEST may be corrupted". Here a
writer runs ``sgkg ingest`` in a loop (each round two new reports and the
seed again) while this process makes 100 reads: most are library opens
(``open_store(read_only=True)`` and a query, the way a notebook or the server
reads), every tenth is a ``sgkg stats`` or ``sgkg query reports`` process.

With ``SGKG_BENCH_OUT`` set, the counts are appended to that file as one
JSON line (``bench/hostile_bench.sh`` collects them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graph.resources import seed_report

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "fixtures" / "reports"
SYNTHETIC = REPORTS / "exampleshire-synthetic.txt"
READS = 100
SGKG = [sys.executable, "-c", "from cli import main; main()"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

PARAGRAPHS = """
SELECT ?r (COUNT(DISTINCT ?p) AS ?n) WHERE {
  ?r a sg:Report . OPTIONAL { ?p a sg:Paragraph ; sg:report ?r }
} GROUP BY ?r
"""


def _variant(folder: Path, n: int) -> Path:
    """The synthetic report as council number n: a new report each round."""
    text = SYNTHETIC.read_text(encoding="utf-8").replace("Exampleshire", f"Example{n:03d}shire")
    path = folder / f"example-{n:03d}.txt"
    path.write_text(text, encoding="utf-8")
    return path


class Writer(threading.Thread):
    """Runs ``sgkg ingest`` rounds until told to stop; remembers each round."""

    def __init__(self, store: Path, folder: Path) -> None:
        super().__init__(daemon=True)
        self.store, self.folder = store, folder
        self.stop = threading.Event()
        self.rounds: list[tuple[int, str]] = []  # (exit code, stderr) of each ingest
        self.proc: subprocess.Popen[str] | None = None

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            files = [_variant(self.folder, n), _variant(self.folder, n + 1), seed_report()]
            n += 2
            self.proc = subprocess.Popen(
                [*SGKG, "--store", str(self.store), "ingest", *map(str, files)],
                env=ENV,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            _, err = self.proc.communicate()
            if not self.stop.is_set():  # a round cut short at the end is not counted
                self.rounds.append((self.proc.returncode, err))


def _library_read(store: Path, whole: dict[str, int]) -> int:
    """One read as a notebook makes it; returns the generation it saw."""
    from graph.store.embedded import open_store

    with open_store(store, read_only=True) as s:
        for row in s.select(PARAGRAPHS):
            expected = whole["seed"] if "bournemouth" in row["r"] else whole["synthetic"]
            if row["n"] != expected:
                raise AssertionError(f"{row['r']}: {row['n']} paragraphs, not {expected}")
        return s.generation()


def _process_read(store: Path, i: int) -> None:
    args = ["query", "reports"] if (i // 10) % 2 else ["stats"]
    args.extend(["--format", "json"])
    done = subprocess.run(
        [*SGKG, "--store", str(store), *args],
        env=ENV,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise AssertionError(f"sgkg {' '.join(args)}: exit {done.returncode}: {done.stderr}")
    json.loads(done.stdout)


@pytest.mark.slow
def test_100_reads_during_a_batch_ingest(tmp_path: Path) -> None:
    from graph.reader.parser import parse_report

    store = tmp_path / "store"
    first = subprocess.run(
        [*SGKG, "--store", str(store), "ingest", str(seed_report()), str(SYNTHETIC)],
        env=ENV,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert first.returncode == 0, first.stderr
    whole = {
        "seed": len(parse_report(seed_report().read_text(encoding="utf-8")).paragraphs),
        "synthetic": len(parse_report(SYNTHETIC.read_text(encoding="utf-8")).paragraphs),
    }

    writer = Writer(store, tmp_path)
    writer.start()
    failures: list[str] = []
    generations: set[int] = set()
    started = time.perf_counter()
    try:
        while not writer.rounds and writer.proc is None:  # the first ingest has begun
            time.sleep(0.01)
        for i in range(READS):
            try:
                if i % 10 == 9:
                    _process_read(store, i)
                else:
                    generations.add(_library_read(store, whole))
            except Exception as err:  # every failure counts, whatever it is
                failures.append(f"read {i}: {type(err).__name__}: {err}")
    finally:
        took = time.perf_counter() - started
        writer.stop.set()
        if writer.proc is not None:
            writer.proc.kill()  # the reads are done; the store is thrown away
        writer.join(timeout=60)
    bad_writes = [err for code, err in writer.rounds if code != 0 or "Traceback" in err]

    out = os.environ.get("SGKG_BENCH_OUT")
    if out:
        line = {
            "check": "reads during ingest",
            "reads": READS,
            "failures": len(failures),
            "ingest rounds": len(writer.rounds),
            "failed ingests": len(bad_writes),
            "generations seen": len(generations),
            "seconds": round(took, 1),
        }
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line) + "\n")

    assert failures == [], failures
    assert bad_writes == [], bad_writes
    # the reads overlapped the writes: they saw the store change under them
    assert len(writer.rounds) >= 1 and len(generations) >= 2, (writer.rounds, generations)
