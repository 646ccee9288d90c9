"""Bug: the changes page of `sgkg serve` listed each inspection's judgements
by their keys ("help-and-protection inadequate, lscb requires improvement"),
not as the reports and the rest of the page name them. It names the areas
("Children who need help and protection: inadequate"), overall first."""

from __future__ import annotations

from graph.serve.pages import changes_page


def test_inspections_list_judgement_areas_by_name_overall_first() -> None:
    doc = {
        "authority": "northshire",
        "authority_label": "Northshire County Council",
        "inspections": [
            {
                "report": "northshire/2019-06-21",
                "framework": "ILACS",
                "judgements": {
                    "help-and-protection": "inadequate",
                    "overall": "requires improvement",
                },
            }
        ],
        "notes": [],
        "pairs": [],
        "rows": [],
    }
    text = changes_page(doc, [], "")
    assert "help-and-protection" not in text
    assert "Children who need help and protection: inadequate" in text
    assert text.index("Overall effectiveness") < text.index("Children who need help")
