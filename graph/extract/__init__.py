"""Extraction: what a parsed report says, beyond its structure (bodies and
topics mentioned, area statistics, previous inspections, partnership links)."""
