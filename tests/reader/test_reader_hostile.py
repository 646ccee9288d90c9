"""Hostile input to ``sgkg ingest`` (issues 4, 13 and 18): each bad file exits
2 with a message naming the file and what was expected, and leaves the store exactly
as it was; many files with one bad ingest the rest and exit 1; a ``kill -9``
mid-ingest leaves each report fully present or absent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.reader.parser import parse_report
from graph.resources import seed_report

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"
SYNTHETIC = FIXTURES / "exampleshire-synthetic.txt"
KIRKLEES_PDF = FIXTURES / "kirklees-2019-ilacs.pdf"
TEMPLATES = FIXTURES / "templates"


# ------------------------------------------------------------------ making bad files


def _pdf(content: bytes, resources: bytes, extra: bytes) -> bytes:
    """A minimal one-page PDF with correct cross-reference offsets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
        + resources
        + b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def text_pdf(lines: list[str]) -> bytes:
    ops = [b"BT /F1 12 Tf 72 770 Td 14 TL"]
    ops += [b"(" + line.encode("latin-1") + b") Tj T*" for line in lines]
    ops.append(b"ET")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return _pdf(b"\n".join(ops), b"<< /Font << /F1 5 0 R >> >>", font)


def image_pdf() -> bytes:
    pixels = bytes([200, 30, 30] * 4)
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    )
    return _pdf(b"q 200 0 0 200 100 500 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>", image)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def empty_file(d: Path) -> Path:
    return _write(d / "empty.pdf", b"")


def binary_file(d: Path) -> Path:
    return _write(d / "random.bin", bytes(range(256)) * 64)


def text_not_a_report(d: Path) -> Path:
    return _write(d / "shopping.txt", b"Eggs\nMilk\nBread\n")


def image_only_pdf(d: Path) -> Path:
    return _write(d / "scan.pdf", image_pdf())


def encrypted_pdf(d: Path) -> Path:
    import pypdf

    plain = _write(d / "plain.pdf", text_pdf(["Inspection of services for children"]))
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt("secret", algorithm="RC4-128")
    with (d / "locked.pdf").open("wb") as fh:
        writer.write(fh)
    plain.unlink()
    return d / "locked.pdf"


def truncated_pdf(d: Path) -> Path:
    data = KIRKLEES_PDF.read_bytes()
    return _write(d / "cut.pdf", data[: len(data) // 2])


def pdf_not_ofsted(d: Path) -> Path:
    lines = ["Minutes of the Parish Council", "Held on 3 May 2015", "1. Apologies."]
    return _write(d / "minutes.pdf", text_pdf(lines))


def report_without_judgement_table(d: Path) -> Path:
    text = SYNTHETIC.read_text(encoding="utf-8")
    start = text.index("The judgements on areas")
    end = text.index("The effectiveness of the Local Safeguarding Children Board (LSCB) is")
    return _write(d / "no-table.txt", (text[:start] + text[end:]).encode("utf-8"))


def html_page_as_pdf(d: Path) -> Path:
    page = (
        b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        b"<body>Not found</body></html>\n"
    )
    return _write(d / "report.pdf", page)


def school_report(d: Path) -> Path:
    return _write(d / "school.txt", (TEMPLATES / "school.txt").read_bytes())


def childrens_home_report(d: Path) -> Path:
    return _write(d / "home.txt", (TEMPLATES / "childrens-home.txt").read_bytes())


def looked_after_children_2013(d: Path) -> Path:
    return _write(d / "lac-2013.txt", (TEMPLATES / "lac-2013.txt").read_bytes())


def million_page_pdf(d: Path) -> Path:
    data = text_pdf(["Inspection of children's social care services"])
    return _write(d / "million.pdf", data.replace(b"/Count 1 >>", b"/Count 1000000 >>"))


def front_page_only(d: Path) -> Path:
    text = seed_report().read_text(encoding="utf-8")
    return _write(d / "front.txt", text[: text.index("Contents")].encode("utf-8"))


def huge_file(d: Path) -> Path:
    path = d / "huge.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    return path


def missing_path(d: Path) -> Path:
    return d / "no-such-report.pdf"


def a_directory(d: Path) -> Path:
    (d / "reports").mkdir()
    return d / "reports"


# (case, maker, words the message must contain besides the file name)
HOSTILE: list[tuple[str, Callable[[Path], Path], str]] = [
    ("empty file", empty_file, "empty"),
    ("binary file", binary_file, "binary"),
    ("text file that is not a report", text_not_a_report, "not an Ofsted"),
    ("image-only PDF", image_only_pdf, "no text layer"),
    ("encrypted PDF", encrypted_pdf, "encrypted"),
    ("truncated PDF", truncated_pdf, "truncated"),
    ("PDF that is not an Ofsted report", pdf_not_ofsted, "not an Ofsted"),
    ("report with no judgement table", report_without_judgement_table, "no judgement table"),
    ("HTML error page saved as .pdf", html_page_as_pdf, "an HTML page"),
    ("school inspection report", school_report, "school inspection report"),
    ("children's home inspection report", childrens_home_report, "children's home"),
    ("2013 looked after children inspection", looked_after_children_2013, "2009-13 framework"),
    ("PDF whose page tree claims 1,000,000 pages", million_page_pdf, "1,000,000 pages"),
    ("front page of a report only", front_page_only, "0 numbered paragraphs"),
    ("100 MB file", huge_file, "MB"),
    ("path that does not exist", missing_path, "no such file"),
    ("directory", a_directory, "directory"),
]


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the seed in it, so 'unchanged' means something."""
    path = tmp_path_factory.mktemp("hostile") / "store"
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", str(seed_report())])
    assert result.exit_code == 0, result.output
    return path


def dump(store_path: Path) -> str:
    from graph.store.embedded import open_store

    with open_store(store_path) as store:
        return store.canonical_dump()


@pytest.mark.parametrize(("case", "make", "words"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_exits_2_and_leaves_the_store_alone(
    case: str, make: Callable[[Path], Path], words: str, seeded_store: Path, tmp_path: Path
) -> None:
    bad = make(tmp_path)
    before = dump(seeded_store)
    result = CliRunner().invoke(cli, ["--store", str(seeded_store), "ingest", str(bad)])
    assert result.exit_code == 2, (case, result.output)
    assert str(bad) in result.output, case
    assert words in result.output, (case, result.output)
    assert "expected" in result.output, case
    assert "Traceback" not in result.output
    assert dump(seeded_store) == before, case


def test_many_files_one_bad_ingests_the_rest_and_exits_1(tmp_path: Path) -> None:
    store = tmp_path / "store"
    bad = text_not_a_report(tmp_path)
    args = ["--store", str(store), "ingest", str(seed_report()), str(bad), str(SYNTHETIC)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert f"failed: {bad}" in result.output
    assert "2 of 3 reports ingested, 1 failed" in result.output
    from graph.store.embedded import open_store

    with open_store(store) as s:
        reports = {r["r"] for r in s.select("SELECT ?r WHERE { ?r a sg:Report }")}
    assert reports == {
        "https://w3id.org/sgkg/id/report/bournemouth/2014-06-30",
        "https://w3id.org/sgkg/id/report/exampleshire/2015-05-12",
    }


def test_jobs_gives_the_same_store_as_one_process(tmp_path: Path) -> None:
    files = [str(seed_report()), str(SYNTHETIC), str(KIRKLEES_PDF)]
    dumps = []
    for jobs in ("1", "2"):
        store = tmp_path / f"store-{jobs}"
        result = CliRunner().invoke(cli, ["--store", str(store), "ingest", "--jobs", jobs, *files])
        assert result.exit_code == 0, result.output
        from graph.store.embedded import open_store

        with open_store(store) as s:
            graphs = [g for g in s.named_graphs() if "/graph/report/" in g]
            dumps.append(sorted(str(q) for g in graphs for q in s.quads(g)))
        assert len(graphs) == 3
    assert dumps[0] == dumps[1]


# ------------------------------------------------------------------ kill -9

KILL_SCRIPT = """
import sys
from graph.ingest import ingest_report
from graph.store.embedded import open_store
store = open_store(sys.argv[1])
print("open", flush=True)
for path in sys.argv[2:]:
    ingest_report(store, path)
    print("wrote", path, flush=True)
store.close()
"""


def _variant(directory: Path, n: int) -> Path:
    """The synthetic report as council number n: a distinct report each."""
    text = SYNTHETIC.read_text(encoding="utf-8").replace("Exampleshire", f"Example{n:03d}shire")
    return _write(directory / f"example-{n:03d}.txt", text.encode("utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.2, 0.6, 1.2])
def test_kill_9_leaves_each_report_whole_or_absent(tmp_path: Path, delay: float) -> None:
    from graph.store.embedded import open_store

    files = [_variant(tmp_path, n) for n in range(40)]
    expected_paragraphs = len(parse_report(files[0].read_text(encoding="utf-8")).paragraphs)
    store_path = tmp_path / "store"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(store_path), *map(str, files)],
        stdout=subprocess.PIPE,
        env=env,
        cwd=root,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"open"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    with open_store(store_path) as store:  # usable after the kill
        rows = store.select(
            """SELECT ?r (COUNT(DISTINCT ?p) AS ?n) WHERE {
                 ?r a sg:Report . OPTIONAL { ?p a sg:Paragraph ; sg:report ?r } } GROUP BY ?r"""
        )
        for row in rows:  # every report there is whole
            assert row["n"] == expected_paragraphs, row
        graphs = [g for g in store.named_graphs() if "/graph/report/" in g]
        assert len(graphs) == len(rows)
        # and the store still takes writes
        ingest = __import__("graph.ingest", fromlist=["ingest_report"]).ingest_report
        ingest(store, files[-1])
        assert store.select(
            "SELECT (COUNT(?r) AS ?n) WHERE { ?r a sg:Report ; sg:authority ?a . "
            "?a rdfs:label 'Example039shire County Council'@en }"
        ) == [{"n": 1}]
