"""`--endpoint`: the read commands against a real SPARQL server (Oxigraph's
`oxigraph serve`, from the `oxigraph` package) give the answers they give on
the embedded store; `sgkg publish` loads it with the Graph Store Protocol."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.store.remote import substitute, with_prefixes
from tests.fixtures.serve.support import build_store, oxigraph_binary, oxigraph_server

needs_oxigraph = pytest.mark.skipif(
    oxigraph_binary() is None, reason="needs the oxigraph package (pip install oxigraph)"
)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # one authority, as the named queries' examples assume (names such as LSCB are unique)
    return build_store(tmp_path_factory.mktemp("endpoint") / "store", testshire=False)


@pytest.fixture(scope="module")
def endpoint(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if oxigraph_binary() is None:
        pytest.skip("needs the oxigraph package (pip install oxigraph)")
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        url = base + "/query"
        done = run(["--store", str(store_path), "publish", "--endpoint", url])
        assert done.exit_code == 0, done.output
        assert "published" in done.output
        yield url


def run(args: list[str], **env: str) -> object:
    return CliRunner().invoke(cli, args, env={"SGKG_ENDPOINT": "", **env})


def both(store_path: Path, endpoint: str, args: list[str]) -> tuple[str, str]:
    here = run(["--store", str(store_path), *args])
    there = run(["--endpoint", endpoint, *args])
    assert here.exit_code == 0, here.output
    assert there.exit_code == 0, there.output
    return here.output, there.output


def examples() -> list[list[str]]:
    """Every example of every named query, as `query` arguments."""
    from graph.queries.catalog import list_queries

    out = []
    for q in list_queries():
        for example in q.examples:
            words = shlex.split(example)
            if words[:2] == ["sgkg", "query"]:
                out.append([w for w in words[2:] if w not in ("--format", "csv", "md")])
        if not any(not p.optional for p in q.params):
            out.append([q.name])
    return out


@needs_oxigraph
@pytest.mark.parametrize("args", examples(), ids=lambda a: " ".join(a))
def test_every_named_query_same_answers(store_path: Path, endpoint: str, args: list[str]) -> None:
    here, there = both(store_path, endpoint, ["query", *args, "--format", "json"])
    assert here == there


@needs_oxigraph
@pytest.mark.parametrize(
    "args",
    [
        ["gaps", "--format", "json"],
        ["gaps", "-a", "bournemouth", "--format", "json"],
        ["gaps", "-a", "bournemouth", "--source", "inspectors", "--format", "csv"],
        ["show", "LSCB", "-a", "bournemouth", "--format", "json"],
        ["show", "Family Justice", "--format", "json"],
        ["show", "DCS", "-a", "bournemouth"],
        ["path", "LSCB", "police", "-a", "bournemouth", "--format", "json"],
        ["accountability", "LSCB", "-a", "bournemouth", "--format", "json"],
        [
            "sparql",
            "SELECT ?l WHERE { ?b a sg:Body ; rdfs:label ?l } ORDER BY ?l",
            "--format",
            "csv",
        ],
        ["sparql", "ASK { ?r a sg:Report }"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_commands_same_answers(store_path: Path, endpoint: str, args: list[str]) -> None:
    here, there = both(store_path, endpoint, args)
    assert here == there


@pytest.fixture(scope="module")
def line_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Bournemouth 2014, then BCP 2021 and 2024 (tests/fixtures/compare/line.ttl):
    a line of inspections for `changes`, `timeline`, `compare` and `matrix`."""
    from graph.store.embedded import open_store
    from tests.conftest import FIXTURES, load_rdf

    path = tmp_path_factory.mktemp("endpoint-line") / "store"
    with open_store(path) as store:
        load_rdf(store, FIXTURES / "compare" / "line.ttl")
    return path


@pytest.fixture(scope="module")
def line_endpoint(line_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if oxigraph_binary() is None:
        pytest.skip("needs the oxigraph package (pip install oxigraph)")
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-line")) as base:
        url = base + "/query"
        done = run(["--store", str(line_store), "publish", "--endpoint", url])
        assert done.exit_code == 0, done.output
        yield url


@needs_oxigraph
@pytest.mark.parametrize(
    "args",
    [
        ["changes", "bournemouth-christchurch-and-poole", "--format", "json"],
        ["changes", "bcp"],
        ["changes", "bournemouth", "--aspect", "recurring", "--format", "csv"],
        ["changes", "bcp", "--from", "2020", "--all", "--format", "md"],
        ["changes", "leeds"],
        ["timeline", "bcp", "--format", "json"],
        ["compare", "bcp", "--neighbours", "--format", "json"],
        ["matrix", "--format", "json"],
        ["gaps", "--format", "json"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_changes_and_comparisons_same_answers(
    line_store: Path, line_endpoint: str, args: list[str]
) -> None:
    here, there = both(line_store, line_endpoint, args)
    assert here == there
    if args == ["changes", "bcp"]:
        assert "bournemouth/2014-06-30 -> bournemouth-christchurch-and-poole/2021-12-17" in here


@needs_oxigraph
def test_changes_unknown_authority_through_the_endpoint(line_endpoint: str) -> None:
    done = run(["--endpoint", line_endpoint, "changes", "atlantis"])
    assert done.exit_code == 2
    assert "atlantis" in done.output


@needs_oxigraph
def test_network_commands_same_network(store_path: Path, endpoint: str) -> None:
    """rank and the GraphML export: the same bodies, names, links and scores. A
    body with two labels (the reader's and the curated layer's) is named by the
    same one on both (tests/regressions/test_network_label_is_one_choice.py);
    only the last digits of scores may differ (sums in the engine's row order)."""
    import io
    import json

    import networkx as nx

    here, there = both(store_path, endpoint, ["rank", "-a", "bournemouth", "--format", "json"])
    rows = [json.loads(x)["rows"] for x in (here, there)]
    assert [(r["body"], r["label"], round(r["score"], 9)) for r in rows[0]] == [
        (r["body"], r["label"], round(r["score"], 9)) for r in rows[1]
    ]
    here, there = both(store_path, endpoint, ["export", "--format", "graphml", "-a", "bournemouth"])
    a, b = (nx.read_graphml(io.BytesIO(x.encode())) for x in (here, there))
    assert set(a.nodes) == set(b.nodes)
    assert {n: a.nodes[n]["label"] for n in a} == {n: b.nodes[n]["label"] for n in b}
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))


@needs_oxigraph
def test_export_and_viz_through_the_endpoint(
    store_path: Path, endpoint: str, tmp_path: Path
) -> None:
    import pyoxigraph as ox

    here, there = both(store_path, endpoint, ["export", "--format", "nq"])
    a = list(ox.parse(here.encode(), format=ox.RdfFormat.N_QUADS))
    b = list(ox.parse(there.encode(), format=ox.RdfFormat.N_QUADS))
    assert len(a) == len(b)  # blank node labels differ; everything else is the same
    ground = {str(q) for q in a if "_:" not in str(q)}
    assert ground == {str(q) for q in b if "_:" not in str(q)}
    out = tmp_path / "x.html"
    done = run(["--endpoint", endpoint, "viz", "-a", "bournemouth", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "Bournemouth" in out.read_text(encoding="utf-8")


@needs_oxigraph
def test_writes_refused_with_an_endpoint(endpoint: str, tmp_path: Path) -> None:
    done = run(["--endpoint", endpoint, "gaps", "--save"])
    assert done.exit_code == 2
    assert "--endpoint" in done.output
    done = run(["--endpoint", endpoint, "sparql", "DROP ALL"])
    assert done.exit_code == 2


@needs_oxigraph
def test_server_over_an_endpoint(endpoint: str) -> None:
    from starlette.testclient import TestClient

    from graph.serve import create_app

    with TestClient(create_app(endpoint=endpoint)) as c:
        r = c.get("/api/queries/weak-links", params={"authority": "bournemouth"})
        assert r.status_code == 200 and r.json()["rows"]
        assert c.get("/api/gaps", params={"authority": "bournemouth"}).status_code == 200


def test_unreachable_endpoint_one_line_exit_1() -> None:
    from tests.fixtures.serve.support import free_port

    url = f"http://127.0.0.1:{free_port()}/query"
    done = run(["--endpoint", url, "show", "LSCB"], SGKG_ENDPOINT_PASSWORD="s3cret")
    assert done.exit_code == 1
    lines = done.output.strip().splitlines()
    assert len(lines) == 1
    assert url in lines[0] and "refused" in lines[0].lower()
    assert "Traceback" not in done.output and "s3cret" not in done.output


def test_credentials_never_on_the_command_line() -> None:
    done = run(["--endpoint", "http://user:pw@127.0.0.1:9/query", "show", "LSCB"])
    assert done.exit_code == 2
    assert "pw" not in done.output.replace("password", "")
    assert "SGKG_ENDPOINT_USER" in done.output
    done = run(["--endpoint", "ftp://example.org/q", "show", "LSCB"])
    assert done.exit_code == 2


def test_credentials_sent_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.store import remote

    monkeypatch.setenv("SGKG_ENDPOINT_USER", "ann")
    monkeypatch.setenv("SGKG_ENDPOINT_PASSWORD", "pw")
    assert remote._auth_header() == {"Authorization": "Basic YW5uOnB3"}
    monkeypatch.setenv("SGKG_ENDPOINT_TOKEN", "tok")
    assert remote._auth_header() == {"Authorization": "Bearer tok"}


# ---------------------------------------------------------------- the rewriting


def test_substitute_binds_the_body_not_the_projection() -> None:
    text = (
        "SELECT ?x (SAMPLE(STR(?a)) AS ?label) ?authority WHERE {\n"
        '  ?x sg:authority ?authority ; rdfs:label "?authority" . # ?authority\n'
        "  FILTER(!COALESCE(isIRI(?authority), false) || EXISTS { ?x ?p ?authority })\n"
        "  BIND(?authority AS ?copy)\n"
        "} GROUP BY ?x ?authority ORDER BY ?authority DESC(?authority)"
    )
    out = substitute(text, {"authority": "https://w3id.org/sgkg/id/body/b/la"})
    iri = "<https://w3id.org/sgkg/id/body/b/la>"
    assert out.startswith("SELECT ?x (SAMPLE(STR(?a)) AS ?label) ?authority WHERE")
    assert f"?x sg:authority {iri} ;" in out
    assert '"?authority"' in out and "# ?authority" in out  # strings and comments untouched
    assert f"isIRI({iri})" in out and f"EXISTS {{ ?x ?p {iri} }}" in out
    assert f"BIND({iri} AS ?copy)" in out
    assert f"GROUP BY ?x ?authority ORDER BY ?authority DESC({iri})" in out


def test_substitute_literals_are_escaped() -> None:
    import pyoxigraph as ox

    out = substitute("SELECT * WHERE { ?s rdfs:label ?t }", {"t": ox.Literal('a" } DROP ALL #')})
    assert out == 'SELECT * WHERE { ?s rdfs:label "a\\" } DROP ALL #" }'


def test_with_prefixes_keeps_line_numbers() -> None:
    out = with_prefixes("PREFIX sg: <x:>\nSELECT * WHERE { ?s ?p ?o }")
    assert "PREFIX sg: <https" not in out
    assert out.count("\n") == 1 and "PREFIX skos:" in out
