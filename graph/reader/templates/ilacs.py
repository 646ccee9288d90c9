"""The 2018-21 inspection of local authority children's services (ILACS):
"<council> / Inspection of children's social care services" (or "...of local
authority children's services"; a 2019 variant prints "Tameside metropolitan
borough / Inspection of local authority children's social care services").

A "Judgement | Grade" table (the impact of leaders, help and protection,
children in care and care leavers, overall effectiveness), an unheaded
executive summary straight after it, "What needs to improve" bullets, and
chapters numbered 1..N. No LSCB review.
"""

from __future__ import annotations

import re

from graph.reader.headings import LA_HEADINGS, HeadingRules
from graph.reader.templates.base import Template, title_line
from graph.reader.text import Line
from graph.reader.walk import WalkSettings

TITLE = re.compile(
    r"^inspection of (?:local authority )?children's (?:social care )?services"
    r"(?! for children in need)"
)


class Ilacs(Template):
    name = "ilacs"
    framework = "ilacs"
    label = "an Ofsted ILACS report (inspection of local authority children's services, 2018-21)"
    walk = WalkSettings(
        headings=HeadingRules(LA_HEADINGS),
        start_part="local-authority",
        start_section=("executive-summary", "Executive summary"),
        start_list="executive-summary",
    )
    min_paragraphs = 8

    def detect(self, lines: list[Line]) -> float:
        return 1.0 if self.title_index(lines) is not None else 0.0

    def title_index(self, lines: list[Line]) -> int | None:
        return title_line(lines, TITLE, 1, 12)
