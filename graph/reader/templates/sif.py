"""The 2013-18 single inspection framework (SIF) report with the review of
the Local Safeguarding Children Board: "<council> / Inspection of services
for children in need of help and protection, children looked after and care
leavers / and / Review of the effectiveness of the Local Safeguarding
Children Board".

The front page grades help and protection, children looked after (with
adoption and care leavers under it) and leadership in a numbered table, and
states the overall and the LSCB judgements in sentences. Paragraphs are
numbered 1..N through both parts: the local authority's, then the LSCB's.
"""

from __future__ import annotations

import re

from graph.reader.headings import LA_HEADINGS, LSCB_PART, HeadingRules
from graph.reader.templates.base import Template, title_line
from graph.reader.text import Line, norm
from graph.reader.walk import WalkSettings

#: the SIF title, as the first of its lines starts it
SIF_TITLE = re.compile(r"^inspection of services for children in need of help and protection")
LSCB_REVIEW_TITLE = re.compile(
    r"review of the effectiveness of the (?:local safeguarding children board|lscb)"
)


def sif_title(lines: list[Line]) -> tuple[int | None, bool]:
    """(index of the SIF title, whether the title goes on to the LSCB review)."""
    at = title_line(lines, SIF_TITLE, 1, 12)
    if at is None:
        return None, False
    title = norm(" ".join(x.text for x in lines[at : at + 7]))
    head = title.split("inspection date")[0]
    return at, bool(LSCB_REVIEW_TITLE.search(head))


class SifWithLscb(Template):
    name = "sif-lscb"
    framework = "sif-lscb"
    label = "an Ofsted SIF inspection report with its LSCB review (2013-18)"
    walk = WalkSettings(headings=HeadingRules([*LA_HEADINGS, *LSCB_PART]), lscb_part=True)
    lscb_part = True
    min_paragraphs = 8

    def detect(self, lines: list[Line]) -> float:
        at, with_review = sif_title(lines)
        return 1.0 if at is not None and with_review else 0.0

    def title_index(self, lines: list[Line]) -> int | None:
        return sif_title(lines)[0]
