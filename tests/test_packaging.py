"""A plain (non-editable) install: the wheel adds only `graph` and `cli` to
site-packages, carries the ontology and shipped data inside `graph`, and
`sgkg` works from any directory. Built offline (no build isolation)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("setuptools")
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # setuptools writes build/ next to the sources: build from a copy of the
    # working tree (so uncommitted work is what is tested) to keep ours clean
    src = build / "src"
    _copy_tree(src)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("sgkg-*.whl")
    return found


def _copy_tree(dest: Path) -> None:
    import shutil

    def ignore(_dir: str, names: list[str]) -> set[str]:
        skip = {
            ".git",
            ".venv",
            ".venv-ci",
            "build",
            "__pycache__",
            ".pytest_cache",
            ".ruff_cache",
            ".hypothesis",
            "tests",
            "bench",
            "docs",
        }
        return {n for n in names if n in skip or n.endswith(".egg-info")}

    shutil.copytree(ROOT, dest, ignore=ignore)


def test_wheel_has_only_graph_and_cli_at_top_level(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top == {"graph", "cli.py"}


def test_wheel_carries_ontology_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "graph/ontology/safeguarding.ttl",
        "graph/ontology/vocabularies.ttl",
        "graph/ontology/shapes.ttl",
        "graph/data/joint-bodies.tsv",
        "graph/data/reports/bournemouth-2014-ofsted-report.txt",
        "graph/data/curated/bournemouth-2014.ttl",
    ):
        assert needed in names, needed
    assert any(n.startswith("graph/data/queries/") and n.endswith(".rq") for n in names)


def test_installed_sgkg_runs_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "SGKG_STORE": str(tmp_path / "store")}
    code = (
        "import graph, cli, sys; "
        "assert graph.__file__.startswith(sys.argv[1]), graph.__file__; "
        "from graph.store import open_store; open_store(sys.argv[2]).close(); "
        "sys.argv = ['sgkg', 'sparql', 'ASK { bt:lscb skos:altLabel \"LSCB\"@en }']; "
        "cli.main()"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(target), str(tmp_path / "store")],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "true"
