"""Guards every query passes before it reaches the store: no update on a
read path, no ``SERVICE`` (the store would fetch from the network)."""

from __future__ import annotations

import re

from graph.errors import QueryError

_UPDATE_WORDS = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE | re.MULTILINE
)


def _strip_prologue_and_comments(text: str) -> str:
    lines = []
    for line in text.splitlines():
        line = re.sub(r"#.*$", "", line) if "<" not in line else line
        lines.append(line)
    body = "\n".join(lines)
    return re.sub(r"(?is)^\s*((PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", body)


def looks_like_update(text: str) -> bool:
    """True when the text is a SPARQL UPDATE (checked before it reaches the store)."""
    return bool(_UPDATE_WORDS.match(_strip_prologue_and_comments(text)))


#: what may hide a keyword: comments, strings (long ones first) and IRIs
_SKIPPED = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)


def refuse_service(text: str) -> None:
    """Refuse a federated query: ``SERVICE`` (outside strings, IRIs and
    comments) would make the store fetch from the network."""
    bare = _SKIPPED.sub(" ", text)
    if re.search(r"(?i)\bSERVICE\b", bare):
        raise QueryError(
            "SERVICE (a federated query) is refused: sgkg queries read the store and never "
            "reach the network"
        )
