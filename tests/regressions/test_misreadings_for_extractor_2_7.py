"""Regression (issue 12, extractor 2.7): misreadings a fifth reviewer found in
every link 2.6 gave for four more unlabelled reports (Kensington and Chelsea
2016, Manchester 2014, North East Lincolnshire 2017, Wakefield 2016: 223
links, 119 right), each as an invented sentence of the same shape:

* a shortfall said in the next sentence ("... twice yearly. However, this
  minimal involvement does not provide them with sufficient oversight") left
  the link *stated*;
* "unable to attend", "lacks representation from", "has not ensured
  representation from" were *weak*, not *absent*;
* "enable ... to maintain an overview", "sufficiently detailed reports" were no
  praise; "could be further improved if" was none of a shortfall.
"""

from __future__ import annotations

import pytest

from graph.extract.quality import judge
from tests.fixtures.extract.support import extract_paragraph, link_qualities


def test_a_shortfall_in_the_next_sentence_judges_the_link() -> None:
    x = extract_paragraph(
        "The independent chair meets with the chief executive twice yearly. However, this "
        "minimal involvement does not provide sufficient oversight.",
        every=True,
    )
    qualities = link_qualities(x)
    assert qualities.get(("lscb-chair", "works-with", "chief-executive")) == "weak", qualities


def test_praise_in_the_next_sentence_after_however_is_no_shortfall() -> None:
    x = extract_paragraph(
        "The independent chair meets with the chief executive twice yearly. However, this "
        "has been effective.",
        every=True,
    )
    qualities = link_qualities(x)
    assert qualities.get(("lscb-chair", "works-with", "chief-executive")) == "stated", qualities


@pytest.mark.parametrize(
    ("words", "quality"),
    [
        ("Cafcass is unable to attend board meetings.", "absent"),
        ("The sub-committee lacks representation from the probation service.", "absent"),
        ("The board has not ensured representation from schools.", "absent"),
        (
            "Relationships between the leader and the DCS enable leaders to keep an overview.",
            "effective",
        ),
        (
            "The board receives sufficiently detailed reports from the designated officer.",
            "effective",
        ),
        ("The board does not receive sufficiently detailed reports.", "weak"),
        ("The relationship with housing could be further improved.", "weak"),
    ],
)
def test_judgements(words: str, quality: str) -> None:
    assert judge(words).quality == quality, judge(words)
