"""Every sentence sgkg prints is true of the data: it never says "no gaps"
for what it did not check, and it says "recorded in the graph" where it
knows only the graph, "the report" where it read the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

TINY = Path(__file__).parents[1] / "fixtures" / "analysis-tiny.ttl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wording") / "store"
    assert CliRunner().invoke(cli, ["--store", str(path), "load", str(TINY)]).exit_code == 0
    return path


def run(store: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--store", str(store), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_no_gaps_headline_when_nothing_was_checked(store: Path) -> None:
    for fmt in ("table", "md"):
        out = run(store, "gaps", "-a", "ilacsby", "--format", fmt)
        assert "nothing was checked" in out
        assert "No gaps found" not in out and "No gaps:" not in out


def test_missing_links_are_said_to_be_missing_from_the_graph(store: Path) -> None:
    out = run(store, "gaps", "-a", "testshire", "--format", "csv")
    assert "the report states no" not in out
    assert "is recorded in the graph" in out


def test_accountability_without_a_route_speaks_of_the_graph(store: Path) -> None:
    out = run(store, "accountability", "Otherham", "-a", "otherham")
    assert "the report states no" not in out
    assert "records no link" in out or "reaches" in out


def test_isolated_bodies_are_isolated_in_the_graph(store: Path) -> None:
    out = run(store, "rank", "-a", "testshire")
    assert "Isolated in the graph" in out
