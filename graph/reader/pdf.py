"""PDF to clean text: the first step of the report reader.

Why pypdfium2: on the 34 development reports it reads a report in a median
0.04 s, where pypdf takes 0.6-0.8 s and pdfminer.six 1.2-1.3 s (three runs on a
shared machine), with the same words
(``python bench/reader_bench.py libraries``, table in ``bench/reader_results.md``); PyMuPDF is
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

Before any page is read, a file that is not a complete PDF is refused (no
``%PDF-`` header; cut off before the end of its last revision; encrypted;
damaged), and so is a page tree claiming more pages than any report has
(:mod:`graph.reader.limits`), which pdfium reports in milliseconds; the text's
length is bounded page by page as it is read.
"""

from __future__ import annotations

import ctypes
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
    #: the baseline (origin) of the run's first word, free of descenders
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
    _check_complete(path, data)
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


#: a word with the spaces before it, or a line end: a word is a run of digits
#: or of other characters, ending at a line-end hyphen (U+FFFE)
_WORD = re.compile(r"([^\S\r\n]*)(?:[\r\n]+|(\d+|[^\d\s\ufffe]*\ufffe|[^\d\s\ufffe]+))")


def _check_complete(path: Path, data: bytes) -> None:
    """Refuse a PDF cut short: pdfium would recover the pages before the cut
    and lose the rest silently.

    A complete PDF ends its last revision with ``%%EOF``. Bytes after it are
    allowed (a padded download, an appended signature block) as long as they
    are not the start of a further revision that was cut off: objects, a
    cross-reference section or a trailer after the last ``%%EOF`` mean the
    file stops in the middle of one. (A linearised PDF has an early
    ``%%EOF`` after its first page's section; cut after it, the objects that
    follow give the cut away.)"""
    end = data.rfind(b"%%EOF")
    tail = data[end + 5 :] if end >= 0 else data
    if end < 0 or _REVISION_PARTS.search(tail):
        raise ReportError(
            f"{path}: the PDF is truncated (it does not end with a complete %%EOF-terminated "
            "revision); expected a complete Ofsted report PDF"
        )


_REVISION_PARTS = re.compile(rb"\d+\s+\d+\s+obj\b|\bendobj\b|\bxref\b|\btrailer\b|\bstartxref\b")


def _page_runs(page) -> list[_Run]:
    """The page's text in pdfium's reading order, cut into runs.

    A run breaks at pdfium's line ends, where the text jumps back or across a
    column gap, and between digits and other characters (so that a raised
    footnote digit is a run of its own). Spaces belong to runs but not to
    their boxes.

    Why words, not characters: asking pdfium for every character's box
    (``FPDFText_GetCharBox``, ~130,000 calls per report) took two thirds of
    the time of reading a report. A word's box is the union of its
    characters' boxes, which pdfium computes in one call
    (``FPDFText_CountRects`` and ``FPDFText_GetRect`` over the word's
    characters), and the breaks above fall between words: at a space, a line
    end, a digit boundary or a line-end hyphen (pdfium's U+FFFE, after which
    the text jumps back to the next line). A run's baseline is its first
    word's origin. On the 53 development reports the text is the same as the
    per-character pass gave, except for three reports where a few blank lines
    moved: there the old pass split tightly kerned bold headings into
    fragments whose boxes shifted the page's line pitch."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        text = text[: min(len(text), textpage.count_chars())]
        handle = textpage.raw
        left, right, bottom, top = (
            ctypes.c_double(),
            ctypes.c_double(),
            ctypes.c_double(),
            ctypes.c_double(),
        )
        p_left, p_right = ctypes.byref(left), ctypes.byref(right)
        p_bottom, p_top = ctypes.byref(bottom), ctypes.byref(top)
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        p_origin_x, p_origin_y = ctypes.byref(origin_x), ctypes.byref(origin_y)
        char_box = pdfium_c.FPDFText_GetCharBox
        count_rects = pdfium_c.FPDFText_CountRects
        get_rect = pdfium_c.FPDFText_GetRect
        char_origin = pdfium_c.FPDFText_GetCharOrigin

        runs: list[_Run] = []
        parts: list[str] = []
        first_word = 0
        # the current run's box; ``x0 > x1`` while the run is empty
        x0, y0, x1, y1 = 1.0, 0.0, 0.0, 0.0
        digit = False

        def flush() -> None:
            run_text = "".join(parts)
            if x0 <= x1 and run_text.strip():
                char_origin(handle, first_word, p_origin_x, p_origin_y)
                runs.append(_Run(x0, y0, x1, y1, run_text, origin_y.value))

        for match in _WORD.finditer(text):
            spaces, word = match.groups()
            if spaces and parts:
                parts.append(" ")
            if word is None:  # a line end
                flush()
                parts, x0, x1 = [], 1.0, 0.0
                continue
            first = word[0]
            start = match.start(2)
            rects = 0 if len(word) == 1 else count_rects(handle, start, len(word))
            if rects == 0:  # one character, or none visible: place it at its first
                char_box(handle, start, p_left, p_right, p_bottom, p_top)
                wl, wb, wr, wt = left.value, bottom.value, right.value, top.value
            else:
                get_rect(handle, 0, p_left, p_top, p_right, p_bottom)
                wl, wb, wr, wt = left.value, bottom.value, right.value, top.value
                for k in range(1, rects):  # the word spans several text objects
                    get_rect(handle, k, p_left, p_top, p_right, p_bottom)
                    wl, wb = min(wl, left.value), min(wb, bottom.value)
                    wr, wt = max(wr, right.value), max(wt, top.value)
            if x0 <= x1 and (
                first.isdigit() != digit
                or wl < x1 - 2.0
                or wl - x1 > _COLUMN_GAP
                or wb > y1
                or wt < y0
            ):
                flush()
                parts, x0, x1 = [], 1.0, 0.0
            digit = first.isdigit()
            parts.append(word)
            if x0 > x1:
                first_word = start
                x0, y0, x1, y1 = wl, wb, wr, wt
            else:
                x0, y0, x1, y1 = min(x0, wl), min(y0, wb), max(x1, wr), max(y1, wt)
        flush()
        return runs
    finally:
        textpage.close()


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
    from graph.reader.limits import check_chars, check_pages

    path = Path(path)
    doc = _open(path)
    try:
        n_pages = len(doc)
        # before reading any page: a page tree may claim a million pages
        check_pages(str(path), n_pages)
        pages: list[list[_Line]] = []
        superscripts = 0
        chars = 0
        for index in range(n_pages):
            page = doc[index]
            try:
                height = page.get_height()
                runs = _page_runs(page)
            finally:
                page.close()
            chars += sum(len(run.text) for run in runs)
            check_chars(str(path), chars)
            lines = _group_lines(runs)
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
