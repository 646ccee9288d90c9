"""What sgkg reads from its ontology instead of hard-coding it."""

from __future__ import annotations

from graph import namespaces as ns
from graph.vocabulary import body_type_families, scheme_labels, symmetric_link_kinds


def test_symmetric_link_kinds_come_from_owl_symmetric_properties() -> None:
    assert symmetric_link_kinds() == {"works-with", "joint-arrangement-with", "shares-plan-with"}


def test_body_type_families_follow_skos_broader_transitively() -> None:
    families = body_type_families()
    assert {"ccg", "nhs-trust", "nhs-england", "icb"} <= families["health"]
    assert {"police", "probation", "yot", "ccg", "icb"} <= families["partner-agencies"]
    assert "lscb" not in families["partner-agencies"]


def test_labels_of_every_vocabulary_file_are_read() -> None:
    labels = scheme_labels(ns.BODY_TYPE)
    assert "LSCB" in labels["lscb"]
    assert "ICB" in labels["icb"]  # from vocabularies-partnerships.ttl
