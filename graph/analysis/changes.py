"""What changed in a partnership between one inspection and the next.

For an authority and its line (predecessors and successors in the national
register: Bournemouth and Poole before Bournemouth, Christchurch and Poole),
each report is set beside the one before it: the same authority's previous
report, or for the first report of a new authority, the last report of each
predecessor. For each such pair:

* **judgements**: each graded area, before and after, better or worse by the
  grades' order;
* **links**: stated links matched by what they join, not by IRI: the body
  type at each end (so an LSCB meets the safeguarding partnership that
  replaced it, a CCG its integrated care board, Bournemouth's police the BCP
  police) and the link kind; gained, no longer recorded, or changed in quality;
* **recurring**: areas for improvement and recommendations of the later report
  whose words are close to one of the earlier report's (both paragraphs
  cited);
* **bodies**: kinds of body the later report names that the earlier did not,
  and the other way round.

Every row cites the paragraphs (or blocks) on each side. A link the later
report does not state is "not recorded later": the report is silent, which is
not a finding that the link is gone.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from graph import iri
from graph import namespaces as ns
from graph.errors import UserError
from graph.evidence import cite, evidence_order, finding_quote, short_quote, unit_label

#: body types of one era and the type that took their place in the next
#: (LSCBs gave way to safeguarding partner arrangements from 2019, Children and
#: Social Work Act 2017 s30; integrated care boards replaced clinical
#: commissioning groups on 1 July 2022; independent scrutiny of the
#: arrangements took the place of the LSCB's independent chair)
ERA_SUCCESSORS = {
    "lscb": "safeguarding-partnership",
    "ccg": "icb",
    "lscb-chair": "independent-scrutineer",
}

#: quality of a stated link, best to worst; "stated" is not an assessment
QUALITY_RANK = {"effective": 3, "developing": 2, "weak": 1, "absent": 0}
QUALITY_ORDER = ("absent", "weak", "developing", "effective", "stated")

ASPECTS = ("judgement", "link", "recurring", "body")

#: reports of one authority this close together are parts of one inspection
#: (Surrey 2015: the SIF report in June, its LSCB review in August)
SAME_INSPECTION_DAYS = 120

#: two items whose words score at least this (0..1) are "the same ask again"
RECUR_THRESHOLD = 0.24

HEADERS = (
    "earlier",
    "later",
    "aspect",
    "change",
    "what",
    "before",
    "before_evidence",
    "after",
    "after_evidence",
)


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Cited:
    """One side of a row: a value, where the report says it, and its words."""

    value: str = ""
    evidence: tuple[str, ...] = ()  # labels: "112", "judgement-table"
    evidence_iris: tuple[str, ...] = ()
    quote: str = ""

    @property
    def where(self) -> str:
        return cite(self.evidence)


@dataclass(frozen=True)
class ChangeRow:
    earlier: str  # report key, "bournemouth/2014-06-30"
    later: str
    aspect: str  # judgement | link | recurring | body
    change: str  # better, worse, same, gained, not recorded later, ...
    what: str
    before: Cited
    after: Cited
    score: float | None = None  # recurring: how close the two texts are

    def cells(self) -> list[str]:
        return [
            self.earlier,
            self.later,
            self.aspect,
            self.change,
            self.what,
            self.before.value,
            self.before.where,
            self.after.value,
            self.after.where,
        ]

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for side in ("before", "after"):
            d[side]["evidence"] = list(d[side]["evidence"])
            d[side]["evidence_iris"] = list(d[side]["evidence_iris"])
            d[side]["where"] = getattr(self, side).where
        return d


@dataclass
class Inspection:
    """One report and what it says, as far as the comparison needs."""

    report: str  # IRI
    key: str  # "bournemouth/2014-06-30"
    authority: str  # authority key
    authority_label: str
    day: str  # ISO: the inspection's last day, else publication
    framework: str  # label
    judgements: dict[str, tuple[str, str, int, tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=dict
    )  # area key -> (area label, grade label, grade order, evidence labels, iris)
    links: list[_StatedLink] = field(default_factory=list)
    asks: list[_Ask] = field(default_factory=list)
    mentions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # type -> units
    parts: list[str] = field(default_factory=list)  # report IRIs of one inspection


@dataclass
class _StatedLink:
    iri: str
    source: str
    target: str
    source_label: str
    target_label: str
    source_type: str
    target_type: str
    kind: str
    quality: str
    extracted: bool
    evidence: dict[str, tuple[str, str]] = field(default_factory=dict)  # iri -> (label, text)
    quotes: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Ask:
    """An area for improvement, recommendation or priority action."""

    iri: str
    label: str  # how it is cited
    text: str


@dataclass
class Changes:
    """``sgkg changes``: the pairs compared and what changed in each."""

    authority: str
    authority_label: str
    family: list[str]  # the authority's line, keys, oldest first
    inspections: list[Inspection]
    pairs: list[tuple[str, str]]  # (earlier key, later key)
    rows: list[ChangeRow]
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "authority": self.authority,
            "authority_label": self.authority_label,
            "family": self.family,
            "inspections": [
                {
                    "report": i.key,
                    "authority": i.authority,
                    "day": i.day,
                    "framework": i.framework,
                    "judgements": {a: j[1] for a, j in i.judgements.items()},
                }
                for i in self.inspections
            ],
            "pairs": [list(p) for p in self.pairs],
            "notes": self.notes,
            "rows": [r.as_dict() for r in self.rows],
        }


# ---------------------------------------------------------------- reading the store

_REPORTS = """
SELECT ?auth ?report ?fwLabel ?issued ?end WHERE {
  ?report sg:authority ?auth ; a sg:Report .
  OPTIONAL { ?report sg:framework/skos:prefLabel ?fwLabel }
  OPTIONAL { ?report dcterms:issued ?issued }
  OPTIONAL { ?inspection sg:report ?report ; sg:endDate ?end }
}
"""

_JUDGEMENTS = """
SELECT ?report ?area ?areaLabel ?gradeLabel ?order ?ev WHERE {
  ?j sg:report ?report ; a sg:Judgement ; sg:judgementArea ?area ; sg:grade ?grade .
  ?area skos:prefLabel ?areaLabel .
  ?grade skos:prefLabel ?gradeLabel .
  OPTIONAL { ?grade sg:order ?order }
  OPTIONAL { ?j sg:evidence ?ev }
}
"""

_LINKS = """
SELECT ?report ?link ?s ?t ?kind ?quality ?ev ?text ?quote ?sl ?tl ?st ?tt ?run WHERE {
  ?ev sg:report ?report .
  ?link sg:evidence ?ev ; sg:source ?s ; sg:target ?t ; sg:linkKind ?kind ; sg:quality ?quality .
  OPTIONAL { ?ev sg:text ?text }
  OPTIONAL { ?link sg:quote ?quote }
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?t rdfs:label ?tl }
  OPTIONAL { ?s sg:bodyType ?st }
  OPTIONAL { ?t sg:bodyType ?tt }
  OPTIONAL { ?link prov:wasGeneratedBy ?run . ?run a sg:Extraction }
}
"""

_ASKS = """
SELECT ?report ?item ?n ?text WHERE {
  ?item sg:report ?report ; a ?class .
  FILTER(?class IN (sg:AreaForImprovement, sg:Recommendation, sg:PriorityAction))
  OPTIONAL { ?item sg:number ?n }
  OPTIONAL { ?item sg:text ?text }
}
"""

_MENTIONS = """
SELECT ?report ?unit ?type WHERE { ?unit sg:report ?report ; sg:mentionsBodyType ?type . }
"""

_LABELS = """
SELECT ?c ?label WHERE {
  ?c skos:inScheme ?scheme ; skos:prefLabel ?label .
  FILTER(?scheme IN (<https://w3id.org/sgkg/vocab/body-type>,
                     <https://w3id.org/sgkg/vocab/link-kind>))
}
"""


def _key(value: str | None) -> str:
    return iri.concept_key(value) if value else ""


def report_key(report_iri: str) -> str:
    """``bournemouth/2014-06-30`` for a report IRI."""
    return report_iri.removeprefix(ns.ID + "report/")


def concept_labels(store: Any) -> dict[str, str]:
    """Body-type and link-kind keys -> prefLabel."""
    return {_key(r["c"]): r["label"] for r in store.select(_LABELS)}


def family_of(authority: str) -> list[str]:
    """The authority and its line in the national register, oldest first
    (``bournemouth-christchurch-and-poole`` -> bournemouth, poole, itself)."""
    from graph.authorities import load_register

    register = load_register()
    if authority not in register:
        return [authority]
    line = register.lineage(authority)
    me = register.by_key(authority)
    return [a.key for a in sorted([*line, me], key=lambda a: (a.from_ or date.min, a.key))]


def read_inspections(store: Any, authorities: list[str]) -> list[Inspection]:
    """The reports of ``authorities`` (keys), oldest first, each read whole;
    reports of one authority within :data:`SAME_INSPECTION_DAYS` of each other
    are merged into one inspection."""
    from graph.analysis.register import authority_iri, known_authorities

    known = known_authorities(store)
    found: dict[str, Inspection] = {}
    for key in authorities:
        for r in store.select(_REPORTS, {"auth": authority_iri(key)}):
            day = str(r["end"] or r["issued"] or report_key(r["report"]).rsplit("/", 1)[-1])
            i = found.get(r["report"])
            if i is None or day > i.day:
                found[r["report"]] = Inspection(
                    report=r["report"],
                    key=report_key(r["report"]),
                    authority=key,
                    authority_label=known.get(key, key),
                    day=day[:10],
                    framework=r["fwLabel"] or "",
                    parts=[r["report"]],
                )
    reports = sorted(found.values(), key=lambda i: (i.day, i.key))
    for i in reports:
        _read_report(store, i, i.report)
    return _merge_parts(reports)


def _merge_parts(reports: list[Inspection]) -> list[Inspection]:
    out: list[Inspection] = []
    for i in reports:
        prev = next((p for p in reversed(out) if p.authority == i.authority), None)
        if prev is not None and _days_between(prev.day, i.day) <= SAME_INSPECTION_DAYS:
            prev.parts.append(i.report)
            prev.key += " + " + i.key.rsplit("/", 1)[-1]
            for area, j in i.judgements.items():
                prev.judgements.setdefault(area, j)
            prev.links += i.links
            prev.asks += i.asks
            for t, units in i.mentions.items():
                prev.mentions.setdefault(t, []).extend(units)
            prev.framework = " + ".join(dict.fromkeys([prev.framework, i.framework]))
            continue
        out.append(i)
    return out


def _days_between(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days)
    except ValueError:
        return 10**6


def _read_report(store: Any, i: Inspection, report: str) -> None:
    bound = {"report": report}
    grouped: dict[str, dict[str, Any]] = {}
    for r in store.select(_JUDGEMENTS, bound):
        area = _key(r["area"])
        j = grouped.setdefault(
            area, {"label": r["areaLabel"], "grade": r["gradeLabel"], "order": r["order"], "ev": {}}
        )
        if r["ev"]:
            j["ev"][r["ev"]] = unit_label(r["ev"])
    for area, j in grouped.items():
        ev = sorted(j["ev"].items(), key=lambda kv: evidence_order(kv[1]))
        i.judgements[area] = (
            j["label"],
            j["grade"],
            int(j["order"] or 0),
            tuple(v for _k, v in ev),
            tuple(k for k, _v in ev),
        )

    links: dict[str, _StatedLink] = {}
    for r in store.select(_LINKS, bound):
        link = links.get(r["link"])
        if link is None:
            link = links[r["link"]] = _StatedLink(
                iri=r["link"],
                source=r["s"],
                target=r["t"],
                source_label=r["sl"] or r["s"],
                target_label=r["tl"] or r["t"],
                source_type=_key(r["st"]),
                target_type=_key(r["tt"]),
                kind=_key(r["kind"]),
                quality=_key(r["quality"]),
                extracted=bool(r["run"]),
            )
        link.evidence[r["ev"]] = (unit_label(r["ev"]), r["text"] or "")
        if r["quote"]:
            link.quotes.add(r["quote"])
    # a curated link wins over an extracted one with the same ends and kind
    curated = {(x.source, x.kind, x.target) for x in links.values() if not x.extracted}
    i.links += [
        x for x in links.values() if not x.extracted or (x.source, x.kind, x.target) not in curated
    ]

    asks: dict[str, _Ask] = {}
    for r in store.select(_ASKS, bound):
        if r["item"] not in asks and r["text"]:
            asks[r["item"]] = _Ask(r["item"], unit_label(r["item"]), " ".join(r["text"].split()))
    i.asks += sorted(asks.values(), key=lambda a: evidence_order(a.label))

    for r in store.select(_MENTIONS, bound):
        i.mentions.setdefault(_key(r["type"]), []).append((unit_label(r["unit"]), r["unit"]))


# ---------------------------------------------------------------- pairs


def pair_up(inspections: list[Inspection]) -> list[tuple[int, int]]:
    """(earlier, later) indexes: each report beside its authority's previous
    one, or, for an authority's first, the last report of each predecessor."""
    from graph.authorities import load_register

    register = load_register()
    pairs = []
    for n, later in enumerate(inspections):
        same = [m for m in range(n) if inspections[m].authority == later.authority]
        if same:
            pairs.append((same[-1], n))
            continue
        before = []
        if later.authority in register:
            before = [p.key for p in register.predecessors(later.authority)]
        for key in before:
            theirs = [m for m in range(n) if inspections[m].authority == key]
            if theirs:
                pairs.append((theirs[-1], n))
    return sorted(pairs, key=lambda p: (inspections[p[1]].day, inspections[p[0]].day))


def _bound(value: str | None, reports: list[Inspection], upper: bool) -> str | None:
    """A --from/--to value as an ISO day: a report key (``bournemouth/2014-06-30``
    or ``2014-06-30``), a date, a year-month or a year."""
    if not value:
        return None
    v = value.strip()
    for i in reports:
        if v in (i.key, i.report) or any(v in (report_key(p), p) for p in i.parts):
            return i.day
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-12-31" if upper else f"{v}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return f"{v}-31" if upper else f"{v}-01"
    try:
        return date.fromisoformat(v).isoformat()
    except ValueError:
        known = ", ".join(i.key for i in reports) or "none"
        raise UserError(
            f"{value!r} is neither a date (2014, 2014-06 or 2014-06-30) nor a report "
            f"of this authority (reports: {known})"
        ) from None


# ---------------------------------------------------------------- the comparison


def changes(
    store: Any,
    authority: str,
    since: str | None = None,
    until: str | None = None,
    aspects: tuple[str, ...] = ASPECTS,
    unchanged: bool = False,
) -> Changes:
    """What changed between each pair of consecutive inspections of
    ``authority`` (a name or key) and its line; ``since``/``until`` keep the
    inspections from/up to a date or report key. Raises
    :class:`~graph.errors.UnknownNameError` for an authority the store does
    not hold; one inspection is not an error (``notes`` says so)."""
    from graph.analysis.register import known_authorities, require_authority

    known = known_authorities(store)
    key = require_authority(store, authority, known)
    family = [k for k in family_of(key) if k in known or k == key]
    inspections = read_inspections(store, family)
    label = known.get(key, key)
    lo, hi = _bound(since, inspections, False), _bound(until, inspections, True)
    kept = [i for i in inspections if (not lo or i.day >= lo) and (not hi or i.day <= hi)]
    result = Changes(key, label, family, kept, [], [])
    if len(kept) < 2:
        what = "in the store" if len(kept) == len(inspections) else "in that period"
        if not kept:
            result.notes.append(f"no inspection of {label} {what}")
        else:
            result.notes.append(
                f"only one inspection of {label} {what} ({kept[0].key}); nothing to compare"
            )
        return result
    labels = concept_labels(store)
    for a, b in pair_up(kept):
        earlier, later = kept[a], kept[b]
        result.pairs.append((earlier.key, later.key))
        if "judgement" in aspects:
            result.rows += judgement_changes(earlier, later, unchanged)
        if "link" in aspects:
            result.rows += link_changes(earlier, later, labels, unchanged)
        if "recurring" in aspects:
            result.rows += recurring_asks(earlier, later)
        if "body" in aspects:
            result.rows += body_changes(earlier, later, labels)
    if len({i.authority for i in kept}) > 1:
        names = ", ".join(dict.fromkeys(i.authority_label for i in kept))
        result.notes.append(
            f"reports of {names} are compared as one line (predecessors and successors in "
            "the national register); bodies are matched by type across the change"
        )
    return result


def judgement_changes(
    earlier: Inspection, later: Inspection, unchanged: bool = False
) -> list[ChangeRow]:
    rows = []
    areas = list(earlier.judgements) + [a for a in later.judgements if a not in earlier.judgements]
    for area in areas:
        b, a = earlier.judgements.get(area), later.judgements.get(area)
        if b and a:
            if b[2] and a[2]:
                change = "better" if a[2] > b[2] else "worse" if a[2] < b[2] else "same"
            else:
                change = "same" if b[1] == a[1] else "not comparable"
            if change == "same" and not unchanged:
                continue
        elif b:
            change = "not judged later"
        else:
            change = "newly judged"
        rows.append(
            ChangeRow(
                earlier.key,
                later.key,
                "judgement",
                change,
                (a or b)[0],  # type: ignore[index]
                Cited(b[1], b[3], b[4]) if b else Cited(),
                Cited(a[1], a[3], a[4]) if a else Cited(),
            )
        )
    order = ("worse", "better", "not comparable", "same", "newly judged", "not judged later")
    return sorted(rows, key=lambda r: order.index(r.change))


# ---- links


def era_type(type_key: str) -> str:
    """The body type that stands for ``type_key`` in the latest era."""
    seen = set()
    while type_key in ERA_SUCCESSORS and type_key not in seen:
        seen.add(type_key)
        type_key = ERA_SUCCESSORS[type_key]
    return type_key


def _name_part(body_iri: str, type_key: str) -> str:
    """The distinguishing name of a body minted ``.../{type}/{name}``, else ""."""
    _head, sep, tail = body_iri.partition(f"/{type_key}/")
    return tail if sep else ""


def _type_label(labels: dict[str, str], type_key: str, seen: set[str] | None = None) -> str:
    """The label of an era type; with the original types ``seen``, each of
    them, oldest first ("Local Safeguarding Children Board / Local safeguarding
    partnership" when an LSCB meets the partnership that replaced it)."""
    olds = [t for t in (seen or ()) if era_type(t) == type_key and t != type_key]
    keys = sorted(olds) + ([type_key] if type_key in (seen or {type_key}) or not olds else [])
    return " / ".join(labels.get(t, t.replace("-", " ") or "body") for t in keys)


@dataclass
class _Group:
    """Every link of one report that joins the same kinds of body by one kind."""

    signature: tuple[str, ...]
    loose: tuple[str, ...]  # the signature without body names
    links: list[_StatedLink] = field(default_factory=list)

    @property
    def quality(self) -> str:
        assessed = [x.quality for x in self.links if x.quality in QUALITY_RANK]
        if assessed:
            return min(assessed, key=lambda q: QUALITY_RANK[q])
        return "stated"

    @property
    def qualities(self) -> str:
        found = {x.quality for x in self.links}
        return "; ".join(q for q in QUALITY_ORDER if q in found) or "stated"

    def cited(self, value: str | None = None) -> Cited:
        ev: dict[str, tuple[str, str]] = {}
        quotes: set[str] = set()
        worst = self.quality
        for x in self.links:
            ev.update(x.evidence)
            if x.quality == worst:
                quotes |= x.quotes
        ordered = sorted(ev.items(), key=lambda kv: evidence_order(kv[1][0]))
        quote = finding_quote(sorted(quotes), worst) if quotes else ""
        if not quote and ordered:
            quote = ordered[0][1][1]
        bodies = sorted({f"{x.source_label} → {x.target_label}" for x in self.links})
        shown = value if value is not None else self.qualities
        return Cited(
            f"{shown} ({'; '.join(bodies[:2])}{' …' if len(bodies) > 2 else ''})",
            tuple(v[0] for _k, v in ordered),
            tuple(k for k, _v in ordered),
            short_quote(quote, 200),
        )


def _signature(link: _StatedLink, names: bool) -> tuple[str, ...]:
    from graph.vocabulary import symmetric_link_kinds

    ends = [
        (era_type(link.source_type), _name_part(link.source, link.source_type) if names else ""),
        (era_type(link.target_type), _name_part(link.target, link.target_type) if names else ""),
    ]
    if link.kind in symmetric_link_kinds():
        ends.sort()
    return (link.kind, *ends[0], *ends[1])


def _groups(links: list[_StatedLink]) -> dict[tuple[str, ...], _Group]:
    out: dict[tuple[str, ...], _Group] = {}
    for x in links:
        sig = _signature(x, True)
        g = out.setdefault(sig, _Group(sig, _signature(x, False)))
        g.links.append(x)
    return out


def _what(labels: dict[str, str], sig: tuple[str, ...], *groups: _Group) -> str:
    seen = {t for g in groups for x in g.links for t in (x.source_type, x.target_type)}
    kind, st, sn, tt, tn = sig
    s = _type_label(labels, st, seen) + (f" ({sn.replace('-', ' ')})" if sn else "")
    t = _type_label(labels, tt, seen) + (f" ({tn.replace('-', ' ')})" if tn else "")
    from graph.vocabulary import symmetric_link_kinds

    word = labels.get(kind, kind.replace("-", " "))
    if kind in symmetric_link_kinds():
        return f"{s} —{word}— {t}"
    return f"{s} —{word}→ {t}"


def link_changes(
    earlier: Inspection,
    later: Inspection,
    labels: dict[str, str] | None = None,
    unchanged: bool = False,
) -> list[ChangeRow]:
    """Links matched by kind and the body types at their ends (exact names
    first, then by type alone), gained, not recorded later, or changed."""
    labels = labels or {}
    before, after = _groups(earlier.links), _groups(later.links)
    matched: list[tuple[_Group, _Group]] = []
    for sig in [s for s in before if s in after]:
        matched.append((before.pop(sig), after.pop(sig)))
    loose_after: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for g in after.values():
        loose_after[g.loose].append(g)
    for sig, g in list(before.items()):
        if loose_after.get(g.loose):
            other = loose_after[g.loose].pop(0)
            matched.append((before.pop(sig), after.pop(other.signature)))

    rows: list[ChangeRow] = []
    for b, a in matched:
        qb, qa = b.quality, a.quality
        if qb == qa:
            if not unchanged:
                continue
            change = "same"
        elif qb in QUALITY_RANK and qa in QUALITY_RANK:
            change = "better" if QUALITY_RANK[qa] > QUALITY_RANK[qb] else "worse"
        elif qa == "stated":
            change = "stated, not assessed later"
        else:
            change = f"now assessed {qa}"
        rows.append(
            ChangeRow(
                earlier.key,
                later.key,
                "link",
                change,
                _what(labels, b.signature if b.signature == a.signature else b.loose, b, a),
                b.cited(),
                a.cited(),
            )
        )
    for g in after.values():
        rows.append(
            ChangeRow(
                earlier.key,
                later.key,
                "link",
                "gained",
                _what(labels, g.signature),
                Cited(),
                g.cited(),
            )
        )
    for g in before.values():
        concern = g.quality in ("absent", "weak", "developing")
        rows.append(
            ChangeRow(
                earlier.key,
                later.key,
                "link",
                "earlier concern not revisited" if concern else "not recorded later",
                _what(labels, g.signature, g),
                g.cited(),
                Cited(),
            )
        )
    order = {
        "worse": 0,
        "better": 1,
        "now assessed absent": 2,
        "now assessed weak": 2,
        "now assessed developing": 2,
        "now assessed effective": 2,
        "stated, not assessed later": 3,
        "same": 4,
        "earlier concern not revisited": 5,
        "gained": 6,
        "not recorded later": 7,
    }
    rows.sort(key=lambda r: (order.get(r.change, 9), r.what))
    return rows


# ---- recurring asks

_STOP = frozenset(
    """
a about across all also an and any are as at be been being both by can for from has have
how in into is it its more most must need needs of on or other so such that the their them
there these they this those through to under well were what when where which who whose will
with within without all ensure ensuring improve improving improvement improvements review
reviewing develop developing development accelerate continue strengthen further increase
make sure take steps should local authority authoritys lscb board partnership partners area
areas children child young people person peoples childrens service services so they are
consistent consistently quality effective effectively level levels including range
""".split()
)


def _stem(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + keep
    return word


def words_of(text: str) -> set[str]:
    """The content words of ``text``, lower case and crudely stemmed."""
    found = re.findall(r"[a-z]+", text.lower().replace("'", "").replace("\u2019", ""))
    return {_stem(w) for w in found if w not in _STOP and len(w) > 2}


def _surface(text: str) -> dict[str, str]:
    """Stem -> the first word of ``text`` that gives it, to show people words."""
    out: dict[str, str] = {}
    for w in re.findall(r"[a-z]+", text.lower().replace("'", "").replace("\u2019", "")):
        out.setdefault(_stem(w), w)
    return out


def similarity(a: set[str], b: set[str], idf: dict[str, float] | None = None) -> float:
    """Cosine of two word sets, each word weighted by ``idf`` (1 when not given)."""
    if not a or not b:
        return 0.0
    w = idf or {}
    both = sum(w.get(x, 1.0) ** 2 for x in a & b)
    na = math.sqrt(sum(w.get(x, 1.0) ** 2 for x in a))
    nb = math.sqrt(sum(w.get(x, 1.0) ** 2 for x in b))
    return both / (na * nb)


def recurring_asks(
    earlier: Inspection, later: Inspection, threshold: float = RECUR_THRESHOLD
) -> list[ChangeRow]:
    """Each area for improvement or recommendation of the later report whose
    words are close to one of the earlier report's: the ask recurs."""
    if not earlier.asks or not later.asks:
        return []
    bags = {a.iri: words_of(a.text) for a in earlier.asks + later.asks}
    df: dict[str, int] = defaultdict(int)
    for bag in bags.values():
        for w in bag:
            df[w] += 1
    n = len(bags)
    idf = {w: math.log((n + 1) / (d + 0.5)) for w, d in df.items()}
    rows = []
    for ask in later.asks:
        scored = [(similarity(bags[e.iri], bags[ask.iri], idf), e) for e in earlier.asks]
        score, best = max(scored, key=lambda se: (se[0], -evidence_order(se[1].label)[1]))
        if score < threshold:
            continue
        shared = sorted(bags[best.iri] & bags[ask.iri], key=lambda w: -idf.get(w, 0))
        shared = [_surface(ask.text + " " + best.text).get(w, w) for w in shared]
        rows.append(
            ChangeRow(
                earlier.key,
                later.key,
                "recurring",
                "asked again",
                "shared words: " + ", ".join(shared[:5]),
                Cited(short_quote(best.text, 160), (best.label,), (best.iri,), best.text),
                Cited(short_quote(ask.text, 160), (ask.label,), (ask.iri,), ask.text),
                round(score, 2),
            )
        )
    rows.sort(key=lambda r: -(r.score or 0))
    return rows


# ---- bodies

#: body types too general to say anything by appearing or not
_GENERAL_TYPES = frozenset({"unit", "post", "board", "partner-agencies", "local-authority"})


def _types_named(i: Inspection) -> dict[str, dict[str, Any]]:
    """Era type -> {"types": original types, "units": [(label, unit)]}: the
    reader's mentions and the ends of stated links."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    originals: dict[str, set[str]] = defaultdict(set)
    for t, units in i.mentions.items():
        originals[era_type(t)].add(t)
        for label, unit in units:
            found[era_type(t)][unit] = label
    for x in i.links:
        for t in (x.source_type, x.target_type):
            originals[era_type(t)].add(t)
            for unit, (label, _text) in x.evidence.items():
                found[era_type(t)][unit] = label
    return {
        t: {
            "types": originals[t],
            "units": sorted(
                ((lab, u) for u, lab in units.items()), key=lambda lu: evidence_order(lu[0])
            ),
        }
        for t, units in found.items()
        if t and t not in _GENERAL_TYPES
    }


def body_changes(
    earlier: Inspection, later: Inspection, labels: dict[str, str] | None = None
) -> list[ChangeRow]:
    """Kinds of body the later report names and the earlier did not, and the
    other way round (with the paragraphs that name them)."""
    labels = labels or {}
    before, after = _types_named(earlier), _types_named(later)

    def side(named: dict[str, Any]) -> Cited:
        units = named["units"]
        shown = units[:4]
        more = f" and {len(units) - 4} more" if len(units) > 4 else ""
        return Cited(
            f"named{more}" if more else "named",
            tuple(u[0] for u in shown),
            tuple(u[1] for u in shown),
        )

    rows = []
    for t in sorted(set(after) - set(before), key=lambda t: _type_label(labels, t)):
        rows.append(
            ChangeRow(
                earlier.key,
                later.key,
                "body",
                "named later",
                _type_label(labels, t, after[t]["types"]),
                Cited("not named"),
                side(after[t]),
            )
        )
    for t in sorted(set(before) - set(after), key=lambda t: _type_label(labels, t)):
        rows.append(
            ChangeRow(
                earlier.key,
                later.key,
                "body",
                "not named later",
                _type_label(labels, t, before[t]["types"]),
                side(before[t]),
                Cited("not named"),
            )
        )
    return rows


# ---------------------------------------------------------------- output


def render_changes(result: Changes, fmt: str) -> str:
    """The rows in one of the row formats; table and md lead with the pairs
    compared and any notes."""
    import json

    from graph.tables import format_rows

    if fmt == "json":
        return json.dumps(result.as_dict(), indent=1, ensure_ascii=False)
    if fmt in ("csv", "tsv"):
        headers = [*HEADERS, "before_quote", "after_quote", "score"]
        rows = [
            [*r.cells(), r.before.quote, r.after.quote, "" if r.score is None else r.score]
            for r in result.rows
        ]
        return format_rows(headers, rows, fmt)
    lead = [f"Changes for {result.authority_label}"]
    if result.inspections:
        lead.append(
            "Inspections: "
            + "; ".join(
                f"{i.key} ({i.framework or 'report'}"
                + (f", overall {i.judgements['overall'][1]}" if "overall" in i.judgements else "")
                + ")"
                for i in result.inspections
            )
        )
    for earlier, later in result.pairs:
        mine = [r for r in result.rows if (r.earlier, r.later) == (earlier, later)]
        counts = defaultdict(int)
        for r in mine:
            counts[r.aspect] += 1
        lead.append(
            f"{earlier} -> {later}: "
            + ", ".join(f"{counts[a]} {a} row(s)" for a in ASPECTS if counts[a])
        )
    lead += [f"Note: {n}" for n in result.notes]
    if not result.rows:
        return "\n".join(lead)
    headers = ["aspect", "change", "what", "before", "evidence", "after", "evidence"]
    several = len(result.pairs) > 1
    if several:
        headers = ["earlier", "later", *headers]
    rows = []
    for r in result.rows:
        cells = [r.aspect, r.change, r.what, r.before.value, r.before.where, r.after.value]
        cells.append(r.after.where)
        rows.append(([r.earlier, r.later] if several else []) + cells)
    sep = "\n\n" if fmt == "md" else "\n"
    lead_text = sep.join(lead)
    return lead_text + "\n\n" + format_rows(headers, rows, fmt)
