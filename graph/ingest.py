"""Ingest Ofsted reports (PDF or text) into the store, one named graph each.

The work is split so that nothing half-done reaches the store:

1. :func:`read_report` checks the file (exists, is a file, not empty, not
   too big, a PDF or UTF-8 text, an Ofsted report with a judgement table)
   and parses it; any problem is a :class:`ReportError` naming the file,
   raised before anything is written;
2. :func:`build_report` turns it into N-Triples text (in worker processes
   when ``jobs > 1``: parsing is the slow part);
3. a single writer replaces each report's named graph in one transaction
   (``store.replace_graph``), so a report is either fully in the store or
   not at all, even when the process is killed mid-way.

Partnership links are extracted in step 2 too (:mod:`graph.extract.links`),
into the report's extraction graph (:mod:`graph.rdf.extraction`): a failure
there fails the report before anything of it is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import ReportError, SgkgError

if TYPE_CHECKING:  # pragma: no cover
    from graph.extract.links import Extraction
    from graph.reader.parser import Report
    from graph.store.embedded import GraphStore

#: real reports are under 1 MB; anything this big is not one
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Built:
    """One report, parsed and turned into N-Triples, ready to write."""

    path: str
    report_iri: str
    graph_iri: str
    ntriples: str
    authority: str
    published: str
    framework: str
    paragraphs: int
    judgements: dict[str, str]
    statistics: int
    warnings: list[str] = field(default_factory=list)
    extraction_graph_iri: str = ""
    extraction_ntriples: str = ""
    links: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class Ingested:
    path: str
    report_iri: str
    graph_iri: str
    triples: int
    paragraphs: int
    judgements: dict[str, str]
    statistics: int
    warnings: list[str] = field(default_factory=list)
    extraction_graph_iri: str = ""
    links: int = 0
    notes: list[str] = field(default_factory=list)
    #: paragraphs of the copy this one replaced, when it had markedly more
    replaced_paragraphs: int | None = None


@dataclass
class Failure:
    path: str
    message: str
    exit_code: int = 2


@dataclass
class IngestSummary:
    ingested: list[Ingested] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)


def read_report(path: str | Path) -> tuple[Report, str, str]:
    """Check and parse one report file: ``(report, sha256, "pdf" | "text")``.

    Raises :class:`ReportError` (exit 2) naming the file and what was
    expected, before anything is written."""
    from graph.reader.parser import parse_report

    p = Path(path)
    if not p.exists():
        raise ReportError(f"{p}: no such file; expected an Ofsted report (PDF or text)")
    if p.is_dir():
        raise ReportError(f"{p}: is a directory; expected an Ofsted report file (PDF or text)")
    try:
        size = p.stat().st_size
        if size == 0:
            raise ReportError(f"{p}: the file is empty; expected an Ofsted report (PDF or text)")
        if size > MAX_BYTES:
            raise ReportError(
                f"{p}: the file is {size // (1024 * 1024)} MB; expected an Ofsted report "
                f"(PDF or text), which is under {MAX_BYTES // (1024 * 1024)} MB"
            )
        data = p.read_bytes()
    except OSError as err:
        raise ReportError(f"{p}: cannot read the file ({err.strerror or err})") from err
    sha = hashlib.sha256(data).hexdigest()
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        from graph.reader.pdf import extract_text

        text = extract_text(p).text
        fmt = "pdf"
    else:
        if b"\x00" in data[:8192]:
            raise ReportError(
                f"{p}: a binary file that is not a PDF; expected an Ofsted report as PDF or "
                "UTF-8 text"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise ReportError(
                f"{p}: not UTF-8 text (undecodable byte at offset {err.start}); expected an "
                "Ofsted report as PDF or UTF-8 text"
            ) from err
        fmt = "text"
    return parse_report(text, str(p)), sha, fmt


def build_report(path: str | Path, extract: bool = True) -> Built:
    """Read, check and parse one report and build its graph as N-Triples
    (and, with ``extract``, its partnership links)."""
    from graph import iri
    from graph.extract import extract_report
    from graph.rdf.report import report_graph, report_iri

    report, sha, fmt = read_report(path)
    extract_report(report)
    graph = report_graph(report, sha256=sha, source_file=Path(path).name, source_format=fmt)
    r_iri = report_iri(report)
    nt = graph.ntriples()
    x_graph, x_nt, links, notes = "", "", 0, []
    if extract:
        x_graph, x_nt, x = extract_partnership(report, r_iri, str(path))
        links, notes = len(x.links), x.notes
    return Built(
        path=str(path),
        report_iri=r_iri,
        graph_iri=iri.report_graph(r_iri),
        ntriples=nt,
        authority=report.authority_name,
        published=report.key_date.isoformat(),
        framework=report.framework,
        paragraphs=len(report.paragraphs),
        judgements={j.area: j.grade for j in report.judgements},
        statistics=len(report.statistics),
        warnings=report.warnings,
        extraction_graph_iri=x_graph,
        extraction_ntriples=x_nt,
        links=links,
        notes=notes,
    )


def extract_partnership(report: Report, r_iri: str, name: str) -> tuple[str, str, Extraction]:
    """The partnership links of a parsed report: ``(graph IRI, N-Triples, extraction)``.

    Any failure is a :class:`WorkError` (exit 1) naming the report, raised
    before anything is written."""
    from graph.errors import WorkError
    from graph.extract.links import extract_links
    from graph.rdf.extraction import extraction_graph, extraction_triples

    try:
        x = extract_links(report, r_iri)
        nt = extraction_triples(x).ntriples()  # handed from a worker process as text
    except Exception as err:  # a bug in the extractor must name the report and write nothing
        raise WorkError(
            f"{name}: link extraction failed ({type(err).__name__}: {err}); nothing was written"
        ) from err
    return extraction_graph(r_iri), nt, x


def _build_or_fail(path: str, extract: bool = True) -> Built | Failure:
    """Worker entry point: never raises for a bad report, returns a Failure."""
    try:
        return build_report(path, extract)
    except SgkgError as err:
        return Failure(path, str(err), err.exit_code)
    except Exception as err:  # a bug in the reader must not lose the other files
        return Failure(path, f"{path}: the reader failed ({type(err).__name__}: {err})", 1)


def write_built(store: GraphStore, built: Built) -> int:
    """Replace the report's named graph with the built triples (one transaction)."""
    import pyoxigraph as ox

    triples = (q.triple for q in ox.parse(built.ntriples, format=ox.RdfFormat.N_TRIPLES))
    written = store.replace_graph(built.graph_iri, triples, source=Path(built.path).name)
    if built.extraction_graph_iri:
        extracted = ox.parse(built.extraction_ntriples, format=ox.RdfFormat.N_TRIPLES)
        store.replace_graph(
            built.extraction_graph_iri, (q.triple for q in extracted), source=Path(built.path).name
        )
    return written


def stored_paragraphs(store: GraphStore, graph_iri: str) -> int:
    """How many numbered paragraphs the report graph ``graph_iri`` holds (0 if none)."""
    from graph import namespaces as ns

    query = (
        f"SELECT (COUNT(?p) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?p a <{ns.SG}Paragraph> }} }}"
    )
    for row in store.ox.query(query):
        return int(row["n"].value)
    return 0


def shrinks_markedly(before: int, after: int) -> bool:
    """True when a new copy of a report would lose more than a tenth of the
    paragraphs already stored (and more than two): a truncated or garbled copy."""
    return before - after > max(2, before // 10)


def ingest_files(
    store: GraphStore,
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    on_done: Callable[[str], None] | None = None,
    extract: bool = True,
    replace: bool = False,
) -> IngestSummary:
    """Ingest each report into its own named graph.

    Bad files are reported in the summary and do not stop the others; a
    bad file is never written. With ``jobs > 1`` parsing runs in that many
    processes while this process alone writes to the store. Without
    ``extract`` the reports' partnership links are left for ``sgkg extract``.
    A report that would replace a stored copy with markedly more paragraphs
    fails (nothing written) unless ``replace``."""
    paths = [str(p) for p in paths]
    summary = IngestSummary()

    def handle(result: Built | Failure) -> None:
        before = 0 if isinstance(result, Failure) else stored_paragraphs(store, result.graph_iri)
        shrinks = not isinstance(result, Failure) and shrinks_markedly(before, result.paragraphs)
        if shrinks and not replace:
            result = Failure(
                result.path,
                f"{result.path}: would replace the stored report {result.report_iri} "
                f"of {before} paragraphs with one of {result.paragraphs}; if this copy is "
                "the one to keep, ingest it again with --replace (nothing was written)",
            )
        if isinstance(result, Failure):
            summary.failed.append(result)
        else:
            triples = write_built(store, result)
            summary.ingested.append(
                Ingested(
                    path=result.path,
                    report_iri=result.report_iri,
                    graph_iri=result.graph_iri,
                    triples=triples,
                    paragraphs=result.paragraphs,
                    judgements=result.judgements,
                    statistics=result.statistics,
                    warnings=result.warnings,
                    extraction_graph_iri=result.extraction_graph_iri,
                    links=result.links,
                    notes=result.notes,
                    replaced_paragraphs=before if shrinks else None,
                )
            )
        if on_done:
            on_done(result.path)

    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            handle(_build_or_fail(path, extract))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork would copy the open store handle into the workers; spawn does not
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            for result in pool.map(_build_or_fail, paths, [extract] * len(paths)):
                handle(result)
    if len(paths) > 1 and summary.ingested:
        store.flush()
    return summary


def ingest_report(store: GraphStore, path: str | Path) -> Ingested:
    """Ingest one report; raises :class:`ReportError` (nothing written) when
    the file is not a readable Ofsted report."""
    built = build_report(path)
    triples = write_built(store, built)
    return Ingested(
        path=built.path,
        report_iri=built.report_iri,
        graph_iri=built.graph_iri,
        triples=triples,
        paragraphs=built.paragraphs,
        judgements=built.judgements,
        statistics=built.statistics,
        warnings=built.warnings,
        extraction_graph_iri=built.extraction_graph_iri,
        links=built.links,
        notes=built.notes,
    )
