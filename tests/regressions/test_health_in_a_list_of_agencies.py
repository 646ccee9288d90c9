"""Regression (issue 12, extractor 1.4): "health" and "education" alone name
no body (too vague: "health needs", "education outcomes"), so in a list of
agencies they were dropped: "The co-location of police, health, education and
housing in the MASH" (ILACS wording) made the police and housing members of
the MASH but not health or education. In a list beside another agency they
name the agency; on their own they still name nothing."""

from __future__ import annotations

from graph.extract.bodies import find_mentions


def _types(sentence: str) -> list[str]:
    return [m.body_type for m in find_mentions(sentence)]


def test_health_and_education_in_a_list_of_agencies() -> None:
    types = _types("The co-location of police, health, education and housing enables checks.")
    assert types == ["police", "health", "education-services", "housing"], types


def test_a_list_that_opens_with_them() -> None:
    types = _types("Health, education and the police attend strategy meetings.")
    assert types == ["health", "education-services", "police"], types


def test_alone_they_name_nothing() -> None:
    assert _types("Their health and education needs are met.") == []
