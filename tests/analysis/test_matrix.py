"""The national matrix (`sgkg matrix`): authorities by expected link and era,
each cell the quality found or 'not evidenced', on tests/fixtures/compare/line.ttl."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import cli
from graph.analysis.matrix import national_matrix, summarise
from tests.conftest import FIXTURES, load_rdf

EXP = "https://w3id.org/sgkg/id/expectation/"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.store.embedded import open_store

    path = tmp_path_factory.mktemp("matrix") / "store"
    with open_store(path) as store:
        load_rdf(store, FIXTURES / "compare" / "line.ttl")
    return path


@pytest.fixture(scope="module")
def store(store_path: Path) -> Iterator[Any]:
    from graph.store.embedded import open_store

    with open_store(store_path, read_only=True) as s:
        yield s


def row(matrix: Any, key: str, era: str) -> Any:
    return next(r for r in matrix.rows if r.authority == key and r.era == era)


def test_rows_by_era_and_cells_with_evidence(store: Any) -> None:
    m = national_matrix(store)
    assert {(r.authority, r.era) for r in m.rows} >= {
        ("bournemouth", "lscb"),
        ("devon", "lscb"),
        ("bournemouth-christchurch-and-poole", "partnership"),
    }
    b = row(m, "bournemouth", "lscb")
    csp = b.cells[EXP + "link-csp"]
    assert (csp.value, csp.where) == ("weak", "para 5")
    assert "not well developed" in csp.quote
    assert b.cells[EXP + "member-ccg"].value == "effective"
    # silence is "not evidenced", never "absent"
    assert b.cells[EXP + "member-probation"].value == "not evidenced"
    assert "not mentioned" in b.cells[EXP + "member-probation"].basis
    # an LSCB-era expectation does not apply to a partnership-era row
    p = row(m, "bournemouth-christchurch-and-poole", "partnership")
    assert EXP + "member-ccg" not in p.cells
    # the curated effective link wins over the extracted weak one
    assert p.cells[EXP + "partnership-link-csp"].value == "effective"


def test_filters_by_era_and_region(store: Any) -> None:
    assert {r.era for r in national_matrix(store, era="partnership").rows} == {"partnership"}
    south_west = national_matrix(store, region="south west")
    assert "leeds" not in {r.authority for r in south_west.rows}
    assert {r.region for r in south_west.rows} == {"South West"}


def test_summary_puts_weak_and_absent_first(store: Any) -> None:
    lscb = [s for s in summarise(national_matrix(store)) if s.era == "lscb"]
    top = lscb[0]
    assert top.weak_or_absent >= 1
    assert all(top.weak_or_absent >= s.weak_or_absent for s in lscb)
    ccg = next(s for s in lscb if s.expectation == EXP + "member-ccg")
    assert (ccg.weak, ccg.effective) == (1, 1)


def test_cli_csv_summary_and_html(store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "250"})
    base = ["--store", str(store_path), "matrix"]
    res = runner.invoke(cli, [*base, "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    devon = next(r for r in rows if r["authority"] == "Devon County Council")
    assert devon["the clinical commissioning groups are members of the LSCB"] == "weak"
    assert devon["the clinical commissioning groups are members of the LSCB (evidence)"] == "para 3"
    res = runner.invoke(cli, [*base, "--summary", "--era", "lscb"])
    assert res.exit_code == 0 and "expected link" in res.output
    out = tmp_path / "matrix.html"
    res = runner.invoke(cli, [*base, "--format", "html", "-o", str(out)])
    assert res.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert (
        "<script>alert" not in page
        and "http://" not in page.split("<body>")[1].split("sgkg-data")[0]
    )
