"""Regression (issue 18, kill -9 trials during ingest): a writer killed while
RocksDB was creating a new store left either

* a store whose ``CURRENT`` names only the default column family: every
  read then ended in a traceback (``RuntimeError: Invalid argument: Column
  family not found: posg``), because the read-only open caught ``OSError``
  only; or
* only the files RocksDB writes before ``CURRENT`` (``LOCK``, ``LOG``,
  ``000000.dbtmp``): every later write was refused with "a folder that is not
  an sgkg store", so the store could not be used again without deleting it
  by hand.

Now a read says the store is not completely created and how to finish it
(exit 1, no traceback), and the next write finishes creating it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli import cli
from graph.errors import StoreError, StoreMissingError
from graph.store.embedded import open_store

HALF_CREATED = Path(__file__).parents[1] / "fixtures" / "stores" / "half-created"
TTL = (
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    '<https://example.org/a> rdfs:label "A" .\n'
)


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *args])


def good_file(folder: Path) -> Path:
    path = folder / "a.ttl"
    path.write_text(TTL, encoding="utf-8")
    return path


def assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


def test_reading_a_half_created_store_says_so(tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(HALF_CREATED, store)
    result = run(store, "stats")
    assert_no_traceback(result)
    assert result.exit_code == 1, result.output
    assert str(store) in result.output and "not completely created" in result.output
    with pytest.raises(StoreError):
        open_store(store, read_only=True)


def test_the_next_write_finishes_a_half_created_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(HALF_CREATED, store)
    result = run(store, "load", str(good_file(tmp_path)))
    assert result.exit_code == 0, result.output
    result = run(store, "sparql", "SELECT ?l WHERE { <https://example.org/a> rdfs:label ?l }")
    assert result.exit_code == 0 and "A" in result.output.splitlines()[2:], result.output


@pytest.mark.parametrize(
    "left", [["LOCK", "LOG"], ["000000.dbtmp", "LOCK", "LOG"], ["LOCK", "LOG", "IDENTITY"]]
)
def test_the_next_write_uses_a_store_killed_before_its_current_file(
    tmp_path: Path, left: list[str]
) -> None:
    store = tmp_path / "store"
    store.mkdir()
    for name in left:
        (store / name).write_bytes(b"")
    result = run(store, "stats")  # nothing to read yet: the usual message
    assert_no_traceback(result)
    assert result.exit_code == 2 and "no sgkg store" in result.output
    result = run(store, "load", str(good_file(tmp_path)))
    assert result.exit_code == 0, result.output
    assert run(store, "stats").exit_code == 0


def test_a_folder_of_user_files_is_still_refused(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "LOG").write_bytes(b"")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreMissingError):
        open_store(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["LOG", "notes.txt"]
