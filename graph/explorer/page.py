"""The explorer: the partnership graph as one self-contained HTML page.

The page works with the network unplugged. vis-network's script and styles
are copied into it from the copy pyvis bundles (pyvis's own templates load
Bootstrap and vis from CDNs, and put report text into the page with
``innerHTML``); a Content-Security-Policy allows only the page's own scripts,
by hash, so nothing outside ``file://`` is ever requested and an inline event
handler smuggled in by report text could not run. The page's script
(``static/explorer.js``) builds every tooltip, panel and table cell with
``textContent``.

What the page shows, first of all: the safeguarding board (or partnership)
and the bodies linked to it, on rings around it, the links inspectors found
absent or weak above it, every label legible without zooming. Then:

* the whole network, each authority's bodies together in a frame with its
  name (a council sits with its own boards even where no link between them is
  recorded), and a picker for one authority;
* reporting lines, bosses above, for the bodies on one (the rest set aside);
* bodies coloured by family of body type and shaped by ORG class; judgements
  on the authority and LSCB nodes;
* recorded links coloured (and absent ones dashed) by quality as inspectors
  found it; links an extractor found, not a person, marked as extracted; the
  links statute or guidance expects that are not recorded (from
  :func:`graph.analysis.gap_register`), grey and dotted, to a placeholder when
  the graph holds no body of the expected type, worded by whether the report
  mentions that kind of body or not;
* evidence on demand: the sentence that carries the finding (the register's
  quote for a gap) and the paragraphs behind each link;
* a table of the same links below the picture: sortable, keyboard-navigable,
  printable.

Layouts are computed here, not in the browser (:mod:`graph.explorer.layout`),
and drawn as laid out: no physics, so nothing drifts and a 2,000-body page is
usable in a second or two (``bench/viz_bench.py``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import textwrap
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import iri
from graph.errors import UnknownNameError, UserError, WorkError
from graph.explorer.layout import (
    REPORTING_DOWN,
    REPORTING_UP,
    ego_positions,
    force_positions,
    label_box,
    layered_positions,
)

STATIC_DIR = Path(__file__).resolve().parent / "static"

#: families of body types: key, legend label, colour, body-type keys.
#: Node colours keep clear of the red/orange/green used for link quality.
FAMILIES: tuple[tuple[str, str, str, str], ...] = (
    (
        "council",
        "Council, its posts and members' bodies",
        "#1f4e79",
        "local-authority dcs chief-executive lead-member leader elected-members "
        "principal-social-worker lado service-manager post corporate-parenting-panel "
        "scrutiny-committee",
    ),
    (
        "safeguarding",
        "Safeguarding board and its parts",
        "#7b3fa0",
        "lscb lscb-subgroup safeguarding-partnership lscb-chair lay-member cdop",
    ),
    (
        "boards",
        "Other boards and partnerships",
        "#138d90",
        "hwb childrens-trust-board family-justice-board mappa-smb csp "
        "safeguarding-adults-board domestic-abuse-board marac mash board partner-agencies",
    ),
    (
        "services",
        "Children's services, teams and panels",
        "#4f8fd6",
        "childrens-services front-door early-help family-support troubled-families programme "
        "social-work-team virtual-school commissioning adoption-service fostering-service "
        "private-fostering-service care-leavers-service out-of-hours iro-service "
        "children-in-care-council advocacy childrens-homes adoption-panel fostering-panel "
        "edge-of-care-panel unit",
    ),
    (
        "health",
        "Health",
        "#c2185b",
        "health ccg nhs-england nhs-trust public-health camhs adult-mental-health "
        "designated-health-professional",
    ),
    (
        "justice",
        "Police and justice",
        "#37474f",
        "police pcc probation yot cafcass secure-estate family-court",
    ),
    (
        "community",
        "Education, housing and other partners",
        "#8d6e63",
        "education-services schools housing adult-services voluntary-sector "
        "independent-providers neighbouring-authority",
    ),
)
OTHER_FAMILY = ("other", "Other", "#9e9e9e")
FAMILY_OF: dict[str, str] = {t: key for key, _l, _c, types in FAMILIES for t in types.split()}

#: ORG class -> (vis shape, legend label)
SHAPES: dict[str, tuple[str, str]] = {
    "FormalOrganization": ("square", "Organisation"),
    "OrganizationalUnit": ("dot", "Service or team"),
    "OrganizationalCollaboration": ("hexagon", "Board, panel or partnership"),
    "Post": ("triangle", "Post"),
}

#: link quality -> (legend label, colour, vis dashes, width); most severe first
QUALITIES: dict[str, tuple[str, str, Any, float]] = {
    "absent": ("absent", "#d32f2f", [10, 6], 4.0),
    "weak": ("weak", "#ef6c00", False, 3.5),
    "developing": ("developing", "#b59a00", False, 2.5),
    "not-evidenced": ("expected, not evidenced", "#9e9e9e", [2, 6], 2.0),
    "effective": ("effective", "#2e7d32", False, 2.0),
    "stated": ("stated, not assessed", "#90a4ae", False, 1.5),
}
#: qualities that make a gap (as in the gap register, plus expected links)
GAP_QUALITIES = frozenset({"absent", "weak", "developing", "not-evidenced"})

#: kinds drawn without an arrowhead
SYMMETRIC_KINDS = frozenset({"works-with", "joint-arrangement-with", "shares-plan-with"})

#: judgement areas in the order a report's table gives them
AREA_ORDER = (
    "overall",
    "lscb",
    "help-and-protection",
    "looked-after",
    "adoption",
    "care-leavers",
    "leadership",
)
GRADE_COLOURS = {
    "outstanding": "#1b5e20",
    "good": "#2e7d32",
    "adequate": "#827717",
    "requires-improvement": "#e65100",
    "inadequate": "#b71c1c",
    "not-judged": "#616161",
}


# ---------------------------------------------------------------- reading the store

_JUDGEMENTS = """
SELECT ?body ?area ?areaLabel ?grade ?gradeLabel ?date WHERE {
  ?j a sg:Judgement ; sg:subject ?body ; sg:judgementArea ?area ; sg:grade ?grade .
  OPTIONAL { ?area skos:prefLabel ?areaLabel }
  OPTIONAL { ?grade skos:prefLabel ?gradeLabel }
  OPTIONAL { ?j sg:report ?report . ?report dcterms:issued ?date }
}
"""

_EVIDENCE = """
SELECT DISTINCT ?ev ?n ?kind ?text ?date ?authLabel WHERE {
  ?link sg:evidence ?ev .
  ?ev sg:text ?text .
  OPTIONAL { ?ev sg:number ?n }
  OPTIONAL { ?ev sg:blockKind ?kind }
  OPTIONAL { ?ev sg:report ?report .
             OPTIONAL { ?report dcterms:issued ?date }
             OPTIONAL { ?report sg:authority/rdfs:label ?authLabel } }
}
"""

_TYPE_TERMS = """
SELECT ?type ?term WHERE {
  ?type skos:inScheme <https://w3id.org/sgkg/vocab/body-type> ;
        skos:prefLabel|skos:altLabel ?term .
}
"""


def _judgements(store: Any, bodies: Iterable[str]) -> dict[str, list[dict[str, str]]]:
    wanted = set(bodies)
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in store.select(_JUDGEMENTS):
        if r["body"] not in wanted:
            continue
        area = iri.concept_key(r["area"])
        grade = iri.concept_key(r["grade"])
        out[r["body"]].append(
            {
                "area": area,
                "areaLabel": r["areaLabel"] or area,
                "grade": grade,
                "gradeLabel": r["gradeLabel"] or grade.replace("-", " "),
                "date": r["date"] or "",
            }
        )
    for rows in out.values():
        rows.sort(key=lambda j: (_area_rank(j["area"]), j["date"]))
    return dict(out)


def _area_rank(area: str) -> int:
    return AREA_ORDER.index(area) if area in AREA_ORDER else len(AREA_ORDER)


def _evidence_label(ev_iri: str, number: Any, kind: str | None) -> str:
    if number is not None:
        return f"paragraph {number}"
    tail = ev_iri.split("/block/", 1)[-1] if "/block/" in ev_iri else (kind or "block")
    return tail.replace("/", " ").replace("-", " ")


def evidence_texts(store: Any, wanted: Iterable[str]) -> dict[str, dict[str, str]]:
    """Evidence IRI -> ``{"label", "report", "text"}`` for the text units in
    ``wanted`` (paragraph numbers as "paragraph 112", blocks by kind)."""
    wanted = set(wanted)
    out: dict[str, dict[str, str]] = {}
    if not wanted:
        return out
    for r in store.select(_EVIDENCE):
        ev = r["ev"]
        if ev not in wanted or ev in out:
            continue
        report = " ".join(x for x in (r["authLabel"] or "", (r["date"] or "")[:4]) if x)
        out[ev] = {
            "label": _evidence_label(ev, r["n"], r["kind"]),
            "report": f"{report} report" if report else "",
            "text": r["text"],
        }
    return out


def _type_terms(store: Any) -> dict[str, list[str]]:
    terms: dict[str, list[str]] = defaultdict(list)
    for r in store.select(_TYPE_TERMS):
        terms[iri.concept_key(r["type"])].append(r["term"])
    return dict(terms)


_PROVENANCE = """
SELECT ?link ?method ?rule ?confidence ?extractor ?activityType ?activityMethod WHERE {
  ?link a sg:Link .
  OPTIONAL { ?link sg:method ?method }
  OPTIONAL { ?link sg:rule ?rule }
  OPTIONAL { ?link sg:confidence ?confidence }
  OPTIONAL { ?link prov:wasGeneratedBy ?activity .
             OPTIONAL { ?activity a ?activityType }
             OPTIONAL { ?activity sg:extractor ?extractor }
             OPTIONAL { ?activity sg:method ?activityMethod } }
}
"""


def link_provenance(store: Any, links: Iterable[str]) -> dict[str, dict[str, Any]]:
    """How each link in ``links`` was recorded: ``{"extracted", "method",
    "rule", "confidence"}``.

    A link is extracted when its ``sg:method`` (or its activity's) is not
    "curated", or, with no method, when it was generated by an
    ``sg:Extraction`` or an activity naming its extractor. Links with no such
    marks were read by a person (the curated layers)."""
    wanted = set(links)
    seen: dict[str, dict[str, Any]] = {}
    for r in store.select(_PROVENANCE):
        link = r["link"]
        if link not in wanted:
            continue
        d = seen.setdefault(link, {"method": "", "rule": "", "confidence": None, "by": False})
        method = r["method"] or r["activityMethod"]
        if method and not d["method"]:
            d["method"] = str(method)
        if r["rule"]:
            d["rule"] = str(r["rule"])
        if r["confidence"] is not None:
            d["confidence"] = round(float(r["confidence"]), 2)
        if r["extractor"] or str(r["activityType"] or "").endswith("#Extraction"):
            d["by"] = True
    out = {}
    for link, d in seen.items():
        extracted = d["method"] not in ("", "curated") or (not d["method"] and d["by"])
        out[link] = {
            "extracted": extracted,
            "method": d["method"] or ("rule" if extracted else "curated"),
            "rule": d["rule"],
            "confidence": d["confidence"],
        }
    return out


# ---------------------------------------------------------------- the graph to draw


def explorer_graph(
    store: Any,
    authority: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    only: str | None = None,
    expected: bool = True,
) -> Any:
    """The ``networkx.MultiDiGraph`` the explorer draws.

    The recorded links of :func:`graph.network.to_networkx` (each marked
    ``extracted`` or not, see :func:`link_provenance`), plus (with
    ``expected``) one edge per expected-but-not-evidenced link of the gap
    register, with quality ``not-evidenced``; a placeholder node stands for a
    body type the graph holds no body of, with the paragraphs that mention
    that type (``mentions``). A link the register lists as a gap carries the
    register's quote, the sentence that states its quality. Nodes carry their
    ``judgements``; ``g.graph["notes"]`` holds the register's caveats per
    authority and ``g.graph["authorities"]`` their names.

    ``focus`` (a body name, acronym or IRI) keeps the bodies within ``depth``
    links of it, either direction; ``only="gaps"`` keeps the absent, weak,
    developing and expected links and their bodies. Raises
    :class:`UnknownNameError` for an unknown authority or body."""
    from graph.analysis.network import to_networkx

    if authority:
        from graph.analysis.register import require_authority

        require_authority(store, authority)
    if only not in (None, "gaps"):
        raise UserError(f"--only {only!r} is not known; use --only gaps")
    if depth < 0:
        raise UserError(f"depth must be 0 or more, not {depth}")

    g = to_networkx(store, authority)
    recorded = link_provenance(store, (k for _u, _v, k in g.edges(keys=True)))
    for _u, _v, k, a in g.edges(keys=True, data=True):
        prov = recorded.get(k, {"extracted": False, "method": "curated"})
        a["extracted"] = prov["extracted"]
        a["method"] = prov["method"]
        a["rule"] = prov.get("rule") or ""
        a["confidence"] = "" if prov.get("confidence") is None else str(prov["confidence"])
    _add_register(store, g, authority, expected)
    for node, rows in _judgements(store, g.nodes).items():
        g.nodes[node]["judgements"] = rows

    if focus:
        import networkx as nx

        from graph.lookup import resolve_body

        centre = resolve_body(store, focus, authority)
        if centre not in g:
            raise UnknownNameError(f"{focus!r} is not among the bodies drawn")
        keep = nx.ego_graph(g, centre, radius=depth, undirected=True).nodes
        g = g.subgraph(keep).copy()
        g.graph["focus"] = centre
    if only == "gaps":
        gaps = [
            (u, v, k) for u, v, k, q in g.edges(keys=True, data="quality") if q in GAP_QUALITIES
        ]
        h = g.edge_subgraph(gaps).copy()
        if "focus" in g.graph and g.graph["focus"] in g:
            h.add_node(g.graph["focus"], **g.nodes[g.graph["focus"]])
        h.graph.update(g.graph)
        g = h
    if g.number_of_nodes() == 0:
        raise UserError(
            "nothing to draw: "
            + (
                "no gaps for these bodies"
                if only
                else "the store holds no bodies; run `sgkg ingest REPORT` or `sgkg load FILE.ttl`"
            )
        )
    g.graph["authority"] = iri.authority_key(authority) if authority else ""
    return g


def _add_register(store: Any, g: Any, authority: str | None, expected: bool) -> None:
    """What the gap register knows, on the graph: the quote that carries each
    inspectors' finding, the register's caveats, and (with ``expected``) the
    expected-but-not-evidenced links as grey edges."""
    from graph.analysis.register import gap_register

    register = gap_register(store, authority)
    g.graph["notes"] = {k: list(v) for k, v in register.notes.items()}
    g.graph["authorities"] = dict(register.authorities)
    ends_of = {k: (u, v) for u, v, k in g.edges(keys=True)}
    for gap in register.by_source("inspectors"):
        if gap.quote and gap.id in ends_of:
            u, v = ends_of[gap.id]
            g.edges[u, v, gap.id]["quote"] = gap.quote
    if not expected:
        return
    type_labels = {
        iri.concept_key(r["t"]): r["label"]
        for r in store.select(
            "SELECT ?t ?label WHERE { ?t skos:inScheme "
            "<https://w3id.org/sgkg/vocab/body-type> ; skos:prefLabel ?label }"
        )
    }
    for gap in register.by_source("expected"):
        ends = []
        for body in (gap.from_body, gap.to_body):
            if body:
                ends.append(body)
                continue
            placeholder = f"placeholder:{gap.authority}:{gap.missing_body_type}"
            if placeholder not in g:
                type_label = type_labels.get(gap.missing_body_type, gap.missing_body_type)
                g.add_node(
                    placeholder,
                    label=type_label,
                    body_type=gap.missing_body_type,
                    type_label=type_label,
                    org_class="",
                    area=gap.authority,
                    authority=gap.authority,
                    alt_labels="",
                    placeholder=True,
                    mentions=";".join(gap.mentions),
                    statutory=False,
                )
            if gap.statutory:
                g.nodes[placeholder]["statutory"] = True
            ends.append(placeholder)
        source, target = ends
        if source not in g or target not in g:
            continue
        g.add_edge(
            source,
            target,
            key=gap.id,
            link=gap.id,
            kind=gap.link_kind,
            kind_label=gap.link_label,
            quality="not-evidenced",
            evidence="",
            evidence_iris="",
            quote="",
            expected=True,
            basis=gap.basis,
            statutory_source=gap.statutory_source,
            statutory=bool(gap.statutory),
            expectation=gap.expectation_label,
            mentions=";".join(gap.mentions),
        )


# ---------------------------------------------------------------- the page model


@dataclass
class ExplorerPage:
    """Everything the page draws, ready to render with :meth:`html`.

    ``network`` is a pyvis ``Network`` holding the vis-network nodes, edges
    and options; ``bodies``, ``links``, ``evidence``, ``authorities`` and
    ``boards`` (the board view of each authority's board: positions and
    labels) hold what the views, panels, table and tooltips show (plain data,
    made into DOM text by the page)."""

    network: Any
    bodies: dict[str, dict[str, Any]]
    links: dict[str, dict[str, Any]]
    evidence: dict[str, dict[str, str]]
    title: str
    subtitle: str = ""
    legend: dict[str, Any] = field(default_factory=dict)
    authorities: list[dict[str, Any]] = field(default_factory=list)
    boards: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        """Bodies (never placeholders), recorded links (curated and
        extracted), expected links not recorded, and placeholders."""
        expected = sum(1 for link in self.links.values() if link["expected"])
        return {
            "bodies": sum(1 for b in self.bodies.values() if not b["placeholder"]),
            "links": len(self.links) - expected,
            "extracted": sum(1 for link in self.links.values() if link.get("extracted")),
            "expected": expected,
            "placeholders": sum(1 for b in self.bodies.values() if b["placeholder"]),
        }

    def data(self) -> dict[str, Any]:
        """The JSON the page reads."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "nodes": self.network.nodes,
            "edges": self.network.edges,
            "options": self.network.options,
            "bodies": self.bodies,
            "links": self.links,
            "evidence": self.evidence,
            "legend": self.legend,
            "authorities": self.authorities,
            "boards": self.boards,
        }

    def html(self, links: Sequence[tuple[str, str]] = ()) -> str:
        """The page; ``links`` (text, URL) are shown under the title (the
        server's other pages on the authority; none in a page written to disk)."""
        return render_html(self, links)


def _wrap(label: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(label, width, break_long_words=True)) or label


def _family(type_key: str) -> tuple[str, str, str]:
    key = FAMILY_OF.get(type_key)
    for fam in FAMILIES:
        if fam[0] == key:
            return fam[0], fam[1], fam[2]
    return OTHER_FAMILY


def _headline(judgements: list[dict[str, str]]) -> str:
    if not judgements:
        return ""
    j = judgements[0]
    area = {"overall": "Overall", "lscb": "Ofsted"}.get(j["area"], j["areaLabel"])
    return f"{area}: {j['gradeLabel']}"


# ---------------------------------------------------------------- words on the picture

#: body types a page opens on, best first: the board or partnership, else the council
BOARD_TYPES = ("safeguarding-partnership", "lscb")
COUNCIL_TYPE = "local-authority"
#: how the board view names its centre in its neighbours' labels
_CENTRE_WORD = {
    "lscb": "the board",
    "safeguarding-partnership": "the partnership",
    "local-authority": "the council",
}
#: a link from the centre to a neighbour, said from the neighbour's side
_FROM_CENTRE = {
    "annual-report-to": "gets the annual report",
    "reports-to": "{c} reports to it",
    "accountable-to": "{c} accountable to it",
    "member-of": "{c} is a member",
    "observer-of": "{c} observes it",
    "sub-group-of": "{c} is its sub-group",
    "serves": "served by {c}",
    "chairs": "chaired by {c}",
    "leads": "led by {c}",
    "commissions": "commissioned by {c}",
    "scrutinises": "scrutinised by {c}",
}
#: quality as the board view's labels say it
_QUALITY_WORD = {
    "absent": "absent",
    "weak": "weak",
    "developing": "developing",
    "effective": "effective",
    "stated": "not assessed",
    "not-evidenced": "expected",
}
#: links said under a body in the board view; the rest are counted
MAX_LINK_LINES = 3
#: order of the board view, most important first
_BOARD_ORDER = ("absent", "weak", "developing", "effective", "stated", "not-evidenced")


def short_label(label: str, own: Iterable[str]) -> str:
    """``label`` without the name of the area it belongs to, for the picture:
    "Housing in Bournemouth" -> "Housing", "Chief Executive of Bournemouth
    Borough Council" -> "Chief Executive", "the Bournemouth and Poole LSCB" ->
    "the LSCB". ``own`` holds area keys ("bournemouth", "bournemouth-and-poole");
    the panel, table and tooltip keep the full name."""
    out = label
    for key in sorted({k for k in own if k}, key=len, reverse=True):
        name = r"[\s-]+".join(re.escape(w) for w in key.split("-"))
        council = (
            rf"{name}(?:\s+(?:borough|city|county|district|metropolitan\s+borough))?"
            r"(?:\s+council)?"
        )
        out = re.sub(
            rf"\s+(?:of|for|in|to|from)\s+(?:the\s+)?{council}(?=$|[,;)])", "", out, flags=re.I
        )
        out = re.sub(rf"^(?:the\s+)?{council}(?:'s)?\s+", "", out, flags=re.I)
        out = re.sub(rf"\bthe\s+{name}\s+", "the ", out, flags=re.I)
    out = " ".join(out.split())
    return out[0].upper() + out[1:] if len(out) >= 3 else label


def placeholder_note(mentions: list[str], statutory: bool) -> str:
    """What a placeholder is, in words: the report mentions that kind of body
    but the graph records no link with one, or the report does not name one."""
    if mentions:
        shown = ", ".join(("¶" + m if m.isdigit() else m) for m in mentions[:2])
        more = f" and {len(mentions) - 2} more" if len(mentions) > 2 else ""
        return f"mentioned in {shown}{more}; no link recorded"
    basis = "by statute" if statutory else "in practice"
    return f"expected {basis}; the report does not name one"


def _short_note(body: dict[str, Any]) -> str:
    """A placeholder's note where its link line says "expected" already."""
    if body.get("mentions"):
        return body["note"]
    return "not named in the report"


def _link_phrase(link: dict[str, Any], centre: str, word: str) -> str:
    kind, label = link["kind"], link["kindLabel"]
    if link["from"] == centre and kind not in SYMMETRIC_KINDS:
        phrase = _FROM_CENTRE.get(kind, "{c} " + label + " it").format(c=word)
    else:
        phrase = label
    # extracted links are told apart by their line and in the panel and table
    return f"{phrase}: {_QUALITY_WORD.get(link['quality'], link['quality'])}"


def _primary_authority(keys: list[str], listed: set[str]) -> str:
    """The authority a body is drawn with: the first it serves that the page lists."""
    for key in keys:
        if key in listed:
            return key
    return keys[0] if keys else ""


def _centre_of(g: Any, nodes: list[Any]) -> Any:
    """The body an authority's board view opens on: its board or partnership
    with most links, else its council, else its body with most links; never
    a placeholder."""
    nodes = [v for v in nodes if not g.nodes[v].get("placeholder")]
    for types in (BOARD_TYPES, (COUNCIL_TYPE,)):
        found = [v for v in nodes if g.nodes[v].get("body_type") in types]
        if found:
            return max(
                found,
                key=lambda v: (
                    -types.index(g.nodes[v]["body_type"]) if len(types) > 1 else 0,
                    g.degree(v),
                    str(v),
                ),
            )
    return max(nodes, key=lambda v: (g.degree(v), str(v))) if nodes else None


def build_page(
    g: Any,
    evidence: dict[str, dict[str, str]],
    type_terms: dict[str, list[str]] | None = None,
    title: str = "Safeguarding partnership",
    subtitle: str = "",
) -> ExplorerPage:
    """The page model of an explorer graph (see :func:`explorer_graph`).

    ``evidence`` maps evidence IRIs to ``{"label", "report", "text"}``
    (:func:`evidence_texts`)."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    type_terms = type_terms or {}
    names = g.graph.get("authorities", {})
    notes = g.graph.get("notes", {})
    order = sorted(g.nodes, key=str)
    node_id = {v: f"n{i}" for i, v in enumerate(order)}
    degree = dict(g.degree())

    # ---- who belongs where: each body's authorities, the one it is drawn with
    auths_of = {v: [k for k in (g.nodes[v].get("authority") or "").split(";") if k] for v in order}
    councils = {
        k: v for v in order if g.nodes[v].get("body_type") == COUNCIL_TYPE for k in auths_of[v][:1]
    }
    # the authorities a page lists: those the register covers or a council stands for
    listed = (set(names) | set(councils)) & {k for v in order for k in auths_of[v]}
    primary = {v: _primary_authority(auths_of[v], listed) for v in order}
    members: dict[str, list[Any]] = defaultdict(list)
    for v in order:
        for k in auths_of[v] or [primary[v]]:
            members[k].append(v)
    centres = {k: _centre_of(g, members[k]) for k in listed}
    if not centres:
        centres[""] = _centre_of(g, order)
    focus = g.graph.get("focus")
    if focus not in g:
        stated = defaultdict(int)
        for u, _v, exp in g.edges(data="expected"):
            if not exp:
                stated[primary[u]] += 1
        busiest = max(centres, key=lambda k: (stated[k], len(members[k]), k))
        focus = centres.get(busiest)

    # ---- words: the picture's labels
    canvas: dict[Any, str] = {}
    for v in order:
        a = g.nodes[v]
        if a.get("placeholder"):
            note = placeholder_note(
                [m for m in (a.get("mentions") or "").split(";") if m], bool(a.get("statutory"))
            )
            canvas[v] = _wrap(a.get("type_label", ""), 24) + "\n" + _wrap(note, 26)
            continue
        full = a.get("label", str(v))
        keep = a.get("body_type") == COUNCIL_TYPE or v in centres.values()
        home = primary[v]  # only the name of the authority it is drawn with
        own = [home] + ([a["area"]] if home and home in (a.get("area") or "") else [])
        shown = _wrap(full, 26) if keep else _wrap(short_label(full, own))
        headline = _headline(a.get("judgements", []))
        canvas[v] = shown + (f"\n{headline}" if headline else "")

    # ---- where: the whole network (each authority together), reporting lines
    pos = force_positions(g, groups=primary, anchors=councils)
    sizes = {v: label_box(canvas[v]) for v in order}
    layered = layered_positions(
        g, sizes={v: (w, h + 30) for v, (w, h) in sizes.items()}, per_row=4, dx=205.0
    )
    net = Network(directed=True)
    bodies: dict[str, dict[str, Any]] = {}
    for v in order:
        a = g.nodes[v]
        nid = node_id[v]
        type_key = a.get("body_type", "")
        fam_key, _fam_label, colour = _family(type_key)
        placeholder = bool(a.get("placeholder"))
        mentions = [m for m in (a.get("mentions") or "").split(";") if m]
        judgements = a.get("judgements", [])
        shape = SHAPES.get(a.get("org_class", ""), ("dot", ""))[0]
        headline = _headline(judgements)
        if type_key in BOARD_TYPES or type_key == COUNCIL_TYPE:
            size = 26.0
        else:
            size = 12 + min(degree[v], 16) * 0.5
        node: dict[str, Any] = {
            "label": canvas[v],
            "x": pos[v][0],
            "y": pos[v][1],
            "size": round(size, 1),
        }
        if placeholder:
            node["size"] = 11
            node["borderWidth"] = 2
            if mentions:  # the report names this kind of body: drawn solid, pale
                node["color"] = {
                    "background": "#eceff1",
                    "border": colour,
                    "highlight": {"background": "#e0e0e0", "border": "#263238"},
                    "hover": {"background": "#e0e0e0", "border": "#263238"},
                }
                node["font"] = {"color": "#37474f"}
            else:
                node["color"] = {
                    "background": "#ffffff",
                    "border": "#757575",
                    "highlight": {"background": "#f5f5f5", "border": "#424242"},
                    "hover": {"background": "#f5f5f5", "border": "#424242"},
                }
                node["shapeProperties"] = {"borderDashes": [3, 3]}
                node["font"] = {"color": "#4a4a4a"}
        else:
            node["color"] = {
                "background": colour,
                "border": "#263238" if headline else colour,
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            }
            if headline:
                node["borderWidth"] = 3
        net.add_node(nid, shape=shape, **node)
        alts = [x for x in a.get("alt_labels", "").split(";") if x]
        body: dict[str, Any] = {
            "iri": "" if placeholder else v,
            "label": a.get("label", str(v)),
            "canvas": canvas[v],
            "typeKey": type_key,
            "typeLabel": a.get("type_label", ""),
            "family": fam_key,
            "orgClass": a.get("org_class", ""),
            "anchor": v in councils.values() or v in centres.values(),
            "auth": primary[v],
            "auths": auths_of[v] or ([primary[v]] if primary[v] else []),
            "alts": alts,
            "terms": type_terms.get(type_key, []),
            "judgements": judgements,
            "placeholder": placeholder,
            "size": node["size"],
        }
        if placeholder:
            body["mentions"] = mentions
            body["note"] = placeholder_note(mentions, bool(a.get("statutory")))
        if v in layered:
            body["lx"], body["ly"] = layered[v]
        bodies[nid] = body

    links: dict[str, dict[str, Any]] = {}
    ev_id: dict[str, str] = {}
    parallel: dict[frozenset, int] = defaultdict(int)
    for i, (s, t, k, a) in enumerate(
        sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    ):
        eid = f"e{i}"
        quality = a.get("quality", "stated")
        _label, q_colour, dashes, width = QUALITIES.get(quality, QUALITIES["stated"])
        kind = a.get("kind", "")
        extracted = bool(a.get("extracted"))
        pair = frozenset((s, t))
        nth = parallel[pair]
        parallel[pair] += 1
        edge: dict[str, Any] = {
            "id": eid,
            "label": a.get("kind_label", kind) + (" · extracted" if extracted else ""),
            "color": {"color": q_colour, "highlight": q_colour, "hover": q_colour},
            "dashes": EXTRACTED_DASHES if extracted and not dashes else dashes,
            "width": width,
            "arrows": {"to": {"enabled": kind not in SYMMETRIC_KINDS}},
        }
        if nth:  # bend the second and later links between one pair apart
            side = "curvedCW" if nth % 2 else "curvedCCW"
            edge["smooth"] = {"enabled": True, "type": side, "roundness": 0.15 * ((nth + 1) // 2)}
        net.edges.append(Edge(node_id[s], node_id[t], directed=True, **edge).options)
        ev_iris = [e for e in a.get("evidence_iris", "").split(";") if e in evidence]
        link: dict[str, Any] = {
            ("gap" if a.get("expected") else "iri"): a.get("link", k),
            "from": node_id[s],
            "to": node_id[t],
            "kind": kind,
            "kindLabel": a.get("kind_label", kind),
            "quality": quality,
            "expected": bool(a.get("expected")),
            "extracted": extracted,
            "reporting": kind in REPORTING_UP or kind in REPORTING_DOWN,
            # evidence by short id: a paragraph's text is in the page once
            "evidence": [
                ev_id.setdefault(e, f"p{len(ev_id)}") for e in _sort_evidence(ev_iris, evidence)
            ],
            "evidenceLabels": [x for x in a.get("evidence", "").split(";") if x],
        }
        optional = {
            "quote": a.get("quote", ""),
            "basis": a.get("basis", ""),
            "statutorySource": a.get("statutory_source", ""),
            "statutory": bool(a.get("statutory")),
            "expectation": a.get("expectation", ""),
            "mentions": [x for x in a.get("mentions", "").split(";") if x],
            "rule": a.get("rule", "") if extracted else "",
            "confidence": a.get("confidence", "") if extracted else "",
        }
        link.update({key: value for key, value in optional.items() if value})
        links[eid] = link

    # ---- the board view of each authority's centre (and of --focus)
    boards: dict[str, dict[str, Any]] = {}
    by_id = {node_id[v]: v for v in order}
    for centre in sorted({c for c in (*centres.values(), focus) if c is not None}, key=str):
        boards[node_id[centre]] = _board_view(g, centre, node_id, by_id, links, canvas, bodies)

    net.options = _vis_options(big=g.number_of_nodes() > BIG_PAGE_NODES)
    present_q = {link["quality"] for link in links.values()}
    present_f = {b["family"] for b in bodies.values() if not b["placeholder"]}
    legend = {
        "families": [
            {"key": k, "label": lab, "color": c}
            for k, lab, c, _t in (*FAMILIES, (*OTHER_FAMILY, ""))
            if k in present_f
        ],
        "shapes": [{"shape": s, "label": lab} for s, lab in SHAPES.values()],
        "qualities": [
            {"key": q, "label": lab, "color": c, "dashes": d, "width": w, "present": q in present_q}
            for q, (lab, c, d, w) in QUALITIES.items()
        ],
        "extractedDashes": EXTRACTED_DASHES,
        "grades": GRADE_COLOURS,
        "focus": node_id.get(focus, ""),
    }
    authorities = []
    for key in sorted(listed, key=lambda k: (names.get(k) or k).casefold()):
        mine = {node_id[v] for v in members[key]}
        own_links = [link for link in links.values() if link["from"] in mine or link["to"] in mine]
        recorded = [link for link in own_links if not link["expected"]]
        extracted = sum(1 for link in recorded if link["extracted"])
        authorities.append(
            {
                "key": key,
                "label": names.get(key) or key.replace("-", " ").title(),
                "centre": node_id.get(centres.get(key), ""),
                "council": node_id.get(councils.get(key), ""),
                "notes": notes.get(key, []),
                "recorded": (
                    "none"
                    if not recorded
                    else "extracted"
                    if extracted == len(recorded)
                    else "mixed"
                    if extracted
                    else "curated"
                ),
            }
        )
    return ExplorerPage(
        network=net,
        bodies=bodies,
        links=links,
        evidence={pid: {**evidence[e], "iri": e} for e, pid in ev_id.items()},
        title=title,
        subtitle=subtitle,
        legend=legend,
        authorities=authorities,
        boards=boards,
    )


def _board_view(
    g: Any,
    centre: Any,
    node_id: dict[Any, str],
    by_id: dict[str, Any],
    links: dict[str, dict[str, Any]],
    canvas: dict[Any, str],
    bodies: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """Positions and labels of the board view around ``centre``: each
    neighbour's label says how it is linked and what inspectors found."""
    cid = node_id[centre]
    word = _CENTRE_WORD.get(g.nodes[centre].get("body_type", ""), "")
    if not word:
        word = short_label(g.nodes[centre].get("label", ""), [])
    mine: dict[str, list[dict[str, Any]]] = defaultdict(list)
    edges = []
    for eid, link in links.items():
        if cid in (link["from"], link["to"]) and link["from"] != link["to"]:
            other = link["to"] if link["from"] == cid else link["from"]
            mine[other].append(link)
            edges.append(eid)

    def rank(link: dict[str, Any]) -> int:
        q = link["quality"]
        return _BOARD_ORDER.index(q) if q in _BOARD_ORDER else len(_BOARD_ORDER)

    labels: dict[str, str] = {}
    for other, own in mine.items():
        own.sort(key=lambda link: (rank(link), link["kindLabel"]))
        lines = [_wrap(_link_phrase(link, cid, word), 24) for link in own[:MAX_LINK_LINES]]
        if len(own) > MAX_LINK_LINES:
            lines.append(f"and {len(own) - MAX_LINK_LINES} more links")
        body = bodies[other]
        if body["placeholder"]:  # its link line already says "expected"
            name = _wrap(body["typeLabel"], 22) + "\n" + _wrap(_short_note(body), 24)
        else:
            name = canvas[by_id[other]]
        labels[other] = name + "\n" + "\n".join(lines)
    neighbours = sorted(
        mine,
        key=lambda o: (
            min(rank(link) for link in mine[o]),
            mine[o][0]["kindLabel"],
            labels[o].casefold(),
        ),
    )
    boxes = {}
    for o in neighbours:
        w, h = label_box(labels[o])
        boxes[o] = (bodies[o]["size"], w, h)
    cw, ch = label_box(canvas[centre], CENTRE_FONT)
    boxes[cid] = (26.0, cw, ch)
    gaps = {o for o in neighbours if min(rank(link) for link in mine[o]) < 3}
    placed = ego_positions(cid, neighbours, boxes, bounds=BOARD_FRAME, above=gaps)
    frame = [0.0, 0.0, 0.0, 0.0]
    for k, (x, y, up) in placed.items():
        size, w, h = boxes[k]
        half = max(size, w / 2)
        top, bottom = (y - size - h - 4, y + size) if up else (y - size, y + size + h + 4)
        frame = [
            min(frame[0], x - half),
            min(frame[1], top),
            max(frame[2], x + half),
            max(frame[3], bottom),
        ]
    return {
        "pos": {k: [x, y] for k, (x, y, _up) in placed.items()},
        "above": sorted(k for k, (_x, _y, up) in placed.items() if up),
        "labels": labels,
        "edges": edges,
        "frame": [round(f, 1) for f in frame],
    }


def _sort_evidence(ev_iris: list[str], evidence: dict[str, dict[str, str]]) -> list[str]:
    def key(e: str) -> tuple[int, int, str]:
        label = evidence.get(e, {}).get("label", "")
        num = label.removeprefix("paragraph ")
        return (0, int(num), e) if num.isdigit() else (1, 0, e)

    return sorted(ev_iris, key=key)


#: label size of the centre of the board view, in page pixels (others: 14)
CENTRE_FONT = 16
#: the frame (page pixels) the board view is packed into: a 830 x 800 picture
#: (a 1400 x 860 window) shows it at 0.86, its labels at 12 CSS pixels
BOARD_FRAME = (940.0, 910.0)
#: pages with more bodies hide edges while dragging and zooming
BIG_PAGE_NODES = 250
#: the line of a link an extractor found (a person did not check it)
EXTRACTED_DASHES = [7, 3, 2, 3]


def _vis_options(big: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": False},
        "nodes": {
            "borderWidth": 1.5,
            "font": {
                "size": 14,
                "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                "color": "#1a1a1a",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            "scaling": {"label": {"drawThreshold": 5}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"scaleFactor": 0.6}},
            "font": {
                "size": 12,
                "color": "#37474f",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "hoverWidth": 1.5,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": False,
            "multiselect": False,
        },
    }


# ---------------------------------------------------------------- rendering


def vis_assets() -> tuple[str, str]:
    """vis-network's minified script and stylesheet, from pyvis's bundled copy."""
    from importlib.resources import files

    lib = Path(str(files("pyvis"))) / "lib"
    found = sorted(
        lib.glob("vis-9*/vis-network.min.js"),
        key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.parent.name)),
    )
    if not found:
        raise WorkError(
            f"vis-network is not where pyvis keeps it ({lib}/vis-9.x/vis-network.min.js); "
            "reinstall pyvis>=0.3.2"
        )
    js = found[-1]
    return js.read_text(encoding="utf-8"), (js.parent / "vis-network.css").read_text("utf-8")


def _script_safe_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def page_links(links: Sequence[tuple[str, str]]) -> str:
    """``links`` (text, URL) as a small navigation element, escaped; "" for none."""
    import html

    if not links:
        return ""
    items = " ".join(f'<a href="{html.escape(url)}">{html.escape(text)}</a>' for text, url in links)
    return f'<nav class="page-links" aria-label="More on this authority">{items}</nav>'


def render_html(page: ExplorerPage, links: Sequence[tuple[str, str]] = ()) -> str:
    """One HTML document with vis-network, the page script and the data inlined;
    ``links`` (text, URL) under the title."""
    import html

    vis_js, vis_css = vis_assets()
    app_js = (STATIC_DIR / "explorer.js").read_text(encoding="utf-8")
    app_css = (STATIC_DIR / "explorer.css").read_text(encoding="utf-8")
    template = (STATIC_DIR / "explorer.html").read_text(encoding="utf-8")
    for name, text in (("vis-network.min.js", vis_js), ("explorer.js", app_js)):
        if "</script" in text.lower():
            raise WorkError(f"{name} contains '</script' and cannot be inlined")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src '{_sha256(vis_js)}' '{_sha256(app_js)}'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )
    parts = {
        "CSP": html.escape(csp, quote=False).replace('"', "&quot;"),
        "TITLE": html.escape(page.title),
        "VIS_CSS": vis_css,
        "APP_CSS": app_css,
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "DATA": _script_safe_json(page.data()),
        "LINKS": page_links(links),
    }
    # one pass, so text inserted for one slot is never scanned for another
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


# ---------------------------------------------------------------- the whole job


def explorer_page(
    store: Any,
    authority: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    only: str | None = None,
) -> ExplorerPage:
    """The explorer page for the store (see :func:`explorer_graph` for the
    arguments); render it with ``.html()``."""
    g = explorer_graph(store, authority, focus, depth, only)
    wanted = {e for _u, _v, ev in g.edges(data="evidence_iris") for e in (ev or "").split(";") if e}
    evidence = evidence_texts(store, wanted)
    title, subtitle = _titles(store, g, authority, focus, depth, only)
    return build_page(g, evidence, _type_terms(store), title, subtitle)


def _titles(
    store: Any, g: Any, authority: str | None, focus: str | None, depth: int, only: str | None
) -> tuple[str, str]:
    if authority:
        from graph.analysis.register import known_authorities

        where = known_authorities(store).get(iri.authority_key(authority), authority)
    else:
        n = len({a for _v, a in g.nodes(data="authority") for a in (a or "").split(";") if a})
        where = f"{n} authorities" if n != 1 else "1 authority"
    title = f"{where}: safeguarding partnership"
    notes = []
    if focus and g.graph.get("focus") in g:
        centre = g.nodes[g.graph["focus"]]["label"]
        notes.append(f"around {centre}, {depth} link{'s' if depth != 1 else ''} deep")
    if only == "gaps":
        notes.append("gaps only")
    return title, "; ".join(notes)
