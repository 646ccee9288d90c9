"""Partnership links from a parsed report: bodies, links, quality, evidence.

:func:`extract_links` reads a :class:`~graph.reader.model.Report` paragraph by
paragraph and sentence by sentence, and returns an :class:`Extraction` of plain
data (no RDF: :mod:`graph.rdf.extraction` turns it into triples):

1. **bodies**: :func:`graph.extract.bodies.find_mentions` names the bodies of
   each sentence; words that name a body only in context ("the Board", "the
   chair", "the Panel") are resolved here, from the section (the LSCB part of
   a report) and what the paragraph named before. Each body gets one IRI by
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

Rules only, from the standard library: on the labelled development reports
they matched or beat a classifier trained on the labels, with no import cost
(see ``bench/extract_results.md``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph import iri
from graph.extract.bodies import NAMED_TYPES, Mention, body_types, clean_name, find_mentions
from graph.extract.quality import Judged, clauses, is_negative, judge

if TYPE_CHECKING:  # pragma: no cover
    from graph.reader.model import Report

#: identifier and version of this extractor, written on every extraction graph
EXTRACTOR = "sgkg-rules"
VERSION = "1.1"

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
        r"\bcomprised of\b|\bcomprising\b|\bmade up of\b|\bconstituted of\b|\bwhich includes\b",
        "member-of",
        "passive",
        "member-of/comprises",
    ),
    _t(r"\bparticipa\w* observer\b|\bobserver\b", "observer-of", "member", "observer-of"),
    _t(
        r"\brepresent(?:ed|ation)\b|\battend(?:s|ed|ing|ance)?\b|\bsits? on\b|\bsat on\b"
        r"|\bmembers? of\b|\bmembership\b|\bboard members\b|\bis an? (?:\w+\s+){0,3}partner\b"
        r"|\bare engaged\b|\bis engaged\b|\brole on\b|\bserves? on\b"
        r"|\b(?:engagement|participation) in\b",
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
        r"\b(?:links?|relationships?|communication|partnership working|joint working) between\b",
        "works-with",
        "between",
        "works-with/between",
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
        r"\bscrutin\w*\b|\bchalleng(?:e|es|ed|ing)\b|\boversight\b|\boversees\b"
        r"|\bmonitor(?:s|ed|ing)?\b|\baudit(?:s|ed)? of\b|\binfluence\b",
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
        r"|\bshared with\b|\bpassed to\b|\bdisseminated\b|\breferrals? (?:from|to)\b"
        r"|\balert(?:s|ed|ing)?\b|\bnotif(?:y|ies|ied|ication)\b",
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
        r"\blinks?\b|\bworking relationships?\b|\brelationships?\b|\bworks? (?:\w+\s+)?with\b"
        r"|\bworking (?:\w+\s+)?with\b|\bprotocols?\b|\bpartnership working\b|\bjoint working\b"
        r"|\bmeets? (?:\w+\s+)?with\b|\bmeetings? with\b|\bin partnership with\b|\btogether with\b"
        r"|\bengag(?:e|es|ing|ement)\b|\bcollaborat\w+\b|\bstrategy (?:discussions|meetings)\b"
        r"|\bjoint investigations\b|\bliais\w*\b|\bintegrat\w+ (?:of|with)\b|\bcontribut\w+\b"
        r"|\binvolv\w*\b|\bmeet (?:\w+\s+){0,3}(?:regularly|formally|monthly|quarterly)\b"
        r"|\bconsult(?:s|ed|ing|ation)?\b",
        "works-with",
        "active",
        "works-with/verb",
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
    r"|consult",
    re.I,
)
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
#: sections whose paragraphs ask for a link to be improved: the link is weak as found
_IMPROVEMENT_SECTION = re.compile(
    r"areas?-for-improvement|recommendations|priority|what-needs-to-improve|need-to-improve"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[’'\")\]]?\s+(?=[A-Z‘'\"(•–-])")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|No|St|Dr|Mr|Mrs|Ms|vs|para|paras|approx)\.)$")


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

    def served_by(self, body_type: str) -> list[str]:
        """The authorities the joint body of ``body_type`` of this area serves."""
        area = iri.joint_area(self.area, body_type)
        return sorted(
            a for (a, t), (j, _) in iri._joint_bodies().items() if t == body_type and j == area
        )

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


#: every trigger in one pass: at each place the first trigger of the table that matches wins
_ALL_TRIGGERS = re.compile(
    "|".join(f"(?P<t{i}>{t.pattern.pattern})" for i, t in enumerate(TRIGGERS)), re.I
)


def _triggers(sentence: str) -> list[tuple[int, int, Trigger]]:
    return [
        (m.start(), m.end(), TRIGGERS[int(m.lastgroup[1:])])  # type: ignore[index]
        for m in _ALL_TRIGGERS.finditer(sentence)
    ]


def extract_links(report: Report, report_iri: str | None = None) -> Extraction:
    """Bodies and links of a parsed report (:class:`graph.reader.model.Report`)."""
    from graph.rdf.report import report_iri as iri_of

    r_iri = report_iri or iri_of(report)
    x = Extraction(report_iri=r_iri, authority_key=report.authority_key)
    # from 2019 a report speaks of the safeguarding partnership, not an LSCB
    era_2019 = report.key_date.year >= 2019 and report.framework != "sif-lscb"
    resolver = _Resolver(x, report.authority_name)
    whole_review = report.framework in ("lscb-review", "lscb")
    merged: dict[tuple[str, str, str, str], Link] = {}

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
        # a subjectless sentence speaks of the section's board, or of the board the
        # paragraph opened with, or (outside the LSCB part) of the council
        board = resolver.body(board_context, None, "", unit.number) if board_context else None
        topic: Body | None = None
        first_sentence = True
        previous_verdict: Judged | None = None
        pending: list[Link] = []  # the links of the sentence before, until its verdict is known
        # the council's side of a link left implied is named as the paragraph names it
        council = (
            "childrens-services"
            if re.search(r"(?i)children[’']?s (?:services|social care)|\bsocial care\b", text)
            else "local-authority"
        )
        for s_start, s_end in sentences(text):
            sentence = text[s_start:s_end]
            raw = find_mentions(sentence, lscb_context=in_lscb)
            # every link has a body the sentence names at one end at least
            trig = _triggers(sentence) if raw else []
            # a context word inside a trigger ("is also Chair of") is part of the trigger
            raw = [
                m
                for m in raw
                if not (
                    m.contextual
                    and any(a < m.end and m.start < b and t.mode != "account" for a, b, t in trig)
                )
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
                x.mentioned.add((unit.number, body.body_type))
            for f in found:
                if f.body.body_type in BOARD_TYPES and not f.mention.contextual:
                    last_board = f
            default = topic or board or resolver.body(council, None, "", unit.number)
            if first_sentence and found and not found[0].mention.contextual:
                lead = found[0]
                opens = re.match(r"^\W*(?:\w+\W+){0,2}$", sentence[: lead.mention.start])
                if opens and lead.body.body_type in BOARD_TYPES and lead.body != board:
                    topic = lead.body
            first_sentence = False
            improvement = bool(_IMPROVEMENT_SECTION.search(unit.section or ""))
            inherit = previous_verdict if _FOR_EXAMPLE.match(sentence) else None
            previous_verdict = judge(sentence)
            sentence_links = _links_of_sentence(sentence, found, trig, default, board)
            sentence_links += _named_links(sentence, found, sentence_links, resolver, unit.number)
            # "... a joint board with Poole. These arrangements are effective ...": a verdict
            # on the links the sentence before stated without judging them
            if pending and _ANAPHORIC_SENTENCE.match(sentence):
                first = clauses(sentence)
                after_verdict = judge(sentence[: first[0].end] if first else sentence)
                if after_verdict.quality != "stated":
                    for link in pending:
                        if link.quality == "stated" and link.kind not in _STRUCTURAL:
                            link.quality, link.cue = after_verdict.quality, after_verdict.cue
            _merge(merged, pending)
            pending = []
            for link in sentence_links:
                if link.kind in _STRUCTURAL:
                    link.quality, link.cue = "stated", None
                if (
                    inherit is not None
                    and link.quality == "stated"
                    and link.kind not in _STRUCTURAL
                ):
                    link.quality, link.cue = inherit.quality, inherit.cue
                if improvement:
                    link.quality, link.cue = "weak", "area for improvement"
                    link.confidence = min(link.confidence, 0.5)
                link.paragraphs = [unit.number]
                link.quotes = [sentence.strip()]
                pending.append(link)
        _merge(merged, pending)
    x.links = list(merged.values())
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


_PARTNER_TYPES = {"local-authority", "police", "ccg", "icb"}
#: links that say where a body sits, never judged: "stated"
_STRUCTURAL = {"part-of", "post-in", "serves"}
_ANAPHORIC_SENTENCE = re.compile(
    r"^\W*(?:these|this|the|such|both) (?:joint )?(?:arrangements?|links?|relationships?"
    r"|partnerships?|protocols?|working|meetings?)\b",
    re.I,
)


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
    for f in found:
        b = f.body
        if b.body_type == "lscb-chair" and re.search(
            r"(?i)\bchair of the\b.*\b(?:board|lscb)\b", f.mention.text
        ):
            board = resolver.body("lscb", None, "", para)
            if frozenset((b.iri, board.iri)) not in pairs:
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


def _subjects(sentence: str, before: list[_Found], t_start: int) -> list[_Found]:
    """The subject of a trigger: a possessive right before it ("the LSCB's
    relationship with"), else the list of bodies that opens the clause."""
    if not before:
        return []
    last = before[-1]
    if re.match(r"^(?:’s|'s|’)\s+(?:[\w-]+\s+){0,2}$", sentence[last.mention.end : t_start]):
        return [last]
    out = [before[0]]
    for f in before[1:]:
        gap = sentence[out[-1].mention.end : f.mention.start]
        if not re.fullmatch(r"[\s,]*(?:and|or|as well as)?\s*(?:the\s+)?", gap):
            break
        out.append(f)
    return out


def _links_of_sentence(
    sentence: str,
    found: list[_Found],
    trig: list[tuple[int, int, Trigger]],
    default: Body | None,
    board: Body | None,
) -> list[Link]:
    if not found and default is None:
        return []
    out: list[Link] = []
    parts = clauses(sentence)

    def clause_of(pos: int) -> int:
        return next((i for i, c in enumerate(parts) if c.start <= pos < c.end), len(parts) - 1)

    per_clause: dict[int, list[Link]] = {}
    passive_target: dict[int, Body] = {}
    # "the council's chief executive": the council is a modifier, not a party
    modifiers = {
        id(a)
        for a, b in itertools.pairwise(found)
        if a.body.body_type == "local-authority"
        and re.fullmatch(
            r"(?:’s|'s)\s+(?:[\w-]+\s+){0,2}", sentence[a.mention.end : b.mention.start]
        )
    }
    parties = [f for f in found if id(f) not in modifiers]
    for n, (t_start, t_end, t) in enumerate(trig):
        ci = clause_of(t_start)
        c = parts[ci]
        next_start = next((a for a, _, _ in trig if a > t_start), c.end)
        # the subject of a trigger comes after the trigger before it in its clause
        prev_end = max([c.start] + [b for a, b, _ in trig[:n] if a >= c.start])
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
            and not (topic_ok and _TOPIC_AFTER.search(sentence[t_end : f.mention.start]))
            and not (t.kind != "scrutinises" and _WORK_OF.search(sentence[: f.mention.start]))
        ]
        # the parties of a trigger are the list right after it: a verb ends the list
        kept, edge = [], (after[0].mention.start if after and with_first else t_end)
        for f in after:
            if _VERB.search(sentence[edge : f.mention.start]):
                break
            kept.append(f)
            edge = f.mention.end
        after = kept
        before = [f for f in before if id(f) not in modifiers]
        after = [f for f in after if id(f) not in modifiers]
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
            )
        ):
            # "The Chair meets the Mayor and has meetings with ...": the bodies after the
            # first verb are its objects; the subject is the clause's
            before = [f for f in found if c.start <= f.mention.start < t_start]
        here = _subjects(sentence, before, t_start)
        subjects = here or _subjects(sentence, sentence_before, t_start)
        pairs: list[tuple[Body, Body, float]] = []
        # the council is the implied party only of a relation the clause opens with
        # ("Relationships with key partners are improving") or names as joint work
        if default is not None and default.body_type in ("local-authority", "childrens-services"):
            opening = t_start - c.start <= 30 and t.kind in _COUNCIL_IMPLIED
            if not (opening or _JOINT_WORK.search(sentence[t_start:t_end])):
                default = None
        if t.mode == "active":
            sources = [f.body for f in subjects] or ([default] if default else [])
            conf = 0.7 if subjects else 0.5
            # "was reported to the Board by the Safeguarding Effectiveness Group"
            agents = [
                f for f in after if re.search(r"\bby\s+(?:the\s+)?$", sentence[: f.mention.start])
            ]
            if agents and re.match(r"\w+ed\b", sentence[t_start:t_end]):
                sources = [f.body for f in agents]
                after = [f for f in after if f not in agents]
            if after:
                pairs += [(src, f.body, conf) for src in sources for f in after]
            elif len(sources) > 1:
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
            if len(bodies) == 1 and default is not None:
                bodies = [default, *bodies]
            for other in bodies[1:]:
                pairs.append((bodies[0], other, 0.7))
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
            in_clause = [f for f in found if c.start <= f.mention.start < c.end]
            boards = [f.body for f in in_clause if f.body.body_type in BOARD_TYPES]
            # the members are the clause's subject, else what follows "representation from"
            members = (
                [f.body for f in here if f.body.body_type not in BOARD_TYPES]
                or [f.body for f in after if f.body.body_type not in BOARD_TYPES]
                or [f.body for f in subjects if f.body.body_type not in BOARD_TYPES]
            )
            conf = 0.6
            bare_attend = not _ATTEND.match(sentence[t_start:t_end]) or _ATTEND_BARE.match(
                sentence[t_end : c.end]
            )
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
            for member in members:
                for b in boards[:1]:
                    pairs.append((member, b, conf))
        kind = t.kind
        for src, tgt, conf in pairs:
            if src.iri == tgt.iri:
                continue
            k = kind
            if t.rule == "chairs/led-by" and src.body_type not in _CHAIR_TYPES:
                k = "works-with"
            if k == "chairs" and src.body_type in BOARD_TYPES and tgt.body_type not in BOARD_TYPES:
                src, tgt = tgt, src
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
    # "the local authority's children in care councils", "the council's chief executive"
    for a, b in itertools.pairwise(found):
        if (
            a.body.body_type == "local-authority"
            and b.body.body_type not in BOARD_TYPES | {"local-authority"}
            and re.fullmatch(
                r"(?:’s|'s)\s+(?:[\w-]+\s+){0,2}", sentence[a.mention.end : b.mention.start]
            )
        ):
            kind = "post-in" if b.body.body_type in _POSTS else "part-of"
            per_clause.setdefault(clause_of(b.mention.start), []).append(
                Link(b.body.iri, kind, a.body.iri, "stated", [], [], f"{kind}/possessive", 0.6)
            )
    # in the LSCB part, a sub-group the sentence names is the board's sub-group
    if board is not None and board.body_type == "lscb":
        for f in found:
            if f.body.body_type == "lscb-subgroup" and f.body.iri != board.iri:
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
        verdict = judge(sentence[c.start : c.end])
        # a specific kind ("involved in chairing") wins over working together
        for link in sorted(per_clause[ci], key=lambda k: k.kind == "works-with"):
            pair = frozenset((link.source, link.target))
            if pair in seen:
                continue
            seen.add(pair)
            quality, cue = verdict.quality, verdict.cue
            # a concession takes the verdict of the main clause that follows it,
            # unless that clause speaks of bodies of its own
            if c.concessive and ci + 1 < len(parts) and ci + 1 not in per_clause:
                main = judge(sentence[parts[ci + 1].start : parts[ci + 1].end])
                if is_negative(main.quality):
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
