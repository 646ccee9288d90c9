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
from dataclasses import dataclass

from graph.errors import ReportError
from graph.reader.judgements import (
    GRADE_ONLY,
    LSCB_RE,
    OVERALL_RES,
    grade_key,
    grades_in,
    judgement_table,
)
from graph.reader.model import (
    Judgement,
    PreviousInspection,
    Report,
    Section,
    Statistic,
    SummaryList,
    TextUnit,
)
from graph.reader.text import (
    BULLET_LINE,
    GRADE,
    TITLE_RE,
    Line,
    clean_text,
    inspection_dates,
    norm,
    parse_date,
    split_lines,
)

__all__ = [
    "Judgement",
    "PreviousInspection",
    "Report",
    "Section",
    "Statistic",
    "SummaryList",
    "TextUnit",
    "clean_text",
    "grade_key",
    "parse_report",
]

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


def _match_heading(lines: list[Line], i: int) -> _Heading | None:
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
        if j > i and GRADE_ONLY.match(nxt.text) and nxt.indent > first.indent + 20:
            grades += " " + nxt.text
            if best:
                best.lines = j - i + 1
                best.graded = True
            continue
        label = f"{label} {nxt.label}".strip()
        grades += " " + nxt.text[len(nxt.label) :]
        lowered = norm(label)
        for kind, value, pattern in _HEADINGS:
            if pattern.match(lowered):
                graded = bool(grades_in(lowered + " " + grades))
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
    def __init__(self, report: Report, lines: list[Line]) -> None:
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


def _is_subheading(lines: list[Line], i: int) -> bool:
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

    lines, footnotes = split_lines(clean_text(text))
    title_at = next((i for i, x in enumerate(lines[:12]) if TITLE_RE.match(x.text)), None)
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
        start, end = inspection_dates(date_line)
    pub_line = next((x for x in head if re.match(r"^report published\s*:", x, re.I)), None)
    published = parse_date(pub_line) if pub_line else None
    if not (published or end):
        raise ReportError(
            f"{source}: no 'Inspection date(s):' or 'Report published:' line near the top; "
            "expected an Ofsted report's front page"
        )
    title_text = norm(" ".join(head[:4]))
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

    judgements, _, t_end, table_text = judgement_table(lines, 90)
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
        for pattern in OVERALL_RES:
            m = pattern.search(norm(front))
            if m:
                report.judgements.insert(
                    0, Judgement("overall", grade_key(m.group(1)), "local-authority")
                )
                break
    front_lscb = LSCB_RE.search(front)

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

    numbers = [p.number for p in report.paragraphs]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        report.warnings.append("paragraph numbering has gaps")
    return report


def _walk(w: _Walker, lines: list[Line], begin: int) -> None:
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
            body = BULLET_LINE.sub("", line.text, count=1)
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
                m2 = LSCB_RE.search(line.text)
                if m2:
                    w.lscb_statement = m2.group(1)
            i += 1
            continue
        # body text: continues the current unit, or starts an unnumbered one
        if st.part == "lscb" and not w.lscb_statement:
            m2 = LSCB_RE.search(line.text)
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


def _starts_paragraph(lines: list[Line], i: int, width: int) -> bool:
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
                m = LSCB_RE.search(h.title)
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
        # stay in the current section for "Areas for improvement" straight under
        # "What does the LA need to improve?", and for a priority list under
        # the recommendations; any other list heading opens a section
        continues_aif = (
            kind == "areas-for-improvement"
            and st.list_kind == "areas-for-improvement"
            and st.after_heading
        )
        continues_priority = kind == "priority-actions" and w.pending_priority_under_recommendations
        if not (continues_aif or continues_priority):
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


def _skip_contents(lines: list[Line], i: int) -> int:
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
