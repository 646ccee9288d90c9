"""Regression: the `reports` query showed an ILACS report's last inspection
day under the heading "published" (ILACS reports print no publication date).
The column now holds the publication date only when the report gives one,
and the last day of the inspection has its own column."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
SEED = (
    Path(__file__).resolve().parents[2] / "data" / "reports" / "bournemouth-2014-ofsted-report.txt"
)


def test_published_is_the_publication_date_or_empty(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    runner = CliRunner()
    for report in (FIXTURES / "templates" / "ilacs-2021.txt", SEED):
        r = runner.invoke(cli, ["--store", store, "ingest", "--no-extract", str(report)])
        assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["--store", store, "query", "reports", "--format", "json"])
    assert r.exit_code == 0, r.output
    bindings = json.loads(r.stdout)["results"]["bindings"]
    rows = {b["report"]["value"]: {k: v["value"] for k, v in b.items()} for b in bindings}
    ilacs = next(v for k, v in rows.items() if k.startswith("exampleshire"))
    assert ilacs.get("published", "") == ""  # the report prints no publication date
    assert ilacs["inspected"] == "2023-12-15"  # the last day of the inspection
    seed = rows["bournemouth/2014-06-30"]
    assert seed["published"] == "2014-06-30"  # the SIF front page gives it
