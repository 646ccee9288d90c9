"""`weak-links` names each end of a link by one label, read once per body: a
body named in two layers (two ``rdfs:label``s) still gives one row per link,
for the whole store and for one authority alike."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from tests.regressions.test_stale_whole_store_answer import LINK, PREFIXES, poole_body


def test_a_body_with_two_labels_gives_one_row_per_link(tmp_path: Path) -> None:
    store = tmp_path / "store"
    link, body, other = tmp_path / "link.ttl", tmp_path / "poole.ttl", tmp_path / "alias.ttl"
    link.write_text(LINK, encoding="utf-8")
    body.write_text(poole_body("Probe board"), encoding="utf-8")
    other.write_text(PREFIXES + 'p:probe-board rdfs:label "The probe board" .\n', encoding="utf-8")

    def rows(*args: str) -> list[dict[str, str]]:
        result = CliRunner().invoke(
            cli, ["--store", str(store), "query", "weak-links", "--format", "csv", *args]
        )
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.output)))

    for f in (link, body, other):
        result = CliRunner().invoke(cli, ["--store", str(store), "load", str(f)])
        assert result.exit_code == 0, result.output
    for found in (rows(), rows("-p", "authority=bournemouth")):
        assert len(found) == 1, found
        assert found[0]["target"] in ("Probe board", "The probe board"), found
        assert found[0]["source"] == "Housing in Bournemouth"
        assert found[0]["paragraphs"] == "112"
