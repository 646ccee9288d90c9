"""Bug: with the seed report ingested (its links extracted) and the curated
Bournemouth layer loaded, `sgkg gaps` listed housing's absence from the LSCB
(para 112) twice, once curated and once extracted, and called both
"inspectors"; its summary counted both. `path` and `accountability` walked
extracted links without saying so. Curated links win over their extracted
twins (same source, kind, target and report), and every extracted row or hop
is marked as extracted."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.resources import curated_dir, seed_report


def _run(store: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--store", str(store), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("both") / "store"
    _run(store, "ingest", str(seed_report()))
    _run(store, "load", str(curated_dir() / "bournemouth-2014.ttl"))
    return store


def test_gaps_lists_a_curated_link_once_and_marks_extracted_rows(both: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(_run(both, "gaps", "-a", "bournemouth", "--format", "csv")))
    )
    found = [r for r in rows if r["source"] == "inspectors"]
    assert {r["how"] for r in found} == {"curated", "extracted"}
    assert all(r["how"] == "" for r in rows if r["source"] == "expected")
    housing = [
        r
        for r in found
        if "Housing" in r["from_label"]
        and r["link_kind"] == "member-of"
        and r["quality"] == "absent"
    ]
    assert [r["how"] for r in housing] == ["curated"]
    # no extracted row repeats a curated one of the same report
    curated = {
        (r["from_body"], r["link_kind"], r["to_body"]) for r in found if r["how"] == "curated"
    }
    assert not [
        r
        for r in found
        if r["how"] == "extracted" and (r["from_body"], r["link_kind"], r["to_body"]) in curated
    ]


def test_gaps_table_and_markdown_say_which_rows_were_extracted(both: Path) -> None:
    table = _run(both, "gaps", "-a", "bournemouth")
    assert "extracted" in table
    md = _run(both, "gaps", "-a", "bournemouth", "--format", "md")
    rows = list(
        csv.DictReader(io.StringIO(_run(both, "gaps", "-a", "bournemouth", "--format", "csv")))
    )
    count = Counter(r["how"] for r in rows if r["source"] == "inspectors")
    assert f"{count['extracted']} of them found by sgkg's extractor" in " ".join(md.split())


def test_routes_mark_extracted_hops(both: Path) -> None:
    data = json.loads(_run(both, "accountability", "LSCB", "-a", "bournemouth", "--format", "json"))
    hops = [h for chain in data["chains"] for h in chain["hops"]]
    assert hops and all(h["how"] in ("curated", "extracted") for h in hops)
    text = _run(both, "accountability", "LSCB", "-a", "bournemouth")
    for hop in hops:
        if hop["how"] == "extracted":
            assert "extracted]" in text
            break
