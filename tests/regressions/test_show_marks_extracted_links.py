"""Bug: `sgkg show` listed links found by the extractor exactly like links a
person curated ("Hackney Community Safety Partnership [effective] para 115"),
so a reader could not tell a rule's guess from a curated fact. Every extracted
link is marked as extracted, in text and in JSON; curated links are not."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from graph.resources import curated_dir, seed_report


def _run(store: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--store", str(store), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_marks_each_extracted_link(tmp_path: Path) -> None:
    store = tmp_path / "store"
    _run(store, "ingest", str(seed_report()))
    data = json.loads(_run(store, "show", "LSCB", "-a", "bournemouth", "--format", "json"))
    links = [link for group in data["links"].values() for link in group]
    assert links and {link["how"] for link in links} == {"extracted"}
    text = _run(store, "show", "LSCB", "-a", "bournemouth")
    lines = [line for line in text.splitlines() if line.startswith("    ") and "[" in line]
    assert lines and all("extracted" in line for line in lines)


def test_curated_links_are_not_marked_and_win(tmp_path: Path) -> None:
    store = tmp_path / "store"
    _run(store, "ingest", str(seed_report()))
    _run(store, "load", str(curated_dir() / "bournemouth-2014.ttl"))
    data = json.loads(_run(store, "show", "LSCB", "-a", "bournemouth", "--format", "json"))
    links = [link for group in data["links"].values() for link in group]
    curated = [link for link in links if link["how"] == "curated"]
    assert curated
    # housing's absence from the board (para 112) is curated: no extracted twin is listed
    housing = [link for link in links if "Housing" in link["other"] and link["quality"] == "absent"]
    assert [link["how"] for link in housing] == ["curated"]
    text = _run(store, "show", "LSCB", "-a", "bournemouth")
    housing_lines = [line for line in text.splitlines() if "Housing" in line and "[absent" in line]
    assert housing_lines and "extracted" not in housing_lines[0]
