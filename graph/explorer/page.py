"""The explorer: the partnership graph as one self-contained HTML page.

The page works with the network unplugged. vis-network's script and styles
are copied into it from the copy pyvis bundles (pyvis's own templates load
Bootstrap and vis from CDNs, and put report text into the page with
``innerHTML``); a Content-Security-Policy allows only the page's own scripts,
by hash, so nothing outside ``file://`` is ever requested and an inline event
handler smuggled in by report text could not run. The page's script
(``static/explorer.js``) builds every tooltip and panel with ``textContent``.

What the page shows:

* bodies coloured by family of body type and shaped by ORG class; judgements
  on the authority and LSCB nodes;
* stated links coloured and dashed by quality as inspectors found it, and the
  links statute or guidance expects that the report does not evidence (from
  :func:`graph.analysis.gap_register`), grey and dotted, to a placeholder when
  the report names no body of the expected type;
* evidence on demand: the quote and the paragraphs behind each link;
* search by name or acronym, filters by body type and link quality, and a
  layered view of reporting lines.

The layout is computed here, not in the browser: each connected part is laid
out by force (networkx) and the parts are packed side by side. A small graph
then relaxes under vis-network's physics, which stops once stable; a large
one (more than :data:`PHYSICS_MAX_NODES` bodies) is drawn as laid out, so a
2,000-body page is usable in a second or two (``bench/viz_bench.py``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import textwrap
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import iri
from graph.errors import UnknownNameError, UserError, WorkError
from graph.explorer.layout import (
    REPORTING_DOWN,
    REPORTING_UP,
    force_positions,
    layered_positions,
    reporting_levels,
)

STATIC_DIR = Path(__file__).resolve().parent / "static"

#: bodies above which the page skips physics and draws the precomputed layout
PHYSICS_MAX_NODES = 250
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
    "absent": ("absent", "#d32f2f", [10, 6], 3.0),
    "weak": ("weak", "#f57c00", False, 3.0),
    "developing": ("developing", "#b59a00", False, 2.0),
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

    The stated links of :func:`graph.network.to_networkx`, plus (with
    ``expected``) one edge per expected-but-not-evidenced link of the gap
    register, with quality ``not-evidenced``; a placeholder node stands for a
    body type the report never names. Nodes carry their ``judgements``.

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
    if expected:
        _add_expected(store, g, authority)
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


def _add_expected(store: Any, g: Any, authority: str | None) -> None:
    """Expected-but-not-evidenced links of the gap register as grey edges."""
    from graph.analysis.register import gap_register

    type_labels = {
        iri.concept_key(r["t"]): r["label"]
        for r in store.select(
            "SELECT ?t ?label WHERE { ?t skos:inScheme "
            "<https://w3id.org/sgkg/vocab/body-type> ; skos:prefLabel ?label }"
        )
    }
    for gap in gap_register(store, authority).by_source("expected"):
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
                    label=f"{type_label} (not named in the report)",
                    body_type=gap.missing_body_type,
                    type_label=type_label,
                    org_class="",
                    area=gap.authority,
                    authority=gap.authority,
                    alt_labels="",
                    placeholder=True,
                )
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
            expectation=gap.expectation_label,
            mentions=";".join(gap.mentions),
        )


# ---------------------------------------------------------------- the page model


@dataclass
class ExplorerPage:
    """Everything the page draws, ready to render with :meth:`html`.

    ``network`` is a pyvis ``Network`` holding the vis-network nodes, edges
    and options; ``bodies``, ``links`` and ``evidence`` hold what the panels
    and tooltips show (plain data, made into DOM text by the page)."""

    network: Any
    bodies: dict[str, dict[str, Any]]
    links: dict[str, dict[str, Any]]
    evidence: dict[str, dict[str, str]]
    title: str
    subtitle: str = ""
    physics: bool = True
    legend: dict[str, Any] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        expected = sum(1 for link in self.links.values() if link["expected"])
        return {
            "bodies": sum(1 for b in self.bodies.values() if not b["placeholder"]),
            "links": len(self.links) - expected,
            "expected": expected,
        }

    def data(self) -> dict[str, Any]:
        """The JSON the page reads."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "physics": self.physics,
            "nodes": self.network.nodes,
            "edges": self.network.edges,
            "options": self.network.options,
            "bodies": self.bodies,
            "links": self.links,
            "evidence": self.evidence,
            "legend": self.legend,
        }

    def html(self) -> str:
        return render_html(self)


def _wrap(label: str, width: int = 24) -> str:
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


def build_page(
    g: Any,
    evidence: dict[str, dict[str, str]],
    type_terms: dict[str, list[str]] | None = None,
    title: str = "Safeguarding partnership",
    subtitle: str = "",
    physics: bool | None = None,
) -> ExplorerPage:
    """The page model of an explorer graph (see :func:`explorer_graph`).

    ``evidence`` maps evidence IRIs to ``{"label", "report", "text"}``
    (:func:`evidence_texts`). ``physics`` defaults to on for graphs of at most
    :data:`PHYSICS_MAX_NODES` bodies."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    type_terms = type_terms or {}
    if physics is None:
        physics = g.number_of_nodes() <= PHYSICS_MAX_NODES
    big = not physics
    pos = force_positions(g)
    layered = layered_positions(g)
    on_lines = set(reporting_levels(g))
    net = Network(directed=True)
    node_id = {v: f"n{i}" for i, v in enumerate(sorted(g.nodes, key=str))}
    degree = dict(g.degree())
    bodies: dict[str, dict[str, Any]] = {}
    for v in sorted(g.nodes, key=str):
        a = g.nodes[v]
        nid = node_id[v]
        type_key = a.get("body_type", "")
        fam_key, _fam_label, colour = _family(type_key)
        placeholder = bool(a.get("placeholder"))
        judgements = a.get("judgements", [])
        shape = SHAPES.get(a.get("org_class", ""), ("dot", ""))[0]
        headline = _headline(judgements)
        if placeholder:
            label = _wrap(a.get("type_label", "")) + "\n(not named)"
        else:
            label = _wrap(a.get("label", str(v))) + (f"\n{headline}" if headline else "")
        size = 30 if type_key in ("local-authority", "lscb") else 14 + min(degree[v], 16) * 0.6
        node: dict[str, Any] = {
            "label": label,
            "x": pos[v][0],
            "y": pos[v][1],
            "size": round(size, 1),
        }
        if placeholder:
            node["color"] = {
                "background": "#ffffff",
                "border": QUALITIES["not-evidenced"][1],
                "highlight": {"background": "#f5f5f5", "border": "#616161"},
                "hover": {"background": "#f5f5f5", "border": "#616161"},
            }
            node["shapeProperties"] = {"borderDashes": [3, 4]}
            node["borderWidth"] = 2
            node["font"] = {"color": "#616161", "size": 12}
            node["size"] = 10
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
        bodies[nid] = {
            "iri": "" if placeholder else v,
            "label": a.get("label", str(v)),
            "typeKey": type_key,
            "typeLabel": a.get("type_label", ""),
            "family": fam_key,
            "orgClass": a.get("org_class", ""),
            "authority": a.get("authority", ""),
            "alts": alts,
            "terms": type_terms.get(type_key, []),
            "judgements": judgements,
            "placeholder": placeholder,
            "onLines": v in on_lines,
            "lx": layered[v][0],
            "ly": layered[v][1],
        }

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
        pair = frozenset((s, t))
        nth = parallel[pair]
        parallel[pair] += 1
        edge: dict[str, Any] = {
            "id": eid,
            "label": a.get("kind_label", kind),
            "color": {"color": q_colour, "highlight": q_colour, "hover": q_colour},
            "dashes": dashes,
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
            "expectation": a.get("expectation", ""),
            "mentions": [x for x in a.get("mentions", "").split(";") if x],
        }
        link.update({key: value for key, value in optional.items() if value})
        links[eid] = link
    net.options = _vis_options(physics, big)
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
        "grades": GRADE_COLOURS,
        "focus": node_id.get(g.graph.get("focus"), ""),
    }
    return ExplorerPage(
        network=net,
        bodies=bodies,
        links=links,
        evidence={pid: {**evidence[e], "iri": e} for e, pid in ev_id.items()},
        title=title,
        subtitle=subtitle,
        physics=physics,
        legend=legend,
    )


def _sort_evidence(ev_iris: list[str], evidence: dict[str, dict[str, str]]) -> list[str]:
    def key(e: str) -> tuple[int, int, str]:
        label = evidence.get(e, {}).get("label", "")
        num = label.removeprefix("paragraph ")
        return (0, int(num), e) if num.isdigit() else (1, 0, e)

    return sorted(ev_iris, key=key)


def _vis_options(physics: bool, big: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1.5,
            "font": {
                "size": 14,
                "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                "color": "#1a1a1a",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"scaleFactor": 0.6}},
            "font": {
                "size": 11,
                "color": "#455a64",
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
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -30000,
                "centralGravity": 0.2,
                "springLength": 200,
                "springConstant": 0.02,
                "damping": 0.4,
                "avoidOverlap": 1,
            },
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
            "minVelocity": 1.0,
        }
    else:
        options["physics"] = {"enabled": False}
    return options


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


def render_html(page: ExplorerPage) -> str:
    """One HTML document with vis-network, the page script and the data inlined."""
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
    physics: bool | None = None,
) -> ExplorerPage:
    """The explorer page for the store (see :func:`explorer_graph` for the
    arguments); render it with ``.html()``."""
    g = explorer_graph(store, authority, focus, depth, only)
    wanted = {e for _u, _v, ev in g.edges(data="evidence_iris") for e in (ev or "").split(";") if e}
    evidence = evidence_texts(store, wanted)
    title, subtitle = _titles(store, g, authority, focus, depth, only)
    return build_page(g, evidence, _type_terms(store), title, subtitle, physics)


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
