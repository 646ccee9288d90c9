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


def test_rows_sort_by_label_as_text_whatever_the_sort_key(tmp_path: Path) -> None:
    """The query sorts on a key of its own made from each label (for speed);
    rows must still come in the labels' own order: a label that is a prefix of
    another first, then by character ("Board" < "Board 2" < "Board-B" <
    "Board2" < "board"), and the same within one source by target."""
    labels = ["board", "Board2", "Board", "Board-B", "Board 2"]
    triples = [PREFIXES]
    for i, label in enumerate(labels):
        triples.append(
            f'b:body-{i} a sg:Body ; rdfs:label "{label}" ; sg:bodyType bt:board ;'
            " sg:authority b:local-authority .\n"
            f"<https://w3id.org/sgkg/id/link/order-{i}> a sg:Link ;"
            " sg:authority b:local-authority ; sg:linkKind lk:member-of ; sg:quality lq:weak ;"
            f" sg:source b:body-{i} ; sg:target b:body-{(i + 1) % len(labels)} ;"
            " sg:evidence r:para\\/112 .\n"
        )
    # one source with several targets: ordered by target label too
    for i in range(len(labels)):
        triples.append(
            f"<https://w3id.org/sgkg/id/link/fan-{i}> a sg:Link ;"
            " sg:authority b:local-authority ; sg:linkKind lk:works-with ; sg:quality lq:weak ;"
            f" sg:source b:body-2 ; sg:target b:body-{i} ; sg:evidence r:para\\/112 .\n"
        )
    data = tmp_path / "order.ttl"
    data.write_text(LINK + "".join(triples[1:]), encoding="utf-8")
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", str(store), "load", str(data)]).exit_code == 0
    result = runner.invoke(cli, ["--store", str(store), "query", "weak-links", "--format", "csv"])
    assert result.exit_code == 0, result.output
    found = [(r["source"], r["target"]) for r in csv.DictReader(io.StringIO(result.output))]
    weak = [pair for pair in found if pair[0] != "Housing in Bournemouth"]
    assert len(weak) == 2 * len(labels)
    assert weak == sorted(weak), weak
    assert [s for s, _ in weak][:1] == ["Board"]
