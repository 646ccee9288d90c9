"""Partnership links from a parsed report: bodies, links, quality, evidence.

:func:`extract_links` reads a :class:`~graph.reader.model.Report` paragraph by
paragraph and sentence by sentence, and returns an :class:`Extraction` of plain
data (no RDF: :mod:`graph.rdf.extraction` turns it into triples):

1. **bodies**: :func:`graph.extract.bodies.find_mentions` names the bodies of
   each sentence; words that name a body only in context ("the Board", "the
   chair", "the Panel", "They") are resolved here, from the section (the LSCB
   part of a report), what the paragraph named before and the abbreviations
   the report defines (:func:`graph.extract.bodies.defined_abbreviations`).
   Each body gets one IRI by
   the identity rules (:func:`graph.iri.body`, joint bodies through
   ``data/joint-bodies.tsv``).
2. **links**: a trigger (a verb or noun of the link-kind vocabulary: "chaired
   by", "represented on", "reports to", "holds ... to account", "links with",
   "scrutiny of", "commissioned") pairs the subject of its clause with the
   bodies after it (or, passive, the other way round); "represented",
   "attend", "sits on" without a board in the clause point at the section's
   board. Every link keeps the sentence that carries it, verbatim, and the
   rule that made it.
3. **quality**: :mod:`graph.extract.quality` judges the clause the link sits
   in; a later clause of the same sentence that hedges one end of the link
   ("..., although safeguarding has not been a regular agenda item at the
   HWB") or the main clause after a concession overrides it.
4. **confidence**: :func:`confidence` gives each link its rule's measured
   record on the development labels (:data:`RULE_RECORD`), discounted for
   reports the rules were not written for.
5. **what is emitted**: links of the rules in :data:`NOT_EMITTED` (a poor
   record on the development labels) and links under :data:`FLOOR` are held
   back; ``every=True`` returns them too, for measuring.

Rules only, from the standard library: on the labelled development reports
they matched or beat a classifier trained on the labels, with no import cost
(see ``bench/extract_results.md``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph import iri
from graph.extract.bodies import (
    NAMED_TYPES,
    Mention,
    body_types,
    clean_name,
    defined_abbreviations,
    find_mentions,
)
from graph.extract.confidence import link_features, model_confidence
from graph.extract.quality import Judged, clauses, is_negative, judge

if TYPE_CHECKING:  # pragma: no cover
    from graph.reader.model import Report

#: identifier and version of this extractor, written on every extraction graph
EXTRACTOR = "sgkg-rules"
VERSION = "2.13"

#: body types that other bodies sit on, report to or are linked with as a forum
BOARD_TYPES = {
    "lscb",
    "safeguarding-partnership",
    "hwb",
    "childrens-trust-board",
    "family-justice-board",
    "mappa-smb",
    "csp",
    "safeguarding-adults-board",
    "domestic-abuse-board",
    "corporate-parenting-panel",
    "scrutiny-committee",
    "adoption-panel",
    "fostering-panel",
    "edge-of-care-panel",
    "marac",
    "cdop",
    "board",
    "lscb-subgroup",
}
#: posts that chair (a "led by" or "leadership of" naming one of these is a chair)
_CHAIR_TYPES = {"lscb-chair", "post", "lead-member", "independent-scrutineer", "public-health"}
#: the council's own teams, posts and forums: no partner of the council it is part of
_COUNCIL_OWN = {
    "social-work-team",
    "service-manager",
    "iro-service",
    "children-in-care-council",
    "care-leavers-service",
    "principal-social-worker",
    "dcs",
    "lado",
    "advocacy",
    "elected-members",
    "lead-member",
    "chief-executive",
}
#: the council's children's social care workforce: a works-with link between two of
#: them is internal management, not a partnership link
_WORKFORCE = {
    "childrens-services",
    "social-work-team",
    "service-manager",
    "principal-social-worker",
    "iro-service",
    "care-leavers-service",
}
#: bodies that never chair: a council, its services as a whole
_NEVER_CHAIR = {"local-authority", "childrens-services", "adult-services", "social-work-team"}


@dataclass(frozen=True)
class Trigger:
    pattern: re.Pattern[str]
    kind: str  # link-kind key
    mode: str  # active | passive | between | member | account | annual
    rule: str


def _t(pattern: str, kind: str, mode: str, rule: str) -> Trigger:
    return Trigger(re.compile(pattern, re.I), kind, mode, rule)


TRIGGERS: list[Trigger] = [
    # chairs
    _t(r"\bchaired by\b", "chairs", "passive", "chairs/by"),
    _t(
        r"\b(?:is|was|are|as)\s+(?:also\s+)?(?:the\s+)?(?:independent\s+)?chair(?:man|person)?"
        r"\s+of\b",
        "chairs",
        "active",
        "chairs/is-chair-of",
    ),
    _t(r"\bchairs\b|\bchairing\b", "chairs", "active", "chairs/verb"),
    _t(r"\bleadership of\b|\bled by\b", "chairs", "passive", "chairs/led-by"),
    # membership
    _t(r"\bwell[- ]attended by\b|\battended by\b", "member-of", "passive", "member-of/attended-by"),
    _t(
        r"\bcomprised of\b|\bcomprising\b|\bmade up of\b|\bconstituted of\b|\bwhich includes\b"
        r"|\bincorporating\b",
        "member-of",
        "passive",
        "member-of/comprises",
    ),
    _t(r"\bparticipa\w* observer\b|\bobserver\b", "observer-of", "member", "observer-of"),
    _t(
        r"\brepresent(?:ed|ation|atives?)\b|\battend(?:s|ed|ing|ance)?\b|\bsits? on\b|\bsat on\b"
        r"|\bsitting on\b"
        r"|\bmembers? of\b|\bmembership\b|\bboard members\b|\bis an? (?:\w+\s+){0,3}partner\b"
        r"|\bare engaged\b|\bis engaged\b|\brole on\b|\bserves? on\b"
        r"|\b(?:engagement|participation) in\b|\bparticipates? in\b",
        "member-of",
        "member",
        "member-of/implicit",
    ),
    # reporting
    _t(r"\breporting arrangements? between\b", "reports-to", "between", "reports-to/between"),
    _t(
        r"\binformation[- ]sharing between\b|\bsharing of information between\b",
        "shares-information-with",
        "between",
        "shares-information-with/between",
    ),
    _t(
        r"\b(?:links?|linkages?|relationships?|communication|partnership working|joint working"
        r"|alignment|engagement|collaboration|co-?operation|liaison"
        r"|interfaces?|(?:strategy\s+)?discussions?|(?:strategy\s+)?meetings?"
        r"|(?:lines\s+of\s+)?accountability"
        r"|(?:governance|working|partnership|joint)\s+arrangements?|(?:joint\s+)?protocols?)"
        r" between\b|\b(?:partnership|joint|multi-agency) working involving\b",
        "works-with",
        "between",
        "works-with/between",
    ),
    _t(
        r"\b(?:information|intelligence) (?:provided by|from)\b",
        "shares-information-with",
        "passive",
        "shares-information-with/from",
    ),
    _t(
        r"\breceives?\b[^.;]{0,60}?\b(?:reports?|updates?|data|information)\b[^.;]{0,40}?\bfrom\b",
        "reports-to",
        "passive",
        "reports-to/receives-from",
    ),
    _t(
        r"\b(?:reports?|reported|reporting|presents?|presented)\s+(?:\w+\s+){0,3}?to\b"
        r"|\bprovided a report\b",
        "reports-to",
        "active",
        "reports-to/verb",
    ),
    _t(r"\bannual report\b", "annual-report-to", "annual", "annual-report-to"),
    # accountability and scrutiny
    _t(r"\bhold(?:s|ing)?\b[^.;]{0,60}?\bto account\b", "accountable-to", "account", "account"),
    _t(r"\baccountable to\b", "accountable-to", "active", "accountable-to/verb"),
    _t(r"\boverseen by\b", "scrutinises", "passive", "scrutinises/overseen-by"),
    _t(
        r"\bscrutin\w*\b|\bchalleng(?:e|es|ed|ing)\b|\boversight\b|\boversee(?:s|ing)?\b"
        r"|\bmonitor(?:s|ed|ing)?\b|\baudit(?:s|ed)? of\b|\binfluence\b"
        r"|\bquality assurance (?:to|of)\b",
        "scrutinises",
        "active",
        "scrutinises/verb",
    ),
    # commissioning and information
    _t(
        r"\bcommission(?:s|ed|ing)?\b|\bcontract(?:s|ed)? with\b|\bspot purchases?\b",
        "commissions",
        "active",
        "commissions/verb",
    ),
    _t(
        r"\binformation[- ]sharing\b|\bshar(?:e|es|ed|ing) (?:information|data|findings|learning)\b"
        # "the panel is shared with four other authorities" is a joint arrangement
        r"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\bshared with\b|\bpassed to\b"
        r"|\bpass(?:es|ed)? (?:on )?(?:information|intelligence)\b|\bdisseminated\b"
        r"|\breferrals? (?:from|to)\b|\b(?:agency )?checks with\b"
        r"|\bpass(?:ed|es)? (?:\w+\s+){0,2}?(?:on\s+)?to\b|\brefer(?:s|red)? (?:\w+\s+){0,3}?to\b"
        r"|\balert(?:s|ed|ing)?\b|\bnotif(?:y|ies|ied|ications?)\b",
        "shares-information-with",
        "active",
        "shares-information-with/verb",
    ),
    # joint arrangements, plans and working together
    _t(
        r"\bjoint (?:local safeguarding children )?board with\b|\bjoint (?:working )?arrangements?"
        r" with\b",
        "joint-arrangement-with",
        "active",
        "joint-arrangement-with",
    ),
    _t(r"\bshares? an? (?:\w+\s+){0,3}plan\b", "shares-plan-with", "active", "shares-plan-with"),
    _t(r"\bsupported by\b", "works-with", "passive", "works-with/supported-by"),
    _t(
        r"\blinks?\b|\bworking relationships?\b|\brelationships?\b"
        r"|\bwork(?:s|ed)? (?:\w+\s+){0,3}with\b"
        r"|\bworking (?:\w+\s+){0,3}with\b|\bprotocols?\b|\bpartnership working\b|\bjoint working\b"
        r"|\bmeets? (?:\w+\s+)?with\b|\bmeetings? with\b|\bin partnership with\b|\btogether with\b"
        r"|\bengag(?:e|es|ing|ement)\b|\bcollaborat\w+\b|\bstrategy (?:discussions|meetings)\b"
        r"|\bjoint investigations\b|\bliais\w*\b|\bintegrat\w+ (?:of|with)\b|\bcontribut\w+\b"
        r"|\binvolv\w*\b|\bmeet (?:\w+\s+){0,3}(?:regularly|formally|monthly|quarterly)\b"
        r"|\bconsult(?:s|ed|ing|ation)?\b|\bin conjunction with\b|\bpartnerships? with\b"
        r"|\bshared \w+ with\b|\bbring(?:s|ing)? together\b"
        r"|\bjoint work with\b|\bco-?locat\w+\b"
        # 2019+ ILACS wording: "stronger strategic arrangements with partner agencies",
        # "has engaged constructively with peer local authorities"
        r"|\b(?:strategic|partnership|working|multi-agency|local)\s+arrangements?\s+with\b"
        r"|\bengaged\s+(?:\w+\s+){0,2}with\b",
        "works-with",
        "active",
        "works-with/verb",
    ),
    # more ILACS wording: "well connected to a wide range of partners", "improve
    # communication with", "regular contact with", "makes good use of", "have worked
    # ... together", "a joint assessment ... from children's social care and housing"
    _t(
        r"\b(?:well\s+)?connected (?:to|with)\b|\bcommunication with\b"
        r"|\b(?:regular|close|good|frequent|direct|effective) contact with\b"
        r"|\bmakes? (?:\w+\s+){0,2}use of\b|\bwork(?:s|ed|ing)? (?:\w+\s+){0,3}?together\b"
        r"|\bwork(?:s|ing)? collectively\b|\bjoint (?:\w+\s+)?assessments?\b",
        "works-with",
        "active",
        "works-with/contact",
    ),
    # "effective step-up arrangements to social care", "stepped up from early help to
    # children's social care": early help and children's social care pass cases between them
    _t(
        r"\bstep(?:ped|s|ping)?[- ]?(?:up|down)\b(?:\s+and\s+step(?:ped)?[- ]?(?:up|down)\b)?",
        "works-with",
        "active",
        "works-with/step",
    ),
    # "The emergency duty service is hosted by the borough": a service run by the council
    _t(r"\bhosted by\b", "part-of", "active", "part-of/hosted-by"),
    # an agency's view of its work with the council: "The judiciary and Cafcass are
    # confident in the quality of work", "schools are positive about the virtual school"
    _t(
        r"\b(?:are|is|were|was|remain)\s+(?:\w+\s+)?(?:positive|confident|complimentary"
        r"|appreciative)\s+(?:about|in|of|with)\b|\b(?:good|strong|positive) reputation with\b",
        "works-with",
        "active",
        "works-with/view",
    ),
]

_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|ensures?|means?|provides?|will|would|can|could|should"
    r"|does|did|been|being|which|that|who|to ensure|so that)\b",
    re.I,
)
_ANAPHORIC_HEDGE = re.compile(
    r"^\W*(?:but|although|though|however|yet)\W+(?:which|who|is|are|was|were|has|have|had"
    r"|remains?|this|these|it|they|not|still|does|do)\b",
    re.I,
)
_ANAPHORIC_VERDICT = re.compile(
    r"^\W*and\s+(?:this|it|these|they)\s+(?:is|are|was|were|has|have)\b", re.I
)
_FOR_EXAMPLE = re.compile(r"^\W*(?:for example|for instance|in particular|this includes)\b", re.I)
#: body types that are posts: "the council's chief executive" is a post in the council
_POSTS = {
    "dcs",
    "chief-executive",
    "lead-member",
    "leader",
    "principal-social-worker",
    "lado",
    "service-manager",
    "post",
    "elected-members",
}
_COUNCIL_IMPLIED = {"works-with", "shares-information-with", "reports-to"}
_JOINT_WORK = re.compile(
    r"together with|in partnership with|strategy (?:discussions|meetings)|contribut|involv|attend"
    r"|consult|joint (?:\w+\s+)?assessment|checks with|communication with|contact with|engagement"
    r"|positive|confident|complimentary|appreciative|together"
    r"|work(?:s|ing)? collectively",
    re.I,
)
_CHECKS = re.compile(r"(?:agency )?checks with", re.I)
#: agencies outside the council, whose joint work with it a sentence may leave implied
_AGENCIES = {
    "partner-agencies",
    "police",
    "health",
    "nhs-trust",
    "ccg",
    "icb",
    "schools",
    "probation",
    "cafcass",
    "voluntary-sector",
    "housing",
    "camhs",
    "public-health",
}
_TOPIC_BEFORE = re.compile(r"\b(?:on|about|regarding|around|into)\s+(?:the\s+)?$", re.I)
#: words after which every body the clause names is what a link is about, not a party:
#: "challenge to the local authority about the quality of work with ... early help"
_TOPIC_AFTER = re.compile(r"\b(?:about|regarding|concerning)\b", re.I)
#: "commissioned an evaluation of the work at the front door": the body is the
#: subject matter of a piece of work, not a party (except to scrutiny)
_WORK_OF = re.compile(
    r"\b(?:evaluation|review|audit|assessment|analysis|research|report|evaluations|reviews)"
    r"\s+(?:of|into)\s+(?:the\s+)?(?:(?:work|practice|quality|effectiveness|impact)\s+"
    r"(?:of|at|in)\s+(?:the\s+)?)?[‘'\"]?$",
    re.I,
)
#: an "attend" with an object that is not a board ("attend the briefing sessions",
#: "attend good schools", "attend CPCs") is no membership of the section's board
_ATTEND = re.compile(r"(?i)^attend")
_ATTEND_BARE = re.compile(
    r"(?i)^\W*(?:$|[,.;)]|(?:and|but|regularly|well|consistently|fully|is|are|was|were|has"
    r"|have|by|from|rates?|at (?:the )?(?:board|meetings?|lscb|partnership))\b)"
)
#: what may stand between a noun trigger and "by" its agent: "oversight of practice by"
_NOUN_AGENT = re.compile(r"^\s*(?:arrangements\s+)?(?:of\s+(?:[\w-]+\s+){1,2})?by\s+(?:the\s+)?$")
#: "sitting on all three boards", "reports to both boards": every board the sentence named
_ALL_BOARDS = re.compile(
    r"^\s*(?:all\s+(?:two|three|four|the)\s+|both\s+(?:the\s+)?)(?:[\w-]+\s+)?boards\b"
)
#: "'s" and up to two words between an owner and what it owns: "the board's training"
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')\s+(?:(?!(?:and|or|as well as)\b)[\w-]+\s+){0,2}")
#: a possessive after a body: it owns the noun that follows ("the council's model")
_OWNER = re.compile(r"^(?:’s|'s)\s")
#: a sentence that opens with its subject: "The health sub-group ...", "In 2015, the ..."
_OPENS = re.compile(r"^\W*(?:\w+\W+){0,3}$")
#: "attend regular board meetings", "attend the partnership's meetings"
_ATTEND_BOARD = re.compile(
    r"(?i)^\W*(?:the\s+)?(?:regular\s+|all\s+)?(?:board|lscb|partnership)(?:’s|'s)?\s+meetings?"
)
#: a sentence that opens with a pronoun standing for the subject of the one before
_PRONOUN = re.compile(
    r"^\W*(?P<word>They|It|He|She)\b"
    # "It is clear that ...", "It is too early to ...": no one is the subject
    r"(?!\s+(?:is|was|has been|will be|remains)\s+(?:not\s+)?(?:yet\s+)?(?:\w+\s+){0,2}?"
    r"(?:that|to|whether|how|clear|unclear|evident|apparent|difficult|likely|important|possible"
    r"|early|recent|notable|noticeable)\b)"
)
#: sections whose paragraphs ask for a link to be improved: the link is weak as found
_IMPROVEMENT_SECTION = re.compile(
    r"areas?-for-improvement|recommendations|priority|what-needs-to-improve|need-to-improve"
)
#: the numbered summary of a report's findings and its list of strengths (SIF): they
#: repeat findings made later, as the labelling guide says
_SUMMARY_SECTION = re.compile(r"summary-of|strengths")
_SENTENCE_END = re.compile(r"(?<=[.!?])[’'\")\]]?\s+(?=[A-Z‘'\"(•–-])")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|No|St|Dr|Mr|Mrs|Ms|vs|para|paras|approx)\.)$")
#: what may stand between a subject and its verb "chairs": "The lead member, who also
#: chairs", "The chair (Ms X) currently chairs"
_SUBJECT_GAP = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:who|which|that|also|now|currently|jointly|still"
    r"|personally|\w+ly)\s+)*(?:co-)?$",
    re.I,
)
#: a pronoun or relative word right before the verb: "He also chairs", "who chairs"
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|who|which|that)\s+(?:(?:also|now|currently|jointly"
    r"|still|\w+ly)\s+)*(?:co-)?$"
)
#: what a verb "chairs"/"chairing" takes as its object: "chairs the board", "chairs both"
_CHAIRS_OBJECT = re.compile(
    r"^\s+(?:(?:the|a|an|its|their|his|her|both|all|two|three|several|this|these|regular"
    r"|monthly|quarterly|multi-agency|local)\b|[A-Z])"
)
#: what may stand between the body chaired and "chaired by" / "led by": "The panel is
#: appropriately constituted and chaired by", "The Board (CYPP), chaired by"
_CHAIRED_GAP = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:is|are|was|were|has|have|had|been|being|which|who"
    r"|that|also|now|currently|jointly|well|both|and|run|led|\w+ly|\w+ed|\w+en)\s+)*(?:co-)?$",
    re.I,
)
#: a clause whose subject is a meeting the report does not name as a body: "A
#: productive inter-boards' chairs meeting ... links A, B and C"
_MEETING_SUBJECT = re.compile(
    r"^\W*(?:an?|the|this|these|its|their)\s+(?P<name>(?:(?!(?:this|that|these|those|the|an?"
    r"|of|which|who|for|to)\s)[\w’'-]+\s+){0,4}?"
    r"(?:meetings?|forums?|groups?|network))\b",
    re.I,
)
#: a meeting or forum named right before "(that are) (well) attended by"
_ATTENDED_FORUM = re.compile(
    r"(?P<name>(?:[\w’'-]+\s+){0,5}?(?:meetings?|forums?|groups?|panels?))\s*,?\s*"
    r"(?:(?:that|which)\s+)?(?:(?:are|is|were|was|have been|has been)\s+)?"
    r"(?:(?:well|very well|consistently|regularly|routinely|always)\s+)?$",
    re.I,
)
#: case meetings: the council's casework, which agencies attend as its partners
_CASEWORK = re.compile(
    r"(?i)\b(?:strategy|core groups?|child protection|child[- ]in[- ]need|cin|review"
    r"|case|professionals)\b"
)
_MEETING_JUDGING = re.compile(
    r"^(?:(?:productive|useful|effective|good|strong|regular|well-attended|valuable|new"
    r"|recently established|established|positive|helpful)\s+)+",
    re.I,
)


def chairs_is_verb(sentence: str, start: int, end: int, mention_ends: list[int]) -> bool:
    """Whether the word "chairs"/"chairing" at ``start:end`` of ``sentence`` is a
    verb: it has an object after it ("chairs the board") and a subject right
    before it (a body named just before, or "he", "who"). In "an inter-boards'
    chairs meeting", "conference chairs and panel chairs" or "the chairing of
    the sub-groups" it is a noun, and no one chairs anything."""
    if not _CHAIRS_OBJECT.match(sentence[end:]):
        return False
    before = sentence[:start]
    if _PRONOUN_SUBJECT.search(before):
        return True
    return any(_SUBJECT_GAP.match(before[e:]) for e in mention_ends if e <= start)


@dataclass
class Body:
    """One body of the report's partnership, as the report names it."""

    iri: str
    body_type: str
    label: str
    area: str  # the area key it is minted under (a joint body's own area)
    names: list[str] = field(default_factory=list)  # as printed, first seen first
    paragraphs: list[int] = field(default_factory=list)
    own: bool = True  # False: a body of another area (a neighbouring council or its board)


@dataclass
class Link:
    """One finding: a link between two bodies, its quality and its evidence."""

    source: str  # body IRI
    kind: str  # link-kind key
    target: str  # body IRI
    quality: str  # link-quality key
    paragraphs: list[int]
    quotes: list[str]  # the sentences that carry it, verbatim
    rule: str
    confidence: float
    cue: str | None = None  # the words that decided the quality
    #: the pattern filled one end in from context (the section's board, the council)
    implied: bool = False
    #: what :func:`graph.extract.confidence.model_confidence` weighed (not written to RDF)
    features: dict[str, float] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Extraction:
    """What the extractor found in one report."""

    report_iri: str
    authority_key: str
    bodies: dict[str, Body] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: (paragraph, body type) of every body named, for measuring what was recognised
    mentioned: set[tuple[int, str]] = field(default_factory=set)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREV.search(text[start : m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


class _Resolver:
    """Mints the bodies of one report: one :class:`Body` per IRI, with every
    name the report printed for it."""

    def __init__(self, extraction: Extraction, authority_name: str) -> None:
        from graph.rdf.report import short_name

        self.x = extraction
        self.area = extraction.authority_key
        self.council = authority_name
        self.short = short_name(authority_name)
        self.types = body_types()
        self.served: set[str] = set()  # joint bodies whose "serves" links are written
        self.said: set[str] = set()  # rules that state a link once per report

    def served_by(self, body_type: str) -> list[str]:
        """The authorities the joint body of ``body_type`` of this area serves."""
        area = iri.joint_area(self.area, body_type)
        return iri.joint_members(area, body_type) if area else []

    def body(
        self,
        body_type: str,
        name: str | None,
        printed: str,
        para: int,
        other: tuple[str, str] | None = None,
    ) -> Body:
        """``other``: (area key, place as printed) of a body of another area
        ("the Borough of Poole", "the Boards in Leicestershire and Rutland")."""
        if body_type not in self.types:
            body_type = "unit"
        area = self.area
        if other is not None:
            key, place = other
            uri = iri.body(key, body_type)
            area = iri.joint_area(key, body_type) or key
            label = iri.joint_label(key, body_type) or (
                place
                if body_type == "local-authority"
                else f"{place} {self.types[body_type].label}"
            )
        elif body_type in NAMED_TYPES and name:
            uri = iri.body(self.area, body_type, name)
            label = name[:1].upper() + name[1:]
        elif _SUB_REGIONAL.match(printed) and not iri.joint_area(self.area, body_type):
            # "the Greater Manchester Children's Health and Wellbeing Board": a body of
            # the sub-region, not the authority's own of that type (a joint body the
            # register lists, "the pan-Dorset CDOP", keeps its one IRI)
            own_name = re.sub(r"^(?:[Tt]he)\s+", "", " ".join(printed.split()))
            uri = iri.body(self.area, body_type, own_name)
            label = own_name[:1].upper() + own_name[1:]
        else:
            uri = iri.body(self.area, body_type)
            area = iri.joint_area(self.area, body_type) or self.area
            label = iri.joint_label(self.area, body_type) or (
                f"{self.short} {self.types[body_type].label}"
            )
            if body_type == "local-authority":
                label = self.council  # as the reader labels the council
        found = self.x.bodies.get(uri)
        if found is None:
            found = self.x.bodies[uri] = Body(uri, body_type, label, area, own=other is None)
        printed = " ".join(printed.split())
        if printed and printed not in found.names:
            found.names.append(printed)
        if para not in found.paragraphs:
            found.paragraphs.append(para)
        return found


@dataclass
class _Found:
    mention: Mention
    body: Body


def _resolve_context(
    mentions: list[Mention],
    *,
    board_context: str | None,
    last_board: _Found | None,
    named_lscb: bool,
) -> list[tuple[Mention, str, str | None]]:
    """(mention, body type, name) for each mention, context words resolved;
    a context word that cannot be resolved is dropped."""
    out = []
    for m in mentions:
        if not m.contextual:
            out.append((m, m.body_type, m.name))
            continue
        word = m.text.split()[-1].lower()
        if word == "panel":
            if last_board and last_board.body.body_type != "lscb":
                out.append((m, last_board.body.body_type, _name_of(last_board)))
            continue
        if m.body_type == "lscb-chair":
            if (
                m.text.lower().startswith("its")
                and last_board
                and last_board.body.body_type
                not in (
                    "lscb",
                    "safeguarding-partnership",
                )
            ):
                out.append((m, "post", "chair of " + last_board.body.label))
                continue
            if board_context == "lscb" or named_lscb:
                out.append((m, "lscb-chair", None))
            elif board_context == "safeguarding-partnership":
                out.append((m, "independent-scrutineer", None))
            continue
        if m.body_type == "safeguarding-partnership":
            if board_context == "safeguarding-partnership":
                out.append((m, "safeguarding-partnership", None))
            else:
                out.append((m, "partner-agencies", None))
            continue
        # "the Board": the section's board, else the board the paragraph named last
        if board_context == "lscb":
            out.append((m, "lscb", None))
            continue
        if last_board and last_board.body.body_type not in ("lscb", "safeguarding-partnership"):
            out.append((m, last_board.body.body_type, _name_of(last_board)))
            continue
        if board_context:
            out.append((m, board_context, None))
        elif named_lscb:
            out.append((m, "lscb", None))
    return out


_PLACE = r"[A-Z][\w’'-]+(?:\s+(?:upon|on|and)\s+[A-Z][\w’'-]+|\s+[A-Z][\w’'-]+){0,2}"
#: other councils and boards the sentence names by place: "the Borough of Poole",
#: "the Boards in Leicestershire and Rutland", "Dorset County Council"
_OTHER_AREA = re.compile(
    rf"\b(?:[Tt]he\s+)?(?:(?:Royal|London)\s+)?Borough of\s+(?P<la>{_PLACE})"
    rf"|\b(?:[Tt]he\s+)?(?:[Bb]oards|LSCBs)\s+(?:in|of|for)\s+(?P<boards>{_PLACE}"
    rf"(?:(?:,\s*|\s+and\s+){_PLACE})*)"
)
_PLACE_BEFORE = re.compile(r"((?:[A-Z][\w’'-]+\s+){1,3})$")


def _place_key(place: str, own_name: str) -> str | None:
    """The area key of a place the register knows that is not the report's own."""
    from graph.authorities import load_register

    place = place.strip()
    if not place or place.lower() in own_name.lower():
        return None
    known = load_register().resolve(place)
    return getattr(known, "key", None) if known is not None else None


def _other_area_mentions(
    sentence: str, mentions: list[Mention], own_name: str
) -> tuple[list[Mention], dict[int, tuple[str, str]]]:
    """Mentions of other areas' councils and boards added to ``mentions``, and
    for each mention (by start) the (area key, place) of another area it names."""
    other: dict[int, tuple[str, str]] = {}
    added: list[Mention] = []
    for m in mentions:
        if m.body_type in ("local-authority", "lscb") and not m.contextual:
            before = _PLACE_BEFORE.search(sentence[: m.start])
            if before and not re.search(r"(?i)\bthe\s*$", sentence[: m.start]):
                words = before.group(1).split()
                while words and words[0] in ("The", "A", "An", "With", "And", "Of"):
                    words = words[1:]
                place = " ".join(words)
                key = _place_key(place, own_name)
                if key:
                    other[m.start] = (key, place)
    for m in _OTHER_AREA.finditer(sentence):
        if any(x.start < m.end() and m.start() < x.end for x in mentions):
            # "the Board" inside "the Boards in ..." gives way to the places
            mentions = [x for x in mentions if not (x.start < m.end() and m.start() < x.end)]
        if m.group("la"):
            key = _place_key(m.group("la"), own_name)
            if key:
                mm = Mention(m.start(), m.end(), m.group(), "local-authority")
                added.append(mm)
                other[mm.start] = (key, m.group("la"))
            continue
        text = m.group("boards")
        base = m.start("boards")
        for pm in re.finditer(_PLACE, text):
            place = re.sub(r"\s+and\s*$", "", pm.group())
            for part in (
                re.split(r"\s+and\s+", place) if _place_key(place, own_name) is None else [place]
            ):
                key = _place_key(part, own_name)
                if key:
                    start = base + pm.start() + pm.group().find(part)
                    mm = Mention(start, start + len(part), part, "lscb")
                    added.append(mm)
                    other[mm.start] = (key, part)
    out = sorted([*mentions, *added], key=lambda x: x.start)
    return out, other


def _name_of(found: _Found) -> str | None:
    return clean_name(found.mention.text) if found.body.body_type in NAMED_TYPES else None


#: every trigger in one pass: at each place the first trigger of the table that matches wins.
#: Every trigger starts a word with a letter, so the pass tries the table only there
#: ("(?<!\w)(?=[a-z])" first): the regex engine otherwise tries all 29 alternatives
#: at every character, a third of the extraction's time
_ALL_TRIGGERS = re.compile(
    r"(?<!\w)(?=[a-z])(?:"
    + "|".join(f"(?P<t{i}>{t.pattern.pattern})" for i, t in enumerate(TRIGGERS))
    + ")",
    re.I,
)


_CO_LOCATED = re.compile(r"(?i)co-?locat")
_PLACE_BEFORE_BODY = re.compile(r"(?i)\b(?:in|within|at|inside|based in)\s+(?:the\s+)?$")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+|all\s+|other\s+)?$")
#: a body named as the owner of a document ("the early help strategy") is no party
_DOCUMENT_AFTER = re.compile(
    r"^\s+(?:strateg(?:y|ies)|plans?|polic(?:y|ies)|procedures?|thresholds?|documents?"
    r"|guidance|toolkits?)\b",
    re.I,
)
#: what ends the list of a trigger's parties: a purpose, a comment after a comma
_LIST_END = re.compile(
    r"\bto\s+(?!(?:the|a|an|its|their|his|her|all|other|each|both|key|local|partner|relevant"
    r"|wider|senior|account)\b)[a-z]+\b|,\s*(?:evident|which|where|as shown|as seen)\b"
)
#: body types of a front door that agencies are co-located in
_HUB_TYPES = {"mash", "front-door"}
#: between an agency and the front door it sits in: "police partners in the", "staff based in"
_IN_HUB_GAP = re.compile(
    r"\s+(?:partners?\s+|colleagues\s+|staff\s+|representatives\s+|workers\s+)?"
    r"(?:(?:are|is)\s+(?:now\s+|fully\s+|well\s+)?)?"
    r"(?:(?:based|co-located|located|working|integrated|embedded)\s+)?(?:in|into|within)\s+"
    r"(?:the\s+)?",
    re.I,
)
#: between two names of a list: ", ", " and ", ", and "
_LIST_JOIN = re.compile(r"\s*,?\s*(?:and\s+|or\s+)?(?:the\s+)?", re.I)
#: the council and its own staff, never members of its own front door
_NOT_HUB_MEMBERS = {"local-authority", "childrens-services", "social-work-team", "service-manager"}

#: "the challenges faced", "the main challenges they face": difficulties, not scrutiny
_CHALLENGES_NOUN_BEFORE = re.compile(
    r"(?i)\b(?:the|these|those|its|their|our|many|some|main|key|significant|current|such"
    r"|particular|real|new|further|same|other|wider|biggest|greatest)\s+$"
)
_CHALLENGES_NOUN_AFTER = re.compile(
    r"(?i)^\s+(?:faced|facing|(?:that\s+)?(?:they|it|we|leaders)\s+faced?|ahead|remain)\b"
)


_ALERT_ADJECTIVE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being|remain|remains|stay|more|very|highly|always)"
    r"\s+$"
)


def _is_alert_adjective(sentence: str, start: int, end: int) -> bool:
    """Whether "alert" at ``start:end`` is the adjective ("partners are alert to
    risks"), not the verb that passes information on."""
    return sentence[start:end].lower() == "alert" and bool(
        _ALERT_ADJECTIVE.search(sentence[:start])
    )


#: "is a significant challenge to the capacity of ...": a difficulty
_A_CHALLENGE_BEFORE = re.compile(
    r"(?i)\b(?:is|are|was|were|remains?|poses?|posed|presents?|presented|represents?)\s+"
    r"(?:a|an)\s+(?:[\w-]+\s+){0,2}$"
)


def _is_scrutiny_noun(sentence: str, start: int, end: int) -> bool:
    """Whether the scrutiny word at ``start:end`` is the noun "challenge(s)"
    meaning a difficulty ("the challenges they face", "is a significant
    challenge to the capacity of ..."), not scrutiny."""
    word = sentence[start:end].lower()
    if word == "challenge":
        return bool(_A_CHALLENGE_BEFORE.search(sentence[:start]))
    return word == "challenges" and bool(
        _CHALLENGES_NOUN_BEFORE.search(sentence[:start])
        or _CHALLENGES_NOUN_AFTER.match(sentence[end:])
    )


#: the main clause after a concession speaks of what the concession said (a word that
#: points back, or a word for how a link works), not of another topic
_MAIN_OF_THE_LINK = re.compile(
    r"(?i)^\W*(?:(?:but|however|yet|then)\W+)?(?:it|this|these|that|those|they|there|its|their|his|her"
    r"|such|none|not all|not every|few|some|many|only|the (?:\w+\s+){0,2}?(?:impact|effect|"
    r"effectiveness|influence|difference|links?|relationships?|arrangements?|protocols?"
    r"|attendance|representation|engagement|involvement|membership|challenge|scrutiny"
    r"|oversight|contribution|communication|partnership|work|working|use|quality|extent"
    r"|evidence|pace|progress)\b|(?:attendance|representation|engagement|involvement"
    r"|membership|challenge|scrutiny|oversight|communication|information|partnership"
    r"|joint|impact|evidence|progress|links?|relationships?)\b)"
)
#: what people attend that is no board: "the training programme is well attended by"
_LEARNING_EVENT = re.compile(
    r"(?i)\b(?:training|courses?|events?|sessions?|seminars?|workshops?|briefings?"
    r"|programmes?|learning)\b"
)
#: a subject the recogniser does not know right before the verb: "the team", "the
#: project" with no team named ("New Horizons works with schools" is left alone: the
#: authority's own name, "Bracknell Forest works closely with", reads the same)
_UNKNOWN_SUBJECT = re.compile(
    r"^\W*(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:[\w-]+\s+)?(?:team|unit|project|programme|hub)"
    r"\s+(?:\w+ly\s+)?$"
)
_COMMISSIONED_FROM = re.compile(r"(?i)commissioned\s+(?:from|through|via)\b")
_SETTING_AFTER = re.compile(r"(?i)^\s+(?:in|within|at|through|as part of)\b")
_EXAMPLE_GAP = re.compile(r"(?i)\b(?:such as|including|for example|in particular|notably)\b")
#: people, not bodies, are the subject of the verb: "none of the care leavers spoken
#: with are involved in", "children being referred to"
_PEOPLE_SUBJECT = re.compile(
    r"(?i)\b(?:care leavers|young people|children|parents|carers|families|pupils"
    r"|young carers)\b(?:\s+(?!and\b)[\w’'-]+){0,3}?\s+(?:are|is|were|was|have|has|had|feel|felt"
    r"|being|been|be)\b(?:\s+[\w-]+){0,2}\s*$"
)
_RECIPROCAL_AFTER = re.compile(r"(?i)^\s*(?:each other|one another|together)\b")
#: "a reduction in referrals to social care", "the number of re-referrals": a count
_COUNTED_BEFORE = re.compile(
    r"(?i)\b(?:numbers?|rates?|reductions?|increases?|rises?|falls?|decreases?|drops?|volumes?"
    r"|proportions?|levels?|percentages?|conversion)\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}$"
    r"|\brepeat\s+$"
)
#: "senior commissioning posts", "the commissioning team": a job or a unit that
#: commissions, named by what it does, not the act of commissioning
_COMMISSIONING_NOUN_AFTER = re.compile(
    r"(?i)^\s+(?:posts?|officers?|managers?|staff|capacity|teams?|functions?|services?|hub"
    r"|units?|leads?|roles?|colleagues|expertise"
    # "the commissioning arrangements of the Health and Wellbeing Board": its own
    # ("joint commissioning arrangements are in place" still joins two bodies)
    r"|(?:arrangements|intentions|plans?|strateg(?:y|ies)|priorities|decisions|processes"
    r"|cycle|activity|activities)\s+of)\b"
)
#: "393 cases (were) referred to MARAC": a count
_NUMBER_BEFORE = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}$")
#: "members of social care staff", "members of the public": people, not a body's members
_MEMBERS_OF_PEOPLE = re.compile(
    r"(?i)^\s+(?:[\w’'-]+\s+){0,2}?(?:staff|the public|the community|the workforce|families"
    r"|the team)\b"
)


def _is_counted(sentence: str, start: int, end: int) -> bool:
    """Whether the referral, commissioning or membership words at ``start:end``
    are a count ("a reduction in referrals to social care", "393 cases referred
    to"), the name of a job, unit or plan ("commissioning posts", "the
    commissioning arrangements of the board") or people ("members of staff"),
    not one body acting on another."""
    word = sentence[start:end].lower()
    if word.startswith("refer"):
        return bool(
            _COUNTED_BEFORE.search(sentence[:start]) or _NUMBER_BEFORE.search(sentence[:start])
        )
    # "an under-representation": a count, not a body's representatives
    if word.startswith("represent") and re.search(r"(?i)\bunder-?\s?$", sentence[:start]):
        return True
    if re.match(r"members? of$", word):
        return bool(_MEMBERS_OF_PEOPLE.match(sentence[end:]))
    if word == "commissioning":
        return bool(_COMMISSIONING_NOUN_AFTER.match(sentence[end:]))
    return False


def _triggers(sentence: str) -> list[tuple[int, int, Trigger]]:
    return [
        (m.start(), m.end(), TRIGGERS[int(m.lastgroup[1:])])  # type: ignore[index]
        for m in _ALL_TRIGGERS.finditer(sentence)
        if not _is_scrutiny_noun(sentence, m.start(), m.end())
        and not _is_alert_adjective(sentence, m.start(), m.end())
        and not _is_counted(sentence, m.start(), m.end())
    ]


def extract_links(
    report: Report,
    report_iri: str | None = None,
    *,
    floor: float | None = None,
    record: dict[str, tuple[int, int]] | None = None,
    every: bool = False,
) -> Extraction:
    """Bodies and links of a parsed report (:class:`graph.reader.model.Report`).

    Links whose confidence is under ``floor`` (default :data:`FLOOR`) are not
    emitted; ``record`` replaces :data:`RULE_RECORD` (the bench's
    leave-one-report-out measurement passes the record of the other reports);
    ``every``: every link the rules find, none held back (for measuring)."""
    from graph.rdf.report import report_iri as iri_of

    r_iri = report_iri or iri_of(report)
    x = Extraction(report_iri=r_iri, authority_key=report.authority_key)
    # from 2019 a report speaks of the safeguarding partnership, not an LSCB
    era_2019 = report.key_date.year >= 2019 and report.framework != "sif-lscb"
    resolver = _Resolver(x, report.authority_name)
    whole_review = report.framework in ("lscb-review", "lscb")
    merged: dict[tuple[str, str, str, str], Link] = {}
    asked: list[Link] = []  # links the recommendations name
    summarised: list[Link] = []  # links the summary and strengths paragraphs repeat
    council = "local-authority"
    # "Sunderland Safeguarding Children Board (SSCB)", then "the SSCB" anywhere after
    aliases = defined_abbreviations(u.text for u in [*report.blocks, *report.paragraphs])

    for unit in report.paragraphs:
        in_lscb = whole_review or unit.part == "lscb"
        board_context = "lscb" if in_lscb else None
        text = unit.text
        named_lscb = bool(re.search(r"\bLSCB\b|Safeguarding Children(?:’s|'s)? Board", text))
        if (
            era_2019
            and not in_lscb
            and re.search(r"(?i)safeguarding (?:children )?partnership", text)
        ):
            board_context = "safeguarding-partnership"
        last_board: _Found | None = None
        hub: Body | None = None  # the front door the paragraph has named so far
        subgroups_linked: set[str] = set()
        subject_before: Body | None = None  # what a "They" opening the next sentence means
        subjects_before: list[Body] = []  # and the whole list it may stand for
        # a subjectless sentence speaks of the section's board, or of the board the
        # paragraph opened with, or (outside the LSCB part) of the council
        board = resolver.body(board_context, None, "", unit.number) if board_context else None
        topic: Body | None = None
        first_sentence = True
        previous_verdict: Judged | None = None
        pending: list[Link] = []  # the links of the sentence before, until its verdict is known
        # the council's side of a link left implied is named as the report names it
        # nearest: up to this sentence, else later in the paragraph, else before it
        carried = council
        council_names = _council_names(text)
        for s_start, s_end in sentences(text):
            up_to = [kind for end, kind in council_names if end <= s_end]
            later = [kind for end, kind in council_names if end > s_end]
            council = (up_to[-1:] or later[:1] or [carried])[0]
            sentence = text[s_start:s_end]
            raw = find_mentions(
                sentence, lscb_context=in_lscb, aliases=aliases, ilacs=report.framework == "ilacs"
            )
            # "They have worked hard to ...": the subject of the sentence before
            pronoun = _PRONOUN.match(sentence) if subject_before is not None else None
            # every link has a body the sentence names at one end at least
            trig = _triggers(sentence) if raw or pronoun else []
            # a context word inside a trigger ("is also Chair of") is part of the trigger
            raw = [
                m
                for m in raw
                if not (
                    m.contextual
                    and any(a < m.end and m.start < b and t.mode != "account" for a, b, t in trig)
                )
            ]
            # a trigger inside a body's name ("lead member of", "Scrutiny Committee") is
            # part of the name
            trig = [
                (a, b, t)
                for a, b, t in trig
                if not any(m.start <= a < m.end and not m.contextual for m in raw)
            ]
            # "an inter-boards' chairs meeting", "conference chairs": a noun, not the verb
            ends = [m.end for m in raw]
            trig = [
                (a, b, t)
                for a, b, t in trig
                if t.rule != "chairs/verb" or chairs_is_verb(sentence, a, b, ends)
            ]
            raw, elsewhere = _other_area_mentions(sentence, raw, report.authority_name)
            resolved = _resolve_context(
                raw, board_context=board_context, last_board=last_board, named_lscb=named_lscb
            )
            found: list[_Found] = []
            for m, body_type, name in resolved:
                body = resolver.body(
                    body_type,
                    name,
                    m.text,
                    unit.number,
                    elsewhere.get(m.start) if not m.contextual else None,
                )
                found.append(_Found(m, body))
            # "The adoption panel is chaired by an experienced independent chair": the
            # panel's own chair, not the LSCB's, unless the sentence names the LSCB
            found = _panel_chairs(sentence, found, resolver, unit.number)
            for f in found:
                x.mentioned.add((unit.number, f.body.body_type))
            if pronoun and subject_before is not None:
                word = pronoun.group("word")
                start = pronoun.start("word")
                # "The lead member and the chief executive ... They meet regularly with":
                # "They" stands for the whole list the sentence before opened with
                stands_for = subjects_before if word == "They" else [subject_before]
                for body in reversed(stands_for):
                    stand_in = Mention(start, start + len(word), word, body.body_type)
                    found.insert(0, _Found(stand_in, body))
            elif found and _OPENS.match(sentence[: found[0].mention.start]):
                subject_before = found[0].body
                subjects_before = [subject_before]
                for one, other in itertools.pairwise(found):
                    if not _LIST_JOIN.fullmatch(sentence[one.mention.end : other.mention.start]):
                        break
                    subjects_before.append(other.body)
            else:
                subject_before = None
            for f in found:
                if f.body.body_type in BOARD_TYPES and not f.mention.contextual:
                    last_board = f
            # outside the board's part of a 2019+ report, a paragraph that mentions the
            # safeguarding partnership still leaves the council's side implied in a sentence
            # that does not name it ("There are positive relationships with Cafcass")
            own_board = board
            if (
                board_context == "safeguarding-partnership"
                and not in_lscb
                and not any(f.body.body_type == "safeguarding-partnership" for f in found)
            ):
                own_board = None
            default = topic or own_board or resolver.body(council, None, "", unit.number)
            if first_sentence and found and not found[0].mention.contextual:
                lead = found[0]
                opens = re.match(r"^\W*(?:\w+\W+){0,2}$", sentence[: lead.mention.start])
                if (opens and lead.body.body_type in BOARD_TYPES and lead.body != board) or (
                    opens
                    and board is None
                    and lead.body.body_type not in _NOT_TOPICS | _POSTS
                    and lead.body.own
                ):
                    topic = lead.body
            first_sentence = False
            hub = next((f.body for f in found if f.body.body_type in _HUB_TYPES), hub)
            improvement = bool(_IMPROVEMENT_SECTION.search(unit.section or ""))
            summary = bool(_SUMMARY_SECTION.search(unit.section or ""))
            inherit = previous_verdict if _FOR_EXAMPLE.match(sentence) else None
            previous_verdict = judge(sentence)
            sentence_links = _links_of_sentence(
                sentence,
                found,
                trig,
                default,
                board,
                subgroups_linked,
                lambda kind, name, n=unit.number, s=sentence: resolver.body(kind, name, name, n),
                hub,
            )
            sentence_links += _named_links(sentence, found, sentence_links, resolver, unit.number)
            if board is not None and board_context == "lscb":
                sentence_links += _board_role_links(
                    sentence,
                    found,
                    sentence_links,
                    board,
                    lambda kind, n=unit.number: resolver.body(kind, None, "", n),
                )
            if not in_lscb:
                sentence_links += _commissioned_links(
                    sentence,
                    found,
                    sentence_links,
                    resolver.body(council, None, "", unit.number),
                    lambda kind, printed, n=unit.number: resolver.body(kind, None, printed, n),
                )
            # "... a joint board with Poole. These arrangements are effective ...": a verdict
            # on the links the sentence before stated without judging them
            # "... twice yearly. However, this minimal involvement does not provide ...":
            # a shortfall the next sentence finds in what the sentence before stated
            if pending and _HOWEVER_THIS.match(sentence):
                first = clauses(sentence)
                verdict_next = judge(sentence[: first[0].end] if first else sentence)
                if is_negative(verdict_next.quality):
                    for link in pending:
                        if link.quality == "stated" and link.kind not in _STRUCTURAL:
                            link.quality, link.cue = verdict_next.quality, verdict_next.cue
            if pending and _ANAPHORIC_SENTENCE.match(sentence):
                first = clauses(sentence)
                after_verdict = judge(sentence[: first[0].end] if first else sentence)
                if after_verdict.quality != "stated":
                    for link in pending:
                        if link.quality == "stated" and link.kind not in _STRUCTURAL:
                            link.quality, link.cue = after_verdict.quality, after_verdict.cue
            _merge(merged, pending)
            pending = []
            # a recommendation asks for work and reports no finding: it states no link of
            # its own, but cites the link a finding states (see _add_asked)
            if improvement or summary:
                for link in sentence_links:
                    link.paragraphs = [unit.number]
                    link.quotes = [sentence.strip()]
                    if link.kind in _STRUCTURAL:
                        link.quality, link.cue = "stated", None
                (asked if improvement else summarised).extend(sentence_links)
                continue
            for link in sentence_links:
                if link.kind in _STRUCTURAL:
                    link.quality, link.cue = "stated", None
                if (
                    inherit is not None
                    and link.quality == "stated"
                    and link.kind not in _STRUCTURAL
                ):
                    link.quality, link.cue = inherit.quality, inherit.cue
                link.paragraphs = [unit.number]
                link.quotes = [sentence.strip()]
                pending.append(link)
        _merge(merged, pending)
    _add_asked(merged, asked)
    _add_asked(merged, summarised, shortfalls_only=False)
    candidates = list(merged.values())
    for link in candidates:
        link.implied = link.confidence < 0.6
    x.links = []
    for link, features in zip(
        candidates, link_features(candidates, x.bodies, report.framework), strict=True
    ):
        # which rules are emitted: the rule's record; how far to trust the link: the model
        if every or (
            not {link.rule, record_key(link)} & NOT_EMITTED
            and confidence(record_key(link), record=record) >= (FLOOR if floor is None else floor)
        ):
            x.links.append(link)
        link.features = features
        link.confidence = model_confidence(features)
    # a body the sentence left implied but a link names was recognised there too
    types = {b.iri: b.body_type for b in x.bodies.values()}
    for link in x.links:
        for p in link.paragraphs:
            x.mentioned.update({(p, types[link.source]), (p, types[link.target])})
    _add_partnership(report, x, resolver, era_2019)
    # bodies that take part in no link and are not the report's board are not written
    used = {link.source for link in x.links} | {link.target for link in x.links}
    keep = {"lscb", "safeguarding-partnership"}
    x.bodies = {
        k: b
        for k, b in x.bodies.items()
        if k in used or b.body_type in keep or (era_2019 and b.body_type in _PARTNER_TYPES)
    }
    if not x.links:
        x.notes.append(f"{r_iri}: no partnership links found")
    return x


#: (links extracted, links a hand label confirms) per rule on the development labels,
#: counted over the paragraphs each labeller read in full, for every link the rules
#: find (those not emitted too); "/implied": the pattern filled one end in from
#: context (``python bench/extract_bench.py rules`` measures it again); extractor 2.11,
#: recommendation, summary and strengths paragraphs out of scope (no link of their own),
#: twenty-three development sets (1.5 added torbay-2022, wokingham-2023 and lewisham-2024;
#: 1.6 hillingdon-2018, south-gloucestershire-2019, bournemouth-christchurch-and-poole-2025
#: and northumberland-2024-ilacs-short; 1.7 oxfordshire-2018, kensington-and-chelsea-2019,
#: richmond-upon-thames-2022-ilacs-short and bracknell-forest-2026-ilacs-short; 1.8 the SIF
#: reports waltham-forest-2015, solihull-2016 and derby-2017, read end to end; 2.0 the SIF
#: reports north-lincolnshire-2017 and hackney-2016, read end to end)
RULE_RECORD: dict[str, tuple[int, int]] = {
    "works-with/verb": (171, 131),
    "works-with/verb/implied": (94, 55),
    "scrutinises/verb": (55, 44),
    "works-with/between": (37, 30),
    "member-of/implicit": (35, 29),
    "sub-group-of/section": (34, 26),
    "shares-information-with/verb/implied": (20, 11),
    "commissions/commissioned/implied": (19, 10),
    "scrutinises/verb/implied": (17, 10),
    "member-of/attended-by": (17, 12),
    "member-of/attended-by/implied": (17, 7),
    "serves/joint": (13, 11),
    "account": (12, 11),
    "works-with/contact": (12, 9),
    "shares-information-with/verb": (11, 8),
    "member-of/co-located": (10, 9),
    "works-with/view/implied": (8, 1),
    "chairs/named": (7, 2),
    "scrutinises/section-11/implied": (7, 5),
    "works-with/contact/implied": (6, 3),
    "member-of/implicit/implied": (6, 5),
    "chairs/by": (6, 6),
    "reports-to/verb": (6, 4),
    "part-of/possessive": (6, 1),
    "works-with/step": (6, 5),
    "reports-to/verb/implied": (5, 3),
    "chairs/verb": (5, 5),
    "post-in/possessive": (5, 1),
    "shares-information-with/from/implied": (5, 2),
    "works-with/view": (5, 5),
    "member-of/in-hub": (5, 5),
    "shares-information-with/between": (5, 0),
    "shares-information-with/from": (5, 4),
    "member-of/meeting": (5, 5),
    "commissions/verb": (4, 2),
    "post-in/of-within": (4, 2),
    "chairs/leadership/implied": (4, 3),
    "joint-arrangement-with": (3, 3),
    "works-with/supported-by": (3, 3),
    "reports-to/between": (3, 2),
    "member-of/comprises": (3, 2),
    "part-of/of-within": (2, 2),
    "chairs/led-by": (2, 2),
    "reports-to/receives-from": (2, 2),
    "chairs/subject/implied": (2, 1),
    "scrutinises/section-11": (2, 2),
    "shares-plan-with": (1, 1),
    "observer-of": (1, 1),
    "commissions/commissioned": (1, 1),
    "chairs/is-chair-of": (1, 1),
    "scrutinises/overseen-by/implied": (1, 1),
    "commissions/verb/implied": (1, 1),
    "sub-group-of/possessive": (1, 1),
    "scrutinises/overseen-by": (1, 0),
}
#: development labels flatter the rules: extractor 1.1 kept 45% / 80% = 0.56 of its
#: development precision on the held-out reports, so every estimate is discounted
UNSEEN_DISCOUNT = 0.6
#: links under this confidence are not emitted (chosen on the development labels,
#: leave one report out: ``python bench/extract_bench.py loro``)
FLOOR = 0.2
#: rules whose links are not emitted at all (see docs/extraction.md)
NOT_EMITTED: frozenset[str] = frozenset(
    {
        "chairs/named",
        "post-in/possessive",
        "post-in/of-within",
        "shares-information-with/from",
        "scrutinises/verb/implied",
        # written for extractor 2.0 from the development misses (+2 points of development
        # recall), but on the held-out reports they found no labelled link and cost 3
        # points of precision (bench/extract_results.md): kept for measuring, not emitted
        "commissions/commissioned",
        "chairs/leadership",
        "scrutinises/section-11",
    }
)


def record_key(link: Link) -> str:
    """The key of ``link``'s rule in :data:`RULE_RECORD`: the rule, and
    ``/implied`` when the pattern filled one end in from context."""
    return f"{link.rule}/implied" if link.implied else link.rule


def confidence(key: str, record: dict[str, tuple[int, int]] | None = None) -> float:
    """How likely a link made by the rule ``key`` (:func:`record_key`) is to be
    right on a report the rules were not written for: the rule's record on the
    development labels (smoothed, ``(right + 1) / (made + 2)``), discounted for
    unseen wording. An implied-end variant the record has not seen takes its
    rule's record lowered by a fifth."""
    record = RULE_RECORD if record is None else record
    made, right = record.get(key, (0, 0))
    factor = UNSEEN_DISCOUNT
    if key not in record and key.endswith("/implied"):
        made, right = record.get(key.removesuffix("/implied"), (0, 0))
        factor *= 0.8
    estimate = factor * (right + 1) / (made + 2)
    return round(max(0.0, min(0.95, estimate)), 2)


#: bodies that open a paragraph without being what its subjectless sentences are about
_NOT_TOPICS = {
    "local-authority",
    "childrens-services",
    "partner-agencies",
    "social-work-team",
    "service-manager",
    "elected-members",
    "health",
    "schools",
}
_PARTNER_TYPES = {"local-authority", "police", "ccg", "icb"}
#: links that say where a body sits, never judged: "stated"
_STRUCTURAL = {"part-of", "post-in", "serves"}
#: a name of a sub-region's body: "the Greater Manchester ...", "the pan-Dorset ..."
_SUB_REGIONAL = re.compile(
    r"^(?:[Tt]he\s+)?(?:Greater\s+[A-Z]|[Pp]an-[A-Z]|[Ss]ub-regional\s|[Rr]egional\s)"
)
#: a condition clause ("when children are stepped down ...")
_CONDITION = re.compile(r"(?i)^\W*(?:when|where)\b")
#: a main clause about the arrangements themselves ("Arrangements are well coordinated")
_ARRANGEMENTS = re.compile(
    r"(?i)^\W*(?:the\s+|these\s+|such\s+)?(?:arrangements?|transfers?|transitions?|processes"
    r"|procedures|joint working|partnership working)\b"
)
#: collectives that "between" relates among themselves ("cooperation between partner agencies")
_AMONG_THEMSELVES = {"partner-agencies", "schools", "voluntary-sector", "elected-members"}
#: what a safeguarding board itself commissions: reviewers, authors, trainers, campaigns
_BOARD_BUYS = {"independent-providers", "voluntary-sector", "post", "programme"}
#: a verb that takes challenge in rather than gives it: "partners value the challenge"
_RECEIVES = re.compile(
    r"(?i)\b(?:values?|valued|welcomes?|welcomed|appreciates?|appreciated|receives?|received"
    r"|benefit(?:s|ed)?\s+from|respond(?:s|ed)?\s+(?:well\s+|positively\s+)?to)\b"
)
_HOWEVER_THIS = re.compile(r"^\W*however,?\s+(?:this|these|it|they|such)\b", re.I)
_ANAPHORIC_SENTENCE = re.compile(
    r"^\W*(?:these|this|the|such|both) (?:joint )?(?:arrangements?|links?|relationships?"
    r"|partnerships?|protocols?|working|meetings?)\b",
    re.I,
)


_COUNCIL_NAMES = re.compile(
    r"(?i)(?P<cs>children[’']?s (?:services|social care)|\bsocial care\b)"
    r"|(?P<la>\blocal authority\b|\bthe council\b)"
)


def _council_names(text: str) -> list[tuple[int, str]]:
    """(end, body type) of each name ``text`` prints for the council's social work
    service: "children's social care" (``childrens-services``) or "the local
    authority" (``local-authority``), in order."""
    return [
        (m.end(), "childrens-services" if m.group("cs") else "local-authority")
        for m in _COUNCIL_NAMES.finditer(text)
    ]


def _add_asked(
    merged: dict[tuple[str, str, str, str], Link],
    asked: list[Link],
    *,
    shortfalls_only: bool = True,
) -> None:
    """Cite each recommendation's paragraph, after the findings', on the weak or
    absent links the findings state between the same two bodies: of the same kind
    where there is one, else of any kind ("Review reporting arrangements between the
    LSCB and the Family Justice Board" beside "Links with the Family Justice Board are
    not sufficiently well developed"). A recommendation asks for what is missing, so
    it never cites a link found effective; its words are not quoted, since they
    report no finding. ``shortfalls_only=False``: a summary or strengths paragraph,
    which repeats findings of any quality, cited on the links of the same pair, those
    of its kind and quality first; a link no finding states stands on its summary
    paragraph (the inspectors' words all the same)."""
    for want in asked:
        shortfalls = [
            link
            for link in merged.values()
            if {link.source, link.target} == {want.source, want.target}
            and (is_negative(link.quality) or not shortfalls_only)
        ]
        same_kind = [link for link in shortfalls if link.kind == want.kind]
        same = [link for link in same_kind if link.quality == want.quality]
        if not shortfalls and not shortfalls_only:
            _merge(merged, [want])
            continue
        for link in same or same_kind or shortfalls:
            for p in want.paragraphs:
                if p not in link.paragraphs:
                    link.paragraphs.append(p)


def _merge(merged: dict[tuple[str, str, str, str], Link], links: list[Link]) -> None:
    """Add ``links`` to ``merged``: one link per (source, kind, target, quality),
    with every paragraph and quote that states it."""
    for link in links:
        k = (link.source, link.kind, link.target, link.quality)
        old = merged.get(k)
        if old is None:
            merged[k] = link
            continue
        for p in link.paragraphs:
            if p not in old.paragraphs:
                old.paragraphs.append(p)
        for q in link.quotes:
            if q not in old.quotes:
                old.quotes.append(q)
        old.confidence = max(old.confidence, link.confidence)


def _add_partnership(report: Report, x: Extraction, resolver: _Resolver, era_2019: bool) -> None:
    """2019 on: the safeguarding partnership and its three safeguarding
    partners, as bodies, when the report speaks of the partnership."""
    if not era_2019:
        return
    named = [b for b in x.bodies.values() if b.body_type == "safeguarding-partnership"]
    if not named:
        return
    para = named[0].paragraphs[0]
    resolver.body("local-authority", None, "", para)
    resolver.body("police", None, "", para)
    day = report.key_date
    health = "icb" if (day.year, day.month) >= (2022, 7) and "icb" in resolver.types else "ccg"
    resolver.body(health, None, "", para)


#: a joint body named as such: "a joint local safeguarding children board", "Pan-Dorset"
_JOINT_WORDS = re.compile(
    r"(?i)\bjoint\b|\bpan-|\btri-?borough\b|\bshared\b|\bacross (?:both|the (?:two|three))\b"
)


def _named_links(
    sentence: str, found: list[_Found], have: list[Link], resolver: _Resolver, para: int
) -> list[Link]:
    """Links a name states by itself, with no verb: "the Chair of the Board" chairs
    the board; a joint body named as joint ("the Pan-Dorset Child Death Overview
    Panel") serves each authority it serves (``data/joint-bodies.tsv``), said once
    per report."""
    out: list[Link] = []
    pairs = {frozenset((k.source, k.target)) for k in have}
    # "relationships with health and police partners in the MASH": agencies placed in
    # a front door are its members
    for i, h in enumerate(found):
        if h.body.body_type not in _HUB_TYPES or i == 0:
            continue
        j = i - 1
        if not _IN_HUB_GAP.fullmatch(sentence[found[j].mention.end : h.mention.start]):
            continue
        while j >= 0 and found[j].body.body_type not in _HUB_TYPES | _NOT_HUB_MEMBERS:
            m = found[j].body
            if frozenset((m.iri, h.body.iri)) not in pairs:
                out.append(
                    Link(m.iri, "member-of", h.body.iri, "stated", [], [], "member-of/in-hub", 0.6)
                )
            if j == 0 or not _LIST_JOIN.fullmatch(
                sentence[found[j - 1].mention.end : found[j].mention.start]
            ):
                break
            j -= 1
    for f in found:
        b = f.body
        if b.body_type == "lscb-chair" and re.search(
            r"(?i)\bchair of the\b.*\b(?:board|lscb)\b", f.mention.text
        ):
            board = resolver.body("lscb", None, "", para)
            # a name, not a finding: said once per report
            if frozenset((b.iri, board.iri)) not in pairs and "chairs/named" not in resolver.said:
                resolver.said.add("chairs/named")
                out.append(Link(b.iri, "chairs", board.iri, "stated", [], [], "chairs/named", 0.6))
        if b.own and b.area != resolver.area and b.iri not in resolver.served:
            label = iri.joint_label(resolver.area, b.body_type) or ""
            place = label.split(" ")[0] if label else ""
            if _JOINT_WORDS.search(sentence) or (
                place and f"{place} and " in sentence[max(0, f.mention.start - 40) : f.mention.end]
            ):
                resolver.served.add(b.iri)
                for authority in resolver.served_by(b.body_type):
                    la = resolver.body(
                        "local-authority",
                        None,
                        "",
                        para,
                        None if authority == resolver.area else (authority, authority.title()),
                    )
                    out.append(Link(b.iri, "serves", la.iri, "stated", [], [], "serves/joint", 0.6))
    return out


#: a provider named by the council's commissioning of it: "externally commissioned
#: placements", "a recently recommissioned service to undertake return interviews", "the
#: commissioned drug, alcohol and substance misuse service"
_COMMISSIONED = re.compile(
    r"(?i)\b(?:re-?)?commissioned\s+(?:[\w’'-]+,?\s+){0,6}?"
    r"(?:services?|placements?|provi(?:sion|ders?)|accommodation|support|organisations?"
    r"|agenc(?:y|ies)|interventions?)\b"
)

_NONE_BEFORE = re.compile(r"(?i)\b(?:no|not any|lack of|absence of|without)\s+(?:[\w-]+\s+){0,2}$")


def _commissioned_links(
    sentence: str,
    found: list[_Found],
    have: list[Link],
    council: Body,
    make: Callable[[str, str], Body],
) -> list[Link]:
    """The council commissions the provider a sentence names by its commissioning
    ("externally commissioned placements"; "the recommissioned advocacy service": the
    body named inside), judged by the clause that names it; outside the board's part
    of a report only (there the board commissions training and reviews)."""
    if any(k.kind == "commissions" for k in have):
        return []
    out: list[Link] = []
    for m in _COMMISSIONED.finditer(sentence):
        inside = [
            f.body
            for f in found
            if m.start() <= f.mention.start < m.end() and f.body.iri != council.iri
        ]
        provider = inside[-1] if inside else make("independent-providers", m.group())
        clause = next((c for c in clauses(sentence) if c.start <= m.start() < c.end), None)
        verdict = judge(sentence[clause.start : clause.end] if clause else sentence)
        if _NONE_BEFORE.search(sentence[: m.start()]):
            verdict = Judged("absent", _NONE_BEFORE.search(sentence[: m.start()]).group().strip())
        out.append(
            Link(
                council.iri,
                "commissions",
                provider.iri,
                verdict.quality,
                [],
                [],
                "commissions/commissioned",
                0.5,
                verdict.cue,
            )
        )
        break  # one a sentence: the council commissions "independent providers" once
    return out


#: the chair's leadership of the board: "leadership by the independent chair", "The
#: independent chair provides strong leadership", "direction from an experienced chair"
_LEADERSHIP = re.compile(r"(?i)\bleadership\b|\bdirection (?:from|by)\b|\bleads\b")
#: the board's audit of each agency's duties under section 11 of the Children Act 2004
_SECTION_11 = re.compile(r"(?i)\bsection\s+11\b|\bs\.?\s?11 (?:audits?|self-assessments?)\b")


def _board_role_links(
    sentence: str,
    found: list[_Found],
    have: list[Link],
    board: Body,
    make: Callable[[str], Body],
) -> list[Link]:
    """Links the board's statutory roles state without a verb, in the board's part
    of a report: its chair's leadership is chairing it; its section 11 audits are
    its scrutiny of the partner agencies. Judged by the whole sentence."""
    out: list[Link] = []
    kinds = {k.kind for k in have}
    chairs = [f.body for f in found if f.body.body_type == "lscb-chair"]
    others = [f for f in found if f.body.body_type in BOARD_TYPES and f.body.iri != board.iri]
    if chairs and "chairs" not in kinds and not others and _LEADERSHIP.search(sentence):
        verdict = judge(sentence)
        out.append(
            Link(
                chairs[0].iri,
                "chairs",
                board.iri,
                verdict.quality,
                [],
                [],
                "chairs/leadership",
                0.5,
                verdict.cue,
            )
        )
    if _SECTION_11.search(sentence) and "scrutinises" not in kinds:
        verdict = judge(sentence)
        agencies = make("partner-agencies")
        out.append(
            Link(
                board.iri,
                "scrutinises",
                agencies.iri,
                verdict.quality,
                [],
                [],
                "scrutinises/section-11",
                0.5,
                verdict.cue,
            )
        )
    return out


#: a chair named without its board: "an experienced independent chair"
_BARE_CHAIR = re.compile(r"(?i)^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}chair(?:person|man)?$")


def _panel_chairs(
    sentence: str, found: list[_Found], resolver: _Resolver, para: int
) -> list[_Found]:
    """``found`` with each bare "independent chair" that follows a panel or board
    other than the LSCB, in a sentence that names no LSCB or partnership, made
    that panel's chair (a post): "The fostering panel is well run and chaired by
    an independent chair"."""
    if any(f.body.body_type in ("lscb", "safeguarding-partnership") for f in found):
        return found
    out: list[_Found] = []
    for f in found:
        panels = [
            p
            for p in out
            if p.body.body_type in BOARD_TYPES - {"lscb", "safeguarding-partnership"}
            and p.mention.start < f.mention.start
        ]
        if f.body.body_type == "lscb-chair" and panels and _BARE_CHAIR.match(f.mention.text):
            panel = panels[-1].body
            name = f"chair of the {panel.label}"
            f = _Found(f.mention, resolver.body("post", name, f.mention.text, para))
        out.append(f)
    return out


_LIST_GAP_RE = re.compile(r"[\s,]*(?:and|or|as well as|including|such as)?\s*(?:the\s+)?")
#: "... a children in care council which has worked with ...": a relative clause
_RELATIVE = re.compile(r"^\s*,?\s*(?:which|who)\b")
#: "Following the LSCB's challenge, the Health and Wellbeing Board has ...": a phrase
#: in front of the subject says why or when, and the bodies in it are not the subject
_FRONTED = re.compile(
    r"(?i)^\W*(?:through|following|as a result of|due to|since|after|in response to"
    r"|because of)\b[^,;]{0,150},\s"
)


def _subjects(sentence: str, before: list[_Found], t_start: int) -> list[_Found]:
    """The subject of a trigger: a possessive right before it ("the LSCB's
    relationship with"), the body a relative clause holding it follows ("a
    council which has worked with"), else the list of bodies that opens the
    clause (after any phrase in front of the subject)."""
    fronted = _FRONTED.match(sentence)
    if fronted and fronted.end() <= t_start:
        before = [f for f in before if f.mention.start >= fronted.end()]
    if not before:
        return []
    last = before[-1]
    if re.match(r"^(?:’s|'s|’)\s+(?:[\w-]+\s+){0,2}$", sentence[last.mention.end : t_start]):
        return [last]
    if _RELATIVE.match(sentence[last.mention.end : t_start]):
        out = [last]
        for f in reversed(before[:-1]):
            if not _LIST_GAP_RE.fullmatch(sentence[f.mention.end : out[0].mention.start]):
                break
            out.insert(0, f)
        return out
    out = [before[0]]
    for f in before[1:]:
        if not _LIST_GAP_RE.fullmatch(sentence[out[-1].mention.end : f.mention.start]):
            break
        out.append(f)
    return out


def _links_of_sentence(
    sentence: str,
    found: list[_Found],
    trig: list[tuple[int, int, Trigger]],
    default: Body | None,
    board: Body | None,
    subgroups_linked: set[str] | None = None,
    make: Callable[[str, str], Body] | None = None,
    hub: Body | None = None,
) -> list[Link]:
    """The links one sentence states. ``subgroups_linked``: the sub-groups whose
    link to the section's board the paragraph has already stated (updated);
    ``make(body type, name)``: a body the sentence names without a name the
    gazetteer knows (a meeting that links the bodies after it); ``hub``: the
    front door (MASH) the paragraph has named so far, which agencies
    "co-located" there are members of."""
    if subgroups_linked is None:
        subgroups_linked = set()
    if not found and default is None:
        return []
    out: list[Link] = []
    parts = clauses(sentence)

    def clause_of(pos: int) -> int:
        return next((i for i, c in enumerate(parts) if c.start <= pos < c.end), len(parts) - 1)

    per_clause: dict[int, list[Link]] = {}
    passive_target: dict[int, Body] = {}
    # "the council's chief executive", "the board's training coordinator": the owner
    # is a modifier of the body after it, not a party to the sentence's link
    modifiers = {
        id(a)
        for a, b in itertools.pairwise(found)
        if _POSSESSIVE.fullmatch(sentence[a.mention.end : b.mention.start])
        and a.body.iri != b.body.iri
    }
    # "the chief executive of the local authority": the council names whose post it is
    modifiers |= {
        id(b)
        for a, b in itertools.pairwise(found)
        if a.body.body_type in _POSTS
        and b.body.body_type in ("local-authority", "childrens-services")
        and re.fullmatch(r"\s+(?:of|at)\s+(?:the\s+)?", sentence[a.mention.end : b.mention.start])
    }
    # "the LSCB independent chair", "the council lead officer": a board or council named
    # right before a post names whose post it is
    modifiers |= {
        id(a)
        for a, b in itertools.pairwise(found)
        if b.body.body_type in _POSTS | {"lscb-chair"}
        and a.body.body_type in BOARD_TYPES | {"local-authority", "childrens-services"}
        and not sentence[a.mention.end : b.mention.start].strip()
    }
    parties = [f for f in found if id(f) not in modifiers]
    for n, (t_start, t_end, t) in enumerate(trig):
        ci = clause_of(t_start)
        c = parts[ci]
        next_start = next((a for a, _, _ in trig if a > t_start), c.end)
        # the subject of a trigger comes after the trigger before it in its clause
        prev_end = max([c.start] + [b for a, b, _ in trig[:n] if a >= c.start])
        # "challenge to the council about the quality of work with ...": a trigger inside
        # what an earlier link of the clause is about states no link of its own
        # (a link "between" two named parties is still a link)
        if (
            t.mode != "between"
            and prev_end > c.start
            and _TOPIC_AFTER.search(sentence[prev_end:t_start])
        ):
            continue
        before = [f for f in found if prev_end <= f.mention.start < t_start]
        after = [f for f in found if t_end <= f.mention.start < min(c.end, max(next_start, t_end))]
        with_first = False
        if not after:
            after = [f for f in found if t_end <= f.mention.start < c.end]
            # "Strategy discussions are held promptly with the police": a noun trigger's
            # other party follows a later "with"
            withs = [
                f
                for f in after
                if re.search(r"\bwith\s+(?:the\s+|all\s+|other\s+)?$", sentence[: f.mention.start])
            ]
            with_first = bool(withs) and bool(
                _VERB.search(sentence[t_end : withs[0].mention.start])
            )
            if with_first:
                after = withs
            elif next_start < c.end:
                # "alongside clear protocols, links A, B and C": the bodies after the
                # next trigger are its own
                after = []
        elif (
            _VERB.search(sentence[t_end : after[0].mention.start])
            and _WITH_BEFORE.search(sentence[: after[0].mention.start])
            and not _VERB.search(sentence[c.start : t_start])
        ):
            # "Strategy meetings are held promptly, with partners working well together":
            # the noun trigger's other party is the one after "with", past the verb
            with_first = True
        # "a plan on early help", "reports about the service": a topic, not a party
        # scrutiny "about the quality of work by the police" scrutinises the police,
        # unless the scrutinised party was named before the topic
        topic_ok = t.kind != "scrutinises" or (
            bool(after) and not _TOPIC_AFTER.search(sentence[t_end : after[0].mention.start])
        )
        after = [
            f
            for f in after
            if not _TOPIC_BEFORE.search(sentence[: f.mention.start])
            # "evident in the revised early help strategy": a document, not a party (but
            # "scrutiny of the early help strategy" scrutinises the service)
            and not (t.kind != "scrutinises" and _DOCUMENT_AFTER.match(sentence[f.mention.end :]))
            and not (topic_ok and _TOPIC_AFTER.search(sentence[t_end : f.mention.start]))
            and not (t.kind != "scrutinises" and _WORK_OF.search(sentence[: f.mention.start]))
        ]
        # the parties of a trigger are the list right after it: a verb ends the list
        kept, edge = [], (after[0].mention.start if after and with_first else t_end)
        for f in after:
            # a verb, or a participle after a comma (", underpinned by"), ends the list, and
            # so does a purpose ("engaged with peers to learn from them and address the
            # concerns around the front door") or a comment (", evident in ...")
            if (
                _VERB.search(sentence[edge : f.mention.start])
                or re.search(r",\s+\w+ed\b", sentence[edge : f.mention.start])
                or _LIST_END.search(sentence[edge : f.mention.start])
            ):
                break
            kept.append(f)
            edge = f.mention.end
        after = kept
        # "relationships with health and police partners in the MASH": the front door
        # where the parties sit is no party of its own ("colleagues in social care" are)
        if t.kind == "works-with" and len(after) > 1:
            after = after[:1] + [
                f
                for f in after[1:]
                if f.body.body_type not in _HUB_TYPES
                or not _PLACE_BEFORE_BODY.search(sentence[after[0].mention.end : f.mention.start])
            ]
        before = [f for f in before if id(f) not in modifiers]
        # "engage with families, using the local authority's preferred model": a body
        # that owns what follows it is not a party to the link (but "an audit of the
        # council's response" scrutinises the council)
        after = [
            f
            for f in after
            if id(f) not in modifiers
            and (t.kind == "scrutinises" or not _OWNER.match(sentence[f.mention.end :]))
        ]
        sentence_before = [f for f in parties if f.mention.start < t_start]
        gap = sentence[before[-1].mention.end : t_start] if before else ""
        if (
            before
            and n
            and trig[n - 1][0] >= c.start
            and (
                _VERB.search(gap)
                or re.search(r",?\s+and\s+\w+s\b", gap)
                # "... a member of the LSCB and, with her team, works with ...": a second verb
                or re.match(r"^\s*,?\s*and\s*,", gap)
                # "monitors the council's duty and holds agencies to account": a second
                # verb shares the clause's subject
                or re.search(r"\band\s*$", gap)
            )
        ):
            # "The Chair meets the Mayor and has meetings with ...": the bodies after the
            # first verb are its objects; the subject is the clause's
            before = [f for f in found if c.start <= f.mention.start < t_start]
        here = _subjects(sentence, before, t_start)
        # "..., and relationships with health partners remain adversarial": a later clause
        # that opens with the relation does not take the subject of an earlier one
        opens_clause = (
            ci > 0
            and t.kind in _COUNCIL_IMPLIED
            and bool(
                re.fullmatch(
                    r"\W*(?:and\s+|but\s+)?(?:(?:the\s+)?(?:[\w-]+\s+)?"
                    # "..., and there are links with the Health and Wellbeing Board"
                    r"|there\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:[\w-]+\s+){0,3})",
                    sentence[c.start : t_start],
                )
            )
        )
        subjects = here or ([] if opens_clause else _subjects(sentence, sentence_before, t_start))
        last_before = max((f.mention.end for f in before), default=c.start)
        if _PEOPLE_SUBJECT.search(sentence[max(last_before, c.start) : t_start]):
            here, subjects = [], []
            people_subject = True
        else:
            people_subject = False
        # "challenged the local authority about its need for a joint protocol between ...":
        # a trigger inside what a link is about has no subject before "about"
        if subjects and _TOPIC_AFTER.search(sentence[subjects[-1].mention.end : t_start]):
            here, subjects = [], []
        # "The co-location of police, health and housing (in the MASH) enables ...":
        # agencies that sit in the paragraph's front door are its members, not partners
        # of the council or of each other
        if hub is not None and _CO_LOCATED.match(sentence[t_start:t_end]):
            members = [f for f in after if f.body.iri != hub.iri] or [
                f for f in subjects if f.body.iri != hub.iri
            ]
            for f in members:
                if f.body.body_type in ("local-authority", "childrens-services"):
                    continue
                per_clause.setdefault(ci, []).append(
                    Link(
                        f.body.iri,
                        "member-of",
                        hub.iri,
                        "stated",
                        [],
                        [],
                        "member-of/co-located",
                        0.6,
                    )
                )
            continue
        pairs: list[tuple[Body, Body, float]] = []
        # "Once checks with other agencies are completed": the front door the paragraph
        # names makes the checks
        if hub is not None and _CHECKS.match(sentence[t_start:t_end]):
            default = hub
        # the council is the implied party only of a relation the clause opens with
        # ("Relationships with key partners are improving") or names as joint work
        if default is not None and default.body_type in ("local-authority", "childrens-services"):
            opening = t_start - c.start <= 30 and t.kind in _COUNCIL_IMPLIED
            # "The team works closely with schools": the clause names a subject the
            # recogniser does not know, and the council is not it
            unknown = people_subject or (
                not subjects and _UNKNOWN_SUBJECT.match(sentence[c.start : t_start])
            )
            if unknown or not (opening or _JOINT_WORK.search(sentence[t_start:t_end])):
                default = None
        meeting = (
            _MEETING_SUBJECT.match(sentence[c.start : t_start])
            if re.fullmatch(r"(?i)links|brings? together", sentence[t_start:t_end])
            and make is not None
            and not [f for f in found if c.start <= f.mention.start < t_start]
            else None
        )
        opened_by = [f for f in found if c.start <= f.mention.start < t_start]
        named_forum = (
            opened_by[0].body
            if len(opened_by) == 1
            and opened_by[0].body.body_type == "board"
            and re.fullmatch(r"(?i)links|brings? together", sentence[t_start:t_end])
            # the verb right after the forum's name ("has strong links with" is a noun)
            and re.fullmatch(r"\s+(?:\w+ly\s+)?", sentence[opened_by[0].mention.end : t_start])
            else None
        )
        if (meeting or named_forum) and after:
            # "A productive chairs meeting links A, B and C": the bodies listed are the
            # meeting's members, not partners of each other (a forum the recogniser
            # names, "a regular leaders forum", as much as one it does not)
            if named_forum is not None:
                forum = named_forum
            else:
                name = _MEETING_JUDGING.sub("", clean_name(meeting.group("name")))
                forum = make("board", name[:1].upper() + name[1:])
            for f in after:
                per_clause.setdefault(ci, []).append(
                    Link(
                        f.body.iri,
                        "member-of",
                        forum.iri,
                        "stated",
                        [],
                        [],
                        "member-of/meeting",
                        0.6,
                    )
                )
            continue
        # "Talkers, Step Up and Stepping Out": a name, not cases stepping up
        if t.rule == "works-with/step" and re.search(r"[- ][A-Z]", sentence[t_start:t_end]):
            continue
        if t.rule == "works-with/step":
            # cases step up from early help to children's social care and down again: the
            # two services the sentence names, early help filled in when only social care is
            bodies = [f.body for f in found]
            care = next(
                (b for b in bodies if b.body_type in ("childrens-services", "social-work-team")),
                None,
            )
            early = next((b for b in bodies if b.body_type == "early-help"), None)
            if early is None and care is not None and make is not None:
                early = make("early-help", "early help")
            if early is not None and care is not None:
                per_clause.setdefault(ci, []).append(
                    Link(early.iri, "works-with", care.iri, "stated", [], [], t.rule, 0.6)
                )
            continue
        if t.mode == "active":
            sources = [f.body for f in subjects] or ([default] if default else [])
            conf = 0.7 if subjects else 0.5
            # "was reported to the Board by the Safeguarding Effectiveness Group"
            # ("hosted by the council" names the host, the target, not an agent)
            agents = [
                f
                for f in after
                if re.search(r"\bby\s+(?:the\s+)?$", sentence[: f.mention.start])
                and t.rule != "part-of/hosted-by"
            ]
            # "scrutiny by the panel of ...", "oversight of practice by the chief executive":
            # the agent of a noun follows it closely
            noun_agent = bool(agents) and bool(
                _NOUN_AGENT.match(sentence[t_end : agents[0].mention.start])
            )
            if agents:
                # "by the chief executive and lead member": the whole list is the agent
                for f in after[after.index(agents[0]) + 1 :]:
                    if f in agents or not re.fullmatch(
                        r"[\s,]*(?:and|or)?\s*(?:the\s+)?",
                        sentence[agents[-1].mention.end : f.mention.start],
                    ):
                        break
                    agents.append(f)
            by_agent = bool(agents) and (
                bool(re.match(r"\w+ed\b", sentence[t_start:t_end])) or noun_agent
            )
            if by_agent:
                sources = [f.body for f in agents]
                after = [f for f in after if f not in agents]
                conf = 0.7  # the agent is named: no end filled in from context
            # "The emergency duty team service is commissioned from a voluntary
            # organisation": the subject is what is commissioned, the body after provides
            # it, and who commissions is left unsaid
            if not by_agent and _COMMISSIONED_FROM.match(sentence[t_start:]):
                sources, after = [], []
            # "Social workers and the police work together in the Joint Investigation
            # Team": the team is where they work, and they are each other's partners
            if (
                len(sources) > 1
                and sentence[t_start:t_end].lower().endswith("together")
                and _SETTING_AFTER.match(sentence[t_end:])
            ):
                after = []
            # "Board partners value the strong challenge ...": who values, welcomes or
            # receives the challenge is the one challenged
            received = (
                t.kind == "scrutinises"
                and bool(subjects)
                and bool(_RECEIVES.search(sentence[subjects[-1].mention.end : t_start]))
            )
            if after and received:
                pairs += [(f.body, src, conf) for src in sources for f in after]
            elif after:
                pairs += [(src, f.body, conf) for src in sources for f in after]
            elif t.rule == "works-with/view":
                # "Stakeholders, including schools and Cafcass, are positive about the quality
                # of work": each holds a view of the council's work, not of each other
                if default is not None:
                    pairs += [(src, default, 0.5) for src in sources]
            elif by_agent:
                # "practice is not challenged by managers or IROs": the agents act on
                # work the sentence leaves unnamed, never on each other; no link
                pass
            elif (
                len(sources) > 1
                and not (
                    # "the co-location of A, B and C enables information-sharing": the list
                    # is the object of the trigger before, not a set of partners of each other
                    n and trig[n - 1][0] >= c.start and subjects[0].mention.start >= trig[n - 1][1]
                )
                # "A and B are engaged with some improvement activity": "with" names what
                # they work with, here no body; "work closely with each other" is mutual
                and not (
                    sentence[t_start:t_end].lower().endswith("with")
                    and not _RECIPROCAL_AFTER.match(sentence[t_end:])
                )
                # "Key agencies, such as the police, ...": an example of the group, not
                # its partner
                and not (
                    len(subjects) > 1
                    and _EXAMPLE_GAP.search(
                        sentence[subjects[0].mention.end : subjects[1].mention.start]
                    )
                )
            ):
                pairs += [(sources[0], other, 0.6) for other in sources[1:]]
            elif (
                sources
                and default
                and t.kind in ("works-with", "member-of")
                and _JOINT_WORK.search(sentence[t_start:t_end])
                and (
                    default.body_type not in ("local-authority", "childrens-services")
                    or sources[0].body_type in _AGENCIES
                )
            ):
                pairs.append((sources[0], default, 0.4))
        elif t.mode == "passive":
            near = before[-1:] or sentence_before[-1:]
            tgt = near[0].body if near else default
            conf = 0.7 if near else 0.5
            # "monthly strategic safeguarding assurance meetings that are attended by the
            # chair and the DCS": the meeting, named just before, is what they attend (a
            # case meeting is the council's casework: see the member-of rule below)
            forum = _ATTENDED_FORUM.search(sentence[c.start : t_start])
            if (
                t.kind == "member-of"
                and forum is not None
                and make is not None
                and not before
                and not _CASEWORK.search(forum.group("name"))
            ):
                name = _MEETING_JUDGING.sub("", clean_name(forum.group("name")))
                # "These meetings are well attended": the meetings of the sentence before,
                # named there; a bare "meetings" names no forum
                name = re.sub(r"(?i)^(?:these|this|those|the|such|both|all|at)\s+", "", name)
                if len(name.split()) >= 2:
                    tgt = make("board", name[:1].upper() + name[1:])
                    conf = 0.6
            # "The multi-agency training programme is well attended by most partners": they
            # attend the training, not the board of the section
            if (
                t.kind == "member-of"
                and not near
                and tgt is default
                and _LEARNING_EVENT.search(sentence[c.start : t_start])
            ):
                tgt = None
            # "The panel is chaired by", "a campaign, led by public health": the body
            # chaired stands right before the verb, or nothing is chaired
            if t.kind == "chairs" and not (
                before and _CHAIRED_GAP.match(sentence[before[-1].mention.end : t_start])
            ):
                tgt = None
            # "the board, led by the chair and supported by ...": one subject for both
            if ci in passive_target:
                tgt = passive_target[ci]
            elif tgt is not None:
                passive_target[ci] = tgt
            for f in after:
                if tgt is not None:
                    pairs.append((f.body, tgt, conf))
        elif t.mode == "between":
            bodies = [f.body for f in after]
            # "cooperation between partner agencies": among the agencies, no one else's
            if len(bodies) == 1 and bodies[0].body_type in _AMONG_THEMSELVES:
                bodies = []
            if len(bodies) == 1 and default is not None:
                bodies = [default, *bodies]
            # "links between A, B and C": every pair of a short list
            # (the "and"s between the names, not inside them: "Health and Wellbeing")
            ands = sum(
                len(re.findall(r"\band\b", sentence[a.mention.end : b.mention.start]))
                for a, b in itertools.pairwise(after)
            )
            joined = (
                itertools.combinations(bodies, 2)
                if len(bodies) <= 4 and ands <= 1
                else ((bodies[0], other) for other in bodies[1:])
            )
            for one, other in joined:
                pairs.append((one, other, 0.7))
        elif t.mode == "account":
            holder = subjects[0].body if subjects else default
            held = [f for f in found if t_start <= f.mention.start < t_end]
            for f in held:
                if holder is not None:
                    pairs.append((f.body, holder, 0.7))
        elif t.mode == "annual":
            src = default
            for f in before:
                if f.body.body_type in BOARD_TYPES:
                    src = f.body
            for f in after:
                if src is not None and f.body.body_type not in ("lscb",):
                    pairs.append((src, f.body, 0.6))
        elif t.mode == "member":
            in_clause = [
                f for f in found if c.start <= f.mention.start < c.end and id(f) not in modifiers
            ]
            boards = [f.body for f in in_clause if f.body.body_type in BOARD_TYPES]
            # the members are the clause's subject, else what follows "representation from"
            members = (
                [f.body for f in here if f.body.body_type not in BOARD_TYPES]
                or [f.body for f in after if f.body.body_type not in BOARD_TYPES]
                or [f.body for f in subjects if f.body.body_type not in BOARD_TYPES]
                # ", sitting on all three boards": the subject the sentence opened with
                or [
                    f.body
                    for f in _subjects(sentence, sentence_before, t_start)
                    if f.body.body_type not in BOARD_TYPES
                ]
            )
            conf = 0.6
            bare_attend = not _ATTEND.match(sentence[t_start:t_end]) or _ATTEND_BARE.match(
                sentence[t_end : c.end]
            )
            # "to attend regular board meetings": the section's own board
            if (
                board is not None
                and _ATTEND.match(sentence[t_start:t_end])
                and _ATTEND_BOARD.match(sentence[t_end : c.end])
            ):
                boards = [board]
            # a membership needs a board: the clause's, else the section's own board
            if (
                not boards
                and default is not None
                and default.body_type in BOARD_TYPES
                and bare_attend
            ):
                boards = [default]
                conf = 0.5
            if not members and len(boards) > 1:
                members, boards = boards[:1], boards[1:]
            # "sits on the HWB, the LSCB and the SAB": each board of the list after it
            listed = [f.body for f in after if f.body.body_type in BOARD_TYPES]
            if len(listed) > 1 and members:
                boards = listed
            elif not _ALL_BOARDS.match(sentence[t_end : c.end]):
                boards = boards[:1]
            for member in members:
                for b in boards:
                    pairs.append((member, b, conf))
        kind = t.kind
        for src, tgt, conf in pairs:
            if src.iri == tgt.iri:
                continue
            k = kind
            if t.rule == "chairs/led-by" and src.body_type not in _CHAIR_TYPES:
                k = "works-with"
            # "Core groups are well attended by relevant professionals": no board is named,
            # the meetings are the council's casework, and an agency is no member of a council
            if k == "member-of" and tgt.body_type in ("local-authority", "childrens-services"):
                k = "works-with"
            if k == "chairs" and src.body_type in BOARD_TYPES and tgt.body_type not in BOARD_TYPES:
                src, tgt = tgt, src
            # "the board's priorities led to re-commissioning early help": a safeguarding
            # board commissions reviews, authors and training, not its partners' services
            if (
                k == "commissions"
                and src.body_type in ("lscb", "safeguarding-partnership")
                and tgt.body_type not in _BOARD_BUYS
            ):
                continue
            # "a worker collaborates with social workers": the council's side filled in
            # from context and a team or post of the council's own is no partnership link
            if conf < 0.6 and (
                {src.body_type, tgt.body_type} & {"local-authority", "childrens-services"}
                and {src.body_type, tgt.body_type} & _COUNCIL_OWN
            ):
                continue
            # "Leaders have strong oversight of social workers": the council's leadership
            # managing its own staff, not a partnership link
            if (
                k in ("scrutinises", "works-with")
                and src.body_type in ("childrens-services", "local-authority")
                and tgt.body_type in ("social-work-team", "service-manager")
            ):
                continue
            # "repairing relationships between social workers and senior managers": the
            # council's own workforce working with itself is management, not partnership
            if (
                k == "works-with"
                and src.body_type in _WORKFORCE
                and tgt.body_type in _WORKFORCE
                and src.body_type != tgt.body_type
            ):
                continue
            # a board or a council chairs nothing, and what is chaired is a board, panel
            # or meeting: "the lead member chairing the board and councillors sitting on
            # ..." does not make the lead member chair the councillors
            if k == "chairs" and (
                src.body_type in BOARD_TYPES | _NEVER_CHAIR or tgt.body_type not in BOARD_TYPES
            ):
                continue
            per_clause.setdefault(ci, []).append(
                Link(src.iri, k, tgt.iri, "stated", [], [], t.rule, conf)
            )
    # "the Chief Executive of Bournemouth Borough Council": a post in the council;
    # "the early help arrangements within Children's Services": a service in it
    for a, b in itertools.pairwise(found):
        gap = sentence[a.mention.end : b.mention.start]
        if (
            b.body.body_type in ("local-authority", "childrens-services")
            and a.body.own
            and b.body.own
            and a.body.body_type not in BOARD_TYPES | _AGENCIES | {"local-authority"}
            and a.body.body_type != b.body.body_type
            and re.fullmatch(
                r"\s+(?:(?:[\w-]+\s+){0,2}(?:within|in)|of|at)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){0,3}",
                gap,
            )
            and (a.body.body_type in _POSTS or not re.match(r"\s+of\b", gap))
        ):
            kind = "post-in" if a.body.body_type in _POSTS else "part-of"
            per_clause.setdefault(clause_of(a.mention.start), []).append(
                Link(a.body.iri, kind, b.body.iri, "stated", [], [], f"{kind}/of-within", 0.6)
            )
    # "the local authority's children in care councils", "the council's chief executive",
    # "the board's training coordinator", "the board's task and finish group"
    for a, b in itertools.pairwise(found):
        if not _POSSESSIVE.fullmatch(sentence[a.mention.end : b.mention.start]):
            continue
        if a.body.body_type == "local-authority" and b.body.body_type not in BOARD_TYPES | {
            "local-authority"
        }:
            kind = "post-in" if b.body.body_type in _POSTS else "part-of"
        elif a.body.body_type in BOARD_TYPES and b.body.body_type in _POSTS:
            kind = "post-in"
        elif a.body.body_type in ("lscb", "safeguarding-partnership") and (
            b.body.body_type == "lscb-subgroup"
        ):
            kind = "sub-group-of"
        else:
            continue
        if kind:
            per_clause.setdefault(clause_of(b.mention.start), []).append(
                Link(b.body.iri, kind, a.body.iri, "stated", [], [], f"{kind}/possessive", 0.6)
            )
            if kind == "sub-group-of":
                subgroups_linked.add(b.body.iri)
    # "The chair has strengthened the structure of the board": a sentence about the
    # board's chair and the board states that the chair chairs it
    if board is not None and found and found[0].body.body_type in ("lscb-chair",):
        lead = found[0]
        pair = frozenset((lead.body.iri, board.iri))
        stated = any(
            frozenset((k.source, k.target)) == pair for ks in per_clause.values() for k in ks
        )
        # ... unless a trigger of the sentence already links them ("he brings challenge to
        # the Board"): the chair's own act says more than the chair's title
        if (
            not stated
            and _OPENS.match(sentence[: lead.mention.start])
            and any(f.body.iri == board.iri for f in found[1:])
        ):
            per_clause.setdefault(clause_of(lead.mention.start), []).append(
                Link(lead.body.iri, "chairs", board.iri, "stated", [], [], "chairs/subject", 0.5)
            )
    # in the LSCB part, a sub-group is the board's: said where the sentence names the
    # board too, or opens with the sub-group, once per paragraph
    if board is not None and board.body_type == "lscb":
        names_board = any(f.body.iri == board.iri for f in found)
        for i, f in enumerate(found):
            if (
                f.body.body_type == "lscb-subgroup"
                and f.body.iri != board.iri
                and (
                    (names_board and f.body.iri not in subgroups_linked)
                    # the sentence is about the sub-group, or introduces one
                    or (i == 0 and _OPENS.match(sentence[: f.mention.start]))
                    or re.search(r"\b[Aa]n?\s+(?:[\w-]+\s+){0,3}$", sentence[: f.mention.start])
                )
            ):
                subgroups_linked.add(f.body.iri)
                ci = clause_of(f.mention.start)
                per_clause.setdefault(ci, []).append(
                    Link(
                        f.body.iri,
                        "sub-group-of",
                        board.iri,
                        "stated",
                        [],
                        [],
                        "sub-group-of/section",
                        0.6,
                    )
                )
    # one link per pair of bodies in a sentence: the first trigger names it
    seen: set[frozenset[str]] = set()
    for ci in sorted(per_clause):
        c = parts[ci]
        # "challenge to the local authority about the weak quality of ...": what a link
        # is about judges the topic, not the link
        words = sentence[c.start : c.end]
        topic = _TOPIC_AFTER.search(words)
        verdict = judge(words[: topic.end()] if topic and topic.start() > 20 else words)
        # a specific kind ("involved in chairing") wins over working together
        for link in sorted(per_clause[ci], key=lambda k: k.kind == "works-with"):
            pair = frozenset((link.source, link.target))
            if pair in seen:
                continue
            seen.add(pair)
            quality, cue = verdict.quality, verdict.cue
            # "Arrangements are well coordinated when children are stepped down to early
            # help": a main clause that names no body judges the link its condition states
            if (
                quality == "stated"
                and ci > 0
                and ci - 1 not in per_clause
                and _CONDITION.match(words)
                and _ARRANGEMENTS.match(sentence[parts[ci - 1].start : parts[ci - 1].end])
            ):
                main = judge(sentence[parts[ci - 1].start : parts[ci - 1].end])
                quality, cue = main.quality, main.cue
            # a concession takes the verdict of the main clause that follows it,
            # unless that clause speaks of bodies of its own
            if c.concessive and ci + 1 < len(parts) and ci + 1 not in per_clause:
                main_words = sentence[parts[ci + 1].start : parts[ci + 1].end]
                main = judge(main_words)
                # ... and speaks of it: "Although the virtual school holds schools rigorously
                # to account ..., PEPs do not always ..." is a shortfall of something else
                if is_negative(main.quality) and _MAIN_OF_THE_LINK.match(main_words):
                    quality, cue = main.quality, main.cue
            # "..., but which operate with different levels of effectiveness": a hedge
            # that names no body of its own is about what came before it
            for later in parts[ci + 1 : ci + 2]:
                own = any(later.start <= f.mention.start < later.end for f in found)
                words = sentence[later.start : later.end]
                if not own and _ANAPHORIC_HEDGE.match(words) and not is_negative(quality):
                    hedge = judge(words)
                    if is_negative(hedge.quality) or hedge.quality == "developing":
                        quality, cue = hedge.quality, hedge.cue
                # "..., and this is well established": a verdict on what came before
                if not own and quality == "stated" and _ANAPHORIC_VERDICT.match(words):
                    verdict_after = judge(words)
                    quality, cue = verdict_after.quality, verdict_after.cue
            # a later clause that hedges one end of the link overrides praise
            for later in parts[ci + 1 :]:
                names_end = any(
                    later.start <= f.mention.start < later.end
                    and f.body.iri in (link.source, link.target)
                    for f in found
                )
                if names_end:
                    hedge = judge(sentence[later.start : later.end])
                    if is_negative(hedge.quality) and not is_negative(quality):
                        quality, cue = hedge.quality, hedge.cue
            link.quality, link.cue = quality, cue
            out.append(link)
    return out
