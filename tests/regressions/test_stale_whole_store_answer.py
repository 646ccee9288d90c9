"""Regression (issue 14): a whole-store answer kept the old label of a body
recorded for another authority.

A link recorded for Bournemouth points at a body recorded for Poole;
reloading that body with a new label must change the whole-store answer of
``sgkg query weak-links`` as it changes the answer for Bournemouth alone."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import cli

PREFIXES = """@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix lk: <https://w3id.org/sgkg/vocab/link-kind/> .
@prefix lq: <https://w3id.org/sgkg/vocab/link-quality/> .
@prefix b: <https://w3id.org/sgkg/id/body/bournemouth/> .
@prefix p: <https://w3id.org/sgkg/id/body/poole/> .
@prefix r: <https://w3id.org/sgkg/id/report/bournemouth/2014-06-30/> .
"""

LINK = (
    PREFIXES
    + """
b:local-authority a sg:Body, org:FormalOrganization ; rdfs:label "Bournemouth Borough Council" ;
    sg:bodyType bt:local-authority ; sg:authority b:local-authority .
b:housing a sg:Body, org:OrganizationalUnit ; rdfs:label "Housing in Bournemouth" ;
    sg:bodyType bt:housing ; sg:authority b:local-authority .
r:para\\/112 a sg:Paragraph ; sg:number 112 ; sg:text "Housing is not on the probe board." .
<https://w3id.org/sgkg/id/link/probe> a sg:Link ; sg:authority b:local-authority ;
    sg:linkKind lk:member-of ; sg:quality lq:absent ;
    sg:source b:housing ; sg:target p:probe-board ; sg:evidence r:para\\/112 .
"""
)


def poole_body(label: str) -> str:
    return (
        PREFIXES
        + f"""
p:local-authority a sg:Body, org:FormalOrganization ; rdfs:label "Borough of Poole" ;
    sg:bodyType bt:local-authority ; sg:authority p:local-authority .
p:probe-board a sg:Body, org:OrganizationalCollaboration ; rdfs:label "{label}" ;
    sg:bodyType bt:board ; sg:authority p:local-authority .
"""
    )


def test_relabelling_a_body_of_another_authority_changes_the_whole_store_answer(
    tmp_path: Path,
) -> None:
    store = tmp_path / "store"
    link, body = tmp_path / "link.ttl", tmp_path / "poole.ttl"
    link.write_text(LINK, encoding="utf-8")
    body.write_text(poole_body("Probe board OLD"), encoding="utf-8")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--store", str(store), *args])
        assert result.exit_code == 0, result.output
        return result.output

    run("load", str(link))
    run("load", str(body))
    assert "Probe board OLD" in run("query", "weak-links", "--format", "csv")

    body.write_text(poole_body("Probe board NEW"), encoding="utf-8")
    run("load", str(body))
    one = run("query", "weak-links", "-p", "authority=bournemouth", "--format", "csv")
    every = run("query", "weak-links", "--format", "csv")
    assert "Probe board NEW" in one
    assert "Probe board NEW" in every and "Probe board OLD" not in every
