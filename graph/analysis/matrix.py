"""The national matrix: every authority against every expected link, by era.

A row is an authority in one era (the LSCB era of the 2013-18 SIF reviews, or
the safeguarding partnership era of ILACS reports from 2018), read from its
latest report of that era; a column is an expectation of the reference model
(``ontology/expectations*.ttl``) in force then. A cell holds what the report
evidences:

* the quality inspectors found for a stated link that meets the expectation
  (``effective``, ``developing``, ``weak``, ``absent``, or ``stated`` when the
  report states the link without judging it), with its paragraphs;
* ``present`` when the expectation asks only that a body exist, and it does;
* ``not evidenced`` when the report is silent (never "absent": that is a
  finding, this is silence), with what the report does say;
* nothing when the expectation does not apply to that report.

Which expectations apply and which are not evidenced is the gap register's
judgement (:mod:`graph.analysis.register`), reused here report by report, so
the matrix and ``sgkg gaps`` never disagree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from typing import Any

from graph.analysis import register as reg
from graph.evidence import cite, evidence_order, short_quote

ERAS = {
    "lscb": "LSCB era (SIF reviews, 2013-19)",
    "partnership": "Safeguarding partnership era (from 2018)",
}

#: cell values, worst first; "" is "does not apply"
CELL_ORDER = ("absent", "weak", "not evidenced", "developing", "stated", "present", "effective")
#: stated qualities, worst first ("stated" is not an assessment)
_RANK = {"absent": 0, "weak": 1, "developing": 2, "effective": 3}


@dataclass(frozen=True)
class Column:
    iri: str
    label: str
    era: str
    source: str
    statutory: bool | None
    order: int


@dataclass(frozen=True)
class Cell:
    value: str  # see CELL_ORDER
    evidence: tuple[str, ...] = ()
    evidence_iris: tuple[str, ...] = ()
    quote: str = ""
    basis: str = ""

    @property
    def where(self) -> str:
        return cite(self.evidence)


@dataclass
class Row:
    authority: str
    label: str
    region: str
    era: str
    report: str  # report key
    day: str
    framework: str
    cells: dict[str, Cell] = field(default_factory=dict)  # column IRI -> cell


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)

    def columns_of(self, era: str | None) -> list[Column]:
        return [c for c in self.columns if not era or c.era == era]

    def as_dict(self) -> dict[str, Any]:
        return {
            "eras": ERAS,
            "columns": [asdict(c) for c in self.columns],
            "rows": [
                {
                    **{k: v for k, v in asdict(r).items() if k != "cells"},
                    "cells": {
                        k: {**asdict(c), "where": c.where} for k, c in sorted(r.cells.items())
                    },
                }
                for r in self.rows
            ],
            "summary": [asdict(s) for s in summarise(self)],
            "notes": self.notes,
        }


@dataclass(frozen=True)
class SummaryRow:
    """How one expected link stands across the rows of one era."""

    era: str
    expectation: str
    label: str
    rows: int  # authorities the expectation applied to
    absent: int
    weak: int
    developing: int
    not_evidenced: int
    effective: int
    stated_or_present: int

    @property
    def weak_or_absent(self) -> int:
        return self.absent + self.weak


# ---------------------------------------------------------------- building


def _era_of(applicable: list[Any]) -> str:
    return "partnership" if any(e.partnership_era for e in applicable) else "lscb"


#: extracted links are minted under this path (graph/rdf/extraction.py)
_EXTRACTED = "/link/extracted/"


def _report_links(world: Any, report: str) -> list[Any]:
    """The links a report evidences; a curated link wins over an extracted one
    with the same ends and kind (as the named queries do)."""
    links = [
        x
        for x in world.links
        if not x.evidence or any(rep == report for _label, rep in x.evidence.values())
    ]
    curated = {(x.source, x.kind, x.target) for x in links if _EXTRACTED not in x.iri}
    return [
        x for x in links if _EXTRACTED not in x.iri or (x.source, x.kind, x.target) not in curated
    ]


def _cells(world: Any, report: str, la: str, key: str, label: str) -> dict[str, Cell]:
    applicable = reg.applicable_expectations(world, report, la)
    one = replace(world, reports={report: world.reports[report]})
    gaps, _caveats, _n = reg.expected_gaps(one, la, key, label)
    missing: dict[str, list[Any]] = defaultdict(list)
    for g in gaps:
        missing[g.expectation].append(g)
    links = _report_links(world, report)
    area = {b.iri: b for b in world.bodies.values() if la in b.authorities or b.iri == la}
    cells: dict[str, Cell] = {}
    for e in applicable:
        subjects = [b for b in area.values() if b.type == e.subject_type]
        meeting = [
            x
            for x in links
            for s in subjects
            if s.iri in (x.source, x.target)
            and (p := world.bodies.get(x.target if x.source == s.iri else x.source))
            and p.type == e.partner_type
            and reg.link_meets(e, x, s.iri, p.iri)
        ]
        if meeting:
            cells[e.iri] = _found_cell(world, meeting, missing.get(e.iri, []))
        elif e.iri in missing:
            g = missing[e.iri][0]
            cells[e.iri] = Cell(
                "not evidenced",
                tuple(m.rsplit(" ", 1)[-1] for m in g.mentions[:6]),
                (),
                "",
                g.basis,
            )
        elif not subjects:
            type_label = reg.type_label(world, e.subject_type)
            cells[e.iri] = Cell(
                "not evidenced", basis=f"{type_label}: not named in the report, so not checked"
            )
        else:
            cells[e.iri] = Cell("present", basis="met by a body of the expected type")
    return cells


def _found_cell(world: Any, links: list[Any], missing: list[Any]) -> Cell:
    qualities = {x.quality for x in links}
    assessed = [q for q in qualities if q in _RANK]
    value = min(assessed, key=_RANK.get) if assessed else "stated"
    ev: dict[str, str] = {}
    for x in links:
        for unit, (lab, _rep) in x.evidence.items():
            ev[unit] = lab
    ordered = sorted(ev.items(), key=lambda kv: evidence_order(kv[1]))
    worst = [x for x in links if x.quality == value] or links
    # quoted from a curated link before an extracted one, then from the one the
    # report cites first: never from whichever the store happened to return first
    first = min(
        worst,
        key=lambda x: (_EXTRACTED in x.iri, min(_cited(x), default=(9, 0, "")), x.iri),
    )
    quote = reg.quote_for(world, first)
    basis = f"{len(links)} stated link(s)"
    if missing:
        basis += f"; not evidenced for {len(missing)} other body(ies) of the type"
    return Cell(
        value,
        tuple(v for _k, v in ordered),
        tuple(k for k, _v in ordered),
        short_quote(quote, 200),
        basis,
    )


def _cited(link: Any) -> list[tuple[int, int, str]]:
    return [evidence_order(label) for label, _rep in link.evidence.values()]


def national_matrix(
    store: Any,
    era: str | None = None,
    region: str | None = None,
    authorities: list[str] | None = None,
) -> Matrix:
    """The matrix of every authority in the store (or of ``authorities``,
    keys), one row per authority and era, from its latest report of that era."""
    from graph.authorities import load_register

    register = load_register()
    known = reg.known_authorities(store)
    if authorities is not None:
        world = reg.read_world_for_expectations(store) if len(authorities) > 3 else None
        if world is None:
            return _merge([_matrix_of(store, key, known, register) for key in authorities])
    else:
        world = reg.read_world_for_expectations(store)
    by_la: dict[str, list[str]] = defaultdict(list)
    for report, (la, _fw) in world.reports.items():
        by_la[la].append(report)
    keys = authorities or sorted(reg.authority_key_of(la) for la in by_la)
    index = reg.WorldIndex(world)
    result = Matrix([], [])
    columns: dict[str, Column] = {}
    for key in keys:
        la = reg.authority_iri(key)
        label = known.get(key, key)
        where = register.by_key(key).region if key in register else ""
        if region and where.casefold() != region.casefold():
            continue
        reports = by_la.get(la, [])
        view = partial(index.narrow, la)
        result.rows += _rows(world, view, reports, la, key, label, where, columns, era)
    used = {c for r in result.rows for c in r.cells}
    result.columns = sorted(
        (c for iri, c in columns.items() if iri in used), key=lambda c: (c.era, c.order, c.iri)
    )
    missing = [k for k in keys if not any(r.authority == k for r in result.rows)]
    if missing and not region:
        result.notes.append(
            "no expectation of the reference model applies to the reports of "
            + ", ".join(known.get(k, k) for k in missing)
            + " (a SIF re-inspection, or an ILACS report before the partnership era)"
        )
    return result


def _matrix_of(store: Any, key: str, known: dict[str, str], register: Any) -> Matrix:
    """One authority's rows, reading only its part of the store."""
    la = reg.authority_iri(key)
    world = reg.read_world(store, la)
    m = Matrix([], [])
    where = register.by_key(key).region if key in register else ""
    columns: dict[str, Column] = {}
    reports = [report for report, (owner, _fw) in world.reports.items() if owner == la]
    label = known.get(key, key)
    m.rows += _rows(world, lambda _report: world, reports, la, key, label, where, columns)
    used = {c for r in m.rows for c in r.cells}
    m.columns = [c for iri, c in columns.items() if iri in used]
    return m


def _rows(
    world: Any,
    view: Callable[[str], Any],
    reports: Iterable[str],
    la: str,
    key: str,
    label: str,
    where: str,
    columns: dict[str, Column],
    era: str | None = None,
) -> list[Row]:
    """The rows of the authority ``la`` (``key``, ``label``, region ``where``):
    per era (only ``era``, if given), its latest report among ``reports`` that
    an expectation applies to, each report read as ``view(report)`` gives it;
    the column of every expectation that applies is added to ``columns``."""
    latest: dict[str, tuple[str, str]] = {}
    for report in reports:
        applicable = reg.applicable_expectations(view(report), report, la)
        if not applicable:
            continue
        day = world.report_days.get(report) or reg.report_day(report)
        e_era = _era_of(applicable)
        if e_era not in latest or (day, report) > latest[e_era]:
            latest[e_era] = (day, report)
        for e in applicable:
            columns.setdefault(e.iri, _column(e))
    rows = []
    for e_era, (day, report) in sorted(latest.items()):
        if era and e_era != era:
            continue
        rows.append(
            Row(
                key,
                label,
                where,
                e_era,
                report.rsplit("/report/", 1)[-1],
                day[:10],
                _framework_label(world, report),
                _cells(view(report), report, la, key, label),
            )
        )
    return rows


def _merge(parts: list[Matrix]) -> Matrix:
    columns: dict[str, Column] = {}
    out = Matrix([], [])
    for p in parts:
        out.rows += p.rows
        out.notes += p.notes
        for c in p.columns:
            columns.setdefault(c.iri, c)
    out.columns = sorted(columns.values(), key=lambda c: (c.era, c.order, c.iri))
    return out


def _column(e: Any) -> Column:
    return Column(e.iri, e.label, "partnership" if e.partnership_era else "lscb", e.source,
                  e.statutory, e.order)  # fmt: skip


def _framework_label(world: Any, report: str) -> str:
    fw = world.reports[report][1]
    return {"sif-lscb": "SIF with LSCB review", "ilacs": "ILACS"}.get(fw, fw.replace("-", " "))


# ---------------------------------------------------------------- summary


def summarise(matrix: Matrix) -> list[SummaryRow]:
    """Per era and expectation, how often each value was found; the links
    most often weak or absent first, then most often not evidenced."""
    out = []
    for column in matrix.columns:
        counts: Counter[str] = Counter()
        n = 0
        for r in matrix.rows:
            cell = r.cells.get(column.iri)
            if cell is None or r.era != column.era:
                continue
            n += 1
            counts[cell.value] += 1
        if not n:
            continue
        out.append(
            SummaryRow(
                column.era,
                column.iri,
                column.label,
                n,
                counts["absent"],
                counts["weak"],
                counts["developing"],
                counts["not evidenced"],
                counts["effective"],
                counts["stated"] + counts["present"],
            )
        )
    out.sort(key=lambda s: (s.era, -s.weak_or_absent, -s.developing, -s.not_evidenced, s.label))
    return out


# ---------------------------------------------------------------- text formats

SUMMARY_HEADERS = (
    "era",
    "expected link",
    "authorities",
    "absent",
    "weak",
    "developing",
    "not evidenced",
    "effective",
    "stated or present",
)


def render_matrix(matrix: Matrix, fmt: str, summary: bool = False) -> str:
    """The matrix (one line per authority and era, a column per expected
    link) or, with ``summary``, the table of links most often weak or absent."""
    import json

    from graph.tables import format_rows

    if fmt == "json":
        return json.dumps(matrix.as_dict(), indent=1, ensure_ascii=False)
    if summary:
        rows = [
            [ERAS[s.era].split(" (")[0], s.label, s.rows, s.absent, s.weak, s.developing,
             s.not_evidenced, s.effective, s.stated_or_present]
            for s in summarise(matrix)
        ]  # fmt: skip
        text = format_rows(list(SUMMARY_HEADERS), rows, fmt)
    else:
        headers = ["authority", "region", "era", "report"]
        cols = matrix.columns
        if fmt in ("csv", "tsv"):
            headers += [c.label for c in cols] + [f"{c.label} (evidence)" for c in cols]
        else:
            headers += [c.label for c in cols]
        rows = []
        for r in matrix.rows:
            cells = [r.cells.get(c.iri) for c in cols]
            line = [r.label, r.region, r.era, r.report] + [c.value if c else "" for c in cells]
            if fmt in ("csv", "tsv"):
                line += [(c.where or c.basis) if c else "" for c in cells]
            rows.append(line)
        text = format_rows(headers, rows, fmt)
    if fmt in ("table", "md") and matrix.notes:
        text += "\n\n" + "\n".join(f"Note: {n}" for n in matrix.notes)
    return text
