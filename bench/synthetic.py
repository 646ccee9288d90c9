"""Build a realistic synthetic store in sgkg's own vocabulary, for benchmarks.

About 150 authorities, each with its bodies (council, LSCB and sub-groups,
boards, services, partner agencies, posts), links with qualities and evidence,
one SIF report with numbered paragraphs (with mentions), judgements, areas for
improvement and statistics. With the defaults the store holds about 1M triples.

    python bench/synthetic.py /tmp/sgkg-synth            # ~1M triples
    python bench/synthetic.py /tmp/sgkg-small --authorities 25

Everything is minted with graph.iri, so the named queries, the analysis and
the explorer run on it exactly as on real data.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import iri
from graph import namespaces as ns

# (body type, label pattern, org class)
CORE_BODIES = [
    ("local-authority", "{A} Council", "FormalOrganization"),
    ("lscb", "{A} Local Safeguarding Children Board", "OrganizationalCollaboration"),
    ("hwb", "{A} Health and Wellbeing Board", "OrganizationalCollaboration"),
    ("childrens-trust-board", "{A} Children's Trust Board", "OrganizationalCollaboration"),
    ("family-justice-board", "{A} Family Justice Board", "OrganizationalCollaboration"),
    ("mappa-smb", "{A} MAPPA Strategic Management Board", "OrganizationalCollaboration"),
    ("csp", "{A} Community Safety Partnership", "OrganizationalCollaboration"),
    ("safeguarding-adults-board", "{A} Safeguarding Adults Board", "OrganizationalCollaboration"),
    ("corporate-parenting-panel", "{A} corporate parenting panel", "OrganizationalCollaboration"),
    ("scrutiny-committee", "{A} overview and scrutiny committee", "OrganizationalCollaboration"),
    ("cdop", "{A} Child Death Overview Panel", "OrganizationalCollaboration"),
    ("marac", "{A} MARAC", "OrganizationalCollaboration"),
    ("mash", "{A} multi-agency safeguarding hub", "OrganizationalCollaboration"),
    ("childrens-services", "{A} children's services", "OrganizationalUnit"),
    ("early-help", "{A} early help service", "OrganizationalUnit"),
    ("virtual-school", "{A} virtual school", "OrganizationalUnit"),
    ("adoption-service", "{A} adoption service", "OrganizationalUnit"),
    ("fostering-service", "{A} fostering service", "OrganizationalUnit"),
    ("care-leavers-service", "{A} leaving care service", "OrganizationalUnit"),
    ("iro-service", "{A} independent reviewing service", "OrganizationalUnit"),
    ("out-of-hours", "{A} out of hours service", "OrganizationalUnit"),
    ("housing", "{A} housing services", "OrganizationalUnit"),
    ("camhs", "{A} CAMHS", "OrganizationalUnit"),
    ("adult-services", "{A} adult social care", "OrganizationalUnit"),
    ("yot", "{A} youth offending team", "OrganizationalUnit"),
    ("police", "{A} Police", "FormalOrganization"),
    ("ccg", "{A} Clinical Commissioning Group", "FormalOrganization"),
    ("nhs-trust", "{A} NHS Foundation Trust", "FormalOrganization"),
    ("probation", "{A} National Probation Service", "FormalOrganization"),
    ("schools", "{A} schools", "FormalOrganization"),
    ("dcs", "{A} Director of Children's Services", "Post"),
    ("chief-executive", "{A} Chief Executive", "Post"),
    ("lead-member", "{A} Lead Member for children's services", "Post"),
    ("lscb-chair", "{A} LSCB chair", "Post"),
    ("principal-social-worker", "{A} Principal Social Worker", "Post"),
]
EXTRA_UNIT_NAMES = [
    "assessment",
    "child protection",
    "children in need",
    "disabled children",
    "family support",
    "edge of care",
    "placements",
    "commissioning",
    "quality assurance",
    "missing",
    "exploitation",
    "court",
]
SUBGROUPS = [
    "serious case review",
    "training",
    "performance and quality",
    "CSE and missing",
    "policy and procedures",
    "learning and improvement",
]
KINDS = [
    "reports-to",
    "accountable-to",
    "member-of",
    "chairs",
    "observer-of",
    "commissions",
    "scrutinises",
    "works-with",
    "shares-information-with",
    "shares-plan-with",
    "annual-report-to",
    "sub-group-of",
]
QUALITIES = ["effective"] * 4 + ["stated"] * 4 + ["developing"] * 2 + ["weak"] * 2 + ["absent"]
DIRECT = {
    "reports-to": ns.ORG + "reportsTo",
    "accountable-to": ns.SG + "accountableTo",
    "member-of": ns.ORG + "memberOf",
    "chairs": ns.SG + "chairs",
    "observer-of": ns.SG + "observerOf",
    "commissions": ns.SG + "commissions",
    "scrutinises": ns.SG + "scrutinises",
    "works-with": ns.SG + "worksWith",
    "shares-information-with": ns.SG + "sharesInformationWith",
    "shares-plan-with": ns.SG + "sharesPlanWith",
    "annual-report-to": ns.SG + "annualReportTo",
    "sub-group-of": ns.SG + "subGroupOf",
}
WORDS = (
    "children young people families social workers managers partners board services "
    "protection plans assessments oversight quality timely effective insufficient "
    "improving strategic arrangements performance data audit learning review thresholds "
    "early help housing police health schools placements permanence care leavers"
).split()
AREAS = ["help-and-protection", "looked-after", "adoption", "care-leavers", "leadership"]
GRADES = ["outstanding", "good", "requires-improvement", "inadequate"]
MENTION_TYPES = [
    "lscb",
    "police",
    "housing",
    "hwb",
    "family-justice-board",
    "mappa-smb",
    "csp",
    "camhs",
    "schools",
    "health",
    "yot",
    "probation",
]
TOPICS = [
    "cse",
    "missing",
    "housing",
    "domestic-abuse",
    "mental-health",
    "workforce",
    "early-help",
    "private-fostering",
]


PREVIOUS = ["safeguarding", "looked after children", "adoption", "fostering"]


def authority_names(n: int) -> list[str]:
    stems = ["North", "South", "East", "West", "Upper", "Lower", "Greater", "Old", "New", "Great"]
    places = [
        "Ashford",
        "Bramley",
        "Carlow",
        "Denholm",
        "Elmstead",
        "Fairby",
        "Glenmore",
        "Hartwell",
        "Ivybridge",
        "Jarrow",
        "Kingsley",
        "Langford",
        "Marston",
        "Norbury",
        "Oakham",
    ]
    names = [f"{s} {p}" for p in places for s in stems]
    return names[:n]


def extraction_quads(
    report: str,
    key: str,
    la: Any,
    curated: list[tuple[Any, str, Any]],
    bodies: list[tuple[Any, str]],
    paras: list[Any],
    count: int,
    rng: random.Random,
) -> list[Any]:
    """What the link extractor writes for one report (as graph/rdf/extraction.py
    does): an ``sg:Extraction`` run in the report's extraction graph, ``count``
    links it generated (half restating a curated link of the report with a
    quality of their own, half new) and two bodies only the extractor names."""
    import hashlib

    import pyoxigraph as ox

    N, L = ox.NamedNode, ox.Literal
    extractor = "sgkg-rules"
    graph = N(ns.GRAPHS + "extraction/" + report.removeprefix(f"{ns.ID}report/"))
    run = N(f"{report}/extraction/{extractor}")
    quads = []

    def add(s: Any, p: str, o: Any) -> None:
        quads.append(ox.Quad(s, N(p), o, graph))

    add(run, ns.RDF + "type", N(ns.SG + "Extraction"))
    add(run, ns.RDF + "type", N(ns.PROV + "Activity"))
    add(run, ns.SG + "extractor", L(extractor))
    add(run, ns.PROV + "used", N(report))
    add(run, ns.SG + "authority", la)
    area = N(iri.area(key))
    only_extracted = []
    for n in range(2):
        b = N(iri.body(key, "voluntary-sector", f"extracted {n}"))
        add(b, ns.RDF + "type", N(ns.SG + "Body"))
        add(b, ns.RDF + "type", N(ns.ORG + "FormalOrganization"))
        add(b, ns.RDFS + "label", L(f"{key} voluntary sector group {n}", language="en"))
        add(b, ns.SG + "bodyType", N(iri.body_type("voluntary-sector")))
        add(b, ns.SG + "area", area)
        add(b, ns.SG + "authority", la)
        only_extracted.append((b, "voluntary-sector"))
    everyone = bodies + only_extracted
    for n in range(count):
        if n % 2 == 0 and curated:
            s, kind, t = rng.choice(curated)
        else:
            (s, _), (t, _) = rng.sample(everyone, 2)
            kind = rng.choice(KINDS)
        quality = rng.choice(QUALITIES)
        parts = (extractor, report, s.value, kind, t.value, quality)
        digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
        link = N(f"{ns.ID}link/extracted/{digest}")
        add(link, ns.RDF + "type", N(ns.SG + "Link"))
        add(link, ns.SG + "linkKind", N(iri.link_kind(kind)))
        add(link, ns.SG + "quality", N(iri.link_quality(quality)))
        add(link, ns.SG + "source", s)
        add(link, ns.SG + "target", t)
        add(link, ns.SG + "authority", la)
        add(link, ns.SG + "evidence", rng.choice(paras))
        add(link, ns.SG + "quote", L(" ".join(rng.choice(WORDS) for _ in range(8))))
        add(link, ns.PROV + "wasGeneratedBy", run)
        add(link, ns.SG + "method", L("rule"))
    return quads


def build(
    path: str | Path,
    authorities: int = 150,
    paragraphs: int = 280,
    seed: int = 7,
    links_per_authority: int = 420,
    extracted: int = 0,
) -> dict[str, int]:
    """Write the synthetic store at ``path``; returns counts.

    ``extracted`` links per authority are also written as the link extractor
    writes them (see :func:`extraction_quads`): half restate a curated link of
    the report (which then wins over them), half are new."""
    import pyoxigraph as ox

    from graph.store.embedded import open_store

    rng = random.Random(seed)
    N, L = ox.NamedNode, ox.Literal
    RDF_TYPE, LABEL = N(ns.RDF + "type"), N(ns.RDFS + "label")
    XINT, XDATE = N(ns.XSD + "integer"), N(ns.XSD + "date")

    def sg(local: str) -> ox.NamedNode:
        return N(ns.SG + local)

    store = open_store(path)
    total_links = total_extracted = 0
    for i, name in enumerate(authority_names(authorities)):
        key = iri.authority_key(name)
        published = date(2014, 6, 1) + timedelta(days=7 * i)
        report = iri.report(key, published)
        g = N(iri.report_graph(report))
        quads: list[ox.Quad] = []
        extra_rng = random.Random(seed * 1000 + i)

        def add(s, p, o, quads=quads, g=g):
            quads.append(ox.Quad(s, p, o, g))

        la = N(iri.body(key, "local-authority"))
        area_node = N(iri.area(key))
        add(area_node, RDF_TYPE, sg("Area"))
        add(area_node, LABEL, L(name))
        bodies: list[tuple[ox.NamedNode, str]] = []

        def body(
            btype,
            label,
            org_class,
            qualifier=None,
            bodies=bodies,
            key=key,
            area_node=area_node,
            la=la,
        ):
            b = N(iri.body(key, btype, qualifier))
            add(b, RDF_TYPE, sg("Body"))
            add(b, RDF_TYPE, N(ns.ORG + org_class))
            add(b, LABEL, L(label))
            add(b, sg("bodyType"), N(iri.body_type(btype)))
            add(b, sg("area"), area_node)
            add(b, sg("authority"), la)
            bodies.append((b, btype))
            return b

        for btype, pattern, oc in CORE_BODIES:
            body(btype, pattern.format(A=name), oc)
        lscb = N(iri.body(key, "lscb"))
        for sub in SUBGROUPS:
            label = f"{name} LSCB {sub} sub-group"
            body("lscb-subgroup", label, "OrganizationalCollaboration", sub)
        for unit in EXTRA_UNIT_NAMES:
            body("social-work-team", f"{name} {unit} team", "OrganizationalUnit", unit)

        # report skeleton
        rep = N(report)
        add(rep, RDF_TYPE, sg("Report"))
        add(rep, N(ns.DCTERMS + "title"), L(f"{name}: inspection of children's services"))
        add(rep, N(ns.DCTERMS + "issued"), L(published.isoformat(), datatype=XDATE))
        add(rep, sg("authority"), la)
        add(rep, sg("framework"), N(iri.framework("sif-lscb")))
        insp = N(iri.inspection(report))
        add(insp, RDF_TYPE, sg("Inspection"))
        add(rep, N(ns.PROV + "wasGeneratedBy"), insp)
        table = N(iri.block(report, "judgement-table"))
        add(table, RDF_TYPE, sg("Block"))
        add(table, sg("report"), rep)
        add(table, sg("blockKind"), L("judgement-table"))
        add(table, sg("text"), L("Judgement table"))
        for a in ["overall", *AREAS, "lscb"]:
            j = N(iri.judgement(report, a))
            add(j, RDF_TYPE, sg("Judgement"))
            add(j, sg("report"), rep)
            add(j, sg("subject"), lscb if a == "lscb" else la)
            add(j, sg("judgementArea"), N(iri.judgement_area(a)))
            add(j, sg("grade"), N(iri.grade(rng.choice(GRADES))))
            add(j, sg("evidence"), table)
        sections = {}
        for s_key in ["summary", *AREAS, "lscb"]:
            s = N(iri.section(report, s_key))
            add(s, RDF_TYPE, sg("Section"))
            add(s, sg("report"), rep)
            add(s, LABEL, L(s_key.replace("-", " ")))
            sections[s_key] = s
        paras = []
        for n in range(1, paragraphs + 1):
            p = N(iri.paragraph(report, n))
            paras.append(p)
            add(p, RDF_TYPE, sg("Paragraph"))
            add(p, sg("report"), rep)
            add(p, sg("number"), L(str(n), datatype=XINT))
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90)))
            add(p, sg("text"), L(words.capitalize() + "."))
            s_key = (
                "summary"
                if n <= 30
                else ("lscb" if n > paragraphs - 25 else AREAS[(n - 31) * 5 // (paragraphs - 55)])
            )
            add(p, sg("inSection"), sections[s_key])
            if s_key in AREAS:
                add(p, sg("judgementArea"), N(iri.judgement_area(s_key)))
            for t in rng.sample(MENTION_TYPES, 2):
                add(p, sg("mentionsBodyType"), N(iri.body_type(t)))
            add(p, sg("mentionsTopic"), N(iri.topic(rng.choice(TOPICS))))
            if 21 <= n <= 30 or n > paragraphs - 6:
                add(p, RDF_TYPE, sg("AreaForImprovement"))
                add(p, sg("addressedTo"), lscb if n > 30 else la)
            if n <= 20:  # key findings and strengths, each about one body
                add(p, sg("concerns"), extra_rng.choice(bodies)[0])
        # previous inspections the report lists (own generator: the links stay as they were)
        for j, what in enumerate(PREVIOUS, start=1):
            b = N(iri.block(report, "other-inspections", j))
            add(b, RDF_TYPE, sg("Block"))
            add(b, sg("report"), rep)
            add(b, sg("blockKind"), L("other-inspections"))
            add(b, sg("text"), L(f"The previous inspection of {what} was in 2011."))
            pi = N(iri.previous_inspection(report, what))
            add(pi, RDF_TYPE, sg("PreviousInspection"))
            add(pi, sg("report"), rep)
            add(pi, sg("inspectedService"), L(what))
            add(pi, sg("previousDate"), L("2011-04"))
            add(pi, sg("previousGrade"), N(iri.grade(extra_rng.choice(GRADES))))
            add(pi, sg("evidence"), b)
        # links
        seen = set()
        for _ in range(links_per_authority):
            (s, _st), (t, _tt) = rng.sample(bodies, 2)
            kind = rng.choice(KINDS)
            if (s, kind, t) in seen:
                continue
            seen.add((s, kind, t))
            quality = rng.choice(QUALITIES)
            link = N(iri.link(s.value, kind, t.value))
            add(link, RDF_TYPE, sg("Link"))
            add(link, sg("linkKind"), N(iri.link_kind(kind)))
            add(link, sg("quality"), N(iri.link_quality(quality)))
            add(link, sg("source"), s)
            add(link, sg("target"), t)
            add(link, sg("authority"), la)
            ev = rng.choice(paras)
            add(link, sg("evidence"), ev)
            add(link, sg("quote"), L(" ".join(rng.choice(WORDS) for _ in range(8))))
            if quality != "absent":
                add(s, N(DIRECT[kind]), t)
            total_links += 1
        if extracted:
            curated = [(s, kind, t) for s, kind, t in seen]
            quads += extraction_quads(
                report, key, la, curated, bodies, paras, extracted, random.Random(seed + i)
            )
            total_extracted += extracted
        # each report graph, plus the store's materialised union (see graph/store/embedded.py)
        store.ox.bulk_extend(quads + [ox.Quad(q.subject, q.predicate, q.object) for q in quads])
    # bulk_extend bypasses replace_graph, which bumps the write generation in its
    # transaction: count the bulk write once, so no cached answer outlives it
    store.bump_generation()
    store.flush()
    counts = {
        "triples": len(store),
        "authorities": authorities,
        "links": total_links,
        "extracted": total_extracted,
    }
    started = time.perf_counter()
    store.close()  # publishes the snapshot readers open
    counts["publish_seconds"] = round(time.perf_counter() - started, 1)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--authorities", type=int, default=150)
    ap.add_argument("--paragraphs", type=int, default=280)
    ap.add_argument(
        "--extracted",
        type=int,
        default=0,
        help="links per authority also written as the link extractor does (default none)",
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    counts = build(args.path, args.authorities, args.paragraphs, extracted=args.extracted)
    print(
        f"built {args.path}: {counts['triples']:,} triples, {counts['authorities']} authorities, "
        f"{counts['links']:,} links, {counts['extracted']:,} extracted links "
        f"in {time.perf_counter() - t0:.1f} s "
        f"({counts['publish_seconds']} s of it publishing the readers' snapshot)"
    )


if __name__ == "__main__":
    main()
