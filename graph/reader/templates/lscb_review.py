"""The stand-alone "Review of the effectiveness of the Local Safeguarding
Children Board" (2013-18), published apart from the SIF report when the two
were not inspected together (Surrey 2015).

Its title page names the board ("Surrey Safeguarding Children Board"), not
the council; the report is filed under the council the board serves
("Surrey"), checked against the national register. The front page states the
board's grade in a sentence instead of a table; the findings are numbered
1..N; the recommendations are bullets.
"""

from __future__ import annotations

import re

from graph.errors import ReportError
from graph.reader.headings import BACK, CONTENTS, LISTS, SECTIONS, HeadingRule, HeadingRules
from graph.reader.judgements import LSCB_RE, grade_key
from graph.reader.model import Judgement, Report
from graph.reader.templates.base import Front, Table, Template, title_line
from graph.reader.text import Line
from graph.reader.walk import Walker, WalkSettings

TITLE = re.compile(
    r"^review of the effectiveness of the (?:local safeguarding children board|lscb)"
)
_SIF_TITLE = re.compile(r"inspection of services for children in need", re.IGNORECASE)
_BOARD_WORDS = re.compile(
    r"\b(?:the\s+)?(?:local\s+)?safeguarding\s+children(?:'s)?\s+board\b|\(?\blscb\b\)?",
    re.IGNORECASE,
)
_HEADINGS: list[HeadingRule] = [
    *CONTENTS,
    *BACK,
    *LISTS,
    *SECTIONS,
    ("section", "area-information", re.compile(r"^information about this area$")),
    ("section", "inspection-information", re.compile(r"^information about this review$")),
]


def council_of_board(board: str) -> str:
    """ "Surrey Safeguarding Children Board" -> "Surrey"."""
    name = " ".join(_BOARD_WORDS.sub(" ", board).split()).strip(" ,-–")
    return name or board


class LscbReview(Template):
    name = "lscb-review"
    # the LSCB review's judgement and body are those of the combined SIF report
    framework = "sif-lscb"
    label = "an Ofsted review of a Local Safeguarding Children Board (2013-18)"
    walk = WalkSettings(headings=HeadingRules(_HEADINGS), start_part="front", first_part="lscb")
    required_areas = ("lscb",)
    required_chapters = ("lscb",)
    min_paragraphs = 5

    def detect(self, lines: list[Line]) -> float:
        at = self.title_index(lines)
        if at is None or any(_SIF_TITLE.search(x.text) for x in lines[:at]):
            return 0.0
        return 1.0

    def title_index(self, lines: list[Line]) -> int | None:
        return title_line(lines, TITLE, 1, 8)

    def front(self, lines: list[Line], source: str) -> Front:
        front = super().front(lines, source)
        front.authority_name = council_of_board(front.authority_name)
        return front

    def after_walk(self, report: Report, walker: Walker) -> None:
        from graph.authorities import load_register

        if load_register().resolve(report.authority_name, on=report.key_date) is None:
            report.warnings.append(
                f"the board's area {report.authority_name!r} is not a council in the national "
                "register (a board serving several councils?); the report is filed under it"
            )

    def judgement_table(self, lines: list[Line], front: Front, source: str) -> Table:
        """The board's grade, stated in a sentence under the dates."""
        for i in range(front.title_at, min(len(lines), front.title_at + 20)):
            m = LSCB_RE.search(lines[i].text)
            if m:
                judgement = Judgement("lscb", grade_key(m.group(1)), "lscb")
                return Table([judgement], i, i, lines[i].text)
        raise ReportError(
            f"{source}: {self.label} with no judgement found (expected 'The Local "
            "Safeguarding Children Board is good' or similar under the dates)"
        )
