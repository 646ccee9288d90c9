"""Where a link comes from: read by a person (a curated layer) or found by
sgkg's extractor, and which of two links saying the same thing wins.

An extracted link is one an ``sg:Extraction`` activity generated; its IRI is
always under ``id/link/extracted/`` (graph/rdf/extraction.py), never a curated
link's. Where a curated link and an extracted one join the same two bodies by
the same kind and cite the same report, the curated one wins: the extracted
twin is left out, so nothing is counted twice. The named queries apply the
same rule in SPARQL (``data/queries/weak-links.rq``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

CURATED = "curated"
EXTRACTED = "extracted"

_EXTRACTED_PATH = "/id/link/extracted/"
_REPORT = re.compile(r"/report/([^/]+/[^/]+)/")

T = TypeVar("T")


def how(link_iri: str) -> str:
    """``"extracted"`` for a link sgkg's extractor made, else ``"curated"``."""
    return EXTRACTED if _EXTRACTED_PATH in link_iri else CURATED


def reports_cited(evidence_iris: Iterable[str]) -> frozenset[str]:
    """The reports (``authority/date``) whose paragraphs or blocks are cited."""
    return frozenset(m.group(1) for e in evidence_iris if (m := _REPORT.search(e)))


def curated_wins(
    links: Iterable[T],
    *,
    iri: Callable[[T], str],
    ends: Callable[[T], tuple[str, str, str]],
    evidence: Callable[[T], Iterable[str]],
    symmetric: frozenset[str] = frozenset(),
) -> list[T]:
    """``links`` without the extracted ones that a curated link shadows: same
    ``ends`` (source, kind, target; either way round for a kind in
    ``symmetric``) and at least one report cited by both. Order is kept."""

    def key(item: T) -> tuple[str, str, str]:
        source, kind, target = ends(item)
        if kind in symmetric and target < source:
            source, target = target, source
        return source, kind, target

    items = list(links)
    curated: dict[tuple[str, str, str], set[str]] = {}
    for item in items:
        if how(iri(item)) == CURATED:
            curated.setdefault(key(item), set()).update(reports_cited(evidence(item)))
    kept = []
    for item in items:
        if how(iri(item)) == EXTRACTED:
            shadow = curated.get(key(item))
            if shadow is not None and shadow & reports_cited(evidence(item)):
                continue
        kept.append(item)
    return kept
