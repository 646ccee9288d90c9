"""Extraction: what a parsed report says, beyond its structure.

Reading (:mod:`graph.reader`) gives a report's structure and text; this
stage adds what the text is about: the bodies and topics each paragraph
mentions, the area statistics and previous inspections of the "information
about this area" bullets. It runs after reading and before RDF
(:func:`graph.ingest.build_report`), so the reader stays free of the
vocabularies it would otherwise need.
"""

from __future__ import annotations

from graph.extract.mentions import body_types_in, topics_in
from graph.extract.statistics import previous_inspections_in, statistics_in
from graph.reader.model import Report

__all__ = ["extract_report"]


def extract_report(report: Report) -> Report:
    """Fill in the mentions, statistics and previous inspections of a parsed
    report (in place) and return it."""
    for unit in [*report.paragraphs, *report.blocks]:
        unit.body_types = body_types_in(unit.text)
        unit.topics = topics_in(unit.text)
    info = [b for b in report.blocks if b.kind == "area-information"]
    report.statistics = statistics_in(info, report)
    report.previous_inspections = previous_inspections_in(info)
    return report
