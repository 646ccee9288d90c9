"""Routes through the partnership: accountability chains, paths between two
bodies, and the brokers (centrality, articulation points, isolated bodies).

All three work on the networkx projection of the store
(:func:`graph.network.to_networkx`). A link the inspectors found *absent* is
not a route and is never followed; a weak one is followed and shown as weak.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from textwrap import fill
from typing import Any

from graph import provenance
from graph.errors import UnknownFormatError
from graph.evidence import cite, unit_label
from graph.tables import format_table, terminal_width
from graph.vocabulary import symmetric_link_kinds

#: link kinds that lead upward from their source to their target, best first
UPWARD = (
    "accountable-to",
    "reports-to",
    "annual-report-to",
    "sub-group-of",
    "chairs",
    "member-of",
    "part-of",
    "post-in",
)
#: link kinds that lead upward from their target to their source, with the
#: phrase read in that direction
UPWARD_INVERSE = {"leads": "is led by", "scrutinises": "is scrutinised by"}
#: body types where accountability ends: the council and its senior posts
COUNCIL_END = {"chief-executive", "leader", "lead-member", "local-authority", "elected-members"}
#: link kinds with no direction
QUALITY_ORDER = {"effective": 0, "stated": 1, "developing": 2, "weak": 3, "absent": 4}

MAX_CHAINS = 25
MAX_DEPTH = 10


@dataclass(frozen=True)
class Hop:
    """One stated link walked from ``from_body`` to ``to_body``.

    ``phrase`` reads in the walking direction ("reports to", "is led by");
    ``inverse`` is true when the link itself points the other way."""

    from_body: str
    from_label: str
    phrase: str
    to_body: str
    to_label: str
    kind: str
    quality: str
    evidence: str  # paragraph numbers, ";"-joined
    quote: str
    link: str
    inverse: bool = False
    how: str = "curated"  # "curated" (read by a person) or "extracted" (sgkg's rules)


@dataclass(frozen=True)
class Chain:
    """A route of upward hops, with where it ends and what that means."""

    hops: tuple[Hop, ...]
    end: str
    end_label: str
    outcome: str  # "council", "partner" or "stops"

    @property
    def weakest(self) -> str:
        return max((h.quality for h in self.hops), key=lambda q: QUALITY_ORDER.get(q, 1))


@dataclass
class Accountability:
    body: str
    label: str
    type_label: str
    chains: list[Chain]
    summary: str  # one plain-English sentence
    truncated: bool = False
    absent: list[Hop] = field(default_factory=list)  # upward links inspectors found absent

    @property
    def evidenced(self) -> bool:
        return bool(self.chains)


@dataclass
class Route:
    """The shortest route between two bodies, or why there is none."""

    source: str
    source_label: str
    target: str
    target_label: str
    steps: list[list[Hop]]  # per step, every stated link between the two bodies
    summary: str

    @property
    def found(self) -> bool:
        return bool(self.steps)


@dataclass(frozen=True)
class Ranked:
    body: str
    label: str
    type_label: str
    authority: str
    score: float


@dataclass(frozen=True)
class CutPoint:
    """An articulation point and the bodies that losing it would cut off."""

    body: str
    label: str
    cut_off: tuple[str, ...]  # labels


@dataclass
class Ranking:
    measure: str
    reading: str
    rows: list[Ranked]
    articulation_points: list[CutPoint]
    isolated: list[Ranked]
    bodies: int
    links: int


MEASURES = {
    "betweenness": (
        "Brokers: how often a body lies on the shortest route between two others. "
        "High scorers are the bodies the partnership's links run through; if one "
        "falters, information and challenge have further to travel."
    ),
    "degree": (
        "Connections: how many other bodies a body has at least one stated link with. "
        "A plain count of reach, whatever the links are."
    ),
    "pagerank": (
        "Where links converge: a body scores highly when well-connected bodies report "
        "to it, sit on it or are held to account by it."
    ),
}
ARTICULATION_READING = (
    "Single points of failure: bodies whose loss would leave others with no stated "
    "link to the rest of the partnership."
)
ISOLATED_READING = (
    "Isolated in the graph: bodies with no working link recorded (curated or "
    "extracted; a link inspectors found absent does not count). The report may "
    "still describe them; their place in the partnership is not evidenced here."
)


# ---------------------------------------------------------------- helpers


def _hop(g: Any, u: str, v: str, data: dict[str, Any], inverse: bool = False) -> Hop:

    kind = data["kind"]
    phrase = UPWARD_INVERSE.get(kind, data["kind_label"]) if inverse else data["kind_label"]
    frm, to = (v, u) if inverse else (u, v)
    units = [unit_label(x) for x in data["evidence_iris"].split(";") if x]
    units.sort(key=lambda x: (0, int(x), "") if x.isdigit() else (1, 0, x))
    return Hop(
        from_body=frm,
        from_label=g.nodes[frm]["label"],
        phrase=phrase,
        to_body=to,
        to_label=g.nodes[to]["label"],
        kind=kind,
        quality=data["quality"],
        evidence=";".join(units),
        quote=data["quote"],
        link=data["link"],
        inverse=inverse,
        how=provenance.how(data["link"]),
    )


def _upward_hops(g: Any) -> tuple[dict[str, list[Hop]], dict[str, list[Hop]]]:
    """Upward hops from each body; and the upward links found absent."""
    up: dict[str, list[Hop]] = {}
    absent: dict[str, list[Hop]] = {}
    for u, v, data in g.edges(data=True):
        kind = data["kind"]
        if kind in UPWARD:
            hop = _hop(g, u, v, data)
        elif kind in UPWARD_INVERSE:
            hop = _hop(g, u, v, data, inverse=True)
        else:
            continue
        table = absent if data["quality"] == "absent" else up
        table.setdefault(hop.from_body, []).append(hop)
    for hops in up.values():
        hops.sort(key=_hop_rank)
    return up, absent


def _hop_rank(h: Hop) -> tuple[int, int, str]:
    kind_rank = UPWARD.index(h.kind) if h.kind in UPWARD else len(UPWARD)
    return (kind_rank, QUALITY_ORDER.get(h.quality, 1), h.to_label)


def _outcome(g: Any, node: str) -> str:
    attrs = g.nodes[node]
    if attrs.get("body_type") in COUNCIL_END:
        return "council"
    if attrs.get("org_class") == "FormalOrganization":
        return "partner"
    return "stops"


# ---------------------------------------------------------------- accountability


def accountability(store: Any, body: str, authority: str | None = None) -> Accountability:
    """The chains of upward links from ``body`` (a name or IRI) to where
    accountability ends: the council (Chief Executive, Leader, Lead Member,
    the council itself), a partner's own governance, or a body above which
    the report states nothing.

    Raises :class:`graph.errors.UnknownNameError` when no body has that name."""
    from graph.analysis.network import to_networkx
    from graph.lookup import resolve_body

    start = resolve_body(store, body, authority)
    g = to_networkx(store)
    if start not in g:  # a body without a label never reaches the projection
        from graph.errors import UnknownNameError

        raise UnknownNameError(f"{body!r} is not a labelled body in the store")
    up, absent = _upward_hops(g)
    chains: list[Chain] = []
    truncated = False

    def walk(node: str, hops: list[Hop], seen: set[str]) -> None:
        nonlocal truncated
        if len(chains) >= MAX_CHAINS:
            truncated = True
            return
        onward = [h for h in up.get(node, []) if h.to_body not in seen]
        ends_here = hops and (g.nodes[node].get("body_type") in COUNCIL_END or not onward)
        if ends_here or len(hops) >= MAX_DEPTH:
            chains.append(Chain(tuple(hops), node, g.nodes[node]["label"], _outcome(g, node)))
            return
        # several links between the same two bodies are one step: walk the best
        best: dict[str, Hop] = {}
        for h in onward:
            best.setdefault(h.to_body, h)
        for nxt, h in best.items():
            walk(nxt, [*hops, h], seen | {nxt})

    walk(start, [], {start})
    order = {"council": 0, "partner": 1, "stops": 2}
    chains.sort(
        key=lambda c: (order[c.outcome], len(c.hops), QUALITY_ORDER.get(c.weakest, 1), c.end_label)
    )
    attrs = g.nodes[start]
    result = Accountability(
        body=start,
        label=attrs["label"],
        type_label=attrs.get("type_label", ""),
        chains=chains,
        summary="",
        truncated=truncated,
        absent=absent.get(start, []),
    )
    result.summary = _accountability_summary(result)
    return result


def _accountability_summary(a: Accountability) -> str:
    if not a.chains:
        text = (
            f"No evidenced route: the graph records no link (curated or extracted from "
            f"the report) by which {a.label} reports to, or is held to account by, "
            "another body."
        )
        if a.absent:
            found = "; ".join(
                f"'{h.phrase}' {h.to_label}"
                + (f" ({cite(h.evidence.split(';'))})" if h.evidence else "")
                for h in a.absent
            )
            text += f" Inspectors found absent: {found}."
        return text
    ends: dict[str, Chain] = {}
    for c in a.chains:  # best first: keep the first chain of each outcome
        ends.setdefault(c.outcome, c)
    parts = []
    if "council" in ends:
        c = ends["council"]
        weak = c.weakest in ("weak", "developing")
        parts.append(
            f"reaches the council ({c.end_label}) in {len(c.hops)} step(s)"
            + (f", at best through a {c.weakest} link" if weak else "")
        )
    if "partner" in ends:
        parts.append(f"ends in a partner's own governance ({ends['partner'].end_label})")
    if "stops" in ends and not parts:
        parts.append(f"stops at {ends['stops'].end_label}: no link above it is recorded")
    elif "stops" in ends:
        parts.append(f"also stops at {ends['stops'].end_label} with no link above it")
    return f"{a.label} " + "; ".join(parts) + "."


# ---------------------------------------------------------------- paths


def path(store: Any, a: str, b: str, authority: str | None = None, directed: bool = False) -> Route:
    """The shortest route of stated links between bodies ``a`` and ``b``
    (names or IRIs), each step with every link between its two bodies.

    Links found absent are not routes. With ``directed``, links are followed
    only from source to target (symmetric kinds both ways)."""
    import networkx as nx

    from graph.analysis.network import to_networkx
    from graph.lookup import resolve_body

    src = resolve_body(store, a, authority)
    dst = resolve_body(store, b, authority)
    g = to_networkx(store)
    labels = {n: g.nodes[n]["label"] for n in (src, dst) if n in g}
    base = Route(src, labels.get(src, a), dst, labels.get(dst, b), [], "")
    if src == dst:
        base.summary = f"{base.source_label} and {base.target_label} are the same body."
        return base
    walk = _walk_graph(g, directed, include_absent=False)
    try:
        nodes = nx.shortest_path(walk, src, dst)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        base.summary = f"No evidenced route between {base.source_label} and {base.target_label}."
        loose = _walk_graph(g, directed, include_absent=True)
        if src in loose and dst in loose and nx.has_path(loose, src, dst):
            base.summary += " The only routes run through links inspectors found absent."
        return base
    for u, v in itertools.pairwise(nodes):
        step = [_hop(g, u, v, d) for d in g.get_edge_data(u, v, default={}).values()]
        step += [_hop(g, v, u, d) for d in g.get_edge_data(v, u, default={}).values()]
        step = [h for h in step if h.quality != "absent"]
        step.sort(key=lambda h: (h.from_body != u, QUALITY_ORDER.get(h.quality, 1)))
        base.steps.append(step)
    weakest = max((h.quality for s in base.steps for h in s), key=lambda q: QUALITY_ORDER.get(q, 1))
    base.summary = f"{base.source_label} to {base.target_label}: {len(base.steps)} step(s)" + (
        f"; the weakest link on the way is {weakest}." if weakest in ("weak", "developing") else "."
    )
    return base


def _walk_graph(g: Any, directed: bool, include_absent: bool) -> Any:
    import networkx as nx

    out = nx.DiGraph() if directed else nx.Graph()
    out.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        if d["quality"] == "absent" and not include_absent:
            continue
        out.add_edge(u, v)
        if directed and d["kind"] in symmetric_link_kinds():
            out.add_edge(v, u)
    return out


# ---------------------------------------------------------------- brokers


def rank(store: Any, measure: str = "betweenness", authority: str | None = None) -> Ranking:
    """Every body scored by ``measure`` (betweenness, degree or pagerank), with
    the articulation points and the isolated bodies of the partnership.

    Links found absent are left out: they are not connections."""
    import networkx as nx

    from graph.analysis.network import to_networkx

    if measure not in MEASURES:
        raise UnknownFormatError(f"unknown measure {measure!r}; use one of: {', '.join(MEASURES)}")
    g = to_networkx(store, authority)
    und = _walk_graph(g, directed=False, include_absent=False)
    if measure == "betweenness":
        scores = nx.betweenness_centrality(und)
    elif measure == "degree":
        scores = {n: float(d) for n, d in und.degree()}
    else:
        directed = _walk_graph(g, directed=True, include_absent=False)
        scores = _pagerank(directed)

    def ranked(n: str) -> Ranked:
        a = g.nodes[n]
        return Ranked(
            n, a["label"], a.get("type_label", ""), a.get("authority", ""), scores.get(n, 0.0)
        )

    rows = sorted((ranked(n) for n in g.nodes), key=lambda r: (-r.score, r.label))
    cuts = []
    for n in nx.articulation_points(und):
        cuts.append(CutPoint(n, g.nodes[n]["label"], tuple(_cut_off(und, n, g))))
    cuts.sort(key=lambda c: (-len(c.cut_off), c.label))
    isolated = sorted((ranked(n) for n in und.nodes if und.degree(n) == 0), key=lambda r: r.label)
    return Ranking(
        measure=measure,
        reading=MEASURES[measure],
        rows=rows,
        articulation_points=cuts,
        isolated=isolated,
        bodies=g.number_of_nodes(),
        links=g.number_of_edges(),
    )


def _pagerank(g: Any, alpha: float = 0.85, tol: float = 1.0e-10) -> dict[str, float]:
    """PageRank by power iteration, in plain Python (networkx's own needs
    scipy, which sgkg does not otherwise need; these graphs have tens of
    nodes). A body with no outgoing link shares its score with everyone."""
    nodes = list(g.nodes)
    n = len(nodes)
    if not n:
        return {}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(200):
        dangling = sum(rank[u] for u in nodes if g.out_degree(u) == 0)
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + alpha * dangling / n)
        for u in nodes:
            out = g.out_degree(u)
            if out:
                share = alpha * rank[u] / out
                for v in g.successors(u):
                    new[v] += share
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank


def _cut_off(und: Any, node: str, g: Any) -> list[str]:
    """Labels of the bodies that removing ``node`` separates from the largest
    remaining part of its component."""
    import networkx as nx

    component = nx.node_connected_component(und, node) - {node}
    rest = und.subgraph(component)
    parts = sorted(nx.connected_components(rest), key=len, reverse=True)
    lost = itertools.chain.from_iterable(parts[1:])
    return sorted(g.nodes[n]["label"] for n in lost)


# ---------------------------------------------------------------- as text


def _hop_line(h: Hop) -> str:
    where = cite(h.evidence.split(";"))
    cited = f"{h.quality}; {where}" if where else h.quality
    if h.how == provenance.EXTRACTED:
        cited += "; extracted"
    text = f"{h.from_label} —{h.phrase}→ {h.to_label}  [{cited}]"
    return text + (f"\n        “{h.quote}”" if h.quote else "")


def format_accountability(a: Accountability) -> str:
    """Accountability chains as indented text for the terminal."""
    head = f"Accountability of {a.label}" + (f" ({a.type_label})" if a.type_label else "")
    lines = [head, "", a.summary]
    ends = {
        "council": "ends with the council: {}",
        "partner": "ends in a partner's own governance: {}",
        "stops": "stops at {} (nothing stated above it)",
    }
    for n, c in enumerate(a.chains, 1):
        lines += ["", f"{n}. " + ends[c.outcome].format(c.end_label)]
        lines += [f"    {_hop_line(h)}" for h in c.hops]
    if a.truncated:
        lines += ["", f"(only the first {MAX_CHAINS} chains are shown)"]
    if a.absent and a.chains:
        lines += ["", "Links inspectors found absent (not routes):"]
        lines += [f"    {_hop_line(h)}" for h in a.absent]
    return "\n".join(lines)


def format_route(r: Route) -> str:
    """A path as numbered steps, each with every link between its two bodies."""
    lines = [r.summary]
    for n, step in enumerate(r.steps, 1):
        lines.append(f"{n}. " + _hop_line(step[0]))
        lines += [f"   also {_hop_line(h)}" for h in step[1:]]
    return "\n".join(lines)


def format_ranking(r: Ranking, top: int | None = 15) -> str:
    """Scores, articulation points and isolated bodies, each with its reading."""
    rows = r.rows[:top] if top else r.rows
    digits = 0 if r.measure == "degree" else 3
    table = format_table(
        ["#", "body", "type", r.measure],
        [[str(n), x.label, x.type_label, f"{x.score:.{digits}f}"] for n, x in enumerate(rows, 1)],
    )
    width = terminal_width()
    lines = [f"{r.bodies} bodies, {r.links} stated links.", "", fill(r.reading, width), "", table]
    lines += ["", fill(ARTICULATION_READING, width)]
    if r.articulation_points:
        for c in r.articulation_points:
            shown = ", ".join(c.cut_off[:6]) + (
                f" and {len(c.cut_off) - 6} more" if len(c.cut_off) > 6 else ""
            )
            lines.append(fill(f"- {c.label}: would cut off {shown}", width, subsequent_indent="  "))
    else:
        lines.append("- none")
    lines += ["", fill(ISOLATED_READING, width)]
    lines += [
        fill(f"- {x.label}" + (f" ({x.type_label})" if x.type_label else ""), width)
        for x in r.isolated
    ] or ["- none"]
    return "\n".join(lines)
