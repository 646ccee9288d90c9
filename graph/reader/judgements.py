"""The judgement table and the overall and LSCB judgement statements."""

from __future__ import annotations

import re

from graph.reader.model import Judgement
from graph.reader.text import GRADE, Line, norm

# ---------------------------------------------------------------- judgement table

_AREA_LABELS = [
    ("help-and-protection", r"help\s+and\s+protection"),
    # ILACS: "children in care and care leavers"; from 2023 "children in care" alone
    (
        "looked-after",
        r"looked\s+after\s+and\s+achieving|children\s+in\s+care(?:\s+and\s+care\s+leavers)?",
    ),
    ("adoption", r"adoption\s+performance"),
    # Bracknell Forest 2026 prints "children care leavers"
    ("care-leavers", r"experiences\s+and\s+progress\s+of\s+(?:children\s+)?care\s+leavers"),
    ("leadership", r"leadership,?\s+management|impact\s+of\s+leaders"),
    ("overall", r"overall\s+effectiveness"),
]
_AREA_LABEL_RE = re.compile(
    "|".join(f"(?P<{k.replace('-', '_')}>{p})" for k, p in _AREA_LABELS), re.I
)
GRADE_WORD = re.compile(
    r"\b(?:outstanding|good|requires?|improvement|inadequate|adequate|not|judged|satisfactory|to|be)\b",
    re.I,
)
GRADE_ONLY = re.compile(rf"^(?:(?:{GRADE_WORD.pattern})[\s.]*)+$", re.I)


def grade_key(phrase: str) -> str:
    """``"Requires improvement to be good"`` -> ``"requires-improvement"``."""
    p = norm(phrase)
    if p.startswith("require"):
        return "requires-improvement"
    if p.startswith("not judged"):
        return "not-judged"
    return {"satisfactory": "adequate"}.get(p, p)


def grades_in(text: str) -> list[str]:
    """Grades in reading order from a stream of grade words."""
    words = [w.lower() for w in GRADE_WORD.findall(text)]
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


def judgement_table(lines: list[Line], limit: int) -> tuple[list[Judgement], int, int, str]:
    """Find the table of area judgements among the first ``limit`` lines.

    Grades are read in order from the table's grade words, areas in order
    from its labels, and paired: this holds whether a grade sits beside its
    label, or its words are split above and below a wrapped label."""
    start = None
    for i, line in enumerate(lines[:limit]):
        if re.match(r"^(?:1\s?\.?\s+)?children who need help and protection", line.label, re.I) or (
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
        and GRADE_ONLY.match(lines[start - 1].text)
        and lines[start - 1].indent > row_indent + 20
    ):
        start -= 1
    end = start
    seen_labels = 0
    for j in range(start, min(len(lines), start + 40)):
        line = lines[j]
        if j == start:
            continue
        if _AREA_LABEL_RE.search(line.text) or GRADE_ONLY.match(line.text):
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
    grades = grades_in(joined)
    label_text = GRADE_WORD.sub(" ", joined)
    areas = [
        m.lastgroup.replace("_", "-") for m in _AREA_LABEL_RE.finditer(label_text) if m.lastgroup
    ]
    areas = list(dict.fromkeys(areas))
    judgements = [Judgement(a, g, "local-authority") for a, g in zip(areas, grades, strict=False)]
    return judgements, start, end, table_text


OVERALL_RES = [
    re.compile(
        rf"overall judgement is(?: that children's services)?\s*(?:are\s+|is\s+)?:?\s*({GRADE})",
        re.I,
    ),
    re.compile(
        rf"children's services in [A-Z][\w .,'&-]{{1,60}}? (?:are|is|were)\s+"
        rf"(?:judged\s+(?:to\s+be\s+)?)?({GRADE})",
        re.I,
    ),
    re.compile(rf"children's services in [A-Z][\w .,'&-]{{1,60}}? ({GRADE})", re.I),
]
LSCB_RE = re.compile(
    r"(?:effectiveness of the (?:local safeguarding children board|lscb)(?:\s*\(lscb\))?"
    r"|\bthe (?:local safeguarding children board|lscb)(?:\s*\(lscb\))?)"
    rf"\s+(?:is\s+|are\s+)?(?:judged\s+(?:to\s+be\s+)?)?({GRADE})\b",
    re.I,
)
