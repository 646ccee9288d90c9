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
from graph.vocabulary import scheme_labels

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u2011": "-"})


_TOKEN = re.compile(r"[\w'-]+|&")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.translate(_QUOTES))


@lru_cache(maxsize=2)
def _index(
    scheme: str,
) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str], int, frozenset[str]]:
    """Label token tuples (and their plurals) to concept keys: one table for
    all-capitals labels, matched as written, one for the rest, lower-cased;
    plus the words a label can start with (as written or lower-cased), so
    most words are passed over with one set lookup."""
    exact: dict[tuple[str, ...], str] = {}
    folded: dict[tuple[str, ...], str] = {}
    longest = 1
    for key, labels in sorted(scheme_labels(scheme).items()):
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
    starts = frozenset(k[0] for k in exact) | frozenset(k[0] for k in folded)
    return exact, folded, longest, starts


#: words that make a name another post: a "Deputy Leader" is not the Leader
_OTHER_POST = {"deputy", "vice", "assistant"}


def _find(text: str, scheme: str) -> list[str]:
    """Whole names only: at each word the longest label that starts there
    wins and its words are used up ("Local Safeguarding Children Board" is
    the LSCB, not also a "board"); a name after "deputy", "vice" or
    "assistant" names another post and is skipped."""
    exact, folded, longest, starts = _index(scheme)
    words = _tokens(text)
    lowered = [w.lower() for w in words]
    found: set[str] = set()
    i = 0
    while i < len(words):
        if words[i] not in starts and lowered[i] not in starts:
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            key = exact.get(tuple(words[i : i + n])) or folded.get(tuple(lowered[i : i + n]))
            if key:
                if not (i and lowered[i - 1] in _OTHER_POST):
                    found.add(key)
                i += n
                break
        else:
            i += 1
    return sorted(found)


def body_types_in(text: str) -> list[str]:
    """Keys of the body types ``text`` mentions, e.g. ``["family-justice-board", "mappa-smb"]``."""
    return _find(text, ns.BODY_TYPE)


def topics_in(text: str) -> list[str]:
    """Keys of the topics ``text`` mentions, e.g. ``["cse", "missing"]``."""
    return _find(text, ns.TOPIC)
