"""Regressions (issue 18, points 1 and 4): ``SERVICE`` made the store reach
the network (and hang for good on a server that never answers), and a query
had no time limit (a cross join with ORDER BY ran until memory ran out,
ignoring Ctrl-C)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.errors import QueryError
from graph.store.guard import refuse_service

TTL = """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/a> rdfs:label "A" .
"""


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path, src = tmp_path / "store", tmp_path / "a.ttl"
    src.write_text(TTL, encoding="utf-8")
    assert CliRunner().invoke(cli, ["--store", str(path), "load", str(src)]).exit_code == 0
    return path


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "# a comment\nSELECT * WHERE {\n  Service\n<http://127.0.0.1:9/x> { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_before_anything_runs(store: Path, query: str) -> None:
    result = CliRunner().invoke(cli, ["--store", str(store), "sparql", query])
    assert result.exit_code == 2
    assert "SERVICE" in result.output and "Traceback" not in result.output


def test_the_word_service_in_strings_iris_and_comments_is_fine() -> None:
    refuse_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE <x>')
    refuse_service("SELECT * WHERE { <https://example.org/service> ?p ?o }")
    with pytest.raises(QueryError):
        refuse_service("SELECT * WHERE { SERVICE <https://example.org/> { ?s ?p ?o } }")


def test_a_runaway_query_stops_at_its_budget(store: Path) -> None:
    # counted, not sorted: the join streams in little memory, so the time budget
    # (not the memory one, tested in tests/store/test_query_budget_signals.py) stops it
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["--store", str(store), "--timeout", "2", "sparql", runaway])
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert "time budget" in result.output
    assert elapsed < 2 + 2
    # the store is not locked by the stopped read: a write goes through at once
    again = CliRunner().invoke(cli, ["--store", str(store), "load", str(store.parent / "a.ttl")])
    assert again.exit_code == 0
