"""How far to trust one extracted link: a logistic model of what the link and
its sentence look like.

A rule's record on the development labels (:data:`graph.extract.links.RULE_RECORD`)
decides which rules are emitted at all, but measured out of sample it does not
tell a right link from a wrong one (leave one report out, its area under the
ROC curve is 0.49: chance). What does is the shape of the finding: how many
bodies and links the sentence holds, whether an end was filled in from
context, whether a cue word decided the quality, the kind and quality of the
link and the types of its ends. :func:`link_features` describes a link by
those; :func:`model_confidence` weighs them with the coefficients
``python bench/extract_bench.py confidence`` fits on the development labels
and writes to :mod:`graph.extract.confidence_model` (no model is downloaded or
loaded at run time: the weights are a dictionary in the package).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Protocol


class _Link(Protocol):
    """What the model reads of a :class:`graph.extract.links.Link` (a protocol, so
    that this module, which ``links`` imports, imports nothing of it)."""

    source: str
    target: str
    kind: str
    quality: str
    paragraphs: list[int]
    quotes: list[str]
    cue: str | None
    implied: bool


class _Body(Protocol):
    """What the model reads of a :class:`graph.extract.links.Body`."""

    body_type: str
    names: list[str]
    own: bool


def link_features(
    links: Iterable[_Link], bodies: Mapping[str, _Body], framework: str
) -> list[dict[str, float]]:
    """One feature dictionary per link of ``links`` (every candidate of one
    report, before any is held back): what :func:`model_confidence` weighs."""
    links = list(links)
    shared = Counter(q for link in links for q in set(link.quotes[:1]))
    names = [(b, [n for n in b.names if n]) for b in bodies.values()]
    ilacs = float(framework.startswith("ilacs"))
    out = []
    for link in links:
        quote = link.quotes[0] if link.quotes else ""
        source, target = bodies.get(link.source), bodies.get(link.target)
        named = sum(1 for _, ns in names if any(n in quote for n in ns))
        f = {
            "implied": float(link.implied),
            "cue": float(link.cue is not None),
            "log_links_in_sentence": math.log(max(1, shared[quote])),
            "log_words": math.log1p(len(quote.split())),
            "several_paragraphs": float(len(link.paragraphs) > 1),
            "several_quotes": float(len(link.quotes) > 1),
            "log_bodies_in_sentence": math.log1p(named),
            "other_area": float(
                not (source is None or source.own) or not (target is None or target.own)
            ),
            "ilacs": ilacs,
            f"kind={link.kind}": 1.0,
            f"quality={link.quality}": 1.0,
        }
        for end in (source, target):
            if end is not None:
                key = f"type={end.body_type}"
                f[key] = f.get(key, 0.0) + 1.0
        out.append(f)
    return out


def model_confidence(
    features: Mapping[str, float],
    weights: Mapping[str, float] | None = None,
    intercept: float | None = None,
) -> float:
    """The model's estimate, from 0.05 to 0.95, that a link with these
    ``features`` joins the right two bodies in the right paragraph of a report
    the model was not fitted on (``weights`` and ``intercept`` default to the
    shipped model)."""
    if weights is None or intercept is None:
        from graph.extract import confidence_model as m

        weights = m.WEIGHTS if weights is None else weights
        intercept = m.INTERCEPT if intercept is None else intercept
    z = intercept + sum(weights.get(k, 0.0) * v for k, v in features.items())
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return round(min(0.95, max(0.05, p)), 2)
