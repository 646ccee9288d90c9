"""Where the explorer puts each body: computed in Python, not in the browser.

Two layouts for one graph:

* :func:`force_positions`: each connected part laid out by force (networkx's
  spring layout; a numpy Fruchterman-Reingold for parts too large for it
  without scipy), the parts packed in rows so none overlaps another. A page
  drawn from these needs no physics, which is what keeps a 2,000-body page
  quick (vis-network's physics needed most of a minute for 1,000 bodies);
* :func:`layered_positions`: one row per level of the reporting lines,
  bosses above, for the explorer's "Reporting lines" view.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

#: connected parts above this size are laid out by the numpy force layout
#: below (networkx's spring layout needs scipy for large graphs)
NX_LAYOUT_MAX_NODES = 400

#: reporting lines: kinds whose target is above the source, and the reverse
REPORTING_UP = frozenset(
    {"reports-to", "accountable-to", "sub-group-of", "part-of", "post-in", "annual-report-to"}
)
REPORTING_DOWN = frozenset({"leads", "chairs"})


#: typical distance in page pixels between a body and its nearest neighbour
SPACING = 130.0


def _spacing_scale(points: Any) -> float:
    """The factor that makes the median nearest-neighbour distance
    :data:`SPACING`: leaves flung far out then do not squeeze a dense core."""
    import numpy as np

    n = len(points)
    sample = points if n <= 600 else points[np.random.default_rng(7).choice(n, 600, False)]
    d2 = ((sample[:, None, :] - points[None, :, :]) ** 2).sum(axis=2)
    d2[d2 == 0] = np.inf  # itself (and any exact twin)
    nearest = np.sqrt(d2.min(axis=1))
    typical = float(np.median(nearest[np.isfinite(nearest)])) if np.isfinite(nearest).any() else 0
    return SPACING / typical if typical > 0 else SPACING


def _force_layout(g: Any, seed: int = 7, iterations: int = 80) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in numpy, repulsion in row blocks: for large parts."""
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in g.edges() if u != v], dtype=np.int64)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) - 0.5
    k = math.sqrt(1.0 / n)
    t = 0.1
    dt = t / (iterations + 1)
    block = max(1, 4_000_000 // (2 * n))
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        for start in range(0, n, block):
            rows = pos[start : start + block]
            delta = rows[:, None, :] - pos[None, :, :]
            dist2 = np.maximum((delta**2).sum(axis=2), 1e-6)
            disp[start : start + block] = (delta * (k * k / dist2)[:, :, None]).sum(axis=1)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt((d**2).sum(axis=1))[:, None]
            pull = d * dist / k
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        length = np.sqrt((disp**2).sum(axis=1))
        length = np.where(length < 0.01, 0.1, length)
        pos += disp * (t / length)[:, None]
        t -= dt
    pos -= pos.mean(axis=0)
    span = np.abs(pos).max() or 1.0
    pos /= span
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _part_layout(part: Any, large: int) -> dict[Any, tuple[float, float]]:
    n = part.number_of_nodes()
    if n == 1:
        return {next(iter(part)): (0.0, 0.0)}
    if n <= large:
        import networkx as nx

        unit = nx.spring_layout(part, seed=7, iterations=100)
    else:
        unit = _force_layout(part)
    import numpy as np

    nodes = list(unit)
    points = np.array([unit[v] for v in nodes], dtype=float)
    points *= _spacing_scale(points)
    return {v: (float(points[i, 0]), float(points[i, 1])) for i, v in enumerate(nodes)}


def _pack(parts: list[dict[Any, tuple[float, float]]], margin: float = 110.0) -> dict:
    """Place laid-out parts in rows, largest first, without overlap."""
    boxes = []
    for part in parts:
        xs = [p[0] for p in part.values()]
        ys = [p[1] for p in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + margin, max(ys) - min(ys) + margin))
    order = sorted(range(len(parts)), key=lambda i: (-boxes[i][3], -boxes[i][2]))
    area = sum(b[2] * b[3] for b in boxes)
    width = max([math.sqrt(area) * 1.4] + [b[2] for b in boxes])
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for i in order:
        x0, y0, w, h = boxes[i]
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for v, (px, py) in parts[i].items():
            out[v] = (round(px - x0 + x + margin / 2, 1), round(py - y0 + y + margin / 2, 1))
        x += w
        row_h = max(row_h, h)
    return out


def force_positions(g: Any, large: int = NX_LAYOUT_MAX_NODES) -> dict[Any, tuple[float, float]]:
    """Page coordinates for every node: each connected part laid out by force,
    the parts packed in rows (largest first) so none overlaps another."""
    import networkx as nx

    u = nx.Graph()
    u.add_nodes_from(sorted(g.nodes))
    u.add_edges_from((a, b) for a, b in g.edges() if a != b)
    parts = sorted(nx.connected_components(u), key=lambda c: (-len(c), min(c)))
    return _pack([_part_layout(u.subgraph(sorted(c)), large) for c in parts])


def reporting_levels(g: Any) -> dict[Any, int]:
    """Level of each body in its reporting lines (0 = top) for bodies that
    are on at least one; cycles are broken by dropping the edge that closes them."""
    import networkx as nx

    h = nx.DiGraph()
    for s, t, kind in g.edges(data="kind"):
        if s == t:
            continue
        if kind in REPORTING_UP:
            h.add_edge(t, s)
        elif kind in REPORTING_DOWN:
            h.add_edge(s, t)
    dag = nx.DiGraph()
    dag.add_nodes_from(h)
    state: dict[Any, int] = {}  # 1 on the stack, 2 done
    for root in sorted(h, key=lambda v: (h.in_degree(v), str(v))):
        if root in state:
            continue
        stack = [(root, iter(sorted(h.successors(root), key=str)))]
        state[root] = 1
        while stack:
            v, children = stack[-1]
            for w in children:
                if state.get(w) == 1:
                    continue  # back edge: would close a cycle
                dag.add_edge(v, w)
                if w not in state:
                    state[w] = 1
                    stack.append((w, iter(sorted(h.successors(w), key=str))))
                    break
            else:
                state[v] = 2
                stack.pop()
    levels: dict[Any, int] = {}
    for v in nx.topological_sort(dag):
        levels[v] = max((levels[p] + 1 for p in dag.predecessors(v)), default=0)
    return levels


def layered_positions(
    g: Any, dx: float = 230.0, dy: float = 150.0
) -> dict[Any, tuple[float, float]]:
    """Page coordinates for the layered view: bosses above, one row per level
    of the reporting lines, each hierarchy beside the next; bodies on no
    reporting line in a grid after them."""
    import networkx as nx

    levels = reporting_levels(g)
    u = nx.Graph()
    u.add_nodes_from(levels)
    u.add_edges_from(
        (a, b) for a, b, k in g.edges(data="kind") if a in levels and b in levels and a != b
    )
    parts: list[dict[Any, tuple[float, float]]] = []
    for comp in sorted(nx.connected_components(u), key=lambda c: (-len(c), min(map(str, c)))):
        rows: dict[int, list[Any]] = defaultdict(list)
        for v in sorted(comp, key=str):
            rows[levels[v]].append(v)
        x_of: dict[Any, float] = {}
        for lvl in sorted(rows):
            row = rows[lvl]
            if lvl > 0:  # order by the mean place of neighbours above: shorter lines
                bary = {}
                for v in row:
                    xs = [x_of[w] for w in u[v] if w in x_of and levels[w] < lvl]
                    bary[v] = sum(xs) / len(xs) if xs else float("inf")
                row.sort(key=bary.__getitem__)
            for i, v in enumerate(row):
                x_of[v] = (i - (len(row) - 1) / 2) * dx
        parts.append({v: (x_of[v], levels[v] * dy) for v in comp})
    loose = sorted((v for v in g if v not in levels), key=lambda v: str(g.nodes[v].get("label")))
    if loose:
        per_row = max(4, int(math.sqrt(len(loose)) * 1.5))
        parts.append({v: ((i % per_row) * dx, (i // per_row) * dy) for i, v in enumerate(loose)})
    return _pack(parts, margin=dx) if parts else {}
