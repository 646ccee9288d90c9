"""Bug: for an ILACS report inspected before the safeguarding partnerships
took over (Kirklees, June 2019) the register's note read "none of the
reference model's 51 expectations applies to a ilacs report inspected on
2019-06-21": the framework's key, a wrong article, and no reason. The note
names the framework as the vocabulary labels it and says why nothing applies."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import cli

KIRKLEES = Path(__file__).parents[1] / "fixtures" / "reports" / "kirklees-2019-ilacs.txt"


def test_note_names_the_framework_and_the_reason(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    ingested = CliRunner().invoke(cli, ["--store", store, "ingest", "--no-extract", str(KIRKLEES)])
    assert ingested.exit_code == 0, ingested.output
    result = CliRunner().invoke(cli, ["--store", store, "gaps", "--format", "md"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "a ilacs" not in text
    assert "an ILACS report inspected on 2019-06-21" in text
    # why: ILACS does not review the LSCB, and the partnership duties were not yet due
    assert "does not review the LSCB" in text
    assert "29 September 2019" in text
