"""The curated Bournemouth 2014 layer, checked against the report it was read from.

Each test reads like a sentence of the report: the LSCB is a joint board with
Poole (para 112); housing has no strategic representation on it (para 112);
its links with the Family Justice Board, the MAPPA board and the community
safety partnership are weak (paras 108, 115)... The layer is also held to the
words of the report: every quote must occur in the paragraph it cites.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from graph import iri
from graph import namespaces as ns
from graph.extract import extract_report
from graph.reader.parser import parse_report
from graph.resources import curated_dir, ontology_files, seed_report, shapes_file

SG = Namespace(ns.SG)
ORG = Namespace(ns.ORG)
LK = Namespace(ns.LINK_KIND)
LQ = Namespace(ns.LINK_QUALITY)
SKOS = Namespace(ns.SKOS)
XSD = Namespace(ns.XSD)

LAYER = curated_dir() / "bournemouth-2014.ttl"
REPORT = iri.report("bournemouth", "2014-06-30")
AREA_INFORMATION_BULLETS = 20
LAST_PARAGRAPH = 123
AREAS_FOR_IMPROVEMENT = [*range(21, 31), *range(106, 112)]

LA = URIRef(iri.body("bournemouth", "local-authority"))
POOLE = URIRef(iri.body("poole", "local-authority"))
LSCB = URIRef(iri.body("bournemouth", "lscb"))
HOUSING = URIRef(iri.body("bournemouth", "housing"))
FJB = URIRef(iri.body("pan-dorset", "family-justice-board"))
MAPPA = URIRef(iri.body("pan-dorset", "mappa-smb"))
CSP = URIRef(iri.body("bournemouth", "csp"))
LEAD_MEMBER = URIRef(iri.body("bournemouth", "lead-member"))
CHILDRENS_TRUST = URIRef(iri.body("bournemouth", "childrens-trust-board"))
HWB = URIRef(iri.body("bournemouth-and-poole", "hwb"))
CHIEF_EXECUTIVE = URIRef(iri.body("bournemouth", "chief-executive"))
CHILDRENS_SERVICES = URIRef(iri.body("bournemouth", "childrens-services"))

#: the bodies issue 5 names, as the report names them
MUST_HAVE = {
    "Bournemouth Borough Council": ("bournemouth", "local-authority", None),
    "Borough of Poole": ("poole", "local-authority", None),
    "LSCB": ("bournemouth", "lscb", None),
    "LSCB serious case review sub-group": (
        "bournemouth-and-poole",
        "lscb-subgroup",
        "serious-case-review",
    ),
    "Health and Wellbeing Board": ("bournemouth-and-poole", "hwb", None),
    "Children's Trust Board": ("bournemouth", "childrens-trust-board", None),
    "Family Justice Board": ("pan-dorset", "family-justice-board", None),
    "MAPPA Strategic Management Board": ("pan-dorset", "mappa-smb", None),
    "community safety partnership": ("bournemouth", "csp", None),
    "domestic violence strategic board": ("pan-dorset", "domestic-abuse-board", None),
    "corporate parenting panel": ("bournemouth", "corporate-parenting-panel", None),
    "overview and scrutiny committee": ("bournemouth", "scrutiny-committee", None),
    "Adoption Panel": ("bournemouth", "adoption-panel", None),
    "Edge of Care panel": ("bournemouth", "edge-of-care-panel", None),
    "MARAC": ("bournemouth", "marac", None),
    "Child Death Overview Panel": ("pan-dorset", "cdop", None),
    "Children First team (front door)": ("bournemouth", "front-door", None),
    "early help": ("bournemouth", "early-help", None),
    "Family Solutions Team": ("bournemouth", "family-support", "family-solutions-team"),
    "Turnaround": ("bournemouth", "troubled-families", None),
    "virtual school": ("bournemouth", "virtual-school", None),
    "Access to Resources team": ("bournemouth", "commissioning", None),
    "adoption service": ("bournemouth", "adoption-service", None),
    "fostering service": ("bournemouth", "fostering-service", None),
    "private fostering": ("bournemouth", "private-fostering-service", None),
    "care leavers service": ("bournemouth", "care-leavers-service", None),
    "out of hours service": ("bournemouth", "out-of-hours", None),
    "independent reviewing officers": ("bournemouth", "iro-service", None),
    "CLICK": ("bournemouth", "children-in-care-council", None),
    "police": ("bournemouth", "police", None),
    "health": ("bournemouth", "health", None),
    "CAMHS": ("pan-dorset", "camhs", None),
    "adult mental health services": ("bournemouth", "adult-mental-health", None),
    "housing": ("bournemouth", "housing", None),
    "schools": ("bournemouth", "schools", None),
    "adult services": ("bournemouth", "adult-services", None),
    "Director of Children's Services": ("bournemouth", "dcs", None),
    "Chief Executive": ("bournemouth", "chief-executive", None),
    "Lead Member": ("bournemouth", "lead-member", None),
    "chair of the LSCB": ("bournemouth-and-poole", "lscb-chair", None),
    "Principal Social Worker": ("bournemouth", "principal-social-worker", None),
    "elected members": ("bournemouth", "elected-members", None),
}


# ------------------------------------------------------------------ the report


def _squash(text: str) -> str:
    return " ".join(text.split())


@cache
def report_paragraphs() -> dict[int, str]:
    """Numbered paragraphs of the seed report, read with a deliberately simple
    rule: a paragraph starts at ``N. `` (N the next expected number) and runs on
    over lines that begin in lower case (text broken by a page)."""
    lines = seed_report().read_text(encoding="utf-8").splitlines()
    start = lines.index("Summary of key findings")
    paragraphs: dict[int, str] = {}
    current: int | None = None
    for line in lines[start:]:
        match = re.match(r"(\d{1,3})\. (.*)", line)
        if match and int(match.group(1)) == len(paragraphs) + 1:
            current = int(match.group(1))
            paragraphs[current] = match.group(2)
        elif current is not None and line[:1].islower():
            paragraphs[current] += " " + line
    return {n: _squash(text) for n, text in paragraphs.items()}


@cache
def area_information() -> dict[int, str]:
    """Top-level bullets of "Information about this local authority area", in order."""
    lines = seed_report().read_text(encoding="utf-8").splitlines()
    start = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("Information about this local authority area") and "\t" not in line
    )
    bullets: list[str] = []
    for line in lines[start + 1 :]:
        if line.startswith("Inspection judgements about the local authority"):
            break
        if line.startswith("- "):
            bullets.append(line[2:])
        elif line.startswith(" - ") and bullets:
            bullets[-1] += " " + line[3:]
    return {n: _squash(text) for n, text in enumerate(bullets, start=1)}


def text_of(unit: URIRef) -> str:
    tail = str(unit).removeprefix(REPORT + "/")
    if tail.startswith("para/"):
        return report_paragraphs()[int(tail.removeprefix("para/"))]
    if tail.startswith("block/area-information/"):
        return area_information()[int(tail.rsplit("/", 1)[1])]
    raise AssertionError(f"{unit} is not a paragraph or area-information bullet of the report")


def paragraph_number(unit: URIRef) -> int | None:
    match = re.fullmatch(re.escape(REPORT) + r"/para/(\d+)", str(unit))
    return int(match.group(1)) if match else None


def known_blocks() -> set[str]:
    blocks = {iri.block(REPORT, "judgement-table")}
    blocks |= {
        iri.block(REPORT, "area-information", n) for n in range(1, AREA_INFORMATION_BULLETS + 1)
    }
    return blocks


# ------------------------------------------------------------------- the layer


@pytest.fixture(scope="module")
def layer() -> Graph:
    return Graph().parse(LAYER, format="turtle")


@pytest.fixture(scope="module")
def vocab() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def links(layer: Graph, source: URIRef, kind: str, target: URIRef) -> URIRef:
    link = URIRef(iri.link(str(source), kind, str(target)))
    assert (link, RDF.type, SG.Link) in layer, f"no {kind} link from {source} to {target}"
    return link


def quality(layer: Graph, link: URIRef) -> str:
    return iri.concept_key(str(layer.value(link, SG.quality)))


def evidence(layer: Graph, link: URIRef) -> set[str]:
    return {str(unit) for unit in layer.objects(link, SG.evidence)}


def para(n: int) -> str:
    return iri.paragraph(REPORT, n)


def all_links(layer: Graph) -> list[URIRef]:
    return list(layer.subjects(RDF.type, SG.Link))


def all_bodies(layer: Graph) -> list[URIRef]:
    return list(layer.subjects(RDF.type, SG.Body))


# ------------------------------------------------------ the test's own reading


def test_the_report_has_123_paragraphs_and_20_area_bullets():
    paragraphs = report_paragraphs()
    assert sorted(paragraphs) == list(range(1, LAST_PARAGRAPH + 1))
    assert paragraphs[40].endswith("integration of MAPPA plans with child protection procedures.")
    assert "multi-agency risk assessment conference (MARAC)" in paragraphs[40]
    bullets = area_information()
    assert len(bullets) == AREA_INFORMATION_BULLETS
    assert bullets[18].startswith("The Executive Director of Adults and Children's Services")
    assert (
        bullets[20] == "Bournemouth Borough Council shares a joint LSCB with the Borough of Poole."
    )


# ------------------------------------------------------------------- bodies


@pytest.mark.parametrize("name", sorted(MUST_HAVE))
def test_every_named_body_exists_with_a_type_and_an_evidenced_link(layer, vocab, name):
    area, body_type, qualifier = MUST_HAVE[name]
    body = URIRef(iri.body(area, body_type, qualifier))
    assert (body, RDF.type, SG.Body) in layer, f"{name}: no body {body}"
    assert layer.value(body, RDFS.label), f"{name} has no label"
    assert layer.value(body, SG.bodyType) == URIRef(iri.body_type(body_type))
    touching = [*layer.subjects(SG.source, body), *layer.subjects(SG.target, body)]
    assert any(layer.value(link, SG.evidence) for link in touching), f"{name} has no evidenced link"


def test_every_body_is_typed_placed_and_minted_by_the_iri_scheme(layer, vocab):
    for body in all_bodies(layer):
        body_type = layer.value(body, SG.bodyType)
        assert (body_type, RDF.type, SKOS.Concept) in vocab, (
            f"{body}: unknown body type {body_type}"
        )
        org_class = vocab.value(body_type, SG.orgClass)
        assert (body, RDF.type, org_class) in layer, f"{body} should be a {org_class}"
        assert layer.value(body, RDFS.label), f"{body} has no label"
        area = layer.value(body, SG.area)
        assert (area, RDF.type, SG.Area) in layer, f"{body}: area {area} not declared"
        area_key, type_key, *name = str(body).removeprefix(ns.ID + "body/").split("/")
        assert str(area) == iri.area(area_key)
        assert type_key == iri.concept_key(str(body_type))
        assert str(body) == iri.body(area_key, type_key, name[0] if name else None)
        authorities = list(layer.objects(body, SG.authority))
        assert authorities, f"{body} serves no authority"
        for authority in authorities:
            assert layer.value(authority, SG.bodyType) == URIRef(iri.body_type("local-authority"))


def test_the_layer_meets_the_reader_on_the_council_and_the_lscb(layer):
    assert layer.value(LA, RDFS.label) == Literal("Bournemouth Borough Council", lang="en")
    assert str(layer.value(LSCB, RDFS.label)) == iri.joint_label("bournemouth", "lscb")
    assert len(list(layer.subjects(SG.bodyType, URIRef(iri.body_type("lscb"))))) == 1


#: body types served by a joint body for Bournemouth (data/joint-bodies.tsv)
JOINT_TYPES = [
    "lscb",
    "lscb-chair",
    "lay-member",
    "hwb",
    "cdop",
    "domestic-abuse-board",
    "family-justice-board",
    "mappa-smb",
    "camhs",
]


@pytest.mark.parametrize("body_type", JOINT_TYPES)
def test_a_joint_body_is_one_node_whichever_authority_names_it(layer, body_type):
    body = URIRef(iri.body("bournemouth", body_type))
    assert (body, RDF.type, SG.Body) in layer, f"{body_type}: {body} not in the layer"
    assert str(layer.value(body, RDFS.label)) == iri.joint_label("bournemouth", body_type)
    assert iri.body("poole", body_type) == str(body)
    authorities = set(layer.objects(body, SG.authority))
    assert {LA, POOLE} <= authorities, f"{body_type} should serve Bournemouth and Poole"


# -------------------------------------------------- what the report says, link by link


def test_the_lscb_is_a_joint_board_with_poole(layer):
    joint = URIRef(iri.area("bournemouth-and-poole"))
    assert layer.value(LSCB, SG.area) == joint
    assert set(layer.objects(joint, SG.includesArea)) == {
        URIRef(iri.area("bournemouth")),
        URIRef(iri.area("poole")),
    }
    assert set(layer.objects(LSCB, SG.authority)) == {LA, POOLE}
    link = links(layer, LA, "joint-arrangement-with", POOLE)
    assert quality(layer, link) == "effective"
    assert {para(112), iri.block(REPORT, "area-information", 20)} <= evidence(layer, link)
    for council in (LA, POOLE):
        assert quality(layer, links(layer, LSCB, "serves", council)) == "stated"


def test_housing_has_no_strategic_representation_on_the_lscb(layer):
    link = links(layer, HOUSING, "member-of", LSCB)
    assert quality(layer, link) == "absent"
    assert para(112) in evidence(layer, link)
    assert (HOUSING, ORG.memberOf, LSCB) not in layer, (
        "an absent link must not be asserted as a plain triple"
    )
    area_for_improvement = URIRef(para(111))
    assert (area_for_improvement, SG.addressedTo, HOUSING) in layer
    assert (area_for_improvement, SG.answers, link) in layer


@pytest.mark.parametrize(
    "board", [FJB, MAPPA, CSP], ids=["family-justice-board", "mappa-smb", "csp"]
)
def test_the_lscb_links_with_fjb_mappa_board_and_csp_are_weak(layer, board):
    link = links(layer, LSCB, "works-with", board)
    assert quality(layer, link) == "weak"
    assert {para(108), para(115)} <= evidence(layer, link)
    assert (URIRef(para(108)), SG.answers, link) in layer
    assert (URIRef(para(108)), SG.addressedTo, board) in layer


def test_the_lead_member_observes_the_lscb_and_chairs_the_childrens_trust_board(layer):
    observer = links(layer, LEAD_MEMBER, "observer-of", LSCB)
    chair = links(layer, LEAD_MEMBER, "chairs", CHILDRENS_TRUST)
    for link in (observer, chair):
        assert quality(layer, link) == "effective"
        assert evidence(layer, link) == {para(121)}
    assert (LEAD_MEMBER, SG.observerOf, LSCB) in layer
    assert (LEAD_MEMBER, SG.chairs, CHILDRENS_TRUST) in layer


def test_the_annual_report_does_not_meet_statutory_requirements(layer):
    link = links(layer, LSCB, "annual-report-to", CHIEF_EXECUTIVE)
    assert quality(layer, link) == "weak"
    assert evidence(layer, link) == {para(117)}


def test_scrutiny_by_elected_members_is_weak(layer):
    members = URIRef(iri.body("bournemouth", "elected-members"))
    link = links(layer, members, "scrutinises", CHILDRENS_SERVICES)
    assert quality(layer, link) == "weak"
    assert para(104) in evidence(layer, link)
    committee = links(
        layer,
        URIRef(iri.body("bournemouth", "scrutiny-committee")),
        "scrutinises",
        CHILDRENS_SERVICES,
    )
    assert quality(layer, committee) == "weak"


def test_the_lscb_shares_an_early_help_plan_and_reports_to_the_other_boards(layer):
    plan = links(layer, LSCB, "shares-plan-with", CHILDRENS_TRUST)
    assert quality(layer, plan) == "effective" and evidence(layer, plan) == {para(114)}
    for board in (CHILDRENS_TRUST, HWB):
        reporting = links(layer, LSCB, "reports-to", board)
        assert quality(layer, reporting) == "effective" and evidence(layer, reporting) == {
            para(114)
        }


def test_the_child_death_panel_and_the_serious_case_review_sub_group(layer):
    cdop = links(layer, URIRef(iri.body("pan-dorset", "cdop")), "reports-to", LSCB)
    assert evidence(layer, cdop) == {para(120)}
    sub_group = URIRef(iri.body("bournemouth-and-poole", "lscb-subgroup", "serious-case-review"))
    assert evidence(layer, links(layer, sub_group, "sub-group-of", LSCB)) == {para(119)}


# ---------------------------------------------------------- every link, every citation


def test_every_link_is_complete_and_minted_by_the_iri_scheme(layer, vocab):
    assert len(all_links(layer)) >= 100
    for link in all_links(layer):
        kinds = list(layer.objects(link, SG.linkKind))
        qualities = list(layer.objects(link, SG.quality))
        sources = list(layer.objects(link, SG.source))
        targets = list(layer.objects(link, SG.target))
        assert len(kinds) == len(qualities) == len(sources) == len(targets) == 1, link
        kind, link_quality, source, target = kinds[0], qualities[0], sources[0], targets[0]
        assert str(link) == iri.link(str(source), str(kind), str(target)), (
            f"{link} is not iri.link(...)"
        )
        assert (source, RDF.type, SG.Body) in layer and (target, RDF.type, SG.Body) in layer, link
        assert list(layer.objects(link, SG.evidence)), f"{link} has no evidence"
        assert list(layer.objects(link, SG.quote)), f"{link} has no quote"
        assert layer.value(link, SG.authority) == LA
        direct = vocab.value(kind, SG.directProperty)
        assert direct is not None, f"{kind} has no direct property"
        if link_quality == LQ.absent:
            assert (source, direct, target) not in layer, f"absent {link} asserted as a triple"
        else:
            assert (source, direct, target) in layer, f"{link} lacks its plain triple {direct}"


def test_every_citation_is_a_paragraph_or_block_of_the_report(layer):
    citing = [SG.evidence, SG.answers]
    cited = {o for p in citing for o in layer.objects(None, p) if str(o).startswith(REPORT)}
    cited |= {s for p in (SG.addressedTo, SG.concerns) for s in layer.subjects(p, None)}
    assert cited
    for unit in cited:
        number = paragraph_number(unit)
        if number is None:
            assert str(unit) in known_blocks(), f"{unit} is no known block"
        else:
            assert 1 <= number <= LAST_PARAGRAPH, f"{unit} is out of range"


def test_every_quote_is_in_the_words_of_its_evidence(layer):
    for link in all_links(layer):
        texts = [text_of(unit) for unit in layer.objects(link, SG.evidence)]
        for quote in layer.objects(link, SG.quote):
            assert any(_squash(str(quote)) in text for text in texts), (
                f"{link}: {quote!r} not in its evidence"
            )


def test_every_area_for_improvement_is_addressed_to_a_body_and_answers_something(layer):
    link_nodes = set(all_links(layer))
    for n in AREAS_FOR_IMPROVEMENT:
        item = URIRef(para(n))
        bodies = list(layer.objects(item, SG.addressedTo))
        assert bodies, f"area for improvement {n} is addressed to no body"
        assert all((body, RDF.type, SG.Body) in layer for body in bodies)
        answered = list(layer.objects(item, SG.answers))
        assert answered, f"area for improvement {n} answers nothing"
        for thing in answered:
            assert thing in link_nodes or paragraph_number(thing), f"{n} answers {thing}"


def test_the_layer_covers_every_paragraph(layer):
    cited = {o for o in layer.objects(None, SG.evidence)}
    cited |= {s for p in (SG.addressedTo, SG.concerns) for s in layer.subjects(p, None)}
    numbers = {paragraph_number(unit) for unit in cited} - {None}
    assert numbers == set(range(1, LAST_PARAGRAPH + 1)), sorted(
        set(range(1, LAST_PARAGRAPH + 1)) - numbers
    )


# --------------------------------------------------------------------- SHACL


def report_stub() -> Graph:
    """The report's paragraphs and bullets as the reader mints them (stand-in
    until the reader's own graph can be used here)."""
    graph = Graph()
    report = URIRef(REPORT)
    graph.add((report, RDF.type, SG.Report))
    for n, text in report_paragraphs().items():
        unit = URIRef(para(n))
        graph.add((unit, RDF.type, SG.Paragraph))
        graph.add((unit, SG.report, report))
        graph.add((unit, SG.number, Literal(n, datatype=XSD.integer)))
        graph.add((unit, SG.text, Literal(text)))
    for n, text in area_information().items():
        unit = URIRef(iri.block(REPORT, "area-information", n))
        graph.add((unit, RDF.type, SG.Block))
        graph.add((unit, SG.report, report))
        graph.add((unit, SG.text, Literal(text)))
    return graph


def test_the_layer_conforms_to_the_shapes(vocab):
    pyshacl = pytest.importorskip("pyshacl")
    data = report_stub()
    data.parse(LAYER, format="turtle")
    shapes = Graph().parse(shapes_file(), format="turtle")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=vocab, inference="rdfs"
    )
    assert conforms, text


def test_the_quotes_are_also_in_the_readers_text(layer):
    """The reader and the layer meet on the same words: every quote is in the
    text the report reader gives the cited paragraph or area bullet."""
    report = extract_report(parse_report(seed_report().read_text(encoding="utf-8")))
    bullets = {b.number: b.text for b in report.blocks if b.kind == "area-information"}
    assert len(bullets) == AREA_INFORMATION_BULLETS

    def reader_text(unit: URIRef) -> str:
        number = paragraph_number(unit)
        if number is not None:
            return _squash(report.paragraph(number).text)
        return _squash(bullets[int(str(unit).rsplit("/", 1)[1])])

    for link in all_links(layer):
        texts = [reader_text(unit) for unit in layer.objects(link, SG.evidence)]
        for quote in layer.objects(link, SG.quote):
            assert any(_squash(str(quote)) in text for text in texts), f"{link}: {quote!r}"
