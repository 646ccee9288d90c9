"""Authorities side by side: ``sgkg compare A B ...`` and ``--neighbours``.

For each authority, its latest report: the judgements, the gap register's
counts by severity (inspectors' findings apart from expected links not
evidenced), and for each expected link of the reference model the quality
found or "not evidenced" (the national matrix's cells, :mod:`graph.analysis.matrix`),
each with the paragraphs behind it one step away (``--format json`` carries
every citation and quote).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.analysis.matrix import ERAS, Cell, national_matrix

#: the order a report prints its judgements in
AREA_ORDER = ("overall", "help-and-protection", "looked-after", "adoption", "care-leavers",
              "leadership", "lscb")  # fmt: skip

GAP_LINES = (
    ("absent", "inspectors", "links found absent (inspectors)"),
    ("weak", "inspectors", "links found weak (inspectors)"),
    ("developing", "inspectors", "links found developing (inspectors)"),
    ("not evidenced", "expected", "expected links not evidenced"),
)


@dataclass
class Side:
    """One authority's column."""

    key: str
    label: str
    region: str
    report: str = ""
    framework: str = ""
    judgements: dict[str, tuple[str, str]] = field(default_factory=dict)  # area -> (label, grade)
    judgement_evidence: dict[str, str] = field(default_factory=dict)
    gaps: dict[str, int] = field(default_factory=dict)  # GAP_LINES label -> count
    eras: dict[str, str] = field(default_factory=dict)  # era -> report key
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)  # (era, expectation) -> cell


@dataclass
class Comparison:
    sides: list[Side]
    expectations: list[tuple[str, str, str]]  # (era, iri, label)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> tuple[list[str], list[list[str]]]:
        """Headers and rows: one line per thing compared, a column per authority."""
        headers = ["", *(s.label for s in self.sides)]
        rows: list[list[str]] = [
            [
                "latest report",
                *(f"{s.report} ({s.framework})" if s.report else "-" for s in self.sides),
            ]
        ]
        areas: dict[str, str] = {}
        for s in self.sides:
            for area, (label, _g) in s.judgements.items():
                areas.setdefault(area, label)
        order = {a: n for n, a in enumerate(AREA_ORDER)}
        for area, label in sorted(areas.items(), key=lambda kv: order.get(kv[0], 99)):
            rows.append([label, *(s.judgements.get(area, ("", "-"))[1] for s in self.sides)])
        for _q, _src, label in GAP_LINES:
            rows.append([label, *(str(s.gaps.get(label, 0)) for s in self.sides)])
        for era, iri, label in self.expectations:
            line = [f"{label} [{ERAS[era].split(' (')[0]}]"]
            for s in self.sides:
                cell = s.cells.get((era, iri))
                line.append(
                    f"{cell.value} ({cell.where})"
                    if cell and cell.where
                    else cell.value
                    if cell
                    else "-"
                )
            rows.append(line)
        return headers, rows

    def as_dict(self) -> dict[str, Any]:
        return {
            "authorities": [
                {
                    "key": s.key,
                    "label": s.label,
                    "region": s.region,
                    "report": s.report,
                    "framework": s.framework,
                    "judgements": {a: g for a, (_l, g) in s.judgements.items()},
                    "gaps": s.gaps,
                    "eras": s.eras,
                    "expected_links": [
                        {
                            "era": era,
                            "expectation": iri,
                            "value": c.value,
                            "where": c.where,
                            "evidence": list(c.evidence),
                            "evidence_iris": list(c.evidence_iris),
                            "quote": c.quote,
                            "basis": c.basis,
                        }
                        for (era, iri), c in s.cells.items()
                    ],
                }
                for s in self.sides
            ],
            "notes": self.notes,
        }


def neighbours_in_store(store: Any, key: str, known: dict[str, str]) -> tuple[list[str], list[str]]:
    """The authority's statistical neighbours (closest first) that the store
    holds reports of, and those it does not."""
    from graph.authorities import load_register

    register = load_register()
    if key not in register:
        return [], []
    names = [a.key for a in register.neighbours(key)]
    return [k for k in names if k in known], [k for k in names if k not in known]


def compare(store: Any, names: list[str], neighbours: bool = False) -> Comparison:
    """``names`` (authority names or keys) side by side; with ``neighbours``,
    the first one and its statistical neighbours the store holds. Raises
    :class:`~graph.errors.UnknownNameError` for an authority the store lacks."""
    from graph.analysis.changes import read_inspections
    from graph.analysis.register import gap_register, known_authorities, require_authority
    from graph.authorities import load_register

    register = load_register()
    known = known_authorities(store)
    keys = list(dict.fromkeys(require_authority(store, n, known) for n in names))
    notes: list[str] = []
    if neighbours:
        found, missing = neighbours_in_store(store, keys[0], known)
        keys += [k for k in found if k not in keys]
        label = known.get(keys[0], keys[0])
        if not found and not missing:
            notes.append(f"the national register lists no statistical neighbours for {label}")
        elif missing:
            shown = ", ".join(register.by_key(k).label for k in missing)
            notes.append(
                f"{len(found)} of {label}'s {len(found) + len(missing)} statistical neighbours "
                f"are in the store; not in it: {shown}"
            )
    matrix = national_matrix(store, authorities=keys)
    sides = []
    for key in keys:
        where = register.by_key(key).region if key in register else ""
        side = Side(key, known.get(key, key), where)
        inspections = read_inspections(store, [key])
        if inspections:
            latest = inspections[-1]
            side.report, side.framework = latest.key, latest.framework
            side.judgements = {a: (j[0], j[1]) for a, j in latest.judgements.items()}
            side.judgement_evidence = {a: ", ".join(j[3]) for a, j in latest.judgements.items()}
        counts: Counter[tuple[str, str]] = Counter(
            (g.quality, g.source) for g in gap_register(store, key).gaps
        )
        side.gaps = {label: counts[(q, src)] for q, src, label in GAP_LINES}
        for row in matrix.rows:
            if row.authority == key:
                side.eras[row.era] = row.report
                for iri, cell in row.cells.items():
                    side.cells[(row.era, iri)] = cell
        sides.append(side)
    expectations = [
        (c.era, c.iri, c.label)
        for c in matrix.columns
        if any((c.era, c.iri) in s.cells for s in sides)
    ]
    return Comparison(sides, expectations, notes)


def render_comparison(result: Comparison, fmt: str) -> str:
    import json

    from graph.tables import format_rows

    if fmt == "json":
        return json.dumps(result.as_dict(), indent=1, ensure_ascii=False)
    headers, rows = result.lines()
    if fmt in ("csv", "tsv", "md"):
        headers = ["item", *headers[1:]]
    text = format_rows(headers, rows, fmt)
    if fmt in ("table", "md") and result.notes:
        text += "\n\n" + "\n".join(f"Note: {n}" for n in result.notes)
    return text
