"""The plain data a parsed report is made of (no parsing, no RDF).

:func:`graph.reader.parser.parse_report` fills a :class:`Report`;
:mod:`graph.rdf.report` turns it into a graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Judgement:
    """One row of the judgement table (or the overall / LSCB statement)."""

    area: str  # judgement-area key: overall, help-and-protection, ..., lscb
    grade: str  # grade key: good, requires-improvement, ..., not-judged
    subject: str  # "local-authority" or "lscb"


@dataclass
class Section:
    key: str  # e.g. "local-authority", "lscb/key-strengths-and-weaknesses-of-the-lscb"
    title: str
    order: int
    part: str  # "local-authority" or "lscb"
    parent: str | None = None  # key of the enclosing part section
    area: str | None = None  # judgement-area key when the section is an area's chapter


@dataclass
class TextUnit:
    """A numbered paragraph (``kind == "paragraph"``) or an unnumbered block."""

    kind: str  # "paragraph" or a block kind: area-information, executive-summary...
    number: int  # paragraph number, or the block's position among blocks of its kind
    text: str
    section: str | None = None  # key of the innermost section
    part: str = "local-authority"
    area: str | None = None
    heading: str | None = None  # the unnumbered sub-heading it sits under, if any
    body_types: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sub_items: list[str] = field(default_factory=list)  # sub-bullets, in order


@dataclass
class SummaryList:
    kind: str  # list-kind key: key-findings, strengths, areas-for-improvement...
    subject: str  # "local-authority" or "lscb"
    items: list[TextUnit] = field(default_factory=list)


@dataclass
class Statistic:
    """A figure about the area, from a bullet of "Information about this local
    authority area" (see :mod:`graph.report_stats`)."""

    measure: str  # measure key
    value: str  # decimal as text, e.g. "32800" or "17.6"
    unit: str  # "children" or "percent"
    evidence: TextUnit
    qualifier: str | None = None  # tells apart two figures of one measure
    ref_date: date | None = None
    ref_period: str | None = None
    previous_value: str | None = None
    previous_date: date | None = None
    national_average: str | None = None


@dataclass
class PreviousInspection:
    what: str  # what was inspected, in the report's words
    grade: str | None  # grade key
    when: str | None  # "2012-02" (year-month) or "2012" as printed
    evidence: TextUnit
    published: bool = False  # the report gives the publication month, not the visit


@dataclass
class Report:
    authority_name: str
    authority_key: str
    framework: str  # the framework key the RDF layer knows: sif-lscb, sif-reinspection, ilacs
    published: date | None
    start: date | None
    end: date | None
    judgements: list[Judgement] = field(default_factory=list)
    judgement_table_text: str = ""
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[TextUnit] = field(default_factory=list)
    blocks: list[TextUnit] = field(default_factory=list)
    lists: list[SummaryList] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    previous_inspections: list[PreviousInspection] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: the report template it was read with (:mod:`graph.reader.templates`):
    #: sif-lscb, sif-no-lscb, sif-reinspection, lscb-review, ilacs, ilacs-2021
    template: str = ""

    @property
    def key_date(self) -> date:
        """The date the report's IRI is minted from: its publication date,
        else (ILACS reports do not print one) the last day of the inspection."""
        day = self.published or self.end or self.start
        assert day is not None  # parse_report refuses reports without dates
        return day

    def judgement(self, area: str) -> Judgement | None:
        return next((j for j in self.judgements if j.area == area), None)

    def paragraph(self, number: int) -> TextUnit | None:
        return next((p for p in self.paragraphs if p.number == number), None)

    def summary_list(self, kind: str, subject: str = "local-authority") -> SummaryList | None:
        return next((x for x in self.lists if x.kind == kind and x.subject == subject), None)
