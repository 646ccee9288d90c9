"""Each report template on a small fixture of its own: which template
recognises it, the council and dates its front page gives, its judgements,
and numbering 1..N. Templates the reader does not read are refused by name.
Fixtures: ``tests/fixtures/reports/templates/`` (synthetic, see its README)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.errors import ReportError
from graph.reader import templates
from graph.reader.parser import Report, parse_report
from graph.reader.templates.lscb_review import council_of_board

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"
TEMPLATES = FIXTURES / "templates"


def read(name: str) -> Report:
    path = TEMPLATES / name
    return parse_report(path.read_text(encoding="utf-8"), str(path))


def grades(report: Report) -> dict[str, str]:
    return {j.area: j.grade for j in report.judgements}


def numbers(report: Report) -> list[int]:
    return [p.number for p in report.paragraphs]


# ------------------------------------------------------------------ the registry


def test_every_template_is_registered_once_and_named_as_registered() -> None:
    names = templates.names()
    assert len(names) == len(set(names))
    assert {
        "sif-lscb",
        "sif-no-lscb",
        "sif-reinspection",
        "lscb-review",
        "ilacs",
        "ilacs-2021",
        "lac-2013",
    } <= set(names)
    for name in names:
        assert templates.get(name).name == name


def test_the_registry_names_an_unknown_template() -> None:
    with pytest.raises(KeyError, match="known: "):
        templates.get("no-such-template")


def test_framework_keys_are_those_the_rdf_layer_knows() -> None:
    read_ones = [templates.get(n) for n in templates.names() if templates.get(n).supported]
    assert {t.framework for t in read_ones} == {"sif-lscb", "sif-reinspection", "ilacs"}


# ------------------------------------------------------------------ read


def test_sif_with_lscb_review() -> None:
    report = parse_report((FIXTURES / "exampleshire-synthetic.txt").read_text(encoding="utf-8"))
    assert report.template == "sif-lscb" and report.framework == "sif-lscb"
    assert grades(report)["lscb"] == "good"
    assert numbers(report) == list(range(1, 13))
    assert {p.part for p in report.paragraphs} == {"local-authority", "lscb"}


def test_sif_without_lscb_review() -> None:
    report = read("sif-no-lscb.txt")
    assert report.template == "sif-no-lscb" and report.framework == "sif-lscb"
    assert report.authority_name == "Exampleshire County Council"
    assert report.published == date(2015, 5, 20)
    assert grades(report) == {
        "overall": "good",
        "help-and-protection": "good",
        "looked-after": "good",
        "adoption": "outstanding",
        "care-leavers": "requires-improvement",
        "leadership": "good",
    }
    assert numbers(report) == list(range(1, 11))
    assert not report.warnings  # no "no LSCB judgement": it has none by design


def test_sif_reinspection() -> None:
    report = read("sif-reinspection.txt")
    assert report.template == "sif-reinspection" and report.framework == "sif-reinspection"
    assert grades(report)["care-leavers"] == "requires-improvement"
    assert numbers(report) == list(range(1, 11))


def test_stand_alone_lscb_review_is_filed_under_its_council() -> None:
    report = read("lscb-review.txt")
    assert report.template == "lscb-review"
    assert report.authority_name == "Exampleshire"
    assert report.start == date(2015, 6, 15) and report.published == date(2015, 8, 3)
    assert grades(report) == {"lscb": "requires-improvement"}
    assert [j.subject for j in report.judgements] == ["lscb"]
    assert numbers(report) == list(range(1, 7))
    assert {p.part for p in report.paragraphs} == {"lscb"}
    recommendations = report.summary_list("recommendations", "lscb")
    assert recommendations is not None and len(recommendations.items) == 2
    assert any(b.kind == "area-information" for b in report.blocks)


@pytest.mark.parametrize(
    ("board", "council"),
    [
        ("Surrey Safeguarding Children Board", "Surrey"),
        ("Exampleshire Local Safeguarding Children Board", "Exampleshire"),
        ("Exampleton LSCB", "Exampleton"),
    ],
)
def test_a_board_name_gives_its_council(board: str, council: str) -> None:
    assert council_of_board(board) == council


def test_surrey_board_resolves_in_the_national_register() -> None:
    from graph.authorities import load_register

    found = load_register().resolve(council_of_board("Surrey Safeguarding Children Board"))
    assert found is not None and found.key == "surrey"


def test_ilacs_2019_variant_with_lower_case_council_line() -> None:
    report = read("ilacs-2019-variant.txt")
    assert report.template == "ilacs" and report.framework == "ilacs"
    assert report.authority_name == "Exampleton metropolitan borough"
    assert report.published is None and report.end == date(2019, 3, 15)
    assert grades(report) == {
        "leadership": "good",
        "help-and-protection": "requires-improvement",
        "looked-after": "good",
        "overall": "good",
    }
    assert numbers(report) == list(range(1, 10))
    improve = report.summary_list("what-needs-to-improve")
    assert improve is not None and len(improve.items) == 2


def test_real_ilacs_2019_report() -> None:
    report = parse_report((FIXTURES / "kirklees-2019-ilacs.txt").read_text(encoding="utf-8"))
    assert report.template == "ilacs"
    assert numbers(report) == list(range(1, 50))


def test_ilacs_from_2021_with_council_in_a_three_line_title() -> None:
    report = read("ilacs-2021.txt")
    assert report.template == "ilacs-2021" and report.framework == "ilacs"
    assert report.authority_name == "Exampleshire County Council"
    assert report.authority_key == "exampleshire"
    assert report.published is None
    assert (report.start, report.end) == (date(2023, 12, 4), date(2023, 12, 15))
    # from 2023 children in care and care leavers are judged apart
    assert grades(report) == {
        "leadership": "good",
        "help-and-protection": "good",
        "looked-after": "outstanding",
        "care-leavers": "requires-improvement",
        "overall": "good",
    }
    assert numbers(report) == list(range(1, 10))
    assert {p.area for p in report.paragraphs} == {
        "help-and-protection",
        "looked-after",
        "care-leavers",
        "leadership",
    }


def test_ilacs_2021_running_footer_is_removed_mid_paragraph() -> None:
    report = read("ilacs-2021.txt")
    first = report.paragraph(1)
    assert first is not None
    assert first.text.endswith(
        "multi-agency partners, who share information to inform the analysis of risk."
    )
    for unit in [*report.paragraphs, *report.blocks]:
        assert "local authority children's services" not in unit.text


def test_ilacs_2021_two_line_title_and_combined_children_in_care() -> None:
    text = (TEMPLATES / "ilacs-2021.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Inspection of Exampleshire County\n\nCouncil local authority children’s\n\nservices",
        "Inspection of Exampleshire local authority\n\nchildren’s services",
    )
    text = text.replace(
        " The experiences and progress of                                         Outstanding\n"
        " children in care\n",
        " The experiences and progress of                                         Outstanding\n"
        " children in care and care leavers\n",
    )
    cut = text.index(" The experiences and progress of care")
    text = text[:cut] + text[text.index(" Overall effectiveness") :]
    report = parse_report(text, "two-line.txt")
    assert report.authority_name == "Exampleshire"
    assert grades(report)["looked-after"] == "outstanding"
    assert "care-leavers" not in grades(report)


# ------------------------------------------------------------------ refused by name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("lac-2013.txt", "inspection of looked after children services (2009-13 framework)"),
        ("school.txt", "an Ofsted school inspection report"),
        ("childrens-home.txt", "an Ofsted inspection report on a children's home"),
    ],
)
def test_other_ofsted_reports_are_refused_saying_what_they_are(name: str, words: str) -> None:
    with pytest.raises(ReportError) as caught:
        read(name)
    message = str(caught.value)
    assert words in message and name in message
    assert "not an Ofsted children's services inspection report" not in message


def test_a_foreign_text_is_still_not_an_ofsted_report() -> None:
    with pytest.raises(ReportError, match="not an Ofsted children's services inspection report"):
        parse_report("Minutes of the Parish Council\nHeld on 3 May 2015\n1. Apologies.\n")


def test_an_html_page_says_so() -> None:
    with pytest.raises(ReportError, match="an HTML page"):
        parse_report("<!DOCTYPE html><html><body>Service unavailable</body></html>")
