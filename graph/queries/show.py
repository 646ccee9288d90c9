"""Everything the store knows about one body, as data (``sgkg show``).

:func:`show_body` finds the body the way every name parameter does
(:func:`graph.lookup.resolve_body`: label, acronym, type name or unique
prefix, case-insensitive) and gathers its type, the authorities it serves,
its links grouped by kind with quality and short quotes, the judgements
about it and the findings and areas for improvement that concern it. The
link and finding lists come from the named queries ``body-links`` and
``body-findings``, so ``show`` and ``query`` never disagree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from graph import iri as iris
from graph.evidence import finding_quote, short_quote

QUOTE_WIDTH = 110

# labels through STR: the reader and a curated layer may label one body with and
# without a language tag
_DETAILS = """
PREFIX sg:   <https://w3id.org/sgkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?body (SAMPLE(STR(?l)) AS ?label) (SAMPLE(?t) AS ?type)
       (SAMPLE(STR(?tl)) AS ?typeLabel) (SAMPLE(?oc) AS ?orgClass) (SAMPLE(?a) AS ?area)
       (GROUP_CONCAT(DISTINCT STR(?alt); SEPARATOR="\u001f") AS ?alts)
       (GROUP_CONCAT(DISTINCT STR(?authLabel); SEPARATOR="\u001f") AS ?authorities)
WHERE {
  ?body rdfs:label ?l .
  OPTIONAL { ?body sg:bodyType ?t .
             OPTIONAL { ?t skos:prefLabel ?tl }
             OPTIONAL { ?t sg:orgClass ?oc } }
  OPTIONAL { ?body sg:area ?a }
  OPTIONAL { ?body skos:altLabel ?alt }
  OPTIONAL { ?body sg:authority ?auth . OPTIONAL { ?auth rdfs:label ?al }
             BIND(COALESCE(?al, REPLACE(STR(?auth), "^.*/body/([^/]+)/.*$", "$1")) AS ?authLabel) }
}
GROUP BY ?body
"""

_JUDGEMENTS = """
PREFIX sg:   <https://w3id.org/sgkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?body ?report ?area ?grade WHERE {
  ?j sg:subject ?body ; sg:judgementArea/skos:prefLabel ?area ;
     sg:grade/skos:prefLabel ?grade ; sg:report ?r .
  BIND(REPLACE(STR(?r), "^.*/report/", "") AS ?report)
}
ORDER BY ?report ?area
"""


@dataclass
class LinkView:
    """One link of the body, seen from the body."""

    direction: str  # "out" (the body is the source) or "in"
    kind: str
    other: str
    quality: str
    report: str
    evidence: str  # paragraph numbers or block names, comma-separated
    quotes: list[str]  # the inspectors' words, verbatim
    link: str
    how: str = "curated"  # "curated" (read by a person) or "extracted" (by sgkg's rules)


@dataclass
class TextView:
    """A finding, strength or area for improvement tied to the body."""

    kind: str
    how: str  # "concerns it" or "addressed to it"
    report: str
    number: int | None
    text: str


@dataclass
class Judgement:
    report: str
    area: str
    grade: str


@dataclass
class BodyView:
    """What ``sgkg show`` prints, as data."""

    iri: str
    label: str
    body_type: str = ""
    type_label: str = ""
    org_class: str = ""
    area: str = ""
    alt_labels: list[str] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    links: dict[str, list[LinkView]] = field(default_factory=dict)
    judgements: list[Judgement] = field(default_factory=list)
    findings: list[TextView] = field(default_factory=list)
    improvements: list[TextView] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def link_group(direction: str, kind: str) -> str:
    """The heading a link is listed under: ``reports to →`` for the body's own
    links, ``← member of`` for links of others to it."""
    return f"{kind} →" if direction == "out" else f"← {kind}"


def show_body(store: Any, name: str, authority: str | None = None) -> BodyView:
    """Everything about the body called ``name`` (or with that IRI).

    Raises :class:`graph.errors.AmbiguousNameError` (with the candidates) or
    :class:`graph.errors.UnknownNameError` (with the closest names)."""
    from graph.lookup import resolve_body
    from graph.queries.catalog import select_named_bound, sort_evidence

    body = resolve_body(store, name, authority=authority)
    rows = store.select(_DETAILS, {"body": body})
    row = rows[0] if rows else {}
    view = BodyView(
        iri=body,
        label=row.get("label") or body,
        body_type=iris.concept_key(row["type"]) if row.get("type") else "",
        type_label=row.get("typeLabel") or "",
        org_class=(row.get("orgClass") or "").rsplit("#", 1)[-1],
        area=iris.concept_key(row["area"]) if row.get("area") else "",
        alt_labels=_split(row.get("alts")),
        authorities=_split(row.get("authorities")),
    )
    for r in select_named_bound(store, "body-links", {"body": body}):
        other = r["target"] if r["direction"] == "out" else r["source"]
        view.links.setdefault(link_group(r["direction"], r["kind"]), []).append(
            LinkView(
                direction=r["direction"],
                kind=r["kind"],
                other=other,
                quality=r["quality"],
                report=r["report"] or "",
                evidence=sort_evidence(r["paragraphs"] or ""),
                quotes=_best_first(r["quote"] or "", other, r["quality"] or ""),
                link=r["link"],
                how=r.get("how") or "curated",
            )
        )
    for r in store.select(_JUDGEMENTS, {"body": body}):
        view.judgements.append(Judgement(r["report"], r["area"], r["grade"]))
    for r in select_named_bound(store, "body-findings", {"body": body}):
        item = TextView(
            kind=r["kind"],
            how=r["how"],
            report=r["report"] or "",
            number=r["number"],
            text=r["text"] or "",
        )
        if r["how"] == "addressed to it":
            view.improvements.append(item)
        else:
            view.findings.append(item)
    return view


def _best_first(quotes: str, other: str, quality: str = "") -> list[str]:
    """The quotes of a link: the one that states its quality first (chosen as
    everywhere, :func:`graph.evidence.finding_quote`), then those naming the
    other body, then the longer."""
    import re

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}

    named = words(other)
    found = [q for q in quotes.split(" | ") if q]
    ranked = sorted(found, key=lambda q: (len(named & words(q)), len(q)), reverse=True)
    lead = finding_quote(found, quality.lower()) if quality else ""
    return ([lead] if lead else []) + [q for q in ranked if " ".join(q.split()) != lead]


def _split(value: str | None) -> list[str]:
    return sorted(v for v in (value or "").split("\x1f") if v)


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis."""
    return short_quote(text, width)


def format_body(view: BodyView, quote_width: int = QUOTE_WIDTH) -> str:
    """A plain-text page about one body, for the terminal."""
    lines = [view.label]
    kind = view.type_label or view.body_type or "body"
    alts = f" (also: {', '.join(view.alt_labels)})" if view.alt_labels else ""
    lines.append(f"  type: {kind}{alts}" + (f"; org:{view.org_class}" if view.org_class else ""))
    if view.authorities:
        lines.append(f"  serves: {'; '.join(view.authorities)}")
    lines.append(f"  IRI: {view.iri}")
    if view.judgements:
        lines += ["", "Judgements"]
        for j in view.judgements:
            lines.append(f"  {j.area}: {j.grade}  [{j.report}]")
    count = sum(len(v) for v in view.links.values())
    lines += ["", f"Links ({count})" if count else "Links: none recorded"]
    extracted = sum(1 for v in view.links.values() for link in v if link.how == "extracted")
    if extracted:
        lines.append(
            f"  ({extracted} marked 'extracted' were found by sgkg's rules, not read by a "
            "person: check the quote)"
        )
    for group in sorted(view.links, key=lambda g: (g.startswith("←"), g)):
        lines.append(f"  {group}")
        for link in view.links[group]:
            where = f"para {link.evidence}" if link.evidence else "no evidence"
            how = ", extracted" if link.how == "extracted" else ""
            lines.append(f"    {link.other}  [{link.quality}{how}]  {where}")
            if link.quotes:
                more = f" (+{len(link.quotes) - 1} more)" if len(link.quotes) > 1 else ""
                lines.append(f'      "{shorten(link.quotes[0], quote_width)}"{more}')
    for title, items in (
        ("Findings and strengths that concern it", view.findings),
        ("Areas for improvement addressed to it", view.improvements),
    ):
        if not items:
            continue
        lines += ["", title]
        for item in items:
            num = f"{item.number}. " if item.number is not None else ""
            lines.append(f"  {num}{shorten(item.text, quote_width)}  ({item.kind}, {item.report})")
    return "\n".join(lines)
