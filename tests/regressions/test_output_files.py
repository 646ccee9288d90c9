"""Regressions (issue 18, point 2): ``-o FILE`` replaced device nodes and
symlinks with regular files, made every output file 0600 (an existing 0644
one included), and ``-o -`` wrote a file named "-"."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.errors import OutputError
from graph.output import write_bytes

TTL = (
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    '<https://example.org/a> rdfs:label "A" .\n'
)


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    src = tmp_path / "a.ttl"
    src.write_text(TTL, encoding="utf-8")
    assert CliRunner().invoke(cli, ["--store", str(path), "load", str(src)]).exit_code == 0
    return path


def export(store: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(store), "export", "--format", "nt", *args])


def test_a_fifo_is_written_to_not_replaced(store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = export(store, "-o", str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"https://example.org/a" in got[0]


def test_dev_null_stays_a_device(store: Path) -> None:
    before = os.stat("/dev/null")
    assert export(store, "-o", "/dev/null").exit_code == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and before.st_ino == after.st_ino


def test_a_symlink_is_written_through(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.nt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.nt"
    link.symlink_to(target)
    assert export(store, "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert "https://example.org/a" in target.read_text(encoding="utf-8")


def test_modes_follow_the_existing_file_or_the_umask(store: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existing.nt"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o644)
    assert export(store, "-o", str(existing)).exit_code == 0
    assert stat.S_IMODE(existing.stat().st_mode) == 0o644
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.nt"
        assert export(store, "-o", str(new)).exit_code == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_dash_means_stdout(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = export(store, "-o", "-")
    assert result.exit_code == 0 and "https://example.org/a" in result.stdout
    assert not (tmp_path / "-").exists()


def test_a_folder_or_a_path_under_a_file_is_a_clear_error(store: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for bad in (tmp_path, tmp_path / "afile" / "out.nt"):
        result = export(store, "-o", str(bad))
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
    with pytest.raises(OutputError):
        write_bytes(b"x", tmp_path)
