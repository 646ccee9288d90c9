"""Text of an Ofsted children's services report -> plain dataclasses.

:func:`parse_report` takes the text of a report (from :mod:`graph.reader.pdf`,
from ``pdftotext -layout``, or a hand-made text file like the shipped seed)
and returns a :class:`Report` with its metadata, judgements, sections,
numbered paragraphs, citable blocks and summary lists. Pure functions, no RDF;
mentions, statistics and previous inspections are added afterwards by
:func:`graph.extract.extract_report`.

The steps:

1. clean the text and cut it into lines (:mod:`graph.reader.text`), within
   the bounds of :mod:`graph.reader.limits`;
2. recognise the report's template (:mod:`graph.reader.templates`: SIF with
   or without its LSCB review, SIF re-inspection, the stand-alone LSCB review,
   ILACS 2018-21 and from late 2021; the 2009-13 looked-after-children
   inspections and other Ofsted remits are recognised and refused by name);
3. let the template read its front page, its judgement table and its body
   (:mod:`graph.reader.walk`, with the paragraph numbering planned for the
   whole text by :mod:`graph.reader.numbering`), and check that the report
   has what a complete one of its kind has;
4. warn where the numbering is still not 1..N, naming the gap.

Robust to page furniture the PDF step could not remove (page numbers alone
on a line, footnotes, footnote digits glued to words, ``**`` bold markup,
curly quotes, private-use bullet glyphs) and to judgement tables whose grades
sit above, beside or below their wrapped labels.
"""

from __future__ import annotations

import re

from graph.errors import ReportError
from graph.reader import limits
from graph.reader.judgements import grade_key
from graph.reader.model import (
    Judgement,
    PreviousInspection,
    Report,
    Section,
    Statistic,
    SummaryList,
    TextUnit,
)
from graph.reader.numbering import describe_gaps
from graph.reader.text import clean_text, split_lines

__all__ = [
    "Judgement",
    "PreviousInspection",
    "Report",
    "Section",
    "Statistic",
    "SummaryList",
    "TextUnit",
    "clean_text",
    "grade_key",
    "parse_report",
]

_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<\?xml\b|<head\b|<body\b)", re.IGNORECASE)


def parse_report(text: str, source: str = "<text>") -> Report:
    """Parse the text of an Ofsted children's services report.

    Raises :class:`ReportError` when the text is not such a report (naming
    what it seems to be), is a kind of report the reader does not read, or
    lacks what a complete report of its kind has (its judgement table, its
    numbered paragraphs, the LSCB review of a SIF+LSCB report)."""
    from graph.reader import templates

    limits.check_chars(source, len(text))
    lines, footnotes = split_lines(clean_text(text))
    template = templates.detect(lines)
    if template is None:
        raise ReportError(f"{source}: {_foreign(text)}")
    report = template.read(lines, footnotes, source)
    gaps = describe_gaps([p.number for p in report.paragraphs])
    if gaps:
        report.warnings.append(f"paragraph numbering is not 1..N: {'; '.join(gaps)}")
    return report


def _foreign(text: str) -> str:
    """Why a text no template recognises is refused, in words."""
    if _HTML.match(text[:1024]):
        return (
            "an HTML page (a web page or an error page saved under a report's name?), not an "
            "Ofsted children's services inspection report; expected the report's PDF or text"
        )
    return (
        "not an Ofsted children's services inspection report (expected the council's name and "
        "then a title such as 'Inspection of services for children in need of help and "
        "protection...', 'Inspection of children's social care services' or 'Inspection of "
        "<council> local authority children's services' at the top)"
    )
