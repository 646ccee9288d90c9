"""`sgkg compare` and `--neighbours` on the hand-written line
(tests/fixtures/compare/line.ttl): BCP's statistical neighbours in the
national register include Devon; Leeds is not one of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import cli
from graph.analysis.compare import compare
from tests.conftest import FIXTURES, load_rdf

BCP = "bournemouth-christchurch-and-poole"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.store.embedded import open_store

    path = tmp_path_factory.mktemp("compare") / "store"
    with open_store(path) as store:
        load_rdf(store, FIXTURES / "compare" / "line.ttl")
    return path


@pytest.fixture(scope="module")
def store(store_path: Path) -> Iterator[Any]:
    from graph.store.embedded import open_store

    with open_store(store_path, read_only=True) as s:
        yield s


def test_neighbours_in_the_store_join_and_the_rest_are_named(store: Any) -> None:
    result = compare(store, [BCP], neighbours=True)
    assert [s.key for s in result.sides] == [BCP, "devon"]
    assert "1 of" in result.notes[0] and "Bedford" in result.notes[0]


def test_side_by_side_judgements_gaps_and_expected_links(store: Any) -> None:
    result = compare(store, ["devon", "bournemouth"])
    devon, bournemouth = result.sides
    assert devon.judgements["overall"][1] == "requires improvement"
    assert bournemouth.gaps["links found absent (inspectors)"] == 1  # housing, para 6
    assert bournemouth.gaps["links found weak (inspectors)"] == 2
    ccg = "https://w3id.org/sgkg/id/expectation/member-ccg"
    assert devon.cells[("lscb", ccg)].value == "weak"
    assert devon.cells[("lscb", ccg)].where == "para 3"
    assert bournemouth.cells[("lscb", ccg)].value == "effective"
    headers, rows = result.lines()
    assert headers[1:] == ["Devon County Council", "Bournemouth Borough Council"]
    line = next(r for r in rows if r[0].startswith("the clinical commissioning groups"))
    assert line[1:] == ["weak (para 3)", "effective (para 7)"]


def test_cli_formats_and_errors(store_path: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "250"})
    res = runner.invoke(cli, ["--store", str(store_path), "compare", BCP, "--neighbours"])
    assert res.exit_code == 0, res.output
    assert "Devon County Council" in res.output and "statistical neighbours" in res.output
    doc = json.loads(
        runner.invoke(
            cli, ["--store", str(store_path), "compare", "devon", "leeds", "--format", "json"]
        ).output
    )
    assert [a["key"] for a in doc["authorities"]] == ["devon", "leeds"]
    weak = [x for x in doc["authorities"][0]["expected_links"] if x["value"] == "weak"]
    assert weak and weak[0]["evidence"] == ["3"] and "rarely attends" in weak[0]["quote"]
    res = runner.invoke(cli, ["--store", str(store_path), "compare", "devon", "nowhereshire"])
    assert res.exit_code == 2 and "Traceback" not in res.output
