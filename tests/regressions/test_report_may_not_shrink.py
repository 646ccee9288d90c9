"""Regression (issue 18, item 3): a truncated or garbled copy of a report
parsed with exit 0 and would have replaced the complete one: half the seed
gave 65 of 123 paragraphs, its front page alone 0, shuffled numbering 4 (with
only a warning). The reader now refuses text that lacks what its template
must have: the judgement table, numbered paragraphs in plausible number and
running to the last chapter, and the LSCB review of a SIF+LSCB report."""

from __future__ import annotations

import random
import re

import pytest

from graph.errors import ReportError
from graph.reader.parser import parse_report
from graph.resources import seed_report

SEED = seed_report().read_text(encoding="utf-8")


def test_the_seed_itself_is_read() -> None:
    assert len(parse_report(SEED, "seed.txt").paragraphs) == 123


def test_half_the_seed_is_refused() -> None:
    lines = SEED.splitlines()
    with pytest.raises(ReportError, match="truncated"):
        parse_report("\n".join(lines[: len(lines) // 2]), "half.txt")


def test_the_seed_without_its_lscb_review_is_refused() -> None:
    cut = SEED[: SEED.rindex("Section 2")]
    with pytest.raises(ReportError, match="Local Safeguarding Children Board"):
        parse_report(cut, "no-lscb.txt")


def test_the_front_page_alone_is_refused() -> None:
    front = SEED[: SEED.index("Contents")]
    with pytest.raises(ReportError, match="0 numbered paragraphs"):
        parse_report(front, "front-page.txt")


def test_shuffled_numbering_is_refused() -> None:
    lines = SEED.splitlines()
    table_end = SEED[: SEED.index("Contents")].count("\n")
    numbered = [
        i for i, line in enumerate(lines) if i > table_end and re.match(r"^\d{1,3}\. ", line)
    ]
    numbers = [lines[i].split(" ", 1)[0] for i in numbered]
    random.Random(18).shuffle(numbers)
    for i, number in zip(numbered, numbers, strict=True):
        lines[i] = number + " " + lines[i].split(" ", 1)[1]
    with pytest.raises(ReportError, match="numbered paragraphs"):
        parse_report("\n".join(lines), "shuffled.txt")


def test_a_report_cut_before_its_last_chapter_is_refused() -> None:
    cut = SEED[: SEED.index("Leadership, management and governance requires improvement")]
    with pytest.raises(ReportError):
        parse_report(cut, "cut.txt")


def test_implausibly_many_paragraphs_are_refused() -> None:
    # the seed with page after page of numbered "findings" in its last chapter
    at = SEED.rindex("What the inspection judgements mean: the local authority")
    padding = "".join(f"{n}. Bogus finding number {n}.\n" for n in range(124, 1000))
    with pytest.raises(ReportError, match=r"numbered paragraphs \(limit 800\)"):
        parse_report(SEED[:at] + padding + SEED[at:], "padded.txt")


def test_implausibly_long_lists_are_refused() -> None:
    at = SEED.index("Areas for improvement")
    padding = "".join(f"• Bogus area for improvement {n}.\n" for n in range(1000))
    with pytest.raises(ReportError, match="a list of"):
        parse_report(SEED[: at + 22] + padding + SEED[at + 22 :], "long-list.txt")
