"""Hostile input to ``sgkg load`` (issue 18): every bad file exits 2 with a
message naming the file and what is wrong, prints no traceback and leaves
the store exactly as it was; bounded work (entity expansion, sizes); graphs
and vocabulary a load may not write; the staged write finished after a
failure or a ``kill -9``."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cli import cli
from graph import namespaces as ns

ROOT = Path(__file__).resolve().parents[2]
EX = "https://example.org/"
PREFIXES = """@prefix sg: <https://w3id.org/sgkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix lq: <https://w3id.org/sgkg/vocab/link-quality/> .
@prefix bt: <https://w3id.org/sgkg/vocab/body-type/> .
@prefix ex: <https://example.org/> .
"""
GOOD = PREFIXES + 'ex:lscb a sg:Body ; rdfs:label "Testshire LSCB" ; sg:bodyType bt:lscb .\n'
REPORT_GRAPH = ns.GRAPHS + "report/testshire/2015-01-01"


def run(store: Path, *args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *args], input=input)


def assert_clean_exit(result: Result, code: int) -> None:
    """The exit code asked for, through click (no exception escaped)."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


def dump(store: Path) -> str:
    from graph.store.embedded import open_store

    with open_store(store) as s:
        return s.canonical_dump()


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one loaded file and one graph standing for a report's."""
    folder = tmp_path_factory.mktemp("hostile-rdf")
    good = folder / "good.ttl"
    good.write_text(GOOD, encoding="utf-8")
    store = folder / "store"
    assert run(store, "load", str(good)).exit_code == 0
    report = folder / "report.ttl"
    report.write_text(PREFIXES + 'ex:para a sg:Paragraph ; sg:text "Genuine." .\n')
    r = run(store, "load", "--graph", REPORT_GRAPH, "--replace-sgkg-graph", str(report))
    assert r.exit_code == 0, r.output
    return store


# ------------------------------------------------------------------ making bad files


def _write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


RDF_XML = """<?xml version="1.0"?>
{doctype}
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="https://example.org/x"><rdfs:label>{body}</rdfs:label></rdf:Description>
</rdf:RDF>
"""


def billion_laughs(d: Path) -> Path:
    decls = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    decls += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    doctype = "<!DOCTYPE rdf:RDF [\n" + "\n".join(decls) + "\n]>"
    return _write(d / "laughs.rdf", RDF_XML.format(doctype=doctype, body="&lol9;"))


def quadratic_blowup(d: Path) -> Path:
    doctype = f'<!DOCTYPE rdf:RDF [ <!ENTITY a "{"a" * 2000}"> ]>'
    return _write(d / "quadratic.rdf", RDF_XML.format(doctype=doctype, body="&a;" * 10_000))


def external_entity(d: Path) -> Path:
    doctype = '<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>'
    return _write(d / "xxe.rdf", RDF_XML.format(doctype=doctype, body="&xxe;"))


def parameter_entity(d: Path) -> Path:
    doctype = '<!DOCTYPE rdf:RDF [ <!ENTITY % p "x"> %p; ]>'
    return _write(d / "param.rdf", RDF_XML.format(doctype=doctype, body="x"))


def huge_literal(d: Path) -> Path:
    text = "x" * (16 * 1024 * 1024 + 1)
    return _write(d / "literal.nt", f'<{EX}a> <{EX}label> "{text}" .\n')


def long_literal(d: Path) -> Path:
    return _write(d / "long.nt", f'<{EX}a> <{EX}label> "{"x" * 1_000_001}" .\n')


def long_iri(d: Path) -> Path:
    return _write(d / "iri.nt", f'<{EX}{"a" * 20_000}> <{EX}p> "x" .\n')


def relabels_vocabulary(d: Path) -> Path:
    return _write(d / "relabel.ttl", PREFIXES + 'lq:weak rdfs:label "strong"@en .\n')


def redefines_ontology_class(d: Path) -> Path:
    return _write(d / "class.ttl", PREFIXES + "sg:Link rdfs:subClassOf ex:Nothing .\n")


def trig_into_report_graph(d: Path) -> Path:
    body = f'<{REPORT_GRAPH}> {{ ex:para a sg:Paragraph ; sg:text "Forged." . }}\n'
    return _write(d / "forged.trig", PREFIXES + body)


def nquads_into_report_graph(d: Path) -> Path:
    line = f'<{EX}a> <{EX}p> "x" <{REPORT_GRAPH}> .\n'
    return _write(d / "catalog.nq", line)


def blank_node_graph(d: Path) -> Path:
    return _write(d / "blank.trig", PREFIXES + '_:g { ex:a ex:p "x" . }\n')


def broken_turtle(d: Path) -> Path:
    return _write(d / "broken.ttl", GOOD + "ex:a ex:b\n")


HOSTILE: list[tuple[str, Callable[[Path], Path], list[str], str]] = [
    ("billion laughs", billion_laughs, [], "other entities"),
    ("quadratic entity blowup", quadratic_blowup, [], "expand to more than"),
    ("external entity", external_entity, [], "external entity"),
    ("parameter entity", parameter_entity, [], "parameter entity"),
    ("literal over 16 MB", huge_literal, [], "literal or IRI of more than 16 MB"),
    ("IRI of 20,000 characters", long_iri, [], "IRI of 20,"),
    ("literal over 1M characters", long_literal, [], "literal of 1,000,001 characters"),
    ("lq:weak relabelled", relabels_vocabulary, [], "lq:weak"),
    ("sg:Link redefined", redefines_ontology_class, [], "sg:Link"),
    ("TriG naming a report's graph", trig_into_report_graph, [], "ingested report"),
    ("N-Quads naming a report's graph", nquads_into_report_graph, [], "--replace-sgkg-graph"),
    ("graph named by a blank node", blank_node_graph, [], "blank node"),
    ("file over --max-file-size", huge_literal, ["--max-file-size", "1"], "up to 1 MB"),
    ("broken Turtle", broken_turtle, [], "line 8, column 1"),
]


@pytest.mark.parametrize(("case", "make", "options", "words"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_exits_2_and_leaves_the_store_alone(
    case: str,
    make: Callable[[Path], Path],
    options: list[str],
    words: str,
    loaded_store: Path,
    tmp_path: Path,
) -> None:
    bad = make(tmp_path)
    before = dump(loaded_store)
    started = time.perf_counter()
    r = run(loaded_store, "load", *options, str(bad))
    took = time.perf_counter() - started
    assert_clean_exit(r, 2)
    assert str(bad) in r.output, (case, r.output)
    assert words in r.output, (case, r.output)
    assert took < 5, (case, took)
    assert dump(loaded_store) == before, case
    assert not list(tmp_path.glob("sgkg-load-*"))


def test_billion_laughs_is_refused_in_under_a_second_and_100_mb(tmp_path: Path) -> None:
    bad = billion_laughs(tmp_path)
    script = (
        "import sys, time\n"
        "from graph.rdf.files import check_file\n"
        "from graph.errors import InputFileError\n"
        "t = time.perf_counter()\n"
        "try:\n    check_file(sys.argv[1])\nexcept InputFileError as e:\n    print(e)\n"
        "print(time.perf_counter() - t)\n"
        # VmHWM is this process's own peak (ru_maxrss carries the parent's across exec)
        "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0]\n"
        "print(int(hwm.split()[1]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(bad)], capture_output=True, text=True, cwd=ROOT
    )
    message, seconds, max_rss_kb = out.stdout.strip().splitlines()
    assert "entit" in message
    assert float(seconds) < 1, (seconds, max_rss_kb)
    assert int(max_rss_kb) < 100 * 1024, (seconds, max_rss_kb)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("not an iri", "is not an IRI"),
        ("relative/path", "is not an IRI"),
        (ns.CATALOG_GRAPH, "catalog"),
        (ns.ONTOLOGY_GRAPH, "ontology/*.ttl"),
        (REPORT_GRAPH, "--replace-sgkg-graph"),
    ],
)
def test_graph_option_refusals(loaded_store: Path, tmp_path: Path, value: str, words: str) -> None:
    good = _write(tmp_path / "g.ttl", GOOD)
    before = dump(loaded_store)
    r = run(loaded_store, "load", "--graph", value, str(good))
    assert_clean_exit(r, 2)
    assert words in r.output
    assert dump(loaded_store) == before


def test_catalog_is_refused_even_with_the_flag(loaded_store: Path, tmp_path: Path) -> None:
    good = _write(tmp_path / "g.ttl", GOOD)
    before = dump(loaded_store)
    for graph in (ns.CATALOG_GRAPH, ns.ONTOLOGY_GRAPH):
        r = run(loaded_store, "load", "--graph", graph, "--replace-sgkg-graph", str(good))
        assert_clean_exit(r, 2)
    assert dump(loaded_store) == before


def test_stdin_over_the_size_limit(loaded_store: Path) -> None:
    before = dump(loaded_store)
    data = (f'<{EX}a> <{EX}p> "{"x" * 1000}" .\n' * 1200).encode()
    r = run(loaded_store, "load", "-", "--input-format", "nt", "--max-file-size", "1", input=data)
    assert_clean_exit(r, 2)
    assert "stdin: more than 1 MB" in r.output
    assert dump(loaded_store) == before


def test_plain_rdfxml_entities_still_load(tmp_path: Path) -> None:
    """Ontology editors declare namespace entities: those are fine."""
    doctype = '<!DOCTYPE rdf:RDF [ <!ENTITY ex "https://example.org/"> ]>'
    xml = RDF_XML.format(doctype=doctype, body="a &amp; b").replace(
        "https://example.org/x", "&ex;x"
    )
    f = _write(tmp_path / "plain.rdf", xml)
    store = tmp_path / "store"
    r = run(store, "load", str(f))
    assert_clean_exit(r, 0)
    r = run(store, "sparql", "SELECT ?l WHERE { <https://example.org/x> rdfs:label ?l }")
    assert "a & b" in r.output


def test_export_loads_back_with_the_flag(loaded_store: Path, tmp_path: Path) -> None:
    export = tmp_path / "all.nq"
    assert run(loaded_store, "export", "--format", "nq", "-o", str(export)).exit_code == 0
    other = tmp_path / "other"
    r = run(other, "load", str(export))
    assert_clean_exit(r, 2)
    assert "--replace-sgkg-graph" in r.output
    r = run(other, "load", "--replace-sgkg-graph", str(export))
    assert_clean_exit(r, 0)
    assert "skipped" in r.output  # the ontology and catalog quads of the export

    def data(store: Path) -> list[str]:
        return [line for line in dump(store).splitlines() if line.endswith(f"<{REPORT_GRAPH}> .")]

    assert data(other) == data(loaded_store) and data(other)


def test_files_naming_one_graph_are_written_together(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.nt", f'<{EX}a> <{EX}p> "1" .\n')
    b = _write(tmp_path / "b.nt", f'<{EX}b> <{EX}p> "2" .\n')
    store = tmp_path / "store"
    r = run(store, "load", "--graph", EX + "g", str(a), str(b))
    assert_clean_exit(r, 0)
    from graph.store.embedded import open_store

    with open_store(store, read_only=True) as s:
        assert len(list(s.quads(EX + "g"))) == 2


# ------------------------------------------------------------------ the staged write


def test_blank_nodes_are_the_same_in_the_graph_and_the_union(tmp_path: Path) -> None:
    f = _write(tmp_path / "b.ttl", PREFIXES + 'ex:a ex:p [ ex:q "x" ] .\n_:n ex:q "y" .\n')
    store = tmp_path / "store"
    assert run(store, "load", str(f)).exit_code == 0
    from graph.store.embedded import open_store

    with open_store(store, read_only=True) as s:
        in_graph = {q.triple for q in s.quads(f.resolve().as_uri())}
        union = {
            q.triple
            for q in s.ox.quads_for_pattern(
                None, None, None, __import__("pyoxigraph").DefaultGraph()
            )
        }
        assert len(in_graph) == 3 and in_graph <= union


def test_replacing_keeps_triples_another_graph_holds(tmp_path: Path) -> None:
    shared = f'<{EX}a> <{EX}p> "shared" .\n'
    a = _write(tmp_path / "a.nt", shared + f'<{EX}a> <{EX}p> "only a" .\n')
    b = _write(tmp_path / "b.nt", shared)
    store = tmp_path / "store"
    assert run(store, "load", str(a), str(b)).exit_code == 0
    a.write_text(f'<{EX}a> <{EX}p> "new a" .\n', encoding="utf-8")
    assert run(store, "load", str(a)).exit_code == 0
    r = run(store, "sparql", f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }} ORDER BY ?o")
    assert r.output.splitlines()[2:4] == ["new a", "shared"], r.output


class _Failing:
    """A pyoxigraph store whose named methods fail as on a full disk."""

    def __init__(self, inner: Any, failing: set[str]) -> None:
        self._inner, self._failing = inner, failing

    def __getattr__(self, name: str) -> Any:
        if name in self._failing:

            def fail(*_a: Any, **_k: Any) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            return fail
        return getattr(self._inner, name)


def _fail_on(monkeypatch: pytest.MonkeyPatch, *methods: str) -> None:
    from graph.store.embedded import GraphStore

    real_open = GraphStore._open

    def failing_open(self: GraphStore) -> None:
        real_open(self)
        if not self.read_only:
            self._store = _Failing(self._store, set(methods))

    monkeypatch.setattr(GraphStore, "_open", failing_open)


def test_disk_full_while_applying_is_finished_by_the_next_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    first = _write(tmp_path / "first.ttl", GOOD)
    assert run(store, "load", str(first)).exit_code == 0
    f = _write(tmp_path / "f.ttl", GOOD.replace("Testshire", "Othershire"))
    with monkeypatch.context() as m:
        _fail_on(m, "bulk_load", "bulk_extend")
        r = run(store, "load", str(f))
    assert_clean_exit(r, 1)
    assert "committed" in r.output and "next sgkg command that writes" in r.output
    # readers still see the store as it was
    r = run(store, "sparql", "SELECT ?l WHERE { ?b rdfs:label ?l }", "--format", "csv")
    assert "Othershire" not in r.output and "Testshire" in r.output
    assert (store / "sgkg-staging").is_dir() and list((store / "sgkg-staging").glob("*.json"))
    # the next writer finishes it before anything else
    from graph.store.embedded import open_store

    with open_store(store) as s:
        labels = {r["l"] for r in s.select("SELECT ?l WHERE { ?b rdfs:label ?l }")}
        assert "Othershire LSCB" in labels
        assert not list((store / "sgkg-staging").iterdir())


def test_stray_staged_files_are_removed_and_change_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = _write(tmp_path / "first.ttl", GOOD)
    assert run(store, "load", str(first)).exit_code == 0
    before = dump(store)
    staging = store / "sgkg-staging"
    staging.mkdir(exist_ok=True)
    _write(staging / "00000000000000000001-abcdef12-0.rdf", GOOD)  # staged, never committed
    _write(staging / "00000000000000000001-abcdef12.json.tmp", "{")  # journal half written
    assert dump(store) == before
    assert not list(staging.iterdir())


# ------------------------------------------------------------------ kill -9

KILL_TRIALS = int(os.environ.get("SGKG_KILL_TRIALS", "8"))  # 30 in bench/hostile_bench.sh


def _ntriples(version: str, n: int) -> str:
    lines = []
    for i in range(n):
        s = f"<{EX}s{i}>"
        lines.append(f'{s} <{EX}label> "{version} {i}" .')
        lines.append(f"{s} <{EX}next> <{EX}s{i + 1}> .")
        lines.append(f'{s} <{EX}shared> "common {i}" .')
    return "\n".join(lines) + "\n"


def _state(store_path: Path) -> tuple[list[str], list[str], list[str]]:
    """(the loaded graph, the other graph, the union) after a writer's open."""
    from graph.store.embedded import open_store

    with open_store(store_path) as s:
        graph = sorted(str(q.triple) for q in s.quads(_KILL_GRAPH))
        other = sorted(str(q.triple) for q in s.quads(_OTHER_GRAPH))
        import pyoxigraph as ox

        # blank nodes (the ontology's own) get fresh names in each store: compare
        # the triples that have none, and count the ones that do
        union, blank = [], 0
        for q in s.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            t = q.triple
            if any(isinstance(x, ox.BlankNode) for x in (t.subject, t.object)):
                blank += 1
            else:
                union.append(str(t))
    return graph, other, [*sorted(union), f"{blank} triples with blank nodes"]


_KILL_GRAPH = EX + "killed"
_OTHER_GRAPH = EX + "other"


@pytest.mark.slow
def test_kill_9_during_load_leaves_each_graph_whole_and_as_a_clean_rebuild(tmp_path: Path) -> None:
    """30 loads killed at spread-out moments: after the next writer's open,
    the graph is wholly the old version or wholly the new, the union is the
    union of the graphs, and the store equals one built cleanly."""
    n = 20_000
    old = _write(tmp_path / "old.nt", _ntriples("old", n))
    new = _write(tmp_path / "new.nt", _ntriples("new", n))
    other = _write(tmp_path / "other.nt", _ntriples("old", n // 2))  # shares triples with old

    def base(path: Path) -> None:
        for f, g in ((other, _OTHER_GRAPH), (old, _KILL_GRAPH)):
            r = run(path, "load", "--graph", g, str(f))
            assert r.exit_code == 0, r.output

    clean = {}
    for version, f in (("old", old), ("new", new)):
        path = tmp_path / f"clean-{version}"
        base(path)
        if version == "new":
            assert run(path, "load", "--graph", _KILL_GRAPH, str(f)).exit_code == 0
        clean[version] = _state(path)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from cli import main; main()"]
    probe = tmp_path / "probe"
    base(probe)
    started = time.perf_counter()
    subprocess.run(
        [*command, "--store", str(probe), "load", "--graph", _KILL_GRAPH, str(new)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    duration = time.perf_counter() - started

    rng = random.Random(18)
    outcomes = {"old": 0, "new": 0}
    template = tmp_path / "template"
    base(template)
    for trial in range(KILL_TRIALS):
        path = tmp_path / f"trial-{trial}"
        subprocess.run(["cp", "-a", str(template), str(path)], check=True)
        proc = subprocess.Popen(
            [*command, "--store", str(path), "load", "--graph", _KILL_GRAPH, str(new)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(duration * (trial + rng.random()) / KILL_TRIALS)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        state = _state(path)
        matches = [v for v in ("old", "new") if state == clean[v]]
        assert matches, f"trial {trial}: neither the old nor the new store"
        outcomes[matches[0]] += 1
    out = os.environ.get("SGKG_BENCH_OUT")  # bench/hostile_bench.sh collects the counts
    if out:
        line = {"check": "kill -9 during load", "trials": KILL_TRIALS, "whole": KILL_TRIALS}
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({**line, **outcomes}) + "\n")
    assert outcomes["old"] and outcomes["new"], outcomes
