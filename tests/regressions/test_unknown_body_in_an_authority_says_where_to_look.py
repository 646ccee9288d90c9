"""Bug: `sgkg show LSCB -a darlington` (a 2022 report, which names no LSCB)
said only "no body called 'LSCB' in the store", though the store holds an
LSCB of another authority, and gave no way on. Within an authority the
message names the authority and the command that lists its bodies."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import cli
from graph.resources import curated_dir


def test_unknown_body_names_the_authority_and_how_to_list_its_bodies(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    loaded = CliRunner().invoke(
        cli, ["--store", store, "load", str(curated_dir() / "bournemouth-2014.ttl")]
    )
    assert loaded.exit_code == 0, loaded.output
    result = CliRunner().invoke(cli, ["--store", store, "show", "Nonesuch Panel", "-a", "poole"])
    assert result.exit_code == 2
    assert "in the store" not in result.stderr
    assert "Poole" in result.stderr
    assert "sgkg query bodies -p authority=poole" in result.stderr
    assert "Traceback" not in result.output
