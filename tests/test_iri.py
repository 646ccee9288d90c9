"""The IRI scheme: one thing, one IRI, whichever route it came in by."""

from __future__ import annotations

from datetime import date

from graph import iri


def test_report_by_authority_and_publication_date() -> None:
    a = iri.report("Bournemouth Borough Council", date(2014, 6, 30))
    b = iri.report("bournemouth", "2014-06-30")
    assert a == b == "https://w3id.org/sgkg/id/report/bournemouth/2014-06-30"


def test_paragraphs_and_blocks_live_under_their_report() -> None:
    r = iri.report("bournemouth", "2014-06-30")
    assert iri.paragraph(r, 115) == r + "/para/115"
    assert iri.block(r, "judgement-table") == r + "/block/judgement-table"
    assert iri.block(r, "area-information", 20) == r + "/block/area-information/20"
    assert iri.report_graph(r) == "https://w3id.org/sgkg/graph/report/bournemouth/2014-06-30"


def test_authority_names_normalise() -> None:
    assert iri.authority_key("Royal Borough of Kensington and Chelsea") == "kensington-and-chelsea"
    assert iri.authority_key("St Helens Council") == "st-helens"
    assert iri.authority_key("City of Wolverhampton Council") == "wolverhampton"
    assert iri.authority_key("North East Lincolnshire Council") == "north-east-lincolnshire"


def test_joint_body_is_minted_under_its_own_area() -> None:
    from_bournemouth = iri.body("bournemouth", "lscb")
    from_poole = iri.body("Poole", "lscb")
    assert from_bournemouth == from_poole
    assert from_bournemouth.endswith("/body/bournemouth-and-poole/lscb")
    assert iri.joint_label("bournemouth", "lscb").startswith("Bournemouth and Poole")
    # a body that is not joint stays under its authority
    assert iri.body("bournemouth", "dcs").endswith("/body/bournemouth/dcs")


def test_links_are_deterministic_and_kind_sensitive() -> None:
    a, b = iri.body("x", "lscb"), iri.body("x", "housing")
    assert iri.link(a, "member-of", b) == iri.link(a, iri.link_kind("member-of"), b)
    assert iri.link(a, "member-of", b) != iri.link(b, "member-of", a)
    assert iri.link(a, "member-of", b) != iri.link(a, "works-with", b)


def test_joint_members_lists_the_authorities_a_joint_body_serves() -> None:
    # the public face of data/joint-bodies.tsv that the extractor's "serves" links use
    assert iri.joint_members("pan-dorset", "cdop") == ["bournemouth", "dorset", "poole"]
    assert iri.joint_members("bournemouth-and-poole", "lscb") == ["bournemouth", "poole"]
    assert iri.joint_members("nowhere", "cdop") == []
