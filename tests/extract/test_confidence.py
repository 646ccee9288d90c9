"""The link-confidence model (graph/extract/confidence.py): what it reads from
a link and its sentence, and how it weighs that."""

from __future__ import annotations

import math

import pytest

from graph.extract.confidence import link_features, model_confidence
from graph.extract.links import FLOOR, confidence, record_key
from tests.fixtures.extract.support import end_types, extract_paragraph, fixture_paragraphs


def test_the_features_describe_the_link_and_its_sentence() -> None:
    x = extract_paragraph("The LSCB has a strong relationship with the Health and Wellbeing Board.")
    (link,) = x.links
    f = link.features
    assert f["log_bodies_in_sentence"] == pytest.approx(math.log1p(2))
    assert f["log_links_in_sentence"] == 0.0
    assert f["implied"] == 0.0 and f["cue"] == 1.0
    assert f[f"kind={link.kind}"] == 1.0 and f[f"quality={link.quality}"] == 1.0
    types = end_types(x)
    assert f[f"type={types[link.source]}"] == 1.0 and f[f"type={types[link.target]}"] == 1.0


def test_links_from_one_sentence_count_each_other() -> None:
    x = extract_paragraph("The police and housing are represented on the board.")
    assert len(x.links) == 2
    for f in link_features(x.links, x.bodies, "sif-lscb"):
        assert f["log_links_in_sentence"] == pytest.approx(math.log(2))


def test_the_model_is_a_logistic_of_the_weighted_features() -> None:
    assert model_confidence({"a": 1.0}, {"a": 2.0}, -2.0) == 0.5
    assert model_confidence({"a": 1.0}, {"a": 2.0}, 0.0) == round(1 / (1 + math.exp(-2)), 2)
    assert model_confidence({"unknown": 5.0}, {"a": 2.0}, 0.0) == 0.5  # unknown features weigh 0
    # never certain either way
    assert model_confidence({"a": 1.0}, {"a": 50.0}, 0.0) == 0.95
    assert model_confidence({"a": 1.0}, {"a": -50.0}, 0.0) == 0.05


@pytest.mark.parametrize("key", sorted(fixture_paragraphs("precision-rules.txt")))
def test_every_link_carries_the_shipped_model_s_confidence(key: str) -> None:
    part, text = fixture_paragraphs("precision-rules.txt")[key]
    for link in extract_paragraph(text, part).links:
        assert link.confidence == model_confidence(link.features)
        assert 0.05 <= link.confidence <= 0.95
        # which links are emitted is still the rule's record
        assert confidence(record_key(link)) >= FLOOR
