"""The gap register: links inspectors found wanting, and links statute expects
that a report does not evidence.

Two sources, kept apart in every row (``Gap.source``):

* ``inspectors``: a stated link whose quality is absent, weak or developing,
  with its paragraph numbers, a short quote and the areas for improvement
  that answer it;
* ``expected``: an expectation of the reference model
  (``ontology/expectations.ttl``) that no stated link meets. Its quality is
  "not evidenced", never "absent": the report is silent, which is not the same
  as inspectors finding a link missing. When the report names no body of the
  expected type, the row names the type ("Cafcass: not mentioned in the
  report") and no body node is invented; the reader's mentions
  (``sg:mentionsBodyType``) say whether the report names the type at all.

The reference model is checked only against authorities whose reports review
an LSCB (each expectation says which framework it applies to). Accountability
chains, paths and brokers live in :mod:`graph.routes`.

What is judged is read once (:func:`read_world`; for the national matrix,
:func:`read_world_for_expectations`, only the links the expected-link rules look
at); what a row shows and judging does not need (quotes, paragraph texts, the
paragraphs naming a kind of body) is read when the row is made. The matrix
(:mod:`graph.analysis.matrix`) uses the public functions here, so the two never
judge differently.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from graph import iri, provenance
from graph import namespaces as ns
from graph.errors import UnknownNameError
from graph.evidence import cite, evidence_order, finding_quote, short_quote, unit_label
from graph.vocabulary import body_type_families, symmetric_link_kinds

#: severity order of the register (lower sorts first)
SEVERITY = {"absent": 0, "weak": 1, "developing": 2, "not evidenced": 3}
#: link qualities that make an inspector-found gap
FOUND_QUALITIES = ("absent", "weak", "developing")
SOURCES = ("inspectors", "expected")
#: mentions cited in a row's basis (all of them stay in ``Gap.mentions``)
MAX_CITED = 8


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Improvement:
    """An area for improvement (or recommendation) that answers a gap."""

    iri: str
    number: str  # as printed: "111"
    text: str
    addressed_to: str  # labels of the bodies it asks to act, "; "-joined


@dataclass(frozen=True)
class Gap:
    """One row of the register.

    ``from_body``/``to_body`` are body IRIs; one of them is ``""`` when the
    report names no body of the expected type, and ``missing_body_type`` then
    holds that type's key (the explorer draws it as a placeholder, not a
    body)."""

    id: str  # the link's IRI (inspectors) or the gap's IRI (expected)
    authority: str  # authority key, e.g. "bournemouth"
    authority_label: str
    source: str  # "inspectors" or "expected"
    quality: str  # "absent", "weak", "developing" or "not evidenced"
    from_body: str
    from_label: str
    link_kind: str  # link-kind key, e.g. "member-of"
    link_label: str
    to_body: str
    to_label: str
    subject: str  # the body the gap is about (the LSCB, mostly)
    missing_body_type: str = ""
    expected_body_type: str = ""  # expected rows: the partner's body-type key
    evidence: tuple[str, ...] = ()  # paragraph numbers or block names
    evidence_iris: tuple[str, ...] = ()
    quote: str = ""
    basis: str = ""  # one line: what the report says, or that it is silent
    mentions: tuple[str, ...] = ()  # paragraphs naming the missing type
    expectation: str = ""
    expectation_label: str = ""
    statutory_source: str = ""
    statutory: bool | None = None
    improvements: tuple[Improvement, ...] = ()
    #: inspectors' rows: "curated" (read by a person) or "extracted" (sgkg's rules)
    how: str = ""

    @property
    def severity(self) -> int:
        return SEVERITY[self.quality]

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON (lists stay lists)."""
        d = asdict(self)
        d["evidence"] = list(self.evidence)
        d["evidence_iris"] = list(self.evidence_iris)
        d["mentions"] = list(self.mentions)
        d["improvements"] = [asdict(i) for i in self.improvements]
        return d

    def as_flat(self) -> dict[str, str]:
        """One string per field, for CSV."""
        d = self.as_dict()
        d["evidence"] = "; ".join(self.evidence)
        d["evidence_iris"] = " ".join(self.evidence_iris)
        d["mentions"] = "; ".join(self.mentions)
        d["improvements"] = " | ".join(f"{i.number}: {i.text}" for i in self.improvements)
        d["statutory"] = "" if self.statutory is None else str(self.statutory).lower()
        return {k: str(v) for k, v in d.items()}


@dataclass
class Register:
    """The gap register of one or more authorities, sorted by severity."""

    gaps: list[Gap]
    authorities: dict[str, str]  # key -> label, those the register covers
    reports: dict[str, list[str]]  # key -> report dates (ISO) read for it
    notes: dict[str, list[str]] = field(default_factory=dict)  # key -> caveats
    #: key -> how many expectations were checked (0: none applied)
    checked: dict[str, int] = field(default_factory=dict)
    #: key -> how many stated links (curated or extracted) the graph records
    links: dict[str, int] = field(default_factory=dict)

    def by_source(self, source: str) -> list[Gap]:
        return [g for g in self.gaps if g.source == source]


# ---------------------------------------------------------------- reading the store

_BODIES = """
SELECT ?body ?label ?type ?auth WHERE {
  ?body a sg:Body ; rdfs:label ?label .
  OPTIONAL { ?body sg:bodyType ?type }
  OPTIONAL { ?body sg:authority ?auth }
}
"""

_TYPE_LABELS = """
SELECT ?c ?label WHERE {
  ?c skos:inScheme ?scheme ; skos:prefLabel ?label .
  FILTER(?scheme IN (<https://w3id.org/sgkg/vocab/body-type>,
                     <https://w3id.org/sgkg/vocab/link-kind>))
}
"""

_LINKS = """
SELECT ?link ?source ?target ?kind ?quality ?quote ?auth ?ev ?n ?evReport WHERE {
  ?link a sg:Link ; sg:source ?source ; sg:target ?target ; sg:linkKind ?kind ;
        sg:quality ?quality .
  OPTIONAL { ?link sg:quote ?quote }
  OPTIONAL { ?link sg:authority ?auth }
  OPTIONAL { ?link sg:evidence ?ev .
             OPTIONAL { ?ev sg:number ?n }
             OPTIONAL { ?ev sg:report ?evReport } }
}
"""

#: links with a body of ``?subjectType`` at their source (and, below, at their
#: target): all that judging a report against the reference model looks at
_SUBJECT_LINKS_OUT = """
SELECT ?link ?source ?target ?kind ?quality ?ev ?n ?evReport WHERE {
  ?source sg:bodyType ?subjectType .
  ?link sg:source ?source ; a sg:Link ; sg:target ?target ; sg:linkKind ?kind ;
        sg:quality ?quality .
  OPTIONAL { ?link sg:evidence ?ev .
             OPTIONAL { ?ev sg:number ?n }
             OPTIONAL { ?ev sg:report ?evReport } }
}
"""
_SUBJECT_LINKS_IN = """
SELECT ?link ?source ?target ?kind ?quality ?ev ?n ?evReport WHERE {
  ?target sg:bodyType ?subjectType .
  ?link sg:target ?target ; a sg:Link ; sg:source ?source ; sg:linkKind ?kind ;
        sg:quality ?quality .
  OPTIONAL { ?link sg:evidence ?ev .
             OPTIONAL { ?ev sg:number ?n }
             OPTIONAL { ?ev sg:report ?evReport } }
}
"""

#: read for one link when a row shows its quote
_LINK_QUOTES = "SELECT ?quote WHERE { ?link sg:quote ?quote }"
_LINK_TEXTS = "SELECT ?ev ?text WHERE { ?link sg:evidence ?ev . ?ev sg:text ?text }"

#: links recorded for no authority: _link_authorities derives theirs
_UNRECORDED_LINKS = """
SELECT ?link WHERE { ?link a sg:Link . FILTER NOT EXISTS { ?link sg:authority ?anyAuthority } }
"""

_REPORTS = """
SELECT ?report ?auth ?framework (SAMPLE(COALESCE(?end, ?issued)) AS ?day) WHERE {
  ?report a sg:Report ; sg:authority ?auth .
  OPTIONAL { ?report sg:framework ?framework }
  OPTIONAL { ?inspection sg:report ?report ; sg:endDate ?end }
  OPTIONAL { ?report dcterms:issued ?issued }
} GROUP BY ?report ?auth ?framework
"""

#: paragraphs naming a kind of body: of one report, or (``?report`` free) of every report
_MENTIONS = """
SELECT DISTINCT ?unit ?report ?n WHERE {
  ?unit sg:report ?report ; sg:mentionsBodyType ?type .
  OPTIONAL { ?unit sg:number ?n }
}
"""
_MENTIONS_EVERYWHERE = """
SELECT DISTINCT ?unit ?report ?n WHERE {
  ?unit sg:mentionsBodyType ?type ; sg:report ?report .
  OPTIONAL { ?unit sg:number ?n }
}
"""

_IMPROVEMENTS = """
SELECT ?afi ?answers ?n ?text ?addressedLabel WHERE {
  ?afi sg:answers ?answers .
  OPTIONAL { ?afi sg:number ?n }
  OPTIONAL { ?afi sg:text ?text }
  OPTIONAL { ?afi sg:addressedTo/rdfs:label ?addressedLabel }
}
"""

_STORED_GAPS = """
SELECT ?gap ?subject ?kind ?type ?auth WHERE {
  ?gap a sg:ExpectationGap ; sg:subject ?subject ; sg:expectedLinkKind ?kind ;
       sg:expectedBodyType ?type .
  OPTIONAL { ?gap sg:authority ?auth }
}
"""

#: ``?also`` is named rather than ``[ ]`` so that pyoxigraph starts that OPTIONAL
#: from the expectation, not from every link kind in the store (0.8 s on the 1M store)
_EXPECTATIONS = """
SELECT ?e ?label ?subjectType ?type ?kind ?direction ?source ?statutory ?order
       ?any ?presence ?wherePresent ?framework ?altKind ?altDirection ?from ?until WHERE {
  ?e a sg:Expectation ; rdfs:label ?label ; sg:subjectBodyType ?subjectType ;
     sg:expectedBodyType ?type ; sg:expectedLinkKind ?kind ; sg:statutorySource ?source .
  OPTIONAL { ?e sg:direction ?direction }
  OPTIONAL { ?e sg:statutory ?statutory }
  OPTIONAL { ?e sg:order ?order }
  OPTIONAL { ?e sg:satisfiedByAnyLink ?any }
  OPTIONAL { ?e sg:satisfiedByPresence ?presence }
  OPTIONAL { ?e sg:onlyWherePresent ?wherePresent }
  OPTIONAL { ?e sg:appliesToFramework ?framework }
  OPTIONAL { ?e sg:alsoSatisfiedBy ?also . ?also sg:linkKind ?altKind ; sg:direction ?altDirection }
  OPTIONAL { ?e sg:inForceFrom ?from }
  OPTIONAL { ?e sg:inForceUntil ?until }
}
"""


@dataclass
class _Body:
    iri: str
    label: str
    type: str  # key
    authorities: set[str]  # authority body IRIs


@dataclass
class _Link:
    iri: str
    source: str
    target: str
    kind: str  # key
    quality: str  # key
    #: read with the link by the register; else ``None`` until a row shows its quote
    quotes: set[str] | None = field(default_factory=set)
    authorities: set[str] = field(default_factory=set)
    evidence: dict[str, tuple[str, str]] = field(default_factory=dict)  # iri -> (label, report)


#: the duty to make multi-agency safeguarding arrangements came into force on
#: 29 June 2018 (Children Act 2004 s16E); every area had them by 29 September 2019
PARTNERSHIP_DUTY_FROM = "2018-06-29"
PARTNERSHIP_DEADLINE = "2019-09-29"


def _framework_label(key: str | None) -> str:
    """The framework as the vocabulary labels it ("ILACS"), its key if unlabelled."""
    if not key:
        return "unknown"
    from graph.vocabulary import pref_labels

    return pref_labels(ns.FRAMEWORK).get(key, key)


@dataclass
class _Expectation:
    iri: str
    label: str
    subject_type: str
    partner_type: str
    kind: str
    direction: str
    source: str
    statutory: bool | None
    order: int
    any_link: bool
    presence: bool
    where_present: bool
    frameworks: set[str]
    satisfiers: set[tuple[str, str]]  # (kind key, direction)
    in_force_from: str = ""  # ISO dates; a half-open period [from, until)
    in_force_until: str = ""

    def in_force(self, day: str) -> bool:
        """True when the expectation applied on ``day`` (ISO date; "" = unknown)."""
        if not day:
            return True
        return (not self.in_force_from or self.in_force_from <= day) and (
            not self.in_force_until or day < self.in_force_until
        )

    @property
    def partnership_era(self) -> bool:
        return bool(self.in_force_from) and self.in_force_from >= PARTNERSHIP_DUTY_FROM


class _Reader:
    """What a row shows and judging does not need, read from the store when a
    row asks for it: a link's quotes and the texts of its paragraphs, and the
    paragraphs naming a kind of body. The whole-store read leaves them out (on
    the 1M-triple bench store the paragraph texts alone took 11 s of a 25 s
    matrix).

    Terms are written into the query text (:func:`graph.store.remote.substitute`,
    the endpoint path's own binding, as N-Triples) rather than bound:
    pyoxigraph plans a query before it substitutes, so a bound term does not
    lead the joins (one board's links on the 1M store: 1 s bound, 1 ms written
    in). Every term written comes from the store or the vocabulary, never from
    what a user typed."""

    def __init__(self, store: Any, reports: set[str] | None = None) -> None:
        self.store = store
        #: the reports the world was read for (None: every report)
        self.scope = reports
        self.texts: dict[str, dict[str, str]] = {}
        self.mentioned: dict[tuple[str, str], set[tuple[str, str]]] = {}
        self.types_read: set[str] = set()

    def select(self, text: str, **terms: str) -> list[dict[str, Any]]:
        from graph.store.remote import substitute

        return self.store.select(substitute(text, terms))

    def link_quotes(self, link: _Link) -> set[str]:
        if link.quotes is None:
            link.quotes = {r["quote"] for r in self.select(_LINK_QUOTES, link=link.iri)}
        return link.quotes

    def link_texts(self, link: _Link) -> dict[str, str]:
        """Evidence IRI -> paragraph text, for the link's evidence with a text."""
        if link.iri not in self.texts:
            rows = self.select(_LINK_TEXTS, link=link.iri) if link.evidence else []
            self.texts[link.iri] = {r["ev"]: r["text"] for r in rows if r["text"]}
        return self.texts[link.iri]

    def mentions(self, report: str, type_key: str) -> set[tuple[str, str]]:
        """(label, unit IRI) of the paragraphs of ``report`` naming ``type_key``:
        read for that report alone when the world holds a few reports, else
        for every report at once (one scan of the type, not one per report)."""
        found = self.mentioned.get((report, type_key))
        if found is not None:
            return found
        type_iri = iri.body_type(type_key)
        if self.scope is not None and len(self.scope) <= _MENTIONS_PER_REPORT:
            rows = self.select(_MENTIONS, report=report, type=type_iri)
            for r in rows:
                r["report"] = report
        elif type_key in self.types_read:
            return set()
        else:
            self.types_read.add(type_key)
            rows = self.select(_MENTIONS_EVERYWHERE, type=type_iri)
        self.mentioned.setdefault((report, type_key), set())
        for r in rows:
            label = unit_label(r["unit"], r["n"])
            self.mentioned.setdefault((r["report"], type_key), set()).add((label, r["unit"]))
        return self.mentioned[(report, type_key)]


#: up to this many reports, mentions are read report by report
_MENTIONS_PER_REPORT = 12


@dataclass
class World:
    """What the register (and the matrix) judge, read from the store once;
    quotes, paragraph texts and mentions are read by ``reader`` when a row
    shows them."""

    bodies: dict[str, _Body]
    labels: dict[str, str]  # concept IRI -> prefLabel
    links: list[_Link]
    reports: dict[str, tuple[str, str]]  # report IRI -> (authority IRI, framework key)
    report_days: dict[str, str]  # report IRI -> inspection's last day (or publication), ISO
    reader: _Reader
    improvements: dict[str, list[Improvement]]  # answered IRI -> improvements
    answering: set[str]  # IRIs of the areas for improvement
    stored_gaps: dict[tuple[str, str, str, str], list[str]]  # (auth, subj, kind, type) -> gaps
    expectations: list[_Expectation]


def _key(value: str | None) -> str:
    return iri.concept_key(value) if value else ""


def _scoped(query: str, pattern: str) -> str:
    """``query`` restricted by ``pattern`` (which binds ``?scope``): the
    pattern leads the WHERE clause and ``?scope`` joins the projection, since
    pyoxigraph only substitutes projected variables."""
    head, _, body = query.partition("WHERE {")
    head = head.replace("SELECT DISTINCT ", "SELECT DISTINCT ?scope ", 1)
    if "?scope" not in head:
        head = head.replace("SELECT ", "SELECT ?scope ", 1)
    return head + "WHERE {\n  " + pattern + body


def read_world(store: Any, authority_iri: str | None = None) -> World:
    """What the register needs. With ``authority_iri``, the links read are
    limited to that authority's (and links recorded for no authority)."""
    scope = {"scope": authority_iri} if authority_iri else None
    bodies = _read_bodies(store)
    links: dict[str, _Link] = {}
    if scope:
        link_rows = store.select(_scoped(_LINKS, "?link sg:authority ?scope ."), scope)
        unrecorded = {r["link"] for r in store.select(_UNRECORDED_LINKS)}
        if unrecorded:  # rare: read them with the rest and keep only those
            link_rows += [r for r in store.select(_LINKS) if r["link"] in unrecorded]
    else:
        link_rows = store.select(_LINKS)
    for r in link_rows:
        link = _add_link(links, r, quotes_read=True)
        if r["quote"] and link.quotes is not None:
            link.quotes.add(r["quote"])
        if r["auth"]:
            link.authorities.add(r["auth"])

    reports, report_days = _read_reports(store)
    mine = {rep for rep, (a, _fw) in reports.items() if a == authority_iri} if scope else None

    improvements: dict[str, dict[str, Improvement]] = defaultdict(dict)
    for r in _group(store.select(_IMPROVEMENTS), ("afi", "answers"), "addressedLabel"):
        number = unit_label(r["afi"], r["n"])
        improvements[r["answers"]][r["afi"]] = Improvement(
            r["afi"], number, r["text"] or "", "; ".join(sorted(r["addressedLabel"]))
        )

    stored: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for r in store.select(_STORED_GAPS):
        stored[(r["auth"] or "", r["subject"], _key(r["kind"]), _key(r["type"]))].append(r["gap"])

    return World(
        bodies=bodies,
        labels=_read_labels(store),
        links=_curated_wins(links),
        reports=reports,
        report_days=report_days,
        reader=_Reader(store, mine),
        improvements={k: _sorted_improvements(v.values()) for k, v in improvements.items()},
        answering={i.iri for v in improvements.values() for i in v.values()},
        stored_gaps=stored,
        expectations=read_expectations(store),
    )


def read_world_for_expectations(store: Any) -> World:
    """What judging reports against the reference model needs, for the whole
    store (the national matrix): only the links with a body of an
    expectation's subject type at one end (the expected-link rules look at no
    other), without their quotes or authorities, and no areas for improvement
    (a row's answers are the register's business)."""
    expectations = read_expectations(store)
    reader = _Reader(store)
    links: dict[str, _Link] = {}
    for subject_type in sorted({e.subject_type for e in expectations}):
        for text in (_SUBJECT_LINKS_OUT, _SUBJECT_LINKS_IN):
            for r in reader.select(text, subjectType=iri.body_type(subject_type)):
                _add_link(links, r, quotes_read=False)
    reports, report_days = _read_reports(store)
    return World(
        bodies=_read_bodies(store),
        labels=_read_labels(store),
        links=_curated_wins(links),
        reports=reports,
        report_days=report_days,
        reader=reader,
        improvements={},
        answering=set(),
        stored_gaps={},
        expectations=expectations,
    )


def _read_bodies(store: Any) -> dict[str, _Body]:
    bodies: dict[str, _Body] = {}
    for r in store.select(_BODIES):
        b = bodies.setdefault(r["body"], _Body(r["body"], r["label"], _key(r["type"]), set()))
        if r["type"] and not b.type:
            b.type = _key(r["type"])
        if r["auth"]:
            b.authorities.add(r["auth"])
    return bodies


def _read_labels(store: Any) -> dict[str, str]:
    return {r["c"]: r["label"] for r in store.select(_TYPE_LABELS)}


def _read_reports(store: Any) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    reports: dict[str, tuple[str, str]] = {}
    report_days: dict[str, str] = {}
    for r in store.select(_REPORTS):
        reports[r["report"]] = (r["auth"], _key(r["framework"]))
        report_days[r["report"]] = str(r["day"] or "")
    return reports, report_days


def _curated_wins(links: dict[str, _Link]) -> list[_Link]:
    """The links, without extracted ones a curated link of the same report
    says already (graph.provenance)."""
    return provenance.curated_wins(
        links.values(),
        iri=lambda link: link.iri,
        ends=lambda link: (link.source, link.kind, link.target),
        evidence=lambda link: link.evidence,
        symmetric=symmetric_link_kinds(),
    )


def _add_link(links: dict[str, _Link], r: dict[str, Any], quotes_read: bool) -> _Link:
    """The link of row ``r`` (made on its first row), with the row's evidence;
    ``quotes_read`` when the rows carry its quotes (else read when shown)."""
    link = links.get(r["link"])
    if link is None:
        link = links[r["link"]] = _Link(
            r["link"],
            r["source"],
            r["target"],
            _key(r["kind"]),
            _key(r["quality"]),
            quotes=set() if quotes_read else None,
        )
    if r["ev"]:
        link.evidence[r["ev"]] = (unit_label(r["ev"], r["n"]), r["evReport"] or "")
    return link


def _group(rows: list[dict[str, Any]], keys: tuple[str, ...], many: str) -> list[dict[str, Any]]:
    """Rows grouped on ``keys`` with the values of ``many`` gathered in a set."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        k = tuple(r[x] for x in keys)
        if k not in out:
            out[k] = {**r, many: set()}
        if r[many]:
            out[k][many].add(r[many])
    return list(out.values())


def _sorted_improvements(items: Any) -> list[Improvement]:
    return sorted(items, key=lambda i: evidence_order(i.number))


def read_expectations(store: Any) -> list[_Expectation]:
    """The reference model's expectations, in its order."""
    found: dict[str, _Expectation] = {}
    for r in store.select(_EXPECTATIONS):
        e = found.get(r["e"])
        if e is None:
            e = found[r["e"]] = _Expectation(
                iri=r["e"],
                label=r["label"],
                subject_type=_key(r["subjectType"]),
                partner_type=_key(r["type"]),
                kind=_key(r["kind"]),
                direction=r["direction"] or "out",
                source=r["source"],
                statutory=r["statutory"],
                order=int(r["order"] or 999),
                any_link=bool(r["any"]),
                presence=bool(r["presence"]),
                where_present=bool(r["wherePresent"]),
                frameworks=set(),
                satisfiers={(_key(r["kind"]), r["direction"] or "out")},
                in_force_from=str(r["from"] or ""),
                in_force_until=str(r["until"] or ""),
            )
        if r["framework"]:
            e.frameworks.add(_key(r["framework"]))
        if r["altKind"]:
            e.satisfiers.add((_key(r["altKind"]), r["altDirection"] or "out"))
    return sorted(found.values(), key=lambda e: (e.order, e.iri))


# ---------------------------------------------------------------- helpers


def authority_iri(key: str) -> str:
    """The body IRI of the local authority with area key ``key``."""
    return iri.body(key, "local-authority")


def authority_key_of(authority_iri: str) -> str:
    """The area key of a local authority's body IRI."""
    return authority_iri.removeprefix(ns.ID + "body/").split("/", 1)[0]


def report_day(report_iri: str) -> str:
    """The date at the end of a report's IRI (its publication day)."""
    return report_iri.rstrip("/").rsplit("/", 1)[-1]


def quote_for(world: World, link: _Link, answering: set[str] | frozenset[str] = frozenset()) -> str:
    """The quote that best shows a finding: from the first evidence paragraph
    that is not itself an area for improvement (those are shown apart), the
    one that comes first in it; without paragraph text, the longest. Quotes and
    texts are read when asked for, and texts only when they decide: a link
    with one quote is quoted by it whatever its paragraphs say."""
    quotes = world.reader.link_quotes(link)
    texts: list[str] = []
    if len(quotes) != 1:
        found = world.reader.link_texts(link)
        units = sorted(
            link.evidence.items(), key=lambda kv: (kv[0] in answering, evidence_order(kv[1][0]))
        )
        texts = [" ".join(found[k].split()) for k, _v in units if found.get(k)]
    if quotes:

        def place(q: str) -> tuple[int, int, int]:
            q1 = " ".join(q.split())
            for i, text in enumerate(texts):
                at = text.find(q1)
                if at >= 0:
                    return (i, at, -len(q1))
            return (len(texts), 0, -len(q1))

        # the quote that states the link's quality; among equals, in report order
        return short_quote(finding_quote(sorted(quotes, key=place), link.quality), 240)
    return short_quote(texts[0]) if texts else ""


def link_label(world: World, kind: str) -> str:
    """A link kind's label (its key, spaced, when the vocabulary has none)."""
    return world.labels.get(iri.link_kind(kind), kind.replace("-", " "))


def type_label(world: World, type_key: str) -> str:
    """A body type's label (its key, spaced, when the vocabulary has none)."""
    return world.labels.get(iri.body_type(type_key), type_key.replace("-", " "))


def link_meets(e: _Expectation, link: _Link, subject: str, partner: str) -> bool:
    """Does ``link`` between ``subject`` and ``partner`` meet expectation ``e``?"""
    ends = {link.source, link.target}
    if ends != {subject, partner}:
        return False
    if e.any_link:
        return True
    for kind, direction in e.satisfiers:
        if link.kind != kind:
            continue
        if direction == "either" or kind in symmetric_link_kinds():
            return True
        if direction == "out" and link.source == subject:
            return True
        if direction == "in" and link.target == subject:
            return True
    return False


def _met(world: World, e: _Expectation, subject: _Body, partner: _Body) -> bool:
    """Is expectation ``e`` met between ``subject`` and ``partner``? By a stated
    link; or, for a 'serves' satisfier, by the subject having been minted for
    the partner authority (the reader mints each authority's LSCB with
    sg:authority, from the report's review of that board)."""
    if ("serves", "out") in e.satisfiers and partner.iri in subject.authorities:
        return True
    return any(link_meets(e, link, subject.iri, partner.iri) for link in world.links)


def _oriented(e: _Expectation, subject: str, partner: str) -> tuple[str, str]:
    """(from, to) of the expected link."""
    return (partner, subject) if e.direction == "in" else (subject, partner)


# ---------------------------------------------------------------- the register


def known_authorities(store: Any) -> dict[str, str]:
    """Authority key -> label of every local authority the store holds."""
    rows = store.select(
        "SELECT DISTINCT ?la ?label WHERE "
        "{ ?la sg:bodyType bt:local-authority ; rdfs:label ?label }"
    )
    return {authority_key_of(r["la"]): r["label"] for r in rows}


def require_authority(store: Any, authority: str, known: dict[str, str] | None = None) -> str:
    """The key of ``authority`` (a name or key) if the store holds it; else
    :class:`UnknownNameError` listing the authorities it does hold."""
    known = known if known is not None else known_authorities(store)
    key = iri.authority_key(authority)
    if key not in known:
        import difflib

        close = difflib.get_close_matches(key, list(known), n=5, cutoff=0.5)
        raise UnknownNameError(
            f"no local authority {authority!r} in the store "
            f"(known: {', '.join(sorted(known)) or 'none; ingest a report first'})",
            close,
        )
    return key


def find_gaps(store: Any, authority: str | None = None) -> list[Gap]:
    """The register's rows, most severe first (see :func:`gap_register`)."""
    return gap_register(store, authority).gaps


def gap_register(store: Any, authority: str | None = None) -> Register:
    """The gap register of ``authority`` (a name or key), or of every authority.

    Rows come sorted: absent, weak and developing links found by inspectors
    (each by paragraph), then expected links the report does not evidence
    (statutory before practice expectations). Raises :class:`UnknownNameError`
    for an authority the store does not hold."""
    known = known_authorities(store)
    if authority:
        keys = [require_authority(store, authority, known)]
        world = read_world(store, authority_iri(keys[0]))
    else:
        world = read_world(store)
        with_data = {authority_key_of(a) for a, _fw in world.reports.values()}
        for link in world.links:
            with_data |= {authority_key_of(a) for a in _link_authorities(world, link)}
        keys = sorted(k for k in known if k in with_data)

    gaps: list[Gap] = []
    notes: dict[str, list[str]] = {}
    reports: dict[str, list[str]] = {}
    checked: dict[str, int] = {}
    links: dict[str, int] = {}
    index = WorldIndex(world)
    for key in keys:
        la = authority_iri(key)
        label = known.get(key, key)
        reports[key] = sorted(report_day(r) for r, (a, _fw) in world.reports.items() if a == la)
        gaps.extend(_inspector_gaps(world, index.links_of(la), key, label))
        expected, caveats, applied = expected_gaps(index.for_expected(la), la, key, label)
        gaps.extend(expected)
        checked[key] = applied
        links[key] = len(index.links_of(la))
        if not links[key]:
            caveats.insert(
                0,
                "the graph records no stated links for this authority (none were extracted "
                "from its reports or curated): no inspectors' findings can be listed, and "
                "expected links are judged by the report's mentions alone",
            )
        if caveats:
            notes[key] = caveats
    order = {e.iri: e.order for e in world.expectations}
    gaps.sort(key=lambda g: _sort_key(g, order))
    return Register(
        gaps, {k: known.get(k, k) for k in keys}, reports, notes, checked=checked, links=links
    )


def _sort_key(g: Gap, order: dict[str, int]) -> tuple[Any, ...]:
    """Severity, then authority; within a severity, rows the reference model
    speaks to come first (statutory, then practice): inspectors' rows then in
    paragraph order, expected rows in the model's order."""
    statutory = 0 if g.statutory else (1 if g.statutory is False else 2)
    first = evidence_order(g.evidence[0]) if g.evidence else (2, 0, "")
    if g.source == "inspectors":
        return (g.severity, g.authority, statutory, first, g.from_label, g.to_label)
    rank = order.get(g.expectation, 999)
    return (g.severity, g.authority, statutory, rank, g.from_label, g.to_label)


def _link_authorities(world: World, link: _Link) -> set[str]:
    """The authorities a link is recorded for: its own sg:authority, else
    those of the reports evidencing it, else those its two bodies share."""
    if link.authorities:
        return set(link.authorities)
    from_reports = {
        world.reports[rep][0] for _label, rep in link.evidence.values() if rep in world.reports
    }
    if from_reports:
        return from_reports
    src, tgt = world.bodies.get(link.source), world.bodies.get(link.target)
    if src and tgt:
        return (src.authorities & tgt.authorities) or (src.authorities | tgt.authorities)
    return set()


def _expectation_for(world: World, link: _Link) -> _Expectation | None:
    """The reference-model expectation a stated link answers to, if any."""
    src, tgt = world.bodies.get(link.source), world.bodies.get(link.target)
    if not src or not tgt:
        return None
    for e in world.expectations:
        for subject, partner in ((src, tgt), (tgt, src)):
            if (
                subject.type == e.subject_type
                and partner.type == e.partner_type
                and link_meets(e, link, subject.iri, partner.iri)
            ):
                return e
    return None


def _inspector_gaps(world: World, mine: list[_Link], key: str, label: str) -> list[Gap]:
    """The rows of the links inspectors found wanting, of ``mine`` (the
    authority's links)."""
    rows = []
    for link in mine:
        if link.quality not in FOUND_QUALITIES:
            continue
        src, tgt = world.bodies.get(link.source), world.bodies.get(link.target)
        ev = sorted(link.evidence.items(), key=lambda kv: evidence_order(kv[1][0]))
        evidence = tuple(v[0] for _k, v in ev)
        e = _expectation_for(world, link)
        where = cite(evidence)
        rows.append(
            Gap(
                id=link.iri,
                authority=key,
                authority_label=label,
                source="inspectors",
                quality=link.quality,
                from_body=link.source,
                from_label=src.label if src else link.source,
                link_kind=link.kind,
                link_label=link_label(world, link.kind),
                to_body=link.target,
                to_label=tgt.label if tgt else link.target,
                subject=link.source,
                evidence=evidence,
                evidence_iris=tuple(k for k, _v in ev),
                quote=quote_for(world, link, world.answering),
                basis=f"inspectors found this link {link.quality}"
                + (f" ({where})" if where else ""),
                expectation=e.iri if e else "",
                expectation_label=e.label if e else "",
                statutory_source=e.source if e else "",
                statutory=e.statutory if e else None,
                improvements=tuple(world.improvements.get(link.iri, ())),
                how=provenance.how(link.iri),
            )
        )
    return rows


def latest_report(world: World, la: str) -> str | None:
    """The report of the authority (body IRI ``la``) that expectations are
    checked against: its latest by inspection (else publication) day."""
    mine = [r for r, (a, _fw) in world.reports.items() if a == la]
    if not mine:
        return None
    return max(mine, key=lambda r: (world.report_days.get(r) or report_day(r), r))


class WorldIndex:
    """The world cut down, authority by authority, to what the register's rules
    look at: the authority's own links (its inspectors' rows); and for the
    report its expectations are checked against, the links that report
    evidences (or that cite nothing) and the bodies of the area or at those
    links' ends. Indexed once, so the whole-store register is not an
    authorities-by-links loop; kept in the world's own order, so every row
    is the one the whole world gives."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.position = {link.iri: n for n, link in enumerate(world.links)}
        self.body_position = {body: n for n, body in enumerate(world.bodies)}
        self.by_authority: dict[str, list[_Link]] = defaultdict(list)
        self.by_report: dict[str, list[_Link]] = defaultdict(list)
        self.unplaced: list[_Link] = []
        for link in world.links:
            for la in _link_authorities(world, link):
                self.by_authority[la].append(link)
            if not link.evidence:
                self.unplaced.append(link)
            for rep in {rep for _label, rep in link.evidence.values()}:
                self.by_report[rep].append(link)
        self.area: dict[str, set[str]] = defaultdict(set)
        for b in world.bodies.values():
            for la in b.authorities:
                self.area[la].add(b.iri)

    def links_of(self, la: str) -> list[_Link]:
        return self.by_authority.get(la, [])

    def for_expected(self, la: str) -> World:
        """The world :func:`expected_gaps` needs for the authority ``la``."""
        report = latest_report(self.world, la)
        return self.world if report is None else self.narrow(la, report)

    def narrow(self, la: str, report: str) -> World:
        """The world of one report of the authority ``la``: the links it
        evidences (or that cite nothing), the bodies of the area and at their ends."""
        links = list(
            heapq.merge(
                self.by_report.get(report, []),
                self.unplaced,
                key=lambda link: self.position[link.iri],
            )
        )
        keep = self.area[la] | {la} | {end for x in links for end in (x.source, x.target)}
        order = sorted((i for i in keep if i in self.body_position), key=self.body_position.get)
        bodies = {i: self.world.bodies[i] for i in order}
        return replace(self.world, links=links, bodies=bodies)


def applicable_expectations(world: World, report: str, la: str) -> list[_Expectation]:
    """The expectations ``report`` (of the authority whose body IRI is ``la``)
    is held to: those for its framework in force on its inspection's last day
    (else its publication day)."""
    framework = world.reports[report][1]
    day = world.report_days.get(report) or report_day(report)
    found = [
        e
        for e in world.expectations
        if (not e.frameworks or framework in e.frameworks) and e.in_force(day)
    ]
    area_types = {b.type for b in world.bodies.values() if la in b.authorities or b.iri == la}
    if day and day < PARTNERSHIP_DEADLINE and "safeguarding-partnership" not in area_types:
        # before the deadline an area could still have its LSCB: hold a report to
        # the new arrangements only when it names them
        found = [e for e in found if not e.partnership_era]
    return found


def expected_gaps(world: World, la: str, key: str, label: str) -> tuple[list[Gap], list[str], int]:
    """Expected links the authority's latest report does not evidence, against
    the expectations in force on that report's inspection date."""
    report_iris = sorted(r for r, (a, _fw) in world.reports.items() if a == la)
    caveats: list[str] = []
    checked = latest_report(world, la)
    if checked is None:
        return [], caveats, 0
    framework = world.reports[checked][1]
    # the inspection's last day; else the publication day the report's IRI carries
    day = world.report_days.get(checked) or report_day(checked)
    applicable = applicable_expectations(world, checked, la)
    if len(report_iris) > 1:
        caveats.append(
            f"expectations are checked against the latest report ({report_day(checked)}); "
            "earlier reports are listed for their inspectors' findings only"
        )
    if not applicable:
        kind = _framework_label(framework)
        article = "an" if kind[:1].lower() in "aeiou" else "a"
        note = (
            f"no statutory expectation was checked: none of the reference model's "
            f"{len(world.expectations)} expectations applies to {article} {kind} "
            f"report inspected on {day or 'an unknown date'}"
        )
        if day and day < PARTNERSHIP_DEADLINE:
            note += (
                f" ({article} {kind} report does not review the LSCB, and until "
                "29 September 2019 an area could keep its LSCB instead of the safeguarding "
                "partnership, which this report does not name)"
            )
        caveats.append(note)
        return [], caveats, 0
    # links evidenced in the checked report (or citing nothing) speak for it
    world = replace(
        world,
        links=[
            link
            for link in world.links
            if not link.evidence or any(rep == checked for _label, rep in link.evidence.values())
        ],
        reports={checked: world.reports[checked]},
    )
    report_iris = [checked]
    frameworks = {framework}
    in_scope = _union(applicable) | frameworks
    reports_in_scope = [r for r in report_iris if world.reports[r][1] in in_scope | {""}]
    area_bodies = {b.iri: b for b in world.bodies.values() if la in b.authorities or b.iri == la}

    rows: list[Gap] = []
    for e in applicable:
        subjects = [b for b in area_bodies.values() if b.type == e.subject_type]
        if not subjects:
            continue  # reported where the subject is the expected partner (lscb-exists, chairs)
        for subject in subjects:
            linked = {
                x
                for link in world.links
                for x in (link.source, link.target)
                if subject.iri in (link.source, link.target)
            }
            partners = [
                b
                for b in world.bodies.values()
                if b.type == e.partner_type
                and b.iri != subject.iri
                and (b.iri in area_bodies or b.iri in linked)
            ]
            if e.presence:
                if partners:
                    continue
            elif e.where_present and not partners:
                continue
            umbrella = _umbrella_note(world, e, subject, area_bodies)
            if partners and not e.presence:
                missing = [p for p in partners if not _met(world, e, subject, p)]
                if e.partner_type not in _EACH_PARTNER:
                    if len(missing) < len(partners):
                        continue  # one body of the type meets it (a board, a post)
                    missing = [_principal(missing, e.partner_type)]
                for p in missing:
                    rows.append(_named_partner_gap(world, e, subject, p, key, label, umbrella))
            else:
                rows.append(
                    _unnamed_partner_gap(world, e, subject, key, label, reports_in_scope, umbrella)
                )
    return rows, caveats, len(applicable)


#: expected partner types where every body of the type must have the link
#: (each NHS trust, each CCG is a statutory partner in its own right)
_EACH_PARTNER = {"ccg", "nhs-trust", "secure-estate", "police", "probation"}


def _principal(bodies: list[_Body], type_key: str) -> _Body:
    """The body that stands for its type: the one minted without a
    distinguishing name (``.../schools`` rather than ``.../schools/english-language``)."""
    plain = [b for b in bodies if b.iri.rstrip("/").endswith("/" + type_key)]
    return sorted(plain or bodies, key=lambda b: (b.label, b.iri))[0]


def _umbrella_note(
    world: World, e: _Expectation, subject: _Body, area_bodies: dict[str, _Body]
) -> str:
    """When the report states the expected link only for partners in general,
    say so: it is context for the row, not evidence that meets it."""
    notes = []
    for body in area_bodies.values():
        if e.partner_type not in body_type_families().get(body.type, ()):
            continue
        for link in world.links:
            if link_meets(e, link, subject.iri, body.iri) and link.quality != "absent":
                cites = cite(sorted((v[0] for v in link.evidence.values()), key=evidence_order))
                notes.append(
                    f"the report states this only of {body.label} in general "
                    f"('{link_label(world, e.kind)}', {link.quality}"
                    + (f", {cites})" if cites else ")")
                )
    return "; ".join(sorted(set(notes)))


def _union(expectations: list[_Expectation]) -> set[str]:
    out: set[str] = set()
    for e in expectations:
        out |= e.frameworks
    return out


def _gap_row(
    world: World,
    e: _Expectation,
    subject: _Body,
    key: str,
    label: str,
    partner_iri: str,
    partner_label: str,
    missing_type: str,
    basis: str,
    mentions: tuple[str, ...] = (),
) -> Gap:
    gap_iri = iri.gap(key, subject.iri, e.kind, partner_iri or missing_type)
    frm, to = _oriented(e, subject.iri, partner_iri)
    frm_label, to_label = _oriented(e, subject.label, partner_label)
    answers = list(world.improvements.get(gap_iri, ()))
    same = (authority_iri(key), subject.iri, e.kind, e.partner_type)
    for stored in world.stored_gaps.get(same, []):
        answers.extend(i for i in world.improvements.get(stored, ()) if i not in answers)
    return Gap(
        id=gap_iri,
        authority=key,
        authority_label=label,
        source="expected",
        quality="not evidenced",
        from_body=frm,
        from_label=frm_label,
        link_kind=e.kind,
        link_label=link_label(world, e.kind),
        to_body=to,
        to_label=to_label,
        subject=subject.iri,
        missing_body_type=missing_type,
        expected_body_type=e.partner_type,
        basis=basis,
        mentions=mentions,
        expectation=e.iri,
        expectation_label=e.label,
        statutory_source=e.source,
        statutory=e.statutory,
        improvements=tuple(_sorted_improvements(answers)),
    )


def _named_partner_gap(
    world: World,
    e: _Expectation,
    subject: _Body,
    partner: _Body,
    key: str,
    label: str,
    umbrella: str = "",
) -> Gap:
    kind = link_label(world, e.kind)
    basis = (
        f"{partner.label} is named, but no '{kind}' link with {subject.label} is recorded "
        "in the graph"
    )
    basis += f"; {umbrella}" if umbrella else ""
    return _gap_row(world, e, subject, key, label, partner.iri, partner.label, "", basis)


def _unnamed_partner_gap(
    world: World,
    e: _Expectation,
    subject: _Body,
    key: str,
    label: str,
    reports: list[str],
    umbrella: str = "",
) -> Gap:
    partner_label = type_label(world, e.partner_type)
    seen: list[tuple[str, str, str]] = []
    for rep in reports:
        for para, unit in world.reader.mentions(rep, e.partner_type):
            seen.append((rep, para, unit))
    several = len({rep for rep, _p, _u in seen}) > 1
    cites = sorted(
        {(f"{report_day(rep)} " if several else "") + para for rep, para, _u in seen},
        key=lambda s: evidence_order(s.rsplit(" ", 1)[-1]),
    )
    if cites:
        shown = cite(cites[:MAX_CITED]) + (
            f" and {len(cites) - MAX_CITED} more" if len(cites) > MAX_CITED else ""
        )
        basis = (
            f"{partner_label}: mentioned ({shown}), but no '{link_label(world, e.kind)}' "
            f"link with {subject.label} is recorded in the graph"
        )
    else:
        basis = f"{partner_label}: not mentioned in the report"
    basis += f"; {umbrella}" if umbrella else ""
    return _gap_row(
        world, e, subject, key, label, "", partner_label, e.partner_type, basis, tuple(cites)
    )


# ---------------------------------------------------------------- gaps as RDF


def gaps_graph_iri(authority: str) -> str:
    """The named graph ``sgkg gaps --save`` writes an authority's gaps to."""
    return f"{ns.GRAPHS}gaps/{iri.authority_key(authority)}"


def gap_triples(gaps: list[Gap]) -> list[Any]:
    """The expected-but-not-evidenced rows as ``sg:ExpectationGap`` records
    (pyoxigraph triples). Inspector-found rows are not repeated: the weak or
    absent link is already their record."""
    import pyoxigraph as ox

    def n(value: str) -> Any:
        return ox.NamedNode(value)

    out = []
    for g in gaps:
        if g.source != "expected":
            continue
        s = n(g.id)
        partner = g.to_body if g.subject == g.from_body else g.from_body
        label = f"{g.from_label} {g.link_label} {g.to_label}: not evidenced"
        out += [
            ox.Triple(s, n(ns.RDF + "type"), n(ns.SG + "ExpectationGap")),
            ox.Triple(s, n(ns.RDFS + "label"), ox.Literal(label, language="en")),
            ox.Triple(s, n(ns.RDFS + "comment"), ox.Literal(g.basis, language="en")),
            ox.Triple(s, n(ns.SG + "subject"), n(g.subject)),
            ox.Triple(s, n(ns.SG + "expectedBodyType"), n(iri.body_type(g.expected_body_type))),
            ox.Triple(s, n(ns.SG + "expectedLinkKind"), n(iri.link_kind(g.link_kind))),
            ox.Triple(s, n(ns.SG + "statutorySource"), ox.Literal(g.statutory_source)),
            ox.Triple(s, n(ns.SG + "expectation"), n(g.expectation)),
            ox.Triple(s, n(ns.SG + "quality"), n(iri.link_quality("not-evidenced"))),
            ox.Triple(s, n(ns.SG + "authority"), n(authority_iri(g.authority))),
        ]
        if partner:
            out.append(ox.Triple(s, n(ns.SG + "expectedPartner"), n(partner)))
    return out


def save_gaps(store: Any, register: Register) -> dict[str, int]:
    """Write each authority's expected-but-not-evidenced rows into its own
    named graph (replacing what was there). Returns gaps written per authority."""
    written = {}
    for key in register.authorities:
        rows = [g for g in register.gaps if g.authority == key]
        triples = gap_triples(rows)
        store.replace_graph(gaps_graph_iri(key), triples, source="sgkg gaps --save")
        written[key] = sum(1 for g in rows if g.source == "expected")
    return written
