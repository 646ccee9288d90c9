"""The IRI scheme: one function per kind of thing, used by every part of sgkg.

The reader, the curated layers, the analysis and the explorer all mint IRIs
here, so one thing has one IRI whichever route it came in by:

* area            ``id/area/{area}``                      e.g. ``id/area/bournemouth``
* body            ``id/body/{area}/{body-type}[/{name}]`` e.g. ``id/body/bournemouth/dcs``
* report          ``id/report/{authority}/{published}``   e.g. ``id/report/bournemouth/2014-06-30``
* inspection      ``{report}/inspection``
* paragraph       ``{report}/para/{n}``
* block           ``{report}/block/{kind}[/{n}]``         e.g. ``{report}/block/judgement-table``
* section         ``{report}/section/{key}``
* judgement       ``{report}/judgement/{area-key}``
* link            ``id/link/{hash}`` from source, kind and target
* gap             ``id/gap/{authority}/{hash}``
* named graph of a report: ``graph/report/{authority}/{published}``

A body that serves several authorities (the Bournemouth and Poole LSCB, the
pan-Dorset Child Death Overview Panel) is minted under its own area. The table
``data/joint-bodies.tsv`` says which (authority, body type) pairs are served by
a joint body, so ``body("bournemouth", "lscb")`` returns the joint board's IRI
and the reader and the curated layer meet on one node.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from datetime import date
from functools import lru_cache

from graph import namespaces as ns
from graph.authorities import load_register

_AUTHORITY_NOISE = [
    r"\bmetropolitan district council\b",
    r"\bmetropolitan borough council\b",
    r"\bborough council\b",
    r"\bcity council\b",
    r"\bcounty council\b",
    r"\bdistrict council\b",
    r"\bcouncil\b",
    r"^the\b",
    r"^london borough of\b",
    r"^royal borough of\b",
    r"^city of\b",
    r"^borough of\b",
    r"^county of\b",
    r"^metropolitan borough of\b",
    # reports print some councils by place name alone: "Derby City", "Leicester City"
    r"\bcity$",
]


@lru_cache(maxsize=16384)  # the extractor slugs the same few hundred names per report
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: ``"St Helens"`` -> ``"st-helens"``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@lru_cache(maxsize=4096)
def authority_key(name: str) -> str:
    """The key of a local authority from any of its names: one key per
    authority in every report of every era.

    The national register (``data/authorities.tsv``, :mod:`graph.authorities`)
    knows the names reports print ("Bristol, City of", "Bristol City Council",
    "London Corporation", "Council of the Isles of Scilly", "Medway Children's
    Services"...), so they meet on one key (``bristol``, ``city-of-london``).
    A name it does not know falls back to a slug with the usual council words
    dropped (``"Royal Borough of Exampleshire"`` -> ``"exampleshire"``), and a
    name with no ASCII letters to a digest, so two such councils never share
    the empty key.
    """
    known = load_register().resolve(name)
    if known is not None:
        return known.key
    text = " ".join(name.lower().split())
    for pattern in _AUTHORITY_NOISE:
        text = re.sub(pattern, " ", text).strip()
    return slug(text) or "authority-" + _digest(" ".join(name.split()))[:12]


@lru_cache(maxsize=1)
def _joint_bodies() -> dict[tuple[str, str], tuple[str, str]]:
    from graph.resources import data_dir

    table: dict[tuple[str, str], tuple[str, str]] = {}
    path = data_dir() / "joint-bodies.tsv"
    if not path.exists():
        return table
    with path.open(encoding="utf-8") as fh:
        rows = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            table[(row["authority"], row["body_type"])] = (row["joint_area"], row["label"])
    return table


def joint_area(authority: str, body_type: str) -> str | None:
    """The area of the joint body serving ``authority`` for ``body_type``, if any."""
    hit = _joint_bodies().get((authority_key(authority), body_type))
    return hit[0] if hit else None


def joint_label(authority: str, body_type: str) -> str | None:
    """The label of the joint body serving ``authority`` for ``body_type``, if any."""
    hit = _joint_bodies().get((authority_key(authority), body_type))
    return hit[1] if hit else None


def joint_members(joint_area_key: str, body_type: str) -> list[str]:
    """The authorities (area keys, sorted) that the joint body of ``body_type``
    whose own area is ``joint_area_key`` serves, as ``data/joint-bodies.tsv``
    lists them; empty when no such joint body is listed."""
    return sorted(
        a for (a, t), (j, _) in _joint_bodies().items() if t == body_type and j == joint_area_key
    )


def area(key: str) -> str:
    return f"{ns.ID}area/{slug(key)}"


def body(area_key: str, body_type: str, name: str | None = None) -> str:
    """A body by the area it serves, its body type and (when an area has several
    bodies of one type) a distinguishing name.

    ``body_type`` is the local name of a concept in the body-type scheme
    (``"lscb"``, ``"dcs"``, ``"police"``...). A (authority, type) pair listed in
    ``data/joint-bodies.tsv`` resolves to the joint body's own area.
    """
    key = slug(area_key)
    if name is None:
        key = joint_area(key, body_type) or key
    iri = f"{ns.ID}body/{key}/{slug(body_type)}"
    return f"{iri}/{slug(name)}" if name else iri


def report(authority: str, published: date | str) -> str:
    """A report (and so its inspection) by authority and publication date."""
    day = published.isoformat() if isinstance(published, date) else str(published)
    return f"{ns.ID}report/{authority_key(authority)}/{day}"


def report_graph(report_iri: str) -> str:
    """The named graph that holds everything read from one report."""
    tail = report_iri.removeprefix(f"{ns.ID}report/")
    return f"{ns.GRAPHS}report/{tail}"


def inspection(report_iri: str) -> str:
    return f"{report_iri}/inspection"


def paragraph(report_iri: str, number: int) -> str:
    return f"{report_iri}/para/{int(number)}"


def block(report_iri: str, kind: str, number: int | None = None) -> str:
    """An unnumbered, citable piece of a report: ``judgement-table``,
    ``area-information/3`` (the third bullet), ``executive-summary``,
    ``what-needs-to-improve/2``..."""
    iri = f"{report_iri}/block/{slug(kind)}"
    return f"{iri}/{int(number)}" if number is not None else iri


def section(report_iri: str, key: str) -> str:
    return f"{report_iri}/section/{slug(key)}"


def judgement(report_iri: str, area_key: str) -> str:
    return f"{report_iri}/judgement/{slug(area_key)}"


def summary_list(report_iri: str, kind: str, subject: str) -> str:
    """A numbered list of a report (``areas-for-improvement`` of the ``lscb``...)."""
    return f"{report_iri}/list/{slug(subject)}/{slug(kind)}"


def observation(report_iri: str, measure: str, qualifier: str | None = None) -> str:
    iri = f"{report_iri}/stat/{slug(measure)}"
    return f"{iri}/{slug(qualifier)}" if qualifier else iri


def previous_inspection(report_iri: str, what: str) -> str:
    return f"{report_iri}/previous/{slug(what)}"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def link(source: str, kind: str, target: str) -> str:
    """A stated link from ``source`` to ``target`` of ``kind`` (a link-kind key or IRI)."""
    return f"{ns.ID}link/{_digest(source, concept_key(kind), target)}"


def gap(authority: str, subject: str, link_kind: str, expected: str) -> str:
    """An expectation gap: ``subject`` lacks an evidenced ``link_kind`` link with
    ``expected`` (a body IRI or a body-type key)."""
    key = authority_key(authority)
    return f"{ns.ID}gap/{key}/{_digest(subject, concept_key(link_kind), expected)}"


def concept_key(value: str) -> str:
    """The local name of a concept given its key or its full IRI."""
    return value.rstrip("/").rsplit("/", 1)[-1] if "/" in value else value


def body_type(key: str) -> str:
    return ns.BODY_TYPE + key


def link_kind(key: str) -> str:
    return ns.LINK_KIND + key


def link_quality(key: str) -> str:
    return ns.LINK_QUALITY + key


def grade(key: str) -> str:
    return ns.GRADE + key


def judgement_area(key: str) -> str:
    return ns.JUDGEMENT_AREA + key


def framework(key: str) -> str:
    return ns.FRAMEWORK + key


def topic(key: str) -> str:
    return ns.TOPIC + key


def measure(key: str) -> str:
    return ns.MEASURE + key


def file_graph(path_or_name: str) -> str:
    """The named graph of an RDF file loaded with ``sgkg load``: its absolute
    ``file:`` URI (or ``urn:sgkg:stdin`` for standard input)."""
    if path_or_name == "-":
        return "urn:sgkg:stdin"
    from pathlib import Path

    return Path(path_or_name).resolve().as_uri()
