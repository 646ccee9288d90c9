"""`sgkg gaps`, `path`, `accountability`, `rank` and `export --format
graphml|gexf` through click's CliRunner, on the tiny hand-made partnership."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(
        cli, ["--store", str(path), "load", str(FIXTURES / "analysis-tiny.ttl")]
    )
    assert result.exit_code == 0, result.output
    return path


def run(store_dir: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--store", str(store_dir), *args])
    return result.exit_code, result.stdout, result.stderr


def test_gaps_table(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "260")  # a wide terminal shows every cell whole
    code, out, _ = run(store_dir, "gaps", "--authority", "testshire")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["#", "quality", "source"]
    first = lines[2]
    assert "absent" in first and "inspectors" in first and "para 6" in first
    assert any("Cafcass: not mentioned in the report" in line for line in lines)
    # the table says in words what its rows add up to, as the Markdown register does
    summary = next(line for line in lines if line.startswith("Summary ("))
    absent = sum(1 for line in lines[2:] if line.split()[1:2] == ["absent"])
    assert f"Inspectors found {absent} link(s) absent" in summary


def test_gaps_csv_keeps_the_sources_apart(store_dir: Path) -> None:
    code, out, _ = run(store_dir, "gaps", "--authority", "testshire", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 10
    for row in rows:
        if row["source"] == "inspectors":
            assert row["quality"] in ("absent", "weak", "developing")
            assert row["evidence"]
        else:
            assert (row["source"], row["quality"]) == ("expected", "not evidenced")
            assert row["statutory_source"]


def test_gaps_json_and_source_filter(store_dir: Path) -> None:
    code, out, _ = run(
        store_dir, "gaps", "-a", "testshire", "--format", "json", "--source", "expected"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["authorities"] == {"testshire": "Testshire County Council"}
    assert {g["source"] for g in doc["gaps"]} == {"expected"}
    assert len(doc["gaps"]) == 6


def test_gaps_markdown_reads_as_a_register(store_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "register.md"
    code, _, err = run(store_dir, "gaps", "-a", "testshire", "--format", "md", "-o", str(target))
    assert code == 0 and "wrote" in err
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# Gap register: Testshire County Council")
    found_at = md.index("## 1. Found by inspectors")
    expected_at = md.index("## 2. Expected but not evidenced")
    assert found_at < expected_at
    assert "**Summary.** Inspectors found 1 link(s) absent, 2 weak and 1 developing." in md
    housing = next(line for line in md.splitlines() if "housing services" in line)
    assert "**absent**" in housing and "para 6" in housing and "10: “Secure" in housing
    cafcass = next(line for line in md.splitlines() if line.startswith("| ") and "Cafcass" in line)
    assert "Children Act 2004, s13(3) (as amended)" in cafcass
    assert "Does Cafcass sit on" in cafcass
    # expected rows never say 'absent'
    assert "absent" not in md[expected_at:].split("---")[0].replace("never *absent*", "")


def test_gaps_unknown_authority_is_exit_2(store_dir: Path) -> None:
    code, _, err = run(store_dir, "gaps", "--authority", "Testshir")
    assert code == 2
    assert "no local authority 'Testshir'" in err
    assert "Did you mean: testshire" in err


def test_accountability_and_no_route(store_dir: Path) -> None:
    code, out, _ = run(store_dir, "accountability", "Testshire social work teams")
    assert code == 0
    assert "reaches the council (Testshire Chief Executive) in 3 step(s)" in out
    assert "—is led by→ Testshire Director of Children's Services" in out
    code, out, _ = run(store_dir, "accountability", "Testshire housing services")
    assert code == 0
    assert "No evidenced route" in out


def test_path_command(store_dir: Path) -> None:
    code, out, _ = run(
        store_dir, "path", "Testshire Police", "Testshire Health and Wellbeing Board"
    )
    assert code == 0
    assert out.splitlines()[1].startswith("1. Testshire Police —member of→ Testshire Local")
    code, _, err = run(store_dir, "path", "Testshire Police", "Nobody at all")
    assert code == 2 and "no body called 'Nobody at all'" in err


def test_rank_command(store_dir: Path) -> None:
    code, out, _ = run(store_dir, "rank", "--authority", "testshire", "--top", "3")
    assert code == 0
    assert "Brokers: how often a body lies on the shortest route" in out
    table = out.split("\n\n")[2].splitlines()
    assert "Testshire Local Safeguarding Children Board" in table[2]
    assert len(table) == 5  # header, rule, three bodies
    assert "- Testshire adoption panel" in out
    code, out, _ = run(
        store_dir, "rank", "--measure", "pagerank", "--format", "json", "-a", "testshire"
    )
    assert code == 0 and json.loads(out)["measure"] == "pagerank"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network(store_dir: Path, tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    target = tmp_path / f"net.{fmt}"
    code, _, _ = run(
        store_dir, "export", "--format", fmt, "--authority", "testshire", "-o", str(target)
    )
    assert code == 0
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(target)
    labels = {d.get("label") for _n, d in g.nodes(data=True)}
    assert "Testshire Local Safeguarding Children Board" in labels
    code, _, err = run(store_dir, "export", "--format", fmt, "--graph", "urn:x")
    assert code == 2 and "--graph applies to RDF formats" in err


def test_tables_fit_the_terminal(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for args in (["gaps", "-a", "testshire"], ["query", "weak-links"], ["rank"]):
        code, out, _ = run(store_dir, *args)
        assert code == 0
        assert max(len(line) for line in out.splitlines()) <= 80, args


def test_gaps_on_an_empty_store_says_what_to_do(tmp_path: Path) -> None:
    from graph.store.embedded import open_store

    open_store(tmp_path / "empty").close()  # created by a write, holds nothing yet
    for fmt in ("table", "md"):
        code, out, _ = run(tmp_path / "empty", "gaps", "--format", fmt)
        assert code == 0
        assert "sgkg ingest" in out and "No gaps" not in out


def test_a_read_of_a_store_that_does_not_exist_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "mistyped"
    code, _, err = run(missing, "gaps")
    assert code == 2 and "no sgkg store at" in err and str(missing) in err
    assert not missing.exists()  # a read never creates a store
