"""How sgkg cites the report: one home for paragraph labels, their order,
"para/paras N" citations and short quotes, used by the register, routes,
``show``, named queries and the explorer alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def unit_label(unit: str, number: Any = None) -> str:
    """How a paragraph or block is cited: ``"112"`` for a numbered
    paragraph, ``"area-information 19"`` for a block."""
    if number is not None:
        return str(number)
    if "/para/" in unit:
        return unit.rsplit("/para/", 1)[-1]
    if "/block/" in unit:
        return unit.rsplit("/block/", 1)[-1].replace("/", " ")
    return unit.rsplit("/", 1)[-1]


def evidence_order(label: str) -> tuple[int, int, str]:
    """Sort key: numbered paragraphs in number order, then blocks by name."""
    return (0, int(label), "") if label.isdigit() else (1, 0, label)


def sort_labels(labels: Iterable[str]) -> list[str]:
    return sorted((x for x in labels if x), key=evidence_order)


def cite(labels: Iterable[str]) -> str:
    """``"para 112"``, ``"paras 108, 115"``, blocks after: ``"para 3; area-information 2"``."""
    ordered = sort_labels(labels)
    numbered = [x for x in ordered if x.isdigit()]
    other = [x for x in ordered if not x.isdigit()]
    lead = [("para " if len(numbered) == 1 else "paras ") + ", ".join(numbered)] if numbered else []
    return "; ".join(lead + other)


def short_quote(text: str, limit: int = 160) -> str:
    """``text`` on one line, at most ``limit`` characters, cut at a word
    boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


#: words that carry each quality of a link, as inspectors write them
_CUES = {
    "weak": (
        "not ",
        "no ",
        "lack",
        "limited",
        "insufficient",
        "weak",
        "shortfall",
        "inconsistent",
        "underdeveloped",
        "under-developed",
        "not yet",
        "does not",
        "do not",
        "has not",
        "have not",
        "poor",
        "minimal",
        "unclear",
        "gap",
        "absence",
        "absent",
        "needs to",
        "need to",
        "not sufficiently",
        "not well",
        "too slow",
        "delay",
        "lacks",
        "fail",
    ),
    "effective": (
        "effective",
        "strong",
        "good",
        "well ",
        "robust",
        "positive",
        "clear",
        "constructive",
        "appropriate",
        "successful",
        "improved",
        "embedded",
        "high",
        "productive",
        "regular",
    ),
    "developing": (
        "developing",
        "recent",
        "beginning",
        "early",
        "emerging",
        "new ",
        "being developed",
        "starting",
        "not yet",
        "improving",
        "progress",
    ),
}
_CUES["absent"] = _CUES["weak"]


#: the cues that speak against each quality
_AGAINST = {"weak": "effective", "absent": "effective", "effective": "weak"}


def finding_quote(quotes: Iterable[str], quality: str) -> str:
    """Of a link's quotes, the one that states its quality: a sentence with
    that quality's cues and none against it comes first (a weak link is
    quoted by its weakness, not by the sentence of praise beside it); among
    equals, the shortest (the plainest statement; an order that does not
    depend on how a query happened to gather them), then the first given."""
    found = [" ".join(q.split()) for q in quotes if q and q.strip()]
    if not found:
        return ""
    own = _CUES.get(quality, ())
    against = _CUES.get(_AGAINST.get(quality, ""), ())

    def has(text: str, cues: tuple[str, ...]) -> bool:
        lowered = f" {text.lower()} "
        return any(c in lowered for c in cues)

    def score(text: str) -> int:
        return int(has(text, own)) - int(has(text, against))

    best = max(range(len(found)), key=lambda i: (score(found[i]), -len(found[i]), -i))
    return found[best]
