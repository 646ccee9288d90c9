"""The query budget from the outside (issue 18, point 4): Ctrl-C stops a
runaway query at once and prints no traceback; a query past its memory
budget dies in its child and says which budget ran out; neither leaves the
store locked. (The time budget itself: tests/regressions/
test_query_network_and_budget.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

ROOT = Path(__file__).resolve().parents[2]
SGKG = [sys.executable, "-c", "from cli import main; main()"]
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g ?c ?f ?i"
#: runs for ever in little memory (counted, not sorted): only Ctrl-C can stop it
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("budget")
    data = folder / "many.nt"
    line = '<https://example.org/s{0}> <https://example.org/p> "value {0}" .'
    lines = [line.format(i) for i in range(400)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = folder / "store"
    assert CliRunner().invoke(cli, ["--store", str(path), "load", str(data)]).exit_code == 0
    return path


def _write_goes_through(store: Path) -> None:
    src = store.parent / "one.ttl"
    src.write_text('<https://example.org/x> <https://example.org/p> "x" .\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(store), "load", str(src)])
    assert result.exit_code == 0, result.output


def test_ctrl_c_stops_a_runaway_query_at_once(store: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SGKG_QUERY_SECONDS": "120"}
    proc = subprocess.Popen(
        [*SGKG, "--store", str(store), "sparql", ENDLESS],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2)  # started, and deep in the query
    assert proc.poll() is None
    pressed = time.monotonic()
    proc.send_signal(signal.SIGINT)  # to sgkg alone: its query child must go too
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - pressed < 3
    assert proc.returncode != 0
    assert "Traceback" not in err, err
    _write_goes_through(store)


def test_a_query_past_its_memory_budget_is_stopped(store: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SGKG_QUERY_SECONDS": "120",
        "SGKG_QUERY_MEMORY_MB": "150",
    }
    started = time.monotonic()
    done = subprocess.run(
        [*SGKG, "--store", str(store), "sparql", RUNAWAY],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "memory budget of 150 MB" in done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 60
    _write_goes_through(store)
