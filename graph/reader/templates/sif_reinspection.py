"""The 2017-18 SIF re-inspection report: "<council> / Re-inspection of
services for children in need of help and protection, children looked after
and care leavers". The judgement table of the SIF, no LSCB review, paragraphs
numbered 1..N.
"""

from __future__ import annotations

import re

from graph.reader.headings import LA_HEADINGS, HeadingRules
from graph.reader.templates.base import Template, title_line
from graph.reader.text import Line
from graph.reader.walk import WalkSettings

TITLE = re.compile(r"^re-?\s?inspection of services for children in need")


class SifReinspection(Template):
    name = "sif-reinspection"
    framework = "sif-reinspection"
    label = "an Ofsted SIF re-inspection report (2017-18)"
    walk = WalkSettings(headings=HeadingRules(LA_HEADINGS))
    min_paragraphs = 8

    def detect(self, lines: list[Line]) -> float:
        return 1.0 if self.title_index(lines) is not None else 0.0

    def title_index(self, lines: list[Line]) -> int | None:
        return title_line(lines, TITLE, 1, 12)
