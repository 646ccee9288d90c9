"""A 2013-18 SIF report whose LSCB review was published separately (Surrey
2015): the SIF title without "and Review of the effectiveness of the Local
Safeguarding Children Board", the same judgement table and chapters, and no
LSCB part. The review itself is :mod:`graph.reader.templates.lscb_review`.
"""

from __future__ import annotations

from graph.reader.headings import LA_HEADINGS, HeadingRules
from graph.reader.templates.base import Template
from graph.reader.templates.sif import sif_title
from graph.reader.text import Line
from graph.reader.walk import WalkSettings


class SifWithoutLscb(Template):
    name = "sif-no-lscb"
    # the same framework as the combined report; the LSCB part is simply absent
    framework = "sif-lscb"
    label = "an Ofsted SIF inspection report without an LSCB review (2013-18)"
    walk = WalkSettings(headings=HeadingRules(LA_HEADINGS))
    min_paragraphs = 8

    def detect(self, lines: list[Line]) -> float:
        at, with_review = sif_title(lines)
        return 0.9 if at is not None and not with_review else 0.0

    def title_index(self, lines: list[Line]) -> int | None:
        return sif_title(lines)[0]
