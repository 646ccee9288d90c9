"""Regression (issue 18, item 3): a shorter copy of a report silently
replaced the complete one already in the store (exit 0), and `gaps` then
cited paragraphs that no longer existed. Re-ingesting a report that would
replace one with markedly fewer paragraphs now needs --replace and says what
changes; without it nothing is written (exit 2)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from graph.resources import seed_report


def shorter_seed(path: Path) -> Path:
    """The seed without its paragraphs 40-75, numbered on without a gap:
    a report the reader accepts, with 87 paragraphs instead of 123."""
    out, skip = [], False
    for line in seed_report().read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+)\.\s", line)
        if m:
            k = int(m.group(1))
            skip = 40 <= k <= 75
            if k > 75:
                line = f"{k - 36}." + line[len(m.group(1)) + 1 :]
        if not skip:
            out.append(line)
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def paragraphs(runner: CliRunner, store: str) -> str:
    r = runner.invoke(cli, ["--store", store, "stats", "--format", "json"])
    assert r.exit_code == 0, r.output
    return r.stdout


def test_a_shorter_copy_needs_replace(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    runner = CliRunner()
    r = runner.invoke(cli, ["--store", store, "ingest", "--no-extract", str(seed_report())])
    assert r.exit_code == 0, r.output
    before = paragraphs(runner, store)
    short = shorter_seed(tmp_path / "bournemouth-short.txt")
    r = runner.invoke(cli, ["--store", store, "ingest", "--no-extract", str(short)])
    assert r.exit_code == 2, r.output
    assert "123" in r.output and "87" in r.output and "--replace" in r.output
    assert paragraphs(runner, store) == before  # nothing written
    r = runner.invoke(cli, ["--store", store, "ingest", "--no-extract", "--replace", str(short)])
    assert r.exit_code == 0, r.output
    assert "replaced" in r.output and "123" in r.output
    assert paragraphs(runner, store) != before


def test_the_same_report_again_needs_nothing(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    runner = CliRunner()
    for _ in range(2):
        r = runner.invoke(cli, ["--store", store, "ingest", "--no-extract", str(seed_report())])
        assert r.exit_code == 0, r.output
