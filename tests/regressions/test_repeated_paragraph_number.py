"""Regression (issue 18, item 7): a paragraph number printed twice ("45."
then "45." again, a typo in the report) glued the second paragraph, number
and all, onto the first. Now the second is a unit of its own (a block, since
its number is taken) and the reader says so."""

from __future__ import annotations

from graph.reader.parser import parse_report
from graph.resources import seed_report

SECOND = "45. This second paragraph forty-five is printed with the same number as the first."


def _seed_with_45_twice() -> str:
    lines = seed_report().read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("45. "))
    return "\n".join([*lines[: at + 1], SECOND, *lines[at + 1 :]])


def test_the_second_45_is_not_glued_onto_the_first() -> None:
    report = parse_report(_seed_with_45_twice(), "seed-45-twice.txt")
    assert [p.number for p in report.paragraphs] == list(range(1, 124))
    first = report.paragraph(45)
    assert first is not None and "printed with the same number" not in first.text
    repeated = [b for b in report.blocks if b.kind == "repeated-paragraph"]
    assert [b.text for b in repeated] == [SECOND[4:]]
    assert repeated[0].section == first.section
    assert any("paragraph number 45 is printed twice" in w for w in report.warnings)
