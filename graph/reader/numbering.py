"""Which numbered lines start a paragraph, decided for the whole report at once.

Ofsted numbers a report's paragraphs 1..N, but a line can also start with a
number because the sentence before it wrapped there ("... the number fell to
| 16. Many looked after children ..."). Deciding line by line ("numbers only
go up, by small steps") lets one such line derail the rest: Lancashire 2015's
executive summary had a wrapped "16." that the old walk took for paragraph 16,
after which the real paragraphs 1-16 (the authority's recommendations) were
refused as going backwards and silently merged into other text.

So the numbering is planned before the walk: every line that looks like
"N. Text" is a candidate, and the plan is the chain of candidates, in reading
order, whose numbers rise (by one, ideally: each number skipped costs) with
the best score. A candidate that looks like a wrapped line (the
line before it runs to the text's full width without ending a sentence, and
no blank line separates them) counts for less, so it is only taken where no
better-placed number fits. Numbers left out of the chain stay body text,
except a number printed again right after the paragraph that carries it
(a typo in the report, "45." twice): that text is kept as a unit of its own
rather than glued onto the paragraph before.

:func:`describe_gaps` names what is missing ("paragraphs 17-31 missing"), so
a report whose numbering is still not 1..N says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.reader.text import Line

#: "16. Text", "16.Text" (no space, as some PDFs set it), "11 . Text" (a space
#: after a kerned "1", Peterborough 2015), "89." alone
PARA_RE = re.compile(r"^(\d{1,3}) ?\.(?:\s+|(?=[A-Z'\"(])|$)(.*)$")

_GAP_COST = 0.6  # per number skipped (also before the first paragraph)
_WRAPPED_WEIGHT = 0.2  # a candidate that looks like a wrapped line
_MAX_NUMBER = 999  # PARA_RE takes up to three digits
_SENTENCE_END = re.compile(r"[.:;!?)\"'’”]$")


@dataclass
class Numbering:
    """The plan: which lines start which paragraph."""

    starts: dict[int, int] = field(default_factory=dict)  # line index -> number
    repeats: dict[int, int] = field(default_factory=dict)  # line index -> number printed again


def text_width(lines: list[Line]) -> int:
    """The usual length of a full line of body text (a median)."""
    lengths = sorted(len(x.text) for x in lines if len(x.text) > 20)
    return lengths[len(lengths) // 2] if lengths else 80


def looks_wrapped(lines: list[Line], i: int, width: int) -> bool:
    """Does line ``i`` continue the sentence of the line before it? (That
    line runs to the text's full width without ending a sentence, and no
    blank line separates them.)"""
    if i == 0 or lines[i].blank_before:
        return False
    prev = lines[i - 1].text
    return len(prev) >= 0.75 * width and not _SENTENCE_END.search(prev)


class _PrefixMax:
    """Best (value, item) over the keys 0..k, for keys that only gain value
    (a Fenwick tree): keeps the chain search linear-logarithmic whatever the
    text holds."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree: list[tuple[float, int]] = [(float("-inf"), -1)] * (size + 1)

    def update(self, key: int, value: tuple[float, int]) -> None:
        k = key + 1
        while k <= self.size:
            if value > self.tree[k]:
                self.tree[k] = value
            k += k & -k

    def best(self, key: int) -> tuple[float, int]:
        """The best value over keys 0..key."""
        out: tuple[float, int] = (float("-inf"), -1)
        k = key + 1
        while k > 0:
            if self.tree[k] > out:
                out = self.tree[k]
            k -= k & -k
        return out


def plan_numbering(lines: list[Line], begin: int = 0) -> Numbering:
    """Choose the paragraph starts among the lines from ``begin`` on."""
    width = text_width(lines)
    candidates: list[tuple[int, int, float]] = []  # (line index, number, weight)
    for i in range(begin, len(lines)):
        m = PARA_RE.match(lines[i].text)
        if m and int(m.group(1)) >= 1:
            weight = _WRAPPED_WEIGHT if looks_wrapped(lines, i, width) else 1.0
            candidates.append((i, int(m.group(1)), weight))
    if not candidates:
        return Numbering()

    # A chain ending on number n scores the sum of its weights less the cost
    # of the numbers it skips: score = w + max over m < n of (score(m) + cost
    # * m) - cost * (n - 1), with a virtual start m = 0 of score 0. ``ends``
    # holds score(m) + cost * m for the best chain so far ending on m.
    # Ties go to the earlier candidate (items are stored negated).
    ends = _PrefixMax(_MAX_NUMBER + 1)
    ends.update(0, (0.0, 1))
    score = [0.0] * len(candidates)
    previous = [-1] * len(candidates)
    for c, (_i, number, weight) in enumerate(candidates):
        held, via = ends.best(number - 1)
        score[c] = held + weight - _GAP_COST * (number - 1)
        previous[c] = -via
        ends.update(number, (score[c] + _GAP_COST * number, -c))

    end = max(range(len(candidates)), key=lambda c: score[c])
    chosen: list[int] = []
    at = end
    while at >= 0:
        chosen.append(at)
        at = previous[at]
    plan = Numbering({candidates[c][0]: candidates[c][1] for c in chosen})

    # a number printed again straight after its paragraph began: not glued on
    last = 0
    for i, number, weight in candidates:
        if i in plan.starts:
            last = number
        elif number == last and weight == 1.0:
            plan.repeats[i] = number
    return plan


def describe_gaps(numbers: list[int]) -> list[str]:
    """What is missing from 1..max(numbers): ``["paragraphs 17-31 missing"]``."""
    present = set(numbers)
    missing = [n for n in range(1, max(numbers, default=0) + 1) if n not in present]
    out: list[str] = []
    run: list[int] = []
    for n in [*missing, None]:
        if n is not None and (not run or n == run[-1] + 1):
            run.append(n)
            continue
        if run:
            if len(run) == 1:
                out.append(f"paragraph {run[0]} missing")
            else:
                out.append(f"paragraphs {run[0]}-{run[-1]} missing")
        run = [n] if n is not None else []
    return out
