"""Bug: the national view of `sgkg serve` listed BCP's reports as "ILACS
overall inadequate; ILACS overall good", with no date, because ILACS reports
print no publication date and only that was shown. A report without one is
dated by the last day of its inspection, said as such."""

from __future__ import annotations

from graph.serve.pages import national


def test_a_report_without_a_publication_date_shows_its_inspection_date() -> None:
    text = national(
        [
            {
                "key": "bcp",
                "name": "Bournemouth, Christchurch and Poole",
                "reports": [
                    {
                        "published": None,
                        "inspected": "2021-12-17",
                        "framework": "ILACS",
                        "overall": "inadequate",
                    },
                    {
                        "published": "2014-06-30",
                        "inspected": "2014-05-22",
                        "framework": "SIF",
                        "overall": "requires improvement",
                    },
                ],
                "links": 0,
                "weak_or_absent": 0,
            }
        ]
    )
    assert "inspected 2021-12-17 ILACS overall inadequate" in text
    assert "2014-06-30 SIF overall requires improvement" in text
