"""Re-run link extraction over reports already in the store, without their files.

A report's graph keeps what extraction needs: each numbered paragraph
(``sg:Paragraph`` with ``sg:number``, ``sg:text``, ``sg:report`` and the
sections it sits in), the report's authority, framework and dates. From those
:func:`stored_reports` rebuilds a :class:`~graph.reader.model.Report` whose IRI
is the stored one, and :func:`extract_stored` extracts every report first and
only then replaces each extraction graph (one transaction per graph): a
failure names the report, raises :class:`~graph.errors.WorkError` and leaves
every graph as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from graph import iri
from graph import namespaces as ns
from graph.errors import WorkError

if TYPE_CHECKING:  # pragma: no cover
    from graph.extract.links import Extraction
    from graph.extract.scoring import Score
    from graph.reader.model import Report
    from graph.store.embedded import GraphStore

_REPORTS = """
SELECT ?report ?g ?framework ?issued ?end ?authority ?name ?graphs WHERE {
  GRAPH ?g { ?report a sg:Report ; sg:authority ?authority ; sg:framework ?framework .
             OPTIONAL { ?report dcterms:issued ?issued }
             OPTIONAL { ?report prov:wasGeneratedBy ?i . ?i sg:endDate ?end }
             OPTIONAL { ?authority rdfs:label ?name } }
  FILTER(STRSTARTS(STR(?g), STR(?graphs)))
}
ORDER BY ?report
"""
_PARAGRAPHS = """
SELECT ?g ?report ?n ?text (GROUP_CONCAT(STR(?section); SEPARATOR=" ") AS ?sections) WHERE {
  GRAPH ?g { ?p a sg:Paragraph ; sg:report ?report ; sg:number ?n ; sg:text ?text .
             OPTIONAL { ?p sg:inSection ?section } }
}
GROUP BY ?g ?report ?n ?text
ORDER BY ?n
"""


@dataclass
class Extracted:
    report_iri: str
    graph_iri: str
    links: int
    bodies: int
    notes: list[str] = field(default_factory=list)
    comparison: Score | None = None  # against the curated links citing this report


@dataclass
class ExtractSummary:
    extracted: list[Extracted] = field(default_factory=list)


def stored_reports(store: GraphStore, authority: str | None = None) -> list[tuple[str, Report]]:
    """(report IRI, rebuilt report) for every report in the store, or one authority's."""
    from graph.reader.model import Report, TextUnit

    prologue = ns.sparql_prologue()
    rows = store.select(prologue + _REPORTS, {"graphs": _literal(ns.GRAPHS + "report/")})
    wanted = iri.body(iri.authority_key(authority), "local-authority") if authority else None
    out = []
    for row in rows:
        r_iri, la = str(row["report"]), str(row["authority"])
        if wanted and la != wanted:
            continue
        key = la.removeprefix(ns.ID + "body/").split("/")[0]
        published = _date(row.get("issued"))
        end = _date(row.get("end"))
        report = Report(
            authority_name=str(row.get("name") or key),
            authority_key=key,
            framework=iri.concept_key(str(row["framework"])),
            published=published,
            start=None,
            end=end or (None if published else _date(r_iri.rsplit("/", 1)[-1])),
        )
        bindings = {"g": _node(str(row["g"])), "report": _node(r_iri)}
        for p in store.select(prologue + _PARAGRAPHS, bindings):
            sections = [s.split("/section/", 1)[-1] for s in str(p["sections"] or "").split()]
            innermost = max(sections, key=len) if sections else None
            part = "lscb" if innermost and innermost.startswith("lscb") else "local-authority"
            report.paragraphs.append(
                TextUnit("paragraph", int(p["n"]), str(p["text"]), section=innermost, part=part)
            )
        out.append((r_iri, report))
    return out


def extract_stored(
    store: GraphStore, authority: str | None = None, *, compare: bool = False, jobs: int = 1
) -> ExtractSummary:
    """Extract the links of every stored report (or one authority's) again and
    replace each report's extraction graph. With ``jobs > 1`` the reports are
    extracted in that many worker processes (the store is read and written by
    this one only)."""
    from graph.rdf.extraction import extraction_graph

    if authority:
        from graph.analysis.register import require_authority

        require_authority(store, authority)  # an unknown name exits 2 with the known ones
    reports = stored_reports(store, authority)
    if jobs <= 1 or len(reports) <= 1:
        built = [_extract_one(r_iri, report) for r_iri, report in reports]
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork would copy the open store handle into the workers; spawn does not
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            built = list(pool.map(_extract_one_as_text, *zip(*reports, strict=True)))
    failed = next((b for b in built if isinstance(b, str)), None)
    if failed is not None:  # nothing has been written yet
        raise WorkError(failed)
    summary = ExtractSummary()
    for (r_iri, _), (triples, x) in zip(reports, built, strict=True):  # type: ignore[misc]
        g = extraction_graph(r_iri)
        if isinstance(triples, str):
            import pyoxigraph as ox

            triples = [q.triple for q in ox.parse(triples, format=ox.RdfFormat.N_TRIPLES)]
        store.replace_graph(g, triples, source="sgkg extract")
        done = Extracted(r_iri, g, len(x.links), len(x.bodies), list(x.notes))
        if compare:
            done.comparison = compare_with_curated(store, x)
        summary.extracted.append(done)
    return summary


def _extract_one(r_iri: str, report: Report) -> tuple[Any, Extraction] | str:
    """(triples, extraction) of one report, or the message of its failure
    (a failure names the report; nothing is written before every report is done)."""
    from graph.extract.links import extract_links
    from graph.rdf.extraction import extraction_triples

    try:
        x = extract_links(report, r_iri)
        return extraction_triples(x), x
    except Exception as err:
        return (
            f"{r_iri}: link extraction failed ({type(err).__name__}: {err}); no graph was changed"
        )


def _extract_one_as_text(r_iri: str, report: Report) -> tuple[str, Extraction] | str:
    """:func:`_extract_one` in a worker process: the triples as N-Triples text."""
    done = _extract_one(r_iri, report)
    return done if isinstance(done, str) else (done[0].ntriples(), done[1])


_CURATED = """
SELECT ?e ?st ?k ?tt ?q ?prefix WHERE {
  ?link a sg:Link ; sg:source ?s ; sg:target ?t ; sg:linkKind ?k ; sg:quality ?q ;
        sg:evidence ?e .
  FILTER(STRSTARTS(STR(?e), STR(?prefix)))
  FILTER NOT EXISTS { ?link prov:wasGeneratedBy ?run }
  ?s sg:bodyType ?st . ?t sg:bodyType ?tt .
}
"""


def compare_with_curated(store: GraphStore, x: Extraction) -> Score | None:
    """How far the extraction agrees with the curated links that cite the same
    report (None when no curated layer speaks of it)."""
    from graph.extract.scoring import GoldLink, score

    prefix = iri.paragraph(x.report_iri, 0)[:-1]
    rows = store.select(ns.sparql_prologue() + _CURATED, {"prefix": _literal(prefix)})
    links: dict[tuple[str, str, str, str], set[int]] = {}
    for row in rows:
        k = tuple(iri.concept_key(str(row[v])) for v in ("st", "k", "tt", "q"))
        links.setdefault(k, set()).add(int(str(row["e"])[len(prefix) :]))  # type: ignore[arg-type]
    if not links:
        return None
    gold = [GoldLink(tuple(sorted(p)), s, k, t, q) for (s, k, t, q), p in links.items()]
    return score(x, gold, None)


def _node(value: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(value)


def _literal(value: str) -> Any:
    import pyoxigraph as ox

    return ox.Literal(value)


def _date(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
