"""The inspections of looked after children services (2009-13), which the
single inspection framework replaced in November 2013: "Inspection of looked
after children services / <council>", or with safeguarding, "Inspection of
safeguarding and looked after children services". Judgements were on a
different scale (adequate, not "requires improvement"), graded in a "Record of
main findings" at the back and not in a front-page table.

Recognised and refused by name: the reader does not read this framework.
"""

from __future__ import annotations

import re
from typing import NoReturn

from graph.errors import ReportError
from graph.reader.templates.base import SUPPORTED, Template
from graph.reader.text import Line, norm

TITLE = re.compile(r"^inspection of (safeguarding and )?looked after children(?:'s)? services")


class LookedAfterChildren2013(Template):
    name = "lac-2013"
    framework = ""
    label = "an Ofsted inspection of looked after children services (2009-13 framework)"
    supported = False

    def detect(self, lines: list[Line]) -> float:
        for i in range(min(4, len(lines))):
            if TITLE.match(norm(" ".join(x.text for x in lines[i : i + 3]))):
                return 1.0
        return 0.0

    def refuse(self, source: str) -> NoReturn:
        raise ReportError(
            f"{source}: {self.label}, which the reader does not support; expected {SUPPORTED}"
        )
