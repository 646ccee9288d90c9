"""What every report template has, and the reading they share.

A template says how to recognise its reports (:meth:`Template.detect`), where
its front page names the council and the dates (:meth:`Template.front`), how
its judgements are printed (:meth:`Template.judgement_table`), which headings
it prints (``walk``, see :mod:`graph.reader.walk`) and what a report of its
kind must contain (:meth:`Template.check`). :meth:`Template.read` runs those
steps in order; a template overrides the steps that differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, NoReturn

from graph.errors import ReportError
from graph.reader import limits
from graph.reader.judgements import LSCB_RE, OVERALL_RES, grade_key, judgement_table
from graph.reader.model import Judgement, Report
from graph.reader.numbering import plan_numbering
from graph.reader.text import Line, inspection_dates, norm, parse_date
from graph.reader.walk import Walker, WalkSettings

_DATE_LINE = re.compile(r"^inspection dates?\s*:?", re.IGNORECASE)
_PUBLISHED_LINE = re.compile(r"^(?:report )?published\s*:", re.IGNORECASE)

#: what the reader reads, for messages that refuse something else
SUPPORTED = (
    "an inspection report on a local authority's children's services (SIF or LSCB review "
    "2013-18, ILACS from 2018)"
)

AREA_NAMES = {
    "overall": "overall effectiveness",
    "help-and-protection": "children who need help and protection",
    "looked-after": "children looked after (children in care)",
    "adoption": "adoption performance",
    "care-leavers": "care leavers",
    "leadership": "leadership",
    "lscb": "the effectiveness of the LSCB",
}


@dataclass
class Front:
    """What a report's front page says about it."""

    authority_name: str
    title_at: int  # index of the title's first line
    published: date | None
    start: date | None
    end: date | None


@dataclass
class Table:
    """The judgements as printed on the front page."""

    judgements: list[Judgement]
    start: int  # first line index of the table (or statement)
    end: int  # last line index
    text: str


class Template:
    """A kind of Ofsted report. Subclasses set the class attributes and
    override the steps that differ."""

    #: registry name, also kept on the report (``Report.template``)
    name: ClassVar[str] = ""
    #: the framework key the RDF layer knows (``fw:`` concepts)
    framework: ClassVar[str] = ""
    #: what a report of this kind is, for messages
    label: ClassVar[str] = ""
    #: read (True) or recognised and refused (False)
    supported: ClassVar[bool] = True
    #: headings and start of the walk
    walk: ClassVar[WalkSettings]
    #: areas the judgement table must grade ("overall" may come from a statement)
    required_areas: ClassVar[tuple[str, ...]] = (
        "overall",
        "help-and-protection",
        "looked-after",
        "leadership",
    )
    #: chapters that must hold numbered paragraphs (the last one shows the
    #: text was not cut short before it)
    required_chapters: ClassVar[tuple[str, ...]] = ("leadership",)
    #: the report reviews the LSCB in a part of its own, with its own grade
    lscb_part: ClassVar[bool] = False
    #: fewest numbered paragraphs a complete report of this kind has
    min_paragraphs: ClassVar[int] = 5
    #: most words of text per numbered paragraph (real reports: 90-270)
    max_words_per_paragraph: ClassVar[int] = 600
    #: how many lines from the top the judgement table may start
    table_within: ClassVar[int] = 90

    # -- recognising
    def detect(self, lines: list[Line]) -> float:
        """How sure this template is that ``lines`` are one of its reports
        (0: not one)."""
        raise NotImplementedError

    def refuse(self, source: str) -> NoReturn:
        raise ReportError(
            f"{source}: {self.label}, a kind of report the reader does not read; expected "
            f"{SUPPORTED}"
        )

    # -- reading
    def read(self, lines: list[Line], footnotes: list[str], source: str) -> Report:
        from graph import iri

        if not self.supported:
            self.refuse(source)
        lines = self.remove_furniture(lines)
        front = self.front(lines, source)
        report = Report(
            authority_name=front.authority_name,
            authority_key=iri.authority_key(front.authority_name),
            framework=self.framework,
            template=self.name,
            published=front.published,
            start=front.start,
            end=front.end,
            footnotes=footnotes,
        )
        table = self.judgement_table(lines, front, source)
        report.judgements = table.judgements
        report.judgement_table_text = table.text
        self.front_statements(report, lines, front, table)
        numbering = plan_numbering(lines, table.end + 1)
        walker = Walker(report, lines, self.walk, numbering)
        walker.walk(table.end + 1)
        self.after_walk(report, walker)
        limits.check_counts(source, report)
        self.check(report, lines, table, source)
        return report

    def remove_furniture(self, lines: list[Line]) -> list[Line]:
        """Drop running headers and footers the text step left (none by default)."""
        return lines

    def title_index(self, lines: list[Line]) -> int | None:
        """Index of the title's first line."""
        raise NotImplementedError

    def front(self, lines: list[Line], source: str) -> Front:
        """The council's name printed above the title, and the dates under it."""
        title_at = self.title_index(lines)
        if not title_at:
            raise ReportError(
                f"{source}: {self.label} without the council's name above its title; "
                "expected the name on the first line"
            )
        name = " ".join(" ".join(x.text for x in lines[:title_at]).split())
        published, start, end = self.dates(lines, title_at, source)
        return Front(name, title_at, published, start, end)

    def dates(
        self, lines: list[Line], title_at: int, source: str
    ) -> tuple[date | None, date | None, date | None]:
        """(published, first day, last day) from the lines under the title."""
        head = lines[title_at : title_at + 25]
        start = end = published = None
        for k, line in enumerate(head):
            if start is None and end is None and _DATE_LINE.match(line.text):
                start, end = inspection_dates(line.text)
                if end is None and k + 1 < len(head):  # wrapped (Sheffield 2014)
                    start, end = inspection_dates(line.text + " " + head[k + 1].text)
            elif published is None and _PUBLISHED_LINE.match(line.text):
                published = parse_date(line.text)
        if not (published or end):
            raise ReportError(
                f"{source}: {self.label} with no 'Inspection date(s):' or 'Report published:' "
                "line near the top; expected them under the title on the front page"
            )
        return published, start, end

    def judgement_table(self, lines: list[Line], front: Front, source: str) -> Table:
        judgements, start, end, text = judgement_table(lines, self.table_within)
        if not judgements:
            raise ReportError(
                f"{source}: {self.label} with no judgement table found (expected rows such "
                "as '1. Children who need help and protection   Good' on the first page)"
            )
        return Table(judgements, start, end, text)

    def front_statements(
        self, report: Report, lines: list[Line], front: Front, table: Table
    ) -> None:
        """Judgements printed as sentences on the front page: the overall one
        where the table has no row for it, and the LSCB's."""
        text = " ".join(" ".join(x.text for x in lines[front.title_at : table.end + 8]).split())
        if not report.judgement("overall"):
            lowered = norm(text)
            for pattern in OVERALL_RES:
                m = pattern.search(lowered)
                if m:
                    report.judgements.insert(
                        0, Judgement("overall", grade_key(m.group(1)), "local-authority")
                    )
                    break
        if self.lscb_part:
            m = LSCB_RE.search(text)
            if m:
                report.judgements.append(Judgement("lscb", grade_key(m.group(1)), "lscb"))

    def after_walk(self, report: Report, walker: Walker) -> None:
        """The LSCB's grade from its part of the report, if the front page lacked it."""
        if self.lscb_part and not report.judgement("lscb") and walker.lscb_statement:
            report.judgements.append(Judgement("lscb", grade_key(walker.lscb_statement), "lscb"))

    # -- what a complete report has
    def check(self, report: Report, lines: list[Line], table: Table, source: str) -> None:
        """Refuse a report that lacks what its template must have: a text
        cut short or garbled must not pass for a complete report."""
        missing = [AREA_NAMES[a] for a in self.required_areas if not report.judgement(a)]
        if missing:
            raise ReportError(
                f"{source}: {self.label} whose judgements do not give a grade for "
                f"{', '.join(missing)}; expected every row of its judgement table"
            )
        paragraphs = len(report.paragraphs)
        if paragraphs < self.min_paragraphs:
            raise ReportError(
                f"{source}: {self.label} with {paragraphs} numbered paragraphs; expected at "
                f"least {self.min_paragraphs} in a complete one (truncated, or only its front "
                "page?)"
            )
        words = sum(len(x.text.split()) for x in lines[table.end + 1 :])
        if words > self.max_words_per_paragraph * paragraphs:
            raise ReportError(
                f"{source}: {self.label} with {paragraphs} numbered paragraphs in {words:,} "
                f"words of text; expected a numbered paragraph every 90-270 words, as in "
                "every real report (is its numbering garbled or lost?)"
            )
        chapters = {p.area for p in report.paragraphs}
        empty = [AREA_NAMES[a] for a in self.required_chapters if a not in chapters]
        if empty:
            raise ReportError(
                f"{source}: {self.label} with no numbered paragraphs about "
                f"{', '.join(empty)}; expected a chapter on it in a complete one (truncated?)"
            )
        if self.lscb_part:
            in_lscb = [p for p in report.paragraphs if p.part == "lscb"]
            if not in_lscb:
                raise ReportError(
                    f"{source}: {self.label} with no review of the Local Safeguarding Children "
                    "Board; expected its second part, with numbered paragraphs (truncated?)"
                )
            if not report.judgement("lscb"):
                raise ReportError(
                    f"{source}: {self.label} with no grade for the effectiveness of the LSCB; "
                    "expected 'The effectiveness of the Local Safeguarding Children Board "
                    "(LSCB) is ...' on the front page"
                )


def title_line(lines: list[Line], pattern: re.Pattern[str], first: int, last: int) -> int | None:
    """Index of the first line in ``lines[first:last]`` whose text, joined with
    the next two lines, matches ``pattern`` (lower-cased, spaces normalised)."""
    for i in range(first, min(last, len(lines))):
        joined = norm(" ".join(x.text for x in lines[i : i + 3]))
        if pattern.match(joined):
            return i
    return None
