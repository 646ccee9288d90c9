"""Bounds on the work a report may ask of the reader.

Real Ofsted children's services reports are small: the development corpus's
longest has 58 pages, about 150,000 characters of text, 215 numbered
paragraphs and 42 items in one list. A file far beyond that is not a report
of these kinds, whatever its first page says, and reading it in full would
cost minutes and fill the store with bogus units (a 5,000-page PDF with one
genuine front page once gave 5,122 "areas for improvement"). Each bound is
checked as early as the figure is known (the page count before any page is
read), so a hostile file is refused in milliseconds.

The bounds are generous (five to ten times the largest real report) so that
no genuine report comes near them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.errors import ReportError

if TYPE_CHECKING:  # pragma: no cover
    from graph.reader.model import Report

#: pages of a PDF (the longest real report: 58)
MAX_PAGES = 400
#: characters of report text, from a PDF or a text file (largest real: ~150,000)
MAX_CHARS = 2_000_000
#: characters of one numbered paragraph or block (largest real: ~3,000)
MAX_UNIT_CHARS = 40_000
#: numbered paragraphs (most real: 215)
MAX_PARAGRAPHS = 800
#: items of one summary list (most real: 42)
MAX_LIST_ITEMS = 400
#: paragraphs, blocks and sections together
MAX_UNITS = 5_000


def check_pages(source: str, pages: int) -> None:
    if pages > MAX_PAGES:
        raise ReportError(
            f"{source}: the PDF says it has {pages:,} pages; an Ofsted children's services "
            f"report has fewer than {MAX_PAGES} (the longest known has 58); expected an "
            "Ofsted report PDF (is its page tree damaged?)"
        )


def check_chars(source: str, chars: int) -> None:
    if chars > MAX_CHARS:
        raise ReportError(
            f"{source}: {chars:,} characters of text; an Ofsted children's services report "
            f"has fewer than {MAX_CHARS:,} (the longest known about 150,000); expected an "
            "Ofsted report"
        )


def check_counts(source: str, report: Report) -> None:
    """Refuse a parse whose counts no real report comes near."""
    units = [*report.paragraphs, *report.blocks]
    paragraphs = len(report.paragraphs)
    longest_list = max((len(x.items) for x in report.lists), default=0)
    longest_unit = max((len(u.text) for u in units), default=0)
    problems = []
    if paragraphs > MAX_PARAGRAPHS:
        problems.append(f"{paragraphs:,} numbered paragraphs (limit {MAX_PARAGRAPHS:,})")
    if len(units) + len(report.sections) > MAX_UNITS:
        problems.append(
            f"{len(units) + len(report.sections):,} paragraphs, blocks and sections "
            f"(limit {MAX_UNITS:,})"
        )
    if longest_list > MAX_LIST_ITEMS:
        problems.append(f"a list of {longest_list:,} items (limit {MAX_LIST_ITEMS:,})")
    if longest_unit > MAX_UNIT_CHARS:
        problems.append(
            f"a paragraph or block of {longest_unit:,} characters (limit {MAX_UNIT_CHARS:,})"
        )
    if problems:
        raise ReportError(
            f"{source}: {'; '.join(problems)}; expected the counts of an Ofsted children's "
            "services report, which come nowhere near that (is the text garbled?)"
        )
