"""The foundation commands through click's CliRunner: load, validate, stats,
sparql, export, and how they treat bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

GOOD = """@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix lk: <https://w3id.org/sgkg/vocab/link-kind/> .
@prefix lq: <https://w3id.org/sgkg/vocab/link-quality/> .
@prefix ex: <https://example.org/> .
ex:r a sg:Report .
ex:p112 a sg:Paragraph ; sg:report ex:r ; sg:number 112 ; sg:text "Housing is not represented." .
ex:lscb a sg:Body, org:OrganizationalCollaboration ; rdfs:label "Testshire LSCB" ;
    sg:bodyType bt:lscb .
ex:housing a sg:Body, org:OrganizationalUnit ; rdfs:label "Testshire housing" ;
    sg:bodyType bt:housing .
ex:link a sg:Link ; sg:linkKind lk:member-of ; sg:quality lq:absent ;
    sg:source ex:housing ; sg:target ex:lscb ; sg:evidence ex:p112 .
"""


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture()
def good_ttl(tmp_path: Path) -> Path:
    p = tmp_path / "good.ttl"
    p.write_text(GOOD, encoding="utf-8")
    return p


def run(store: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["--store", str(store), *args], input=input)


def dump(store: Path) -> str:
    from graph.store.embedded import open_store

    with open_store(store) as s:
        return s.canonical_dump()


def test_help_and_version() -> None:
    r = CliRunner().invoke(cli, ["--help"])
    assert r.exit_code == 0
    for command in ("load", "validate", "stats", "sparql", "export"):
        assert command in r.output
    r = CliRunner().invoke(cli, ["--version"])
    assert r.exit_code == 0 and "sgkg" in r.output


def test_every_command_has_an_example_in_its_help() -> None:
    for name, command in cli.commands.items():
        assert "Example" in (command.help or ""), name


def test_load_then_query(store: Path, good_ttl: Path) -> None:
    r = run(store, "load", str(good_ttl))
    assert r.exit_code == 0, r.output
    assert "loaded 7" not in r.output  # counts are triples, not subjects
    r = run(
        store,
        "sparql",
        "SELECT ?label WHERE { ?b a sg:Body ; rdfs:label ?label } ORDER BY ?label",
        "--format",
        "csv",
    )
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == ["label", "Testshire LSCB", "Testshire housing"]


def test_loading_the_same_file_again_replaces_its_graph(store: Path, good_ttl: Path) -> None:
    assert run(store, "load", str(good_ttl)).exit_code == 0
    first = dump(store)
    good_ttl.write_text(GOOD.replace("Testshire LSCB", "Renamed LSCB"), encoding="utf-8")
    assert run(store, "load", str(good_ttl)).exit_code == 0
    r = run(
        store,
        "sparql",
        "SELECT (COUNT(*) AS ?n) WHERE { ?b a sg:Body ; rdfs:label ?l }",
        "--format",
        "csv",
    )
    assert r.output.splitlines()[1] == "2"
    assert "Renamed LSCB" in dump(store) and "Testshire LSCB" not in dump(store)
    assert first != dump(store)


def test_ontology_is_always_present(store: Path, good_ttl: Path) -> None:
    run(store, "load", str(good_ttl))
    r = run(store, "sparql", 'ASK { bt:lscb skos:altLabel "LSCB"@en }')
    assert r.exit_code == 0 and r.output.strip() == "true"


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        ("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b\n", ".ttl", "line 4"),
        ("<https://example.org/a> <https://example.org/b> .\n", ".nt", "line 1"),
        ("{ not json", ".jsonld", "bad.jsonld"),
    ],
)
def test_broken_rdf_names_file_and_line_and_changes_nothing(
    store: Path, good_ttl: Path, tmp_path: Path, content: str, suffix: str, expected: str
) -> None:
    assert run(store, "load", str(good_ttl)).exit_code == 0
    before = dump(store)
    bad = tmp_path / f"bad{suffix}"
    bad.write_text(content, encoding="utf-8")
    r = run(store, "load", str(good_ttl), str(bad))
    assert r.exit_code == 2
    assert "bad" in r.output and expected in r.output
    assert "Traceback" not in r.output
    assert dump(store) == before


def test_unknown_suffix_missing_file_and_directory(store: Path, tmp_path: Path) -> None:
    odd = tmp_path / "data.xyz"
    odd.write_text("x", encoding="utf-8")
    r = run(store, "load", str(odd))
    assert r.exit_code == 2 and "--input-format" in r.output
    r = run(store, "load", str(tmp_path / "nope.ttl"))
    assert r.exit_code == 2 and "no such file" in r.output
    r = run(store, "load", str(tmp_path) + "/")
    assert r.exit_code == 2


def test_load_from_stdin(store: Path) -> None:
    nt = '<https://example.org/a> <https://example.org/b> "c" .\n'
    r = run(store, "load", "-", "--input-format", "nt", input=nt)
    assert r.exit_code == 0, r.output
    r = run(
        store,
        "sparql",
        "SELECT ?o WHERE { GRAPH <urn:sgkg:stdin> { ?s ?p ?o } }",
        "--format",
        "tsv",
    )
    assert r.output.splitlines()[1] == '"c"' or r.output.splitlines()[1] == "c"
    r = run(store, "load", "-", input=nt)
    assert r.exit_code == 2 and "--input-format" in r.output


def test_sparql_formats(store: Path, good_ttl: Path, tmp_path: Path) -> None:
    run(store, "load", str(good_ttl))
    q = "SELECT ?n WHERE { ?p a sg:Paragraph ; sg:number ?n }"
    r = run(store, "sparql", q, "--format", "json")
    data = json.loads(r.output)
    assert data["head"]["vars"] == ["n"]
    assert data["results"]["bindings"][0]["n"]["value"] == "112"
    r = run(store, "sparql", q)
    assert "112" in r.output and "(1 row)" in r.output
    qf = tmp_path / "q.rq"
    qf.write_text(q, encoding="utf-8")
    assert "112" in run(store, "sparql", f"@{qf}", "--format", "csv").output
    assert "112" in run(store, "sparql", "-", "--format", "csv", input=q).output
    r = run(store, "sparql", "CONSTRUCT { ?s a sg:Link } WHERE { ?s a sg:Link }")
    assert r.exit_code == 0 and "sg:Link" in r.output and "@prefix" in r.output


def test_sparql_refuses_updates_and_leaves_the_store(store: Path, good_ttl: Path) -> None:
    run(store, "load", str(good_ttl))
    before = dump(store)
    for update in (
        "DROP ALL",
        "PREFIX ex: <https://example.org/>\nINSERT DATA { ex:a ex:b ex:c }",
        "DELETE WHERE { ?s ?p ?o }",
        "# comment\nCLEAR DEFAULT",
    ):
        r = run(store, "sparql", update)
        assert r.exit_code == 2, update
        assert "read-only" in r.output
    assert dump(store) == before


def test_sparql_syntax_error_shows_where(store: Path, good_ttl: Path) -> None:
    run(store, "load", str(good_ttl))
    r = run(store, "sparql", "SELECT ?x WHERE {\n  ?x ?y \n")
    assert r.exit_code == 2
    assert "line" in r.output and "^" in r.output
    assert "Traceback" not in r.output


def test_validate_exit_codes(store: Path, good_ttl: Path, tmp_path: Path) -> None:
    run(store, "load", str(good_ttl))
    r = run(store, "validate")
    assert r.exit_code == 0, r.output
    assert "Conforms" in r.output
    bad = tmp_path / "bad-link.ttl"
    bad.write_text(
        GOOD.replace("; sg:evidence ex:p112", "")
        .replace("ex:link", "ex:link2")
        .replace("Testshire", "Other"),
        encoding="utf-8",
    )
    run(store, "load", str(bad))
    r = run(store, "validate")
    assert r.exit_code == 1
    assert "evidence" in r.output and "sg:evidence" in r.output
    r = run(store, "validate", "--format", "json")
    assert r.exit_code == 1
    report = json.loads(r.output)
    assert report["conforms"] is False
    assert any(v["path"] == "sg:evidence" for v in report["violations"])


def test_stats_counts_graphs_and_classes(store: Path, good_ttl: Path) -> None:
    run(store, "load", str(good_ttl))
    r = run(store, "stats", "--format", "json")
    s = json.loads(r.output)
    graphs = {g["graph"] for g in s["graphs"]}
    assert good_ttl.resolve().as_uri() in graphs
    assert "https://w3id.org/sgkg/graph/ontology" in graphs
    classes = {c["class"]: c["count"] for c in s["classes"]}
    assert classes["sg:Body"] == 2 and classes["sg:Link"] == 1


def test_export_round_trip(store: Path, good_ttl: Path, tmp_path: Path) -> None:
    run(store, "load", str(good_ttl))
    out = tmp_path / "all.nq"
    r = run(store, "export", "--format", "nq", "-o", str(out))
    assert r.exit_code == 0
    other = tmp_path / "store2"
    r = run(other, "load", str(out))
    assert r.exit_code == 0

    def data_only(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.endswith("good.ttl> .")]

    assert len(data_only(dump(store))) > 10
    assert data_only(dump(other)) == data_only(dump(store))
    r = run(store, "export", "--format", "ttl", "--graph", good_ttl.resolve().as_uri())
    assert "Testshire LSCB" in r.output and "skos:Concept" not in r.output
    r = run(store, "export", "--graph", "https://example.org/missing")
    assert r.exit_code == 2
