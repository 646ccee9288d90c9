"""Regression (issue 12, extractor 1.1): a trigger word inside a body's name
made a link: "the lead member of children's services and the scrutiny panel"
gave "elected members are members of the scrutiny panel" (the "member of" of
"lead member of"), and "Scrutiny Committee" could trigger scrutiny."""

from __future__ import annotations

from tests.fixtures.extract.support import extract_paragraph


def test_member_of_inside_lead_member_of_is_no_membership() -> None:
    text = (
        "The rigour of scrutiny arrangements by elected members is limited by the wide "
        "remits held by the lead member of children's services and the scrutiny panel."
    )
    x = extract_paragraph(text, "local-authority", number=3)
    assert not [k for k in x.links if k.kind == "member-of"]
