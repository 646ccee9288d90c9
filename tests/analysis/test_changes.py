"""`sgkg changes`: pairs of consecutive inspections of one authority and its
line, on a hand-written fixture whose answers are known
(tests/fixtures/compare/line.ttl)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import cli
from graph.analysis.changes import changes, era_type, recurring_asks, similarity, words_of
from tests.conftest import FIXTURES, load_rdf

LINE = FIXTURES / "compare" / "line.ttl"
BCP = "bournemouth-christchurch-and-poole"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.store.embedded import open_store

    path = tmp_path_factory.mktemp("changes") / "store"
    with open_store(path) as store:
        load_rdf(store, LINE)
    return path


@pytest.fixture(scope="module")
def store(store_path: Path) -> Iterator[Any]:
    from graph.store.embedded import open_store

    with open_store(store_path, read_only=True) as s:
        yield s


def rows_of(result: Any, aspect: str, earlier: str = "", later: str = "") -> list[Any]:
    return [
        r
        for r in result.rows
        if r.aspect == aspect
        and (not earlier or r.earlier.startswith(earlier))
        and (not later or r.later.startswith(later))
    ]


def test_the_line_runs_from_the_predecessor_to_the_successor(store: Any) -> None:
    result = changes(store, BCP)
    assert [i.key for i in result.inspections] == [
        "bournemouth/2014-06-30",
        f"{BCP}/2021-12-17",
        f"{BCP}/2024-12-13",
    ]
    assert result.pairs == [
        ("bournemouth/2014-06-30", f"{BCP}/2021-12-17"),
        (f"{BCP}/2021-12-17", f"{BCP}/2024-12-13"),
    ]
    # asked from the predecessor's side, the line is the same
    assert changes(store, "bournemouth").pairs == result.pairs


def test_judgements_better_and_worse_with_their_evidence(store: Any) -> None:
    result = changes(store, BCP)
    first = {r.what: r for r in rows_of(result, "judgement", "bournemouth/")}
    overall = first["Overall effectiveness"]
    assert (overall.change, overall.before.value, overall.after.value) == (
        "worse",
        "requires improvement",
        "inadequate",
    )
    assert overall.before.evidence == ("judgement-table",)
    assert overall.after.evidence == ("judgement-table",)
    lscb = [r for r in first.values() if "Safeguarding Children Board" in r.what]
    assert lscb and lscb[0].change == "not judged later"
    second = {r.what: r.change for r in rows_of(result, "judgement", f"{BCP}/2021")}
    assert second["Overall effectiveness"] == "better"


def test_lscb_link_meets_the_partnership_that_replaced_it(store: Any) -> None:
    rows = rows_of(changes(store, BCP), "link", "bournemouth/")
    csp = [r for r in rows if "Community Safety Partnership" in r.what]
    assert len(csp) == 1
    row = csp[0]
    assert row.change == "better"
    assert row.before.value.startswith("weak") and row.after.value.startswith("effective")
    assert row.before.where == "para 5" and row.after.where == "para 10"
    assert "Local Safeguarding Children Board / Local safeguarding partnership" in row.what
    assert "not well developed" in row.before.quote


def test_ccg_meets_its_icb_and_unchanged_links_are_left_out_unless_asked(store: Any) -> None:
    rows = rows_of(changes(store, BCP), "link", "bournemouth/")
    assert not [r for r in rows if "Clinical commissioning group" in r.what]
    every = rows_of(changes(store, BCP, unchanged=True), "link", "bournemouth/")
    ccg = [r for r in every if "Clinical commissioning group" in r.what]
    assert [(r.change, r.before.where, r.after.where) for r in ccg] == [
        ("same", "para 7", "para 11")
    ]
    assert "Integrated care board" in ccg[0].what


def test_earlier_concerns_not_revisited_are_silence_not_loss(store: Any) -> None:
    rows = rows_of(changes(store, BCP), "link", "bournemouth/")
    housing = [r for r in rows if r.what.startswith("Housing")]
    assert [(r.change, r.before.where, r.after.value) for r in housing] == [
        ("earlier concern not revisited", "para 6", "")
    ]
    assert housing[0].before.value.startswith("absent")


def test_curated_link_wins_over_an_extracted_one(store: Any) -> None:
    rows = rows_of(changes(store, BCP, unchanged=True), "link", f"{BCP}/2021")
    csp = [r for r in rows if "Community Safety Partnership" in r.what]
    assert [(r.change, r.after.value.split(" ")[0]) for r in csp] == [("same", "effective")]


def test_recurring_area_for_improvement_cites_both_paragraphs(store: Any) -> None:
    rows = rows_of(changes(store, BCP), "recurring")
    assert len(rows) == 1
    row = rows[0]
    assert row.before.evidence == ("20",)
    assert row.after.evidence == ("what-needs-to-improve 1",)
    assert "recruitment" in row.what and row.score and row.score >= 0.24


def test_bodies_named_and_no_longer_named(store: Any) -> None:
    rows = rows_of(changes(store, BCP), "body", "bournemouth/")
    found = {(r.change, r.what) for r in rows}
    assert ("named later", "Multi-agency safeguarding hub") in found
    assert ("not named later", "Housing services") in found
    # the LSCB and the CCG are not "gone": their successors are named
    assert not [w for _c, w in found if "Safeguarding Children Board" in w or "commissioning" in w]


def test_from_and_to_keep_a_period(store: Any) -> None:
    assert changes(store, BCP, since="2020").pairs == [(f"{BCP}/2021-12-17", f"{BCP}/2024-12-13")]
    assert len(changes(store, BCP, until=f"{BCP}/2021-12-17").pairs) == 1
    one = changes(store, BCP, since="2024-01")
    assert not one.rows and "only one inspection" in one.notes[0]


def test_era_types_and_similarity() -> None:
    assert era_type("lscb") == "safeguarding-partnership"
    assert era_type("ccg") == "icb"
    assert era_type("police") == "police"
    a = words_of("Improve the quality and consistency of management oversight of work")
    b = words_of("The impact of quality assurance and management oversight on practice")
    c = words_of("Care leavers' access to their health records")
    assert similarity(a, b) > similarity(a, c)


def test_no_recurrence_without_shared_words(store: Any) -> None:
    from graph.analysis.changes import read_inspections

    earlier, later = read_inspections(store, [BCP])
    assert recurring_asks(earlier, later) == []


# ---------------------------------------------------------------- the command


def run(store_path: Path, *args: str) -> Any:
    return CliRunner(env={"COLUMNS": "300"}).invoke(cli, ["--store", str(store_path), *args])


def test_cli_table_and_formats(store_path: Path) -> None:
    res = run(store_path, "changes", BCP)
    assert res.exit_code == 0, res.output
    assert "bournemouth/2014-06-30 -> bournemouth-christchurch-and-poole/2021-12-17" in res.output
    assert "earlier concern not revisited" in res.output
    doc = json.loads(run(store_path, "changes", "bcp", "--format", "json").output)
    assert doc["authority"] == BCP and len(doc["pairs"]) == 2
    assert all(r["before"]["where"] or r["after"]["where"] for r in doc["rows"])
    csv_text = run(store_path, "changes", BCP, "--format", "csv").output
    assert csv_text.splitlines()[0].startswith("earlier,later,aspect,change,what")
    md = run(store_path, "changes", BCP, "--aspect", "recurring", "--format", "md").output
    assert "| recurring | asked again |" in md and "judgement" not in md.split("|---")[1]


def test_cli_one_inspection_is_not_an_error(store_path: Path) -> None:
    res = run(store_path, "changes", "leeds")
    assert res.exit_code == 0
    assert "only one inspection of Leeds City Council in the store" in res.output


def test_cli_unknown_authority_and_bad_date_exit_2(store_path: Path) -> None:
    res = run(store_path, "changes", "leedz")
    assert res.exit_code == 2
    assert "leeds" in res.output and "Traceback" not in res.output
    res = run(store_path, "changes", BCP, "--from", "last spring")
    assert res.exit_code == 2 and "neither a date" in res.output


# ---------------------------------------------------------------- demo --story


def test_story_reports_found_in_a_folder_or_named_as_missing(tmp_path: Path) -> None:
    from graph.analysis.story import find_story_reports

    found, missing = find_story_reports(tmp_path)
    assert not found and len(missing) == 2
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / f"{BCP}-2022-ilacs.txt").write_text("x", encoding="utf-8")
    found, missing = find_story_reports(tmp_path)
    assert [p.name for p in found] == [f"{BCP}-2022-ilacs.txt"]
    assert list(missing) == [f"{BCP}-2025-ilacs"]


def test_demo_story_without_the_reports_says_what_is_missing(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli,
        [
            "--store",
            str(tmp_path / "s"),
            "demo",
            "--story",
            "--corpus",
            str(tmp_path),
            "-o",
            str(tmp_path / "e.html"),
        ],
        catch_exceptions=False,
    )
    assert res.exit_code == 0, res.output
    assert f"The story needs {BCP}-2022-ilacs.pdf" in res.output
    assert "https://files.ofsted.gov.uk/v1/file/50267804" in res.output
