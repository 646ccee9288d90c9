"""Report text made regular: characters, markup, page furniture, lines, dates.

The first step of :func:`graph.reader.parser.parse_report`, shared by every
input form (PDF text from :mod:`graph.reader.pdf`, ``pdftotext -layout``
text, hand-made text such as the seed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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
GRADE = (
    r"outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate"
    r"|not\s+judged|satisfactory"
)
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november"
        " december".split()
    )
}
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)

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
class Line:
    text: str  # stripped
    indent: int
    blank_before: bool
    label: str  # first column (text before a tab or a run of 3+ spaces)

    @property
    def bullet(self) -> bool:
        return bool(BULLET_LINE.match(self.text))


BULLET_LINE = re.compile(rf"^(?:[{_BULLETS}]|[-–](?=\s))\s*")
_COLUMN_SPLIT = re.compile(r"\t+|\s{3,}")


def split_lines(text: str) -> tuple[list[Line], list[str]]:
    """Split cleaned text into lines, dropping page numbers and footnotes."""
    out: list[Line] = []
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
        out.append(Line(stripped, indent, blank, label))
        blank = False
    return out, footnotes


def norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# ---------------------------------------------------------------- metadata


def parse_date(text: str, default_year: int | None = None) -> date | None:
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
        return date(year, MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def inspection_dates(line: str) -> tuple[date | None, date | None]:
    body = line.split(":", 1)[1] if ":" in line else line
    parts = re.split(r"\s*(?:–|—|\s-\s|\bto\b)\s*", body, maxsplit=1)
    end = parse_date(parts[-1])
    start = parse_date(parts[0], end.year if end else None) if len(parts) > 1 else None
    if start is None and end is not None and len(parts) > 1:
        day = re.fullmatch(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s*", parts[0])
        if day:  # "4 to 15 December 2023": the month and year are the end's
            try:
                start = end.replace(day=int(day.group(1)))
            except ValueError:
                start = None
    if start and end and start > end:  # "20 December to 10 January 2015"
        start = start.replace(year=start.year - 1)
    return start, end
