"""Bug: in the gap register, every expected "serves" row asked "Which Local
Safeguarding Children Board serves X?", also for a 2024 report weighed against
the safeguarding partnership duties and for the Child Death Overview Panel row
(seen on Greenwich 2024). The question names the body the row expects."""

from __future__ import annotations

import pytest

from graph.analysis.register import Gap
from graph.analysis.register_render import question


def _gap(frm: str) -> Gap:
    return Gap(
        id="urn:gap",
        authority="greenwich",
        authority_label="Royal Borough of Greenwich",
        source="expected",
        quality="not evidenced",
        from_body="",
        from_label=frm,
        link_kind="serves",
        link_label="serves",
        to_body="urn:council",
        to_label="Royal Borough of Greenwich",
        subject="",
    )


@pytest.mark.parametrize("frm", ["Local safeguarding partnership", "Child Death Overview Panel"])
def test_serves_question_asks_about_the_expected_body(frm: str) -> None:
    asked = question(_gap(frm))
    assert frm in asked
    assert "Local Safeguarding Children Board" not in asked
    assert "Royal Borough of Greenwich" in asked
