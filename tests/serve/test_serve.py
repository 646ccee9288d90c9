"""`sgkg serve`: the SPARQL 1.1 Protocol endpoint, the JSON API and the pages,
through Starlette's TestClient on a store built from the shipped data."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.fixtures.serve.support import FIXTURES, build_store

XSS = "<img src=x onerror=alert(1)>"
JUDGEMENTS = (
    "SELECT ?area ?grade WHERE { ?j a sg:Judgement ; sg:judgementArea/skos:prefLabel ?area ; "
    "sg:grade/skos:prefLabel ?grade ; sg:report/sg:authority/rdfs:label "
    '"Bournemouth Borough Council"@en } ORDER BY ?area'
)
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    from graph.serve import create_app

    with TestClient(create_app(store_path, timeout=20, max_rows=500)) as c:
        yield c


def sparql_json(client: TestClient, query: str, **kw: Any) -> dict[str, Any]:
    r = client.get("/sparql", params={"query": query}, **kw)
    assert r.status_code == 200, r.text
    return r.json()


# ---------------------------------------------------------------- SPARQL protocol


def test_sparql_get_json_default(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": JUDGEMENTS})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    doc = r.json()
    assert doc["head"]["vars"] == ["area", "grade"]
    grades = {b["area"]["value"]: b["grade"]["value"] for b in doc["results"]["bindings"]}
    assert grades["Adoption performance"] == "good"
    assert len(grades) == 7


def test_sparql_post_forms_agree(client: TestClient) -> None:
    via_get = sparql_json(client, JUDGEMENTS)
    direct = client.post(
        "/sparql", content=JUDGEMENTS, headers={"Content-Type": "application/sparql-query"}
    )
    form = client.post("/sparql", data={"query": JUDGEMENTS})
    assert direct.status_code == form.status_code == 200
    assert direct.json() == form.json() == via_get


@pytest.mark.parametrize(
    ("accept", "media", "start"),
    [
        ("text/csv", "text/csv", "area,grade\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values", "?area\t?grade\n"),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
        ("application/json;q=0.5, text/csv", "text/csv", "area,grade"),
    ],
)
def test_sparql_content_negotiation(
    client: TestClient, accept: str, media: str, start: str
) -> None:
    r = client.get("/sparql", params={"query": JUDGEMENTS}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert r.text.startswith(start)
    assert "Accept" in r.headers["vary"]


def test_sparql_xml_is_well_formed(client: TestClient) -> None:
    import xml.etree.ElementTree as ET

    r = client.get(
        "/sparql",
        params={"query": JUDGEMENTS},
        headers={"Accept": "application/sparql-results+xml"},
    )
    root = ET.fromstring(r.content)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == 7


def test_sparql_ask_and_construct(client: TestClient) -> None:
    import pyoxigraph as ox

    assert sparql_json(client, "ASK { ?r a sg:Report }") == {"head": {}, "boolean": True}
    q = "CONSTRUCT { ?r a sg:Report } WHERE { ?r a sg:Report }"
    ttl = client.get("/sparql", params={"query": q}, headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(ttl.content, format=ox.RdfFormat.TURTLE))
    assert len(triples) >= 1
    jsonld = client.get("/sparql", params={"query": q}, headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(list(ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD))) == len(triples)
    # a graph result to a client that only takes results: 406
    r = client.get("/sparql", params={"query": q}, headers={"Accept": "text/csv"})
    assert r.status_code == 406


@pytest.mark.parametrize(
    "request_kw",
    [
        {"method": "GET", "url": "/sparql", "params": {"query": "DROP ALL"}},
        {"method": "GET", "url": "/sparql", "params": {"update": "DROP ALL"}},
        {"method": "POST", "url": "/sparql", "data": {"update": "CLEAR DEFAULT"}},
        {
            "method": "POST",
            "url": "/sparql",
            "content": "INSERT DATA { <x:a> <x:b> <x:c> }",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {
            "method": "POST",
            "url": "/sparql",
            "content": "PREFIX x: <x:>\nDELETE WHERE { ?s ?p ?o }",
            "headers": {"Content-Type": "application/sparql-query"},
        },
    ],
)
def test_updates_refused_and_nothing_changes(
    client: TestClient, request_kw: dict[str, Any]
) -> None:
    before = sparql_json(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    r = client.request(**request_kw)
    assert r.status_code in (400, 403)
    assert "read-only" in r.text
    assert sparql_json(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before


def test_malformed_query_gives_the_parsers_message(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400
    assert "SPARQL syntax error at line 1" in r.text
    r = client.get(
        "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"}
    )
    assert r.status_code == 400
    assert "SERVICE" in r.text


def test_protocol_odds_and_ends(client: TestClient) -> None:
    assert client.get("/sparql", headers={"Accept": "application/json"}).status_code == 400
    page = client.get("/sparql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "<form" in page.text
    r = client.get("/sparql", params={"query": JUDGEMENTS, "default-graph-uri": "x:g"})
    assert r.status_code == 400
    r = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert r.status_code == 415
    assert client.put("/sparql", content=b"x").status_code == 405
    assert client.delete("/sparql").status_code == 405


def test_row_limit_cuts_and_says_so(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 500
    assert r.headers["x-sgkg-truncated"] == "max-rows=500"


def test_heavy_query_stopped_at_its_limit_others_answer(store_path: Path) -> None:
    from graph.serve import create_app

    with TestClient(create_app(store_path, timeout=1.0)) as c:
        started = time.monotonic()
        r = c.get("/sparql", params={"query": HEAVY})
        took = time.monotonic() - started
        assert r.status_code == 503
        assert "time budget" in r.text
        assert took < 5
        assert c.get("/sparql", params={"query": JUDGEMENTS}).status_code == 200


# ---------------------------------------------------------------- the JSON API


def test_named_queries_same_as_the_library(client: TestClient, store_path: Path) -> None:
    from graph.queries.catalog import select_named
    from graph.store.embedded import open_store

    listed = client.get("/api/queries").json()
    names = {q["name"] for q in listed}
    assert {"weak-links", "reports", "board-members"} <= names
    with open_store(store_path, read_only=True) as store:
        for name, given in [
            ("weak-links", {"authority": "bournemouth"}),
            ("reports", {}),
            ("board-members", {"board": "LSCB", "authority": "bournemouth"}),
        ]:
            r = client.get(f"/api/queries/{name}", params=given)
            assert r.status_code == 200, r.text
            assert r.json()["rows"] == json.loads(json.dumps(select_named(store, name, given)))


def test_named_query_bad_input(client: TestClient) -> None:
    r = client.get("/api/queries/no-such-query")
    assert r.status_code == 404
    assert "error" in r.json()
    r = client.get("/api/queries/board-members")
    assert r.status_code == 400
    assert "board" in r.json()["error"]
    page = client.get("/queries/board-members")
    assert page.status_code == 200 and "<form" in page.text


def test_show_and_gaps(client: TestClient) -> None:
    view = client.get("/api/show/LSCB", params={"authority": "bournemouth"}).json()
    assert "Safeguarding" in view["label"]
    assert view["links"]
    assert client.get("/api/show/no-such-body-zzz").status_code == 404
    gaps = client.get("/api/gaps", params={"authority": "bournemouth"}).json()
    assert gaps["gaps"]
    assert {g["source"] for g in gaps["gaps"]} == {"inspectors", "expected"}
    only = client.get("/api/gaps", params={"authority": "bournemouth", "source": "expected"})
    assert {g["source"] for g in only.json()["gaps"]} == {"expected"}
    assert client.get("/api/gaps", params={"authority": "atlantis"}).status_code == 404


def test_authorities_and_explorer_data(client: TestClient) -> None:
    found = {a["key"]: a for a in client.get("/api/authorities").json()}
    assert {"bournemouth", "testshire"} <= set(found)
    assert found["bournemouth"]["reports"][0]["published"] == "2014-06-30"
    assert found["bournemouth"]["weak_or_absent"] > 0
    data = client.get("/api/explorer/bournemouth").json()
    assert data["bodies"] and data["links"] and data["nodes"]
    assert client.get("/api/explorer/atlantis").status_code == 404


# ---------------------------------------------------------------- pages


PAGES = [
    "/",
    "/explorer",
    "/explorer/testshire",
    "/queries",
    "/queries/weak-links?authority=testshire",
    "/show?name=" + XSS,
    "/gaps?authority=testshire",
    "/changes/testshire",
    "/changes/bournemouth",
    "/timeline/testshire",
    "/sparql?format=html&query=SELECT+%3Fl+WHERE+%7B%3Fb+rdfs%3Alabel+%3Fl%7D",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_escape_report_text_and_carry_a_policy(client: TestClient, url: str) -> None:
    r = client.get(url, headers={"Accept": "text/html"})
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-eval" not in csp and "http" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert XSS not in r.text  # never raw; escaped (or JSON-escaped in the explorer)
    assert '<script src="http' not in r.text and "//cdn" not in r.text


def test_explorer_page_header_policy_matches_its_scripts(client: TestClient) -> None:
    r = client.get("/explorer/bournemouth")
    csp = r.headers["content-security-policy"]
    assert "script-src 'sha256-" in csp
    assert "connect-src 'none'" in csp
    assert "Bournemouth" in r.text


def test_not_found_and_no_traversal(client: TestClient) -> None:
    for url in ("/nope", "/static/../app.py", "/static/app.py", "/api/nope", "/explorer/a/b"):
        assert client.get(url).status_code == 404, url
    assert (
        client.get("/nope", headers={"Accept": "text/html"})
        .headers["content-security-policy"]
        .startswith("default-src 'none'")
    )
    assert client.post("/api/gaps").status_code == 405


# ---------------------------------------------------------------- changes between inspections

BCP = "bournemouth-christchurch-and-poole"


@pytest.fixture(scope="module")
def line_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server over tests/fixtures/compare/line.ttl: Bournemouth 2014, then
    BCP 2021 and 2024 (tests/analysis/test_changes.py knows its answers)."""
    from graph.serve import create_app
    from graph.store.embedded import open_store
    from tests.conftest import load_rdf

    path = tmp_path_factory.mktemp("serve-line") / "store"
    with open_store(path) as store:
        load_rdf(store, FIXTURES / "compare" / "line.ttl")
    with TestClient(create_app(path, timeout=20)) as c:
        yield c


def test_changes_api_is_the_library_answer(line_client: TestClient) -> None:
    from graph.analysis.changes import changes

    r = line_client.get(f"/api/changes/{BCP}")
    assert r.status_code == 200, r.text
    doc = r.json()
    assert [i["report"] for i in doc["inspections"]] == [
        "bournemouth/2014-06-30",
        f"{BCP}/2021-12-17",
        f"{BCP}/2024-12-13",
    ]
    assert doc["pairs"] == [
        ["bournemouth/2014-06-30", f"{BCP}/2021-12-17"],
        [f"{BCP}/2021-12-17", f"{BCP}/2024-12-13"],
    ]
    overall = next(
        row
        for row in doc["rows"]
        if row["aspect"] == "judgement"
        and row["what"] == "Overall effectiveness"
        and row["earlier"].startswith("bournemouth/")
    )
    assert (overall["change"], overall["before"]["value"], overall["after"]["value"]) == (
        "worse",
        "requires improvement",
        "inadequate",
    )
    assert overall["before"]["where"] and overall["after"]["where"]  # both sides cited
    # the same as `sgkg changes --format json`, through the library
    with open_store_of(line_client) as store:
        assert doc == json.loads(json.dumps(changes(store, BCP).as_dict()))


def open_store_of(client: TestClient) -> Any:
    from graph.store.embedded import open_store

    return open_store(client.app.state.server.source.path, read_only=True)


def test_changes_api_filters(line_client: TestClient) -> None:
    recurring = line_client.get(f"/api/changes/{BCP}", params={"aspect": "recurring"}).json()
    assert recurring["rows"] and {r["aspect"] for r in recurring["rows"]} == {"recurring"}
    both = line_client.get(
        f"/api/changes/{BCP}", params=[("aspect", "judgement"), ("aspect", "recurring")]
    ).json()
    assert {r["aspect"] for r in both["rows"]} == {"judgement", "recurring"}
    later = line_client.get(f"/api/changes/{BCP}", params={"from": "2020"}).json()
    assert later["pairs"] == [[f"{BCP}/2021-12-17", f"{BCP}/2024-12-13"]]
    # an alias of the authority and its predecessor give the same line
    by_alias = line_client.get("/api/changes/bournemouth").json()
    assert by_alias["pairs"] == line_client.get(f"/api/changes/{BCP}").json()["pairs"]


def test_changes_bad_input(line_client: TestClient) -> None:
    one = line_client.get("/api/changes/leeds")
    assert one.status_code == 200  # one inspection is not an error, nothing is invented
    assert one.json()["rows"] == [] and "only one inspection" in one.json()["notes"][0]
    assert line_client.get("/api/changes/atlantis").status_code == 404
    r = line_client.get(f"/api/changes/{BCP}", params={"from": XSS})
    assert r.status_code == 400 and "neither a date" in r.json()["error"]
    page = line_client.get(f"/changes/{BCP}", params={"from": XSS})
    assert page.status_code == 400 and XSS not in page.text
    assert line_client.get(f"/api/changes/{BCP}", params={"aspect": "mood"}).status_code == 400
    assert line_client.post(f"/api/changes/{BCP}").status_code == 405


def test_changes_page_cites_both_sides_and_links_the_authority(line_client: TestClient) -> None:
    r = line_client.get(f"/changes/{BCP}")
    assert r.status_code == 200
    assert "default-src 'none'" in r.headers["content-security-policy"]
    text = r.text
    assert "Bournemouth, Christchurch and Poole" in text
    assert "requires improvement" in text and "inadequate" in text and "asked again" in text
    assert f'href="/explorer/{BCP}"' in text and f'href="/timeline/{BCP}"' in text
    assert f"/api/changes/{BCP}" in text
    # the authority's own page and the national view link to it, and the timeline back
    explorer = line_client.get(f"/explorer/{BCP}").text
    assert f'href="/changes/{BCP}"' in explorer
    assert f'href="/changes/{BCP}"' in line_client.get("/explorer").text
    timeline = line_client.get(f"/timeline/{BCP}")
    assert timeline.status_code == 200 and f'href="/changes/{BCP}"' in timeline.text
    assert "script-src 'sha256-" in timeline.headers["content-security-policy"]


# ---------------------------------------------------------------- data changes


def test_a_write_is_seen_on_the_next_request(tmp_path: Path) -> None:
    from graph.serve import create_app
    from graph.store.embedded import open_store
    from tests.conftest import load_rdf

    path = tmp_path / "store"
    with open_store(path) as store:
        load_rdf(store, FIXTURES / "viz-mini.ttl")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with TestClient(create_app(path)) as c:
        first = c.get("/api/status").json()["generation"]
        n1 = int(sparql_json(c, count)["results"]["bindings"][0]["n"]["value"])
        assert "bournemouth" not in {a["key"] for a in c.get("/api/authorities").json()}
        with open_store(path) as store:  # a CLI write while the server runs
            load_rdf(store, Path(__file__).parents[2] / "data/curated/bournemouth-2014.ttl")
        assert c.get("/api/status").json()["generation"] > first
        n2 = int(sparql_json(c, count)["results"]["bindings"][0]["n"]["value"])
        assert n2 > n1
        assert "bournemouth" in {a["key"] for a in c.get("/api/authorities").json()}


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    from graph.errors import StoreMissingError
    from graph.serve import create_app

    with pytest.raises(StoreMissingError):
        create_app(tmp_path / "none")


def test_serve_help_and_default_host() -> None:
    from click.testing import CliRunner

    from cli import cli

    out = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "127.0.0.1" in out and "--max-rows" in out and "--timeout" in out
