"""Regression (issue 18, point 7): terminal escape sequences in loaded
labels were printed raw by ``show``, ``gaps`` and ``query``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import cli

TTL = """@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix t: <https://w3id.org/sgkg/id/body/testshire/> .
t:local-authority a sg:Body, org:FormalOrganization ; rdfs:label "Testshire Council" ;
    sg:bodyType bt:local-authority ; sg:authority t:local-authority .
t:lscb a sg:Body, org:OrganizationalCollaboration ;
    rdfs:label "Evil \\u001b]0;pwned\\u0007 board \\u001b[2J" ;
    sg:bodyType bt:lscb ; sg:authority t:local-authority .
"""


def test_escape_sequences_in_labels_never_reach_the_terminal(tmp_path: Path) -> None:
    store, src = tmp_path / "store", tmp_path / "evil.ttl"
    src.write_text(TTL, encoding="utf-8")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--store", str(store), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    run("load", str(src))
    for args in (["show", "Evil"], ["query", "bodies"], ["gaps", "-a", "testshire"]):
        out = run(*args)
        assert "\x1b" not in out and "\x07" not in out, args
    assert "\\x1b" in run("show", "Evil")  # shown as a visible escape
