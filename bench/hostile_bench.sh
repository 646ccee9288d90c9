#!/usr/bin/env bash
# The hostile-input and fault trials of issue 18 at bench strength: 30 kill -9
# trials each during `sgkg load`, `sgkg ingest` and `sgkg extract`, and 100
# reads during a batch ingest. Runs the tests that make them (each counts its
# outcomes into a JSON-lines file) and writes bench/hostile_results.md.
#
#   bench/hostile_bench.sh            # 30 trials each
#   SGKG_KILL_TRIALS=5 bench/hostile_bench.sh
set -uo pipefail
cd "$(dirname "$0")/.."
export SGKG_KILL_TRIALS=${SGKG_KILL_TRIALS:-30}
work=$(mktemp -d -t sgkg-hostile-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export SGKG_BENCH_OUT="$work/counts.jsonl"
: >"$SGKG_BENCH_OUT"

tests=(
  "tests/rdf/test_hostile_rdf.py::test_kill_9_during_load_leaves_each_graph_whole_and_as_a_clean_rebuild"
  "tests/test_ingest_killed.py"
  "tests/extract/test_extract_killed.py"
  "tests/store/test_reads_during_ingest.py"
)
started=$(date +%s)
python -m pytest -q -p no:cacheprovider --basetemp="$work/tmp" -rA "${tests[@]}" | tee "$work/pytest.txt"
status=${PIPESTATUS[0]}
seconds=$(($(date +%s) - started))

python - "$SGKG_BENCH_OUT" "$work/pytest.txt" "$status" "$seconds" <<'PY'
import json, os, platform, sys
from pathlib import Path

counts_file, pytest_file, status, seconds = sys.argv[1:]
rows = [json.loads(line) for line in Path(counts_file).read_text().splitlines() if line]
summary = [line for line in Path(pytest_file).read_text().splitlines() if line.startswith(("PASSED", "FAILED", "ERROR"))]
import pyoxigraph

lines = [
    "# Hostile input and faults: measured figures",
    "",
    f"`bench/hostile_bench.sh` with `SGKG_KILL_TRIALS={os.environ['SGKG_KILL_TRIALS']}`: "
    f"pyoxigraph {pyoxigraph.__version__}, Python {platform.python_version()}, "
    f"{os.cpu_count()} CPUs shared with other workers while measured; "
    f"{int(seconds) / 60:.0f} minutes; pytest exit {status}.",
    "",
    "| check | outcome |",
    "|---|---|",
]
for row in rows:
    check = row.pop("check")
    if "trials" in row:
        trials, whole = row.pop("trials"), row.pop("whole")
        rest = ", ".join(f"{k}: {v}" for k, v in row.items())
        lines.append(f"| {check} | {whole} of {trials} trials whole ({rest}) |")
    else:
        reads, failures = row.pop("reads"), row.pop("failures")
        rest = ", ".join(f"{k}: {v}" for k, v in row.items())
        lines.append(f"| {check} | {failures} failures of {reads} reads ({rest}) |")
lines += [
    "",
    "A trial is whole when, after the kill, the store opens (read-only and for "
    "writing), every graph the command writes is wholly its old or its new "
    "version (load, extract) or equal to a clean rebuild or absent (ingest), "
    "the union default graph is the union of the named graphs, and the store "
    "takes writes again (ingest, extract: a new write after the last trial; load: the next writer finishes a committed write). \"old\"/\"new\"/\"mixed\" count the trials by what the "
    "kill left; \"graphs present\" lists, for each ingest trial, the report and "
    "extraction graphs already written.",
    "",
    "Tests run:",
    "",
    *[f"- {line}" for line in summary],
]
Path("bench/hostile_results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
print("\n".join(lines))
PY
exit "$status"
