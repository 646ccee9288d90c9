"""Find which kinds of body and which topics a piece of report text mentions.

The search terms are the SKOS labels of the body-type and topic schemes in
``ontology/vocabularies.ttl`` (prefLabel and every altLabel), read once and
cached, so adding an acronym to the vocabulary teaches the reader to find it.
Matching follows the vocabulary's own rule: an all-capitals label ("LSCB",
"MAPPA") matches case-sensitively, any other label case-insensitively; both
match whole words only, with an optional plural "s" or "es". A mention is not a link:
it only says that the text names a body of that kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph import namespaces as ns

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u2011": "-"})


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, list[str]]]:
    """{scheme namespace: {concept key: [labels]}} for body types and topics."""
    import pyoxigraph as ox

    from graph.resources import ontology_dir

    pref = ns.SKOS + "prefLabel"
    alt = ns.SKOS + "altLabel"
    wanted = {ns.BODY_TYPE: {}, ns.TOPIC: {}}
    path = ontology_dir() / "vocabularies.ttl"
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if triple.predicate.value not in (pref, alt):
            continue
        subject = triple.subject.value
        for base, table in wanted.items():
            if subject.startswith(base):
                table.setdefault(subject[len(base) :], []).append(triple.object.value)
    return wanted


_TOKEN = re.compile(r"[\w'-]+|&")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.translate(_QUOTES))


@lru_cache(maxsize=2)
def _index(scheme: str) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str], int]:
    """Label token tuples (and their plurals) to concept keys: one table for
    all-capitals labels, matched as written, one for the rest, lower-cased."""
    exact: dict[tuple[str, ...], str] = {}
    folded: dict[tuple[str, ...], str] = {}
    longest = 1
    for key, labels in sorted(_labels()[scheme].items()):
        for label in labels:
            words = _tokens(label)
            if not words:
                continue
            table = exact if label.isupper() else folded
            if table is folded:
                words = [w.lower() for w in words]
            longest = max(longest, len(words))
            for tail in ("", "s", "es"):
                table.setdefault((*words[:-1], words[-1] + tail), key)
    return exact, folded, longest


def _find(text: str, scheme: str) -> list[str]:
    exact, folded, longest = _index(scheme)
    words = _tokens(text)
    lowered = [w.lower() for w in words]
    found: set[str] = set()
    for i in range(len(words)):
        for n in range(1, min(longest, len(words) - i) + 1):
            key = exact.get(tuple(words[i : i + n])) or folded.get(tuple(lowered[i : i + n]))
            if key:
                found.add(key)
    return sorted(found)


def body_types_in(text: str) -> list[str]:
    """Keys of the body types ``text`` mentions, e.g. ``["family-justice-board", "mappa-smb"]``."""
    return _find(text, ns.BODY_TYPE)


def topics_in(text: str) -> list[str]:
    """Keys of the topics ``text`` mentions, e.g. ``["cse", "missing"]``."""
    return _find(text, ns.TOPIC)
