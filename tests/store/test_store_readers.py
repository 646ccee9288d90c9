"""Readers never take the write lock: they open the snapshot the last writer
published, so a long-lived reader and ``sgkg load`` run at once."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.store.embedded import current_snapshot, open_store

TTL = """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/{name}> rdfs:label "{name}" .
"""


def _write(tmp_path: Path, name: str) -> Path:
    p = tmp_path / f"{name}.ttl"
    p.write_text(TTL.format(name=name), encoding="utf-8")
    return p


def _labels(store) -> set[str]:
    rows = store.select(
        "SELECT ?l WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(STR(?s), 'https://example.org/')) }"
    )
    return {r["l"] for r in rows}


def test_a_reader_held_open_does_not_block_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "store"
    assert (
        CliRunner()
        .invoke(cli, ["--store", str(path), "load", str(_write(tmp_path, "first"))])
        .exit_code
        == 0
    )
    reader = open_store(path, read_only=True)
    try:
        assert _labels(reader) == {"first"}
        result = CliRunner().invoke(
            cli, ["--store", str(path), "load", str(_write(tmp_path, "second"))]
        )
        assert result.exit_code == 0, result.output
        assert _labels(reader) == {"first"}  # the open reader keeps its snapshot
    finally:
        reader.close()
    with open_store(path, read_only=True) as again:
        assert _labels(again) == {"first", "second"}  # the next open sees the write


def test_a_read_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.replace_graph("urn:g", [])
    before = {p: p.stat().st_mtime_ns for p in path.rglob("*") if "sgkg-cache" not in str(p)}
    with open_store(path, read_only=True) as reader:
        assert reader.generation() >= 1
        with pytest.raises(Exception, match="read-only"):
            reader.replace_graph("urn:h", [])
    after = {p: p.stat().st_mtime_ns for p in path.rglob("*") if "sgkg-cache" not in str(p)}
    assert before == after


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a read-only folder")
def test_reads_work_on_a_read_only_folder(tmp_path: Path) -> None:
    path = tmp_path / "store"
    CliRunner().invoke(cli, ["--store", str(path), "load", str(_write(tmp_path, "first"))])
    modes = {}
    for p in [path, *path.rglob("*")]:
        modes[p] = p.stat().st_mode
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        result = CliRunner().invoke(cli, ["--store", str(path), "query", "bodies"])
        assert result.exit_code == 0, result.output
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


def test_every_write_raises_the_generation_and_publishes_a_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        start = store.generation()
        store.replace_graph("urn:g", [])
        store.remove_graph("urn:g")
        assert store.generation() == start + 2
    snap = current_snapshot(path)
    assert snap is not None
    with open_store(path, read_only=True) as reader:
        assert reader.opened == snap and reader.generation() == start + 2
