"""Regression (issue 12, extractor 1.4): in a 2019+ ILACS paragraph that
mentions the safeguarding partnership, a sentence that leaves the council's
side implied ("There are positive relationships with Cafcass and the
judiciary") gave the partnership as the other end. GUIDE.md: the only end
filled in from context is the council's social work service."""

from __future__ import annotations

from datetime import date

from tests.fixtures.extract.support import extract_paragraph, link_types


def test_implied_end_is_the_council() -> None:
    x = extract_paragraph(
        "The safeguarding children partnership is well established. There are positive "
        "relationships with the police and the courts.",
        "local-authority",
        number=30,
        framework="ilacs",
        day=date(2021, 3, 1),
        every=True,
    )
    links = link_types(x)
    assert not [k for k in links if "safeguarding-partnership" in (k[0], k[2])], links
    assert {k[1] for k in links} == {"works-with"}, links
    assert {k[0] for k in links} <= {"local-authority", "childrens-services"}, links


def test_the_partnership_named_in_the_sentence_is_still_a_party() -> None:
    x = extract_paragraph(
        "The safeguarding children partnership has strong relationships with the police.",
        "local-authority",
        number=30,
        framework="ilacs",
        day=date(2021, 3, 1),
        every=True,
    )
    assert ("safeguarding-partnership", "works-with", "police") in link_types(x)
