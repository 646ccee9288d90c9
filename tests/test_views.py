"""Precomputed whole-store answers (graph/views.py): the same rows in the same
order as the query itself, never stale, and never mistaken for data."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, load_rdf

from graph import namespaces as ns
from graph.queries import views
from graph.queries.catalog import resolve_params, run_named_query
from graph.store.embedded import open_store

ROOT = Path(__file__).resolve().parent.parent
TINY = FIXTURES / "analysis-tiny.ttl"
TESTSHIRE = ns.ID + "body/testshire/local-authority"
BOURNEMOUTH = ns.ID + "body/bournemouth/local-authority"
TINY_AUTHORITIES = [
    ns.ID + f"body/{k}/local-authority" for k in ("ilacsby", "otherham", "testshire")
]
VIEW_QUERIES = {
    "annual-report",
    "areas-for-improvement",
    "bodies",
    "changes-since-previous",
    "judgements",
    "reports",
    "topic-paragraphs",
    "unaccountable-bodies",
    "weak-links",
}


def _rows(result: Any) -> list[list[str]]:
    return [[str(c) for c in row] for row in result.rows]


def _topics(store: Any) -> list[str]:
    """Every topic and body type some paragraph of the store mentions."""
    rows = store.select(
        "SELECT DISTINCT ?t WHERE { ?u sg:mentionsTopic|sg:mentionsBodyType ?t } ORDER BY ?t"
    )
    return [r["t"] for r in rows]


#: values of each facet parameter in a store: every body type, every body asked to act
_FACET_VALUES = {
    "body_type": "SELECT DISTINCT ?v WHERE { ?b sg:bodyType ?v } ORDER BY ?v",
    "body": "SELECT DISTINCT ?v WHERE { ?i sg:addressedTo ?v } ORDER BY ?v",
}


def _cases(store: Any) -> Iterator[tuple[str, dict[str, str]]]:
    for query, spec in views.view_specs():
        if spec.splits == ("topic",):
            for topic in _topics(store):
                yield query.name, {"topic": topic}
        else:
            assert not spec.splits
            yield query.name, {}
        for name in spec.facets:
            for row in store.select(_FACET_VALUES[name]):
                yield query.name, {name: row["v"]}


def _assert_views_match_the_query(store: Any) -> int:
    """Every whole-store form answered from views equals the query run itself."""
    checked = 0
    for name, params in _cases(store):
        query, direct = run_named_query(store, name, params, use_views=False)
        ready = views.answer(store, query, resolve_params(store, query, params))
        assert ready is not None, f"{name} {params} was not answered from views"
        assert ready.variables == direct.variables, name
        assert _rows(ready) == _rows(direct), f"{name} {params}"
        checked += len(direct.rows)
    return checked


@pytest.fixture(scope="module")
def several_authorities(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The seed and its curated layer (Bournemouth, Poole), the tiny analysis
    fixture (three authorities), two reader fixtures and a small synthetic
    national store: many authorities whose answers must merge in order."""
    from graph.ingest import ingest_report
    from graph.resources import curated_dir, seed_report

    sys.path.insert(0, str(ROOT / "bench"))
    import synthetic

    path = tmp_path_factory.mktemp("views") / "store"
    synthetic.build(path, authorities=5, paragraphs=30, links_per_authority=60)
    with open_store(path) as store:
        ingest_report(store, seed_report())
        load_rdf(store, curated_dir() / "bournemouth-2014.ttl")
        load_rdf(store, TINY)
        ingest_report(store, FIXTURES / "reports" / "exampleshire-synthetic.txt")
        ingest_report(store, FIXTURES / "reports" / "kirklees-2019-ilacs.txt")
    store = open_store(path, read_only=True)
    yield store
    store.close()


def test_the_whole_store_questions_have_views() -> None:
    assert {q.name for q, _ in views.view_specs()} == VIEW_QUERIES
    facets = {q.name: spec.facets for q, spec in views.view_specs() if spec.facets}
    assert facets == {
        "weak-links": ("body_type",),
        "bodies": ("body_type",),
        "areas-for-improvement": ("body",),
    }


def test_a_filter_across_the_store_is_answered_from_views(several_authorities: Any) -> None:
    # "every weak or absent link involving housing, nationally"
    query, result = run_named_query(several_authorities, "weak-links", {"body_type": "housing"})
    bindings = resolve_params(several_authorities, query, {"body_type": "housing"})
    assert views.answer(several_authorities, query, bindings) is not None
    assert len({row[0].value.split("/")[0] for row in result.rows}) >= 3
    assert all("housing" in (row[1].value + row[3].value).lower() for row in result.rows)
    # the row's link is machinery, not a column
    assert "link" not in result.variables


def test_a_finished_session_leaves_nothing_pending(several_authorities: Any) -> None:
    assert views.pending(several_authorities) == []
    authorities = {
        r["a"]
        for r in several_authorities.select("SELECT DISTINCT ?a WHERE { ?x sg:authority ?a }")
    }
    assert {BOURNEMOUTH, TESTSHIRE} <= authorities
    assert len(authorities) >= 10


def test_views_give_the_rows_of_the_query_in_its_order(several_authorities: Any) -> None:
    checked = _assert_views_match_the_query(several_authorities)
    assert checked > 1000  # the comparison covered real answers, not empty ones


def test_weak_links_of_the_whole_store_come_from_several_authorities(
    several_authorities: Any,
) -> None:
    _, result = run_named_query(several_authorities, "weak-links")
    reports = {row[0].value.split("/")[0] for row in result.rows}
    assert {"bournemouth", "testshire"} <= reports
    assert len(reports) >= 5
    # in report order, as the query orders them
    keys = [row[0].value for row in result.rows]
    assert keys == sorted(keys)


def _tiny_copy(folder: Path) -> Path:
    """The tiny fixture as a file of its own: its graph is that file's."""
    out = folder / "tiny.ttl"
    out.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    return out


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _weak_rows(store: Any, who: str) -> list[list[str]]:
    _, result = run_named_query(store, "weak-links")
    return [r for r in _rows(result) if who in r[1] or who in r[3]]


def test_a_write_is_seen_at_once_and_after_the_views_are_refreshed(tmp_path: Path) -> None:
    from graph.resources import curated_dir

    store_path = tmp_path / "store"
    tiny = _tiny_copy(tmp_path)
    with open_store(store_path) as store:
        load_rdf(store, tiny)
        load_rdf(store, curated_dir() / "bournemouth-2014.ttl")
    with open_store(store_path) as store:
        before = _weak_rows(store, "Community Safety")
        assert before and all('"weak"' in r for r in before)
        # the inspectors' words change: the CSP link is now effective
        load_rdf(store, _edit(tiny, "sg:quality lq:weak", "sg:quality lq:effective"))
        # only the authorities the written graph is about: not Bournemouth or Poole
        assert views.pending(store) == TINY_AUTHORITIES
        assert len(_weak_rows(store, "Community Safety")) == len(before) - 1
        _assert_views_match_the_query(store)
    with open_store(store_path, read_only=True) as store:
        assert views.pending(store) == []
        assert len(_weak_rows(store, "Community Safety")) == len(before) - 1
        _assert_views_match_the_query(store)


def test_removing_a_graph_removes_its_answers(tmp_path: Path) -> None:
    from graph.rdf.files import parse_file

    with open_store(tmp_path / "store") as store:
        load_rdf(store, TINY)
        graph_iri = next(iter(parse_file(str(TINY)).graphs))
    with open_store(tmp_path / "store") as store:
        assert _weak_rows(store, "Testshire")
        store.remove_graph(graph_iri)
        assert _weak_rows(store, "Testshire") == []
    with open_store(tmp_path / "store", read_only=True) as store:
        assert _weak_rows(store, "Testshire") == []
        assert run_named_query(store, "reports")[1].rows == []


def test_a_vocabulary_change_makes_every_answer_pending(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        load_rdf(store, TINY)
    relabel = tmp_path / "relabel.ttl"
    relabel.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/sgkg/vocab/link-kind/reports-to> "
        'skos:altLabel "answers to"@en .\n',
        encoding="utf-8",
    )
    with open_store(tmp_path / "store") as store:
        load_rdf(store, relabel)
        assert len(views.pending(store)) == 3  # Testshire, Otherham, Ilacsby
        _assert_views_match_the_query(store)


def test_answers_stay_right_when_a_session_stops_before_refreshing(tmp_path: Path) -> None:
    tiny = _tiny_copy(tmp_path)
    with open_store(tmp_path / "store") as store:
        load_rdf(store, tiny)
    store = open_store(tmp_path / "store")
    load_rdf(store, _edit(tiny, "sg:quality lq:weak", "sg:quality lq:absent"))
    store.close()  # as if killed: the write is committed, its answers are not
    with open_store(tmp_path / "store", read_only=True) as store:
        assert views.pending(store) == TINY_AUTHORITIES
        assert any('"absent"' in r for r in _weak_rows(store, "Community Safety"))
        _assert_views_match_the_query(store)


def test_views_of_an_older_version_are_not_used(tmp_path: Path) -> None:
    g = f"<{views.VIEWS_GRAPH}>"
    with open_store(tmp_path / "store") as store:
        load_rdf(store, TINY)
        _, expected = run_named_query(store, "weak-links")
    with open_store(tmp_path / "store") as store:
        store.ox.update(
            f"DELETE WHERE {{ GRAPH {g} {{ {g} <{ns.SG}viewVersion> ?v }} }} ; "
            f'INSERT DATA {{ GRAPH {g} {{ {g} <{ns.SG}viewVersion> "older" }} }}'
        )
        query, _ = run_named_query(store, "weak-links")
        assert views.answer(store, query, {}) is None  # the query itself answers
        assert _rows(run_named_query(store, "weak-links")[1]) == _rows(expected)
    # the next writable opening starts them again; the next writing session computes them
    with open_store(tmp_path / "store") as store:
        assert len(views.pending(store)) == 3
        store.refresh_views()
        assert views.pending(store) == []
        assert views.answer(store, query, {}) is not None


def test_views_are_not_data(tmp_path: Path) -> None:
    from graph.rdf.files import export
    from graph.store.stats import store_stats

    with open_store(tmp_path / "store") as store:
        load_rdf(store, TINY)
        size = len(store)
    with open_store(tmp_path / "store", read_only=True) as store:
        assert views.pending(store) == []
        assert len(store) == size
        assert views.VIEWS_GRAPH not in {g["graph"] for g in store_stats(store)["graphs"]}
        out = io.BytesIO()
        export(store, "nq", out)
        assert views.VIEWS_GRAPH.encode() not in out.getvalue()
        assert b"viewRows" not in out.getvalue()
        # and the union default graph, which queries read, holds none of it
        assert not store.select("SELECT * WHERE { ?p sg:viewRows ?rows }")


def test_sgkg_stats_says_how_many_authorities_are_ready(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import cli

    store_path = tmp_path / "store"
    tiny = _tiny_copy(tmp_path)
    runner = CliRunner()
    loaded = runner.invoke(cli, ["--store", str(store_path), "load", str(tiny)])
    assert loaded.exit_code == 0, loaded.output
    out = runner.invoke(cli, ["--store", str(store_path), "stats"]).output
    assert "precomputed whole-store answers: 3 authorities ready, 0 pending" in out
    store = open_store(store_path)
    load_rdf(store, _edit(tiny, "sg:quality lq:weak", "sg:quality lq:absent"))
    store.close()  # stopped before recomputing
    out = runner.invoke(cli, ["--store", str(store_path), "stats"]).output
    assert "0 authorities ready, 3 pending" in out
