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


#: cell values that are inspectors' findings, worst first
FOUND = ("absent", "weak", "developing")


def matrix_agrees_with_register(store: Any) -> list[str]:
    """Where the national matrix (read for the whole store, only the links the
    reference model looks at) and each authority's own gap register (read for
    that authority) disagree about the report the register checks: empty when
    they agree."""
    from graph.analysis.register import gap_register

    problems = []
    m = national_matrix(store)
    for r in m.rows:
        register = gap_register(store, r.authority)
        if register.reports[r.authority][-1] != r.report.rsplit("/", 1)[-1]:
            continue  # an earlier era's row: the register checks the latest report only
        found = {
            (g.expectation, g.quality, g.evidence)
            for g in register.gaps
            if g.source == "inspectors" and g.expectation
        }
        expected = {g.expectation: g for g in register.gaps if g.source == "expected"}
        for column, cell in r.cells.items():
            if cell.value == "not evidenced" and column in expected:
                if cell.basis != expected[column].basis:
                    problems.append(f"{r.authority} {column}: {cell.basis!r}")
            elif cell.value == "not evidenced" and "not checked" not in cell.basis:
                problems.append(f"{r.authority} {column}: not evidenced, but not in the register")
            elif column in expected and "not evidenced for" not in cell.basis:
                problems.append(f"{r.authority} {column}: {cell.value}, register: not evidenced")
            # the register files a link under the first expectation it meets, the
            # matrix under each (Wigan's board reports annually to the HWB: weak for
            # both 'annual report to the HWB' and 'works with the HWB')
            if cell.value in FOUND and not any(
                q == cell.value and set(ev) <= set(cell.evidence) for _e, q, ev in found
            ):
                problems.append(f"{r.authority} {column}: {cell.value} not in the register")
        for e, q, ev in found:
            cell = r.cells.get(e)
            if (
                cell is not None
                and set(ev) <= set(cell.evidence)
                and cell.value in FOUND
                and FOUND.index(cell.value) > FOUND.index(q)
            ):
                problems.append(f"{r.authority} {e}: cell {cell.value}, register {q}")
        missing = set(expected) - set(r.cells)
        if missing:
            problems.append(f"{r.authority}: register rows without a cell: {sorted(missing)}")
    return problems


def test_cells_are_the_registers_findings(store: Any) -> None:
    """The matrix reads only what judging needs (not the register's whole
    read), so check it against the register authority by authority: every
    'not evidenced' cell is the register's row with the same basis, every
    weak, absent or developing cell is an inspectors' row of the register, and
    no register row lacks its cell."""
    assert matrix_agrees_with_register(store) == []
    m = national_matrix(store)
    assert row(m, "bournemouth", "lscb").cells[EXP + "member-probation"].value == "not evidenced"


class RowsReversed:
    """The same store, its SELECT rows in the opposite order (as another engine
    may return them)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return list(reversed(self.store.select(sparql, bindings)))


#: a second curated link meeting Devon's 'works with the CSP', cited later (para 9)
SECOND_CSP_LINK = """
@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix lk: <https://w3id.org/sgkg/vocab/link-kind/> .
@prefix lq: <https://w3id.org/sgkg/vocab/link-quality/> .
<https://w3id.org/sgkg/id/report/devon/2015-05-12/para/9> a sg:Paragraph ; sg:number 9 ;
    sg:report <https://w3id.org/sgkg/id/report/devon/2015-05-12> ;
    sg:text "The partnership's subgroups meet the safety partnership each quarter." .
<https://w3id.org/sgkg/id/link/cmp-v-csp-again> a sg:Link ;
    sg:source <https://w3id.org/sgkg/id/body/devon/lscb> ; sg:linkKind lk:works-with ;
    sg:target <https://w3id.org/sgkg/id/body/devon/csp> ; sg:quality lq:effective ;
    sg:authority <https://w3id.org/sgkg/id/body/devon/local-authority> ;
    sg:quote "The partnership's subgroups meet the safety partnership each quarter." ;
    sg:evidence <https://w3id.org/sgkg/id/report/devon/2015-05-12/para/9> .
"""


def test_the_matrix_does_not_depend_on_row_order(tmp_path: Path) -> None:
    """A cell met by several links of its worst quality is quoted from a curated
    link before an extracted one, then from the one the report cites first:
    not from whichever link the store returned first."""
    from graph.store.embedded import open_store

    extra = tmp_path / "second-link.ttl"
    extra.write_text(SECOND_CSP_LINK, encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        load_rdf(store, FIXTURES / "compare" / "line.ttl")
        load_rdf(store, extra)
        m = national_matrix(store)
        cell = row(m, "devon", "lscb").cells[EXP + "link-csp"]
        assert (cell.value, cell.where) == ("effective", "paras 3, 9")
        assert "each quarter" not in cell.quote  # para 3's link, cited first
        assert national_matrix(RowsReversed(store)).as_dict() == m.as_dict()
