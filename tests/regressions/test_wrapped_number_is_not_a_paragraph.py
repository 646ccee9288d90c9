"""Regression (issue 13, item 2): Lancashire 2015 printed "146 paragraphs" and
exit 0, but the report numbers 1-161. A line break inside the summary of
findings put "16. Many looked after children" at the start of a line; the
reader took it for paragraph 16, then refused the real paragraphs 1-16 (the
authority's areas for improvement) as going backwards and merged them into
other text. The numbering is now planned over the whole report, so a wrapped
line cannot derail it."""

from __future__ import annotations

from graph.reader.parser import parse_report

FRONT = """\
Exampleshire County Council

Inspection of services for children in need of help and
protection, children looked after and care leavers
Inspection date: 2 March 2015 – 26 March 2015
Report published: 20 May 2015

The overall judgement is that children’s services require improvement

1. Children who need help and protection                               Requires improvement

2. Children looked after and achieving permanence                      Requires improvement

          2.1 Adoption performance                                     Good

          2.2 Experiences and progress of care leavers                 Requires improvement

3. Leadership, management and governance                               Requires improvement

Summary of findings

Children’s services in Exampleshire require improvement because:

• The number of children who wait more than a year for a permanent home rose from 9 to
  16. Many looked after children wait too long for decisions about their future, and
  plans for them are not reviewed often enough by their independent reviewing officers.
• Leaders know the service well but the pace of change has been too slow this year.

What does the local authority need to improve?

Areas for improvement

"""
AREAS_FOR_IMPROVEMENT = "".join(
    f"{n}.   Improve the quality of the service in area number {n} of the plan.\n\n"
    for n in range(1, 17)
)
CHAPTERS = """\
Inspection judgements about the local authority

The experiences and progress of children who need help and protection require
improvement to be good

17.  The multi-agency safeguarding hub responds quickly to referrals.

18.  Early help is well coordinated.

The experiences and progress of children looked after and achieving permanence
require improvement to be good

19.  Children come into care when they need to.

20.  The virtual school tracks children’s progress closely.

Leadership, management and governance require improvement to be good

21.  The Director of Children’s Services has a clear plan for improvement.

22.  The corporate parenting panel holds leaders to account.
"""
TEXT = FRONT + AREAS_FOR_IMPROVEMENT + CHAPTERS


def test_the_wrapped_16_stays_in_the_summary_and_no_paragraph_is_lost() -> None:
    report = parse_report(TEXT, "lancashire-like.txt")
    assert [p.number for p in report.paragraphs] == list(range(1, 23))
    assert not [w for w in report.warnings if "numbering" in w]
    areas = report.summary_list("areas-for-improvement")
    assert areas is not None
    assert [item.number for item in areas.items] == list(range(1, 17))
    assert report.paragraph(16).text == (
        "Improve the quality of the service in area number 16 of the plan."
    )
    findings = report.summary_list("key-findings")
    assert findings is not None
    assert "16. Many looked after children wait too long" in findings.items[0].text
