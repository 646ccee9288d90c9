"""Area statistics and previous inspections, read from the bullets of a
report's "Information about this local authority area" section.

Each figure becomes a :class:`~graph.report_model.Statistic` with a measure
from the measure scheme, its value as a decimal string, its unit, the date it
refers to ("At 31 March 2014"), the period a flow covers ("In the last 12
months"), the earlier figure it is compared with ("an increase from 1,406 at
31 March 2013") and the national average given beside it, and the bullet it
came from as evidence. Numbers written as words ("eight children") count.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from graph.reader.model import PreviousInspection, Report, Statistic, TextUnit

_WORDS = {
    w: i
    for i, w in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORDS["none"] = 0
NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE = rf"(\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})"

# (measure, unit, pattern); the first group is the value, an optional
# "national" group the national average
ALT = NUM[1:-1]  # the number pattern without its group, for a second, named group
KIDS = (
    r"(?:children|child|young people|young person)(?:\s*\([^)]*\))?"
    r"(?: and young (?:people|person))?"
)  # "(DfE definition)"

# (measure, unit, pattern); the first group, or else the "alt" group, is the
# value; an optional "national" group is the national average
_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    (
        "children-under-18",
        "children",
        re.compile(rf"{NUM}\s+children and young people under the age of 18", re.I),
    ),
    (
        "children-in-poverty",
        "percent",
        re.compile(
            rf"{NUM}%\s+of the local authority's children(?:\s+aged under \d+ years)?"
            r"\s+(?:are|were)\s+living in (?:poverty|low[- ]income families)",
            re.I,
        ),
    ),
    (
        "minority-ethnic",
        "percent",
        re.compile(
            rf"minority ethnic groups account for {NUM}%\s+of all (?:dependent )?children"
            rf"[^.]*?compared (?:with|to) (?P<national>{ALT})%\s+in the country",
            re.I,
        ),
    ),
    (
        "children-in-need",
        "children",
        re.compile(
            rf"(?:{NUM}\s+{KIDS}|{KIDS} per 10,000 population\s*\((?P<alt>{ALT})\))"
            r" (?:had been|have been|were) identified through assessment as (?:being )?formally"
            r" in need",
            re.I,
        ),
    ),
    (
        "child-protection-plans",
        "children",
        re.compile(
            rf"{NUM}\s+{KIDS} (?:were|was|are|is) the subjects? of (?:a )?child protection plans?",
            re.I,
        ),
    ),
    (
        "privately-fostered",
        "children",
        re.compile(
            rf"{NUM}\s+{KIDS} (?:lived|lives|were living|was living|live) in (?:a )?"
            r"(?:privately arranged fostering placements?|privately arranged foster placements?"
            r"|private fostering arrangements?)",
            re.I,
        ),
    ),
    (
        "looked-after",
        "children",
        re.compile(
            rf"(?:{NUM}\s+(?:{KIDS} )?(?:were|are|are being|were being) (?:being )?looked after"
            r" by the (?:local authority|LA)\b"
            rf"|(?:local authority|LA) (?:is|was) looking after (?P<alt>{ALT}) children)",
            re.I,
        ),
    ),
    (
        "looked-after-out-of-area",
        "children",
        re.compile(
            rf"^(?:of (?:this number|these|the total),?\s+)?{NUM}(?:\s*\((?:or )?\s*[\d.]+%\))?"
            r"\s+(?:children )?live outside the local authority",
            re.I,
        ),
    ),
    (
        "adoptions",
        "children",
        re.compile(
            rf"^(?:{NUM}\s+(?:children (?:have been|were|had been) adopted|adoptions)"
            rf"|there (?:have been|were) (?P<alt>{ALT}) adoptions)",
            re.I,
        ),
    ),
    (
        "special-guardianship-orders",
        "children",
        re.compile(
            rf"^{NUM}\s+{KIDS} (?:became|have become|has become)"
            r" (?:the )?subjects? of special guardianship orders",
            re.I,
        ),
    ),
    (
        "children-share-of-population",
        "percent",
        re.compile(rf"under the age of 18[^.]*\.\s+This is {NUM}% of the total population", re.I),
    ),
    (
        "residential-homes",
        "children",
        re.compile(
            rf"^{NUM}(?:\s*\([^)]*\))?\s+(?:{KIDS} )?live in residential children's homes?", re.I
        ),
    ),
    (
        "residential-special-schools",
        "children",
        re.compile(
            rf"^{NUM}(?:\s*\([^)]*\))?\s+(?:{KIDS} )?live in residential special schools?", re.I
        ),
    ),
    (
        "foster-families",
        "children",
        re.compile(
            rf"^{NUM}(?:\s*\([^)]*\))?\s+(?:{KIDS} )?live with foster (?:families|carers)", re.I
        ),
    ),
    (
        "placed-with-parents",
        "children",
        re.compile(rf"^{NUM}(?:\s*\([^)]*\))?\s+(?:{KIDS} )?live with (?:their )?parents", re.I),
    ),
    (
        "uasc",
        "children",
        re.compile(
            rf"^{NUM}\s+(?:{KIDS} )?(?:are|is|were|was) unaccompanied asylum[- ]seeking", re.I
        ),
    ),
    (
        "returned-to-care",
        "percent",
        re.compile(
            r"ceased to be looked after,? of whom "
            rf"{NUM}%\s+(?:subsequently |later )?returned to (?:be looked after|care)",
            re.I,
        ),
    ),
    (
        "ceased-to-independent-living",
        "children",
        re.compile(
            rf"^{NUM}\s+{KIDS} (?:have |has )?ceased to be looked after and (?:have |has )?moved"
            r" on to independent living",
            re.I,
        ),
    ),
    (
        "ceased-to-hmo",
        "children",
        re.compile(
            rf"^{NUM}\s+{KIDS} (?:have |has )?ceased to be looked after and (?:are|is) now living"
            r" in (?:a )?houses? (?:of|in) multiple occupation",
            re.I,
        ),
    ),
    (
        "ceased-looked-after",
        "children",
        re.compile(
            rf"^{NUM}\s+{KIDS} (?:have |has )?ceased to be looked after(?!\s+and\b)",
            re.I,
        ),
    ),
]
_SCHOOL_PHASES = re.compile(
    rf"in (primary|secondary) schools? (?:is|was|are) {NUM}%(?:\s*\(the national average is"
    rf" (?P<national>{ALT})%\))?",
    re.I,
)
_AT_DATE = re.compile(rf"\bat {DATE}", re.I)
_PREVIOUS = re.compile(
    rf"(?:increase|reduction|decrease|rise|fall|drop|change)\s+(?:from|on)\s+{NUM}"
    rf"(?:\s*\([^)]*\))?\s+(?:at|on|in)\s+{DATE}",
    re.I,
)
_PERIOD = re.compile(r"\b(in the (?:last|past|previous) (?:12|twelve) months)", re.I)
_AT_INSPECTION = re.compile(r"\b(at the time of (?:the )?inspection)", re.I)


def _number(text: str) -> str:
    word = text.lower()
    if word in _WORDS:
        return str(_WORDS[word])
    return text.replace(",", "")


def _date(text: str) -> date | None:
    from graph.reader.text import parse_date

    return parse_date(text)


def statistics_in(blocks: list[TextUnit], report: Report) -> list[Statistic]:
    """Every figure of the measure scheme found in the area-information bullets."""
    from graph.reader.model import Statistic

    found: list[Statistic] = []
    seen: dict[str, int] = {}

    def add(measure: str, unit: str, value: str, block: TextUnit, context: str, **extra) -> None:
        count = seen.get(measure, 0) + 1
        seen[measure] = count
        stat = Statistic(
            measure=measure,
            value=_number(value),
            unit=unit,
            evidence=block,
            qualifier=None if count == 1 else str(count),
            **extra,
        )
        at = _AT_DATE.search(context)
        if at:
            stat.ref_date = _date(at.group(1))
        period = _PERIOD.search(context) or _AT_INSPECTION.search(context)
        if period and not stat.ref_date:
            stat.ref_period = period.group(1).lower()
        found.append(stat)

    for block in blocks:
        main = block.text.split("\n", 1)[0]
        pieces = [(main, main)] + [(sub, main + " " + sub) for sub in block.sub_items]
        for piece, context in pieces:
            for measure, unit, pattern in _RULES:
                m = pattern.search(piece)
                if not m:
                    continue
                value = m.group(1) or (m.groupdict().get("alt") or "")
                if not value:
                    continue
                extra: dict[str, object] = {}
                national = m.groupdict().get("national")
                if national:
                    extra["national_average"] = _number(national)
                previous = _PREVIOUS.search(piece[m.end() :])
                if previous:
                    extra["previous_value"] = _number(previous.group(1))
                    extra["previous_date"] = _date(previous.group(2))
                add(measure, unit, value, block, piece if piece is main else context, **extra)
        topic = main.lower()
        phase_measure = None
        if "free school meals" in topic:
            phase_measure = "fsm"
        elif "english as an additional language" in topic:
            phase_measure = "eal"
        if phase_measure:
            for sub in block.sub_items or [main]:
                for m in _SCHOOL_PHASES.finditer(sub):
                    extra = {}
                    if m.group("national"):
                        extra["national_average"] = _number(m.group("national"))
                    add(
                        f"{phase_measure}-{m.group(1).lower()}",
                        "percent",
                        m.group(2),
                        block,
                        sub,
                        **extra,
                    )
    return found


# ---------------------------------------------------------------- previous inspections

GRADE = (
    r"outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate"
    r"|satisfactory|not\s+judged"
)
_PREVIOUS_INSPECTION = re.compile(
    r"(?:previous|last|most recent)\s+(?:ofsted\s+)?inspection\s+of\s+(?P<what>.+?)\s+was\s+"
    rf"(?P<published>published\s+)?(?:(?:carried out|undertaken|conducted)\s+)?in\s+"
    rf"(?P<when>(?:{MONTHS})\s+\d{{4}}|\d{{4}})",
    re.I,
)
_JUDGED = re.compile(rf"judged\s+(?:to\s+be\s+|as\s+|)(?P<grade>{GRADE})", re.I)
_HOMES = re.compile(r"operates\s+(?P<n>\w+)\s+children's\s+homes?", re.I)


def previous_inspections_in(blocks: list[TextUnit]) -> list[PreviousInspection]:
    """Earlier inspections the area-information bullets list: what, when, grade."""
    from graph.reader.judgements import grade_key
    from graph.reader.model import PreviousInspection

    found: list[PreviousInspection] = []
    for block in blocks:
        text = " ".join(block.text.split())
        for m in _PREVIOUS_INSPECTION.finditer(text):
            judged = _JUDGED.search(text, m.end())
            # the grade belongs to this inspection when no other inspection
            # is named between them
            nxt = _PREVIOUS_INSPECTION.search(text, m.end())
            if judged and nxt and nxt.start() < judged.start():
                judged = None
            found.append(
                PreviousInspection(
                    what=m.group("what").strip(" ,"),
                    grade=grade_key(judged.group("grade")) if judged else None,
                    when=_year_month(m.group("when")),
                    evidence=block,
                    published=bool(m.group("published")),
                )
            )
        homes = _HOMES.search(text)
        if homes and not _PREVIOUS_INSPECTION.search(text):
            judged = _JUDGED.search(text)
            after = text[judged.start() :] if judged else ""
            grades = {grade_key(g) for g in re.findall(GRADE, after, re.I)}
            if len(grades) == 1:  # "all were judged good or outstanding" says too little
                found.append(
                    PreviousInspection(
                        what="children's homes operated by the local authority",
                        grade=grades.pop(),
                        when=None,
                        evidence=block,
                    )
                )
    return found


def _year_month(text: str) -> str:
    from graph.reader.text import MONTHS as months

    parts = text.split()
    if len(parts) == 2:
        return f"{int(parts[1]):04d}-{months[parts[0].lower()]:02d}"
    return parts[0]
