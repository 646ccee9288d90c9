"""Regression (issue 12, after extractor 2.13): extraction had grown to 0.45 s
per report on a quiet machine (target 0.3 s), half of it in two regular
expressions: the one pass over the link triggers and the quality cues, which
Python's engine tried, all alternatives, at every character of every sentence.

Both now open with ``(?<!\\w)(?=[a-z])`` and are tried at word starts only.
That is exact only while every trigger and every cue can match nothing but a
word that starts with a letter; these tests keep the speed-up honest: the
prefixed passes find exactly what the plain alternations find on every
sentence of the shipped seed report, and a trigger or cue that could start
elsewhere fails here rather than going silently unmatched."""

from __future__ import annotations

import re

import pytest

from graph.extract import links, quality
from graph.resources import seed_report


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    text = seed_report().read_text(encoding="utf-8")
    out = [s for line in text.splitlines() for s in re.split(r"(?<=[.;:])\s+", line) if s]
    assert len(out) > 500
    return out


def test_the_trigger_pass_finds_what_the_plain_alternation_finds(sentences: list[str]) -> None:
    plain = re.compile(
        "|".join(f"(?P<t{i}>{t.pattern.pattern})" for i, t in enumerate(links.TRIGGERS)), re.I
    )
    found = 0
    for s in sentences:
        want = [(m.span(), m.lastgroup) for m in plain.finditer(s)]
        assert [(m.span(), m.lastgroup) for m in links._ALL_TRIGGERS.finditer(s)] == want, s
        found += len(want)
    assert found > 50  # the seed is full of triggers: the comparison compared something


def test_the_cue_passes_find_what_the_plain_alternations_find(sentences: list[str]) -> None:
    cues = zip(
        quality.LEVELS,
        (quality._ABSENT, quality._WEAK, quality._DEVELOPING, quality._EFFECTIVE),
        strict=True,
    )
    found = 0
    for level, patterns in cues:
        plain = re.compile("|".join(f"(?:{p})" for p in patterns))
        for s in sentences:
            low = s.lower()
            want = [m.span() for m in plain.finditer(low)]
            assert [m.span() for m in quality._CUES[level].finditer(low)] == want, (level, s)
            found += len(want)
    assert found > 100


@pytest.mark.parametrize(
    "patterns",
    [
        [t.pattern.pattern for t in links.TRIGGERS],
        [*quality._ABSENT, *quality._WEAK, *quality._DEVELOPING, *quality._EFFECTIVE],
    ],
    ids=["triggers", "cues"],
)
def test_every_trigger_and_cue_starts_at_a_word_boundary(patterns: list[str]) -> None:
    # the word-start prefix relies on it: "\b" (after any lookbehinds) opens each one
    for p in patterns:
        body = re.sub(r"^(?:\(\?<!(?:[^()]|\([^()]*\))*\))+", "", p)
        assert body.startswith(r"\b"), p
