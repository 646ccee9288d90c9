"""The quality of a link as the inspectors found it, from the words of its clause.

Qualities follow ``data/labels/GUIDE.md``: ``absent`` (the report says the
link is missing), ``weak`` (a hedge or a shortfall: "not yet", "does not
sufficiently", "is a shortfall", "limited", "minimal", "unclear"),
``developing`` ("recently established", "beginning to", "improving"),
``effective`` (praise of the link) and ``stated`` (no judgement).

Three rules carry most of the weight:

* **negation**: a word of praise under "not", "no", "nor", "never" or "lack
  of" within a few words is a weakness ("not effective", "no clear link");
* **hedging**: where praise and a hedge meet in one clause the hedge wins
  ("well established, but not yet embedded" -> weak);
* **contrast**: a sentence is cut into clauses at "but", "however",
  "although", "while", "whilst", "despite", "yet" and semicolons, and a link
  takes the quality of its own clause; :mod:`graph.extract.links` then lets
  a later hedge that names one end of the link, or the main clause after a
  concession ("Although there is a protocol ..., it is difficult to see ..."),
  override it.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

#: most severe first: the first level whose cue is present decides
LEVELS = ("absent", "weak", "developing", "effective")

_ABSENT = [
    r"\bno (?:strategic |formal |effective |regular |independent |lay )*"
    r"(?:representation|representatives?|attendance|involvement|links?|engagement|membership|"
    r"perspective)\b",
    r"\bnot (?:been |currently )?represented\b",
    r"\b(?:does|do|did) not (?:regularly )?attend\b",
    r"\bhas not used\b",
    r"\bhave not used\b",
    r"\babsence of\b",
    r"\bis not (?:a )?members?\b",
    r"\bare not members\b",
    r"\bnot (?:a )?members? of\b",
    r"\bno [\w-]+ (?:representation|attendance)\b",
    r"\bunable to attend\b",
    r"\black(?:s|ed|ing)? (?:[\w-]+\s+)?representation\b",
    r"\bnot ensured (?:[\w-]+\s+)?representation\b",
    # "there is no information-sharing protocol between ..."
    r"\bno (?:[\w-]+\s+){0,2}(?:protocols?|agreements?)\b",
]
_WEAK = [
    r"\bnot sufficient(?:ly)?\b",
    r"\bineffective(?:ly)?\b",
    r"\bunable\b",
    r"\bhampered\b",
    r"\binsufficient(?:ly)?\b",
    r"\bnot yet\b",
    r"\blimited\b",
    r"\bminimal\b",
    r"\bunclear\b",
    r"\bnot (?:always |sufficiently |fully |yet )?clear\b",
    r"\binconsistent(?:ly)?\b",
    r"\bvariable\b",
    r"\bvaries\b",
    r"\bnot as (?:strong|effective|robust|good)\b",
    r"\bmissed opportunit",
    r"\bshortfall\b",
    r"\bweak(?:ness|nesses|er)?\b",
    r"\bpoor(?:ly)?\b",
    r"\black(?:s|ing)? (?:of )?\b",
    r"\bless (?:consistent|effective|robust|well)\b",
    r"\bnot (?:well|robust|effective|strong|consistent|successful|embedded|prioritised)\b",
    r"\bnot (?:been |always |fully |sufficiently )*(?:effective|successful|robust|rigorous)\b",
    r"\bdifficult(?:y|ies)?\b",
    r"\bneeds? to be made\b",  # "further progress needs to be made"
    r"\bstrained\b",
    r"\bcould be (?:further |much )?improved\b",
    r"\bcould and should\b",
    r"\ba small number of\b",
    r"\bfailures?\b",
    r"\b(?:does|do|did|has|have|had|is|are|was|were) not\b",
    r"\b(?:doesn't|don't|hasn't|haven't|isn't|aren't|cannot|can't)\b",
    r"\bnor\b",
    r"\btoo (?:reliant|slow|narrow|few|little|late|long|variable|many|often)\b",
    r"\brarely\b",
    r"\bnot always well\b",
    r"\b(?:in |only )?a minority of\b",
    r"\bneeds? to (?:\w+ )?(?:more|better|stronger)\b",
    r"\badversarial\b",
    r"\bmore (?:work )?(?:needs|is required|to be done|needed)\b",
    r"\bneeds? to be (?:strengthened|improved|developed)\b",
    # "requires a stronger, dedicated focus", "needs a sharper focus": still wanting
    r"\brequire[sd]? (?:an? )?(?:[\w-]+,? )?(?:stronger|sharper|clearer|greater|better|more"
    r"|further|closer|firmer)\b",
    r"\bneeds? an? (?:[\w-]+,? )?(?:stronger|sharper|clearer|greater|better|closer|firmer)\b",
    # "highlighted the need to further improve communication with the local authority"
    r"\bneeds? to (?:further |continue to )?(?:improve|strengthen)\b",
    r"\bneed (?:to|for) (?:ensure |develop |improve |strengthen )?(?:better|stronger|more)\b",
    r"\bdifferent levels of effectiveness\b",
    # "better links with ... are required": the link needs improving
    r"\b(?:better|stronger|closer|improved|more effective)\b[^.;]{0,80}?\b(?:is|are|were|was)"
    r" (?:still )?(?:required|needed)\b",
    r"\bunder-?developed\b",
    r"\binfrequent(?:ly)?\b",
    r"\bpatchy\b",
    r"\bfail(?:s|ed|ing)?\b",
    r"\bonly (?:twice|once|occasionally|partially|partly)\b",
    r"\bnot minuted\b",
    r"\brequires? improvement\b",
    r"\bfurther work\b",
    r"\bgaps?\b",
    r"\bconcerns? (?:about|that)\b",
    r"\bno (?:evidence|clear|systematic|formal)\b",
    r"\bno (?:opportunity|mechanism|forum|means) (?:to|for)\b",
    r"\breluctan",
    r"\bslow\b",
    r"\blow\b",
    r"\bunderstand(?:ing)? (?:is|was) (?:limited|not)\b",
]
_DEVELOPING = [
    r"\bdeveloping\b",
    r"\b(?:recently|newly) (?:established|formed|appointed|created|introduced|set up|"
    r"commissioned|developed|agreed)\b",
    r"\bbegin(?:ning|s)? to\b",
    r"\bbegun to\b",
    r"\bstart(?:ing|ed)? to\b",
    r"\bnew(?:ly)?\b",
    r"\bemerging\b",
    r"\b(?:is|are|was|were|been)\s+(?:\w+\s+)?improving\b",
    r"\b(?:has|have) been developed\b",
    r"\bincreasing(?:ly)?\b",
    r"\bnow in place\b",
    r"\bearly stages?\b",
    r"\btoo early\b",
    r"\b(?:is|are) to become\b",
    r"\byet to\b",
    r"\bimmature\b",
    r"\bin the process of\b",
    r"\bbeing (?:developed|established|strengthened|embedded)\b",
    r"\bunder development\b",
    r"\bstrengthening\b(?! families)",  # "Strengthening Families" is a programme
    r"\bplans? to\b",
    r"\brecent(?:ly)?\b",
    r"\bimproved\b",
]
_EFFECTIVE = [
    r"\beffective(?:ly)?\b",  # "the effectiveness of" names a topic, not praise
    r"\bstrong(?:ly|er)?\b",  # "stronger arrangements with" (ILACS)
    r"\bstrength(?:s|ened)?\b",
    r"\brobust(?:ly)?\b",
    r"\bwell[- ](?:attended|established|developed|embedded|understood|chaired|managed|led|"
    r"engaged|represented|placed|informed)\b",
    r"\bgood\b",
    r"\bclear(?:ly)?\b",
    r"\bproductive\b",
    r"\bwidely\b",
    r"\bvalued\b",
    r"\bappropriate(?:ly)?\b",
    r"\bproperly\b",
    r"\bpositive(?:ly)?\b",
    r"\bcomprehensive\b",
    r"\bvigorous\b",
    r"\bsuccessful(?:ly)?\b",
    r"\bclose(?:ly)?\b",
    r"\bmature\b",
    r"\btimely\b",
    r"\bhelpful\b",
    r"\bconstructive(?:ly)?\b",
    r"\brigorous(?:ly)?\b",
    r"\btenacious\b",
    r"\bactive(?:ly)?\b",
    r"\bcommit(?:ted|ment)\b",
    r"\bexcellent\b",
    r"\boutstanding\b",
    r"\bimpressive\b",
    r"\bconsistent(?:ly)?\b",
    r"\bmeets? statutory requirements\b",
    r"\battend(?:s|ed)? regularly\b|\bregular(?:ly)? attend",
    # not "as well as" nor "well-being"
    # nor "safe and well checks" (a police check's name)
    r"(?<!as )(?<!safe and )\bwell\b(?![- ]?being\b|\s+as\b)",
    r"\bsound\b",
    r"\bsolid\b",
    r"\bwork(?:s|ed|ing)? hard\b",
    r"\bpurposeful\b",
    r"\broutinely\b",  # "routinely scrutinises" (ILACS); "not routinely" is weak
    r"\bsupportive\b",
    r"\bcollaborative(?:ly)?\b",
    r"\bfull range\b",
    r"\bengaged\b",
    r"\bbenefits? from\b",
    r"\bensur(?:es|ing)\b",  # "ensures that": praise; "to ensure that" is a purpose
    r"\bcareful\b",
    r"\bproactive(?:ly)?\b",
    r"\bconfiden(?:ce|t)\b",
    r"(?<!to )\bsecure\b",  # "to secure funding" is a purpose
    r"\bcohesive\b",
    r"\bthorough\b",
    r"\bas a (?:direct )?result of\b",  # "as a result of Board challenge, ..."
    r"\bmakes? sure\b",
    r"(?<!to )\benables?\b",  # "relationships ... enable leaders to"; "to enable" is a purpose
    r"\bsufficient(?:ly)?\b",  # "not sufficiently" is weak, read first
    r"\bhelps? to (?:prevent|reduce|improve|ensure|identify|protect)\b",
    # "has resulted in significant improvements": the link's good effect
    r"\b(?:resulted in|led to|leading to|contributed to)\s+(?:[\w-]+\s+){0,2}"
    r"(?:improvements?|better|reductions?)\b",
]
_QUOTED = re.compile(r"‘[^’]{1,40}’(?!\w)|“[^”]{1,40}”|(?<![\w'])'[^'\n]{1,40}'(?!\w)")
_NEGATORS = re.compile(r"\b(?:not|no|nor|never|lack of|without|neither)\b(?:\W+\w+){0,3}\W*$")
#: one alternation per level: a clause is searched once per level. Every cue starts a
#: word with a letter, so each alternation is tried only there ("(?<!\w)(?=[a-z])"
#: first; the text is lower case): tried at every character, the cues cost a third
#: of the extraction's time
_CUES = {
    level: re.compile(r"(?<!\w)(?=[a-z])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")
    for level, patterns in zip(LEVELS, (_ABSENT, _WEAK, _DEVELOPING, _EFFECTIVE), strict=True)
}

# where a sentence is cut into clauses, and whether the clause after is a concession
_CUT = re.compile(
    r";|,\s+and\s+(?=(?:there|this|it|these|they|relationships?|links?|engagement"
    r"|partnership working)\b)|,?\s\bbut\b|,?\s\bhowever\b|^however\b"
    r"|,?\s\b(?:although|though|whilst|while|despite|nevertheless|yet)\b(?!\s+to\b)"
    r"|^(?:although|though|whilst|while|despite)\b"
    # a condition or a cause is a clause of its own: "... when unable to match placements"
    r"|,?\s(?:when|because|where)\b",
    re.I,
)
_CONCESSIVE = re.compile(r"^\W*(?:although|though|whilst|while|despite)\b", re.I)


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    concessive: bool  # opens with "although", "while"...: the main clause follows


@dataclass(frozen=True)
class Judged:
    quality: str  # effective, developing, weak, absent or stated
    cue: str | None  # the words that decided it


def clauses(sentence: str) -> list[Clause]:
    """The sentence cut at contrast words and semicolons, in order."""
    cuts = [0]
    for m in _CUT.finditer(sentence):
        # "has not yet, however, secured ...": the clause goes on
        if m.start() > 0 and not re.search(r"\bnot(?:\s+yet)?\s*$", sentence[: m.start()]):
            cuts.append(m.start())
    # "While X, Y": a fronted concession ends at its first comma
    if _CONCESSIVE.match(sentence):
        comma = re.search(r"^\W*\w+(?:\W+\w+){2,}?,\s", sentence)
        if comma:
            cuts.append(comma.end() - 1)
    cuts = sorted(set(cuts))
    cuts.append(len(sentence))
    out = []
    for a, b in itertools.pairwise(cuts):
        if b > a:
            out.append(Clause(a, b, bool(_CONCESSIVE.match(sentence[a:b].lstrip(" ,;")))))
    return out


@functools.lru_cache(maxsize=8192)
def judge(text: str) -> Judged:
    """The most severe quality whose cue ``text`` holds, praise under a
    negation counting as weakness; ``stated`` when it holds none."""
    # a short quoted name ("'safe and well' checks") judges nothing
    low = _QUOTED.sub(" ", text).lower().replace("’", "'")
    negated = None
    for m in _CUES["effective"].finditer(low):
        if _NEGATORS.search(low[max(0, m.start() - 40) : m.start()]):
            negated = m.group()
            break
    for level in LEVELS:
        if level == "weak" and negated:
            return Judged("weak", "not " + negated)
        m = _CUES[level].search(low)
        if m:
            # "works well ... on emerging topics", "productive relationships ... have
            # improved timeliness": a word of change beside praise of the link is the
            # link's good effect, not a link still developing
            if level == "developing" and _CHANGE_ONLY.fullmatch(m.group().strip()):
                praise = _CUES["effective"].search(low)
                if praise and all(
                    _CHANGE_ONLY.fullmatch(d.group().strip())
                    for d in _CUES["developing"].finditer(low)
                ):
                    return Judged("effective", praise.group().strip())
            return Judged(level, m.group().strip())
    return Judged("stated", None)


#: developing cues that only say something changed ("improved", "recent", "new")
_CHANGE_ONLY = re.compile(r"improved|recent(?:ly)?|new(?:ly)?|emerging|increasing(?:ly)?")


def is_negative(quality: str) -> bool:
    return quality in ("absent", "weak")
