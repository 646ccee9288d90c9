"""Ofsted reports that are not inspections of a local authority's children's
services: schools, children's homes, fostering and adoption agencies, further
education, early years, and the children's services visits and joint
inspections that have no judgement table of this kind (focused visits,
monitoring visits, joint targeted area inspections, area SEND inspections).

Recognised from their front page and refused with a message naming what the
file seems to be, so that no Ofsted report is ever called "not an Ofsted
report".
"""

from __future__ import annotations

import re
from typing import NoReturn

from graph.errors import ReportError
from graph.reader.model import Report
from graph.reader.templates.base import SUPPORTED, Template
from graph.reader.text import Line, norm

#: (what the report seems to be, pattern on the lower-cased first lines)
KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "an Ofsted focused visit or monitoring visit letter about a local authority's "
        "children's services",
        re.compile(r"\b(?:focused|monitoring) visit (?:to|of) .{0,80}children's services"),
    ),
    (
        "an Ofsted joint targeted area inspection (JTAI) letter",
        re.compile(r"\bjoint targeted area inspection\b"),
    ),
    (
        "an Ofsted and CQC area SEND inspection report",
        re.compile(r"\barea send inspection\b|\bspecial educational needs and/or disabilities\b"),
    ),
    (
        "an Ofsted inspection report on a children's home",
        re.compile(r"\bchildren's homes? inspection\b|\bchildren's home\b.{0,200}\bsc\d{6}\b"),
    ),
    (
        "an Ofsted inspection report on a fostering or adoption agency",
        re.compile(
            r"\b(?:independent |local authority )?(?:fostering|adoption) (?:agency|service) "
            r"inspection\b"
        ),
    ),
    (
        "an Ofsted school inspection report",
        re.compile(
            r"\bschool (?:inspection )?report\b|\bheadteacher\b|\bhead teacher\b"
            r"|\b(?:short )?inspection of (?:a good|an outstanding) school\b"
        ),
    ),
    (
        "an Ofsted further education and skills inspection report",
        re.compile(r"\bfurther education and skills inspection report\b"),
    ),
    (
        "an Ofsted early years or childcare inspection report",
        re.compile(r"\bchildcare (?:on|register)\b|\bearly years (?:register|provision)\b"),
    ),
]


def kind_of(lines: list[Line]) -> str | None:
    """What the first lines say the report is, if it is one of :data:`KINDS`."""
    head = norm(" ".join(x.text for x in lines[:60]))
    if "ofsted" not in head and "unique reference number" not in head:
        return None
    return next((what for what, pattern in KINDS if pattern.search(head)), None)


class OtherRemit(Template):
    name = "other-remit"
    framework = ""
    label = "an Ofsted report of another remit"
    supported = False

    def detect(self, lines: list[Line]) -> float:
        # below every local authority template: a council report that mentions
        # a school or a children's home is still read as what it is
        return 0.1 if kind_of(lines) else 0.0

    def read(self, lines: list[Line], footnotes: list[str], source: str) -> Report:
        what = kind_of(lines) or self.label
        self._refuse(source, what)

    def refuse(self, source: str) -> NoReturn:
        self._refuse(source, self.label)

    @staticmethod
    def _refuse(source: str, what: str) -> NoReturn:
        raise ReportError(
            f"{source}: {what}, not an inspection of a local authority's children's services; "
            f"expected {SUPPORTED}"
        )
