"""The gap register, accountability, paths and brokers on a tiny hand-made
partnership whose right answers are written out (tests/fixtures/analysis-tiny.ttl):
a star (the LSCB and its members), a chain (social work team up to the Chief
Executive) and missing statutory members (Cafcass never mentioned, probation
mentioned but never linked)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from graph import iri
from graph import namespaces as ns
from graph.analysis.register import Gap, gap_register
from graph.analysis.routes import accountability, path, rank
from graph.errors import UnknownFormatError, UnknownNameError
from tests.conftest import FIXTURES, load_rdf

T = "https://w3id.org/sgkg/id/body/testshire/"
LSCB, HOUSING, CSP, MAPPA = T + "lscb", T + "housing", T + "csp", T + "mappa-smb"
CE, HWB, DCS = T + "chief-executive", T + "hwb", T + "dcs"
CHILDRENS_SERVICES, TEAM = T + "childrens-services", T + "social-work-team"
PRACTICE = (
    "Ofsted SIF LSCB review criteria and local inter-board protocols "
    "(practice expectation, not statute)"
)

#: the sources the design table allows, and nothing finer
DESIGN_SOURCES = {
    "Children Act 2004, s13 and s14",
    "Children Act 2004, s13(3) (as amended)",
    "Children Act 2004, s13 (lay members, inserted 2009); Working Together 2015, ch. 3",
    "Children Act 2004, s13(4); LSCB Regulations 2006",
    "Working Together 2013/2015, ch. 3",
    "LSCB Regulations 2006, reg. 6; Working Together 2013/2015, ch. 5",
    PRACTICE,
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from graph.store.embedded import open_store

    with open_store(tmp_path_factory.mktemp("tiny") / "store") as store:
        load_rdf(store, FIXTURES / "analysis-tiny.ttl")
        yield store


@pytest.fixture(scope="module")
def register(tiny: Any) -> Any:
    return gap_register(tiny, "testshire")


def _row(gaps: list[Gap], frm: str, kind: str, to: str) -> Gap:
    hits = [g for g in gaps if (g.from_body, g.link_kind, g.to_body) == (frm, kind, to)]
    assert len(hits) == 1, f"expected one row {frm} {kind} {to}, got {hits}"
    return hits[0]


def _expected_for(gaps: list[Gap], missing_type: str) -> Gap:
    hits = [g for g in gaps if g.missing_body_type == missing_type]
    assert len(hits) == 1, f"expected one row for {missing_type}, got {hits}"
    return hits[0]


# ---------------------------------------------------------------- inspectors' findings


def test_inspector_findings_with_paragraphs_quotes_and_improvements(register: Any) -> None:
    found = register.by_source("inspectors")
    assert len(found) == 4
    housing = _row(found, HOUSING, "member-of", LSCB)
    assert housing.quality == "absent"
    assert housing.evidence == ("6",)
    assert housing.quote == "There is no strategic representation from housing on the board."
    assert [i.number for i in housing.improvements] == ["10"]
    assert housing.improvements[0].text.startswith("Secure the strategic representation")
    assert _row(found, LSCB, "works-with", CSP).quality == "weak"
    assert _row(found, LSCB, "annual-report-to", CE).evidence == ("8",)
    assert _row(found, LSCB, "works-with", MAPPA).quality == "developing"


def test_inspector_rows_carry_the_expectation_they_answer_to(register: Any) -> None:
    found = register.by_source("inspectors")
    annual = _row(found, LSCB, "annual-report-to", CE)
    assert annual.statutory_source == "Working Together 2013/2015, ch. 3"
    assert annual.statutory is True
    csp = _row(found, LSCB, "works-with", CSP)
    assert csp.statutory_source == PRACTICE
    assert csp.statutory is False
    # housing is not a statutory partner in the design table: no source invented
    assert _row(found, HOUSING, "member-of", LSCB).statutory_source == ""


def test_no_inspector_gap_is_labelled_expected(register: Any) -> None:
    for g in register.gaps:
        if g.source == "inspectors":
            assert g.quality in ("absent", "weak", "developing")
            assert g.id.startswith(ns.ID + "link/")  # the link itself is the record
        else:
            assert g.source == "expected"
            assert g.quality == "not evidenced"
            assert "absent" not in g.basis
    inspector_links = {
        (g.from_body, g.link_kind, g.to_body) for g in register.gaps if g.source == "inspectors"
    }
    expected_links = {
        (g.from_body, g.link_kind, g.to_body) for g in register.gaps if g.source == "expected"
    }
    assert not inspector_links & expected_links


def test_rows_are_sorted_by_severity(register: Any) -> None:
    order = [g.quality for g in register.gaps]
    assert order == ["absent", "weak", "weak", "developing"] + ["not evidenced"] * 6
    # statutory before practice among the weak: the annual report, then the CSP
    assert [g.to_body for g in register.gaps[1:3]] == [CE, CSP]


# ---------------------------------------------------------------- expected, not evidenced


def test_expected_partner_never_mentioned_appears_by_type(tiny: Any, register: Any) -> None:
    expected = register.by_source("expected")
    cafcass = _expected_for(expected, "cafcass")
    assert cafcass.basis == "Cafcass: not mentioned in the report"
    assert cafcass.from_body == ""  # no body invented
    assert cafcass.from_label == "Cafcass"
    assert (cafcass.link_kind, cafcass.to_body) == ("member-of", LSCB)
    assert cafcass.statutory_source == "Children Act 2004, s13(3) (as amended)"
    assert cafcass.mentions == ()
    assert cafcass.id == iri.gap("testshire", LSCB, "member-of", "cafcass")
    # and nothing was written: still no Cafcass body in the store
    assert not tiny.select("SELECT ?b WHERE { ?b sg:bodyType bt:cafcass }")


def test_expected_partner_mentioned_but_never_linked(register: Any) -> None:
    expected = register.by_source("expected")
    probation = _expected_for(expected, "probation")
    assert probation.mentions == ("5",)
    assert probation.basis.startswith("Probation: mentioned (para 5)")
    pcc = _expected_for(expected, "pcc")
    assert (pcc.from_body, pcc.link_kind) == (LSCB, "annual-report-to")
    assert pcc.mentions == ("9",)


def test_named_partner_without_the_expected_link(register: Any) -> None:
    # the HWB is named and the LSCB reports to it, but no annual report is stated
    row = _row(register.by_source("expected"), LSCB, "annual-report-to", HWB)
    assert row.missing_body_type == ""
    assert "is named" in row.basis


def test_exactly_the_unmet_expectations_are_listed(register: Any) -> None:
    expected = register.by_source("expected")
    missing = sorted(g.missing_body_type or g.to_body for g in expected)
    assert missing == sorted(["cafcass", "nhs-england", "probation", "leader", "pcc", HWB])
    # met by an alternative kind: a CDOP sub-group, a SAB sharing a plan
    assert not any(
        g.missing_body_type == "cdop" or g.expectation.endswith("link-hwb") for g in expected
    )
    # 'where present' expectations say nothing when no such body is named
    assert not any(
        g.missing_body_type in ("secure-estate", "childrens-trust-board") for g in expected
    )


PARTNERSHIP_SOURCES = (
    "Children Act 2004",
    "SI 2018/789",
    "Working Together 2018",
    "Working Together 2023",
    "Criminal Justice Act 2003",
    "Crime and Disorder Act 1998",
    "Health and Social Care Act 2012",
    "not statute",
    "not statutory",
    "Not statutory",
)


def test_every_expectation_cites_a_design_table_source(tiny: Any) -> None:
    rows = tiny.select(
        "SELECT ?e ?s ?from WHERE { ?e a sg:Expectation ; sg:statutorySource ?s ; "
        "sg:inForceFrom ?from }"
    )
    lscb_era = {r["s"] for r in rows if str(r["from"]) < "2018-06-29"}
    partnership_era = {r["s"] for r in rows if str(r["from"]) >= "2018-06-29"}
    assert len(rows) >= 40
    assert lscb_era <= DESIGN_SOURCES
    # each cites one of the design table's sources of the partnership era
    for source in partnership_era:
        assert any(act in source for act in PARTNERSHIP_SOURCES), source
    no_source = tiny.select(
        "SELECT ?e WHERE { ?e a sg:Expectation FILTER NOT EXISTS { ?e sg:statutorySource ?s } }"
    )
    assert not no_source


def test_authority_without_an_lscb(tiny: Any) -> None:
    reg = gap_register(tiny, "Otherham Borough Council")
    assert [(g.source, g.missing_body_type, g.basis) for g in reg.gaps] == [
        ("expected", "lscb", "Local Safeguarding Children Board: not mentioned in the report")
    ]
    assert reg.gaps[0].statutory_source == "Children Act 2004, s13 and s14"


def test_ilacs_report_is_not_held_to_the_lscb_model(tiny: Any) -> None:
    # inspected in 2019 before the deadline for the new arrangements, naming none:
    # neither model is checked, and the register says so
    reg = gap_register(tiny, "ilacsby")
    assert reg.gaps == []
    assert any("no statutory expectation was checked" in note for note in reg.notes["ilacsby"])


def test_whole_store_register_and_unknown_authority(tiny: Any) -> None:
    reg = gap_register(tiny)
    assert set(reg.authorities) == {"testshire", "otherham", "ilacsby"}
    assert "testshire" not in reg.notes  # it has stated links
    assert "no stated links" in reg.notes["otherham"][0]
    assert len(reg.gaps) == 11
    with pytest.raises(UnknownNameError) as err:
        gap_register(tiny, "Testshir")
    assert "testshire" in err.value.candidates


def test_one_authority_register_matches_the_whole_store_one(tmp_path: Any) -> None:
    """The register of one authority reads only its links (and links recorded
    for no authority); it must list exactly the rows the whole-store register
    lists for that authority, including a link with no sg:authority."""
    from graph.store.embedded import open_store

    unrecorded = f"""
@prefix sg: <{ns.SG}> .
@prefix lk: <{ns.LINK_KIND}> .
@prefix lq: <{ns.LINK_QUALITY}> .
<https://example.org/unrecorded> a sg:Link ; sg:linkKind lk:works-with ; sg:quality lq:weak ;
    sg:source <{HOUSING}> ; sg:target <{CSP}> ;
    sg:evidence <https://w3id.org/sgkg/id/report/testshire/2015-01-01/para/3> .
"""
    extra = tmp_path / "unrecorded.ttl"
    extra.write_text(unrecorded, encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        load_rdf(store, FIXTURES / "analysis-tiny.ttl")
        load_rdf(store, extra)
        one = gap_register(store, "testshire").gaps
        whole = [g for g in gap_register(store).gaps if g.authority == "testshire"]
    assert one == whole
    assert any(g.from_body.endswith("/housing") and g.to_body.endswith("/csp") for g in one)


# ---------------------------------------------------------------- accountability


def test_chain_up_to_the_chief_executive(tiny: Any) -> None:
    a = accountability(tiny, "Testshire social work teams")
    assert a.evidenced
    top = a.chains[0]
    assert top.outcome == "council"
    assert [(h.from_body, h.phrase, h.to_body) for h in top.hops] == [
        (TEAM, "part of", CHILDRENS_SERVICES),
        (CHILDRENS_SERVICES, "is led by", DCS),
        (DCS, "accountable to", CE),
    ]
    assert all(h.evidence == "4" for h in top.hops)
    assert top.hops[1].inverse


def test_no_evidenced_route_is_said_plainly(tiny: Any) -> None:
    a = accountability(tiny, "Testshire housing services")
    assert not a.evidenced
    assert a.summary.startswith("No evidenced route")
    # the absent membership is shown as found absent, never walked
    assert [(h.to_body, h.quality) for h in a.absent] == [(LSCB, "absent")]
    assert "para 6" in a.summary


def test_lscb_reaches_the_council_only_through_a_weak_link(tiny: Any) -> None:
    a = accountability(tiny, "TSCB")
    council = [c for c in a.chains if c.outcome == "council"]
    assert [(h.phrase, h.to_body, h.quality) for h in council[0].hops] == [
        ("annual report to", CE, "weak")
    ]
    assert "weak" in a.summary
    assert any(c.outcome == "stops" and c.end == HWB for c in a.chains)


def test_unknown_body_is_a_user_error(tiny: Any) -> None:
    with pytest.raises(UnknownNameError):
        accountability(tiny, "Ministry of Magic")


# ---------------------------------------------------------------- paths


def test_path_through_the_board(tiny: Any) -> None:
    r = path(tiny, "Testshire Police", "Testshire Health and Wellbeing Board")
    assert [[(h.from_body, h.kind, h.to_body) for h in s] for s in r.steps] == [
        [(T + "police", "member-of", LSCB)],
        [(LSCB, "reports-to", HWB)],
    ]


def test_path_only_through_an_absent_link_is_no_route(tiny: Any) -> None:
    r = path(tiny, "Testshire Police", "Testshire housing services")
    assert not r.found
    assert "No evidenced route" in r.summary
    assert "absent" in r.summary


def test_directed_path_follows_link_direction(tiny: Any) -> None:
    assert path(tiny, "Testshire Police", "TSCB", directed=True).found
    assert not path(tiny, "TSCB", "Testshire Police", directed=True).found


# ---------------------------------------------------------------- brokers


def test_star_centre_is_the_broker(tiny: Any) -> None:
    r = rank(tiny, "betweenness", "testshire")
    assert r.rows[0].body == LSCB
    degree = {x.body: x.score for x in rank(tiny, "degree", "testshire").rows}
    assert degree[LSCB] == 16  # 15 linked bodies + the chair; housing's absent link not counted
    assert degree[HOUSING] == 0


def test_articulation_points_and_isolated_bodies(tiny: Any) -> None:
    r = rank(tiny, "degree", "testshire")
    cuts = {c.body: c.cut_off for c in r.articulation_points}
    assert set(cuts) == {LSCB, DCS, CHILDRENS_SERVICES}
    assert cuts[CHILDRENS_SERVICES] == ("Testshire social work teams",)
    assert "Testshire Police" in cuts[LSCB]
    assert {x.body for x in r.isolated} == {HOUSING, T + "adoption-panel"}


def test_pagerank_matches_networkx_reference(tiny: Any) -> None:
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    from graph.analysis.network import to_networkx
    from graph.analysis.routes import _walk_graph

    r = rank(tiny, "pagerank", "testshire")
    ours = {x.body: x.score for x in r.rows}
    assert sum(ours.values()) == pytest.approx(1.0)
    reference = _pagerank_python(
        _walk_graph(to_networkx(tiny, "testshire"), directed=True, include_absent=False),
        tol=1e-12,
        max_iter=1000,
    )
    for body, score in reference.items():
        assert ours[body] == pytest.approx(score, abs=1e-6)
    assert r.rows[0].body == LSCB


def test_unknown_measure(tiny: Any) -> None:
    with pytest.raises(UnknownFormatError):
        rank(tiny, "closeness")


# ---------------------------------------------------------------- export for Gephi


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_survives_graphml_and_gexf(tiny: Any, fmt: str) -> None:
    import networkx as nx

    from graph.analysis.network import serialise_network, to_networkx

    g = to_networkx(tiny, "testshire")
    data = serialise_network(g, fmt)
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    qualities = {d["quality"] for _u, _v, d in back.edges(data=True)}
    assert {"absent", "weak", "developing", "effective", "stated"} <= qualities


# ---------------------------------------------------------------- gaps as records


def test_saved_gaps_are_well_formed_records(tmp_path: Any) -> None:
    from graph.analysis.register import gaps_graph_iri, save_gaps
    from graph.store.embedded import open_store
    from graph.validate import validate_store

    with open_store(tmp_path / "store") as store:
        load_rdf(store, FIXTURES / "analysis-tiny.ttl")
        before = gap_register(store, "testshire")
        assert save_gaps(store, before) == {"testshire": 6}
        assert save_gaps(store, gap_register(store, "testshire")) == {"testshire": 6}
        rows = store.select(
            "SELECT ?gap ?type ?partner ?g WHERE { GRAPH ?g { ?gap a sg:ExpectationGap ; "
            "sg:expectedBodyType ?type ; sg:quality lq:not-evidenced . "
            "OPTIONAL { ?gap sg:expectedPartner ?partner } } }",
            {"g": gaps_graph_iri("testshire")},
        )
        by_type = {iri.concept_key(r["type"]): r["partner"] for r in rows}
        assert len(rows) == 6
        assert by_type["cafcass"] is None  # no partner body invented
        assert by_type["hwb"] == HWB
        # saving changes nothing in the register itself
        assert gap_register(store, "testshire").gaps == before.gaps
        report = validate_store(store)
    gap_ids = {g.id for g in before.gaps}
    assert not [v for v in report.violations if v.focus in gap_ids]


READER_ONLY = """
@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix fw: <https://w3id.org/sgkg/vocab/framework/> .
@prefix b: <https://w3id.org/sgkg/id/body/readerton/> .
<https://w3id.org/sgkg/id/report/readerton/2015-01-01> a sg:Report ;
    sg:authority b:local-authority ; sg:framework fw:sif-lscb .
<https://w3id.org/sgkg/id/report/readerton/2015-01-01/para/7> a sg:Paragraph ; sg:number 7 ;
    sg:report <https://w3id.org/sgkg/id/report/readerton/2015-01-01> ;
    sg:text "The police and Cafcass attend the board." ;
    sg:mentionsBodyType bt:police, bt:cafcass, bt:lscb .
b:local-authority a sg:Body ; rdfs:label "Readerton Council" ; sg:bodyType bt:local-authority ;
    sg:authority b:local-authority .
b:lscb a sg:Body ; rdfs:label "Readerton LSCB" ; sg:bodyType bt:lscb ;
    sg:authority b:local-authority .
"""


def test_reader_only_authority_is_judged_by_its_mentions(tmp_path: Any) -> None:
    """What the reader alone gives (an authority, its LSCB, paragraphs with
    mentions, no links): the LSCB minted for the authority serves it, so the
    council's own place on its board is not listed; every other expectation is
    listed as not evidenced, mentioned or not."""
    from graph.store.embedded import open_store

    source = tmp_path / "reader-only.ttl"
    source.write_text(READER_ONLY, encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        load_rdf(store, source)
        reg = gap_register(store, "readerton")
    by_type = {g.expected_body_type: g for g in reg.gaps}
    assert "local-authority" not in by_type
    assert "lscb" not in by_type  # the LSCB exists
    assert by_type["police"].mentions == ("7",)
    assert by_type["cafcass"].basis.startswith("Cafcass: mentioned (para 7)")
    assert by_type["probation"].basis == "Probation: not mentioned in the report"
    # chair expectations are about a chair the report must first name
    assert not [g for g in reg.gaps if g.subject.endswith("/lscb-chair")]
    assert len(reg.gaps) == 21
    assert "no stated links for this authority" in reg.notes["readerton"][0]
