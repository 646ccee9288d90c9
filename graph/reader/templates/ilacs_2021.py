"""ILACS reports from late 2021: "Inspection of <council> local authority
children's services", the council's name inside the title over two or three
lines; standard and short inspections share the layout. No publication date is
printed (the report's date is the inspection's last day). From 2023 children
in care and care leavers are judged in rows (and chapters) of their own.

Each page ends with a running footer, the title and the inspection dates
("Inspection of Lewisham local authority children's services  2" / "4 to 15
December 2023"), which the template removes before reading.
"""

from __future__ import annotations

import re

from graph.errors import ReportError
from graph.reader.headings import LA_HEADINGS, HeadingRules
from graph.reader.templates.base import Front, Template
from graph.reader.text import Line, norm
from graph.reader.walk import WalkSettings

TITLE = re.compile(
    r"^inspection of (?P<council>.+?) local authority children's services\b", re.IGNORECASE
)
_DATE_RANGE = r"\d{1,2}(?:\s+[a-z]+)?(?:\s+\d{4})?\s+(?:to|–|-)\s+\d{1,2}\s+[a-z]+\s+\d{4}"
#: the footer's title line, sometimes with the dates glued on (Torbay 2022)
_FOOTER_TITLE = re.compile(
    rf"^inspection of .{{2,80}} local authority children's services\s*(?:{_DATE_RANGE})?"
    r"(?:\s+\d{1,3})?$"
)
_FOOTER_DATES = re.compile(rf"^{_DATE_RANGE}(?:\s+\d{{1,3}})?$")


class Ilacs2021(Template):
    name = "ilacs-2021"
    # the same framework as 2018-21 ILACS (and the same expectations apply)
    framework = "ilacs"
    label = "an Ofsted ILACS report (inspection of local authority children's services, 2021 on)"
    walk = WalkSettings(
        headings=HeadingRules(LA_HEADINGS),
        start_part="local-authority",
        start_section=("executive-summary", "Executive summary"),
        start_list="executive-summary",
    )
    min_paragraphs = 8

    def _title(self, lines: list[Line]) -> tuple[int, re.Match[str]] | None:
        for span in (1, 2, 3):
            joined = " ".join(" ".join(x.text for x in lines[:span]).split())
            m = TITLE.match(joined)
            if m:
                return span, m
        return None

    def detect(self, lines: list[Line]) -> float:
        return 1.0 if self._title(lines) else 0.0

    def front(self, lines: list[Line], source: str) -> Front:
        found = self._title(lines)
        if found is None:  # pragma: no cover - detect() said it was there
            raise ReportError(f"{source}: {self.label} without its title; expected it on top")
        _span, m = found
        council = m.group("council").strip(" ,")
        published, start, end = self.dates(lines, 0, source)
        return Front(council, 0, published, start, end)

    def remove_furniture(self, lines: list[Line]) -> list[Line]:
        """Drop the running footer (title and dates) from every page but the first."""
        out: list[Line] = []
        drop_dates = False
        carry_blank = False
        for i, line in enumerate(lines):
            text = norm(line.text)
            if i > 4 and _FOOTER_TITLE.match(text):
                drop_dates = True
                carry_blank = carry_blank or line.blank_before
                continue
            if drop_dates and _FOOTER_DATES.match(text):
                drop_dates = False
                continue
            drop_dates = False
            if carry_blank:
                line = Line(line.text, line.indent, True, line.label)
                carry_blank = False
            out.append(line)
        return out
