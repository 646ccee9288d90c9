"""``sgkg show``: everything about one body, found by name, on the Bournemouth graph."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from graph import iri
from graph.errors import AmbiguousNameError, UnknownNameError
from graph.queries.show import BodyView, LinkView, format_body, shorten, show_body

LSCB = "Bournemouth and Poole Local Safeguarding Children Board"


def link_to(view: BodyView, group: str, other: str) -> LinkView:
    hits = [link for link in view.links.get(group, []) if link.other == other]
    assert len(hits) == 1, f"{group} {other}: {len(hits)} links in {sorted(view.links)}"
    return hits[0]


def test_show_the_lscb_by_acronym(bournemouth_store: Any) -> None:
    view = show_body(bournemouth_store, "lscb")
    assert view.iri == iri.body("bournemouth", "lscb")  # one joint board, not two
    assert view.label == LSCB
    assert view.type_label == "Local Safeguarding Children Board"
    assert view.org_class == "OrganizationalCollaboration"
    assert {"Bournemouth Borough Council", "Borough of Poole"} <= set(view.authorities)
    # labelled by the reader and by the curated layer: still named once
    assert len(view.authorities) == len(set(view.authorities))
    assert "LSCB" in view.alt_labels

    observer = link_to(
        view, "← observer of", "Bournemouth Lead Member for Education and Children's Services"
    )
    assert (observer.quality, observer.evidence) == ("effective", "121")
    assert any("sits as an observer on the Board" in q for q in observer.quotes)
    chief = link_to(view, "annual report to →", "Chief Executive of Bournemouth Borough Council")
    assert (chief.quality, chief.evidence) == ("weak", "117")
    housing = link_to(view, "← member of", "Housing in Bournemouth")
    assert (housing.quality, housing.evidence) == ("absent", "112")
    fjb = link_to(view, "works with →", "Dorset Family Justice Board")
    assert (fjb.quality, fjb.evidence) == ("weak", "108, 115")

    assert [j.grade for j in view.judgements] == ["requires improvement"]
    assert [i.number for i in view.improvements] == [106, 107, 108, 109, 110, 111]
    assert all(i.kind == "area for improvement" for i in view.improvements)
    assert 115 in {f.number for f in view.findings}


@pytest.mark.parametrize(
    "name, label",
    [
        ("Family Justice", "Dorset Family Justice Board"),
        ("DCS", "Bournemouth Director of Children's Services"),
        ("family justice BOARD", "Dorset Family Justice Board"),
        ("Housing in", "Housing in Bournemouth"),
    ],
)
def test_show_finds_a_body_by_prefix_acronym_or_any_case(
    bournemouth_store: Any, name: str, label: str
) -> None:
    assert show_body(bournemouth_store, name).label == label


def test_show_a_partner_with_only_inbound_links(bournemouth_store: Any) -> None:
    view = show_body(bournemouth_store, "Family Justice")
    assert set(view.links) == {"← works with"}
    assert link_to(view, "← works with", LSCB).quality == "weak"
    assert [i.number for i in view.improvements] == [108]


def test_an_ambiguous_name_lists_the_candidates(bournemouth_store: Any) -> None:
    with pytest.raises(AmbiguousNameError) as err:
        show_body(bournemouth_store, "board")
    assert len(err.value.candidates) > 1
    assert any(c.startswith("Dorset Family Justice Board") for c in err.value.candidates)
    assert err.value.exit_code == 2


def test_an_unknown_name_suggests_the_closest(bournemouth_store: Any) -> None:
    with pytest.raises(UnknownNameError) as err:
        show_body(bournemouth_store, "Famly Justise Bord")
    assert "Dorset Family Justice Board" in err.value.candidates


def test_a_name_within_an_authority(bournemouth_store: Any) -> None:
    view = show_body(bournemouth_store, "local authority", authority="poole")
    assert view.label == "Borough of Poole"


def test_the_text_page(bournemouth_store: Any) -> None:
    page = format_body(show_body(bournemouth_store, "LSCB"))
    assert page.splitlines()[0] == LSCB
    assert "annual report to →" in page
    assert "Chief Executive of Bournemouth Borough Council  [weak]  para 117" in page
    assert "Areas for improvement addressed to it" in page
    assert "  111. Review the contribution of housing" in page


def test_quotes_are_cut_at_a_word() -> None:
    text = "word " * 40
    short = shorten(text, 30)
    assert short.endswith("…") and len(short) <= 30
    assert not short[:-1].endswith(" ")
    assert shorten("  a  short\nquote ") == "a short quote"


def run_cli(store: Any, *args: str) -> Any:
    from cli import cli

    return CliRunner().invoke(cli, ["--store", str(store.path), *args])


def test_cli_show(bournemouth_store: Any) -> None:
    result = run_cli(bournemouth_store, "show", "LSCB")
    assert result.exit_code == 0, result.output
    assert "← observer of" in result.output and "para 121" in result.output
    data = json.loads(run_cli(bournemouth_store, "show", "DCS", "--format", "json").output)
    assert data["iri"] == iri.body("bournemouth", "dcs")
    assert data["type_label"] == "Director of Children's Services"


def test_cli_show_ambiguous_and_unknown_exit_2(bournemouth_store: Any) -> None:
    ambiguous = run_cli(bournemouth_store, "show", "board")
    assert ambiguous.exit_code == 2
    assert "matches" in ambiguous.output and "Candidates: " in ambiguous.output
    unknown = run_cli(bournemouth_store, "show", "Famly Justise")
    assert unknown.exit_code == 2
    assert "no body called 'Famly Justise'" in unknown.output
    assert "Dorset Family Justice Board" in unknown.output
    injected = run_cli(bournemouth_store, "show", '"} ; DROP ALL ; #')
    assert injected.exit_code == 2
    assert "Traceback" not in injected.output
