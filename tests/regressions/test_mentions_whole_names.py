"""Regression (issue 15): a paragraph naming the "Deputy Leader of the
Council" was recorded as mentioning the Leader, and the register then said
"Leader of the Council: mentioned (para 121)"."""

from __future__ import annotations

from graph.extract.mentions import body_types_in


def test_a_deputy_is_not_the_post_itself() -> None:
    assert "leader" not in body_types_in("The Deputy Leader of the Council attends the board.")
    assert "leader" in body_types_in("The Leader of the Council receives the annual report.")


def test_the_longest_name_wins() -> None:
    found = body_types_in("The Local Safeguarding Children Board met the Family Justice Board.")
    assert {"lscb", "family-justice-board"} <= set(found)
