"""Regression (issue 18, point 7): ``-o`` into a folder that does not exist
quietly created the folder (and every missing one above it), and ``-o`` into
a folder the user may not write to ended in exit 1 as if the work had failed.
Both are bad input: exit 2, a message naming the path, nothing written, no
traceback. A path under a regular file (``somefile.txt/out.html``) is the
same."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli import cli

TTL = (
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    '<https://example.org/a> rdfs:label "A" .\n'
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("output-folders")
    src = folder / "a.ttl"
    src.write_text(TTL, encoding="utf-8")
    path = folder / "store"
    assert CliRunner().invoke(cli, ["--store", str(path), "load", str(src)]).exit_code == 0
    return path


def write(store: Path, command: list[str], target: Path) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *command, "-o", str(target)])


COMMANDS = [
    ["export", "--format", "nt"],
    ["stats", "--format", "json"],
    ["sparql", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"],
]


def assert_refused(result: Result, target: Path) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert str(target) in result.output, result.output


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_missing_folder_is_refused_not_created(
    store: Path, tmp_path: Path, command: list[str]
) -> None:
    target = tmp_path / "missing" / "deeper" / "out.html"
    result = write(store, command, target)
    assert_refused(result, target)
    assert "does not exist" in result.output
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_path_under_a_regular_file_is_refused(
    store: Path, tmp_path: Path, command: list[str]
) -> None:
    somefile = tmp_path / "somefile.txt"
    somefile.write_text("keep me", encoding="utf-8")
    target = somefile / "out.html"
    result = write(store, command, target)
    assert_refused(result, target)
    assert somefile.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["somefile.txt"]


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in: a 0555 folder, or for
    root (whom modes do not stop) sysfs, which refuses new files to anyone."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    candidates = [folder, Path("/sys")]
    for candidate in candidates:
        try:
            fd, name = tempfile.mkstemp(dir=candidate)
        except OSError as err:
            if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return candidate
            continue
        os.close(fd)
        os.unlink(name)
    pytest.skip("no folder here refuses this process new files")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_read_only_folder_is_bad_input(store: Path, tmp_path: Path, command: list[str]) -> None:
    folder = _unwritable_folder(tmp_path)
    try:
        before = sorted(p.name for p in folder.iterdir())
        target = folder / "out.html"
        result = write(store, command, target)
        assert_refused(result, target)
        assert "cannot create" in result.output
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o755)
