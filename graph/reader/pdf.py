"""PDF to clean text: the first step of the report reader.

Why pypdfium2: on the 34 development reports it reads a report in a median
0.04 s, where pypdf takes 0.6-0.8 s and pdfminer.six 1.2-1.3 s (three runs on a
shared machine), with the same words
(``python bench/reader_bench.py libraries``, table in the README); PyMuPDF is
as fast but AGPL, which the project's MIT licence cannot absorb. pypdfium2 is
Apache-2.0/BSD-3 and, unlike pypdf, gives each run of text its box on the
page, which is what removes page furniture without guessing from words:

* page numbers are lines of digits alone in the top or bottom margin;
* footnote markers glued to words ("Board1") are digit runs raised above the
  line's baseline and smaller than its text;
* footnotes are the lines from a raised marker at the left margin to the
  foot of the page;
* a wide gap inside a line is a table column (written as a tab), a larger
  than usual gap between lines is a paragraph break (a blank line), and an
  indented line keeps its indentation, so bullets and their sub-bullets stay
  apart;
* pdfium's mark for a hyphen at a line end (U+FFFE) becomes the hyphen it
  stands for: Ofsted's reports are not hyphenated by the typesetter, so every
  such hyphen is a real one ("multi-agency").

The output has the shape of ``pdftotext -layout`` text, so the parser reads
PDF text, ``pdftotext`` renderings and hand-made text files the same way.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import ReportError

#: private-use and other bullet glyphs found in Ofsted PDFs, all written as "•"
BULLET_GLYPHS = (
    "\u2015\uf06e\uf02d\uf0a7\uf0b7\uf0d8\uf0fc\uf076"  # horizontal bar, Wingdings
    "\u2022\u25aa\u25fc\u25a0\u25cf\u2023\u2043\u25e6"  # bullet, squares, circles
)
_BULLET_RE = re.compile(f"^[{BULLET_GLYPHS}]\\s*")
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
_SUPERSCRIPT_RE = re.compile(r"^\d{1,2}\s*$")

#: points per column of indentation written as spaces (about one character)
_POINTS_PER_SPACE = 4.5
#: a horizontal gap this wide (points) inside a line separates table columns
_COLUMN_GAP = 14.0
#: share of the page height at top and bottom where page numbers live
_MARGIN_SHARE = 0.09


@dataclass
class PdfText:
    """The text of a PDF with its furniture removed, and what was removed."""

    text: str
    pages: int
    footnotes: list[str] = field(default_factory=list)
    removed_page_numbers: int = 0
    removed_superscripts: int = 0


@dataclass
class _Run:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    #: median bottom of the run's characters: its baseline, free of descenders
    baseline: float = 0.0

    @property
    def centre(self) -> float:
        return (self.bottom + self.top) / 2

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass
class _Line:
    runs: list[_Run]
    bottom: float
    top: float
    text: str = ""
    left: float = 0.0
    baseline: float = 0.0
    footnote_start: bool = False


def _open(path: Path):  # -> pypdfium2.PdfDocument
    import pypdfium2 as pdfium

    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReportError(f"{path}: cannot read the file ({err.strerror or err})") from err
    if b"%PDF-" not in data[:1024]:
        raise ReportError(
            f"{path}: not a PDF file (no %PDF- header); expected an Ofsted report PDF"
        )
    if b"%%EOF" not in data[-4096:]:
        # pdfium would recover the pages before the cut and lose the rest silently
        raise ReportError(
            f"{path}: the PDF is truncated (no %%EOF end marker); expected a complete "
            "Ofsted report PDF"
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        text = str(err)
        if "password" in text.lower():
            raise ReportError(
                f"{path}: the PDF is encrypted (password protected); "
                "expected an unencrypted Ofsted report PDF"
            ) from err
        raise ReportError(
            f"{path}: the PDF is damaged or truncated and cannot be read ({text})"
        ) from err


def _page_runs(page) -> list[_Run]:
    """The page's characters in pdfium's reading order, cut into runs.

    A run breaks at pdfium's line ends, where the text jumps back or across a
    column gap, and between digits and other characters (so that a raised
    footnote digit is a run of its own). Spaces belong to runs but not to
    their boxes: pdfium gives generated spaces a flat box."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        count = min(len(text), textpage.count_chars())
        runs: list[_Run] = []
        chars: list[str] = []
        box: list[float] = []
        bottoms: list[float] = []
        digit = False
        for i in range(count):
            ch = text[i]
            if ch in "\r\n":
                _flush(runs, chars, box, bottoms)
                chars, box, bottoms = [], [], []
                continue
            if ch.isspace():
                if chars:
                    chars.append(" ")
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            if box and (
                ch.isdigit() != digit
                or left < box[2] - 2.0
                or left - box[2] > _COLUMN_GAP
                or bottom > box[3]
                or top < box[1]
            ):
                _flush(runs, chars, box, bottoms)
                chars, box, bottoms = [], [], []
            digit = ch.isdigit()
            chars.append(ch)
            bottoms.append(bottom)
            if box:
                box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
            else:
                box = [left, bottom, right, top]
        _flush(runs, chars, box, bottoms)
        return runs
    finally:
        textpage.close()


def _flush(runs: list[_Run], chars: list[str], box: list[float], bottoms: list[float]) -> None:
    text = "".join(chars)
    if box and text.strip():
        runs.append(_Run(box[0], box[1], box[2], box[3], text, statistics.median(bottoms)))


def _group_lines(runs: list[_Run]) -> list[_Line]:
    """Runs that overlap a line vertically by more than half the smaller
    height join that line (so raised markers and quotes stay on it)."""
    lines: list[_Line] = []
    for run in sorted(runs, key=lambda r: -r.centre):
        if lines and _overlaps(lines[-1], run):
            line = lines[-1]
            line.runs.append(run)
            line.bottom = min(line.bottom, run.bottom)
            line.top = max(line.top, run.top)
        else:
            lines.append(_Line([run], run.bottom, run.top))
    return lines


def _overlaps(line: _Line, run: _Run) -> bool:
    overlap = min(line.top, run.top) - max(line.bottom, run.bottom)
    smaller = min(line.top - line.bottom, run.height)
    if smaller <= 0.5:  # a rule or a dash: inside the line or not
        return line.bottom <= run.centre <= line.top
    return overlap > 0.5 * smaller


def _is_superscript(run: _Run, line: _Line) -> bool:
    if not _SUPERSCRIPT_RE.match(run.text):
        return False
    others = [r for r in line.runs if r is not run and r.height > 2.0]
    if not others:
        return False
    # a footnote marker sits well above the line's baseline and is shorter
    # than the line's tallest letters
    baseline = statistics.median(r.baseline for r in others)
    tallest = max(r.height for r in others)
    return run.baseline > baseline + 1.5 and run.height < 0.9 * tallest


def _assemble(line: _Line) -> tuple[str, int]:
    """The line's text with superscript digits dropped; returns (text, dropped)."""
    runs = sorted(line.runs, key=lambda r: r.left)
    dropped = 0
    kept: list[_Run] = []
    for idx, run in enumerate(runs):
        following = runs[idx + 1].text if idx + 1 < len(runs) else ""
        # "2." at the start of a table row is a number set small, not a marker
        if _is_superscript(run, line) and not (idx == 0 and following.startswith(".")):
            dropped += 1
            if idx == 0:
                line.footnote_start = True
            continue
        kept.append(run)
    parts: list[str] = []
    prev: _Run | None = None
    for run in kept:
        if prev is not None:
            gap = run.left - prev.right
            if gap > _COLUMN_GAP:
                parts.append("\t")
            elif gap > 3.0 and not prev.text.endswith(" ") and not run.text.startswith(" "):
                parts.append(" ")
        parts.append(run.text)
        prev = run
    if kept:
        line.left = kept[0].left
        line.baseline = statistics.median(r.bottom for r in kept)
    text = "".join(parts).replace("\ufffe", "-").rstrip()
    text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    return text, dropped


def extract_text(path: str | Path) -> PdfText:
    """Read an Ofsted report PDF into clean, layout-preserving text.

    Raises :class:`ReportError` for files that are not PDFs, encrypted,
    damaged or truncated PDFs, and PDFs without a text layer."""
    path = Path(path)
    doc = _open(path)
    try:
        n_pages = len(doc)
        pages: list[list[_Line]] = []
        superscripts = 0
        for index in range(n_pages):
            page = doc[index]
            try:
                height = page.get_height()
                lines = _group_lines(_page_runs(page))
            finally:
                page.close()
            for line in lines:
                line.text, dropped = _assemble(line)
                superscripts += dropped
            lines = [line for line in lines if line.text.strip()]
            pages.append(_strip_page_numbers(lines, height))
    except ReportError:
        raise
    except Exception as err:  # pdfium raises plain errors on damaged pages
        raise ReportError(f"{path}: the PDF could not be read page by page ({err})") from err
    finally:
        doc.close()

    removed_numbers = sum(1 for p in pages for line in p if line.text == "")
    pages = [[line for line in p if line.text] for p in pages]
    if not any(pages):
        raise ReportError(
            f"{path}: the PDF has no text layer (scanned or image-only?); "
            "expected an Ofsted report PDF with selectable text"
        )
    return _render(pages, removed_numbers, superscripts, n_pages)


def _strip_page_numbers(lines: list[_Line], page_height: float) -> list[_Line]:
    """Blank out (text "") lines that are only a page number in a margin."""
    margin = page_height * _MARGIN_SHARE
    for line in lines:
        if _PAGE_NUMBER_RE.match(line.text.strip()) and (
            line.bottom < margin or line.top > page_height - margin
        ):
            line.text = ""
    return lines


def _render(pages: list[list[_Line]], removed_numbers: int, superscripts: int, n: int) -> PdfText:
    starts = sorted(line.left for page in pages for line in page)
    # the body text's left margin: a low percentile, robust to stray marks
    margin = starts[max(0, len(starts) // 20)] if starts else 0.0
    out: list[str] = []
    footnotes: list[str] = []
    for page in pages:
        body, notes = _split_footnotes(page, margin)
        footnotes.extend(notes)
        pitches = [
            a.baseline - b.baseline
            for a, b in itertools.pairwise(body)
            if 0 < a.baseline - b.baseline < 40
        ]
        pitch = statistics.median(pitches) if pitches else 14.0
        prev: _Line | None = None
        for line in body:
            if prev is not None and prev.baseline - line.baseline > 1.25 * pitch:
                out.append("")
            indent = max(0, round((line.left - margin) / _POINTS_PER_SPACE))
            text = _BULLET_RE.sub("• ", line.text.lstrip())
            if prev is None and out and out[-1] != "" and not _runs_on(out[-1], text):
                out.append("")  # a page break that also ends a paragraph
            out.append(" " * indent + text)
            prev = line
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return PdfText(text, n, footnotes, removed_numbers, superscripts)


def _runs_on(last: str, first: str) -> bool:
    """Does the text run on across a page break? Yes when the page ended
    mid-sentence or the next page starts in lower case."""
    first = first.lstrip()
    return not re.search(r"[.:;?!)\"']$", last.rstrip()) or first[:1].islower()


def _split_footnotes(lines: list[_Line], margin: float) -> tuple[list[_Line], list[str]]:
    """Lines from a footnote marker at the left margin in the lower half of
    the page to its foot are the page's footnotes."""
    if not lines:
        return lines, []
    top = lines[0].top
    bottom = lines[-1].bottom
    for i, line in enumerate(lines):
        lower_half = line.top < bottom + (top - bottom) * 0.5
        if line.footnote_start and lower_half and line.left < margin + 12:
            notes = [" ".join(x.text.split()) for x in lines[i:]]
            return lines[:i], [" ".join(notes)]
    return lines, []
