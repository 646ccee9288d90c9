"""Template headings: the fixed headings a report template prints, and how a
heading is recognised in the text (wrapped over lines, with or without the
grade printed beside it).

A heading rule is ``(kind, value, pattern)``; the pattern is matched against
the lower-cased, space-normalised heading text. Kinds:

``contents``  a table of contents (skipped);
``part-la``   the local authority's part of the report;
``part-lscb`` the LSCB review's part (only where the template has one);
``back``      the back matter (what the judgements mean, the Ofsted notice);
``list``      a summary list (value: the list kind);
``section``   a plain section (value: its key);
``area``      an area's chapter (value: the judgement-area key).

Each template (:mod:`graph.reader.templates`) builds its own list from the
groups below, so a template only knows the headings it prints, and compiles
it once into :class:`HeadingRules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.reader.judgements import GRADE_ONLY, grades_in
from graph.reader.numbering import PARA_RE
from graph.reader.text import GRADE, Line, norm

HeadingRule = tuple[str, str | None, re.Pattern[str]]


@dataclass
class Heading:
    kind: str  # what the heading does (see the module docstring)
    value: str | None
    title: str
    lines: int  # how many lines it spans
    graded: bool = False  # a grade is printed with it (in the title or its column)


# (area key, pattern) of the chapters about each judged area
AREA_CHAPTERS = [
    (
        "help-and-protection",
        r"(?:the )?experiences and progress of children who need help and protection",
    ),
    (
        "looked-after",
        r"(?:the )?experiences and progress of children looked after and achieving permanence",
    ),
    # ILACS: "children in care and care leavers"; from 2023 "children in care" alone
    (
        "looked-after",
        r"(?:the )?experiences and progress of children in care(?: and care leavers)?",
    ),
    ("adoption", r"the graded judge?ment (?:for|about) adoption(?: performance)?"),
    ("adoption", r"adoption performance"),
    (
        "care-leavers",
        r"the graded judge?ment (?:for|about) (?:the )?(?:experiences? and progress of )?"
        r"care leavers",
    ),
    ("care-leavers", r"(?:the )?experiences? and progress of care leavers"),
    ("leadership", r"leadership,? management and governance"),
    (
        "leadership",
        r"(?:the )?impact of leaders on social work practice with children and families",
    ),
]
_GRADE_TAIL = (
    r"(?:[\s:]+(?:is|are|was|were|judged|that|it|to|be|requires?|improvement|good|outstanding"
    r"|inadequate|adequate|not))*\.?"
)

CONTENTS: list[HeadingRule] = [("contents", None, re.compile(r"^contents$"))]

LA_PART: list[HeadingRule] = [
    ("part-la", None, re.compile(r"^(?:section 1:? )?the local authority$")),
    (
        "part-la",
        "key-findings",
        re.compile(r"^section 1:? the local authority [-–] summary of (?:key )?findings$"),
    ),
]

LSCB_PART: list[HeadingRule] = [
    (
        "part-lscb",
        None,
        re.compile(r"^section 2:? the effectiveness of the local safeguarding children board$"),
    ),
    ("part-lscb", None, re.compile(r"^the local safeguarding children board(?: \(lscb\))?$")),
    (
        "part-lscb",
        None,
        re.compile(
            r"^the effectiveness of the (?:lscb|local safeguarding children board)"
            rf"(?: \(lscb\))?(?: is)? (?:{GRADE})(?: to be good)?\.?$"
        ),
    ),
    (
        "part-lscb",
        None,
        re.compile(
            r"^the (?:lscb|local safeguarding children board)(?: \(lscb\))? (?:is|are) "
            rf"(?:{GRADE})(?: because)?:?\.?$"
        ),
    ),
    (
        "part-lscb",
        None,
        re.compile(
            r"^the (?:lscb|local safeguarding children board) "
            rf"(?:{GRADE})(?: to be good)?(?: because)?:?\.?$"
        ),
    ),
]

BACK: list[HeadingRule] = [
    ("back", None, re.compile(r"^what the inspection judgements mean\b.*$")),
    (
        "back",
        None,
        re.compile(
            r"^the office for standards in education, children's services and skills"
            r" \(ofsted\) regulates\b.*"
        ),
    ),
]

LISTS: list[HeadingRule] = [
    ("list", "key-findings", re.compile(r"^summary of (?:key )?findings$")),
    (
        "list",
        "strengths",
        re.compile(
            r"^(?:the local authority's strengths|the lscb's strengths|key strengths|strengths)$"
        ),
    ),
    (
        "list",
        "strengths",
        re.compile(r"^the (?:local authority|lscb) has the following strengths:?$"),
    ),
    (
        "list",
        "areas-for-improvement",
        re.compile(r"^what does the (?:local authority|lscb) need to improve\??$"),
    ),
    ("list", "areas-for-improvement", re.compile(r"^areas for improvement:?$")),
    ("list", "priority-actions", re.compile(r"^priority and immediate actions?:?$")),
    ("list", "recommendations", re.compile(r"^recommendations:?$")),
    ("list", "executive-summary", re.compile(r"^executive summary$")),
    (
        "list",
        "what-needs-to-improve",
        re.compile(r"^what needs to improve(?: in this local authority)?\??$"),
    ),
]

SECTIONS: list[HeadingRule] = [
    ("section", "summary-for-children", re.compile(r"^summary for children and young people$")),
    ("section", "inspection-information", re.compile(r"^information about this inspection$")),
    ("section", "area-information", re.compile(r"^information about this local authority area$")),
    ("section", "progress", re.compile(r"^progress since the last inspection$")),
    (
        "section",
        "inspection-judgements",
        re.compile(r"^inspection judgements? about the (?:local authority|lscb)$"),
    ),
    (
        "section",
        "findings",
        re.compile(r"^inspection findings(?: – the local safeguarding children board)?$"),
    ),
    ("section", "findings", re.compile(r"^key strengths and weaknesses of the lscb$")),
]

AREAS: list[HeadingRule] = [
    ("area", key, re.compile(rf"^{pattern}{_GRADE_TAIL}$")) for key, pattern in AREA_CHAPTERS
]

#: what every local authority template prints
LA_HEADINGS: list[HeadingRule] = [*CONTENTS, *LA_PART, *BACK, *LISTS, *SECTIONS, *AREAS]


class HeadingRules:
    """A template's heading rules, compiled into one pattern: the walk asks
    about every line, and one match per line (instead of one per rule) is
    what keeps that cheap. The first rule that matches wins, as in the list."""

    def __init__(self, rules: list[HeadingRule]) -> None:
        self.rules = list(rules)
        self._combined = re.compile(
            "|".join(f"(?P<r{n}>{rule[2].pattern})" for n, rule in enumerate(self.rules))
        )

    def match(self, text: str) -> HeadingRule | None:
        m = self._combined.match(text)
        if m is None or m.lastgroup is None:
            return None
        return self.rules[int(m.lastgroup[1:])]


def match_heading(rules: HeadingRules, lines: list[Line], i: int) -> Heading | None:
    """The longest heading of ``rules`` starting at line ``i``, possibly
    wrapped over up to four lines; a grade printed beside or under it (in the
    grade column) is taken along and noted."""
    first = lines[i]
    if first.bullet or PARA_RE.match(first.text) or len(first.label) > 140:
        return None
    label = ""
    grades = ""
    best: Heading | None = None
    for j in range(i, min(len(lines), i + 4)):
        nxt = lines[j]
        if j > i and (nxt.blank_before or nxt.bullet or PARA_RE.match(nxt.text)):
            break
        if j > i and GRADE_ONLY.match(nxt.text) and nxt.indent > first.indent + 20:
            grades += " " + nxt.text
            if best:
                best.lines = j - i + 1
                best.graded = True
            continue
        label = f"{label} {nxt.label}".strip()
        grades += " " + nxt.text[len(nxt.label) :]
        lowered = norm(label)
        rule = rules.match(lowered)
        if rule is not None:
            kind, value, _pattern = rule
            graded = bool(grades_in(lowered + " " + grades))
            best = Heading(kind, value, " ".join(label.split()), j - i + 1, graded)
    return best
