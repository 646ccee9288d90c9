"""Measure the report reader on the development corpus.

    python bench/reader_bench.py corpus     # every report, PDF -> parsed Report, one warm process
    python bench/reader_bench.py ingest     # every report through `sgkg ingest`, one process each
    python bench/reader_bench.py libraries  # PDF text libraries compared
    python bench/reader_bench.py hostile    # hostile input: exit code, store unchanged
    python bench/reader_bench.py all --out bench/reader_results.md

``corpus`` reads every PDF of the corpus (``../shared/corpus`` by default,
``--corpus``; not part of the repository) into a parsed report in one warm
process, timing each (wall and CPU seconds, PDF text and parse), and compares
the result with the corpus's silver labels: judgements with ``MANIFEST.tsv``,
list lengths and paragraph ranges with ``recommendation-lists.tsv`` (where the
report has a row; for the others, the bullets of "What needs to improve" /
"Recommendations" counted in poppler's rendering), paragraph numbering (1..N,
N equal to the numbered run counted independently in poppler's rendering),
leftovers in the text (a line that is only a page number, running headers or
footers, footnote digits glued to words, footnote text, ``**`` markup, bullet
glyphs), and that the 2009-13 looked-after-children inspections are refused by
name.

``ingest`` runs ``sgkg ingest REPORT.pdf`` as a fresh process per report into
one store (PDF to committed store, what a user waits for) and reads the store
back for the same comparisons.

``libraries`` times pypdf, pypdfium2, PyMuPDF and pdfminer.six (those that are
importable; add a folder to the import path with ``--extra-path``) on every
PDF and compares their words, and word pairs, with the corpus's poppler
``pdftotext`` rendering.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import itertools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: no background warmer (graph/queries/warm.py) after the writes this script times
os.environ["SGKG_WARM"] = "0"
sys.path.insert(0, str(ROOT))

GRADES = {"requires improvement": "requires-improvement"}
FIELDS = [  # manifest column -> judgement area
    ("overall", "overall"),
    ("cnhp", "help-and-protection"),
    ("cla", "looked-after"),
    ("adoption", "adoption"),
    ("care_leavers", "care-leavers"),
    ("lmg", "leadership"),
    ("lscb", "lscb"),
]
LA_LISTS = ("areas-for-improvement", "recommendations", "what-needs-to-improve")
LEFTOVERS = {
    "page-number line": re.compile(r"(?m)^\s*\d{1,3}\s*$"),
    "number glued at the end": re.compile(r"[a-z,]\s\d{1,3}$"),
    "footnote digit glued to a word": re.compile(r"[a-z]{3}[.,;:]?[1-9](?=[\s,;:)]|$)"),
    "footnote text": re.compile(
        r"Ofsted produces this report|local unvalidated data|residential special schools? "
        r"that looks? after|full description of what the inspection judgements mean"
    ),
    "running header/footer": re.compile(
        r"©|Crown copyright|www\.ofsted|Inspection of services for children in need of help"
        r"|Inspection of [A-Z][\w ,]+ local authority children.s services"
    ),
    "** markup": re.compile(r"\*\*"),
    "bullet glyph": re.compile("[\uf000-\uf0ff\ufffe•◼]"),
}


def read_tsv(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh, delimiter="\t")}


def table(headers: list[str], rows: list[list[object]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


# ---------------------------------------------------------------- corpus


def _numbered_run(text_file: Path) -> int:
    """The last N of the run 1, 2, ..., N of numbered paragraphs, in order,
    in a text rendering: an independent count of the report's paragraphs."""
    expected = 1
    for line in text_file.read_text(encoding="utf-8").splitlines():
        if re.match(rf"^\s*{expected}\.(?:\s|[A-Z‘']|$)", line):
            expected += 1
    return expected - 1


def run_ingest(corpus: Path) -> str:
    from graph.store.embedded import open_store

    manifest = read_tsv(corpus / "MANIFEST.tsv")
    lists = read_tsv(corpus / "recommendation-lists.tsv")
    store_dir = Path(tempfile.mkdtemp(prefix="sgkg-reader-bench-"))
    store_path = store_dir / "store"
    env = {**os.environ, "SGKG_STORE": str(store_path)}
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "stats"], env=env, capture_output=True)
    seconds: dict[str, float] = {}
    graph_of: dict[str, str] = {}
    errors: dict[str, str] = {}
    for rid in sorted(manifest):
        pdf = corpus / "pdf" / f"{rid}.pdf"
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), "ingest", str(pdf)],
            env=env,
            capture_output=True,
            text=True,
        )
        seconds[rid] = time.perf_counter() - start
        m = re.search(r"into <([^>]+)>", proc.stdout)
        if proc.returncode != 0 or not m:
            errors[rid] = proc.stderr.strip()
            continue
        graph_of[rid] = m.group(1)

    per_field = collections.Counter()
    field_total = collections.Counter()
    disagreements: list[str] = []
    list_rows = {"exact": 0, "total": 0}
    list_problems: list[str] = []
    continuous = 0
    leftovers: collections.Counter[str] = collections.Counter()
    leftover_examples: list[str] = []
    stats_rows: list[list[object]] = []
    report_rows: list[list[object]] = []
    with open_store(store_path) as store:
        for rid in sorted(manifest):
            if rid not in graph_of:
                continue
            report = graph_of[rid].replace("/graph/report/", "/id/report/")
            got = {
                r["area"].rsplit("/", 1)[-1]: r["grade"].rsplit("/", 1)[-1]
                for r in store.select(
                    "SELECT DISTINCT ?r ?area ?grade WHERE { ?j sg:report ?r ;"
                    " sg:judgementArea ?area ; sg:grade ?grade }",
                    {"r": report},
                )
            }
            ok_fields = 0
            for column, area in FIELDS:
                expected = manifest[rid][column]
                if not expected:
                    if area in got:
                        disagreements.append(f"{rid} {area}: reader {got[area]}, manifest none")
                    continue
                expected = GRADES.get(expected, expected)
                field_total[area] += 1
                if got.get(area) == expected:
                    per_field[area] += 1
                    ok_fields += 1
                else:
                    disagreements.append(
                        f"{rid} {area}: reader {got.get(area)}, manifest {expected}"
                    )
            # lists
            items = collections.defaultdict(list)
            for r in store.select(
                "SELECT DISTINCT ?r ?kind ?subject ?n ?u WHERE {"
                " ?l a sg:SummaryList ; sg:report ?r ;"
                " sg:listKind ?kind ; sg:subject/sg:bodyType ?subject . ?u sg:inList ?l ;"
                " sg:number ?n }",
                {"r": report},
            ):
                subject = "lscb" if r["subject"].endswith("/lscb") else "la"
                items[(r["kind"].rsplit("/", 1)[-1], subject)].append((r["n"], "/para/" in r["u"]))
            for subject in ("la", "lscb"):
                found = next(
                    (sorted(items[(k, subject)]) for k in LA_LISTS if items.get((k, subject))), []
                )
                expected_list = _expected_lists(corpus, rid, manifest[rid]["framework"], lists)
                if expected_list[subject] is None:
                    continue
                count, first, last = expected_list[subject]
                list_rows["total"] += 1
                paras = [n for n, is_para in found if is_para]
                ok = len(found) == count
                if ok and first and paras:
                    ok = (paras[0], paras[-1]) == (int(first), int(last))
                if ok:
                    list_rows["exact"] += 1
                else:
                    list_problems.append(
                        f"{rid} {subject}: {len(found)} items "
                        f"({paras[0] if paras else '-'}-{paras[-1] if paras else '-'}), "
                        f"expected {count} ({first or '-'}-{last or '-'})"
                    )
            # numbering
            numbers = [
                r["n"]
                for r in store.select(
                    "SELECT DISTINCT ?r ?p ?n WHERE {"
                    " ?p a sg:Paragraph ; sg:report ?r ; sg:number ?n }"
                    " ORDER BY ?n",
                    {"r": report},
                )
            ]
            # continuous, and as long as the numbered run in poppler's rendering
            reference = _numbered_run(corpus / "text" / f"{rid}.txt")
            is_continuous = numbers == list(range(1, reference + 1))
            continuous += is_continuous
            # leftovers
            report_leftovers = 0
            for r in store.select(
                "SELECT DISTINCT ?r ?u ?text WHERE {"
                " ?u a sg:TextUnit ; sg:report ?r ; sg:text ?text }",
                {"r": report},
            ):
                if r["u"].endswith("/block/judgement-table"):
                    continue
                for name, pattern in LEFTOVERS.items():
                    hit = pattern.search(r["text"])
                    if hit:
                        leftovers[name] += 1
                        report_leftovers += 1
                        leftover_examples.append(
                            f"{rid} {r['u'].rsplit('/', 2)[-2:]} {name}: "
                            f"{r['text'][max(0, hit.start() - 30) : hit.end() + 10]!r}"
                        )
            # statistics
            measures = store.select(
                "SELECT DISTINCT ?r ?o ?m WHERE {"
                " ?o a sg:Observation ; sg:report ?r ; sg:measure ?m }",
                {"r": report},
            )
            previous = store.select(
                "SELECT ?r (COUNT(DISTINCT ?p) AS ?n) WHERE {"
                " ?p a sg:PreviousInspection ; sg:report ?r }"
                " GROUP BY ?r",
                {"r": report},
            )
            stats_rows.append([rid, len(measures), previous[0]["n"] if previous else 0])
            report_rows.append(
                [
                    rid,
                    f"{seconds[rid]:.2f}",
                    f"{ok_fields}/{sum(1 for c, _ in FIELDS if manifest[rid][c])}",
                    len(numbers),
                    "yes" if is_continuous else "no",
                    report_leftovers,
                ]
            )
    n = len(manifest)
    times = sorted(seconds.values())
    out = ["## Report reader: development corpus through `sgkg ingest`", ""]
    out.append(
        f"{n} reports, each ingested from its PDF by a fresh `sgkg ingest` process into one "
        f"store (wall time per process, on this machine); {len(errors)} refused or failed "
        f"({sum(1 for v in errors.values() if 'looked after children services' in v)} of them "
        "2009-13 looked-after-children inspections, refused by name)."
    )
    out.append("")
    rows = [[area, f"{per_field[area]}/{field_total[area]}"] for _, area in FIELDS]
    all_ok = sum(per_field.values())
    all_total = sum(field_total.values())
    rows.append(["**all judgements**", f"**{all_ok}/{all_total}**"])
    rows.append(
        ["list lengths (and ranges) exact", f"{list_rows['exact']}/{list_rows['total']} lists"]
    )
    rows.append(
        ["paragraph numbering continuous and complete", f"{continuous}/{len(graph_of)} reports"]
    )
    rows.append(["leftovers in paragraph and block text", str(sum(leftovers.values()))])
    rows.append(
        ["median seconds per report (max)", f"{statistics.median(times):.2f} ({times[-1]:.2f})"]
    )
    out.append(table(["field", "agreement"], rows))
    out.append("")
    if disagreements:
        out.append("Judgement disagreements: " + "; ".join(disagreements))
    if list_problems:
        out.append("List mismatches: " + "; ".join(list_problems))
    if errors:
        out.append(
            "Refused or failed: "
            + "; ".join(f"{k}: {v.splitlines()[-1] if v else '?'}" for k, v in errors.items())
        )
    if leftover_examples:
        out.append("Leftovers: " + "; ".join(leftover_examples[:20]))
    out += ["", "Per report:", ""]
    out.append(
        table(
            ["report", "seconds", "judgements", "paragraphs", "continuous", "leftovers"],
            report_rows,
        )
    )
    out += ["", "### Area statistics found per report", ""]
    out.append(table(["report", "statistics", "previous inspections"], stats_rows))
    total_stats = sum(r[1] for r in stats_rows)
    with_stats = sum(1 for r in stats_rows if r[1])
    out.append("")
    out.append(
        f"{total_stats} statistics in {with_stats} of {len(stats_rows)} reports (ILACS reports, "
        "Wigan 2017 and Manchester 2017 print no area-information section)."
    )
    return "\n".join(out)


# ---------------------------------------------------------------- corpus, in process

#: manifest framework -> the reader's template
TEMPLATE_OF = {
    "SIF+LSCB": "sif-lscb",
    "SIF-noLSCB": "sif-no-lscb",
    "SIF-reinspection": "sif-reinspection",
    "LSCB-only": "lscb-review",
    "LAC-2013": None,  # refused by name
}
BULLETS = "•◼▪■●"
LIST_KINDS = ("areas-for-improvement", "recommendations", "what-needs-to-improve")


def _improvement_bullets(text_file: Path, heading: str) -> int | None:
    """Bullets under ``heading`` in a poppler rendering (a line that is the
    heading, then bullet items whose continuation lines are indented): an
    independent count of a list the reader keeps as blocks."""
    lines = text_file.read_text(encoding="utf-8").splitlines()
    start = next((i for i, x in enumerate(lines) if x.strip().rstrip("?") == heading), None)
    if start is None:
        return None
    count = 0
    for line in lines[start + 1 :]:
        if not line.strip() or (line.startswith((" ", "\t")) and line.strip()[:1] not in BULLETS):
            continue
        if line.strip()[:1] in BULLETS:
            count += 1
            continue
        break
    return count


def _expected_lists(
    corpus: Path, rid: str, framework: str, lists: dict[str, dict[str, str]]
) -> dict[str, tuple[int, str, str] | None]:
    """subject -> (count, first paragraph, last paragraph) of its improvement
    list, from the hand-counted file, else counted in poppler's text."""
    if rid in lists:
        row = lists[rid]
        return {
            s: (int(row[f"{s}_count"] or 0), row[f"{s}_first_para"], row[f"{s}_last_para"])
            for s in ("la", "lscb")
        }
    text = corpus / "text" / f"{rid}.txt"
    if framework == "ILACS":
        n = _improvement_bullets(text, "What needs to improve")
        return {"la": (n, "", "") if n is not None else None, "lscb": (0, "", "")}
    if framework == "LSCB-only":
        n = _improvement_bullets(text, "Recommendations")
        return {"la": (0, "", ""), "lscb": (n, "", "") if n is not None else None}
    return {"la": None, "lscb": None}


def run_corpus(corpus: Path) -> str:
    """Every report of the corpus, PDF to parsed report, in one warm process."""
    from graph.errors import ReportError
    from graph.reader.parser import parse_report
    from graph.reader.pdf import extract_text

    manifest = read_tsv(corpus / "MANIFEST.tsv")
    lists = read_tsv(corpus / "recommendation-lists.tsv")
    ids = sorted(manifest)
    warm = corpus / "pdf" / f"{ids[0]}.pdf"
    parse_report(extract_text(warm).text, str(warm))  # first-call set-up is not per report

    rows: list[list[object]] = []
    wall: list[float] = []
    cpu: list[float] = []
    per_field: collections.Counter[str] = collections.Counter()
    field_total: collections.Counter[str] = collections.Counter()
    disagreements: list[str] = []
    list_ok = list_total = 0
    list_problems: list[str] = []
    read = refused_by_name = continuous = with_gaps = 0
    failures: list[str] = []
    leftover_examples: list[str] = []
    all_warnings: list[str] = []
    for rid in ids:
        pdf = corpus / "pdf" / f"{rid}.pdf"
        expected_template = TEMPLATE_OF.get(manifest[rid]["framework"], "ilacs")
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            text = extract_text(pdf).text
            t1 = time.perf_counter()
            report = parse_report(text, str(pdf))
        except ReportError as err:
            seconds = time.perf_counter() - t0
            message = str(err).replace(str(pdf), rid)
            if expected_template is None and "looked after children services" in message:
                refused_by_name += 1
                rows.append([rid, "refused", "", f"{seconds:.2f}", "", "", "", "", "", message])
            else:
                failures.append(f"{rid}: {message}")
                rows.append([rid, "FAILED", "", f"{seconds:.2f}", "", "", "", "", "", message])
            continue
        seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
        wall.append(seconds)
        cpu.append(cpu_seconds)
        read += 1
        if expected_template is None:
            failures.append(f"{rid}: read, but the manifest says {manifest[rid]['framework']}")
        elif report.template != expected_template and not (
            expected_template == "ilacs" and report.template == "ilacs-2021"
        ):
            failures.append(f"{rid}: read as {report.template}, expected {expected_template}")
        # judgements
        got = {j.area: j.grade for j in report.judgements}
        ok_fields = total_fields = 0
        for column, area in FIELDS:
            expected = manifest[rid][column]
            if not expected:
                if area in got:
                    disagreements.append(f"{rid} {area}: reader {got[area]}, manifest none")
                continue
            expected = GRADES.get(expected, expected)
            field_total[area] += 1
            total_fields += 1
            if got.get(area) == expected:
                per_field[area] += 1
                ok_fields += 1
            else:
                disagreements.append(f"{rid} {area}: reader {got.get(area)}, manifest {expected}")
        # lists
        list_cells = []
        for subject, key in (("la", "local-authority"), ("lscb", "lscb")):
            expected_list = _expected_lists(corpus, rid, manifest[rid]["framework"], lists)[subject]
            found = next(
                (
                    x.items
                    for k in LIST_KINDS
                    for x in report.lists
                    if x.kind == k and x.subject == key
                ),
                [],
            )
            paras = [u.number for u in found if u.kind == "paragraph"]
            if expected_list is None:
                list_cells.append(f"{len(found)} (no reference)")
                continue
            count, first, last = expected_list
            list_total += 1
            ok = len(found) == count
            if ok and first and paras:
                ok = (paras[0], paras[-1]) == (int(first), int(last))
            list_ok += ok
            list_cells.append(f"{len(found)}/{count}" + ("" if ok else " ✗"))
            if not ok:
                list_problems.append(
                    f"{rid} {subject}: {len(found)} items "
                    f"({paras[0] if paras else '-'}-{paras[-1] if paras else '-'}), "
                    f"expected {count} ({first or '-'}-{last or '-'})"
                )
        # numbering
        numbers = [p.number for p in report.paragraphs]
        reference = _numbered_run(corpus / "text" / f"{rid}.txt")
        is_continuous = numbers == list(range(1, reference + 1))
        continuous += is_continuous
        with_gaps += any("numbering is not 1..N" in w for w in report.warnings)
        # leftovers
        leftovers = 0
        for unit in [*report.paragraphs, *report.blocks]:
            for name, pattern in LEFTOVERS.items():
                hit = pattern.search(unit.text)
                if hit:
                    leftovers += 1
                    leftover_examples.append(
                        f"{rid} {unit.kind} {unit.number} {name}: "
                        f"{unit.text[max(0, hit.start() - 30) : hit.end() + 10]!r}"
                    )
        all_warnings += [f"{rid}: {w}" for w in report.warnings]
        rows.append(
            [
                rid,
                report.template,
                f"{t1 - t0:.2f}",
                f"{seconds:.2f}",
                f"{cpu_seconds:.2f}",
                f"{ok_fields}/{total_fields}",
                f"{len(numbers)}/{reference}" + ("" if is_continuous else " ✗"),
                " · ".join(list_cells),
                leftovers,
                "; ".join(report.warnings),
            ]
        )

    n = len(ids)
    out = ["## Report reader: development corpus, PDF to parsed report", ""]
    out.append(
        f"{n} reports of `MANIFEST.tsv`, each read from its PDF and parsed (`extract_text` then "
        "`parse_report`) in one warm process on this machine; seconds are wall time (the "
        "machine is shared, so CPU seconds are given too)."
    )
    out.append("")
    summary = [
        ["read", f"{read}/{n}"],
        ["refused by name (2009-13 looked-after-children inspections)", str(refused_by_name)],
        ["failed", str(len(failures))],
    ]
    summary += [[area, f"{per_field[area]}/{field_total[area]}"] for _, area in FIELDS]
    summary.append(
        [
            "**all judgements agree with the manifest**",
            f"**{sum(per_field.values())}/{sum(field_total.values())}**",
        ]
    )
    summary.append(["list lengths (and ranges) exact", f"{list_ok}/{list_total} lists"])
    summary.append(
        ["paragraph numbering 1..N, N as counted in poppler's text", f"{continuous}/{read}"]
    )
    summary.append(["reports warning of a numbering gap", str(with_gaps)])
    summary.append(["leftovers in paragraph and block text", str(len(leftover_examples))])
    if wall:
        summary.append(
            [
                "median seconds per report, PDF to parsed report (max)",
                f"{statistics.median(wall):.3f} ({max(wall):.2f})",
            ]
        )
        summary.append(
            [
                "median CPU seconds per report (max)",
                f"{statistics.median(cpu):.3f} ({max(cpu):.2f})",
            ]
        )
    out.append(table(["measure", "result"], summary))
    out.append("")
    out.append("Judgement disagreements: " + ("; ".join(disagreements) or "none"))
    out.append("")
    out.append("List mismatches: " + ("; ".join(list_problems) or "none"))
    out.append("")
    if failures:
        out += ["Failures: " + "; ".join(failures), ""]
    if leftover_examples:
        out += ["Leftovers: " + "; ".join(leftover_examples[:20]), ""]
    out.append("Warnings: " + ("; ".join(all_warnings) or "none"))
    out += ["", "Per report (lists: LA · LSCB, found/expected):", ""]
    out.append(
        table(
            [
                "report",
                "template",
                "PDF text s",
                "total s",
                "CPU s",
                "judgements",
                "paragraphs",
                "lists",
                "leftovers",
                "warnings or refusal",
            ],
            rows,
        )
    )
    return "\n".join(out)


# ---------------------------------------------------------------- libraries


def _pypdf(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def _pypdfium2(path: Path) -> list[str]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    pages = []
    for i in range(len(doc)):
        textpage = doc[i].get_textpage()
        pages.append(textpage.get_text_range())
        textpage.close()
    doc.close()
    return pages


def _pymupdf(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [page.get_text() for page in doc]


def _pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).split("\f")


def _sgkg(path: Path) -> list[str]:
    from graph.reader.pdf import extract_text

    pdf = extract_text(path)
    return [pdf.text, *pdf.footnotes]  # footnotes are set apart, not dropped


LIBRARIES = {
    "pypdf": ("pypdf", "BSD-3-Clause, pure Python", _pypdf),
    "pypdfium2": ("pypdfium2", "Apache-2.0 / BSD-3-Clause (PDFium)", _pypdfium2),
    "PyMuPDF": ("pymupdf", "AGPL-3.0 (or commercial)", _pymupdf),
    "pdfminer.six": ("pdfminer", "MIT, pure Python", _pdfminer),
    "sgkg pdftext: pypdfium2 + furniture removed": ("pypdfium2", "as pypdfium2", _sgkg),
}
WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def _overlap(a: collections.Counter, b: collections.Counter) -> float:
    return sum((a & b).values()) / max(1, sum(a.values()))


def run_libraries(corpus: Path) -> str:
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))
    rows = []
    for name, (module, licence, read) in LIBRARIES.items():
        if importlib.util.find_spec(module) is None:
            rows.append([name, licence, "not installed", "", "", ""])
            continue
        read(pdfs[0])  # warm up: first-call initialisation is not per report
        times, word_recall, pair_recall = [], [], []
        for pdf in pdfs:
            reference = _words((corpus / "text" / f"{pdf.stem}.txt").read_text(encoding="utf-8"))
            start = time.perf_counter()
            text = "\n".join(read(pdf))
            times.append(time.perf_counter() - start)
            got = _words(text)
            word_recall.append(_overlap(collections.Counter(reference), collections.Counter(got)))
            pair_recall.append(
                _overlap(
                    collections.Counter(itertools.pairwise(reference)),
                    collections.Counter(itertools.pairwise(got)),
                )
            )
        rows.append(
            [
                name,
                licence,
                f"{statistics.median(times):.3f}",
                f"{max(times):.2f}",
                f"{statistics.mean(word_recall):.4f}",
                f"{statistics.mean(pair_recall):.4f}",
            ]
        )
    out = ["## Report reader: PDF text libraries", ""]
    out.append(
        f"{len(pdfs)} development PDFs, text extraction only, in one warm process. Words and "
        "word pairs are compared with poppler's `pdftotext -layout` rendering (share of the "
        "reference's words / adjacent word pairs that the library also gives)."
    )
    out.append("")
    out.append(
        table(
            ["library", "licence", "median s/report", "max s", "words", "word pairs"],
            rows,
        )
    )
    return "\n".join(out)


# ---------------------------------------------------------------- hostile


def run_hostile() -> str:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_reader_hostile import HOSTILE  # the same cases the tests use

    from graph.resources import seed_report
    from graph.store.embedded import open_store

    work = Path(tempfile.mkdtemp(prefix="sgkg-hostile-"))
    store_path = work / "store"
    env = {**os.environ, "SGKG_STORE": str(store_path)}
    cmd = [sys.executable, str(ROOT / "cli.py")]
    subprocess.run([*cmd, "ingest", str(seed_report())], env=env, capture_output=True, check=True)

    def dump() -> str:
        with open_store(store_path) as store:
            return store.canonical_dump()

    rows = []
    for case, make, _words in HOSTILE:
        case_dir = work / re.sub(r"\W+", "-", case)
        case_dir.mkdir()
        bad = make(case_dir)
        before = dump()
        proc = subprocess.run([*cmd, "ingest", str(bad)], env=env, capture_output=True, text=True)
        same = dump() == before
        message = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
        message = message.replace(str(bad), "FILE")
        rows.append([case, proc.returncode, "yes" if same else "NO", f"`{message[:200]}`"])
    out = ["## Report reader: hostile input", ""]
    out.append(
        "Each case is one `sgkg ingest FILE` into a store holding the seed; 'unchanged' "
        "compares the store's canonical N-Quads dump before and after."
    )
    out.append("")
    out.append(table(["case", "exit", "store unchanged", "message (file name as FILE)"], rows))
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["corpus", "ingest", "libraries", "hostile", "all"])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--extra-path", action="append", default=[], help="add to sys.path")
    parser.add_argument("--out", type=Path, help="also write the tables to this file")
    args = parser.parse_args()
    sys.path.extend(args.extra_path)
    parts = []
    if args.what in ("libraries", "all"):
        parts.append(run_libraries(args.corpus))
    if args.what in ("corpus", "all"):
        parts.append(run_corpus(args.corpus))
    if args.what in ("ingest", "all"):
        parts.append(run_ingest(args.corpus))
    if args.what in ("hostile", "all"):
        parts.append(run_hostile())
    text = "\n\n".join(parts) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
