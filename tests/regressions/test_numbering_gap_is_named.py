"""Regression (issue 13, item 2): when the numbering is not 1..N the reader
said only "paragraph numbering has gaps", or (with a hole wider than its
step limit) silently glued every later paragraph onto the last one before
the hole. Now the paragraphs after a hole are kept, and the warning names
what is missing."""

from __future__ import annotations

import re

from graph.reader.parser import parse_report
from graph.resources import seed_report

SEED = seed_report().read_text(encoding="utf-8").splitlines()


def _without(numbers: range) -> str:
    drop = {f"{n}." for n in numbers}
    return "\n".join(line for line in SEED if line.split(" ", 1)[0] not in drop)


def test_a_hole_of_fifteen_paragraphs_is_named_and_the_rest_kept() -> None:
    report = parse_report(_without(range(17, 32)), "seed-with-a-hole.txt")
    numbers = [p.number for p in report.paragraphs]
    assert numbers == [*range(1, 17), *range(32, 124)]
    assert "paragraph numbering is not 1..N: paragraphs 17-31 missing" in report.warnings
    # paragraph 16 holds its own text only, not the paragraphs after the hole
    assert report.paragraph(16).text.startswith("Substantial improvements have been made")
    assert "Thresholds for services" not in report.paragraph(16).text


def test_two_holes_and_a_single_missing_paragraph() -> None:
    text = _without(range(40, 41))
    text = "\n".join(line for line in text.splitlines() if not re.match(r"^(?:9[0-5])\.", line))
    report = parse_report(text, "seed-with-holes.txt")
    assert (
        "paragraph numbering is not 1..N: paragraph 40 missing; paragraphs 90-95 missing"
        in report.warnings
    )
