"""Regressions (issue 18, items 4 and 7): a 15 KB PDF whose page tree claims
1,000,000 pages ran for hours; a valid PDF with bytes after ``%%EOF`` was
refused as truncated. The page count is now checked before any page is read,
and only a cut-off revision after the last ``%%EOF`` counts as truncation."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.errors import ReportError
from graph.reader.pdf import extract_text

KIRKLEES_PDF = Path(__file__).parent.parent / "fixtures" / "reports" / "kirklees-2019-ilacs.pdf"


def _pdf_claiming(pages: int) -> bytes:
    """A one-page PDF (correct cross-reference offsets) whose page tree says
    it has ``pages`` pages."""
    content = b"BT /F1 12 Tf 72 770 Td (Inspection of children's social care services) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % pages,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_million_page_pdf_is_refused_within_two_seconds(tmp_path: Path) -> None:
    path = tmp_path / "million.pdf"
    path.write_bytes(_pdf_claiming(1_000_000))
    start = time.perf_counter()
    with pytest.raises(ReportError, match=r"1,000,000 pages"):
        extract_text(path)
    assert time.perf_counter() - start <= 2.0


def test_bytes_after_eof_are_not_truncation(tmp_path: Path) -> None:
    path = tmp_path / "padded.pdf"
    path.write_bytes(KIRKLEES_PDF.read_bytes() + b"\0" * 8192 + b"appended by a download tool\n")
    text = extract_text(path).text
    assert text == extract_text(KIRKLEES_PDF).text


def test_a_cut_off_revision_after_the_last_eof_is_truncation(tmp_path: Path) -> None:
    data = KIRKLEES_PDF.read_bytes()
    path = tmp_path / "cut-update.pdf"
    path.write_bytes(data + b"7 0 obj\n<< /Type /Annot /Subtype /Text /Contents (half")
    with pytest.raises(ReportError, match="truncated"):
        extract_text(path)
