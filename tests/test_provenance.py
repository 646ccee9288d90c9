"""graph.provenance: a link's origin, and curated links winning over their
extracted twins of the same report."""

from __future__ import annotations

from graph.provenance import CURATED, EXTRACTED, curated_wins, how, reports_cited

ID = "https://w3id.org/sgkg/id/"
P112 = "https://w3id.org/sgkg/id/report/bournemouth/2014-06-30/para/112"
P112_2022 = "https://w3id.org/sgkg/id/report/bcp/2022-02-11/para/12"


def _link(name: str, extracted: bool, ends: tuple[str, str, str], *ev: str) -> dict:
    path = "link/extracted/" if extracted else "link/"
    return {"iri": ID + path + name, "ends": ends, "ev": list(ev)}


def _keep(links: list[dict], symmetric: frozenset[str] = frozenset()) -> list[str]:
    kept = curated_wins(
        links,
        iri=lambda x: x["iri"],
        ends=lambda x: x["ends"],
        evidence=lambda x: x["ev"],
        symmetric=symmetric,
    )
    return [x["iri"].rsplit("/", 1)[-1] for x in kept]


def test_how_tells_extracted_from_curated() -> None:
    assert how(ID + "link/extracted/ab12") == EXTRACTED
    assert how(ID + "link/51fe14c1") == CURATED


def test_reports_cited_are_authority_and_date() -> None:
    assert reports_cited([P112, P112_2022, "urn:other"]) == {
        "bournemouth/2014-06-30",
        "bcp/2022-02-11",
    }


def test_curated_wins_only_for_the_same_ends_and_report() -> None:
    ends = ("housing", "member-of", "lscb")
    links = [
        _link("c1", False, ends, P112),
        _link("e1", True, ends, P112),  # twin: dropped
        _link("e2", True, ends, P112_2022),  # same ends, another report: kept
        _link("e3", True, ("police", "member-of", "lscb"), P112),  # other ends: kept
    ]
    assert _keep(links) == ["c1", "e2", "e3"]


def test_symmetric_kinds_match_either_way_round() -> None:
    links = [
        _link("c1", False, ("a", "works-with", "b"), P112),
        _link("e1", True, ("b", "works-with", "a"), P112),
        _link("e2", True, ("b", "reports-to", "a"), P112),
    ]
    assert _keep(links, frozenset({"works-with"})) == ["c1", "e2"]
    assert _keep(links) == ["c1", "e1", "e2"]
