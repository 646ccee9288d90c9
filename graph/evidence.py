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
