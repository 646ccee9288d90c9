"""Property tests of the report parser (issue 4): whatever text it is given,
it either parses or refuses with a ReportError, never anything else, and the
paragraph numbers it finds always go strictly up."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import ReportError
from graph.extract import extract_report
from graph.reader.parser import Report, parse_report
from graph.resources import seed_report

SEED_LINES = seed_report().read_text(encoding="utf-8").splitlines()
SYNTHETIC_LINES = (
    (Path(__file__).parents[1] / "fixtures" / "reports" / "exampleshire-synthetic.txt")
    .read_text(encoding="utf-8")
    .splitlines()
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_or_refuse(text: str) -> Report | None:
    try:
        report = extract_report(parse_report(text, "generated"))
    except ReportError:
        return None
    numbers = [p.number for p in report.paragraphs]
    assert all(a < b for a, b in itertools.pairwise(numbers)), numbers
    for lst in report.lists:
        assert all(item.text is not None for item in lst.items)
    return report


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    parse_or_refuse(text)


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_decoded_leniently(data: bytes) -> None:
    parse_or_refuse(data.decode("utf-8", errors="replace"))


def _mutate(lines: list[str], edits: list[tuple[int, bool]]) -> str:
    out = list(lines)
    for position, duplicate in edits:
        if not out:
            break
        i = position % len(out)
        if duplicate:
            out.insert(i, out[i])
        else:
            del out[i]
    return "\n".join(out)


EDITS = st.lists(st.tuples(st.integers(min_value=0, max_value=10_000), st.booleans()), max_size=40)


@SETTINGS
@given(EDITS)
def test_seed_with_lines_deleted_or_duplicated(edits: list[tuple[int, bool]]) -> None:
    parse_or_refuse(_mutate(SEED_LINES, edits))


@SETTINGS
@given(EDITS)
def test_synthetic_report_with_lines_deleted_or_duplicated(edits: list[tuple[int, bool]]) -> None:
    parse_or_refuse(_mutate(SYNTHETIC_LINES, edits))


@SETTINGS
@given(st.lists(st.sampled_from(SEED_LINES[:60]), max_size=80), st.text(max_size=200))
def test_front_page_lines_shuffled_with_noise(lines: list[str], noise: str) -> None:
    parse_or_refuse("\n".join([*lines, noise]))


def test_the_unmutated_seed_still_parses() -> None:
    # the properties above would pass vacuously if every input were refused
    report = parse_or_refuse("\n".join(SEED_LINES))
    assert report is not None and len(report.paragraphs) == 123
