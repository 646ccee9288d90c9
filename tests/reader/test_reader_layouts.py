"""The report reader on awkward layouts: a synthetic report with the tricky
parts of real PDFs, one real Open Government Licence report as PDF and as
text, and the PDF text step on its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph import iri
from graph.extract import extract_report
from graph.reader.parser import Report, parse_report
from graph.reader.pdf import extract_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"
SYNTHETIC = FIXTURES / "exampleshire-synthetic.txt"
KIRKLEES_PDF = FIXTURES / "kirklees-2019-ilacs.pdf"
KIRKLEES_TXT = FIXTURES / "kirklees-2019-ilacs.txt"

LEFTOVERS = {
    "markup": re.compile(r"\*\*"),
    "glued footnote digit": re.compile(r"[a-z]{3}[.,;:]?[1-9](?=[\s,;:)]|$)"),
    "page number line": re.compile(r"(?m)^\s*\d{1,3}\s*$"),
    "footnote text": re.compile(r"Ofsted produces this report|local unvalidated data"),
    "bullet glyph": re.compile("[\uf000-\uf0ff\ufffe•◼]"),
}


def leftovers(report: Report) -> list[str]:
    found = []
    for unit in [*report.paragraphs, *report.blocks]:
        for name, pattern in LEFTOVERS.items():
            if pattern.search(unit.text):
                found.append(f"{unit.kind} {unit.number}: {name}")
    return found


@pytest.fixture(scope="module")
def synthetic() -> Report:
    return extract_report(parse_report(SYNTHETIC.read_text(encoding="utf-8"), str(SYNTHETIC)))


@pytest.fixture(scope="module")
def kirklees_pdf() -> Report:
    return extract_report(parse_report(extract_text(KIRKLEES_PDF).text, str(KIRKLEES_PDF)))


@pytest.fixture(scope="module")
def kirklees_txt() -> Report:
    return extract_report(parse_report(KIRKLEES_TXT.read_text(encoding="utf-8"), str(KIRKLEES_TXT)))


# ------------------------------------------------------------------ synthetic


def test_wrapped_council_name_is_one_label(synthetic: Report) -> None:
    assert synthetic.authority_name == "Exampleshire County Council"
    assert synthetic.authority_key == "exampleshire"


def test_split_grades_wrapped_areas_and_not_judged(synthetic: Report) -> None:
    grades = {j.area: j.grade for j in synthetic.judgements}
    assert grades == {
        "overall": "requires-improvement",  # "require" / "improvement" on two lines
        "help-and-protection": "requires-improvement",  # grade above and below the label
        "looked-after": "good",  # label wrapped onto "permanence"
        "adoption": "not-judged",
        "care-leavers": "requires-improvement",
        "leadership": "inadequate",
        "lscb": "good",
    }


def test_furniture_does_not_leak(synthetic: Report) -> None:
    assert leftovers(synthetic) == []
    assert [p.number for p in synthetic.paragraphs] == list(range(1, 13))
    assert synthetic.paragraph(7).text.startswith("The board has agreed thresholds")
    assert "multi-agency child protection plans" in synthetic.paragraph(6).text
    assert "'front door'" in synthetic.paragraph(1).text  # curly quotes made plain
    assert any("Ofsted produces this report" in f for f in synthetic.footnotes)


def test_lists_with_priority_actions_and_theme_headings(synthetic: Report) -> None:
    def numbers(kind: str, subject: str = "local-authority") -> list[int]:
        return [i.number for i in synthetic.summary_list(kind, subject).items]

    assert numbers("key-findings") == [1, 2]
    assert numbers("strengths") == [3]
    assert numbers("priority-actions") == [4]
    assert numbers("areas-for-improvement") == [5, 6]  # across the "Help and protection" theme
    assert numbers("areas-for-improvement", "lscb") == [11]
    assert synthetic.paragraph(5).heading == "Help and protection"


def test_sections_and_areas(synthetic: Report) -> None:
    assert synthetic.paragraph(8).area == "help-and-protection"
    assert synthetic.paragraph(9).area == "adoption"
    assert synthetic.paragraph(10).area == "leadership"
    assert synthetic.paragraph(12).part == "lscb"
    assert set(synthetic.paragraph(12).body_types) >= {"mappa-smb", "lscb-chair"}
    assert "hwb" in synthetic.paragraph(8).body_types  # "Health and Well-being Board"


def test_statistics_from_en_dash_sub_bullets(synthetic: Report) -> None:
    found = {s.measure: s for s in synthetic.statistics}
    assert found["fsm-secondary"].value == "8"
    assert found["fsm-secondary"].national_average == "14.6"
    assert found["children-in-need"].previous_value == "2100"
    assert found["special-guardianship-orders"].value == "8"  # "eight children"
    assert found["looked-after-out-of-area"].value == "120"
    assert [(p.what, p.when, p.grade) for p in synthetic.previous_inspections] == [
        ("adoption", "2012-03", "good")
    ]


# ------------------------------------------------------------------ a real PDF


def test_pdf_text_has_no_page_furniture() -> None:
    pdf = extract_text(KIRKLEES_PDF)
    assert pdf.pages == 13
    assert pdf.removed_page_numbers >= 12
    lines = pdf.text.splitlines()
    assert not [line for line in lines if re.fullmatch(r"\s*\d{1,3}\s*", line)]
    assert "well-coordinated" in pdf.text  # pdfium's line-end hyphen mark made a hyphen
    assert "\ufffe" not in pdf.text


def test_real_ilacs_report_from_pdf(kirklees_pdf: Report) -> None:
    r = kirklees_pdf
    assert (r.authority_key, r.framework) == ("kirklees", "ilacs")
    assert r.published is None and r.key_date.isoformat() == "2019-06-21"
    assert {j.area: j.grade for j in r.judgements} == {
        "overall": "requires-improvement",
        "help-and-protection": "requires-improvement",
        "looked-after": "requires-improvement",
        "leadership": "requires-improvement",
    }
    improve = r.summary_list("what-needs-to-improve")
    assert [i.number for i in improve.items] == list(range(1, 11))  # runs over a page break
    assert improve.items[4].text.startswith("The timely permanence for children")
    numbers = [p.number for p in r.paragraphs]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 49
    assert leftovers(r) == []


def test_pdf_and_text_of_one_report_agree(kirklees_pdf: Report, kirklees_txt: Report) -> None:
    assert kirklees_pdf.judgements == kirklees_txt.judgements
    assert [p.number for p in kirklees_pdf.paragraphs] == [
        p.number for p in kirklees_txt.paragraphs
    ]
    for a, b in zip(kirklees_pdf.paragraphs, kirklees_txt.paragraphs, strict=True):
        assert a.text.split() == b.text.split(), a.number


def test_reingest_pdf_then_text_gives_one_report(tmp_path: Path) -> None:
    from graph.ingest import ingest_report
    from graph.store.embedded import open_store

    with open_store(tmp_path / "store") as store:
        first = ingest_report(store, KIRKLEES_PDF)
        second = ingest_report(store, KIRKLEES_TXT)
        assert first.report_iri == second.report_iri == iri.report("kirklees", "2019-06-21")
        reports = store.select("SELECT DISTINCT ?r WHERE { ?r a sg:Report }")
        assert reports == [{"r": first.report_iri}]
        formats = store.select(
            "SELECT ?r ?f WHERE { ?r sg:sourceFormat ?f }", {"r": first.report_iri}
        )
        assert [row["f"] for row in formats] == ["text"]
        graphs = [g for g in store.named_graphs() if "/graph/report/" in g]
        assert graphs == [iri.report_graph(first.report_iri)]
