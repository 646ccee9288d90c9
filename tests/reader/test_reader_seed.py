"""The report reader on the shipped seed, Bournemouth 2014 (issue 3 and 4).

What the issues ask of the seed, asserted on the parsed report and on the
graph in a store: judgements, paragraphs 1-123, the two lists of areas for
improvement, paragraph 115 and what it mentions, every figure of
"Information about this local authority area", the previous inspections.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph import iri
from graph.extract import extract_report
from graph.reader.parser import Report, parse_report
from graph.resources import seed_report

REPORT = iri.report("bournemouth", "2014-06-30")


@pytest.fixture(scope="module")
def seed() -> Report:
    return extract_report(parse_report(seed_report().read_text(encoding="utf-8"), "seed"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    from graph.ingest import ingest_report
    from graph.store.embedded import open_store

    with open_store(tmp_path_factory.mktemp("seed") / "store") as s:
        ingest_report(s, seed_report())
        yield s


def test_metadata(seed: Report) -> None:
    assert seed.authority_name == "Bournemouth Borough Council"
    assert seed.authority_key == "bournemouth"
    assert seed.framework == "sif-lscb"
    assert seed.published == date(2014, 6, 30)
    assert (seed.start, seed.end) == (date(2014, 4, 30), date(2014, 5, 21))


def test_judgements(seed: Report) -> None:
    grades = {j.area: j.grade for j in seed.judgements}
    assert grades == {
        "overall": "requires-improvement",
        "help-and-protection": "requires-improvement",
        "looked-after": "requires-improvement",
        "adoption": "good",
        "care-leavers": "requires-improvement",
        "leadership": "requires-improvement",
        "lscb": "requires-improvement",
    }
    assert seed.judgement("lscb").subject == "lscb"


def test_paragraphs_are_1_to_123_without_leftovers(seed: Report) -> None:
    assert [p.number for p in seed.paragraphs] == list(range(1, 124))
    for p in seed.paragraphs:
        assert p.text, p.number
        assert "**" not in p.text and "¹" not in p.text and "²" not in p.text
    # paragraph 40 runs on after a page break in the seed text
    assert "risk assessment conference (MARAC)" in seed.paragraph(40).text


def test_summary_lists_keep_la_and_lscb_apart(seed: Report) -> None:
    def numbers(kind: str, subject: str) -> list[int]:
        found = seed.summary_list(kind, subject)
        assert found is not None, (kind, subject)
        return [item.number for item in found.items]

    assert numbers("key-findings", "local-authority") == list(range(1, 11))
    assert numbers("strengths", "local-authority") == list(range(11, 21))
    assert numbers("areas-for-improvement", "local-authority") == list(range(21, 31))
    assert numbers("areas-for-improvement", "lscb") == list(range(106, 112))


def test_paragraph_115_sits_in_the_lscb_review_and_names_three_boards(seed: Report) -> None:
    p = seed.paragraph(115)
    assert p.text.startswith("Links with the local Family Justice Board")
    assert p.part == "lscb" and p.area == "lscb"
    section = next(s for s in seed.sections if s.key == p.section)
    assert section.parent == "lscb"
    assert {"family-justice-board", "mappa-smb", "csp"} <= set(p.body_types)


def test_area_information_bullets(seed: Report) -> None:
    bullets = [b for b in seed.blocks if b.kind == "area-information"]
    assert [b.number for b in bullets] == list(range(1, 21))
    assert bullets[0].heading == "Children living in this area"
    assert (
        bullets[19].text
        == "Bournemouth Borough Council shares a joint LSCB with the Borough of Poole."
    )
    # sub-bullets belong to their parent bullet
    assert bullets[2].sub_items == [
        "in primary schools is 14.9% (the national average is 18.1%)",
        "in secondary schools is 11.6% (the national average is 15.1%).",
    ]


EXPECTED_FIGURES = {
    # measure: (value, unit, evidence bullet, ref date, previous value, previous date, national)
    "children-under-18": ("32800", "children", 1, None, None, None, None),
    "children-in-poverty": ("19.4", "percent", 2, None, None, None, None),
    "fsm-primary": ("14.9", "percent", 3, None, None, None, "18.1"),
    "fsm-secondary": ("11.6", "percent", 3, None, None, None, "15.1"),
    "minority-ethnic": ("11.8", "percent", 4, None, None, None, "21.6"),
    "eal-primary": ("14.9", "percent", 6, None, None, None, "18.1"),
    "eal-secondary": ("11.6", "percent", 6, None, None, None, "13.6"),
    "children-in-need": ("1661", "children", 7, date(2014, 3, 31), "1406", date(2013, 3, 31), None),
    "child-protection-plans": (
        "236",
        "children",
        8,
        date(2014, 3, 31),
        "215",
        date(2013, 3, 31),
        None,
    ),
    "privately-fostered": ("75", "children", 9, date(2014, 3, 31), "52", date(2013, 3, 31), None),
    "looked-after": ("289", "children", 10, None, None, None, None),
    "looked-after-out-of-area": ("140", "children", 10, None, None, None, None),
    "adoptions": ("22", "children", 11, None, None, None, None),
    "special-guardianship-orders": ("5", "children", 11, None, None, None, None),
    "ceased-looked-after": ("120", "children", 11, None, None, None, None),
    "children-share-of-population": ("17.6", "percent", 1, None, None, None, None),
    "residential-homes": ("27", "children", 10, None, None, None, None),
    "residential-special-schools": ("13", "children", 10, None, None, None, None),
    "foster-families": ("226", "children", 10, None, None, None, None),
    "placed-with-parents": ("2", "children", 10, None, None, None, None),
    "uasc": ("0", "children", 10, None, None, None, None),  # "No children are ..."
    "returned-to-care": ("18", "percent", 11, None, None, None, None),
    "ceased-to-independent-living": ("15", "children", 11, None, None, None, None),
    "ceased-to-hmo": ("7", "children", 11, None, None, None, None),
}
# Not modelled as statistics: the narrative figures of bullet 5 (1,941 children
# classified 'White Other', "just over 20%" of them in hospitality work) and the
# shares inside the placement sub-bullets ("of whom 59% live out of the authority
# area", "25% of these children live more than 20 miles away").


def test_every_figure_of_the_area_information(seed: Report) -> None:
    found = {s.measure: s for s in seed.statistics}
    assert set(found) == set(EXPECTED_FIGURES)
    for measure, (value, unit, bullet, ref, prev, prev_date, national) in EXPECTED_FIGURES.items():
        s = found[measure]
        got = (s.value, s.unit, s.evidence.number, s.ref_date, s.previous_value, s.previous_date)
        assert got == (value, unit, bullet, ref, prev, prev_date), measure
        assert s.national_average == national, measure
    assert found["adoptions"].ref_period == "in the last 12 months"
    assert found["looked-after"].ref_period == "at the time of the inspection"
    assert found["foster-families"].ref_period == "at the time of the inspection"
    assert all(s.qualifier is None for s in seed.statistics)  # one figure per measure


def test_previous_inspections(seed: Report) -> None:
    found = {(p.what, p.when, p.grade) for p in seed.previous_inspections}
    assert found == {
        ("children's homes operated by the local authority", None, "good"),
        ("Bournemouth's safeguarding arrangements", "2011-04", "good"),
        ("Bournemouth's services for looked after children", "2011-04", "good"),
        ("fostering", "2012-10", "good"),
        ("adoption", "2012-02", "outstanding"),
        ("private fostering", "2012-12", "inadequate"),
    }


# ------------------------------------------------------------------ in the store


def test_sparql_bournemouth_judgements(store) -> None:
    rows = store.select(
        """SELECT ?r ?area ?grade WHERE {
             ?j a sg:Judgement ; sg:report ?r ; sg:judgementArea ?a ; sg:grade ?g .
             BIND(STRAFTER(STR(?a), "judgement-area/") AS ?area)
             BIND(STRAFTER(STR(?g), "grade/") AS ?grade) }""",
        {"r": REPORT},
    )
    assert {r["area"]: r["grade"] for r in rows}["adoption"] == "good"
    assert len(rows) == 7


def test_sparql_text_of_paragraph_115(store) -> None:
    rows = store.select(
        "SELECT ?r ?text WHERE { ?p sg:text ?text ; sg:number 115 ; sg:report ?r }", {"r": REPORT}
    )
    assert len(rows) == 1 and "Multi Agency Public Protection Arrangements" in rows[0]["text"]


def test_sparql_paragraphs_mentioning_the_family_justice_board(store) -> None:
    rows = store.select(
        "SELECT ?n WHERE { ?p sg:mentionsBodyType bt:family-justice-board ; sg:number ?n }"
    )
    assert {r["n"] for r in rows} >= {108, 115}


def test_statistics_are_typed_observations(store) -> None:
    rows = store.select(
        """SELECT ?r ?value ?prev ?ev ?auth WHERE {
             ?o a sg:Observation ; sg:measure measure:children-in-need ; sg:value ?value ;
                sg:previousValue ?prev ; sg:evidence ?ev ; sg:authority ?auth ; sg:report ?r }""",
        {"r": REPORT},
    )
    assert rows == [
        {
            "r": REPORT,
            "value": 1661,
            "prev": 1406,
            "ev": iri.block(REPORT, "area-information", 7),
            "auth": iri.body("bournemouth", "local-authority"),
        }
    ]
    datatype = store.select(
        "SELECT (DATATYPE(?v) AS ?t) WHERE { ?o sg:measure measure:fsm-primary ; sg:value ?v }"
    )
    assert datatype == [{"t": "http://www.w3.org/2001/XMLSchema#decimal"}]
    assert Decimal("14.9") == Decimal(
        str(
            store.select("SELECT ?v WHERE { ?o sg:measure measure:fsm-primary ; sg:value ?v }")[0][
                "v"
            ]
        )
    )


def test_the_lscb_is_the_joint_board(store) -> None:
    rows = store.select(
        "SELECT DISTINCT ?label WHERE { ?j sg:judgementArea area:lscb ; sg:subject ?b ."
        " ?b rdfs:label ?label }"
    )
    assert rows == [{"label": "Bournemouth and Poole Local Safeguarding Children Board"}]


def test_the_graph_conforms_to_the_shapes(seed: Report) -> None:
    import pyshacl
    import rdflib

    from graph.rdf.report import report_graph
    from graph.resources import ontology_dir, shapes_file

    built = report_graph(seed, sha256="0" * 64, source_file="seed.txt", source_format="text")
    data = rdflib.Graph().parse(data=built.turtle(), format="turtle")
    for name in ("safeguarding.ttl", "vocabularies.ttl"):
        data.parse(ontology_dir() / name)
    shapes = rdflib.Graph().parse(shapes_file())
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes)
    assert conforms, text
