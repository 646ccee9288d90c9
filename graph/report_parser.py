"""Text of an Ofsted children's services report -> plain dataclasses.

Pure functions, no RDF: :func:`parse_report` takes the text of a report (from
:mod:`graph.pdftext`, from ``pdftotext -layout``, or a hand-made text file
like the shipped seed) and returns a :class:`Report` with its metadata,
judgements, sections, numbered paragraphs, citable blocks, summary lists,
mentions, statistics and previous inspections.

The reader knows the three report templates Ofsted used for local authority
children's services: the 2014-17 single inspection framework with its LSCB
review (``sif-lscb``), the 2017-18 SIF re-inspection (``sif-reinspection``)
and the 2018+ ILACS reports (``ilacs``). It walks the text line by line,
recognising the templates' fixed headings; anything else is body text.
Robust to page furniture the PDF step could not remove (page numbers alone
on a line, footnotes, footnote digits glued to words, ``**`` bold markup,
curly quotes, private-use bullet glyphs) and to judgement tables whose
grades sit above, beside or below their wrapped labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from graph.errors import ReportError

# ---------------------------------------------------------------- data


@dataclass
class Judgement:
    """One row of the judgement table (or the overall / LSCB statement)."""

    area: str  # judgement-area key: overall, help-and-protection, ..., lscb
    grade: str  # grade key: good, requires-improvement, ..., not-judged
    subject: str  # "local-authority" or "lscb"


@dataclass
class Section:
    key: str  # e.g. "local-authority", "lscb/key-strengths-and-weaknesses-of-the-lscb"
    title: str
    order: int
    part: str  # "local-authority" or "lscb"
    parent: str | None = None  # key of the enclosing part section
    area: str | None = None  # judgement-area key when the section is an area's chapter


@dataclass
class TextUnit:
    """A numbered paragraph (``kind == "paragraph"``) or an unnumbered block."""

    kind: str  # "paragraph" or a block kind: area-information, executive-summary...
    number: int  # paragraph number, or the block's position among blocks of its kind
    text: str
    section: str | None = None  # key of the innermost section
    part: str = "local-authority"
    area: str | None = None
    heading: str | None = None  # the unnumbered sub-heading it sits under, if any
    body_types: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sub_items: list[str] = field(default_factory=list)  # sub-bullets, in order


@dataclass
class SummaryList:
    kind: str  # list-kind key: key-findings, strengths, areas-for-improvement...
    subject: str  # "local-authority" or "lscb"
    items: list[TextUnit] = field(default_factory=list)


@dataclass
class Statistic:
    """A figure about the area, from a bullet of "Information about this local
    authority area" (see :mod:`graph.report_stats`)."""

    measure: str  # measure key
    value: str  # decimal as text, e.g. "32800" or "17.6"
    unit: str  # "children" or "percent"
    evidence: TextUnit
    qualifier: str | None = None  # tells apart two figures of one measure
    ref_date: date | None = None
    ref_period: str | None = None
    previous_value: str | None = None
    previous_date: date | None = None
    national_average: str | None = None


@dataclass
class PreviousInspection:
    what: str  # what was inspected, in the report's words
    grade: str | None  # grade key
    when: str | None  # "2012-02" (year-month) or "2012" as printed
    evidence: TextUnit
    published: bool = False  # the report gives the publication month, not the visit


@dataclass
class Report:
    authority_name: str
    authority_key: str
    framework: str
    published: date | None
    start: date | None
    end: date | None
    judgements: list[Judgement] = field(default_factory=list)
    judgement_table_text: str = ""
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[TextUnit] = field(default_factory=list)
    blocks: list[TextUnit] = field(default_factory=list)
    lists: list[SummaryList] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    previous_inspections: list[PreviousInspection] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def key_date(self) -> date:
        """The date the report's IRI is minted from: its publication date,
        else (ILACS reports do not print one) the last day of the inspection."""
        day = self.published or self.end or self.start
        assert day is not None  # parse_report refuses reports without dates
        return day

    def judgement(self, area: str) -> Judgement | None:
        return next((j for j in self.judgements if j.area == area), None)

    def paragraph(self, number: int) -> TextUnit | None:
        return next((p for p in self.paragraphs if p.number == number), None)

    def summary_list(self, kind: str, subject: str = "local-authority") -> SummaryList | None:
        return next((x for x in self.lists if x.kind == kind and x.subject == subject), None)


# ---------------------------------------------------------------- text clean-up

_CHAR_MAP = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "\u2212": "–",
        "\ufffe": "-",
        "\u00ad": "",
        "\u00a0": " ",
        "\u2011": "-",
        "\f": "\n",
        "\r": "",
    }
)
_BULLETS = "•◼▪■●◦‣⁃―\uf06e\uf02d\uf0a7\uf0b7\uf0d8\uf0fc\uf076"
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_GRADE = (
    r"outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate"
    r"|not\s+judged|satisfactory"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november"
        " december".split()
    )
}
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)

# boilerplate footnotes, as ``pdftotext`` renders them without their marker
_FOOTNOTE_STARTS = re.compile(
    r"^\s*(?:[0-9¹²³⁴⁵⁶⁷⁸⁹]\s*)?(?:Ofsted produces this report under its power"
    r"|A full description of what the inspection judgements mean"
    r"|The local authority was given the opportunity to review this section"
    r"|These are residential special schools that"
    r"|This is a residential special school that)",
)
# a footnote digit glued to the end of a word ("Board1", "schools3,", "protection.2")
_GLUED_DIGIT = re.compile(r"(?<=[a-z]{3})[1-9](?=[\s,;:)]|$)|(?<=[a-z]{3}[.,;:])[1-9](?=\s|$)")


def clean_text(raw: str) -> str:
    """Normalise characters and drop markup that is not report text: ``**``
    bold markers, superscript footnote digits, curly quotes, private-use
    bullet glyphs (to "•"), form feeds."""
    text = raw.translate(_CHAR_MAP)
    text = text.replace("**", "")
    text = re.sub(f"[{_SUPERSCRIPT_DIGITS}]+", "", text)
    return text


# ---------------------------------------------------------------- lines


@dataclass
class _Line:
    text: str  # stripped
    indent: int
    blank_before: bool
    label: str  # first column (text before a tab or a run of 3+ spaces)

    @property
    def bullet(self) -> bool:
        return bool(_BULLET_LINE.match(self.text))


_BULLET_LINE = re.compile(rf"^(?:[{_BULLETS}]|[-–](?=\s))\s*")
_COLUMN_SPLIT = re.compile(r"\t+|\s{3,}")


def _lines(text: str) -> tuple[list[_Line], list[str]]:
    """Split cleaned text into lines, dropping page numbers and footnotes."""
    out: list[_Line] = []
    footnotes: list[str] = []
    blank = False
    in_footnote = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            in_footnote = False
            continue
        if re.fullmatch(r"(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?", stripped, re.IGNORECASE):
            continue  # a page number alone on its line
        if _FOOTNOTE_STARTS.match(stripped):
            footnotes.append(stripped)
            in_footnote = True
            continue
        if in_footnote:
            footnotes[-1] += " " + stripped
            continue
        stripped = _GLUED_DIGIT.sub("", stripped)
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        label = _COLUMN_SPLIT.split(stripped, maxsplit=1)[0].strip()
        out.append(_Line(stripped, indent, blank, label))
        blank = False
    return out, footnotes


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# ---------------------------------------------------------------- metadata

_TITLE_RE = re.compile(
    r"^(?:re-?\s?inspection|inspection) of (?:services for children in need|children's social"
    r" care services|local authority children's services)",
    re.IGNORECASE,
)


def _parse_date(text: str, default_year: int | None = None) -> date | None:
    numeric = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    if numeric:  # 25/11/2016
        day, month, year = (int(g) for g in numeric.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\s*(\d{{4}})?", text, re.I)
    if not m:
        return None
    year = int(m.group(3)) if m.group(3) else default_year
    if year is None:
        return None
    try:
        return date(year, _MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def _inspection_dates(line: str) -> tuple[date | None, date | None]:
    body = line.split(":", 1)[1] if ":" in line else line
    parts = re.split(r"\s*(?:–|—|\s-\s|\bto\b)\s*", body, maxsplit=1)
    end = _parse_date(parts[-1])
    start = _parse_date(parts[0], end.year if end else None) if len(parts) > 1 else None
    if start and end and start > end:  # "20 December to 10 January 2015"
        start = start.replace(year=start.year - 1)
    return start, end


# ---------------------------------------------------------------- judgement table

_AREA_LABELS = [
    ("help-and-protection", r"help\s+and\s+protection"),
    (
        "looked-after",
        r"looked\s+after\s+and\s+achieving|children\s+in\s+care\s+and\s+care\s+leavers",
    ),
    ("adoption", r"adoption\s+performance"),
    ("care-leavers", r"experiences\s+and\s+progress\s+of\s+care\s+leavers"),
    ("leadership", r"leadership,?\s+management|impact\s+of\s+leaders"),
    ("overall", r"overall\s+effectiveness"),
]
_AREA_LABEL_RE = re.compile(
    "|".join(f"(?P<{k.replace('-', '_')}>{p})" for k, p in _AREA_LABELS), re.I
)
_GRADE_WORD = re.compile(
    r"\b(?:outstanding|good|requires?|improvement|inadequate|adequate|not|judged|satisfactory|to|be)\b",
    re.I,
)
_GRADE_ONLY = re.compile(rf"^(?:(?:{_GRADE_WORD.pattern})[\s.]*)+$", re.I)


def grade_key(phrase: str) -> str:
    """``"Requires improvement to be good"`` -> ``"requires-improvement"``."""
    p = _norm(phrase)
    if p.startswith("require"):
        return "requires-improvement"
    if p.startswith("not judged"):
        return "not-judged"
    return {"satisfactory": "adequate"}.get(p, p)


def _grades_in(text: str) -> list[str]:
    """Grades in reading order from a stream of grade words."""
    words = [w.lower() for w in _GRADE_WORD.findall(text)]
    grades: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("requires", "require"):
            grades.append("requires-improvement")
            i += 1
            if i < len(words) and words[i] == "improvement":
                i += 1
            if words[i : i + 3] == ["to", "be", "good"]:
                i += 3
        elif w == "not" and i + 1 < len(words) and words[i + 1] == "judged":
            grades.append("not-judged")
            i += 2
        elif w in ("outstanding", "good", "inadequate", "adequate", "satisfactory"):
            grades.append(grade_key(w))
            i += 1
        else:
            i += 1
    return grades


_TABLE_STOP = re.compile(
    r"^(?:\d|executive summary|contents|the effectiveness of|the lscb|the local safeguarding)", re.I
)


def _judgement_table(lines: list[_Line], limit: int) -> tuple[list[Judgement], int, int, str]:
    """Find the table of area judgements among the first ``limit`` lines.

    Grades are read in order from the table's grade words, areas in order
    from its labels, and paired: this holds whether a grade sits beside its
    label, or its words are split above and below a wrapped label."""
    start = None
    for i, line in enumerate(lines[:limit]):
        if re.match(r"^(?:1\.?\s+)?children who need help and protection", line.label, re.I) or (
            re.match(r"^judgement\s+grade$", line.text, re.I)
        ):
            start = i
            break
    if start is None:
        return [], -1, -1, ""
    # grade words printed above the first row, in the grade column
    row_indent = lines[start].indent
    while (
        start > 0
        and _GRADE_ONLY.match(lines[start - 1].text)
        and lines[start - 1].indent > row_indent + 20
    ):
        start -= 1
    end = start
    seen_labels = 0
    for j in range(start, min(len(lines), start + 40)):
        line = lines[j]
        if j == start:
            continue
        if _AREA_LABEL_RE.search(line.text) or _GRADE_ONLY.match(line.text):
            end = j
            seen_labels += bool(_AREA_LABEL_RE.search(line.text))
            continue
        words = line.label.split()
        if (
            seen_labels
            and len(words) <= 12
            and len(line.label) <= 75
            and not re.search(r"[.:]$", line.label)
            and not _TABLE_STOP.match(line.label)
        ):
            continue  # part of a wrapped label: "permanence", "and families"
        break
    region = lines[start : end + 1]
    table_text = "\n".join(x.text for x in region)
    joined = " ".join(x.text for x in region)
    grades = _grades_in(joined)
    label_text = _GRADE_WORD.sub(" ", joined)
    areas = [
        m.lastgroup.replace("_", "-") for m in _AREA_LABEL_RE.finditer(label_text) if m.lastgroup
    ]
    areas = list(dict.fromkeys(areas))
    judgements = [Judgement(a, g, "local-authority") for a, g in zip(areas, grades, strict=False)]
    return judgements, start, end, table_text


_OVERALL_RES = [
    re.compile(
        rf"overall judgement is(?: that children's services)?\s*(?:are\s+|is\s+)?:?\s*({_GRADE})",
        re.I,
    ),
    re.compile(
        rf"children's services in [A-Z][\w .,'&-]{{1,60}}? (?:are|is|were)\s+"
        rf"(?:judged\s+(?:to\s+be\s+)?)?({_GRADE})",
        re.I,
    ),
    re.compile(rf"children's services in [A-Z][\w .,'&-]{{1,60}}? ({_GRADE})", re.I),
]
_LSCB_RE = re.compile(
    r"(?:effectiveness of the (?:local safeguarding children board|lscb)(?:\s*\(lscb\))?"
    r"|\bthe (?:local safeguarding children board|lscb)(?:\s*\(lscb\))?)"
    rf"\s+(?:is\s+|are\s+)?(?:judged\s+(?:to\s+be\s+)?)?({_GRADE})\b",
    re.I,
)


# ---------------------------------------------------------------- headings


@dataclass
class _Heading:
    kind: str  # what the heading does (see _HEADINGS)
    value: str | None
    title: str
    lines: int  # how many lines it spans
    graded: bool = False  # a grade is printed with it (in the title or its column)


# (kind, value, pattern on the lower-cased heading text)
_AREA_CHAPTERS = [
    (
        "help-and-protection",
        r"(?:the )?experiences and progress of children who need help and protection",
    ),
    (
        "looked-after",
        r"(?:the )?experiences and progress of children looked after and achieving permanence",
    ),
    ("looked-after", r"(?:the )?experiences and progress of children in care and care leavers"),
    ("adoption", r"the graded judge?ment (?:for|about) adoption(?: performance)?"),
    ("adoption", r"adoption performance"),
    (
        "care-leavers",
        r"the graded judge?ment (?:for|about) (?:the )?(?:experiences? and progress of )?"
        r"care leavers",
    ),
    ("care-leavers", r"(?:the )?experiences? and progress of care leavers"),
    ("leadership", r"leadership,? management and governance"),
    ("leadership", r"the impact of leaders on social work practice with children and families"),
]
_GRADE_TAIL = (
    r"(?:[\s:]+(?:is|are|was|were|judged|that|it|to|be|requires?|improvement|good|outstanding"
    r"|inadequate|adequate|not))*\.?"
)
_HEADINGS: list[tuple[str, str | None, re.Pattern[str]]] = [
    ("contents", None, re.compile(r"^contents$")),
    ("part-la", None, re.compile(r"^(?:section 1:? )?the local authority$")),
    (
        "part-la",
        "key-findings",
        re.compile(r"^section 1:? the local authority [-–] summary of (?:key )?findings$"),
    ),
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
            rf"(?: \(lscb\))?(?: is)? (?:{_GRADE})(?: to be good)?\.?$"
        ),
    ),
    (
        "part-lscb",
        None,
        re.compile(
            r"^the (?:lscb|local safeguarding children board)(?: \(lscb\))? (?:is|are) "
            rf"(?:{_GRADE})(?: because)?:?\.?$"
        ),
    ),
    (
        "part-lscb",
        None,
        re.compile(
            r"^the (?:lscb|local safeguarding children board) "
            rf"(?:{_GRADE})(?: to be good)?(?: because)?:?\.?$"
        ),
    ),
    ("back", None, re.compile(r"^what the inspection judgements mean\b.*$")),
    (
        "back",
        None,
        re.compile(
            r"^the office for standards in education, children's services and skills"
            r" \(ofsted\) regulates\b.*"
        ),
    ),
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
    *[("area", key, re.compile(rf"^{pattern}{_GRADE_TAIL}$")) for key, pattern in _AREA_CHAPTERS],
]


def _match_heading(lines: list[_Line], i: int) -> _Heading | None:
    """The longest template heading starting at line ``i``, possibly wrapped
    over up to four lines; a grade printed beside or under it (in the grade
    column) is taken along and noted."""
    first = lines[i]
    if first.bullet or _PARA_RE.match(first.text) or len(first.label) > 140:
        return None
    label = ""
    grades = ""
    best: _Heading | None = None
    for j in range(i, min(len(lines), i + 4)):
        nxt = lines[j]
        if j > i and (nxt.blank_before or nxt.bullet or _PARA_RE.match(nxt.text)):
            break
        if j > i and _GRADE_ONLY.match(nxt.text) and nxt.indent > first.indent + 20:
            grades += " " + nxt.text
            if best:
                best.lines = j - i + 1
                best.graded = True
            continue
        label = f"{label} {nxt.label}".strip()
        grades += " " + nxt.text[len(nxt.label) :]
        lowered = _norm(label)
        for kind, value, pattern in _HEADINGS:
            if pattern.match(lowered):
                graded = bool(_grades_in(lowered + " " + grades))
                best = _Heading(kind, value, " ".join(label.split()), j - i + 1, graded)
                break
    return best


# ---------------------------------------------------------------- the walk

_PARA_RE = re.compile(r"^(\d{1,3})\.(?:\s+|(?=[A-Z'\"(])|$)(.*)$")
_LIST_CLASSES = {
    "key-findings",
    "strengths",
    "areas-for-improvement",
    "priority-actions",
    "recommendations",
    "executive-summary",
    "what-needs-to-improve",
}


@dataclass
class _State:
    part: str = "front"
    section: str | None = None
    area: str | None = None
    list_kind: str | None = None
    heading: str | None = None
    after_heading: bool = True


class _Walker:
    def __init__(self, report: Report, lines: list[_Line]) -> None:
        self.report = report
        self.lines = lines
        self.state = _State()
        self.unit: TextUnit | None = None
        self.unit_lines: list[str] = []
        self.last_number = 0
        self.block_counts: dict[str, int] = {}
        self.lists: dict[tuple[str, str], SummaryList] = {}
        self.sections: dict[str, Section] = {}
        self.pending_priority_under_recommendations = False
        #: the LSCB's grade as a heading or statement of its section words it
        self.lscb_statement: str | None = None
        lengths = sorted(len(x.text) for x in lines if len(x.text) > 20)
        self.width = lengths[len(lengths) // 2] if lengths else 80

    # -- units
    def close(self) -> None:
        if self.unit is not None:
            body, subs = _join_unit(self.unit_lines)
            self.unit.text = body
            self.unit.sub_items = subs
            if self.unit.kind == "paragraph":
                # a numbered paragraph is kept even when the report prints only
                # its number (Waltham Forest 2015, paragraph 89)
                if not body:
                    self.report.warnings.append(f"paragraph {self.unit.number} has no text")
                self.report.paragraphs.append(self.unit)
                self._add_to_lists(self.unit)
            elif body:
                self.report.blocks.append(self.unit)
                self._add_to_lists(self.unit)
        self.unit = None
        self.unit_lines = []

    def _subject(self) -> str:
        return "lscb" if self.state.part == "lscb" else "local-authority"

    def _add_to_lists(self, unit: TextUnit) -> None:
        kind = self.state.list_kind
        if kind not in _LIST_CLASSES:
            return
        kinds = [kind]
        if kind == "priority-actions" and self.pending_priority_under_recommendations:
            kinds.append("recommendations")
        for k in kinds:
            key = (k, self._subject())
            if key not in self.lists:
                self.lists[key] = SummaryList(k, self._subject())
                self.report.lists.append(self.lists[key])
            self.lists[key].items.append(unit)

    def open(self, kind: str, number: int, first: str) -> None:
        self.close()
        self.unit = TextUnit(
            kind=kind,
            number=number,
            text="",
            section=self.state.section,
            part=self._subject(),
            area=self.state.area,
            heading=self.state.heading,
        )
        self.unit_lines = [first]

    def open_block(self, kind: str, first: str) -> None:
        count = self.block_counts.get(kind, 0) + 1
        self.block_counts[kind] = count
        self.open(kind, count, first)

    # -- sections
    def enter_section(self, key: str, title: str, area: str | None = None) -> None:
        part = self._subject()
        full = part if key == part else f"{part}/{key}"
        if full in self.sections:  # a second heading of the same kind: number it
            n = 2
            while f"{full}-{n}" in self.sections:
                n += 1
            full = f"{full}-{n}"
        parent = None if full == part else part
        if parent and parent not in self.sections:
            self._new_section(parent, _PART_TITLES[part], None, None)
        self._new_section(full, title, parent, area)
        self.state.section = full

    def _new_section(self, key: str, title: str, parent: str | None, area: str | None) -> None:
        section = Section(key, title, len(self.sections) + 1, self._subject(), parent, area)
        self.sections[key] = section
        self.report.sections.append(section)

    def switch_part(self, part: str, title: str) -> None:
        self.close()
        self.state = _State(part=part)
        if part in ("local-authority", "lscb"):
            self.enter_section(part, title)
            if part == "lscb":
                self.state.area = "lscb"


_PART_TITLES = {
    "local-authority": "The local authority",
    "lscb": "The effectiveness of the Local Safeguarding Children Board",
}


def _join_unit(lines: list[str]) -> tuple[str, list[str]]:
    """A unit's lines -> (its text, its sub-bullets). Sub-bullet lines are
    marked with a leading "\\x00"."""
    main: list[str] = []
    subs: list[str] = []
    for line in lines:
        if line.startswith("\x00"):
            subs.append(line[1:].strip())
        elif subs:
            subs[-1] += " " + line.strip()
        else:
            main.append(line.strip())
    body = _tidy(" ".join(main))
    subs = [_tidy(s) for s in subs if _tidy(s)]
    if subs:
        body = body + "\n" + "\n".join(f"- {s}" for s in subs)
    return body, subs


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\t", " ")).strip()
    # a line-end hyphen inside a compound keeps no space after it ("up- to-date")
    text = re.sub(r"(?<=[A-Za-z])- (?=[a-z])", "-", text)
    return text


def _is_subheading(lines: list[_Line], i: int) -> bool:
    """An unnumbered short line standing alone, like "Children living in this
    area" or a theme heading inside a list of areas for improvement."""
    line = lines[i]
    text = line.text
    if line.bullet or _PARA_RE.match(text) or len(text) > 100 or len(text.split()) > 14:
        return False
    if re.search(r"[.,;:]$", text) or not text[0].isupper():
        return False
    if i > 0 and not line.blank_before and not re.search(r"[.:;)!?\"']$", lines[i - 1].text):
        return False
    if i + 1 >= len(lines):
        return True
    nxt = lines[i + 1]
    return bool(
        nxt.blank_before
        or nxt.bullet
        or _PARA_RE.match(nxt.text)
        or (nxt.text[:1].isupper() and not re.search(r"[.:;]$", text))
    )


def parse_report(text: str, source: str = "<text>") -> Report:
    """Parse the text of an Ofsted children's services report.

    Raises :class:`ReportError` when the text is not such a report: no
    inspection title in its first lines, no inspection dates, or no
    judgement table."""
    from graph import iri
    from graph.mentions import body_types_in, topics_in
    from graph.report_stats import previous_inspections_in, statistics_in

    lines, footnotes = _lines(clean_text(text))
    title_at = next((i for i, x in enumerate(lines[:12]) if _TITLE_RE.match(x.text)), None)
    if title_at is None or title_at == 0:
        raise ReportError(
            f"{source}: not an Ofsted children's services inspection report (expected the "
            "council's name and then a title such as 'Inspection of services for children in "
            "need of help and protection...' or 'Inspection of children's social care services' "
            "at the top)"
        )
    authority = " ".join(x.text for x in lines[:title_at])
    authority = re.sub(r"\s+", " ", authority).strip()
    head = [x.text for x in lines[title_at : title_at + 25]]
    date_line = next((x for x in head if re.match(r"^inspection dates?\s*:", x, re.I)), None)
    start = end = None
    if date_line:
        start, end = _inspection_dates(date_line)
    pub_line = next((x for x in head if re.match(r"^report published\s*:", x, re.I)), None)
    published = _parse_date(pub_line) if pub_line else None
    if not (published or end):
        raise ReportError(
            f"{source}: no 'Inspection date(s):' or 'Report published:' line near the top; "
            "expected an Ofsted report's front page"
        )
    title_text = _norm(" ".join(head[:4]))
    if title_text.startswith(("re-inspection", "reinspection", "re inspection")):
        framework = "sif-reinspection"
    elif (
        "children's social care services" in title_text
        or "local authority children's services" in title_text
    ):
        framework = "ilacs"
    else:
        framework = "sif-lscb"

    report = Report(
        authority_name=authority,
        authority_key=iri.authority_key(authority),
        framework=framework,
        published=published,
        start=start,
        end=end,
        footnotes=footnotes,
    )

    judgements, _, t_end, table_text = _judgement_table(lines, 90)
    if not judgements:
        raise ReportError(
            f"{source}: no judgement table found (expected rows such as '1. Children who need "
            "help and protection   Good' on the first page)"
        )
    report.judgements = judgements
    report.judgement_table_text = table_text

    front = " ".join(x.text for x in lines[title_at : t_end + 8])
    front = re.sub(r"\s+", " ", front)
    if not report.judgement("overall"):
        for pattern in _OVERALL_RES:
            m = pattern.search(_norm(front))
            if m:
                report.judgements.insert(
                    0, Judgement("overall", grade_key(m.group(1)), "local-authority")
                )
                break
    front_lscb = _LSCB_RE.search(front)

    walker = _Walker(report, lines)
    _walk(walker, lines, t_end + 1)
    walker.close()

    if framework != "ilacs" and framework != "sif-reinspection":
        grade = None
        if front_lscb:
            grade = grade_key(front_lscb.group(1))
        elif walker.lscb_statement:
            grade = grade_key(walker.lscb_statement)
        if grade:
            report.judgements.append(Judgement("lscb", grade, "lscb"))
        else:
            report.warnings.append("no LSCB judgement found")
    for area_key in ("overall", "help-and-protection", "looked-after", "leadership"):
        if not report.judgement(area_key):
            report.warnings.append(f"no judgement found for {area_key}")

    for unit in [*report.paragraphs, *report.blocks]:
        unit.body_types = body_types_in(unit.text)
        unit.topics = topics_in(unit.text)
    info = [b for b in report.blocks if b.kind == "area-information"]
    report.statistics = statistics_in(info, report)
    report.previous_inspections = previous_inspections_in(info)
    numbers = [p.number for p in report.paragraphs]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        report.warnings.append("paragraph numbering has gaps")
    return report


def _walk(w: _Walker, lines: list[_Line], begin: int) -> None:
    """Walk the lines after the judgement table, opening and closing units."""
    ilacs = w.report.framework == "ilacs"
    if ilacs:
        w.switch_part("local-authority", _PART_TITLES["local-authority"])
        w.enter_section("executive-summary", "Executive summary")
        w.state.list_kind = "executive-summary"
    i = begin
    bullet_base: int | None = None
    while i < len(lines):
        st = w.state
        line = lines[i]
        heading = _match_heading(lines, i)
        if heading and heading.kind == "contents":
            w.close()
            i = _skip_contents(lines, i + 1)
            continue
        if heading:
            i += heading.lines
            bullet_base = None
            _apply_heading(w, heading)
            continue
        if st.part in ("front", "back"):
            i += 1
            continue
        m = _PARA_RE.match(line.text)
        if m and _accept_number(w, int(m.group(1))):
            number = int(m.group(1))
            w.last_number = number
            w.open("paragraph", number, m.group(2))
            st.after_heading = False
            bullet_base = None
            i += 1
            continue
        if line.bullet:
            body = _BULLET_LINE.sub("", line.text, count=1)
            if bullet_base is None or line.indent < bullet_base:
                bullet_base = line.indent
            sub = line.indent > bullet_base
            if w.unit is not None and (
                sub or (w.unit.kind == "paragraph" and not st.after_heading)
            ):
                w.unit_lines.append("\x00" + body)
            else:
                kind = _block_kind(w)
                if kind:
                    w.open_block(kind, body)
                else:
                    w.close()
            i += 1
            continue
        if _is_subheading(lines, i) and not (
            w.unit and w.unit.kind == "paragraph" and not line.blank_before
        ):
            w.close()
            st.heading = line.text
            st.after_heading = True
            if st.part == "lscb" and not w.lscb_statement:
                m2 = _LSCB_RE.search(line.text)
                if m2:
                    w.lscb_statement = m2.group(1)
            i += 1
            continue
        # body text: continues the current unit, or starts an unnumbered one
        if st.part == "lscb" and not w.lscb_statement:
            m2 = _LSCB_RE.search(line.text)
            if m2 and (w.unit is None or w.unit.kind != "paragraph"):
                w.lscb_statement = m2.group(1)
        if w.unit is not None and (
            w.unit.kind == "paragraph" or not _starts_paragraph(lines, i, w.width)
        ):
            w.unit_lines.append(line.text)
            i += 1
            continue
        if st.list_kind == "executive-summary":
            kind = "executive-summary" if st.part != "lscb" else "lscb-executive-summary"
            w.open_block(kind, line.text)
        else:
            w.close()
        i += 1


def _starts_paragraph(lines: list[_Line], i: int, width: int) -> bool:
    """Does unnumbered line ``i`` start a new paragraph? After a blank line
    (unless it runs on in lower case, as across a page break), or after a
    line that ends a sentence well short of the text's usual width."""
    line = lines[i]
    if line.blank_before:
        return not line.text[:1].islower()
    prev = lines[i - 1].text if i else ""
    return bool(re.search(r"[.!?]['\"]?$", prev)) and len(prev) < 0.75 * width


def _accept_number(w: _Walker, number: int) -> bool:
    """Paragraph numbers only go up, by small steps: anything else is a
    number that happens to start a wrapped line."""
    if w.state.part not in ("local-authority", "lscb"):
        return False
    if w.last_number == 0:
        return 1 <= number <= 40
    return w.last_number < number <= w.last_number + 4


def _block_kind(w: _Walker) -> str | None:
    st = w.state
    prefix = "lscb-" if st.part == "lscb" else ""
    if st.section and st.section.endswith("area-information"):
        return "area-information"
    if st.list_kind in _LIST_CLASSES:
        return prefix + st.list_kind
    if st.section and st.section.endswith("summary-for-children"):
        return "summary-for-children"
    return None


def _apply_heading(w: _Walker, h: _Heading) -> None:
    st = w.state
    if h.kind == "part-la":
        if st.part != "local-authority":
            w.switch_part("local-authority", h.title)
        if h.value:
            w.state.list_kind = h.value
        return
    if h.kind == "part-lscb":
        if w.report.framework == "sif-lscb" and (
            w.report.paragraphs or st.part == "back" or st.part == "local-authority"
        ):
            if st.part != "lscb":
                w.switch_part("lscb", h.title)
            if not w.lscb_statement:
                m = _LSCB_RE.search(h.title)
                if m:
                    w.lscb_statement = m.group(1)
        return
    if h.kind == "back":
        w.close()
        w.state = _State(part="back")
        return
    if st.part in ("front", "back"):
        if h.kind in ("list", "section", "area"):
            # the first template heading after the front page opens the LA part
            if st.part == "back":
                return
            w.switch_part("local-authority", _PART_TITLES["local-authority"])
            st = w.state
        else:
            return
    w.close()
    if h.kind == "list":
        kind = h.value or ""
        if kind == "priority-actions" and st.list_kind == "recommendations" and st.after_heading:
            w.pending_priority_under_recommendations = True
        else:
            w.pending_priority_under_recommendations = False
        if (
            kind == "areas-for-improvement"
            and st.list_kind == "areas-for-improvement"
            and st.after_heading
        ):
            pass  # "What does the LA need to improve?" then "Areas for improvement"
        elif kind == "priority-actions" and w.pending_priority_under_recommendations:
            pass
        else:
            w.enter_section(_slug(h.title), h.title, st.area)
        st.list_kind = kind
        st.heading = None
        st.after_heading = True
        return
    if h.kind == "area":
        in_list = st.list_kind in _LIST_CLASSES and st.list_kind != "executive-summary"
        if (in_list or h.title.lower().startswith(("adoption", "care leavers"))) and not h.graded:
            st.heading = h.title  # a theme heading inside a list, not a chapter
            return
        if st.area == h.value and st.after_heading:
            return  # the chapter's heading repeated in a "Key judgement" box
        st.area = h.value
        w.enter_section(h.value or _slug(h.title), h.title, h.value)
        st.list_kind = None
        st.heading = None
        st.after_heading = True
        return
    # a plain section
    w.enter_section(h.value or _slug(h.title), h.title, st.area if h.value == "findings" else None)
    if h.value != "findings":
        st.area = "lscb" if st.part == "lscb" else None
    st.list_kind = None
    st.heading = None
    st.after_heading = True


def _slug(text: str) -> str:
    from graph.iri import slug

    return slug(text)[:60]


def _skip_contents(lines: list[_Line], i: int) -> int:
    """Skip a table of contents: entries end with a page number; an entry
    without one continues onto, or precedes, a line that has one."""
    entry = re.compile(r"(?:\s|\t)\d{1,3}$")
    j = i
    while j < len(lines):
        text = lines[j].text
        if entry.search(text):
            j += 1
            continue
        nxt = lines[j + 1].text if j + 1 < len(lines) else ""
        if len(text) < 90 and entry.search(nxt) and not lines[j + 1].blank_before:
            j += 1
            continue
        # an entry whose page number the PDF step dropped: only while more
        # numbered entries follow closely
        ahead = [x.text for x in lines[j + 1 : j + 4]]
        if (
            len(text) < 90
            and not text.endswith(".")
            and any(entry.search(a) for a in ahead)
            and j - i < 30
        ):
            j += 1
            continue
        break
    return j
