"""The walk: a report's lines after its judgement table -> sections, numbered
paragraphs, citable blocks and summary lists.

One walk serves every template; the template gives it the headings it
prints (:mod:`graph.reader.headings`), whether it has an LSCB part, where the
walk starts, and the numbering plan (:mod:`graph.reader.numbering`) that says
which lines start a paragraph. Anything that is not a heading is body text:
it continues the current unit or starts an unnumbered block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.reader.headings import Heading, HeadingRules, match_heading
from graph.reader.judgements import LSCB_RE
from graph.reader.model import Report, Section, SummaryList, TextUnit
from graph.reader.numbering import PARA_RE, Numbering, text_width
from graph.reader.text import BULLET_LINE, Line

LIST_KINDS = {
    "key-findings",
    "strengths",
    "areas-for-improvement",
    "priority-actions",
    "recommendations",
    "executive-summary",
    "what-needs-to-improve",
}
PART_TITLES = {
    "local-authority": "The local authority",
    "lscb": "The effectiveness of the Local Safeguarding Children Board",
}


@dataclass
class WalkSettings:
    """What the template tells the walk."""

    headings: HeadingRules
    #: the report has an LSCB review part (its headings switch to it)
    lscb_part: bool = False
    #: the part the walk is in once past the judgement table ("front": wait
    #: for the first template heading; "local-authority" or "lscb": in it)
    start_part: str = "front"
    #: the part the first template heading after the front page opens
    first_part: str = "local-authority"
    #: a section (key, title) the text straight after the judgement table opens
    start_section: tuple[str, str] | None = None
    #: the list that text belongs to
    start_list: str | None = None


@dataclass
class _State:
    part: str = "front"
    section: str | None = None
    area: str | None = None
    list_kind: str | None = None
    heading: str | None = None
    after_heading: bool = True


class Walker:
    def __init__(
        self, report: Report, lines: list[Line], settings: WalkSettings, numbering: Numbering
    ) -> None:
        self.report = report
        self.lines = lines
        self.settings = settings
        self.numbering = numbering
        self.state = _State()
        self.unit: TextUnit | None = None
        self.unit_lines: list[str] = []
        self.block_counts: dict[str, int] = {}
        self.lists: dict[tuple[str, str], SummaryList] = {}
        self.sections: dict[str, Section] = {}
        self.pending_priority_under_recommendations = False
        #: the LSCB's grade as a heading or statement of its section words it
        self.lscb_statement: str | None = None
        self.width = text_width(lines)

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
        if kind not in LIST_KINDS:
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
            self._new_section(parent, PART_TITLES[part], None, None)
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

    # -- the walk
    def walk(self, begin: int) -> None:
        """Walk the lines from ``begin`` (after the judgement table)."""
        lines = self.lines
        settings = self.settings
        if settings.start_part in PART_TITLES:
            self.switch_part(settings.start_part, PART_TITLES[settings.start_part])
            if settings.start_section:
                self.enter_section(*settings.start_section)
            self.state.list_kind = settings.start_list
        i = begin
        bullet_base: int | None = None
        while i < len(lines):
            st = self.state
            line = lines[i]
            heading = match_heading(settings.headings, lines, i)
            if heading and heading.kind == "contents":
                self.close()
                i = _skip_contents(lines, i + 1)
                continue
            if heading:
                i += heading.lines
                bullet_base = None
                self.apply_heading(heading)
                continue
            if st.part in ("front", "back"):
                i += 1
                continue
            number = self.numbering.starts.get(i)
            if number is not None:
                m = PARA_RE.match(line.text)
                assert m is not None  # the plan only holds lines that match
                self.open("paragraph", number, m.group(2))
                st.after_heading = False
                bullet_base = None
                i += 1
                continue
            repeated = self.numbering.repeats.get(i)
            if repeated is not None:
                # the report prints this number twice: keep the text apart
                m = PARA_RE.match(line.text)
                assert m is not None
                self.report.warnings.append(
                    f"paragraph number {repeated} is printed twice; the text after the "
                    "second is kept as a block of its own"
                )
                self.open_block("repeated-paragraph", m.group(2))
                i += 1
                continue
            if line.bullet:
                body = BULLET_LINE.sub("", line.text, count=1)
                if bullet_base is None or line.indent < bullet_base:
                    bullet_base = line.indent
                sub = line.indent > bullet_base
                if self.unit is not None and (
                    sub or (self.unit.kind == "paragraph" and not st.after_heading)
                ):
                    self.unit_lines.append("\x00" + body)
                else:
                    kind = self.block_kind()
                    if kind:
                        self.open_block(kind, body)
                    else:
                        self.close()
                i += 1
                continue
            if _is_subheading(lines, i) and not (
                self.unit and self.unit.kind == "paragraph" and not line.blank_before
            ):
                self.close()
                st.heading = line.text
                st.after_heading = True
                if st.part == "lscb" and not self.lscb_statement:
                    m2 = LSCB_RE.search(line.text)
                    if m2:
                        self.lscb_statement = m2.group(1)
                i += 1
                continue
            # body text: continues the current unit, or starts an unnumbered one
            if st.part == "lscb" and not self.lscb_statement:
                m2 = LSCB_RE.search(line.text)
                if m2 and (self.unit is None or self.unit.kind != "paragraph"):
                    self.lscb_statement = m2.group(1)
            if self.unit is not None and (
                self.unit.kind == "paragraph" or not _starts_paragraph(lines, i, self.width)
            ):
                self.unit_lines.append(line.text)
                i += 1
                continue
            if st.list_kind == "executive-summary":
                kind = "executive-summary" if st.part != "lscb" else "lscb-executive-summary"
                self.open_block(kind, line.text)
            else:
                self.close()
            i += 1
        self.close()

    def block_kind(self) -> str | None:
        st = self.state
        prefix = "lscb-" if st.part == "lscb" else ""
        if st.section and st.section.endswith("area-information"):
            return "area-information"
        if st.list_kind in LIST_KINDS:
            return prefix + st.list_kind
        if st.section and st.section.endswith("summary-for-children"):
            return "summary-for-children"
        return None

    def apply_heading(self, h: Heading) -> None:
        st = self.state
        if h.kind == "part-la":
            if st.part != "local-authority":
                self.switch_part("local-authority", h.title)
            if h.value:
                self.state.list_kind = h.value
            return
        if h.kind == "part-lscb":
            if self.settings.lscb_part and (
                self.report.paragraphs or st.part == "back" or st.part == "local-authority"
            ):
                if st.part != "lscb":
                    self.switch_part("lscb", h.title)
                if not self.lscb_statement:
                    m = LSCB_RE.search(h.title)
                    if m:
                        self.lscb_statement = m.group(1)
            return
        if h.kind == "back":
            self.close()
            self.state = _State(part="back")
            return
        if st.part in ("front", "back"):
            if h.kind in ("list", "section", "area"):
                # the first template heading after the front page opens the
                # part the template starts with
                if st.part == "back":
                    return
                part = self.settings.first_part
                self.switch_part(part, PART_TITLES[part])
                st = self.state
            else:
                return
        self.close()
        if h.kind == "list":
            kind = h.value or ""
            if (
                kind == "priority-actions"
                and st.list_kind == "recommendations"
                and st.after_heading
            ):
                self.pending_priority_under_recommendations = True
            else:
                self.pending_priority_under_recommendations = False
            # stay in the current section for "Areas for improvement" straight
            # under "What does the LA need to improve?", and for a priority
            # list under the recommendations; any other list heading opens a
            # section
            continues_aif = (
                kind == "areas-for-improvement"
                and st.list_kind == "areas-for-improvement"
                and st.after_heading
            )
            continues_priority = (
                kind == "priority-actions" and self.pending_priority_under_recommendations
            )
            if not (continues_aif or continues_priority):
                self.enter_section(_slug(h.title), h.title, st.area)
            st.list_kind = kind
            st.heading = None
            st.after_heading = True
            return
        if h.kind == "area":
            in_list = st.list_kind in LIST_KINDS and st.list_kind != "executive-summary"
            if (
                in_list or h.title.lower().startswith(("adoption", "care leavers"))
            ) and not h.graded:
                st.heading = h.title  # a theme heading inside a list, not a chapter
                return
            if st.area == h.value and st.after_heading:
                return  # the chapter's heading repeated in a "Key judgement" box
            st.area = h.value
            self.enter_section(h.value or _slug(h.title), h.title, h.value)
            st.list_kind = None
            st.heading = None
            st.after_heading = True
            return
        # a plain section
        self.enter_section(
            h.value or _slug(h.title), h.title, st.area if h.value == "findings" else None
        )
        if h.value != "findings":
            st.area = "lscb" if st.part == "lscb" else None
        st.list_kind = None
        st.heading = None
        st.after_heading = True


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
    if line.bullet or PARA_RE.match(text) or len(text) > 100 or len(text.split()) > 14:
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
        or PARA_RE.match(nxt.text)
        or (nxt.text[:1].isupper() and not re.search(r"[.:;]$", text))
    )


def _starts_paragraph(lines: list[Line], i: int, width: int) -> bool:
    """Does unnumbered line ``i`` start a new paragraph? After a blank line
    (unless it runs on in lower case, as across a page break), or after a
    line that ends a sentence well short of the text's usual width."""
    line = lines[i]
    if line.blank_before:
        return not line.text[:1].islower()
    prev = lines[i - 1].text if i else ""
    return bool(re.search(r"[.!?]['\"]?$", prev)) and len(prev) < 0.75 * width


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
