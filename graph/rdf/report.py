"""A parsed report (:class:`graph.reader.model.Report`) as RDF triples.

Every IRI comes from :mod:`graph.iri`, so a report read from its PDF and the
same report read from text give the same nodes, and the curated layers meet
the reader's bodies on one node. What the graph holds is described in the
README ("Report reader"); in short: the report and its inspection, the
authority and (SIF) its LSCB as bodies, the judgements with the judgement
table as evidence, sections, numbered paragraphs and citable blocks with the
body types and topics they mention, the summary lists, the area statistics
and the previous inspections.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from graph import iri
from graph import namespaces as ns
from graph.rdf.build import (
    XSD_DATE,
    XSD_DECIMAL,
    XSD_GYEAR,
    XSD_GYEARMONTH,
    Literal,
    Namespace,
    Triples,
    U,
)

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph as ox

    from graph.reader.model import Report, TextUnit

#: list kind -> the class its items take besides sg:ListItem
_ITEM_CLASSES = {
    "key-findings": "Finding",
    "strengths": "Strength",
    "areas-for-improvement": "AreaForImprovement",
    "what-needs-to-improve": "AreaForImprovement",
    "recommendations": "Recommendation",
    "priority-actions": "PriorityAction",
    "executive-summary": "ExecutiveSummary",
}
_IMPROVEMENT_LISTS = {
    "areas-for-improvement",
    "what-needs-to-improve",
    "recommendations",
    "priority-actions",
}
_FRAMEWORK_LABELS = {
    "sif-lscb": "Inspection of services for children in need of help and protection, children "
    "looked after and care leavers, and review of the Local Safeguarding Children Board",
    "sif-reinspection": "Re-inspection of services for children in need of help and protection, "
    "children looked after and care leavers",
    "ilacs": "Inspection of local authority children's services",
}
_NAME_PREFIX = re.compile(
    r"^(?:the\s+)?(?:london borough of|royal borough of|metropolitan borough of|borough of"
    r"|city of|county of)\s+",
    re.I,
)
_NAME_SUFFIX = re.compile(
    r"\s+(?:metropolitan (?:borough|district) council|borough council|city council"
    r"|county council|district council|council|city)$",
    re.I,
)


def short_name(authority_name: str) -> str:
    """ "Bournemouth Borough Council" -> "Bournemouth"; "London Borough of
    Bexley" -> "Bexley"; "Derby City" -> "Derby"."""
    name = " ".join(authority_name.split())
    for _ in range(2):
        name = _NAME_PREFIX.sub("", name)
        name = _NAME_SUFFIX.sub("", name)
    return name.strip() or authority_name


@lru_cache(maxsize=1)
def _org_classes() -> dict[str, str]:
    """Body-type key -> its W3C ORG class, from the vocabulary's sg:orgClass."""
    import pyoxigraph as ox

    from graph.resources import ontology_dir

    out: dict[str, str] = {}
    path = ontology_dir() / "vocabularies.ttl"
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == ns.SG + "orgClass" and t.subject.value.startswith(ns.BODY_TYPE):
            out[t.subject.value[len(ns.BODY_TYPE) :]] = t.object.value
    return out


def report_iri(report: Report) -> str:
    return iri.report(report.authority_key, report.key_date)


def report_graph(
    report: Report,
    *,
    sha256: str | None = None,
    source_file: str | None = None,
    source_format: str | None = None,
) -> Triples:
    """The triples of one report, ready for ``store.replace_graph``."""
    sg = Namespace(ns.SG)
    dct = Namespace(ns.DCTERMS)
    prov = Namespace(ns.PROV)
    RDF = Namespace(ns.RDF)
    RDFS = Namespace(ns.RDFS)
    g = Triples()

    def add_types(node: ox.NamedNode, *classes: str) -> None:
        for cls in classes:
            g.add((node, RDF.type, U(cls) if "/" in cls or "#" in cls else sg[cls]))

    key = report.authority_key
    R = U(report_iri(report))
    inspection = U(iri.inspection(R.value))
    la = U(iri.body(key, "local-authority"))
    area = U(iri.area(key))

    # -- the report and its inspection
    add_types(R, "Report", ns.PROV + "Entity")
    name = short_name(report.authority_name)
    published = report.published.isoformat() if report.published else None
    g.add(
        (
            R,
            RDFS.label,
            Literal(
                f"Ofsted report on {report.authority_name}"
                f" ({published or report.key_date.isoformat()})",
                lang="en",
            ),
        )
    )
    g.add((R, dct.title, Literal(_FRAMEWORK_LABELS[report.framework])))
    g.add((R, dct.publisher, Literal("Ofsted")))
    g.add((R, sg.framework, U(iri.framework(report.framework))))
    g.add((R, sg.authority, la))
    if report.published:
        g.add((R, dct.issued, Literal(report.published.isoformat(), datatype=XSD_DATE)))
    if sha256:
        g.add((R, sg.sha256, Literal(sha256)))
    if source_file:
        g.add((R, sg.sourceFile, Literal(source_file)))
    if source_format:
        g.add((R, sg.sourceFormat, Literal(source_format)))
    g.add((R, prov.wasGeneratedBy, inspection))
    add_types(inspection, "Inspection", ns.PROV + "Activity")
    g.add(
        (
            inspection,
            RDFS.label,
            Literal(f"Ofsted inspection of {name} children's services", lang="en"),
        )
    )
    g.add((inspection, sg.framework, U(iri.framework(report.framework))))
    g.add((inspection, sg.authority, la))
    g.add((inspection, sg.report, R))
    if report.start:
        g.add((inspection, sg.startDate, Literal(report.start.isoformat(), datatype=XSD_DATE)))
    if report.end:
        g.add((inspection, sg.endDate, Literal(report.end.isoformat(), datatype=XSD_DATE)))

    # -- bodies
    org = _org_classes()
    add_types(area, "Area")
    g.add((area, RDFS.label, Literal(name, lang="en")))
    add_types(la, "Body", org.get("local-authority", ns.ORG + "FormalOrganization"))
    g.add((la, RDFS.label, Literal(report.authority_name, lang="en")))
    g.add((la, sg.bodyType, U(iri.body_type("local-authority"))))
    g.add((la, sg.area, area))
    g.add((la, sg.authority, la))
    lscb = None
    if report.framework == "sif-lscb":
        lscb = U(iri.body(key, "lscb"))
        add_types(lscb, "Body", org.get("lscb", ns.ORG + "OrganizationalCollaboration"))
        joint = iri.joint_label(key, "lscb")
        g.add(
            (
                lscb,
                RDFS.label,
                Literal(joint or f"{name} Local Safeguarding Children Board", lang="en"),
            )
        )
        g.add((lscb, sg.bodyType, U(iri.body_type("lscb"))))
        g.add((lscb, sg.authority, la))
        joint_area = iri.joint_area(key, "lscb")
        if joint_area:
            ja = U(iri.area(joint_area))
            add_types(ja, "Area")
            g.add((ja, sg.includesArea, area))
            g.add((lscb, sg.area, ja))
        else:
            g.add((lscb, sg.area, area))

    def subject_body(subject: str) -> ox.NamedNode:
        return lscb if subject == "lscb" and lscb is not None else la

    # -- judgements, with the judgement table as their evidence
    table = U(iri.block(R.value, "judgement-table"))
    add_types(table, "Block", "TextUnit")
    g.add((table, sg.blockKind, Literal("judgement-table")))
    g.add((table, sg.text, Literal(report.judgement_table_text)))
    g.add((table, sg.report, R))
    g.add(
        (table, RDFS.label, Literal(f"Judgement table, {name} ({report.key_date.year})", lang="en"))
    )
    for j in report.judgements:
        node = U(iri.judgement(R.value, j.area))
        add_types(node, "Judgement")
        g.add((node, sg.judgementArea, U(iri.judgement_area(j.area))))
        g.add((node, sg.grade, U(iri.grade(j.grade))))
        g.add((node, sg.report, R))
        g.add((node, sg.subject, subject_body(j.subject)))
        g.add((node, sg.authority, la))
        g.add((node, sg.evidence, table))

    # -- sections
    for s in report.sections:
        node = U(iri.section(R.value, s.key))
        add_types(node, "Section")
        g.add((node, RDFS.label, Literal(s.title, lang="en")))
        g.add((node, sg.order, Literal(s.order)))
        g.add((node, sg.report, R))
        if s.parent:
            g.add((node, dct.isPartOf, U(iri.section(R.value, s.parent))))
        if s.area or s.part == "lscb":
            g.add((node, sg.judgementArea, U(iri.judgement_area(s.area or "lscb"))))

    # -- paragraphs and blocks
    def unit_iri(u: TextUnit) -> ox.NamedNode:
        if u.kind == "paragraph":
            return U(iri.paragraph(R.value, u.number))
        return U(iri.block(R.value, u.kind, u.number))

    sections = {s.key: s for s in report.sections}
    for order, u in enumerate([*report.paragraphs, *report.blocks], start=1):
        node = unit_iri(u)
        if u.kind == "paragraph":
            add_types(node, "Paragraph", "TextUnit")
        else:
            add_types(node, "Block", "TextUnit")
            g.add((node, sg.blockKind, Literal(u.kind)))
            g.add((node, sg.order, Literal(order)))
        g.add((node, sg.number, Literal(u.number)))
        g.add((node, sg.text, Literal(u.text)))
        g.add((node, sg.report, R))
        if u.section:
            g.add((node, sg.inSection, U(iri.section(R.value, u.section))))
            parent = sections[u.section].parent if u.section in sections else None
            if parent:
                g.add((node, sg.inSection, U(iri.section(R.value, parent))))
        if u.area:
            g.add((node, sg.judgementArea, U(iri.judgement_area(u.area))))
        for bt in u.body_types:
            g.add((node, sg.mentionsBodyType, U(iri.body_type(bt))))
        for topic in u.topics:
            g.add((node, sg.mentionsTopic, U(iri.topic(topic))))

    # -- summary lists
    for lst in report.lists:
        node = U(iri.summary_list(R.value, lst.kind, lst.subject))
        body = subject_body(lst.subject)
        add_types(node, "SummaryList")
        who = "the LSCB" if lst.subject == "lscb" else "the local authority"
        g.add(
            (node, RDFS.label, Literal(f"{lst.kind.replace('-', ' ')} ({who}), {name}", lang="en"))
        )
        g.add((node, sg.listKind, U(ns.LIST_KIND + lst.kind)))
        g.add((node, sg.subject, body))
        g.add((node, sg.report, R))
        for item in lst.items:
            item_node = unit_iri(item)
            add_types(item_node, "ListItem", _ITEM_CLASSES[lst.kind])
            g.add((item_node, sg.inList, node))
            if lst.kind in _IMPROVEMENT_LISTS:
                g.add((item_node, sg.addressedTo, body))

    # -- statistics
    for st in report.statistics:
        node = U(iri.observation(R.value, st.measure, st.qualifier))
        add_types(node, "Observation", ns.PROV + "Entity")
        g.add(
            (
                node,
                RDFS.label,
                Literal(f"{st.measure.replace('-', ' ')}, {name}: {st.value}", lang="en"),
            )
        )
        g.add((node, sg.measure, U(iri.measure(st.measure))))
        g.add((node, sg.value, Literal(st.value, datatype=XSD_DECIMAL)))
        g.add((node, sg.unit, Literal(st.unit)))
        g.add((node, sg.authority, la))
        g.add((node, sg.report, R))
        g.add((node, sg.evidence, unit_iri(st.evidence)))
        if st.ref_date:
            g.add((node, sg.refDate, Literal(st.ref_date.isoformat(), datatype=XSD_DATE)))
        if st.ref_period:
            g.add((node, sg.refPeriod, Literal(st.ref_period)))
        if st.previous_value is not None:
            g.add((node, sg.previousValue, Literal(st.previous_value, datatype=XSD_DECIMAL)))
        if st.previous_date:
            g.add((node, sg.previousDate, Literal(st.previous_date.isoformat(), datatype=XSD_DATE)))
        if st.national_average is not None:
            g.add((node, sg.nationalAverage, Literal(st.national_average, datatype=XSD_DECIMAL)))

    # -- previous inspections
    seen: set[str] = set()
    for pi in report.previous_inspections:
        what = pi.what
        key_what = iri.slug(what)
        n = 2
        while key_what in seen:
            key_what = f"{iri.slug(what)}-{n}"
            n += 1
        seen.add(key_what)
        node = U(iri.previous_inspection(R.value, key_what))
        add_types(node, "PreviousInspection")
        g.add((node, RDFS.label, Literal(f"Previous inspection of {what}", lang="en")))
        g.add((node, sg.inspectedService, Literal(what)))
        g.add((node, sg.authority, la))
        g.add((node, sg.report, R))
        g.add((node, sg.evidence, unit_iri(pi.evidence)))
        if pi.grade:
            g.add((node, sg.previousGrade, U(iri.grade(pi.grade))))
        if pi.when:
            datatype = XSD_GYEARMONTH if "-" in pi.when else XSD_GYEAR
            g.add((node, sg.previousDate, Literal(pi.when, datatype=datatype)))
            if pi.published:
                g.add((node, RDFS.comment, Literal("the report gives the month of publication")))
    return g
