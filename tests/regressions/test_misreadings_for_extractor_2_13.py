"""Regression (issue 12, extractor 2.13): a misreading a reviewer found in the
links of 2.9 (Manchester 2017 re-inspection), as an invented sentence of the
same shape: "the Greater Manchester Children's Health and Wellbeing Board" was
read as Manchester's own Health and Wellbeing Board. A board named for a
sub-region ("Greater ...", "pan-...", "regional") is a body of its own.
"""

from __future__ import annotations

from tests.fixtures.extract.support import extract_paragraph


def test_a_sub_regional_board_is_not_the_authority_s_own() -> None:
    # Manchester 2017 (the sixth review): "the Greater Manchester Children's Health and
    # Wellbeing Board" was read as Manchester's own Health and Wellbeing Board
    x = extract_paragraph(
        "The Northshire Health and Wellbeing Board reports to the Greater Northshire Health "
        "and Wellbeing Board, which brings together providers and commissioners.",
        "local-authority",
    )
    hwbs = [b for b in x.bodies.values() if b.body_type == "hwb"]
    assert len(hwbs) == 2, [b.label for b in hwbs]
    assert any(b.label.startswith("Greater Northshire") for b in hwbs), [b.label for b in hwbs]
