"""The embedded store: ontology always present, graphs replaced whole, one
writer at a time with read-only fallback, bindings that are never pasted."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import namespaces as ns
from graph.errors import QueryError, StoreLockedError
from graph.store.embedded import default_store_path, open_store

EX = "https://example.org/"


def triple(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + p), ox.Literal(o))


def test_default_location_follows_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SGKG_STORE", str(tmp_path / "s"))
    assert default_store_path() == tmp_path / "s"
    monkeypatch.delenv("SGKG_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "xdg" / "sgkg" / "store"


def test_new_store_holds_the_ontology(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        assert ns.ONTOLOGY_GRAPH in store.named_graphs()
        rows = store.select("SELECT ?l WHERE { bt:cdop skos:prefLabel ?l }")
        assert rows == [{"l": "Child Death Overview Panel"}]


def test_replace_graph_replaces_and_records_source(tmp_path: Path) -> None:
    g = EX + "graph"
    with open_store(tmp_path / "s") as store:
        store.replace_graph(g, [triple("a", "p", "old"), triple("b", "p", "x")], source="one.ttl")
        store.replace_graph(g, [triple("a", "p", "new")], source="two.ttl")
        rows = store.select(f"SELECT ?s ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
        assert rows == [{"s": EX + "a", "o": "new"}]
        catalog = ns.CATALOG_GRAPH
        src = store.select(
            f"SELECT ?src WHERE {{ GRAPH <{catalog}> {{ <{g}> dcterms:source ?src }} }}"
        )
        assert src == [{"src": "two.ttl"}]


def test_bindings_are_substituted_not_pasted(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.replace_graph(EX + "g", [triple("a", "p", "x")])
        before = store.canonical_dump()
        hostile = EX + "a> } ; DROP ALL ; SELECT * { <x"
        with pytest.raises((QueryError, ValueError, TypeError)):
            store.select("SELECT ?o WHERE { ?s ?p ?o }", {"s": hostile})
        rows = store.select(
            "SELECT ?s ?o ?want WHERE { ?s ?p ?o FILTER(?s = ?want) }", {"want": EX + "a"}
        )
        assert [r["o"] for r in rows] == ["x"]
        assert store.canonical_dump() == before


def test_one_writer_at_a_time_and_readers_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "s"
    writer = open_store(path)
    try:
        with pytest.raises(StoreLockedError, match="in use"):
            open_store(path)
        reader = open_store(path, read_only=True)
        assert reader.read_only
        assert bool(reader.query("ASK { bt:lscb a skos:Concept }"))
        reader.close()
    finally:
        writer.close()


def test_canonical_dump_is_order_independent(tmp_path: Path) -> None:
    with open_store(tmp_path / "a") as a, open_store(tmp_path / "b") as b:
        a.replace_graph(EX + "g", [triple("a", "p", "1"), triple("b", "p", "2")])
        b.replace_graph(EX + "g", [triple("b", "p", "2"), triple("a", "p", "1")])
        mine = [line for line in a.canonical_dump().splitlines() if line.endswith("/g> .")]
        other = [line for line in b.canonical_dump().splitlines() if line.endswith("/g> .")]
        assert len(mine) == 2
        assert mine == other
        assert a.canonical_dump() == a.canonical_dump()


def test_union_counts_a_triple_held_by_two_graphs_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.replace_graph(EX + "g1", [triple("a", "p", "x"), triple("b", "p", "y")])
        store.replace_graph(EX + "g2", [triple("a", "p", "x")])
        q = "SELECT ?s WHERE { ?s <https://example.org/p> ?o } ORDER BY ?s"
        assert [r["s"] for r in store.select(q)] == [EX + "a", EX + "b"]
        # replacing g1 keeps what g2 still holds, and drops what only g1 held
        store.replace_graph(EX + "g1", [triple("c", "p", "z")])
        assert [r["s"] for r in store.select(q)] == [EX + "a", EX + "c"]
        store.remove_graph(EX + "g2")
        assert [r["s"] for r in store.select(q)] == [EX + "c"]
        # named graphs stay addressable
        rows = store.select(f"SELECT ?s WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} }}")
        assert [r["s"] for r in rows] == [EX + "c"]


def test_an_older_store_gets_its_union_built_on_open(tmp_path: Path) -> None:
    path = tmp_path / "s"
    raw = ox.Store(str(path))  # as a store written before the union was kept
    raw.add(
        ox.Quad(
            ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("x"), ox.NamedNode(EX + "g")
        )
    )
    raw.flush()
    del raw
    with open_store(path) as store:
        assert store.select("SELECT ?o WHERE { ?s <https://example.org/p> ?o }") == [{"o": "x"}]
