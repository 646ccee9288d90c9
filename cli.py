"""sgkg command line: a thin click layer over the ``graph`` library.

Every command opens the store, calls one library function and formats what
comes back. Errors from :mod:`graph.errors` become exit codes at this edge:
2 for bad input, 1 for a failure of the work; never a traceback.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from graph import __version__
from graph.errors import SgkgError

RESULT_FORMATS = ("table", "csv", "tsv", "json", "md")


@dataclass
class State:
    """What every command gets: where the store is."""

    store_path: Path | None = None
    #: a SPARQL 1.1 Protocol endpoint that read commands query instead of the store
    endpoint: str | None = None
    #: warm the answer cache in the background after a write (``--no-warm``, SGKG_WARM=0)
    warm: bool = True
    #: the writable store this command opened, if any
    writer: Any = None

    def open(self, read_only: bool = False) -> Any:
        if self.endpoint:
            if not read_only:
                raise click.UsageError(
                    "--endpoint (or SGKG_ENDPOINT) is for reading; this command writes the "
                    "embedded store: drop --endpoint (unset SGKG_ENDPOINT), and use "
                    "`sgkg publish` to load a server"
                )
            from graph.store.remote import open_remote

            return open_remote(self.endpoint)
        from graph.store.embedded import open_store

        path = self.where
        fresh = not read_only and not (path.exists() and any(path.iterdir()))
        store = open_store(self.store_path, read_only=read_only)
        if not read_only:
            self.writer = store
        if fresh:  # the first write says where the data goes
            click.echo(f"created a new store at {path} (choose another with --store)", err=True)
        return store

    @property
    def where(self) -> Path:
        """The store folder this command uses."""
        from graph.store.embedded import default_store_path

        return Path(self.store_path or default_store_path())


pass_state = click.make_pass_decorator(State, ensure=True)


def _after_write(ctx: click.Context) -> None:
    """After a command that changed the store succeeded: warm the whole-store
    answers in the background (:mod:`graph.queries.warm`)."""
    state = ctx.find_object(State)
    if state is None or state.writer is None or not state.writer.wrote or not state.warm:
        return
    from graph.queries import warm

    warm.start(state.writer.path)


class SgkgGroup(click.Group):
    """Turns sgkg errors into a one-line message and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            value = super().invoke(ctx)
            _after_write(ctx)
            return value
        except SgkgError as err:
            click.echo(f"Error: {err}", err=True)
            candidates = getattr(err, "candidates", None)
            if candidates:
                from graph.errors import AmbiguousNameError

                lead = "Candidates" if isinstance(err, AmbiguousNameError) else "Did you mean"
                click.echo(f"{lead}: " + "; ".join(candidates), err=True)
            ctx.exit(err.exit_code)
        except BrokenPipeError:  # `sgkg ... | head`
            sys.stderr.close()
            ctx.exit(0)


#: what each output format is for, shown in --help
_FORMAT_HELP = {
    "table": "table for reading (fits the terminal)",
    "text": "text for reading",
    "csv": "csv/tsv for spreadsheets",
    "tsv": "",
    "json": "json for tools",
    "md": "md to paste into a paper",
    "html": "html to print",
    "turtle": "turtle for the SHACL report graph",
}

#: formats read by a person: control characters in them are made visible
_TEXT_FORMATS = {"table", "text", "md"}


def output_options(formats: tuple[str, ...], default: str | None = None) -> Any:
    """The one output contract (as sqlite-utils' ``output_options``):
    ``--format`` from ``formats`` and ``-o/--output`` (a file, a device, or
    ``-`` for stdout), in that order, for every command that prints data."""
    described = "; ".join(_FORMAT_HELP[f] for f in formats if _FORMAT_HELP.get(f))

    def decorate(command: Any) -> Any:
        command = click.option(
            "-o",
            "--output",
            type=click.Path(allow_dash=True, path_type=Path),
            help="Write to this file instead of stdout (atomically; a device or - as it is).",
        )(command)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=default or formats[0],
            show_default=True,
            help=described + ".",
        )(command)

    return decorate


def emit(text: str, output: Path | None, fmt: str = "text") -> None:
    """Print ``text`` (or write it to ``output``); formats read by a person
    never carry raw terminal control sequences from the data."""
    from graph.tables import printable

    if fmt in _TEXT_FORMATS:
        text = printable(text)
    write_output((text.rstrip("\n") + "\n").encode("utf-8"), output)


@click.group(cls=SgkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sgkg")
@click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="SGKG_STORE",
    help="Store folder (default: $SGKG_STORE, else ~/.local/share/sgkg/store).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    envvar="SGKG_QUERY_SECONDS",
    help="Time budget of one query in seconds (default 30; or SGKG_QUERY_SECONDS); "
    "a query over it is stopped (exit 1).",
)
@click.option(
    "--endpoint",
    envvar="SGKG_ENDPOINT",
    metavar="URL",
    help="Read from this SPARQL 1.1 endpoint instead of the store (or SGKG_ENDPOINT); "
    "credentials from SGKG_ENDPOINT_TOKEN or SGKG_ENDPOINT_USER/_PASSWORD.",
)
@click.option(
    "--no-warm",
    is_flag=True,
    help="After a write, do not compute whole-store answers in the background "
    "(or SGKG_WARM=0); the first whole-store ask then computes its own.",
)
@click.pass_context
def cli(
    ctx: click.Context,
    store_path: Path | None,
    timeout: float | None,
    endpoint: str | None,
    no_warm: bool,
) -> None:
    """sgkg: children's safeguarding partnerships in England as a knowledge graph.

    Read Ofsted reports into RDF with evidence for every fact, query them with
    SPARQL, find weak and missing links, and explore them in the browser.

    \b
    Example:
      sgkg ingest data/reports/bournemouth-2014-ofsted-report.txt
      sgkg gaps --authority bournemouth
    """
    if timeout is not None:  # one budget for every query this command runs
        import os

        os.environ["SGKG_QUERY_SECONDS"] = str(timeout)
    from graph.queries.warm import enabled

    ctx.obj = State(
        store_path=store_path, endpoint=endpoint or None, warm=enabled() and not no_warm
    )


# ---------------------------------------------------------------- load


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--input-format",
    help="RDF format when the suffix does not say (ttl, nt, nq, trig, "
    "jsonld, xml). Needed for '-' (stdin).",
)
@click.option(
    "--graph",
    "graph_iri",
    help="Name of the graph to load into (default: the file's file: URI, or urn:sgkg:stdin).",
)
@click.option(
    "--replace-sgkg-graph",
    "allow_sgkg_graphs",
    is_flag=True,
    help="Allow writing a graph sgkg writes itself (a report's, a curated layer's, "
    "saved gaps), e.g. to load an export back. Never the catalog or the ontology.",
)
@click.option(
    "--max-file-size",
    "max_mb",
    type=click.IntRange(1),
    default=512,
    show_default=True,
    help="Refuse files (and stdin) larger than this many MB.",
)
@pass_state
def load(
    state: State,
    files: tuple[str, ...],
    input_format: str | None,
    graph_iri: str | None,
    allow_sgkg_graphs: bool,
    max_mb: int,
) -> None:
    """Load RDF files into the store, each into its own named graph.

    Loading the same file again replaces its graph. Every file is parsed in
    full before anything is written, and all of them are written as one
    atomic write: a parse error names the file and line and leaves the store
    as it was. A file may use sgkg's vocabulary but not redefine it.

    \b
    Example:
      sgkg load data/curated/bournemouth-2014.ttl
      cat extra.nt | sgkg load - --input-format nt
    """
    from graph.rdf.files import Limits, check_files, load_checked

    checked = check_files(
        files,
        input_format,
        stdin=sys.stdin.buffer,
        graph_iri=graph_iri,
        allow_sgkg_graphs=allow_sgkg_graphs,
        limits=Limits(max_file_bytes=max_mb * 1024 * 1024),
    )
    try:
        store = state.open()
    except BaseException:
        for c in checked:
            c.discard()
        raise
    with store:
        summary = load_checked(store, checked)
    for c in summary.files:
        click.echo(f"loaded {c.triple_count} triples from {c.source} into {', '.join(c.triples)}")
        if c.skipped:
            click.echo(
                f"  skipped {c.skipped} quads of graphs the store keeps itself (ontology, catalog)",
                err=True,
            )


# ---------------------------------------------------------------- ingest


@cli.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes that parse reports in parallel (one process writes the store).",
)
@click.option(
    "--no-extract",
    is_flag=True,
    help="Only read the reports; extract their partnership links later with sgkg extract.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Let a copy with markedly fewer paragraphs replace the report already stored.",
)
@pass_state
def ingest(
    state: State, reports: tuple[str, ...], jobs: int, no_extract: bool, replace: bool
) -> None:
    """Read Ofsted reports (PDF or text) into the store, one named graph each.

    The same report ingested again, from its PDF or from text, replaces its
    graph. A file that is not a readable Ofsted report is named and skipped
    without writing anything; the others are still ingested. Exit 2 when the
    one file given is bad, 1 when any of several failed.

    \b
    Example:
      sgkg ingest data/reports/bournemouth-2014-ofsted-report.txt
      sgkg ingest --jobs 2 reports/*.pdf
    """
    from graph.errors import ReportError, WorkError
    from graph.ingest import ingest_files

    with state.open() as store:
        if len(reports) > 1:
            with click.progressbar(length=len(reports), label="ingesting", file=sys.stderr) as bar:
                summary = ingest_files(
                    store,
                    reports,
                    jobs=jobs,
                    on_done=lambda _: bar.update(1),
                    extract=not no_extract,
                    replace=replace,
                )
        else:
            summary = ingest_files(
                store, reports, jobs=jobs, extract=not no_extract, replace=replace
            )
    for done in summary.ingested:
        grades = ", ".join(f"{a} {g}" for a, g in done.judgements.items())
        click.echo(
            f"ingested {done.path}: {done.paragraphs} paragraphs, {done.statistics} statistics, "
            f"{done.triples} triples into <{done.graph_iri}> ({grades})"
        )
        if done.replaced_paragraphs is not None:
            click.echo(
                f"  replaced the stored copy of {done.replaced_paragraphs} paragraphs "
                f"with this one of {done.paragraphs}"
            )
        for warning in done.warnings:
            click.echo(f"  warning: {warning}", err=True)
        if done.extraction_graph_iri:
            click.echo(f"  extracted {done.links} links into <{done.extraction_graph_iri}>")
        for note in done.notes:
            click.echo(f"  note: {note}", err=True)
    if len(reports) > 1:
        for failure in summary.failed:
            click.echo(f"failed: {failure.message}", err=True)
        click.echo(
            f"{len(summary.ingested)} of {len(reports)} reports ingested, "
            f"{len(summary.failed)} failed"
        )
    if summary.failed:
        if len(reports) == 1:
            failure = summary.failed[0]  # a bad file exits 2, a failure of the work 1
            raise (ReportError if failure.exit_code == 2 else WorkError)(failure.message)
        raise WorkError(f"{len(summary.failed)} of {len(reports)} reports could not be ingested")


@cli.command()
@click.option("--authority", "-a", help="Only this authority's reports (name or key).")
@click.option("--compare", is_flag=True, help="Print agreement with curated links of the report.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes that extract reports in parallel (one process reads and writes the store).",
)
@pass_state
def extract(state: State, authority: str | None, compare: bool, jobs: int) -> None:
    """Extract partnership links again from the reports in the store.

    Reads the stored paragraphs (no PDF needed) and replaces each report's
    extraction graph (graph/extraction/<authority>/<date>); the reader's graph
    and curated layers are not touched. A failure names the report, exits 1 and changes
    no graph.

    \b
    Example:
      sgkg extract --authority bournemouth --compare
      sgkg extract --jobs 2
    """
    from graph.extract.stored import extract_stored

    with state.open() as store:
        summary = extract_stored(store, authority, compare=compare, jobs=jobs)
    for done in summary.extracted:
        click.echo(f"extracted {done.links} links, {done.bodies} bodies into <{done.graph_iri}>")
        for note in done.notes:
            click.echo(f"  note: {note}", err=True)
        c = done.comparison
        if c is not None:
            click.echo(
                f"  compared with {c.gold} curated links: recall {c.recall:.0%}, "
                f"quality agreement {c.quality:.0%} of {c.found} found"
            )
    links = sum(d.links for d in summary.extracted)
    click.echo(f"{len(summary.extracted)} reports, {links} links")


# ---------------------------------------------------------------- validate


@cli.command()
@output_options(("text", "turtle", "json"))
@pass_state
def validate(state: State, fmt: str, output: Path | None) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl), and
    that every quote (sg:quote) is in the text of the evidence it cites.

    Exit 0 when it conforms, 1 when there are violations, 2 on error.

    \b
    Example:
      sgkg validate
      sgkg validate --format json
    """
    import json

    from graph.validate import validate_store

    with state.open(read_only=True) as store:
        report = validate_store(store)
    if fmt == "turtle":
        text = report.results_graph.serialize(format="turtle")
    elif fmt == "json":
        doc = {"conforms": report.conforms, "violations": [v.__dict__ for v in report.violations]}
        text = json.dumps(doc, indent=1)
    elif report.conforms:
        text = (
            "Conforms: every shape in ontology/shapes.ttl holds, and every quote is in "
            "the text it cites."
        )
    else:
        text = "\n".join(
            [f"{len(report.violations)} violation(s):"]
            + [f"- {v.focus_label}  [{v.path}]  {v.message}" for v in report.violations]
        )
    emit(text, output, fmt)
    sys.exit(0 if report.conforms else 1)


# ---------------------------------------------------------------- stats


@cli.command()
@output_options(("table", "json"))
@pass_state
def stats(state: State, fmt: str, output: Path | None) -> None:
    """Triples, named graphs and entities per class in the store.

    \b
    Example:
      sgkg stats
    """
    import json

    from graph.queries.catalog import whole_store_kept
    from graph.store.stats import store_stats
    from graph.tables import format_table

    with state.open(read_only=True) as store:
        s = store_stats(store)
        kept, whole = whole_store_kept(store)
        s["whole_store_answers_kept"] = kept
        s["whole_store_queries"] = whole
    if fmt == "json":
        emit(json.dumps(s, indent=1), output, fmt)
        return
    parts = [
        f"{s['triples']} triples in {len(s['graphs'])} named graphs\n",
        format_table(
            ["graph", "triples", "source"],
            [[g["graph"], str(g["triples"]), g["source"]] for g in s["graphs"]],
        ),
        "",
        format_table(["class", "entities"], [[c["class"], str(c["count"])] for c in s["classes"]]),
        f"\nwrite generation: {s['generation']}",
        f"whole-store answers kept: {kept} of {whole} named queries"
        + (
            ""
            if kept == whole
            else " (the others are computed when first asked; a write warms them in the "
            "background unless --no-warm)"
        ),
    ]
    emit("\n".join(parts), output, fmt)


# ---------------------------------------------------------------- sparql


def read_query_text(query: str) -> str:
    """QUERY is the text itself, ``@file.rq`` or ``-`` for stdin."""
    from graph.errors import InputFileError

    if query == "-":
        return sys.stdin.read()
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise InputFileError(f"{path}: cannot read the query file: {err.strerror}") from err
    return query


@cli.command()
@click.argument("query")
@output_options(RESULT_FORMATS)
@pass_state
def sparql(state: State, query: str, fmt: str, output: Path | None) -> None:
    """Run a read-only SPARQL query over every graph in the store.

    QUERY is the query text, @file.rq, or - for stdin. The default graph is
    the union of all named graphs; the project's prefixes (sg:, org:, prov:,
    skos:, dcterms:, bt:, lk:, lq:, ...) are predeclared. CONSTRUCT and
    DESCRIBE print Turtle. UPDATE is refused.

    \b
    Example:
      sgkg sparql 'SELECT ?area ?grade WHERE { ?j a sg:Judgement ;
          sg:judgementArea/skos:prefLabel ?area ; sg:grade/skos:prefLabel ?grade }'
      sgkg sparql @my-query.rq --format csv
    """
    from graph.store.sparql import format_result, run_query

    text = read_query_text(query)
    with state.open(read_only=True) as store:
        result = run_query(store, text)
    emit(format_result(result, fmt), output, fmt)


# ---------------------------------------------------------------- export


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf"]),
    default="trig",
    show_default=True,
    help="ttl and nt merge all graphs; nq, trig and jsonld keep graph names; "
    "graphml and gexf write the network of bodies and links (for Gephi).",
)
@click.option("--graph", "graph_iri", help="Export only this named graph (see `sgkg stats`).")
@click.option(
    "--authority",
    "-a",
    help="graphml/gexf only: just the bodies and links of this authority.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True, path_type=Path),
    help="Write to this file instead of stdout (atomically; a device or - as it is).",
)
@pass_state
def export(
    state: State, fmt: str, graph_iri: str | None, authority: str | None, output: Path | None
) -> None:
    """Write the whole store, or one named graph, as RDF; or the network of
    bodies and links as GraphML or GEXF.

    \b
    Example:
      sgkg export --format ttl -o bournemouth.ttl
      sgkg export --format nq --graph https://w3id.org/sgkg/graph/report/bournemouth/2014-06-30
      sgkg export --format gexf --authority bournemouth -o bournemouth.gexf
    """
    import io

    from graph.analysis.network import NETWORK_FORMATS

    if fmt in NETWORK_FORMATS:
        from graph.analysis.network import serialise_network, to_networkx

        if graph_iri:
            raise click.UsageError("--graph applies to RDF formats; use --authority with " + fmt)
        with state.open(read_only=True) as store:
            data = serialise_network(to_networkx(store, authority), fmt)
        write_output(data, output)
        return
    if authority:
        raise click.UsageError("--authority applies to graphml and gexf; use --graph for RDF")
    from graph.rdf.files import export as export_rdf

    buf = io.BytesIO()
    with state.open(read_only=True) as store:
        export_rdf(store, fmt, buf, graph_iri)
    write_output(buf.getvalue(), output)


# ---------------------------------------------------------------- gaps, paths, brokers


@cli.command()
@click.option("--authority", "-a", help="Only this authority (name or key, e.g. bournemouth).")
@output_options(("table", "csv", "tsv", "json", "md", "html"))
@click.option(
    "--source",
    type=click.Choice(["inspectors", "expected"]),
    help="Only gaps found by inspectors, or only expected links not evidenced.",
)
@click.option(
    "--save",
    is_flag=True,
    help="Also record the expected-but-not-evidenced rows in the store as "
    "sg:ExpectationGap nodes (one named graph per authority), for SPARQL and the explorer.",
)
@pass_state
def gaps(
    state: State,
    authority: str | None,
    fmt: str,
    source: str | None,
    save: bool,
    output: Path | None,
) -> None:
    """The gap register: weak and missing links, with their sources.

    One row per gap, most severe first: links inspectors found absent, weak or
    developing (source 'inspectors', with paragraphs, a quote and the areas
    for improvement that answer them), then links that statute or guidance
    expects and the report does not evidence (source 'expected', quality 'not
    evidenced', with the Act or guidance that expects them). The reference
    model is ontology/expectations.ttl.

    \b
    Example:
      sgkg gaps --authority bournemouth
      sgkg gaps --authority bournemouth --format md -o register.md
      sgkg gaps --authority bournemouth --format html -o register.html
      sgkg gaps --source expected --format csv
      sgkg gaps --save
    """
    from graph.analysis.register import gap_register, save_gaps
    from graph.analysis.register_render import render

    with state.open(read_only=not save) as store:
        register = gap_register(store, authority)
        if save:
            written = save_gaps(store, register)
            click.echo(
                "saved " + ", ".join(f"{n} expectation gap(s) for {k}" for k, n in written.items()),
                err=True,
            )
    if source:
        register.gaps = register.by_source(source)
    emit(render(register, fmt), output, fmt)


@cli.command("path")
@click.argument("a")
@click.argument("b")
@click.option("--authority", "-a", help="Look the names up among this authority's bodies.")
@click.option("--directed", is_flag=True, help="Follow links only from source to target.")
@output_options(("text", "json"))
@pass_state
def path_command(
    state: State,
    a: str,
    b: str,
    authority: str | None,
    directed: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """The shortest route of stated links between bodies A and B.

    Names are labels, acronyms or body types ("LSCB", "police"). Each step
    shows every link between its two bodies, with quality and paragraphs.
    Links inspectors found absent are not routes.

    \b
    Example:
      sgkg path "Housing in Bournemouth" "Chief Executive"
      sgkg path LSCB "Family Justice Board" --authority bournemouth
    """
    from graph.analysis.routes import format_route, path

    with state.open(read_only=True) as store:
        route = path(store, a, b, authority, directed)
    emit(_as_json(route) if fmt == "json" else format_route(route), output, fmt)


@cli.command()
@click.argument("body")
@click.option("--authority", "-a", help="Look the name up among this authority's bodies.")
@output_options(("text", "json"))
@pass_state
def accountability(
    state: State, body: str, authority: str | None, fmt: str, output: Path | None
) -> None:
    """Who BODY answers to: chains of upward links, each hop with its evidence.

    Follows reports to, accountable to, annual report to, sub-group of,
    chairs, member of, part of and post in (and 'is led by', 'is scrutinised
    by') up to the council (Chief Executive, Leader, Lead Member), a
    partner's own governance, or a body above which nothing is stated. Says
    so plainly when no evidenced route exists.

    \b
    Example:
      sgkg accountability LSCB --authority bournemouth
      sgkg accountability "Bournemouth Virtual School"
    """
    from graph.analysis.routes import accountability as find_accountability
    from graph.analysis.routes import format_accountability

    with state.open(read_only=True) as store:
        result = find_accountability(store, body, authority)
    emit(_as_json(result) if fmt == "json" else format_accountability(result), output, fmt)


@cli.command()
@click.option(
    "--measure",
    type=click.Choice(["betweenness", "degree", "pagerank"]),
    default="betweenness",
    show_default=True,
    help="betweenness: brokers; degree: connections; pagerank: where links converge.",
)
@click.option("--authority", "-a", help="Only this authority's bodies and links.")
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=15,
    show_default=True,
    help="How many bodies to list (0 for all).",
)
@output_options(("text", "csv", "tsv", "json", "md"))
@pass_state
def rank(
    state: State, measure: str, authority: str | None, top: int, fmt: str, output: Path | None
) -> None:
    """The brokers of the partnership, its single points of failure and its
    isolated bodies, each with a one-line reading.

    \b
    Example:
      sgkg rank --authority bournemouth
      sgkg rank --measure pagerank --top 5
    """
    import json
    from dataclasses import asdict

    from graph.analysis.routes import format_ranking
    from graph.analysis.routes import rank as rank_bodies

    with state.open(read_only=True) as store:
        ranking = rank_bodies(store, measure, authority)
    if fmt == "json":
        doc = asdict(ranking)
        doc["rows"] = doc["rows"][: top or None]
        emit(json.dumps(doc, indent=1, ensure_ascii=False), output, fmt)
    elif fmt == "text":
        emit(format_ranking(ranking, top or None), output, fmt)
    else:
        from graph.tables import format_rows

        rows = [[x.label, x.type_label, x.score] for x in ranking.rows[: top or None]]
        emit(format_rows(["body", "type", measure], rows, fmt), output, fmt)


# ---------------------------------------------------------------- viz


@cli.command()
@click.option("--authority", "-a", help="Only this authority's bodies and links (name or key).")
@click.option("--focus", help="Centre on this body (name, acronym or IRI) and its neighbours.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="With --focus: how many links away from it to keep.",
)
@click.option(
    "--only",
    type=click.Choice(["gaps"]),
    help="gaps: only absent, weak and developing links and expected links not evidenced.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=Path("sgkg-explorer.html"),
    show_default=True,
    help="The HTML file to write (- for stdout).",
)
@click.option("--open", "open_page", is_flag=True, help="Open the page in your web browser.")
@pass_state
def viz(
    state: State,
    authority: str | None,
    focus: str | None,
    depth: int,
    only: str | None,
    output: Path,
    open_page: bool,
) -> None:
    """Write the explorer: one HTML page of the bodies and links, with evidence.

    The page is self-contained and works offline. It opens on the
    safeguarding board and the bodies linked to it, the missing and weak links
    above it; a table of the same links (sortable, printable) is below the
    picture. Hover or click a link to read the paragraphs behind it; find a
    body by name or acronym; filter by body type and link quality; switch to
    the whole network or the reporting lines; pick one authority.

    \b
    Example:
      sgkg viz --authority bournemouth --open
      sgkg viz -a bournemouth --focus LSCB --depth 1 --only gaps -o lscb-gaps.html
    """
    from graph.explorer.page import explorer_page

    to_stdout = str(output) == "-"
    if open_page and to_stdout:
        raise click.UsageError("--open needs a file to open; give -o FILE, not -o -")
    if depth != 1 and not focus:
        raise click.UsageError("--depth only applies with --focus NAME")
    with state.open(read_only=True) as store:
        page = explorer_page(store, authority, focus, depth, only)
    write_output(page.html().encode("utf-8"), None if to_stdout else output)
    c = page.counts
    click.echo(
        f"{c['bodies']} bodies, {c['links']} link(s) recorded "
        f"({c['extracted']} of them extracted), {c['expected']} expected link(s) not recorded",
        err=True,
    )
    if open_page:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("bournemouth-explorer.html"),
    show_default=True,
    help="Where to write the explorer page.",
)
@click.option("--open", "open_page", is_flag=True, help="Open the explorer in your web browser.")
@click.option(
    "--story",
    is_flag=True,
    help="Then tell the seed's story: Bournemouth 2014 -> BCP 2022 -> BCP 2025 "
    "(needs the two BCP reports; see --corpus).",
)
@click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="SGKG_CORPUS",
    help="With --story: the folder holding bournemouth-christchurch-and-poole-2022-ilacs.pdf "
    "and -2025-ilacs.pdf (or .txt, or under pdf/ or text/); default $SGKG_CORPUS.",
)
@pass_state
def demo(state: State, output: Path, open_page: bool, story: bool, corpus: Path | None) -> None:
    """The main job on the shipped data: Bournemouth 2014, end to end.

    Ingests the seed report and the curated Bournemouth partnership layer
    (both ship inside sgkg), checks the store against the SHACL shapes, prints
    the gap register, and writes the explorer page. Safe to run again: each
    source replaces its own graph.

    \b
    Example:
      sgkg demo --open
      sgkg --store /tmp/sgkg-demo demo -o bournemouth.html
    """
    from graph.analysis.register import gap_register
    from graph.analysis.register_render import render
    from graph.explorer.page import explorer_page
    from graph.shipped import load_shipped
    from graph.validate import validate_store

    click.echo(f"the store: {state.where}")
    with state.open() as store:
        shipped = load_shipped(store)
        r = shipped.report
        click.echo(f"1. ingested {Path(r.path).name}: {r.paragraphs} numbered paragraphs")
        for name, n in shipped.layers.items():
            click.echo(f"2. loaded the curated layer {name}: {n} triples")
        report = validate_store(store)
        if report.conforms:
            click.echo("3. SHACL: the store conforms to ontology/shapes.ttl")
        else:
            click.echo(f"3. SHACL: {len(report.violations)} violation(s); see `sgkg validate`")
        register = gap_register(store, "bournemouth")
        click.echo("4. the gap register for Bournemouth (`sgkg gaps -a bournemouth`):\n")
        click.echo(render(register, "table"))
        page = explorer_page(store, "bournemouth", None, 1, None)
        if story:
            from graph.analysis.story import tell

            told = tell(store, corpus)
    write_output(page.html().encode("utf-8"), output)
    click.echo(f"\n5. the explorer: {output} (open it in a browser, or run `sgkg demo --open`)")
    if story:
        click.echo("\n6. the story: Bournemouth 2014 -> Bournemouth, Christchurch and Poole\n")
        click.echo("\n".join(told.lines))
    if open_page:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())
    if not report.conforms:
        sys.exit(1)


# ---------------------------------------------------------------- query, show


@cli.command()
@click.argument("name", required=False)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter of the query, e.g. authority=bournemouth; repeat for several. "
    "Bodies by name, acronym or IRI; topics and types by label or acronym.",
)
@click.option("--list", "list_only", is_flag=True, help="List the named queries and exit.")
@click.option("--sparql", "show_sparql", is_flag=True, help="Print the query's SPARQL, not run it.")
@output_options(RESULT_FORMATS)
@pass_state
def query(
    state: State,
    name: str | None,
    params: tuple[str, ...],
    list_only: bool,
    show_sparql: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Ask a named question: run a query of data/queries/ by its NAME.

    Every answer cites its evidence (report and paragraph numbers, and the
    inspectors' words where useful). Values are bound, never pasted into the
    SPARQL. Without NAME, or with --list, lists the queries; NAME --list
    describes one query, its parameters and examples.

    \b
    Example:
      sgkg query --list
      sgkg query weak-links --list
      sgkg query weak-links --param authority=bournemouth
      sgkg query board-members -p board=LSCB --format csv
      sgkg query topic-paragraphs -p topic="private fostering" -p authority=bournemouth
    """
    from graph.queries.catalog import (
        describe_query,
        list_queries,
        load_query,
        parse_param_pairs,
        query_as_dict,
        run_named_query,
    )
    from graph.store.sparql import format_result
    from graph.tables import format_table

    if list_only and name:
        click.echo(describe_query(load_query(name)))
        return
    if list_only or not name:
        queries = list_queries()
        if fmt == "json":
            import json

            click.echo(json.dumps([query_as_dict(q) for q in queries], indent=1))
            return
        rows = [
            [q.name, ", ".join(p.name + ("?" if p.optional else "") for p in q.params), q.summary]
            for q in queries
        ]
        click.echo(format_table(["query", "parameters (? optional)", "summary"], rows))
        click.echo("\nMore: sgkg query NAME --list   Run: sgkg query NAME -p KEY=VALUE")
        return
    if show_sparql:
        click.echo(load_query(name).text.rstrip())
        return
    given = parse_param_pairs(params)
    with state.open(read_only=True) as store:
        _, result = run_named_query(store, name, given)
    emit(format_result(result, fmt), output, fmt)


@cli.command()
@click.argument("name")
@click.option("--authority", "-a", help="Look the name up among this authority's bodies.")
@output_options(("text", "json"))
@pass_state
def show(state: State, name: str, authority: str | None, fmt: str, output: Path | None) -> None:
    """Everything known about one body: type, authority, links, findings.

    NAME is a label, acronym, type name or unique prefix, case-insensitive
    ("lscb", "Family Justice", "DCS"), or an IRI. Links are grouped by kind
    with the quality inspectors found, the paragraphs and short quotes. An
    ambiguous name lists the candidates; an unknown one suggests the closest
    (exit 2).

    \b
    Example:
      sgkg show LSCB
      sgkg show "Family Justice" --format json
    """
    from graph.queries.show import format_body, show_body

    with state.open(read_only=True) as store:
        view = show_body(store, name, authority=authority)
    if fmt == "json":
        import json

        emit(json.dumps(view.as_dict(), indent=1, ensure_ascii=False), output, fmt)
    else:
        emit(format_body(view), output, fmt)


def write_output(data: bytes, output: Path | None) -> None:
    """Write to stdout, or to ``output`` as :func:`graph.output.write_bytes` does."""
    from graph.output import write_bytes

    written = write_bytes(data, output)
    if written is not None:
        click.echo(f"wrote {output}", err=True)


def _as_json(result: Any) -> str:
    """A library result (a dataclass) as JSON."""
    import json
    from dataclasses import asdict

    return json.dumps(asdict(result), indent=1, ensure_ascii=False, default=str)


# ---------------------------------------------------------------- changes, compare, matrix
# (commands comparing inspections and authorities: graph/analysis/changes.py, compare.py)


@cli.command()
@click.argument("authority")
@click.option("--from", "since", help="From this date (2014, 2014-06, 2014-06-30) or report key.")
@click.option("--to", "until", help="Up to this date or report key.")
@click.option(
    "--aspect",
    "aspects",
    multiple=True,
    type=click.Choice(["judgement", "link", "recurring", "body"]),
    help="Only these kinds of change (repeat for several; default all).",
)
@click.option("--all", "unchanged", is_flag=True, help="Also list judgements and links unchanged.")
@output_options(RESULT_FORMATS)
@pass_state
def changes(
    state: State,
    authority: str,
    since: str | None,
    until: str | None,
    aspects: tuple[str, ...],
    unchanged: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """What changed between consecutive inspections of AUTHORITY (and of the
    authorities before and after it, e.g. Bournemouth -> Bournemouth,
    Christchurch and Poole).

    For each pair: judgements better or worse; stated links matched by the
    kinds of body they join (an LSCB meets the safeguarding partnership, a
    CCG its ICB) gained, changed in quality or not recorded later; areas for
    improvement asked again (similar words, both paragraphs); kinds of body
    named or no longer named. Every row cites the paragraphs on each side.

    \b
    Example:
      sgkg changes bournemouth-christchurch-and-poole
      sgkg changes manchester --aspect recurring --format md
      sgkg changes bcp --from 2020 --format csv -o bcp-changes.csv
    """
    from graph.analysis.changes import ASPECTS, render_changes
    from graph.analysis.changes import changes as find_changes

    with state.open(read_only=True) as store:
        result = find_changes(store, authority, since, until, aspects or ASPECTS, unchanged)
    emit(render_changes(result, fmt), output, fmt)


@cli.command()
@click.argument("authorities", nargs=-1, required=True)
@click.option(
    "--neighbours",
    is_flag=True,
    help="Compare the first AUTHORITY with its statistical neighbours in the store.",
)
@output_options(RESULT_FORMATS)
@pass_state
def compare(
    state: State, authorities: tuple[str, ...], neighbours: bool, fmt: str, output: Path | None
) -> None:
    """Authorities side by side, each from its latest report: judgements, gap
    counts by severity, and for each expected link the quality found or 'not
    evidenced' with its paragraphs (--format json carries every quote).

    \b
    Example:
      sgkg compare leeds manchester wigan
      sgkg compare bournemouth-christchurch-and-poole --neighbours
      sgkg compare devon --neighbours --format json -o devon.json
    """
    from graph.analysis.compare import compare as compare_authorities
    from graph.analysis.compare import render_comparison

    with state.open(read_only=True) as store:
        result = compare_authorities(store, list(authorities), neighbours)
    emit(render_comparison(result, fmt), output, fmt)


@cli.command()
@click.option(
    "--era",
    type=click.Choice(["lscb", "partnership"]),
    help="lscb: SIF reviews of LSCBs (2013-19); partnership: safeguarding partnerships (2018 on).",
)
@click.option("--region", help='Only authorities of this region, e.g. "South West".')
@click.option("--summary", is_flag=True, help="The expected links most often weak or absent.")
@output_options((*RESULT_FORMATS, "html"))
@pass_state
def matrix(
    state: State,
    era: str | None,
    region: str | None,
    summary: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Every authority against every expected link, by era: the quality
    inspectors found for the link, or 'not evidenced' where the report is
    silent. --summary lists the links most often weak or absent; --format
    html writes the offline explorer page (filter by region and era, click an
    authority for its evidence).

    \b
    Example:
      sgkg matrix --format csv -o matrix.csv
      sgkg matrix --summary --era lscb
      sgkg matrix --format html -o matrix.html
    """
    from graph.analysis.matrix import national_matrix, render_matrix

    with state.open(read_only=True) as store:
        result = national_matrix(store, era=era, region=region)
    if fmt == "html":
        from graph.explorer.matrix import matrix_page

        write_output(matrix_page(result).encode("utf-8"), output)
        return
    emit(render_matrix(result, fmt, summary), output, fmt)


@cli.command()
@click.argument("authority")
@output_options(("html", "json"))
@pass_state
def timeline(state: State, authority: str, fmt: str, output: Path | None) -> None:
    """One authority's inspections in order (with the authorities before and
    after it), their judgements and partnership links, and what changed
    between them, as an offline HTML page.

    \b
    Example:
      sgkg timeline bournemouth-christchurch-and-poole -o bcp-timeline.html
    """
    from graph.analysis.changes import changes as find_changes

    with state.open(read_only=True) as store:
        result = find_changes(store, authority)
    if fmt == "json":
        from graph.analysis.changes import render_changes

        emit(render_changes(result, "json"), output, fmt)
        return
    from graph.explorer.timeline import timeline_page

    write_output(timeline_page(result).encode("utf-8"), output)


# ---------------------------------------------------------------- serve, publish
# (the web server and SPARQL endpoint: graph/serve/; remote stores: graph/store/remote.py)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--timeout",
    "seconds",
    type=click.FloatRange(min=0.1),
    help="Time limit of one request's query, seconds (default 10, or the global --timeout).",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Most rows (or triples) one answer carries; /sparql marks a cut answer.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Requests worked on at once (default: two per CPU, at least 4).",
)
@pass_state
def serve(
    state: State,
    host: str,
    port: int,
    seconds: float | None,
    max_rows: int,
    workers: int | None,
) -> None:
    """Serve the graph read-only: the explorer, the named questions, show,
    the gap register and changes between inspections (pages and JSON), and a
    SPARQL 1.1 endpoint at /sparql.

    Listens on 127.0.0.1 unless --host says otherwise. Each request runs in a
    process killed at its time limit; a write by another sgkg command is seen
    on the next request. With --endpoint, serves a SPARQL server's data
    instead of the store. See docs/serve.md for running it for a team.

    \b
    Example:
      sgkg serve --port 8000
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql' \\
           --data-urlencode 'query=SELECT * WHERE { ?s a sg:Report }'
    """
    import os

    import uvicorn

    from graph.serve import create_app

    if seconds is None:
        seconds = float(os.environ.get("SGKG_QUERY_SECONDS") or 10)
    app = create_app(
        state.store_path,
        state.endpoint,
        timeout=seconds,
        max_rows=max_rows,
        workers=workers,
    )
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"sgkg serving {app.state.server.source.describe()} at http://{shown}:{port}/ "
        f"(read-only; {seconds:g} s per query; Ctrl-C to stop)",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@cli.command()
@click.option(
    "--endpoint",
    "target",
    envvar="SGKG_ENDPOINT",
    metavar="URL",
    required=True,
    help="The server's SPARQL query endpoint (or SGKG_ENDPOINT), e.g. http://127.0.0.1:7878/query.",
)
@click.option(
    "--graph-store",
    metavar="URL",
    help="Its SPARQL 1.1 Graph Store Protocol URL (default: beside a .../query endpoint, "
    ".../store, as Oxigraph lays them out).",
)
@click.option(
    "--default-graph/--no-default-graph",
    default=True,
    show_default=True,
    help="Also write the union of the graphs as the server's default graph (what sgkg's "
    "queries read); --no-default-graph for a server that makes that union itself.",
)
@click.pass_context
def publish(ctx: click.Context, target: str, graph_store: str | None, default_graph: bool) -> None:
    """Load the embedded store into a SPARQL server that accepts writes.

    Every named graph (one per report, curated layer, loaded file, the
    ontology and the catalog) replaces the server's graph of that name, with
    the SPARQL 1.1 Graph Store Protocol; then read commands run against it
    with --endpoint. Credentials only from the environment
    (SGKG_ENDPOINT_TOKEN, or SGKG_ENDPOINT_USER and SGKG_ENDPOINT_PASSWORD).

    \b
    Example:
      oxigraph serve --location /srv/sgkg-oxigraph &
      sgkg publish --endpoint http://127.0.0.1:7878/query
      sgkg --endpoint http://127.0.0.1:7878/query gaps -a bournemouth
    """
    from graph.store.remote import check_url, graph_store_url
    from graph.store.remote import publish as publish_store

    state = ctx.find_object(State)
    check_url(target)
    gsp = graph_store or graph_store_url(target)
    source = State(store_path=state.store_path if state else None)
    with source.open(read_only=True) as store:
        done = publish_store(store, gsp, default_graph=default_graph)
    graphs = [g for g in done.graphs if g]
    click.echo(
        f"published {len(graphs)} named graphs, {done.triples} triples, to {done.graph_store}"
        + (" (and their union as the default graph)" if default_graph else "")
    )


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="sgkg")


if __name__ == "__main__":
    main()
