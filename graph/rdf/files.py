"""Reading RDF files into named graphs, and writing the store back out.

Whatever a file holds, reading it is bounded, and a loaded file cannot
quietly change what sgkg presents as the inspectors' findings:

* **size**: a file (stdin included) over :attr:`Limits.max_file_bytes` is
  refused before it is parsed; a literal over :attr:`Limits.max_literal_chars`
  or an IRI over :attr:`Limits.max_iri_chars` when the parser meets it;
* **RDF/XML entities**: only plain declarations (no nested, parameter or
  external entities), and their expansion over the whole file is capped, so
  a "billion laughs" file is refused in milliseconds, before the parser sees
  it (pyoxigraph expands nested entities);
* **vocabulary**: a file may use sgkg's terms but not describe them: a triple
  whose subject is in ``sg:`` or a ``vocab/`` scheme (``bt:``, ``lk:``, ``lq:``,
  ``grade:``, ...) is refused, so no file can relabel ``lq:weak`` "strong".
  The terms are defined only in the ontology graph, from ``ontology/*.ttl``;
* **graphs**: the catalog and the ontology graph are never loaded into; a
  graph sgkg writes itself (a report's, a curated layer's, saved gaps) only
  when the caller allows it (``sgkg load --replace-sgkg-graph``). Quads of the
  store's own graphs in a dataset file (an export) are skipped and counted.

Every input is copied once (a private spool, so the file checked is the file
written) and parsed in full before anything is written; :func:`load_checked`
then hands the spools to the store's staged write.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import iri
from graph import namespaces as ns
from graph.errors import InputFileError, ParameterError, RdfSyntaxError, UnknownFormatError

#: graphs the store keeps itself: never loaded into; skipped in a dataset file
RESERVED_GRAPHS = frozenset({ns.ONTOLOGY_GRAPH, ns.CATALOG_GRAPH, ns.VIEWS_GRAPH})
#: subjects no loaded file may describe: the ontology (sg:) and every SKOS
#: scheme (bt:, lk:, lq:, grade:, area:, fw:, topic:, measure:, lkind: all live
#: under vocab/)
VOCABULARY_NAMESPACES = (ns.SG, ns.VOCAB)

#: suffix -> pyoxigraph format name
SUFFIX_FORMATS: dict[str, str] = {
    ".ttl": "TURTLE",
    ".turtle": "TURTLE",
    ".nt": "N_TRIPLES",
    ".ntriples": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".nquads": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".owl": "RDF_XML",
    ".xml": "RDF_XML",
}

#: names accepted by --input-format / --format
FORMAT_NAMES: dict[str, str] = {
    "ttl": "TURTLE",
    "turtle": "TURTLE",
    "nt": "N_TRIPLES",
    "ntriples": "N_TRIPLES",
    "nq": "N_QUADS",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "jsonld": "JSON_LD",
    "json-ld": "JSON_LD",
    "xml": "RDF_XML",
    "rdfxml": "RDF_XML",
}


@dataclass(frozen=True)
class Limits:
    """Bounds on what one RDF file may ask of ``load``. A national store
    exported as N-Triples (1M triples) is about 180 MB; the longest text sgkg
    writes (a report paragraph) has a few thousand characters."""

    max_file_bytes: int = 512 * 1024 * 1024
    max_literal_chars: int = 1_000_000
    max_iri_chars: int = 16_384
    #: characters RDF/XML entity references may add, over the whole file
    max_entity_expansion: int = 16_000_000


def resolve_format(path: str, given: str | None) -> str:
    """The pyoxigraph format name for a file, from ``given`` or the suffix."""
    if given:
        name = FORMAT_NAMES.get(given.lower())
        if not name:
            known = ", ".join(sorted(FORMAT_NAMES))
            raise UnknownFormatError(f"unknown RDF format {given!r}; use one of: {known}")
        return name
    if path == "-":
        raise UnknownFormatError("reading stdin needs --input-format (e.g. --input-format ttl)")
    suffix = Path(path).suffix.lower()
    name = SUFFIX_FORMATS.get(suffix)
    if not name:
        known = ", ".join(sorted(SUFFIX_FORMATS))
        raise UnknownFormatError(
            f"{path}: cannot tell the RDF format from the suffix {suffix or '(none)'!r}; "
            f"use a known suffix ({known}) or --input-format"
        )
    return name


# ---------------------------------------------------------------- graphs


def check_target_graph(value: str, *, allow_sgkg_graphs: bool = False) -> str:
    """A graph named by the user (``--graph``): an absolute IRI, not the
    catalog or the ontology graph, and not a graph sgkg writes itself unless
    ``allow_sgkg_graphs``."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(value)
    except ValueError as err:
        raise ParameterError(
            f"--graph {value!r} is not an IRI ({err}); give an absolute IRI such as "
            "https://example.org/my-graph or urn:example:my-graph"
        ) from err
    refusal = _graph_refusal(value, allow_sgkg_graphs)
    if refusal:
        raise ParameterError(f"--graph {value}: {refusal}")
    return value


def _graph_refusal(graph_iri: str, allow_sgkg_graphs: bool) -> str | None:
    """Why a load may not write ``graph_iri`` (None: it may)."""
    if graph_iri == ns.CATALOG_GRAPH:
        return "the catalog graph is the store's record of its graphs; no load writes it"
    if graph_iri == ns.ONTOLOGY_GRAPH:
        return (
            "the ontology graph is rebuilt from the shipped ontology/*.ttl files; "
            "change those instead"
        )
    if graph_iri == ns.VIEWS_GRAPH:
        return "this graph is retired and kept by the store itself; no load writes it"
    if graph_iri.startswith(ns.GRAPHS) and not allow_sgkg_graphs:
        what = (
            "the graph of an ingested report"
            if graph_iri.startswith(ns.GRAPHS + "report/")
            else "a graph sgkg writes itself"
        )
        return (
            f"this is {what}; loading would replace it. Pass --replace-sgkg-graph "
            "to do that on purpose"
        )
    return None


# ---------------------------------------------------------------- checking


@dataclass
class CheckedFile:
    """An RDF file parsed in full and within bounds: a private copy of its
    bytes (``spool``) and what it holds, ready to be written."""

    source: str  # as given; "-" for stdin
    spool: Path
    format: str  # a pyoxigraph RdfFormat name
    base_iri: str
    target: str  # the graph of the file's default-graph triples
    triples: dict[str, int] = field(default_factory=dict)  # graph -> triples read
    skipped: int = 0  # quads of the store's own graphs (an export loaded back)
    blank_nodes: bool = False

    @property
    def triple_count(self) -> int:
        return sum(self.triples.values())

    def staged_input(self) -> Any:
        from graph.store.staged import StagedInput

        # the bulk loader names blank nodes afresh on each parse, and a file
        # without them is parsed twice (into its graph, into the union) natively
        native = (
            set(self.triples) <= {self.target}
            and not self.skipped
            and not self.blank_nodes
            and self.format in ("N_TRIPLES", "TURTLE", "RDF_XML")
        )
        return StagedInput(
            path=self.spool,
            format=self.format,
            default_graph=self.target,
            base_iri=self.base_iri,
            skip_graphs=RESERVED_GRAPHS,
            native=native,
        )

    def discard(self) -> None:
        self.spool.unlink(missing_ok=True)


def check_file(
    path: str,
    fmt: str | None = None,
    *,
    stdin: io.BufferedReader | None = None,
    graph_iri: str | None = None,
    allow_sgkg_graphs: bool = False,
    limits: Limits | None = None,
) -> CheckedFile:
    """Copy ``path`` (``-``: stdin) aside and parse the copy in full within
    ``limits``. Triples of the file's default graph go to its own graph
    (:func:`graph.iri.file_graph`, or ``graph_iri``); named graphs in TriG,
    N-Quads or JSON-LD keep their names. Raises a :class:`UserError` naming
    the file and what is wrong; nothing is written anywhere but the spool,
    which is removed on failure."""
    limits = limits or Limits()
    name = resolve_format(path, fmt)
    if graph_iri is not None:
        check_target_graph(graph_iri, allow_sgkg_graphs=allow_sgkg_graphs)
    target = graph_iri or iri.file_graph(path)
    spool = _spool(path, stdin, limits)
    base = target if path == "-" else Path(path).resolve().as_uri()
    checked = CheckedFile(source=path, spool=spool, format=name, base_iri=base, target=target)
    try:
        if name == "RDF_XML":
            _check_xml_entities(spool, path, limits)
        for _ in _checked_quads(checked, allow_sgkg_graphs, limits):
            pass
    except BaseException:
        checked.discard()
        raise
    if not checked.triples:
        checked.triples[target] = 0
    return checked


def check_files(
    paths: list[str] | tuple[str, ...],
    fmt: str | None = None,
    *,
    stdin: io.BufferedReader | None = None,
    graph_iri: str | None = None,
    allow_sgkg_graphs: bool = False,
    limits: Limits | None = None,
) -> list[CheckedFile]:
    """:func:`check_file` for each path; on the first bad one, the spools of
    the others are removed and its error raised."""
    done: list[CheckedFile] = []
    try:
        for p in paths:
            done.append(
                check_file(
                    p,
                    fmt,
                    stdin=stdin,
                    graph_iri=graph_iri,
                    allow_sgkg_graphs=allow_sgkg_graphs,
                    limits=limits,
                )
            )
    except BaseException:
        for c in done:
            c.discard()
        raise
    return done


@dataclass
class LoadSummary:
    files: list[CheckedFile]
    graphs: dict[str, int]  # graph -> triples it holds now


def load_checked(store: Any, files: list[CheckedFile]) -> LoadSummary:
    """Write checked files into ``store`` as one atomic write: each graph they
    name is replaced by what they hold for it (files naming the same graph
    add up). The spools are consumed."""
    sources: dict[str, list[str]] = {}
    for c in files:
        for g in c.triples:
            sources.setdefault(g, []).append(c.source)
    try:
        counts = store.write_staged(
            [c.staged_input() for c in files],
            {g: ", ".join(dict.fromkeys(s)) for g, s in sources.items()},
        )
    finally:
        for c in files:
            c.discard()
    return LoadSummary(files=files, graphs=counts)


@dataclass
class ParsedFile:
    """An RDF file parsed in full, in memory, ready to be written graph by graph."""

    source: str
    graphs: dict[str, list[Any]]  # graph IRI -> triples

    @property
    def triple_count(self) -> int:
        return sum(len(t) for t in self.graphs.values())


def parse_file(
    path: str,
    fmt: str | None = None,
    stdin: io.BufferedReader | None = None,
    graph_iri: str | None = None,
    *,
    allow_sgkg_graphs: bool = True,
    limits: Limits | None = None,
) -> ParsedFile:
    """Parse a small RDF file into memory under the same rules as
    :func:`check_file` (sgkg's own callers name sgkg graphs on purpose, so
    they are allowed by default)."""
    limits = limits or Limits()
    checked = check_file(
        path,
        fmt,
        stdin=stdin,
        graph_iri=graph_iri,
        allow_sgkg_graphs=allow_sgkg_graphs,
        limits=limits,
    )
    try:
        checked.triples.clear()
        graphs: dict[str, list[Any]] = {}
        for g, quad in _checked_quads(checked, allow_sgkg_graphs, limits):
            graphs.setdefault(g, []).append(quad.triple)
    finally:
        checked.discard()
    return ParsedFile(source=path, graphs=graphs or {checked.target: []})


def _spool(path: str, stdin: io.BufferedReader | None, limits: Limits) -> Path:
    """A private copy of the input, refused past ``limits.max_file_bytes``
    (a regular file by its size, before reading; stdin, a pipe or a device as
    it is read)."""
    cap = limits.max_file_bytes
    if path == "-":
        source: Any = stdin if stdin is not None else io.BytesIO()
        size = None
    else:
        p = Path(path)
        try:
            st = p.stat()
        except FileNotFoundError as err:
            raise InputFileError(f"{path}: no such file") from err
        except OSError as err:
            raise InputFileError(f"{path}: cannot read: {err}") from err
        if stat.S_ISDIR(st.st_mode):
            raise InputFileError(f"{path}: is a directory; give RDF files")
        size = st.st_size if stat.S_ISREG(st.st_mode) else None
        if size is not None and size > cap:
            raise InputFileError(_too_big(path, size, cap))
        source = None
    fd, name = tempfile.mkstemp(prefix="sgkg-load-", suffix=".rdf")
    spool = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            if source is None:
                try:
                    source = open(path, "rb")  # noqa: SIM115 - closed below
                except OSError as err:
                    raise InputFileError(f"{path}: cannot read: {err}") from err
                own = True
            else:
                own = False
            try:
                copied = _copy_capped(source, out, cap, path)
            finally:
                if own:
                    source.close()
        if copied > cap:  # pragma: no cover - _copy_capped raises first
            raise InputFileError(_too_big(path, copied, cap))
    except OSError as err:
        spool.unlink(missing_ok=True)
        raise InputFileError(f"{path}: cannot read: {err}") from err
    except BaseException:
        spool.unlink(missing_ok=True)
        raise
    return spool


def _copy_capped(source: Any, out: Any, cap: int, path: str) -> int:
    copied = 0
    while True:
        chunk = source.read(1 << 20)
        if not chunk:
            return copied
        copied += len(chunk)
        if copied > cap:
            raise InputFileError(_too_big(path, copied, cap, more=True))
        out.write(chunk)


def _too_big(path: str, size: int, cap: int, more: bool = False) -> str:
    what = "stdin" if path == "-" else path
    got = f"more than {cap / 2**20:,.0f} MB" if more else f"{size / 2**20:,.1f} MB"
    return (
        f"{what}: {got}; sgkg loads RDF files up to {cap / 2**20:,.0f} MB "
        "(split the file, or raise the limit with --max-file-size)"
    )


def _checked_quads(
    checked: CheckedFile, allow_sgkg_graphs: bool, limits: Limits
) -> Iterator[tuple[str, Any]]:
    """Parse the spool, yielding (graph IRI, quad) for every quad to write,
    counting them and refusing what breaks a rule. One pass, in C speed where
    possible: this runs over a million quads in about 3 s."""
    import pyoxigraph as ox

    path = checked.source
    name = checked.format
    named, literal, blank, default = ox.NamedNode, ox.Literal, ox.BlankNode, ox.DefaultGraph
    max_literal, max_iri = limits.max_literal_chars, limits.max_iri_chars
    counts = checked.triples
    graphs: dict[Any, str | None] = {}  # graph name -> IRI to write, None to skip
    target = checked.target
    try:
        fmt = getattr(ox.RdfFormat, name)
        quads = ox.parse(path=str(checked.spool), format=fmt, base_iri=checked.base_iri)
        for q in quads:
            g = q.graph_name
            if type(g) is default:
                key: str | None = target
            else:
                key = graphs.get(g, "")
                if key == "":
                    key = graphs[g] = _dataset_graph(g, path, allow_sgkg_graphs)
                if key is None:
                    checked.skipped += 1
                    continue
            s = q.subject
            if type(s) is named:
                v = s.value
                if v.startswith(VOCABULARY_NAMESPACES):
                    raise InputFileError(_redefines(path, q))
                if len(v) > max_iri:
                    raise InputFileError(_long_iri(path, v, max_iri))
            elif type(s) is blank:
                checked.blank_nodes = True
            if len(q.predicate.value) > max_iri:
                raise InputFileError(_long_iri(path, q.predicate.value, max_iri))
            o = q.object
            kind = type(o)
            if kind is literal:
                if len(o.value) > max_literal:
                    raise InputFileError(_long_literal(path, q, max_literal))
            elif kind is named:
                if len(o.value) > max_iri:
                    raise InputFileError(_long_iri(path, o.value, max_iri))
            elif kind is blank:
                checked.blank_nodes = True
            counts[key] = counts.get(key, 0) + 1
            yield key, q
    except SyntaxError as err:
        where = ""
        if getattr(err, "lineno", None):
            where = f" line {err.lineno}, column {err.offset}"
        msg = getattr(err, "msg", None) or str(err)
        msg = msg.split(": ", 1)[-1] if msg.startswith("Parser error") else msg
        raise RdfSyntaxError(f"{path}:{where}: not valid {name.replace('_', '-')}: {msg}") from err
    except (OSError, UnicodeDecodeError) as err:
        raise InputFileError(f"{path}: cannot read: {err}") from err
    except ValueError as err:
        raise RdfSyntaxError(f"{path}: not valid {name}: {err}") from err
    except MemoryError as err:
        if "buffer maximal size" in str(err):  # pyoxigraph's own bound on one term
            raise InputFileError(
                f"{path}: a literal or IRI of more than 16 MB (the limit is "
                f"{limits.max_literal_chars:,} characters); shorten it or leave it out"
            ) from err
        raise InputFileError(f"{path}: too large to parse in the memory available") from err


def _dataset_graph(g: Any, path: str, allow_sgkg_graphs: bool) -> str | None:
    import pyoxigraph as ox

    if not isinstance(g, ox.NamedNode):
        raise InputFileError(
            f"{path}: a graph named by a blank node ({g}); sgkg keeps graphs by IRI, "
            "so name it with one"
        )
    if g.value in RESERVED_GRAPHS:
        return None  # the store keeps these itself (e.g. re-loading an export)
    refusal = _graph_refusal(g.value, allow_sgkg_graphs)
    if refusal:
        raise InputFileError(f"{path}: names the graph <{g.value}>: {refusal}")
    return g.value


def _redefines(path: str, q: Any) -> str:
    import pyoxigraph as ox

    from graph.store.sparql import shorten

    term = shorten(q.subject.value)
    obj = q.object
    shown = shorten(obj.value) if isinstance(obj, ox.NamedNode) else str(obj)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return (
        f"{path}: describes {term}, a term of sgkg's vocabulary ({term} "
        f"{shorten(q.predicate.value)} {shown}); vocabulary and ontology terms are "
        "defined only in the ontology graph (ontology/*.ttl). A file may use them "
        "but not redefine them: mint your own IRIs for new terms"
    )


def _long_literal(path: str, q: Any, cap: int) -> str:
    subject = q.subject.value if hasattr(q.subject, "value") else str(q.subject)
    return (
        f"{path}: a literal of {len(q.object.value):,} characters (the limit is {cap:,}) "
        f"in a triple about <{subject[:200]}>; shorten it or leave it out"
    )


def _long_iri(path: str, value: str, cap: int) -> str:
    return f"{path}: an IRI of {len(value):,} characters (the limit is {cap:,}): <{value[:60]}...>"


# ---------------------------------------------------------------- RDF/XML entities

#: the prolog (everything before the root element) must fit in this much
_PROLOG_BYTES = 1 << 20
_SKIP = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE = re.compile(
    r"<!DOCTYPE\s+[^\s\[>]+"
    r"(?:\s+(?:SYSTEM\s+(?:\"[^\"]*\"|'[^']*')"
    r"|PUBLIC\s+(?:\"[^\"]*\"|'[^']*')\s+(?:\"[^\"]*\"|'[^']*')))?\s*"
)
_ENTITY = re.compile(
    r"<!ENTITY\s+(%\s+)?([^\s%;&\"'<>]+)\s+"
    r"(?:\"([^\"]*)\"|'([^']*)'|(SYSTEM|PUBLIC)\b)"
    r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
)
_OTHER_DECL = re.compile(r"<!(?:ELEMENT|ATTLIST|NOTATION)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_REFERENCE = re.compile(rb"&([A-Za-z_:][-\w.:]*);")


def _check_xml_entities(spool: Path, path: str, limits: Limits) -> None:
    """Refuse RDF/XML whose entity declarations could expand without bound:
    nested, parameter or external entities, or plain ones whose references
    add more than ``limits.max_entity_expansion`` characters in all. Plain
    declarations (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``, as
    ontology editors write) are fine."""
    with open(spool, "rb") as fh:
        head = fh.read(_PROLOG_BYTES)
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    text = head.decode("utf-16" if utf16 else "latin-1", errors="replace")
    entities, end = _doctype_entities(text, path, complete=len(head) < _PROLOG_BYTES)
    if not entities:
        return
    if utf16:
        raise InputFileError(
            f"{path}: RDF/XML in UTF-16 with entity declarations; save it as UTF-8"
        )
    sizes = {name.encode("latin-1"): len(value) for name, value in entities.items()}
    cap = limits.max_entity_expansion
    total = 0
    carry = b""
    with open(spool, "rb") as fh:
        fh.seek(end)
        while True:
            data = fh.read(1 << 20)
            buf = carry + data
            cut = len(buf)
            if data:  # keep a reference cut by the chunk's end for the next one
                amp = buf.rfind(b"&", max(0, len(buf) - 300))
                cut = amp if amp != -1 else len(buf)
            for m in _REFERENCE.finditer(buf, 0, cut):
                total += sizes.get(m.group(1), 0)
                if total > cap:
                    raise InputFileError(
                        f"{path}: its entity references expand to more than {cap:,} "
                        "characters; refused (an entity-expansion file?). Write the "
                        "values out instead of declaring entities"
                    )
            carry = buf[cut:]
            if not data:
                return


def _doctype_entities(text: str, path: str, complete: bool) -> tuple[dict[str, str], int]:
    """The plain entities the DOCTYPE declares, and where the prolog ends."""

    def refuse(why: str) -> InputFileError:
        return InputFileError(f"{path}: {why}; refused, as its expansion could be unbounded")

    pos = 0
    while (m := _SKIP.match(text, pos)) is not None:
        pos = m.end()
    if not text.startswith("<!DOCTYPE", pos):
        if pos >= len(text) and not complete:
            raise InputFileError(f"{path}: more than 1 MB before the first element")
        return {}, pos
    m = _DOCTYPE.match(text, pos)
    if m is None:
        raise InputFileError(f"{path}: cannot read its DOCTYPE declaration")
    pos = m.end()
    entities: dict[str, str] = {}
    if text.startswith("[", pos):
        pos += 1
        while True:
            if (m := _SKIP.match(text, pos)) is not None or (
                m := _OTHER_DECL.match(text, pos)
            ) is not None:
                pos = m.end()
                continue
            if (m := _ENTITY.match(text, pos)) is not None:
                name = m.group(2)
                if m.group(1):
                    raise refuse(f"declares the parameter entity %{name};")
                if m.group(5):
                    raise refuse(f"declares the external entity &{name};")
                value = m.group(3) if m.group(3) is not None else m.group(4)
                if "&" in value or "%" in value:
                    raise refuse(f"declares the entity &{name}; in terms of other entities")
                entities[name] = value
                pos = m.end()
                continue
            if text.startswith("]", pos):
                pos += 1
                break
            if text.startswith("%", pos):
                raise refuse("uses a parameter entity in its DOCTYPE")
            if pos >= len(text) and not complete:
                raise InputFileError(f"{path}: a DOCTYPE longer than 1 MB")
            raise InputFileError(
                f"{path}: cannot read its DOCTYPE declaration at character {pos:,}"
            )
        while (m := _SKIP.match(text, pos)) is not None:
            pos = m.end()
    if not text.startswith(">", pos):
        raise InputFileError(f"{path}: cannot read its DOCTYPE declaration at character {pos:,}")
    return entities, pos + 1


EXPORT_FORMATS = {
    "ttl": ("TURTLE", False),
    "nt": ("N_TRIPLES", False),
    "nq": ("N_QUADS", True),
    "trig": ("TRIG", True),
    "jsonld": ("JSON_LD", True),
}


def export(
    store: Any, fmt: str, out: io.BufferedWriter | io.BytesIO, graph_iri: str | None = None
) -> None:
    """Serialise the whole store (or one named graph) to ``out``.

    Triple formats (ttl, nt) get the union of the graphs; dataset formats keep
    graph names."""
    import pyoxigraph as ox

    if fmt not in EXPORT_FORMATS:
        raise UnknownFormatError(
            f"unknown export format {fmt!r}; use one of: " + ", ".join(EXPORT_FORMATS)
        )
    name, dataset = EXPORT_FORMATS[fmt]
    rdf_format = getattr(ox.RdfFormat, name)
    if graph_iri is not None and not store.has_graph(graph_iri):
        raise InputFileError(f"no named graph {graph_iri} in the store; see `sgkg stats`")
    quads = store.quads(graph_iri)
    if dataset:
        data: Any = quads
    else:
        seen = set()
        data = []
        for q in quads:
            t = q.triple
            if t not in seen:
                seen.add(t)
                data.append(t)
    kwargs: dict[str, Any] = {}
    if name in ("TURTLE", "TRIG"):
        kwargs["prefixes"] = ns.PREFIXES
    ox.serialize(data, out, format=rdf_format, **kwargs)
