"""Find the bodies a sentence names, as the report names them, typed with the
body-type vocabulary.

Search terms come from two places:

* the SKOS labels of the body-type scheme (every ``ontology/vocabularies*.ttl``
  and ``ontology/extraction.ttl``), matched as :mod:`graph.extract.mentions`
  matches them (all-capitals labels as written, others folded, whole words,
  optional plural);
* a short table of names the vocabulary does not hold but the reports print
  ("Chief Operating Officer", "Corporate Parenting Forum", "the courts"), and
  patterns for names the reports build from a place ("Sunderland Safeguarding
  Children Board", "BSCB", "Lancashire Constabulary", "the Safeguarding
  Effectiveness Group").

Names printed in lower case are read too: in the board's part "the learning
and improvement group" is a sub-group, "the business manager" a post, "the
education safeguarding team" a unit; and :func:`defined_abbreviations` reads
the abbreviations a report defines ("the Duty and Assessment Service (DAS)"),
which :func:`find_mentions` then recognises wherever they stand.

Words that name a body only in context are resolved here too: "the Board",
"the chair", "the partnership" inside the LSCB section (or in a report about
a safeguarding partnership) are the LSCB (or partnership) and its chair; "the
Panel" is the last panel the paragraph named. A mention is not a link
(:mod:`graph.extract.links` decides that).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from graph import namespaces as ns

#: body types that are a whole area's one body: minted without a name
_COLLECTIVE = {"partner-agencies", "schools", "health", "elected-members", "voluntary-sector"}
#: types minted with the name the report prints (an area may have several)
NAMED_TYPES = {"board", "unit", "post", "programme", "lscb-subgroup", "neighbouring-authority"}

#: names the reports print that the vocabulary does not hold, folded, -> body type
EXTRA_NAMES: dict[str, str] = {
    "chief operating officer": "chief-executive",
    "city mayor": "leader",
    "elected mayor": "leader",
    "mayor": "leader",
    "leader of the council": "leader",
    "corporate parenting forum": "corporate-parenting-panel",
    "corporate parenting committee": "corporate-parenting-panel",
    "corporate parenting board": "corporate-parenting-panel",
    "scrutiny commission": "scrutiny-committee",
    "safeguarding panel": "scrutiny-committee",
    "scrutiny committee": "scrutiny-committee",
    "independent reviewing officer service": "iro-service",
    "independent reviewing officers": "iro-service",
    "independent reviewing officer": "iro-service",
    "the courts": "family-court",
    "courts": "family-court",
    "judiciary": "family-court",
    "health trusts": "nhs-trust",
    "health trust": "nhs-trust",
    "health partners": "health",
    "health agencies": "health",
    "health professionals": "health",
    "health colleagues": "health",
    "mental health practitioners": "health",
    "agencies": "partner-agencies",
    "partner agencies": "partner-agencies",
    "partnership agencies": "partner-agencies",
    "key partnership agencies": "partner-agencies",
    "statutory partners": "partner-agencies",
    "key partners": "partner-agencies",
    "board partners": "partner-agencies",
    "lscb partners": "partner-agencies",
    "universal services": "partner-agencies",
    # 2019+ ILACS wording for the other agencies around a child
    "other professionals": "partner-agencies",
    "relevant professionals": "partner-agencies",
    "network of professionals": "partner-agencies",
    "professional network": "partner-agencies",
    "stakeholders": "partner-agencies",
    "key stakeholders": "partner-agencies",
    "multi-agency partners": "partner-agencies",
    "political leaders": "elected-members",
    "district judge": "family-court",
    "designated family judge": "family-court",
    "family judge": "family-court",
    "partner in practice": "neighbouring-authority",
    "placement authorities": "neighbouring-authority",
    "other placement authorities": "neighbouring-authority",
    "transition to independence team": "care-leavers-service",
    "leaving care workers": "care-leavers-service",
    "children's services leaders": "childrens-services",
    "further education providers": "education-services",
    "further education colleges": "education-services",
    "educational psychologists": "education-services",
    "educational psychology service": "education-services",
    "children missing education team": "education-services",
    "cme team": "education-services",
    "elective home education team": "education-services",
    "education welfare service": "education-services",
    "education safeguarding team": "education-services",
    "emergency duty service": "out-of-hours",
    "housing officers": "housing",
    "housing providers": "housing",
    "providers": "independent-providers",
    "care providers": "independent-providers",
    "the hub": "front-door",
    "single point of access": "front-door",
    "spa": "front-door",
    "triage service": "front-door",
    "commissioning partners": "commissioning",
    "commissioning team": "commissioning",
    "statutory services": "childrens-services",
    "statutory social care": "childrens-services",
    "safeguarding hub": "front-door",
    "receiving local authorities": "neighbouring-authority",
    "receiving authorities": "neighbouring-authority",
    "home local authorities": "neighbouring-authority",
    "the court": "family-court",
    "early years": "education-services",
    "early years settings": "education-services",
    "educational settings": "schools",
    "faith organisations": "faith-groups",
    "faith groups": "faith-groups",
    "faith communities": "faith-groups",
    "churches": "faith-groups",
    "diocese": "faith-groups",
    "fire and rescue service": "fire-service",
    "fire service": "fire-service",
    "designated doctor": "designated-health-professional",
    "designated nurse": "designated-health-professional",
    "designated professionals": "designated-health-professional",
    "coroner": "post",
    "sub-groups": "lscb-subgroup",
    "subgroups": "lscb-subgroup",
    "sub- groups": "lscb-subgroup",
    "sub-group": "lscb-subgroup",
    "regional adoption agency": "adoption-service",
    "children in care councils": "children-in-care-council",
    "children in care council": "children-in-care-council",
    # names a reviewer found missing on four unlabelled reports (extractor 2.4)
    "first response service": "front-door",
    "first response team": "front-door",
    "violence against women group": "domestic-abuse-board",
    "violence against women and girls group": "domestic-abuse-board",
    "independent review service": "iro-service",
    "child and family court advisory and support service": "cafcass",
    "partner organisations": "partner-agencies",
    "external partner organisations": "partner-agencies",
    "voluntary services": "voluntary-sector",
    "the judge": "family-court",
    "the judiciary": "family-court",
    "adult board": "safeguarding-adults-board",
    "adults board": "safeguarding-adults-board",
    "safer schools officers": "police",
    "assistant cabinet member": "elected-members",
    "safer adults partnership board": "safeguarding-adults-board",
    "safer school officers": "police",
    # a forum of young people, not the council
    "youth council": "board",
    "youth councils": "board",
    "neighbouring safeguarding boards": "neighbouring-authority",
    "neighbouring boards": "neighbouring-authority",
    "neighbouring lscbs": "neighbouring-authority",
    # the care leavers' own forum, under the same body type
    "leaving care council": "children-in-care-council",
    "leaving care councils": "children-in-care-council",
    "care leavers council": "children-in-care-council",
    "care leavers' council": "children-in-care-council",
    "social workers": "social-work-team",
    "local authority": "local-authority",
    "the authority": "local-authority",
    "the council": "local-authority",
    "district and borough councils": "local-authority",
    "children's services": "childrens-services",
    "childrens services": "childrens-services",
    "children's social care": "childrens-services",
    "social care": "childrens-services",
    "early help teams": "early-help",
    "early help service": "early-help",
    "youth offending service": "yot",
    "clinical commissioning groups": "ccg",
    "integrated care board": "icb",
    "integrated care boards": "icb",
    "safeguarding partners": "safeguarding-partners",
    "three safeguarding partners": "safeguarding-partners",
    "statutory safeguarding partners": "safeguarding-partners",
    "safeguarding partnership": "safeguarding-partnership",
    "multi-agency safeguarding partnership": "safeguarding-partnership",
    "safeguarding children partnership": "safeguarding-partnership",
    "community rehabilitation company": "probation",
    "national probation service": "probation",
    "improvement board": "board",
    "independent fostering agencies": "independent-providers",
    "independent fostering agency": "independent-providers",
    "independent children's homes": "childrens-homes",
    "private company": "independent-providers",
    "voluntary sector organisation": "voluntary-sector",
    "voluntary organisation": "voluntary-sector",
    "voluntary organisations": "voluntary-sector",
    "judges": "family-court",
    "the judges": "family-court",
    "voluntary sector organisations": "voluntary-sector",
    "voluntary sector": "voluntary-sector",
    "adult safeguarding board": "safeguarding-adults-board",
    "adults safeguarding board": "safeguarding-adults-board",
    "adult safeguarding partnership board": "safeguarding-adults-board",
    "safeguarding adults partnership board": "safeguarding-adults-board",
    "children's mental health services": "camhs",
    "mental health services for children and young people": "camhs",
    "mental health services for children": "camhs",
    "neighbouring authorities": "neighbouring-authority",
    "neighbouring local authorities": "neighbouring-authority",
    "neighbouring councils": "neighbouring-authority",
    "other local authorities": "neighbouring-authority",
    "host local authorities": "neighbouring-authority",
    "host local authority": "neighbouring-authority",
    "host authorities": "neighbouring-authority",
    "peer local authorities": "neighbouring-authority",
    "peer authorities": "neighbouring-authority",
    "senior managers": "childrens-services",
    "personal advisers": "care-leavers-service",
    "personal advisors": "care-leavers-service",
    "young person's advisers": "care-leavers-service",
    "frontline managers": "service-manager",
    "assistant director": "service-manager",
    "assistant directors": "service-manager",
    "head of service": "service-manager",
    "heads of service": "service-manager",
    "reviewing officer": "iro-service",
    "reviewing officers": "iro-service",
    # 2.2: names the development labels use that the recogniser did not know
    "agency decision maker": "post",
    "agency decision-maker": "post",
    "child protection chairs": "post",
    "child protection conference chairs": "post",
    "conference chairs": "post",
    "careers advisers": "post",
    "nspcc": "voluntary-sector",
    "voluntary agencies": "voluntary-sector",
    "community organisations": "voluntary-sector",
    "community groups": "voluntary-sector",
    "faith settings": "faith-groups",
    "mosques": "faith-groups",
    "street pastors": "faith-groups",
    "gps": "health",
    "general practitioners": "health",
    "commissioners": "commissioning",
    "residential homes": "childrens-homes",
    "designated teachers": "schools",
    "front-line managers": "service-manager",
    "team managers": "service-manager",
    "external providers": "independent-providers",
    "children and young people's strategic partnership": "childrens-trust-board",
    "children and young people's partnership": "childrens-trust-board",
    "children and young people's partnership board": "childrens-trust-board",
    "children's partnership board": "childrens-trust-board",
    "children and family court advisory service": "cafcass",
    "commissioned provider": "independent-providers",
    "commissioned providers": "independent-providers",
    "hwbb": "hwb",
    "h&wb": "hwb",
    "health and wellbeing board": "hwb",
    "lay members": "lay-member",
    "local safeguarding board": "lscb",
    "local safeguarding children's board": "lscb",
    "local safeguarding children board": "lscb",
    # extractor 2.8: names a reviewer found missed on two unlabelled reports
    "managing director": "chief-executive",
    "director of children services": "dcs",
    "midwives": "health",
    "midwifery service": "health",
    "universities": "education-services",
    "local university": "education-services",
    "local universities": "education-services",
    "further education establishments": "education-services",
    "team around the family": "early-help",
    "early intervention services": "early-help",
    "early intervention service": "early-help",
    "early intervention team": "early-help",
    "early intervention workers": "early-help",
    "advocates": "advocacy",
    "children's rights service": "advocacy",
    "care leavers' forum": "children-in-care-council",
}

#: vocabulary labels too vague to name a body on their own in running text
_VAGUE = {
    "members",
    "court",
    "initiative",
    "programme",
    "health",
    "nhs",
    "hospital",
    "school",
    "prison",
    "the partnership",
    "early intervention",
    "commissioning",
    "family support",
    "advocacy",
    "homelessness",
    "private fostering",
    "disability",
    "foster carers",
    "post",
}

#: words that make a following vague label a body: "health partners", "health services"
_BODY_HEADS = r"(?:services?|partners?|agencies|professionals|colleagues|providers?|trusts?|staff)"

# -- patterns for names built from a place or ending in a body noun
_CAP = r"(?:[A-Z][\w’'&.-]*|of|and|the|for|&)"
_NAMED = [
    # the LSCB's chair under the names reports print
    (
        re.compile(
            r"\b(?:LSCB|[A-Z]{1,3}SCB|Board)\s+(?:[Ii]ndependent\s+)?[Cc]hair(?:person)?\b"
            r"|\b(?:[Ii]ndependent\s+)?[Cc]hair of (?:the )?(?:(?:[Ll]ocal\s+)?[Ss]afeguarding"
            r"(?:\s+[Cc]hildren(?:’s|'s)?)?\s+)?(?:Board|LSCB|board)\b"
            r"|\b[Ii]ndependent\s+[Cc]hair(?:person)?\b"
        ),
        "lscb-chair",
    ),
    # "Sunderland Safeguarding Children Board", "Surrey Safeguarding Children Board"
    (re.compile(rf"\b(?:{_CAP}\s+){{0,5}}Safeguarding Children(?:’s|'s)? Board\b"), "lscb"),
    (
        re.compile(
            rf"\b(?:{_CAP}\s+){{0,5}}Safeguarding (?:Children(?:’s|'s)? )?Partnership\b(?!\s+Board)"
            r"|\b(?:(?:local|the|a|an|multi-agency|joint|children(?:’s|'s)?)\s+)*"
            r"safeguarding (?:children(?:’s|'s)? )?partnership\b"
        ),
        "safeguarding-partnership",
    ),
    (re.compile(r"\b[A-Z]{1,3}SCB\b"), "lscb"),
    (
        re.compile(
            r"\b(?:Lead Member|Cabinet Member|Portfolio Holder|lead member)"
            r"(?: for (?:[A-Z][\w’'&-]*|and|,)(?:\s+(?:and|[A-Z][\w’'&-]*)|,)*)?"
        ),
        "lead-member",
    ),
    (re.compile(r"\b[A-Z]{1,3}SC?P\b(?<!CSP)(?<!PSP)"), "safeguarding-partnership"),
    (re.compile(r"\b(?:[A-Z][\w’'&-]*\s+){1,3}(?:Constabulary|Police)\b"), "police"),
    # "Nottingham City Homes": a housing company ("Children's Homes" house children)
    (re.compile(r"\b(?:[A-Z][\w’'&-]*\s+){1,3}(?<!Children’s )(?<!Children's )Homes\b"), "housing"),
    # "the Safer Peterborough Partnership (Board)": the community safety partnership
    # ("the Safer Adults Partnership Board" is the adults' safeguarding board)
    (
        re.compile(
            r"\bSafer\s+(?!Adults?\b|Children\b)(?:[A-Z][\w’'-]*\s+){1,3}Partnership(?:\s+Board)?\b"
        ),
        "csp",
    ),
    (
        re.compile(
            r"\b(?:[A-Z][\w’'&-]*\s+|and\s+|of\s+){0,6}(?:[A-Z][\w’'&-]*\s+)"
            r"(?:[Ss]ub-?\s?[Gg]roup|Group|Panel|Forum|Board|Committee|Commission|Partnership"
            r"|Team|Service|Hub)\b"
        ),
        "named",
    ),
    (
        re.compile(
            r"\b(?:(?:[A-Z][\w’'-]*|area|health|local|strategic|case|review|serious|child"
            r"|protection|conference|dissent|operational|performance|practice|quality|assurance"
            r"|learning|training|policy|procedures|multi-agency|missing|exploitation|and)\s+){0,5}"
            r"sub-?\s?groups?\b"
        ),
        "lscb-subgroup",
    ),
]
#: words one of which each pattern of _NAMED needs, to skip patterns that cannot match
_NEEDLES = [
    ("hair",),
    ("Safeguarding Children",),
    ("artnership",),
    ("SCB",),
    ("ember", "ortfolio"),
    ("SP", "SCP"),
    ("Police", "Constabulary"),
    ("Homes",),
    ("Safer",),
    ("roup", "anel", "orum", "oard", "ommittee", "ommission", "artnership", "eam", "ervice", "Hub"),
    ("roup",),
]
#: head noun of a name the vocabulary does not know -> its type
_HEADS = {
    "sub-group": "lscb-subgroup",
    "subgroup": "lscb-subgroup",
    "group": "lscb-subgroup",
    "panel": "board",
    "forum": "board",
    "board": "board",
    "committee": "board",
    "commission": "board",
    "partnership": "board",
    "team": "unit",
    "service": "unit",
    "hub": "unit",
}

#: words that end a name: a lower-case "group" after them is not a sub-group's name
_NOT_NAME_WORDS = frozenset(
    "the a an of is are was were has have had which that who this these with by to from"
    " at on as age peer target ethnic minority focus whole same other each every one".split()
)
#: words that judge a service rather than name it: "a good service" is no body
_JUDGING_WORDS = frozenset(
    "good better best poor poorer effective consistent inconsistent timely responsive same"
    " right wider whole quality high-quality strong stronger weak limited single full new"
    " local universal targeted specialist statutory appropriate variable social work".split()
)
_OPENERS = frozenset({"the", "a", "an", "its"})
_ROLE_WORDS = (
    "manager",
    "ordinator",
    "officer",
    "advis",
    "worker",
    "psycholog",
    "clinician",
    "headteacher",
)
_NOT_ROLE_WORDS = frozenset({"social", "police", "team", "senior", "case"})
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_CAPS_WORD = re.compile(r"[A-Z]{2,6}")
#: the head nouns of lower-case names: "the learning and improvement group", "the
#: education safeguarding team", "the business manager"
_GROUP_HEAD = re.compile(r"\b(?:sub-?\s?group|group)\b(?!s)")
_UNIT_HEAD = re.compile(
    r"\b(?:team|service|hub)\b(?!s|\s+(?:hub|team|centre|managers?|directors?|reorganisation"
    r"|reconfiguration|restructure|review|plan)\b)"
)
#: words before "team" or "service" that describe it, not name it
_NOT_UNIT_WORDS = frozenset(
    "purposeful prompt experienced relevant support inspection suitably qualified dedicated"
    " talented reflective thoughtful excellent responsive".split()
)
#: lower-case names of panels, forums and committees: "a risk management panel"
_PANEL_HEAD = re.compile(r"\b(?:panels?|forums?|sub-committee|committee)\b(?!s)")
#: words before a forum's name that say how it works, not what it is: "a regular
#: leaders forum" is the leaders forum
_HOW_OFTEN = re.compile(
    r"^(?:(?:new|regular|weekly|monthly|quarterly|bi-monthly|fortnightly|annual|established"
    r"|well-attended|productive|useful|valuable)\s+)+",
    re.I,
)
#: the field a lower-case panel is named after -> its type
_PANEL_FIELDS = {
    "fostering": "fostering-panel",
    "adoption": "adoption-panel",
    "edge of care": "edge-of-care-panel",
    "leaving care": "children-in-care-council",
    "care leavers": "children-in-care-council",
    "children in care": "children-in-care-council",
    "scrutiny": "scrutiny-committee",
}
#: "Board members", "LSCB partners", "the LSCB sub-group": the board's members or its
#: sub-group, not the board
_BOARD_PARTS = re.compile(
    r"\b(?:LSCB|[A-Z]{1,3}SCB|Board)\s+(?:(members|partners|representatives)|(sub-?\s?groups?))\b"
)
#: ... when the board's word opens the name ("Sheffield Safeguarding Children Board
#: members" are named with the board's own name)
_BOARD_PARTS_BEFORE = re.compile(
    r"(?:^|\b(?:the|The|Key|key|all|All|other|its|Its|of|and|by|with|to|on)\s+)$"
)
#: a service bought from outside the council, or a business: what the words say it is
_OUTSIDE_CUE = re.compile(r"(?i)commissioned|external|private|firms?\b|contractors|businesses")
_OUTSIDE_PROVIDERS = re.compile(
    r"(?i)\b(?:(?:externally|appropriately|jointly|independently|newly|recently)\s+)?"
    r"(?:re-?)?commissioned(?:\s+and\s+spot-purchased)?\s+(?:services?|provision|providers?"
    r"|placements?|organisations?)\b"
    r"|\b(?:external|private|independent-sector)\s+(?:organisations?|companies|company"
    r"|providers?|partners|consultancy|consultants|sector|placement\s+providers)\b"
    r"|\b(?:local\s+)?businesses\b|\b(?:consultancy\s+)?firms?\b|\bcontractors\b"
)
_AUXILIARY_BEFORE = re.compile(
    r"(?i)\b(?:has|have|had|is|are|was|were|been|be|being|jointly|also)\s+$"
)
#: services a post's title may name: "the virtual school headteacher" is a post
_SERVICES_IN_TITLES = frozenset(
    {
        "virtual-school",
        "early-help",
        "care-leavers-service",
        "adoption-service",
        "fostering-service",
    }
)
#: "area teams", "the long-term child in need teams": one to four words before "teams"
_PLURAL_TEAMS = re.compile(r"\b((?:[A-Za-z][\w’'-]*\s+){1,4})teams\b")
#: words before "teams" that say whose or how many, not which
_NOT_TEAM_WORDS = frozenset(
    "all both two three four five six several many some most management leadership senior"
    " inspection staff professional multidisciplinary multi-agency their its our".split()
)
#: "the (independent) chair of the ...": the words before a board's name that make it its chair
_CHAIR_OF = re.compile(r"(?i)\b(?P<chair>(?:independent\s+)?chair(?:person)?)\s+of\s+(?:the\s+)?$")
_ROLE_HEAD = re.compile(
    r"\b(?:manager|co-?ordinator|officer|adviser|advisor|worker|psychologist|clinician"
    r"|headteacher)\b(?!s)"
)


def _lower_names(
    sentence: str,
    head: re.Pattern[str],
    stop: frozenset[str],
    most: int,
    *,
    board_owned: bool = True,
    capitals: bool = False,
) -> list[tuple[int, int]]:
    """(start, end) of each lower-case name ending in a ``head`` noun and opened
    by an article, "its" or (``board_owned``) "the board's": one to ``most``
    lower-case words, none of them in ``stop``, between the opener and the head
    (``capitals``: an abbreviation among them too, "the SCR sub-committee")."""
    out = []
    for h in head.finditer(sentence):
        window_start = max(0, h.start() - 90)
        words = list(re.finditer(r"\S+", sentence[window_start : h.start()]))
        start = None
        for count, at in enumerate(range(len(words) - 1, -1, -1)):
            word = words[at].group()
            low = word.lower().replace("’", "'")
            if count and (low in _OPENERS or (board_owned and low == "board's")):
                start = window_start + words[at + 1].start()
                break
            if count == most or low in stop:
                break
            if not _LOWER_WORD.fullmatch(word) and not (capitals and _CAPS_WORD.fullmatch(word)):
                break
        if start is not None:
            out.append((start, h.end()))
    return out


_QUOTES = str.maketrans({"’": "'", "‘": "'", "\u2011": "-"})
#: words, with a possessive "'s" left out ("authority's" is "authority") and "&" kept
_TOKEN = re.compile(r"[\w-]+(?:['’](?!s\b)\w+)*|&")
#: a name followed by one of these is a topic, not a body: "early help assessments"
#: bodies whose neighbours in a list ("police, health and housing") are agencies too
_LIST_ANCHORS = {
    "police",
    "housing",
    "probation",
    "schools",
    "health",
    "education-services",
    "camhs",
    "ccg",
    "icb",
    "nhs-trust",
    "yot",
    "voluntary-sector",
    "fire-service",
}
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*(?:the\s+)?")

_FAMILY_BEFORE = re.compile(
    r"(?i)\b(?:male|female|his|her|mothers?(?:’|'s|’s)?|fathers?(?:’|'s|’s)?|parents(?:’|')?"
    r"|abusive|violent|former|intimate|ex-|new\s+male)\s+$"
)

_TOPIC_NOUNS = re.compile(
    r"^['’]?\s*(?:assessments?|plans?|polic(?:y|ies)|procedures|documents?|data\b|dataset"
    r"|framework|thresholds?|training|audits?|tax\b|protection\b)",
    re.I,
)
_ARTICLE = re.compile(r"^(?:the|a|an|its|their|his|her|all|some|other|key)\s+", re.I)


@dataclass(frozen=True)
class BodyType:
    key: str
    label: str  # skos:prefLabel
    org_class: str  # W3C ORG class IRI


@dataclass(frozen=True)
class Mention:
    """A body named in a sentence: where, as printed, and what it is."""

    start: int
    end: int
    text: str  # as printed in the sentence
    body_type: str
    name: str | None = None  # distinguishing name for a NAMED_TYPES body
    contextual: bool = False  # "the Board", "the chair": resolved from context


@lru_cache(maxsize=1)
def body_types() -> dict[str, BodyType]:
    """Every body type of the ontology folder: key -> prefLabel and ORG class."""
    import pyoxigraph as ox

    from graph.resources import ontology_files

    pref: dict[str, str] = {}
    org: dict[str, str] = {}
    for path in ontology_files():
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            s = t.subject.value
            if not s.startswith(ns.BODY_TYPE):
                continue
            key = s[len(ns.BODY_TYPE) :]
            if t.predicate.value == ns.SKOS + "prefLabel":
                pref[key] = t.object.value
            elif t.predicate.value == ns.SG + "orgClass":
                org[key] = t.object.value
    return {
        k: BodyType(k, pref[k], org.get(k, ns.ORG + "OrganizationalUnit")) for k in sorted(pref)
    }


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str], int]:
    """Token tuples of every name -> body type: one table matched as written
    (all-capitals labels), one folded."""
    from graph.vocabulary import scheme_labels

    exact: dict[tuple[str, ...], str] = {}
    folded: dict[tuple[str, ...], str] = {}
    names = [(label, key) for key, ls in scheme_labels(ns.BODY_TYPE).items() for label in ls]
    names.sort()
    names += sorted(EXTRA_NAMES.items())
    known = set(body_types())
    longest = 1
    for label, key in names:
        if key not in known or label.lower() in _VAGUE:
            continue
        words = _TOKEN.findall(label.translate(_QUOTES))
        table = exact if label.isupper() else folded
        if table is folded:
            words = [w.lower() for w in words]
        longest = max(longest, len(words))
        for tail in ("", "s", "es"):
            # the table above wins over the vocabulary where both name a label
            table[(*words[:-1], words[-1] + tail)] = key
    return exact, folded, longest


@lru_cache(maxsize=1)
def _lengths() -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """First word of a name -> the lengths (in words) of the names it starts."""
    exact, folded, _ = _gazetteer()
    out: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
    for table, lengths in zip((exact, folded), out, strict=True):
        for words in table:
            lengths.setdefault(words[0], set()).add(len(words))
    return out


def _tokens(text: str) -> list[tuple[str, int, int]]:
    # the table maps one character to one, so offsets in the translated text are the text's
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text.translate(_QUOTES))]


def clean_name(text: str) -> str:
    """A printed name without its leading article or possessive: "the LSCB's" -> "LSCB"."""
    name = " ".join(text.split())
    for _ in range(2):
        name = _ARTICLE.sub("", name)
    return re.sub(r"(?:’s|'s|’|')$", "", name).strip()


def _type_of_named(text: str, lscb_context: bool) -> str | None:
    """The type of a name ending in a body noun ("the Safeguarding Effectiveness
    Group"): the vocabulary's when a label sits inside it, else by its head."""
    inner = _gazetteer_match(text)
    if inner:
        return inner
    head = text.split()[-1].lower().replace(" ", "")
    head = re.sub(r"sub-?\s?group", "sub-group", head)
    kind = _HEADS.get(head)
    if kind == "lscb-subgroup" and not lscb_context:
        return "board"
    return kind


#: the field a forum is named after -> the kind of board it is
_FORUM_FIELDS = {
    "corporate parenting": "corporate-parenting-panel",
    "domestic abuse": "domestic-abuse-board",
    "domestic violence": "domestic-abuse-board",
    "family justice": "family-justice-board",
    "health and wellbeing": "hwb",
    "health and well-being": "hwb",
    "community safety": "csp",
    "adult safeguarding": "safeguarding-adults-board",
    "safeguarding adults": "safeguarding-adults-board",
}


def _type_within(text: str) -> str | None:
    """The body type of the longest vocabulary name inside ``text``, if any, that
    is not only a vague word ("the domestic abuse steering group" -> the
    domestic abuse board's type)."""
    low = " ".join(text.lower().split())
    for field_words, key in _FORUM_FIELDS.items():
        if field_words in low:
            return key
    exact, folded, longest = _gazetteer()
    words = [w for w, _, _ in _tokens(text)]
    for n in range(min(longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            key = exact.get(tuple(words[i : i + n])) or folded.get(
                tuple(w.lower() for w in words[i : i + n])
            )
            if key:
                return key
    return None


def _gazetteer_match(text: str) -> str | None:
    exact, folded, _ = _gazetteer()
    words = [w for w, _, _ in _tokens(text)]
    for i in range(len(words)):
        for n in range(len(words) - i, 0, -1):
            key = exact.get(tuple(words[i : i + n])) or folded.get(
                tuple(w.lower() for w in words[i : i + n])
            )
            if key and n == len(words) - i:
                return key
    return None


#: "(TSCB)", "(the MASH)", "(CiCC)", "(IROs)": an abbreviation defined in brackets
_DEFINED = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z&]{1,9})\s*\)")
_MINOR_WORDS = {"and", "of", "the", "for", "in", "on", "to", "&"}


def _initials_fit(abbreviation: str, name: str) -> bool:
    """Whether ``abbreviation`` is made of the initials of ``name``'s words, in
    order, every letter a word's initial and the first letter the first word's
    ("Children in Care Council" -> "CiCC", "multi-agency safeguarding hub" -> "MASH")."""
    letters = abbreviation.lower()
    if abbreviation.endswith("s") and not abbreviation.isupper():
        letters = letters[:-1]  # "IROs": a plural
    words = [w for w in re.split(r"[\s\-–]+", name.translate(_QUOTES).lower()) if w]
    initials = [w[0] for w in words if w[0].isalpha()]
    if not initials or not letters or letters[0] != initials[0]:
        return False
    content = sum(1 for w in words if w not in _MINOR_WORDS)
    at = 0
    for ch in letters:
        while at < len(initials) and initials[at] != ch:
            at += 1
        if at == len(initials):
            return False
        at += 1
    # the abbreviation spells most of the name: no long name behind a short one
    return len(letters) >= min(2, content) and len(letters) >= content - 2


def defined_abbreviations(texts: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """The abbreviations a report defines for its bodies, each with the body type
    and name of the body it stands for: "Tameside Safeguarding Children Board
    (TSCB)" -> ``{"TSCB": ("lscb", None)}``, "the Duty and Assessment Service
    (DAS)" -> ``{"DAS": ("unit", "Duty and Assessment Service")}``. The first
    definition wins; an abbreviation whose letters are not the name's initials
    ("Cafcass", a place in brackets) defines nothing."""
    out: dict[str, tuple[str, str | None]] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _DEFINED.finditer(text):
            abbreviation = m.group(1)
            if abbreviation in out or sum(c.isupper() for c in abbreviation) < 2:
                continue
            head = text[max(0, m.start() - 150) : m.start()]
            named = [x for x in find_mentions(head) if not x.contextual]
            if not named or head[named[-1].end :].strip(" ’'‘\""):
                continue
            last = named[-1]
            if _initials_fit(abbreviation, last.text):
                out[abbreviation] = (last.body_type, last.name)
    return out


@lru_cache(maxsize=64)
def _alias_pattern(abbreviations: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})(?:s|’s|'s)?\b")


def find_mentions(
    sentence: str,
    *,
    lscb_context: bool = False,
    aliases: dict[str, tuple[str, str | None]] | None = None,
    ilacs: bool = False,
) -> list[Mention]:
    """The bodies ``sentence`` names, left to right, longest name first.

    ``lscb_context`` says the sentence sits in the part of a report about the
    LSCB (or partnership), where "the Board", "the chair" and an unnamed
    "sub-group" are that board's. ``aliases``: abbreviations the report defined
    (:func:`defined_abbreviations`), which name their body wherever they stand.
    ``ilacs``: the sentence is from an ILACS report (2018 on), which calls the
    council's senior leadership "leaders" and the other agencies around a
    child "professionals"; in the older reports "leaders" are every agency's
    and "professionals" anyone's."""
    exact, folded, _ = _gazetteer()
    found: list[Mention] = []
    taken = [False] * (len(sentence) + 1)

    def take(start: int, end: int, mention: Mention) -> None:
        if any(taken[start:end]) or _TOPIC_NOUNS.match(sentence[end:]):
            return
        # "fathers and male partners": a parent's partner, not a partner agency
        if mention.text.lower() in ("partner", "partners") and _FAMILY_BEFORE.search(
            sentence[:start]
        ):
            return
        for i in range(start, end):
            taken[i] = True
        found.append(mention)

    # in the board's own part, "the learning and improvement group" is one of its sub-groups
    if lscb_context and "group" in sentence:
        for start, end in _lower_names(sentence, _GROUP_HEAD, _NOT_NAME_WORDS, 6):
            text = sentence[start:end]
            # "the corporate parenting strategy group" is the vocabulary's, not the board's
            known = _type_within(text)
            if known and known not in ("lscb-subgroup", "lscb", "partner-agencies"):
                take(start, end, Mention(start, end, text, known, None))
                continue
            take(start, end, Mention(start, end, text, "lscb-subgroup", clean_name(text)))

    for m in _BOARD_PARTS.finditer(sentence):
        if not _BOARD_PARTS_BEFORE.search(sentence[: m.start()]):
            continue
        key = "partner-agencies" if m.group(1) else "lscb-subgroup"
        take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), key))

    # names built from a place or a body noun come first: they are the longest
    for (pattern, kind), needles in zip(_NAMED, _NEEDLES, strict=True):
        if not any(n in sentence for n in needles):
            continue  # the pattern cannot match: skip its (slow) search
        for m in pattern.finditer(sentence):
            start, end = m.start(), m.end()
            text = m.group()
            # a name does not start with a sentence's own first word unless capitalised
            lead = re.match(
                r"^(?:(?:The|A|An|In|For|Its|Their|This|Both|All|And|Of"
                r"|the|a|an|and|of|for|in|its|their)\s+)+",
                text,
            )
            if lead:
                start += lead.end()
                text = text[lead.end() :]
            if not text or (kind == "named" and len(text.split()) < 2):
                continue
            body_type = _type_of_named(text, lscb_context) if kind == "named" else kind
            if body_type is None:
                continue
            if body_type == "lscb-subgroup" and not lscb_context and kind == "named":
                body_type = "board"
            if body_type == "safeguarding-partnership" and re.search(
                r"(?i)multi-agency safeguarding hub", text
            ):
                continue
            name = clean_name(text) if body_type in NAMED_TYPES else None
            if body_type == "lscb-subgroup" and name and re.fullmatch(r"(?i)sub-?\s?groups?", name):
                name = None
            take(start, end, Mention(start, end, text, body_type, name))

    # the report's own abbreviations ("the TSCB", "DAS"), after the names built above
    if aliases:
        for m in _alias_pattern(tuple(aliases)).finditer(sentence):
            word = re.sub(r"(?:s|’s|'s)$", "", m.group())
            if word not in aliases:
                word = m.group()
            if word in aliases:
                body_type, name = aliases[word]
                take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), body_type, name))

    tokens = _tokens(sentence)
    lowered = [w.lower() for w, _, _ in tokens]
    exact_lengths, folded_lengths = _lengths()
    i = 0
    while i < len(tokens):
        hit = None
        as_written, as_folded = exact_lengths.get(tokens[i][0]), folded_lengths.get(lowered[i])
        if not as_written and not as_folded:
            i += 1  # no name starts with this word
            continue
        lengths = sorted((as_written or set()) | (as_folded or set()), reverse=True)
        for n in lengths:
            if i + n > len(tokens):
                continue
            key = exact.get(tuple(w for w, _, _ in tokens[i : i + n])) or folded.get(
                tuple(lowered[i : i + n])
            )
            if key:
                hit = (n, key)
                break
        if hit:
            n, key = hit
            start, end = tokens[i][1], tokens[i + n - 1][2]
            text = sentence[start:end]
            name = clean_name(text) if key in NAMED_TYPES else None
            take(start, end, Mention(start, end, text, key, name))
            i += n
            continue
        i += 1

    # services bought from outside the council: "commissioned services", "an external
    # organisation", "private companies" (independent providers, as the guide types them)
    if _OUTSIDE_CUE.search(sentence):
        for m in _OUTSIDE_PROVIDERS.finditer(sentence):
            if _AUXILIARY_BEFORE.search(sentence[: m.start()]):
                continue  # "has commissioned services from ...": a verb, not a name
            take(
                m.start(), m.end(), Mention(m.start(), m.end(), m.group(), "independent-providers")
            )

    # a panel, forum or committee the vocabulary does not name: "a risk management panel"
    if "panel" in sentence or "forum" in sentence or "committee" in sentence:
        # "a new risk management panel": "new" says when, not what
        stop = _NOT_NAME_WORDS | (_JUDGING_WORDS - {"new"})
        for start, end in _lower_names(
            sentence, _PANEL_HEAD, stop, 5, board_owned=False, capitals=True
        ):
            text = sentence[start:end]
            low = " ".join(text.lower().split())
            key = next((k for field, k in _PANEL_FIELDS.items() if field in low), None)
            key = key or next((k for field, k in _FORUM_FIELDS.items() if field in low), None)
            if key is None:
                sub_committee = low.endswith("sub-committee")
                key = "lscb-subgroup" if lscb_context and sub_committee else "board"
            name = _HOW_OFTEN.sub("", clean_name(text)) if key in NAMED_TYPES else None
            if name:
                name = name[:1].upper() + name[1:]
            take(start, end, Mention(start, end, text, key, name))

    # a team or service the vocabulary does not name: "the education safeguarding team"
    if "team" in sentence or "service" in sentence:
        stop = _NOT_NAME_WORDS | _JUDGING_WORDS | _NOT_UNIT_WORDS
        for start, end in _lower_names(sentence, _UNIT_HEAD, stop, 4, board_owned=False):
            text = sentence[start:end]
            take(start, end, Mention(start, end, text, "unit", clean_name(text)))

    # a role the vocabulary does not name: "the board's training coordinator"
    if any(w in sentence for w in _ROLE_WORDS):
        stop = _NOT_NAME_WORDS | _NOT_ROLE_WORDS
        for start, end in _lower_names(sentence, _ROLE_HEAD, stop, 4):
            text = sentence[start:end]
            # "the virtual school headteacher", "an early help coordinator": the post,
            # not the service its title names
            inner = [m for m in found if start <= m.start and m.end < end]
            inside = {i for m in inner for i in range(m.start, m.end)}
            if (
                inner
                and all(m.body_type in _SERVICES_IN_TITLES for m in inner)
                and not any(taken[i] for i in range(start, end) if i not in inside)
            ):
                for m in inner:
                    found.remove(m)
                    for i in range(m.start, m.end):
                        taken[i] = False
            take(start, end, Mention(start, end, text, "post", clean_name(text)))

    # plural teams the vocabulary does not name: "area teams", "the child in need teams"
    if "teams" in sentence:
        for m in _PLURAL_TEAMS.finditer(sentence):
            words = m.group(1).split()
            keep: list[str] = []
            for word in reversed(words):
                low = word.lower().replace("’", "'")
                if low in _NOT_NAME_WORDS or low in _JUDGING_WORDS or low in _NOT_TEAM_WORDS:
                    break
                keep.insert(0, word)
            if not keep:
                continue
            start = m.start(1) + len(m.group(1)) - len(" ".join(keep)) - 1
            start = sentence.index(keep[0], start)
            end = m.end()
            text = sentence[start:end]
            key = _type_within(text) or "social-work-team"
            take(start, end, Mention(start, end, text, key, None))

    # vague words that name a body when a body noun follows: "health partners"
    for m in re.finditer(
        rf"(?i)\b(?:health|education|school|hospital)\s+{_BODY_HEADS}\b", sentence
    ):
        word = m.group().split()[0].lower()
        key = {"health": "health", "education": "education-services"}.get(word, "nhs-trust")
        if word == "school":
            key = "schools"
        take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), key))

    # "The director has engaged ...": the director of children's services (a director of
    # anything else is named with it: "the director of public health")
    for m in re.finditer(
        r"\b[Tt]he\s+(?:(?:executive|corporate|interim|strategic)\s+)?([Dd]irector)\b"
        r"(?!\s+(?:of|for|general)\b|’s\s+of)",
        sentence,
    ):
        take(m.start(1), m.end(1), Mention(m.start(1), m.end(1), m.group(1), "dcs"))

    # "workers", "their advisers" alone: in a report on children's services, the
    # council's social workers and the care leavers' personal advisers ("health
    # workers", "independent advisers" are named with their qualifier, or not bodies)
    for m in re.finditer(
        r"(?:^|\b(?:[Tt]he|[Tt]heir|[Tt]hese|[Aa]llows?|[Ee]nables?|[Ww]ith|[Bb]y|[Aa]nd|[Oo]f"
        r"|[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll)\s+)(?P<w>[Ww]orkers|[Pp]ractitioners|[Aa]dvis[eo]rs)\b",
        sentence,
    ):
        word = m.group("w").lower()
        if word in ("workers", "practitioners"):
            key = "social-work-team"
        elif re.search(r"(?i)\b(?:their|personal|the)\s+$", sentence[: m.start("w")]):
            key = "care-leavers-service"
        else:
            continue
        a, b = m.start("w"), m.end("w")
        take(a, b, Mention(a, b, m.group("w"), key))

    if ilacs:
        for m in re.finditer(
            r"\b(?:(?:[Ss]enior|[Ss]trategic|[Cc]hildren’s services|[Cc]hildren's services)\s+)?"
            r"(?:[Ll]eaders|[Ll]eadership team)\b(?!\s+(?:of|from|in|across|for)\b)"
            r"|\b[Pp]rofessionals\b",
            sentence,
        ):
            key = (
                "partner-agencies" if m.group().lower() == "professionals" else "childrens-services"
            )
            take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), key))

    # personal advisers as printed: "PAs", "YPAs" (as written: "pass" is no adviser)
    for m in re.finditer(r"\bY?PAs?\b", sentence):
        take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), "care-leavers-service"))

    # words that name a body only in context
    for m in re.finditer(
        r"\b(?:[Tt]he|[Ii]ts|[Tt]his)\s+(?:(?:joint|new|independent|current|local)\s+)?"
        r"(?:(Board|board|LSCB|Chair|chair|partnership|Partnership)\b(?!\s+(?:of|for)\b)"
        r"|(Panel|panel)\b(?!\s+(?:for)\b))",
        sentence,
    ):
        word = (m.group(1) or m.group(2)).lower()
        if word == "board" or word == "lscb":
            key = "lscb"
        elif word == "chair":
            key = "lscb-chair"
        elif word == "panel":
            key = "board"
        else:
            key = "safeguarding-partnership"
        take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), key, None, True))
    for m in re.finditer(r"\b(?:Board|Chair|LSCB)\b", sentence):
        key = "lscb-chair" if m.group() == "Chair" else "lscb"
        take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), key, None, True))
    # "the co-location of police, health, education and housing": a vague word in a list
    # of agencies names an agency too (twice over, for a list that opens with it)
    for _ in range(2):
        anchors = [m for m in found if m.body_type in _LIST_ANCHORS]
        for m in re.finditer(r"(?i)\b(health|education)\b", sentence):
            if any(taken[m.start() : m.end()]):
                continue
            if any(
                _LIST_GAP.fullmatch(sentence[a.end : m.start()])
                or _LIST_GAP.fullmatch(sentence[m.end() : a.start])
                for a in anchors
            ):
                key = "health" if m.group(1).lower() == "health" else "education-services"
                take(m.start(), m.end(), Mention(m.start(), m.end(), m.group(), key))
    found.sort(key=lambda x: x.start)
    # "the chair of the Northshire Safeguarding Children Board": the board's chair, not
    # the board (the vocabulary names "the chair of the LSCB" itself)
    for i, m in enumerate(found):
        if m.body_type == "lscb" and not m.contextual:
            chair = _CHAIR_OF.search(sentence[: m.start])
            if chair:
                start, end = chair.start("chair"), m.end
                # "... Children Board (DSCB)": the abbreviation is the board's, inside the name
                if (
                    i + 1 < len(found)
                    and re.fullmatch(r"\s*\(", sentence[m.end : found[i + 1].start])
                    and sentence[found[i + 1].end : found[i + 1].end + 1] == ")"
                ):
                    end = found[i + 1].end + 1
                found[i] = Mention(start, end, sentence[start:end], "lscb-chair")
    found = [m for i, m in enumerate(found) if not (i and m.start < found[i - 1].end)]
    # "police partners", "health and police partners": "partners" is the head noun of
    # the agency before it, not one more body
    return [
        m
        for i, m in enumerate(found)
        if not (
            i > 0
            and m.text.lower() in ("partners", "partner", "colleagues")
            and not sentence[found[i - 1].end : m.start].strip()
        )
    ]
